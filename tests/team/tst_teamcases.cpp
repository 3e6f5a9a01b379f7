// Cases in a team workspace through the same classes as case files
// (CaseFile on a server connection, CaseSession, the casework stores): every
// write a short transaction under the case's lock, the audit chain sealed in
// it with the server's session user; two people on one record (the second,
// stale save is a conflict, nothing lost); twenty writer processes on the
// same cases at once; a writer killed mid-edit. Runs against the throwaway
// cluster CTest starts (pgcluster.py, OWB_TEST_PG).

#include "casework/casesession.h"
#include "store/auditlog.h"
#include "store/casefile.h"
#include "store/portfolio.h"
#include "store/teamtransfer.h"
#include "store/teamworkspace.h"
#include "teamfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>

using namespace owb;
using namespace owb::teamtest;

namespace {

const QStringList kOrgs{QStringLiteral("RAA"), QStringLiteral("RBB"), QStringLiteral("RCC"), QStringLiteral("RDD")};

// A team workspace with an empty case for each of kOrgs, written through
// CaseFile on the server as an import writes a new case.
ServerAddress workspaceWithCases(const QString &stem)
{
    const ServerAddress server = freshDatabase(stem);
    initTeamWorkspace(server, {});
    Database cases(server, ServerArea::Cases, {}, Database::Mode::OpenExisting);
    for (const QString &org : kOrgs)
        CaseFile(cases, org, Database::Mode::CreateIfMissing)
            .write({org, QStringLiteral("Trust %1").arg(org), QStringLiteral("Acute"), QStringLiteral("North")}, {});
    return server;
}

std::unique_ptr<CaseSession> sessionOn(Database &cases, const QString &org)
{
    return std::make_unique<CaseSession>(std::make_unique<CaseFile>(cases, org), Methodology::builtIn());
}

// Sessions on the database with a transaction open, other than the asker's.
int openTransactions(const ServerAddress &server)
{
    return adminScalar(server, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                              " AND pid <> pg_backend_pid() AND xact_start IS NOT NULL"))
        .toInt();
}

// Waits (up to 10 s) until every client but the asker has left.
bool clientsGone(const ServerAddress &server)
{
    for (int i = 0; i < 100; ++i) {
        if (adminScalar(server, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                               "current_database() AND pid <> pg_backend_pid()"))
                .toInt()
            == 0)
            return true;
        QThread::msleep(100);
    }
    return false;
}

int runCheck(const ServerAddress &server, QByteArray *out)
{
    QProcess check;
    check.start(QStringLiteral(OWB_BIN), {QStringLiteral("check"), server.url()});
    check.waitForFinished(300000);
    *out = check.readAllStandardOutput() + check.readAllStandardError();
    return check.exitStatus() == QProcess::NormalExit ? check.exitCode() : -1;
}

// The note texts left by a team_writer's acknowledged edits: the even edit
// added "wW eN", the odd one after it changed the text to "wW eN+1".
QStringList expectedMarks(int writer, const QSet<int> &acked, int count)
{
    QStringList marks;
    for (int n = 0; n < count; n += 2)
        if (acked.contains(n))
            marks.append(QStringLiteral("w%1 e%2").arg(writer).arg(acked.contains(n + 1) ? n + 1 : n));
    marks.sort();
    return marks;
}

QSet<int> acksIn(const QByteArray &output)
{
    QSet<int> acked;
    static const QRegularExpression ack(QStringLiteral("^ack (\\d+)$"), QRegularExpression::MultilineOption);
    auto it = ack.globalMatch(QString::fromUtf8(output));
    while (it.hasNext())
        acked.insert(it.next().captured(1).toInt());
    return acked;
}

QStringList notesOf(const ServerAddress &server, const QString &writerPrefix)
{
    Database cases(server, ServerArea::Cases, {}, Database::Mode::ReadOnly);
    QSqlQuery q = cases.exec(QStringLiteral("SELECT body FROM note WHERE body LIKE ?"), {writerPrefix + QLatin1Char('%')});
    QStringList bodies;
    while (q.next())
        bodies.append(q.value(0).toString());
    bodies.sort();
    return bodies;
}

QByteArray owbOutput(const QStringList &arguments, int *exitCode)
{
    QProcess owb;
    owb.start(QStringLiteral(OWB_BIN), arguments);
    owb.waitForFinished(300000);
    *exitCode = owb.exitStatus() == QProcess::NormalExit ? owb.exitCode() : -1;
    return owb.readAllStandardOutput();
}

} // namespace

class TestTeamCases : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        OWB_REQUIRE_CLUSTER("team workspaces");
    }

    // The facade the views use, on a server: several cases on one shared
    // connection, each write sealed into its own case's chain, the author
    // of every entry the server's session user.
    void casesShareAConnectionAndSealTheirOwnChains()
    {
        const ServerAddress server = workspaceWithCases(QStringLiteral("cases"));
        const QString person = QStringLiteral("rm_%1").arg(server.database.right(8));
        adminScalar(server, QStringLiteral("CREATE ROLE %1 LOGIN IN ROLE %2_editor").arg(person, server.database));
        ServerAddress asPerson = server;
        asPerson.user = person;
        {
            Database cases(asPerson, ServerArea::Cases, {}, Database::Mode::OpenExisting);
            QCOMPARE(cases.sessionUser(), person);
            auto a = sessionOn(cases, kOrgs.at(0));
            auto b = sessionOn(cases, kOrgs.at(1));
            QCOMPARE(a->identity().name, QStringLiteral("Trust RAA"));
            QCOMPARE(a->addNote(QString(), QString(), QStringLiteral("first")), QString());
            QCOMPARE(b->addNote(QString(), QString(), QStringLiteral("other case")), QString());
            const Note note = a->notes().notes().first();
            QCOMPARE(a->setNoteBody(note.id, QStringLiteral("second")), QString());
            qint64 milestone = 0;
            QCOMPARE(a->addRecord(milestoneTable(),
                                  {{QStringLiteral("description"), QStringLiteral("Board seminar")},
                                   {QStringLiteral("due_date"), QStringLiteral("2027-01-31")}},
                                  QStringLiteral("Add milestone"), &milestone),
                     QString());
            QVERIFY(milestone > 0);
            a->undoStack()->undo(); // the milestone goes: a compensating write, sealed as well
            QCOMPARE(a->casework().records(milestoneTable()).size(), 0);
            QCOMPARE(a->notes().notes().first().body, QStringLiteral("second"));
            QCOMPARE(b->notes().notes().size(), 1);
            for (const QString &org : {kOrgs.at(0), kOrgs.at(1)}) {
                const CaseScope scope{cases, org};
                QCOMPARE(auditlog::verify(scope), QStringList());
                const QList<AuditEntry> entries = auditlog::entries(scope, QStringLiteral("note"));
                QVERIFY(!entries.isEmpty());
                for (const AuditEntry &e : entries)
                    QCOMPARE(e.actor, person);
            }
            // A case the workspace does not hold is refused, named.
            const QString missing = errorOf([&] { CaseFile(cases, QStringLiteral("RZZ")); });
            QVERIFY2(missing.contains(QStringLiteral("no case for organisation RZZ")), qPrintable(missing));
            // A reader may read and not write.
            adminScalar(server, QStringLiteral("CREATE ROLE %1_r LOGIN IN ROLE %2_reader").arg(person, server.database));
        }
        ServerAddress asReader = server;
        asReader.user = person + QStringLiteral("_r");
        {
            Database cases(asReader, ServerArea::Cases, {}, Database::Mode::OpenExisting);
            auto a = sessionOn(cases, kOrgs.at(0));
            QCOMPARE(a->notes().notes().size(), 1);
            const QString refused = a->addNote(QString(), QString(), QStringLiteral("not allowed"));
            // The refusal names whose account, what and the role to ask for.
            QVERIFY2(refused.contains(QStringLiteral("Your account %1 may not change the note records of the team "
                                                     "workspace %2 on this machine. Ask its administrator for the "
                                                     "%2_editor role.")
                                          .arg(asReader.user, server.database)),
                     qPrintable(refused));
            QCOMPARE(a->notes().notes().size(), 1);
        }
        QByteArray out;
        QCOMPARE(runCheck(server, &out), 0);
        QVERIFY2(out.contains(": 4 cases checked, clean"), out.constData());
        QVERIFY(clientsGone(server));
    }

    // Two people, two connections, one note: the second save of a stale
    // text is a conflict carrying both texts; nothing is lost.
    void staleSaveIsAConflict()
    {
        const ServerAddress server = workspaceWithCases(QStringLiteral("conflict"));
        Database first(server, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        Database second(server, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        auto alice = sessionOn(first, kOrgs.at(2));
        auto bob = sessionOn(second, kOrgs.at(2));
        QCOMPARE(alice->addNote(QString(), QString(), QStringLiteral("agreed at the meeting")), QString());
        const qint64 id = bob->notes().notes().first().id; // Bob reads it
        QCOMPARE(alice->setNoteBody(id, QStringLiteral("Alice's text")), QString());
        const QString refused = bob->setNoteBody(id, QStringLiteral("Bob's text"));
        QVERIFY2(!refused.isEmpty(), "a stale save went through");
        QCOMPARE(alice->notes().notes().first().body, QStringLiteral("Alice's text"));
        // The store says what the conflict is: what Bob saw and what is there now.
        NoteStore store(CaseScope{second, kOrgs.at(2)});
        bool conflict = false;
        try {
            store.setBody(id, QStringLiteral("Bob's text"), 1);
        } catch (const StoreConflict &c) {
            conflict = true;
            QCOMPARE(c.stored(), QStringLiteral("Alice's text"));
        }
        QVERIFY(conflict);
        // Read again, Bob's save goes through, on top of Alice's.
        QCOMPARE(store.setBody(id, QStringLiteral("Bob's text"), 2), 3);
        QCOMPARE(auditlog::verify(CaseScope{first, kOrgs.at(2)}), QStringList());
        QCOMPARE(auditlog::entries(CaseScope{first, kOrgs.at(2)}, QStringLiteral("note")).size(), 3);
    }

    // Two people's sessions on one server case: Bob undoes his own older
    // edit of a record Alice has changed since: a conflict, nothing written,
    // Alice's value stands; keeping his writes it over her version, and the
    // chain holds every step.
    void undoOverAnotherEditIsAConflict()
    {
        const ServerAddress server = workspaceWithCases(QStringLiteral("undoconflict"));
        Database first(server, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        Database second(server, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        auto alice = sessionOn(first, kOrgs.at(3));
        auto bob = sessionOn(second, kOrgs.at(3));
        qint64 milestone = 0;
        QCOMPARE(bob->addRecord(milestoneTable(),
                                {{QStringLiteral("description"), QStringLiteral("Board seminar")},
                                 {QStringLiteral("due_date"), QStringLiteral("2027-01-31")}},
                                QStringLiteral("Add milestone"), &milestone),
                 QString());
        QCOMPARE(bob->setRecordField(milestoneTable(), milestone, QStringLiteral("owner"), QStringLiteral("Bob")), QString());
        alice->casework().records(milestoneTable()); // Alice reads it, then changes it
        QCOMPARE(alice->setRecordField(milestoneTable(), milestone, QStringLiteral("owner"), QStringLiteral("Alice")),
                 QString());
        const auto owner = [&] { return alice->casework().field(milestoneTable(), milestone, QStringLiteral("owner")); };
        const CaseScope scope{first, kOrgs.at(3)};
        const int entries = auditlog::entries(scope, QStringLiteral("milestone")).size();
        QSignalSpy failed(bob.get(), &CaseSession::storeFailed);
        bob->undoStack()->undo();
        QCOMPARE(failed.size(), 1);
        QVERIFY(bob->lastConflict());
        QCOMPARE(bob->lastConflict()->stored(), QStringLiteral("Alice"));
        QCOMPARE(owner(), QStringLiteral("Alice"));
        QCOMPARE(auditlog::entries(scope, QStringLiteral("milestone")).size(), entries);
        QCOMPARE(bob->undoStack()->count(), 1);
        // Bob keeps his undo: over Alice's version, a step of its own.
        QCOMPARE(bob->keepMine(bob->conflictMine()), QString());
        QCOMPARE(owner(), QString());
        bob->undoStack()->undo();
        QCOMPARE(owner(), QStringLiteral("Alice"));
        QCOMPARE(auditlog::entries(scope, QStringLiteral("milestone")).size(), entries + 2);
        QCOMPARE(auditlog::verify(scope), QStringList());
    }

    // Twenty writer processes, 200 acknowledged edits each, on the same four
    // cases: every acknowledged edit is there, every chain verifies, no
    // transaction is left open.
    void twentyWritersLoseNothing()
    {
        const ServerAddress server = workspaceWithCases(QStringLiteral("writers"));
        constexpr int kWriters = 20;
        constexpr int kEdits = 200;
        QElapsedTimer timer;
        timer.start();
        std::vector<std::unique_ptr<QProcess>> writers;
        for (int w = 0; w < kWriters; ++w) {
            auto p = std::make_unique<QProcess>();
            p->start(QStringLiteral(TEAM_WRITER), {server.url(), QString::number(w), QString::number(kEdits), kOrgs.join(QLatin1Char(','))});
            QVERIFY(p->waitForStarted());
            writers.push_back(std::move(p));
        }
        for (int w = 0; w < kWriters; ++w) {
            QProcess &p = *writers.at(w);
            QVERIFY2(p.waitForFinished(600000), "a writer did not finish");
            const QByteArray out = p.readAllStandardOutput();
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
            const QSet<int> acked = acksIn(out);
            QVERIFY2(acked.size() == kEdits, out.constData()); // nothing refused on separate notes
            QCOMPARE(notesOf(server, QStringLiteral("w%1 ").arg(w)), expectedMarks(w, acked, kEdits));
        }
        qInfo("20 writers x 200 edits: %lld ms", timer.elapsed());
        QVERIFY(clientsGone(server));
        QCOMPARE(openTransactions(server), 0);
        QByteArray out;
        QCOMPARE(runCheck(server, &out), 0);
        QVERIFY2(out.contains(": 4 cases checked, clean"), out.constData());
        // Each chain holds every note's insert and update (and the case's own record).
        QCOMPARE(adminScalar(server, QStringLiteral("SELECT count(*) FROM cases.audit_log WHERE table_name = 'note'")).toInt(),
                 kWriters * kEdits);
    }

    // A writer killed with SIGKILL in mid-edit: what it had acknowledged is
    // there, its transaction is gone, the chains verify, others write on.
    void killedWriterLeavesTheServerConsistent()
    {
        const ServerAddress server = workspaceWithCases(QStringLiteral("killed"));
        QProcess writer;
        writer.start(QStringLiteral(TEAM_WRITER), {server.url(), QStringLiteral("7"), QStringLiteral("100000"), kOrgs.join(QLatin1Char(','))});
        QVERIFY(writer.waitForStarted());
        QByteArray out;
        while (acksIn(out).size() < 50 && writer.state() == QProcess::Running) {
            writer.waitForReadyRead(1000);
            out += writer.readAllStandardOutput();
        }
        writer.kill(); // SIGKILL
        writer.waitForFinished();
        out += writer.readAllStandardOutput();
        const QSet<int> acked = acksIn(out);
        QVERIFY(acked.size() >= 50);
        QVERIFY(clientsGone(server));
        QCOMPARE(openTransactions(server), 0);
        // Every acknowledged edit is there; at most the one in flight beyond them.
        const QStringList notes = notesOf(server, QStringLiteral("w7 "));
        int highest = -1;
        for (int n : acked)
            highest = std::max(highest, n);
        const QStringList expected = expectedMarks(7, acked, highest + 3);
        const QStringList withInFlight = expectedMarks(7, acked + QSet<int>{highest + 1}, highest + 3);
        QVERIFY2(notes == expected || notes == withInFlight, qPrintable(notes.join(QLatin1Char(','))));
        QByteArray check;
        QCOMPARE(runCheck(server, &check), 0);
        // The next writer carries on the same chains.
        Database cases(server, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        auto session = sessionOn(cases, kOrgs.at(0));
        QCOMPARE(session->addNote(QString(), QString(), QStringLiteral("after the kill")), QString());
        QCOMPARE(auditlog::verify(CaseScope{cases, kOrgs.at(0)}), QStringList());
    }

    // A team workspace opened like a folder one (Workspace::open with a
    // URL): the portfolio and the methodology register read from the
    // server say what they say for the folder it was pushed from, and a
    // case opened through it edits through CaseSession.
    void workspaceOverAUrlReadsAsTheFolder()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("demo"));
        int code = 0;
        owbOutput({QStringLiteral("demo"), folder}, &code);
        QCOMPARE(code, 0);
        const ServerAddress server = freshDatabase(QStringLiteral("url"));
        initTeamWorkspace(server, {});
        pushWorkspace(folder, server, {});
        for (const QStringList &command : {QStringList{QStringLiteral("portfolio")},
                                           QStringList{QStringLiteral("methodology"), QStringLiteral("list")}}) {
            int fromFolder = 0, fromServer = 0;
            const QByteArray local = owbOutput(command + QStringList{folder}, &fromFolder);
            const QByteArray team = owbOutput(command + QStringList{server.url()}, &fromServer);
            QCOMPARE(fromServer, fromFolder);
            QCOMPARE(fromFolder, 0);
            QVERIFY(!local.isEmpty());
            QCOMPARE(team, local);
        }
        auto workspace = Workspace::open(server.url(), Database::Mode::OpenExisting);
        QVERIFY(workspace->isTeam());
        QCOMPARE(workspace->sessionUser(), server.user);
        const QStringList codes = workspace->caseCodes();
        QCOMPARE(codes.size(), 33);
        QStringList problems;
        const QList<PortfolioEntry> entries = loadPortfolio(*workspace, {}, &problems);
        QCOMPARE(problems, QStringList());
        QCOMPARE(entries.size(), 33);
        CaseSession session(workspace->openCase(codes.first(), Database::Mode::OpenExisting), workspace->methodology());
        QCOMPARE(session.addNote(QString(), QString(), QStringLiteral("from the team")), QString());
        QCOMPARE(auditlog::verify(CaseScope{workspace->openCase(codes.first())->database(), codes.first()}), QStringList());
        const QString missing = errorOf([&] { workspace->openCase(QStringLiteral("RZZ")); });
        QVERIFY2(missing.contains(QStringLiteral("no case for organisation RZZ")), qPrintable(missing));
        // Only the team's importers import: anyone else is told so in plain
        // words, and nothing changes (no folder named after the URL either);
        // the file the workspace was made from, imported again, changes nothing.
        const QString editor = QStringLiteral("ed_%1").arg(server.database.right(8));
        adminScalar(server, QStringLiteral("CREATE ROLE %1 LOGIN IN ROLE %2_editor").arg(editor, server.database));
        ServerAddress asEditor = server;
        asEditor.user = editor;
        const auto importInto = [&](const ServerAddress &target) {
            QProcess import;
            import.setWorkingDirectory(dir.path());
            import.start(QStringLiteral(OWB_BIN), {QStringLiteral("import"), target.url(),
                                                   QDir(folder).filePath(QStringLiteral("national-metrics.csv"))});
            import.waitForFinished(300000);
            return std::make_pair(import.exitCode(), QString::fromUtf8(import.readAllStandardError()));
        };
        const auto [refusedCode, refused] = importInto(asEditor);
        QCOMPARE(refusedCode, 2);
        QVERIFY2(refused.contains(QStringLiteral("may not import national data or change methodologies in this team "
                                                 "workspace: only members of %1_importer may").arg(server.database)),
                 qPrintable(refused));
        const auto [againCode, again] = importInto(server);
        QVERIFY2(againCode == 0, qPrintable(again));
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList{QStringLiteral("demo")});
        QCOMPARE(workspace->caseCodes(), codes);
    }
};

QTEST_GUILESS_MAIN(TestTeamCases)
#include "tst_teamcases.moc"
