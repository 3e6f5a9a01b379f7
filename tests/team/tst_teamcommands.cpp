// owb's commands given a team workspace's URL where they take a folder:
// report, methodology add (dry run and --apply), check, reconcile and the
// register say for the server what they say for the folder; owb team roles
// gives a copied or restored workspace its group roles back. Runs against the
// throwaway cluster CTest starts (OWB_TEST_PG).

#include "casework/casesession.h"
#include "casework/casework.h"
#include "store/casefile.h"
#include "store/teamtransfer.h"
#include "store/teamworkspace.h"
#include "importfixture.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace owb;
using namespace owb::teamtest;

namespace {

// The text of a PDF, as pdftotext reads it (its layout kept).
QByteArray pdfText(const QString &pdf)
{
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    text.waitForFinished(120000);
    return text.readAllStandardOutput();
}

// The same national file and rules imported into a folder and a team workspace.
struct Twins
{
    QString folder;
    ServerAddress server;
    Inputs inputs;
};

Twins importedTwins(const QString &dir, const QString &stem)
{
    Twins twins{QDir(dir).filePath(QStringLiteral("ws")), freshDatabase(stem),
                writeInputs(dir, QStringLiteral("data.csv"), 30, 10, {1, 2}, 21)};
    initTeamWorkspace(twins.server, {});
    for (const QString &target : {twins.folder, twins.server.url()})
        if (runOwb({QStringLiteral("import"), target, twins.inputs.data, QStringLiteral("--methodology"), twins.inputs.methodology})
                .exitCode
            != 0)
            qFatal("the import into %s failed", qPrintable(target));
    return twins;
}

// The rules with one metric's direction turned round: a re-assessment that
// changes some quarters' assessments.
QString changedRules(const QString &dir, const QString &rules)
{
    QFile in(rules);
    if (!in.open(QIODevice::ReadOnly))
        qFatal("cannot read the rules");
    QByteArray json = in.readAll();
    json.replace("\"id\": \"teamimport\"", "\"id\": \"teamimport-revised\"");
    json.replace("\"id\": \"M00\", \"domain\": \"a\", \"applies_to\": [\"acute\", \"mhc\"], \"range\": [null, null], "
                 "\"direction\": \"lower\"",
                 "\"id\": \"M00\", \"domain\": \"a\", \"applies_to\": [\"acute\", \"mhc\"], \"range\": [null, null], "
                 "\"direction\": \"higher\"");
    const QString path = QDir(dir).filePath(QStringLiteral("revised.json"));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        qFatal("cannot write the revised rules");
    out.write(json);
    return path;
}

// A program of the PostgreSQL client (pg_dump, pg_restore) on the test
// cluster as `user`; its exit code.
int runClient(const QString &program, const ServerAddress &cluster, const QString &user, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(program, QStringList{QStringLiteral("-h"), cluster.host, QStringLiteral("-p"), QString::number(cluster.port),
                                       QStringLiteral("-U"), user}
                               + arguments);
    process.waitForFinished(300000);
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

int rolesNamed(const ServerAddress &cluster, const QString &database)
{
    return adminScalar(cluster, QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname IN ('%1_reader', '%1_editor', "
                                               "'%1_importer')")
                                    .arg(database))
        .toInt();
}

} // namespace

class TestTeamCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            QSKIP("SKIPPED: Qt's PostgreSQL driver (libqt6sql6-psql) is not installed: owb on a URL untested");
        QVERIFY2(!qEnvironmentVariable("OWB_TEST_PG").isEmpty(),
                 "OWB_TEST_PG is not set: run through ctest, which starts a throwaway cluster");
    }

    // owb report on a URL: a case (--case CODE), its diagnostic review and
    // the regional pack hold the same text as from the folder pushed there.
    void reportsFromAUrlReadAsFromTheFolder()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("demo"));
        QCOMPARE(runOwb({QStringLiteral("demo"), folder}).exitCode, 0);
        const ServerAddress server = freshDatabase(QStringLiteral("report"));
        initTeamWorkspace(server, {});
        pushWorkspace(folder, server, {});
        const QString code = adminScalar(server, QStringLiteral("SELECT min(org_code) FROM cases.diagnostic_review")).toString();
        QVERIFY(!code.isEmpty());
        const QString caseFile = QDir(folder).filePath(code + QStringLiteral(".owcase"));
        const QList<std::pair<QStringList, QStringList>> reports{
            {{caseFile}, {server.url(), QStringLiteral("--case"), code}},
            {{caseFile, QStringLiteral("--review")}, {server.url(), QStringLiteral("--case"), code, QStringLiteral("--review")}},
            {{folder}, {server.url()}},
        };
        int n = 0;
        for (const auto &[fromFolder, fromServer] : reports) {
            const QString a = dir.filePath(QStringLiteral("folder%1.pdf").arg(n));
            const QString b = dir.filePath(QStringLiteral("server%1.pdf").arg(n++));
            const Run local = runOwb(QStringList{QStringLiteral("report")} + fromFolder + QStringList{QStringLiteral("--pdf"), a});
            const Run team = runOwb(QStringList{QStringLiteral("report")} + fromServer + QStringList{QStringLiteral("--pdf"), b});
            QVERIFY2(local.exitCode == 0, local.err.constData());
            QVERIFY2(team.exitCode == 0, team.err.constData());
            const QByteArray text = pdfText(a);
            QVERIFY(text.contains(code.toUtf8()));
            QCOMPARE(pdfText(b), text);
        }
        // What cannot be: a review without a case, --case on a folder, a case the server does not hold.
        Run run = runOwb({QStringLiteral("report"), server.url(), QStringLiteral("--review"), QStringLiteral("--pdf"),
                       dir.filePath(QStringLiteral("x.pdf"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("name the case with --case CODE"), run.err.constData());
        run = runOwb({QStringLiteral("report"), folder, QStringLiteral("--case"), code, QStringLiteral("--pdf"),
                   dir.filePath(QStringLiteral("x.pdf"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("only with a team workspace's URL"), run.err.constData());
        run = runOwb({QStringLiteral("report"), server.url(), QStringLiteral("--case"), QStringLiteral("RZZ"),
                   QStringLiteral("--pdf"), dir.filePath(QStringLiteral("x.pdf"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("no case for organisation RZZ"), run.err.constData());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.pdf"))));
    }

    // owb methodology add URL FILE: the dry run lists what the folder's
    // lists, and exactly what --apply then changes on the server, in one
    // transaction recorded in each changed case's audit trail.
    void methodologyAddOnAUrl()
    {
        QTemporaryDir dir;
        const Twins twins = importedTwins(dir.path(), QStringLiteral("meth"));
        const QString revised = changedRules(dir.path(), twins.inputs.methodology);
        const Run dryFolder = runOwb({QStringLiteral("methodology"), QStringLiteral("add"), twins.folder, revised});
        const Run dryServer = runOwb({QStringLiteral("methodology"), QStringLiteral("add"), twins.server.url(), revised});
        QVERIFY2(dryServer.exitCode == 0, dryServer.err.constData());
        QCOMPARE(dryServer.out, dryFolder.out);
        QStringList listed = QString::fromUtf8(dryServer.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        listed.removeFirst(); // the header
        QVERIFY(listed.size() > 5);
        QSet<QString> planned;
        for (const QString &line : listed)
            planned.insert(line.section(QLatin1Char(','), 0, 0) + QLatin1Char(' ') + line.section(QLatin1Char(','), 2, 2));

        // Someone who may not import may look, but not apply.
        const TeamRoles roles = teamRoles(twins.server.database);
        const ServerAddress editor = asMember(twins.server, QStringLiteral("edna"), roles.editor);
        const QStringList before = serverContents(twins.server);
        QCOMPARE(runOwb({QStringLiteral("methodology"), QStringLiteral("add"), editor.url(), revised}).out, dryServer.out);
        const Run refused = runOwb({QStringLiteral("methodology"), QStringLiteral("add"), editor.url(), revised, QStringLiteral("--apply")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("only members of %1 may").arg(roles.importer).toUtf8()), refused.err.constData());
        QCOMPARE(serverContents(twins.server), before);

        const int lastEntry = adminScalar(twins.server, QStringLiteral("SELECT count(*) FROM cases.audit_log")).toInt();
        for (const QString &target : {twins.folder, twins.server.url()}) {
            const Run applied = runOwb({QStringLiteral("methodology"), QStringLiteral("add"), target, revised, QStringLiteral("--apply")});
            QVERIFY2(applied.exitCode == 0, applied.err.constData());
        }
        // What changed: the assessments' audit entries of the apply, one insert per changed quarter.
        // (no entry named the revised file before the apply)
        QSet<QString> changed;
        const QString applied = adminScalar(twins.server,
                                            QStringLiteral("SELECT string_agg(org_code || ' ' || row_key, '|') FROM cases.audit_log"
                                                           " WHERE table_name = 'assessment' AND action = 'insert'"
                                                           " AND after LIKE '%teamimport-revised%'"))
                                    .toString();
        for (const QString &entry : applied.split(QLatin1Char('|'), Qt::SkipEmptyParts))
            changed.insert(entry);
        QStringList changedList = changed.values(), plannedList = planned.values();
        std::sort(changedList.begin(), changedList.end());
        std::sort(plannedList.begin(), plannedList.end());
        QCOMPARE(changedList, plannedList);
        QVERIFY(adminScalar(twins.server, QStringLiteral("SELECT count(*) FROM cases.audit_log")).toInt() > lastEntry);
        QCOMPARE(adminScalar(twins.server, QStringLiteral("SELECT count(*) FROM cases.audit_log WHERE hash IS NULL OR actor IS NULL")).toInt(), 0);
        // The register says who put the file in force: the server's account.
        QCOMPARE(adminScalar(twins.server, QStringLiteral("SELECT actor FROM national.methodology_log ORDER BY id DESC LIMIT 1")).toString(),
                 twins.server.user);
        // And the two workspaces read the same afterwards.
        QCOMPARE(runOwb({QStringLiteral("portfolio"), twins.server.url()}).out, runOwb({QStringLiteral("portfolio"), twins.folder}).out);
        QCOMPARE(runOwb({QStringLiteral("check"), twins.server.url()}).exitCode, 0);
    }

    // Every command that takes a workspace takes a URL and says the same.
    void everyWorkspaceCommandTakesAUrl()
    {
        QTemporaryDir dir;
        const Twins twins = importedTwins(dir.path(), QStringLiteral("cmds"));
        const QString published = dir.filePath(QStringLiteral("published.csv"));
        QFile league(published);
        QVERIFY(league.open(QIODevice::WriteOnly));
        league.write("Trust_code,Segment,Average_score,Trust_in_financial_deficit,Rank\n"
                     "R001,2,2.10,No,3\nR002,4,3.20,Yes,20\nRX99,1,1.50,No,1\n");
        league.close();
        const QList<QStringList> commands{
            {QStringLiteral("portfolio"), QStringLiteral("%1"), QStringLiteral("--format"), QStringLiteral("json")},
            {QStringLiteral("portfolio"), QStringLiteral("%1"), QStringLiteral("--quarter"), QStringLiteral("2025/26 Q1")},
            {QStringLiteral("reconcile"), QStringLiteral("%1"), published},
            {QStringLiteral("reconcile"), QStringLiteral("%1"), published, QStringLiteral("--quarter"), QStringLiteral("2025/26 Q1")},
            {QStringLiteral("methodology"), QStringLiteral("list"), QStringLiteral("%1")},
            {QStringLiteral("methodology"), QStringLiteral("show"), QStringLiteral("%1"), QStringLiteral("2025/26")},
        };
        for (const QStringList &command : commands) {
            QStringList onFolder = command, onServer = command;
            onFolder.replaceInStrings(QStringLiteral("%1"), twins.folder);
            onServer.replaceInStrings(QStringLiteral("%1"), twins.server.url());
            const Run local = runOwb(onFolder);
            const Run team = runOwb(onServer);
            QVERIFY2(local.exitCode == 0, qPrintable(command.join(QLatin1Char(' ')) + QString::fromUtf8(local.err)));
            QCOMPARE(team.exitCode, local.exitCode);
            QVERIFY(!local.out.isEmpty());
            if (command.at(1) == QLatin1String("list")) {
                // Who put a file in force, and when, are each workspace's own
                // (on the server, the server's account).
                const auto withoutWho = [](const QByteArray &csv) {
                    QStringList rows;
                    for (const QString &row : QString::fromUtf8(csv).split(QLatin1Char('\n'))) {
                        QStringList cells = row.split(QLatin1Char(','));
                        if (cells.size() > 6)
                            cells.remove(5, 2);
                        rows.append(cells.join(QLatin1Char(',')));
                    }
                    return rows;
                };
                QCOMPARE(withoutWho(team.out), withoutWho(local.out));
                QVERIFY(team.out.contains(QByteArray(",") + twins.server.user.toUtf8() + ","));
                continue;
            }
            QCOMPARE(team.out, local.out);
        }
        // owb check: every case's chain on the server, as every file's in the folder.
        const Run check = runOwb({QStringLiteral("check"), twins.server.url()});
        QVERIFY2(check.exitCode == 0 && check.out.contains(": 30 cases checked, clean"), check.out + check.err);
        // What cannot work on a server is refused in plain words.
        const Run demo = runOwb({QStringLiteral("demo"), twins.server.url()});
        QCOMPARE(demo.exitCode, 2);
        QVERIFY2(demo.err.contains("owb team push"), demo.err.constData());
        const Run noQuarter = runOwb({QStringLiteral("portfolio"), twins.server.url(), QStringLiteral("--quarter"), QStringLiteral("2024/25 Q1")});
        QCOMPARE(noQuarter.exitCode, 2);
        QVERIFY2(noQuarter.err.contains("no quarter \"2024/25 Q1\""), noQuarter.err.constData());
    }
    // owb check of a team workspace names a casework value outside the
    // methodology's lists (set outside the workbench) as a folder's check
    // names it in a case file: the record, its field, the values allowed and
    // the methodology, after the workspace and the case; exit code 2. A clean
    // workspace passes.
    void checkNamesValuesOutsideTheLists()
    {
        QTemporaryDir dir;
        const Twins twins = importedTwins(dir.path(), QStringLiteral("checklists"));
        const QString code = QStringLiteral("R001");
        {
            Database cases(twins.server, ServerArea::Cases, {}, Database::Mode::OpenExisting);
            CaseSession team(std::make_unique<CaseFile>(cases, code), Methodology::builtIn());
            CaseSession folder(QDir(twins.folder).filePath(code + CaseFile::kSuffix), Methodology::builtIn());
            for (CaseSession *session : {&team, &folder})
                QCOMPARE(session->addRecord(milestoneTable(),
                                            {{QStringLiteral("description"), QStringLiteral("Board seminar")},
                                             {QStringLiteral("due_date"), QStringLiteral("2025-06-30")}},
                                            QStringLiteral("Add milestone")),
                         QString());
        }
        const Run clean = runOwb({QStringLiteral("check"), twins.server.url()});
        QVERIFY2(clean.exitCode == 0 && clean.out.contains(": 30 cases checked, clean"), clean.out + clean.err);
        // Straight into the server's table, its audit trigger off (as a
        // restore or another program would write it), so the value is the
        // only thing wrong.
        adminScalar(twins.server, QStringLiteral("DO $$ BEGIN SET LOCAL session_replication_role = replica; "
                                                 "UPDATE cases.milestone SET status = 'kinda done' WHERE org_code = '%1'; "
                                                 // Tester (issue 14, D2): two decisions for one quarter.
                                                 "INSERT INTO cases.decision (org_code, id, quarter, kind, "
                                                 "computed_segment, decided_segment, decided_by, rationale) VALUES "
                                                 "('%1', 101, '2025/26 Q1', 'confirm', 4, 4, 'alice', ''), "
                                                 "('%1', 102, '2025/26 Q1', 'correction', 4, 3, 'carol', 'late'); "
                                                 "END $$")
                                      .arg(code));
        const Run checked = runOwb({QStringLiteral("check"), twins.server.url()});
        QCOMPARE(checked.exitCode, 2);
        const QString out = QString::fromUtf8(checked.out + checked.err);
        const QString line = QStringLiteral("%1: case %2: milestone 1 (table milestone, status): \"kinda done\" is not "
                                            "a milestone status in the methodology's list: choose one of ")
                                 .arg(twins.server.url(), code);
        QVERIFY2(out.contains(line), qPrintable(line + QStringLiteral("\n--- not in ---\n") + out));
        const QString twice = QStringLiteral("%1: case %2: decisions 101 (confirm by alice), 102 (correction by carol) "
                                             "(table decision, quarter): 2 decisions for 2025/26 Q1, where there is "
                                             "one per quarter")
                                  .arg(twins.server.url(), code);
        QVERIFY2(out.contains(twice), qPrintable(twice + QStringLiteral("\n--- not in ---\n") + out));
        // The same words as the folder's check of the same value in its case file.
        {
            QSqlDatabase file = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("checklists"));
            file.setDatabaseName(QDir(twins.folder).filePath(code + CaseFile::kSuffix));
            QVERIFY(file.open());
            QSqlQuery q(file);
            QVERIFY(q.exec(QStringLiteral("UPDATE milestone SET status = 'kinda done'")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("checklists"));
        const Run folder = runOwb({QStringLiteral("check"), twins.folder});
        QCOMPARE(folder.exitCode, 2);
        const auto said = [](const QString &text, const QString &prefix) {
            for (const QString &row : text.split(QLatin1Char('\n')))
                if (row.startsWith(prefix) && row.contains(QLatin1String("(table milestone")))
                    return row.mid(prefix.size());
            return QString();
        };
        const QString teamSaid = said(out, QStringLiteral("%1: case %2: ").arg(twins.server.url(), code));
        QVERIFY(!teamSaid.isEmpty());
        QCOMPARE(teamSaid, said(QString::fromUtf8(folder.out + folder.err),
                                QDir(twins.folder).filePath(code + CaseFile::kSuffix) + QStringLiteral(": ")));
    }
    // owb team roles: a workspace copied (CREATE DATABASE ... TEMPLATE) or
    // restored from pg_dump under another name has none of the group roles
    // named after its database; the command makes them and their grants
    // (once: again changes nothing), so that members granted them read,
    // edit and import as in the original. Anyone who may not, and a database
    // that is not a workspace, is refused with nothing changed.
    void rolesAfterACopyOrARestore()
    {
        QTemporaryDir dir;
        const ServerAddress cluster = parseServerUrl(qEnvironmentVariable("OWB_TEST_PG"));
        const ServerAddress original = freshDatabase(QStringLiteral("orig"));
        initTeamWorkspace(original, {});
        const Inputs q1 = writeInputs(dir.path(), QStringLiteral("q1.csv"), 6, 4, {1}, 5);
        Run run = runOwb({QStringLiteral("import"), original.url(), q1.data, QStringLiteral("--methodology"), q1.methodology});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const Run portfolio = runOwb({QStringLiteral("portfolio"), original.url()});
        QVERIFY(portfolio.out.contains("R005"));

        ServerAddress copy = original;
        copy.database = original.database + QStringLiteral("_copy");
        adminScalar(cluster, QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(copy.database, original.database));
        QCOMPARE(rolesNamed(cluster, copy.database), 0);
        const TeamRoles roles = teamRoles(copy.database);

        // Refused: an account that may not create roles, one that may but
        // does not own the workspace, a database that is not a workspace.
        const ServerAddress nobody = asMember(copy, QStringLiteral("nora"), {});
        run = runOwb({QStringLiteral("team"), QStringLiteral("roles"), nobody.url()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("may not read this team workspace, nor give it its roles: run owb team roles as a "
                                  "superuser")
                     && run.err.contains("Nothing was changed"),
                 run.err.constData());
        const ServerAddress reading = asMember(copy, QStringLiteral("olga"), teamRoles(original.database).reader);
        run = runOwb({QStringLiteral("team"), QStringLiteral("roles"), reading.url()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("may not create roles on this server"), run.err.constData());
        // (a member of the original's roles, which the copy's tables are still granted to)
        ServerAddress creator = copy;
        creator.user = QStringLiteral("cora_") + copy.database;
        adminScalar(cluster, QStringLiteral("CREATE ROLE %1 LOGIN CREATEROLE IN ROLE %2")
                                 .arg(creator.user, teamRoles(original.database).reader));
        run = runOwb({QStringLiteral("team"), QStringLiteral("roles"), creator.url()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("does not own the team workspace's tables (postgres does)"), run.err.constData());
        QCOMPARE(rolesNamed(cluster, copy.database), 0);
        const ServerAddress empty = freshDatabase(QStringLiteral("empty"));
        run = runOwb({QStringLiteral("team"), QStringLiteral("roles"), empty.url()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("not a team workspace yet"), run.err.constData());
        QCOMPARE(rolesNamed(cluster, empty.database), 0);

        // Made, then made again: the same roles, nothing new.
        run = runOwb({QStringLiteral("team"), QStringLiteral("roles"), copy.url()});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains(QStringLiteral("Created %1, %2, %3").arg(roles.reader, roles.editor, roles.importer).toUtf8()),
                 run.out.constData());
        QCOMPARE(rolesNamed(cluster, copy.database), 3);
        run = runOwb({QStringLiteral("team"), QStringLiteral("roles"), copy.url()});
        QVERIFY2(run.exitCode == 0 && run.out.contains("were there already"), run.out + run.err);
        QCOMPARE(rolesNamed(cluster, copy.database), 3);

        // A reader lists the portfolio (and may not edit), an editor edits, an importer imports.
        const ServerAddress reader = asMember(copy, QStringLiteral("rita"), roles.reader);
        run = runOwb({QStringLiteral("portfolio"), reader.url()});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out, portfolio.out);
        const ServerAddress editor = asMember(copy, QStringLiteral("eddie"), roles.editor);
        for (const ServerAddress &person : {reader, editor}) {
            Database cases(person, ServerArea::Cases, {}, Database::Mode::OpenExisting);
            CaseSession session(std::make_unique<CaseFile>(cases, QStringLiteral("R001")), Methodology::builtIn());
            const QString refused = session.addNote(QString(), QString(), QStringLiteral("Board visit"));
            if (person.user == reader.user) {
                QVERIFY2(refused.contains(QStringLiteral("may not change the note records of the team workspace %1 "
                                                         "on this machine. Ask its administrator for the %2 role.")
                                              .arg(copy.database, roles.editor)),
                         qPrintable(refused));
            } else {
                QCOMPARE(refused, QString());
                QCOMPARE(session.notes().notes().size(), 1);
            }
        }
        QCOMPARE(adminScalar(copy, QStringLiteral("SELECT actor FROM cases.audit_log WHERE table_name = 'note'")).toString(),
                 editor.user);
        const Inputs q2 = writeInputs(dir.path(), QStringLiteral("q2.csv"), 6, 4, {2}, 6);
        run = runOwb({QStringLiteral("import"), editor.url(), q2.data});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("only members of %1 may").arg(roles.importer).toUtf8()), run.err.constData());
        const ServerAddress importer = asMember(copy, QStringLiteral("ivan"), roles.importer);
        run = runOwb({QStringLiteral("import"), importer.url(), q2.data});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(runOwb({QStringLiteral("check"), copy.url()}).exitCode, 0);

        // The README's restore: pg_dump, then pg_restore without the dump's
        // owner and grants into a database of the workspace's owner (given
        // CREATEROLE), who then runs owb team roles.
        const QString dump = dir.filePath(QStringLiteral("workspace.dump"));
        QCOMPARE(runClient(QStringLiteral("pg_dump"), cluster, cluster.user,
                           {QStringLiteral("--format=custom"), QStringLiteral("--file"), dump, original.database}),
                 0);
        ServerAddress restored = original;
        restored.database = original.database + QStringLiteral("_restored");
        restored.user = QStringLiteral("owner_") + original.database;
        adminScalar(cluster, QStringLiteral("CREATE ROLE %1 LOGIN CREATEROLE").arg(restored.user));
        adminScalar(cluster, QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(restored.database, restored.user));
        QCOMPARE(runClient(QStringLiteral("pg_restore"), cluster, restored.user,
                           {QStringLiteral("--no-owner"), QStringLiteral("--no-privileges"), QStringLiteral("--exit-on-error"),
                            QStringLiteral("--dbname"), restored.database, dump}),
                 0);
        run = runOwb({QStringLiteral("team"), QStringLiteral("roles"), restored.url()});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(rolesNamed(cluster, restored.database), 3);
        const ServerAddress restoredReader = asMember(restored, QStringLiteral("rex"), teamRoles(restored.database).reader);
        run = runOwb({QStringLiteral("portfolio"), restoredReader.url()});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out, portfolio.out);
        QCOMPARE(runOwb({QStringLiteral("check"), restored.url()}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestTeamCommands)
#include "tst_teamcommands.moc"
