// The audit trail of a team workspace is the server's to say: who made a
// change is the connection's session user, whatever the client sends, and an
// editor may add entries but never change or remove one; a workspace made
// before that is upgraded. And a case whose lock another session holds
// (a colleague's stalled transaction) refuses an edit within a few seconds,
// nothing written, instead of freezing the window. Runs against the
// throwaway cluster CTest starts (pgcluster.py, OWB_TEST_PG).

#include "casework/casesession.h"
#include "store/auditlog.h"
#include "store/casefile.h"
#include "store/teamworkspace.h"
#include "teamfixture.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>
#include <QThread>
#include <atomic>
#include <thread>

using namespace owb;
using namespace owb::teamtest;

namespace {

const QString kOrg = QStringLiteral("RAA");

// A team workspace with one empty case (kOrg) and an editor, alice_<db>.
struct Workspace
{
    ServerAddress server;
    ServerAddress asEditor;
};

Workspace workspaceWithEditor(const QString &stem)
{
    Workspace w;
    w.server = freshDatabase(stem);
    initTeamWorkspace(w.server, {});
    {
        Database cases(w.server, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        CaseFile(cases, kOrg, Database::Mode::CreateIfMissing)
            .write(
                { kOrg, QStringLiteral("Trust RAA"), QStringLiteral("Acute"), QStringLiteral("North") }, {});
    }
    w.asEditor = w.server;
    w.asEditor.user = QStringLiteral("alice_%1").arg(w.server.database.right(8));
    adminScalar(w.server,
        QStringLiteral("CREATE ROLE %1 LOGIN IN ROLE %2_editor").arg(w.asEditor.user, w.server.database));
    return w;
}

// A connection of our own (not through Database), as psql would be.
class RawConnection
{
public:
    explicit RawConnection(const ServerAddress &server)
        : m_name(QUuid::createUuid().toString())
    {
        openRawConnection(server, m_name);
    }
    ~RawConnection() { QSqlDatabase::removeDatabase(m_name); }
    // The SQLSTATE the statement failed with; empty when it ran.
    QString run(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        return q.exec(sql) ? QString() : q.lastError().nativeErrorCode();
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql))
            qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return q.next() ? q.value(0) : QVariant();
    }
    void close() { QSqlDatabase::database(m_name).close(); }

private:
    QString m_name;
};

int runCheck(const ServerAddress &server, QByteArray *out)
{
    QProcess check;
    check.start(QStringLiteral(OWB_BIN), { QStringLiteral("check"), server.url() });
    check.waitForFinished(300000);
    *out = check.readAllStandardOutput() + check.readAllStandardError();
    return check.exitStatus() == QProcess::NormalExit ? check.exitCode() : -1;
}

QString auditRows(const ServerAddress &server)
{
    return adminScalar(server,
        QStringLiteral(
            "SELECT string_agg(org_code || seq || actor || coalesce(hash, '-'), ',' ORDER BY org_code, seq)"
            " FROM cases.audit_log"))
        .toString();
}

// A workspace as step 1 of the server's ladder alone left it (before the
// audit trail's "who" was the server's): no "who" triggers, no seal
// function, editors allowed to rewrite an entry's actor and hash.
void backToVersionOne(const ServerAddress &server)
{
    for (const char *sql : { "DROP TRIGGER audit_entry_who ON cases.audit_log",
             "DROP TRIGGER note_who ON cases.note", "DROP TRIGGER decision_who ON cases.decision",
             "DROP TRIGGER methodology_file_who ON national.methodology_file",
             "DROP TRIGGER methodology_log_who ON national.methodology_log",
             "DROP FUNCTION cases.audit_entry_who()", "DROP FUNCTION owb.writer_is_session_user()",
             "DROP FUNCTION cases.audit_seal(text, integer, text)",
             "UPDATE owb.schema_version SET version = 1" })
        adminScalar(server, QString::fromLatin1(sql));
    adminScalar(server,
        QStringLiteral("GRANT UPDATE (actor, hash) ON cases.audit_log TO %1_editor").arg(server.database));
}

} // namespace

class TestTeamAudit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { OWB_REQUIRE_CLUSTER("the team audit trail"); }

    // As alice, at the server's own prompt: no entry can be rewritten or
    // removed, and one added names alice, unsealed, whatever it says.
    void editorCannotRewriteTheAuditTrail()
    {
        const Workspace w = workspaceWithEditor(QStringLiteral("who"));
        const QString before = auditRows(w.server);
        QVERIFY(!before.isEmpty());
        RawConnection alice(w.asEditor);
        QCOMPARE(alice.run(QStringLiteral("UPDATE cases.audit_log SET actor = 'bob' WHERE org_code = 'RAA'")),
            QStringLiteral("42501"));
        QCOMPARE(alice.run(QStringLiteral("UPDATE cases.audit_log SET hash = 'x' WHERE org_code = 'RAA'")),
            QStringLiteral("42501"));
        QCOMPARE(alice.run(QStringLiteral("DELETE FROM cases.audit_log WHERE org_code = 'RAA'")),
            QStringLiteral("42501"));
        QCOMPARE(alice.run(QStringLiteral("TRUNCATE cases.audit_log")), QStringLiteral("42501"));
        QCOMPARE(alice.run(QStringLiteral("ALTER TABLE cases.audit_log DISABLE TRIGGER USER")),
            QStringLiteral("42501"));
        QCOMPARE(auditRows(w.server), before);

        // Added under bob's name with a hash of its own: stored as alice's, unsealed.
        QCOMPARE(alice.run(QStringLiteral(
                     "INSERT INTO cases.audit_log (org_code, seq, at, actor, table_name, row_key,"
                     " action, after, hash) VALUES ('RAA', 100, 'x', 'bob', 'note', '1', 'insert',"
                     " '{}', 'forged')")),
            QString());
        QCOMPARE(adminScalar(w.server,
                     QStringLiteral("SELECT actor || '/' || coalesce(hash, 'unsealed') FROM cases.audit_log"
                                    " WHERE org_code = 'RAA' AND seq = 100")),
            QVariant(w.asEditor.user + QStringLiteral("/unsealed")));
        // The seal is for an unsealed entry of one's own, once.
        QCOMPARE(
            alice.run(QStringLiteral("SELECT cases.audit_seal('RAA', 1, 'x')")), QStringLiteral("P0001"));
        QCOMPARE(alice.run(QStringLiteral("SELECT cases.audit_seal('RAA', 100, 'mine')")), QString());
        QCOMPARE(alice.run(QStringLiteral("SELECT cases.audit_seal('RAA', 100, 'again')")),
            QStringLiteral("P0001"));

        // A note's author and a decision's decided_by: the session user.
        QCOMPARE(alice.run(QStringLiteral("INSERT INTO cases.note (org_code, id, created_at, author, body)"
                                          " VALUES ('RAA', 1, 'x', 'bob', 'hello')")),
            QString());
        QCOMPARE(alice.run(QStringLiteral(
                     "INSERT INTO cases.decision (org_code, id, quarter, kind, decided_segment, decided_by)"
                     " VALUES ('RAA', 1, '2025/26 Q1', 'confirm', 2, 'bob')")),
            QString());
        QCOMPARE(alice.run(QStringLiteral(
                     "UPDATE cases.note SET author = 'carol', body = 'changed' WHERE org_code = 'RAA'")),
            QString());
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT author || '/' || body FROM cases.note")),
            QVariant(w.asEditor.user + QStringLiteral("/changed")));
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT decided_by FROM cases.decision")),
            QVariant(w.asEditor.user));
        // ... and what the audit trail recorded of them.
        QCOMPARE(adminScalar(w.server,
                     QStringLiteral("SELECT count(*) FROM cases.audit_log WHERE actor <> '%1'"
                                    " AND table_name IN ('note', 'decision')")
                         .arg(w.asEditor.user)),
            QVariant(0));
        QCOMPARE(adminScalar(w.server,
                     QStringLiteral("SELECT count(*) FROM cases.audit_log WHERE after LIKE '%bob%'"
                                    " OR after LIKE '%carol%'"))
                     .toInt(),
            0);
    }

    // An edit through the workbench's own classes: its entries are alice's,
    // sealed over what the server stored, and owb check finds the chain whole.
    void anEditIsAuthoredByTheSessionUser()
    {
        const Workspace w = workspaceWithEditor(QStringLiteral("edit"));
        {
            Database cases(w.asEditor, ServerArea::Cases, {}, Database::Mode::OpenExisting);
            CaseSession session(std::make_unique<CaseFile>(cases, kOrg), Methodology::builtIn());
            QCOMPARE(session.addNote(QString(), QString(), QStringLiteral("first")), QString());
            QCOMPARE(session.notes().notes().first().author, w.asEditor.user);
            const CaseScope scope { cases, kOrg };
            QCOMPARE(auditlog::verify(scope), QStringList());
            const QList<AuditEntry> entries = auditlog::entries(scope, QStringLiteral("note"));
            QCOMPARE(entries.size(), 1);
            QCOMPARE(entries.first().actor, w.asEditor.user);
            QVERIFY(!entries.first().hash.isEmpty());
        }
        QByteArray out;
        QCOMPARE(runCheck(w.server, &out), 0);
        QVERIFY2(out.contains(": 1 case checked, clean"), out.constData());
    }

    // Tester (issue 14): an undo puts a removed record back as a new insert,
    // and the server named its writer anew, so a colleague's decision or
    // note came back as the undoer's. Put back exactly as it was removed, it
    // keeps its writer; anything else inserted under that id is the session
    // user's.
    void aRecordPutBackKeepsItsWriter()
    {
        const Workspace w = workspaceWithEditor(QStringLiteral("putback"));
        {
            Database cases(w.asEditor, ServerArea::Cases, {}, Database::Mode::OpenExisting);
            CaseSession alice(std::make_unique<CaseFile>(cases, kOrg), Methodology::builtIn());
            QCOMPARE(alice.addNote(QString(), QString(), QStringLiteral("alice's note")), QString());
        }
        Database cases(w.server, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        CaseSession owner(std::make_unique<CaseFile>(cases, kOrg), Methodology::builtIn());
        const Note note = owner.notes().notes().first();
        QCOMPARE(note.author, w.asEditor.user);
        QCOMPARE(owner.removeNote(note), QString());
        QCOMPARE(owner.undo(), QString());
        QCOMPARE(owner.notes().notes().size(), 1);
        QCOMPARE(owner.notes().notes().first().author, w.asEditor.user);
        QCOMPARE(auditlog::verify(CaseScope { cases, kOrg }), QStringList());
        // The same id with other words: a new writing, the session user's
        // (here the owner's, not alice's).
        RawConnection raw(w.server);
        QCOMPARE(raw.run(QStringLiteral("DELETE FROM cases.note WHERE org_code = '%1'").arg(kOrg)), QString());
        QCOMPARE(raw.run(QStringLiteral("INSERT INTO cases.note (org_code, id, created_at, author, tag_kind, tag, body,"
                                        " row_version) VALUES ('%1', %2, '%3', '%4', '', '', 'other words', 9)")
                             .arg(kOrg).arg(note.id).arg(note.createdAt, w.asEditor.user)),
                 QString());
        const QString writer = raw.scalar(QStringLiteral("SELECT author FROM cases.note WHERE org_code = '%1'").arg(kOrg)).toString();
        QCOMPARE(writer, raw.scalar(QStringLiteral("SELECT session_user")).toString());
        QVERIFY(writer != w.asEditor.user);
    }

    // A workspace made before the step: opened by an editor, the upgrade is
    // refused in plain words, nothing changed; opened by its owner, it is
    // upgraded, its chains still whole, and alice can no longer rewrite them.
    void upgradesAWorkspaceOfVersionOne()
    {
        const Workspace w = workspaceWithEditor(QStringLiteral("upgrade"));
        backToVersionOne(w.server);
        {
            RawConnection alice(w.asEditor); // as it was: alice could
            QCOMPARE(
                alice.run(QStringLiteral("UPDATE cases.audit_log SET actor = actor WHERE org_code = 'RAA'")),
                QString());
        }
        const QString message
            = errorOf([&] { Database(w.asEditor, ServerArea::Cases, {}, Database::Mode::OpenExisting); });
        QVERIFY2(message.contains(QLatin1String(
                     "needs an upgrade (the audit trail's authors set by the server) that only the "
                     "owner of its tables (postgres) can make")),
            qPrintable(message));
        QCOMPARE(
            adminScalar(w.server, QStringLiteral("SELECT version FROM owb.schema_version")), QVariant(1));

        const QString readOnly = errorOf([&] { teamWorkspaceInfo(w.server, {}); });
        QVERIFY2(readOnly.contains(
                     QLatin1String("its owner makes it by running owb team roles with this address once")),
            qPrintable(readOnly));
        const QString before = auditRows(w.server);
        const TeamRolesReport roles = restoreTeamRoles(w.server, {}); // the owner's command
        QVERIFY(roles.created.isEmpty());
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT version FROM owb.schema_version")),
            QVariant(teamWorkspaceSchema().currentVersion()));
        QCOMPARE(auditRows(w.server), before);
        RawConnection alice(w.asEditor);
        QCOMPARE(alice.run(QStringLiteral("UPDATE cases.audit_log SET actor = 'bob' WHERE org_code = 'RAA'")),
            QStringLiteral("42501"));
        {
            Database cases(w.asEditor, ServerArea::Cases, {}, Database::Mode::OpenExisting);
            CaseSession session(std::make_unique<CaseFile>(cases, kOrg), Methodology::builtIn());
            QCOMPARE(session.addNote(QString(), QString(), QStringLiteral("after the upgrade")), QString());
        }
        QByteArray out;
        QCOMPARE(runCheck(w.server, &out), 0);
        QVERIFY2(out.contains(": 1 case checked, clean"), out.constData());
    }

    // A note refused where the server refuses its audit entry (the trail is
    // written by the note's trigger): the refusal names the records the user
    // was writing, the notes, not the audit log; nothing is stored.
    void aRefusedNoteNamesNotes()
    {
        const Workspace w = workspaceWithEditor(QStringLiteral("named"));
        adminScalar(w.server, QStringLiteral("REVOKE INSERT ON cases.audit_log FROM %1_editor").arg(w.server.database));
        const QString audit = auditRows(w.server);
        Database cases(w.asEditor, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        CaseSession session(std::make_unique<CaseFile>(cases, kOrg), Methodology::builtIn());
        const QString refused = session.addNote(QString(), QString(), QStringLiteral("not allowed"));
        QVERIFY2(refused.contains(QStringLiteral("Your account %1 may not change the note records of the team workspace "
                                                 "%2 on this machine. Ask its administrator for the %2_editor role.")
                                      .arg(w.asEditor.user, w.server.database)),
                 qPrintable(refused));
        QVERIFY2(!refused.contains(QStringLiteral("audit")), qPrintable(refused));
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT count(*) FROM cases.note")), QVariant(0));
        QCOMPARE(auditRows(w.server), audit);
    }

    // Another session holds the case's lock (a colleague's transaction
    // stalled): an edit is refused within the bound, saying so, nothing
    // stored and the undo stack as it was; once released, it goes through.
    void aHeldCaseLockRefusesWithinTheBound()
    {
        const Workspace w = workspaceWithEditor(QStringLiteral("busy"));
        RawConnection colleague(w.server);
        QCOMPARE(colleague.run(QStringLiteral("BEGIN")), QString());
        QCOMPARE(colleague.run(QStringLiteral("SELECT pg_advisory_xact_lock(1331118663, hashtext('RAA'))")),
            QString());

        Database cases(w.asEditor, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        CaseSession session(std::make_unique<CaseFile>(cases, kOrg), Methodology::builtIn());
        const QString audit = auditRows(w.server);
        // Were the wait unbounded, the colleague's session is ended after a
        // while, so that this fails rather than hangs.
        const int pid = colleague.scalar(QStringLiteral("SELECT pg_backend_pid()")).toInt();
        std::atomic<bool> answered = false;
        std::thread watchdog([&] {
            for (int i = 0; i < 150 && !answered; ++i)
                QThread::msleep(100);
            if (!answered)
                adminScalar(w.server, QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid));
        });
        QElapsedTimer timer;
        timer.start();
        const QString refused = session.addNote(QString(), QString(), QStringLiteral("while held"));
        const qint64 waited = timer.elapsed();
        answered = true;
        watchdog.join();
        QVERIFY2(refused.contains(QLatin1String(
                     "Someone else is saving a change to this case right now; nothing was changed: "
                     "try again in a moment.")),
            qPrintable(refused));
        QVERIFY2(waited >= kCaseLockWaitMs - 200 && waited < kCaseLockWaitMs + 3000,
            qPrintable(QString::number(waited)));
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT count(*) FROM cases.note")), QVariant(0));
        QCOMPARE(auditRows(w.server), audit);
        QCOMPARE(session.undoStack()->count(), 0);
        QCOMPARE(session.notes().notes().size(), 0);

        QCOMPARE(colleague.run(QStringLiteral("COMMIT")), QString());
        timer.restart();
        QCOMPARE(session.addNote(QString(), QString(), QStringLiteral("once released")), QString());
        QVERIFY(timer.elapsed() < kCaseLockWaitMs);
        QCOMPARE(adminScalar(w.server, QStringLiteral("SELECT body FROM cases.note")),
            QVariant(QStringLiteral("once released")));
        QCOMPARE(session.undoStack()->count(), 1);
    }

    // Held only briefly (a colleague's edit committing), the lock is waited
    // for in turn and the edit goes through.
    void aBrieflyHeldCaseLockIsWaitedFor()
    {
        const Workspace w = workspaceWithEditor(QStringLiteral("brief"));
        RawConnection colleague(w.server);
        QCOMPARE(colleague.run(QStringLiteral("BEGIN")), QString());
        QCOMPARE(colleague.run(QStringLiteral("SELECT pg_advisory_xact_lock(1331118663, hashtext('RAA'))")),
            QString());
        Database cases(w.asEditor, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        CaseSession session(std::make_unique<CaseFile>(cases, kOrg), Methodology::builtIn());
        // Ended from another thread (its own connection) while the edit waits.
        const int pid = colleague.scalar(QStringLiteral("SELECT pg_backend_pid()")).toInt();
        std::thread release([&] {
            QThread::msleep(1000);
            adminScalar(w.server, QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid));
        });
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(session.addNote(QString(), QString(), QStringLiteral("after a wait")), QString());
        const qint64 waited = timer.elapsed();
        release.join();
        QVERIFY2(waited >= 800 && waited < kCaseLockWaitMs, qPrintable(QString::number(waited)));
    }
};

QTEST_GUILESS_MAIN(TestTeamAudit)
#include "tst_teamaudit.moc"
