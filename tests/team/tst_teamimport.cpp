// Importing into a team workspace (owb import URL FILE): the same result as
// on a folder, one transaction for readers (a quarter is seen whole or not at
// all), only the team's importers may, and a kill leaves the server as it
// was. Runs against the throwaway cluster CTest starts (OWB_TEST_PG).

#include "store/schemas.h"
#include "store/teamworkspace.h"
#include "store/workspace.h"
#include "importfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace owb;
using namespace owb::teamtest;


class TestTeamImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        OWB_REQUIRE_CLUSTER("team imports");
    }

    // The same imports into a folder and into a team workspace: the same
    // portfolio, byte for byte; every chain on the server verifies.
    void importMatchesTheFolder()
    {
        QTemporaryDir dir;
        const Inputs first = writeInputs(dir.path(), QStringLiteral("q1.csv"), 40, 12, {1, 2}, 7);
        const Inputs second = writeInputs(dir.path(), QStringLiteral("q3.csv"), 40, 12, {2, 3}, 8);
        const QString folder = dir.filePath(QStringLiteral("ws"));
        const ServerAddress server = freshDatabase(QStringLiteral("imp"));
        QCOMPARE(runOwb({QStringLiteral("team"), QStringLiteral("init"), server.url()}).exitCode, 0);
        for (const Inputs &inputs : {first, second}) {
            for (const QString &target : {folder, server.url()}) {
                const Run run = runOwb({QStringLiteral("import"), target, inputs.data, QStringLiteral("--methodology"),
                                     inputs.methodology});
                QVERIFY2(run.exitCode == 0, run.err.constData());
                QVERIFY2(run.out.contains("imported 960 rows"), run.out.constData());
                QVERIFY2(run.out.contains(target == folder ? "; case files created " : "; cases created "), run.out.constData());
            }
        }
        for (const QString &quarter : {QString(), QStringLiteral("2025/26 Q2")}) {
            QStringList options;
            if (!quarter.isEmpty())
                options << QStringLiteral("--quarter") << quarter;
            const Run onFolder = runOwb(QStringList{QStringLiteral("portfolio"), folder} + options);
            const Run onServer = runOwb(QStringList{QStringLiteral("portfolio"), server.url()} + options);
            QCOMPARE(onFolder.exitCode, 0);
            QCOMPARE(onServer.exitCode, 0);
            QVERIFY(onFolder.out.count('\n') == 41);
            QCOMPARE(onServer.out, onFolder.out);
        }
        const Run check = runOwb({QStringLiteral("check"), server.url()});
        QVERIFY2(check.exitCode == 0, check.out + check.err);
        QVERIFY2(check.out.contains(": 40 cases checked, clean"), check.out.constData());
        // Every assessment an import wrote is in its case's audit trail, by the server's account.
        // (as many entries as the folder's case files hold, each sealed)
        int inFiles = 0;
        for (const QString &name : QDir(folder).entryList({QStringLiteral("*.owcase")}, QDir::Files)) {
            Database file(QDir(folder).filePath(name), caseFileSchema(), Database::Mode::ReadOnly);
            inFiles += file.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'assessment'")).toInt();
        }
        QVERIFY(inFiles >= 120);
        QCOMPARE(adminScalar(server, QStringLiteral("SELECT count(*) FROM cases.audit_log WHERE table_name = 'assessment'"
                                                    " AND actor = 'postgres' AND hash IS NOT NULL")).toInt(),
                 inFiles);
        // Importing the same file again changes nothing.
        const QStringList before = serverContents(server);
        const Run again = runOwb({QStringLiteral("import"), server.url(), second.data});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QVERIFY2(again.out.contains("quarters changed: none"), again.out.constData());
        QCOMPARE(serverContents(server), before);
    }

    // A colleague reading during a large import sees the new quarter in no
    // case or in every case, never in some.
    void readersSeeTheQuarterWholeOrNotAtAll()
    {
        QTemporaryDir dir;
        const Inputs base = writeInputs(dir.path(), QStringLiteral("q1.csv"), 80, 20, {1}, 1);
        const Inputs large = writeInputs(dir.path(), QStringLiteral("q2.csv"), 80, 20, {2}, 2);
        const ServerAddress server = freshDatabase(QStringLiteral("poll"));
        initTeamWorkspace(server, {});
        QCOMPARE(runOwb({QStringLiteral("import"), server.url(), base.data, QStringLiteral("--methodology"), base.methodology})
                     .exitCode,
                 0);
        QProcess import;
        import.start(QStringLiteral(OWB_BIN), {QStringLiteral("import"), server.url(), large.data});
        QVERIFY(import.waitForStarted());
        const QString poll = QStringLiteral(
            "SELECT (SELECT count(*) FROM cases.assessment WHERE quarter = '2025/26 Q2') || ' ' ||"
            " (SELECT count(*) FROM national.org_quarter WHERE quarter = '2025/26 Q2') || ' ' ||"
            " (SELECT count(*) FROM cases.audit_log WHERE table_name = 'assessment' AND row_key = '2025/26 Q2')");
        QMap<QString, int> seen;
        int duringTransaction = 0;
        while (import.state() != QProcess::NotRunning) {
            seen[adminScalar(server, poll).toString()]++;
            duringTransaction += adminScalar(server, QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                                                                    " AND classid = 1331118665"))
                                     .toInt();
            import.waitForFinished(20);
        }
        QCOMPARE(import.exitCode(), 0);
        seen[adminScalar(server, poll).toString()]++;
        for (auto it = seen.cbegin(); it != seen.cend(); ++it)
            QVERIFY2(it.key() == QLatin1String("0 0 0") || it.key() == QLatin1String("80 80 80"),
                     qPrintable(QStringLiteral("a reader saw %1").arg(it.key())));
        QVERIFY2(seen.value(QStringLiteral("0 0 0")) > 0 && duringTransaction > 0,
                 "the import finished before a reader could look during it");
        QVERIFY(seen.value(QStringLiteral("80 80 80")) > 0);
    }

    // Only members of <db>_importer may import: an editor is told so, naming
    // the role, and nothing changes; an importer may.
    void onlyImportersMayImport()
    {
        QTemporaryDir dir;
        const Inputs base = writeInputs(dir.path(), QStringLiteral("q1.csv"), 20, 8, {1}, 3);
        const Inputs more = writeInputs(dir.path(), QStringLiteral("q2.csv"), 20, 8, {2}, 4);
        const ServerAddress server = freshDatabase(QStringLiteral("roles"));
        const TeamRoles roles = initTeamWorkspace(server, {}).roles;
        QCOMPARE(runOwb({QStringLiteral("import"), server.url(), base.data, QStringLiteral("--methodology"), base.methodology})
                     .exitCode,
                 0);
        const QStringList before = serverContents(server);
        const ServerAddress editor = asMember(server, QStringLiteral("edna"), roles.editor);
        const ServerAddress reader = asMember(server, QStringLiteral("rita"), roles.reader);
        for (const ServerAddress &person : {editor, reader}) {
            const Run run = runOwb({QStringLiteral("import"), person.url(), more.data});
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(QStringLiteral("your account (%1) may not import").arg(person.user).toUtf8()),
                     run.err.constData());
            QVERIFY2(run.err.contains(QStringLiteral("only members of %1 may").arg(roles.importer).toUtf8()), run.err.constData());
            QVERIFY2(run.err.contains("Nothing was changed"), run.err.constData());
            QVERIFY2(!run.err.contains("PostgreSQL error"), run.err.constData());
            QCOMPARE(serverContents(server), before);
        }
        const ServerAddress importer = asMember(server, QStringLiteral("ivan"), roles.importer);
        const Run run = runOwb({QStringLiteral("import"), importer.url(), more.data});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(adminScalar(server, QStringLiteral("SELECT count(*) FROM cases.assessment WHERE quarter = '2025/26 Q2'")).toInt(),
                 20);
        // The audit trail's author is the importer's own account.
        QCOMPARE(adminScalar(server, QStringLiteral("SELECT count(DISTINCT actor) || ' ' || min(actor) FROM cases.audit_log"
                                                    " WHERE row_key = '2025/26 Q2'")).toString(),
                 QStringLiteral("1 ") + importer.user);
        QCOMPARE(runOwb({QStringLiteral("check"), server.url()}).exitCode, 0);
    }

    // A file with errors is refused with the folder's messages (file, line,
    // what was wrong) and nothing is written.
    void badInputChangesNothing()
    {
        QTemporaryDir dir;
        const Inputs base = writeInputs(dir.path(), QStringLiteral("q1.csv"), 10, 4, {1}, 5);
        const ServerAddress server = freshDatabase(QStringLiteral("bad"));
        initTeamWorkspace(server, {});
        QCOMPARE(runOwb({QStringLiteral("import"), server.url(), base.data, QStringLiteral("--methodology"), base.methodology})
                     .exitCode,
                 0);
        const QString bad = dir.filePath(QStringLiteral("bad.csv"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("quarter,org_code,org_name,org_type,metric_id,value,region\n"
                   "2025/26 Q2,R000,Trust 000,acute,M00,12.5,North\n"
                   "2025/26 Q2,R001,Trust 001,acute,M00,twelve,North\n");
        file.close();
        const QStringList before = serverContents(server);
        const Run onServer = runOwb({QStringLiteral("import"), server.url(), bad});
        const QString folder = dir.filePath(QStringLiteral("ws"));
        QCOMPARE(runOwb({QStringLiteral("import"), folder, base.data, QStringLiteral("--methodology"), base.methodology}).exitCode, 0);
        const Run onFolder = runOwb({QStringLiteral("import"), folder, bad});
        QCOMPARE(onServer.exitCode, 2);
        QCOMPARE(onFolder.exitCode, 2);
        QVERIFY2(onServer.err.contains(QStringLiteral("%1:3").arg(bad).toUtf8()), onServer.err.constData());
        QCOMPARE(onServer.err, onFolder.err);
        QCOMPARE(serverContents(server), before);
    }

    // An import killed with SIGKILL in the middle of its transaction leaves
    // the server exactly as before; the next import completes.
    void killedImportLeavesTheServerAsBefore()
    {
        QTemporaryDir dir;
        const Inputs base = writeInputs(dir.path(), QStringLiteral("q1.csv"), 80, 20, {1}, 11);
        const Inputs large = writeInputs(dir.path(), QStringLiteral("q2.csv"), 80, 20, {2}, 12);
        const ServerAddress server = freshDatabase(QStringLiteral("kill"));
        initTeamWorkspace(server, {});
        QCOMPARE(runOwb({QStringLiteral("import"), server.url(), base.data, QStringLiteral("--methodology"), base.methodology})
                     .exitCode,
                 0);
        const QStringList before = serverContents(server);
        int killed = 0;
        for (int pause : {0, 300, 900}) {
            QProcess import;
            import.start(QStringLiteral(OWB_BIN), {QStringLiteral("import"), server.url(), large.data});
            QVERIFY(import.waitForStarted());
            // In the middle of its transaction: it holds the import's lock.
            QElapsedTimer waited;
            waited.start();
            while (import.state() != QProcess::NotRunning && waited.elapsed() < 60000
                   && adminScalar(server, QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                                                         " AND classid = 1331118665"))
                              .toInt()
                          == 0)
                import.waitForFinished(10);
            import.waitForFinished(pause);
            if (import.state() == QProcess::NotRunning)
                continue;
            import.kill();
            import.waitForFinished();
            QTRY_COMPARE_WITH_TIMEOUT(adminScalar(server, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                                                          "datname = current_database() AND "
                                                                          "application_name = 'oversight-workbench'"))
                                          .toInt(),
                                      0, 20000);
            if (serverContents(server) != before) {
                // Killed after its commit, while the process was still ending
                // (slow under a sanitizer's checks at exit): the quarter is
                // there whole, never in part.
                QCOMPARE(adminScalar(server, QStringLiteral("SELECT count(*) FROM cases.assessment WHERE quarter = '2025/26 Q2'"))
                             .toInt(),
                         80);
                QCOMPARE(adminScalar(server, QStringLiteral("SELECT count(*) FROM national.quarter WHERE pending <> 0")).toInt(), 0);
                break;
            }
            ++killed;
        }
        QVERIFY2(killed > 0, "no import was slow enough to be killed");
        const Run run = runOwb({QStringLiteral("import"), server.url(), large.data});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(adminScalar(server, QStringLiteral("SELECT count(*) FROM cases.assessment WHERE quarter = '2025/26 Q2'")).toInt(),
                 80);
        QCOMPARE(adminScalar(server, QStringLiteral("SELECT count(*) FROM national.quarter WHERE pending <> 0")).toInt(), 0);
        QCOMPARE(runOwb({QStringLiteral("check"), server.url()}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestTeamImport)
#include "tst_teamimport.moc"
