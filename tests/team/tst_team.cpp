// Team workspaces on PostgreSQL: addresses, setting one up, the server's
// schema and its refusals, roles, and the audit trail written on the server
// as a case file writes it. Runs against the throwaway cluster CTest starts
// (pgcluster.py; OWB_TEST_PG names it); fails, never skips silently, when the
// cluster is missing but the driver is there.

#include "store/casefile.h"
#include "store/database.h"
#include "store/schemas.h"
#include "store/serveraddress.h"
#include "store/teamworkspace.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace owb;

namespace {

QString errorOf(const std::function<void()> &action)
{
    try {
        action();
    } catch (const StoreError &error) {
        return error.message();
    }
    return {};
}

// A fresh database on the test cluster for one test, as a server address.
ServerAddress freshDatabase(const QString &stem)
{
    ServerAddress base = parseServerUrl(qEnvironmentVariable("OWB_TEST_PG"));
    const QString name = QStringLiteral("%1_%2").arg(stem, QUuid::createUuid().toString(QUuid::Id128).left(8));
    {
        Database admin(base, ServerArea::National, {}, Database::Mode::CreateIfMissing);
        admin.exec(QStringLiteral("CREATE DATABASE %1").arg(name));
    }
    base.database = name;
    return base;
}

// Runs SQL on a server database as the superuser, outside our classes.
QVariant adminScalar(const ServerAddress &server, const QString &sql)
{
    const QString connection = QUuid::createUuid().toString();
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(server.host);
        db.setPort(server.port);
        db.setDatabaseName(server.database);
        db.setUserName(server.user);
        if (!db.open())
            qFatal("cannot connect: %s", qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        if (!q.exec(sql))
            qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        if (q.next())
            result = q.value(0);
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

} // namespace

class TestTeam : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            QSKIP("SKIPPED: Qt's PostgreSQL driver (libqt6sql6-psql) is not installed: team workspaces untested");
        QVERIFY2(!qEnvironmentVariable("OWB_TEST_PG").isEmpty(),
                 "OWB_TEST_PG is not set: run through ctest, which starts a throwaway cluster");
    }

    void readsAddresses()
    {
        const ServerAddress a = parseServerUrl(QStringLiteral(
            "postgresql://alice@db.north.example:6432/owb_north?sslmode=verify-full&sslrootcert=/etc/ssl/nhs.pem"));
        QCOMPARE(a.host, QStringLiteral("db.north.example"));
        QCOMPARE(a.port, 6432);
        QCOMPARE(a.database, QStringLiteral("owb_north"));
        QCOMPARE(a.user, QStringLiteral("alice"));
        QCOMPARE(a.options.value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
        QCOMPARE(a.connectOptions(), QStringLiteral("sslmode=verify-full;sslrootcert=/etc/ssl/nhs.pem"));
        QCOMPARE(parseServerUrl(a.url()), a);
        QCOMPARE(a.displayName(), QStringLiteral("alice on db.north.example/owb_north"));

        const ServerAddress socket = parseServerUrl(QStringLiteral("postgresql:///owb?host=/run/postgresql"));
        QCOMPARE(socket.host, QStringLiteral("/run/postgresql"));
        QCOMPARE(parseServerUrl(socket.url()), socket);
        QCOMPARE(parseServerUrl(QStringLiteral("postgres://h/db")).port, 5432);
        QVERIFY(isServerUrl(QStringLiteral("postgresql://h/db")));
        QVERIFY(!isServerUrl(QStringLiteral("/home/alice/ws")));
    }

    void refusesBadAddresses_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("password") << "postgresql://alice:secret@h/db" << "holds a password";
        QTest::newRow("password option") << "postgresql://h/db?password=secret" << "holds a password";
        QTest::newRow("no database") << "postgresql://h" << "names no database";
        QTest::newRow("bad port") << "postgresql://h:99999/db" << "port";
        QTest::newRow("unknown option") << "postgresql://h/db?sslmod=require" << "\"sslmod\" is not a connection option";
        QTest::newRow("bad sslmode") << "postgresql://h/db?sslmode=yes" << "sslmode must be one of";
        QTest::newRow("injection") << "postgresql://h/db?application_name=a;host=evil" << "holds a ; or a quote";
        QTest::newRow("folder") << "/home/alice/ws" << "should start with postgresql://";
    }
    void refusesBadAddresses()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        const QString message = errorOf([&] { parseServerUrl(url); });
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("secret")), qPrintable(message));
    }

    void setsUpAnEmptyDatabase()
    {
        const ServerAddress server = freshDatabase(QStringLiteral("init"));
        const TeamWorkspaceInfo info = initTeamWorkspace(server, {});
        QCOMPARE(info.schemaVersion, teamWorkspaceSchema().currentVersion());
        QVERIFY(!QUuid::fromString(info.workspaceId).isNull());
        QCOMPARE(info.sessionUser, QStringLiteral("postgres"));
        QCOMPARE(info.roles.editor, server.database + QStringLiteral("_editor"));
        for (const QString &role : {info.roles.reader, info.roles.editor, info.roles.importer})
            QCOMPARE(adminScalar(server, QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = '%1'").arg(role)).toInt(), 1);
        // A second set-up changes nothing and says so.
        const QString again = errorOf([&] { initTeamWorkspace(server, {}); });
        QVERIFY2(again.contains(QLatin1String("is a team workspace already")), qPrintable(again));
        QCOMPARE(teamWorkspaceInfo(server, {}).workspaceId, info.workspaceId);
    }

    void refusesWhatIsNotAWorkspace()
    {
        const ServerAddress empty = freshDatabase(QStringLiteral("empty"));
        QString message = errorOf([&] { Database db(empty, ServerArea::Cases, {}, Database::Mode::OpenExisting); });
        QVERIFY2(message.contains(QLatin1String("not a team workspace yet: set it up with owb team init")), qPrintable(message));

        const ServerAddress other = freshDatabase(QStringLiteral("other"));
        adminScalar(other, QStringLiteral("CREATE TABLE invoices (id integer)"));
        message = errorOf([&] { initTeamWorkspace(other, {}); });
        QVERIFY2(message.contains(QLatin1String("holds 1 table(s) of another application")), qPrintable(message));
        QCOMPARE(adminScalar(other, QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = 'cases'")).toInt(), 0);

        ServerAddress missing = empty;
        missing.database = QStringLiteral("no_such_database");
        message = errorOf([&] { Database db(missing, ServerArea::Cases, {}, Database::Mode::OpenExisting); });
        QVERIFY2(message.contains(QLatin1String("has no database \"no_such_database\"")), qPrintable(message));

        ServerAddress unreachable = empty;
        unreachable.host = QStringLiteral("/nonexistent-socket-folder");
        message = errorOf([&] { Database db(unreachable, ServerArea::Cases, {}, Database::Mode::OpenExisting); });
        QVERIFY2(message.contains(QLatin1String("cannot be reached")), qPrintable(message));
    }

    void refusesANewerSchema()
    {
        const ServerAddress server = freshDatabase(QStringLiteral("newer"));
        initTeamWorkspace(server, {});
        adminScalar(server, QStringLiteral("UPDATE owb.schema_version SET version = 99"));
        const QString message = errorOf([&] { Database db(server, ServerArea::Cases, {}, Database::Mode::OpenExisting); });
        QVERIFY2(message.contains(QLatin1String("upgraded by a newer version of Oversight Workbench (its schema 99")),
                 qPrintable(message));
    }

    // Two people opening a new workspace at once create it once.
    void createsOnceUnderARace()
    {
        const ServerAddress server = freshDatabase(QStringLiteral("race"));
        QList<QProcess *> processes;
        for (int i = 0; i < 4; ++i) {
            auto *p = new QProcess(this);
            p->start(QStringLiteral(OWB_BIN), {QStringLiteral("team"), QStringLiteral("init"), server.url()});
            processes.append(p);
        }
        int created = 0, refused = 0;
        for (QProcess *p : processes) {
            QVERIFY(p->waitForFinished(60000));
            created += p->exitCode() == 0 ? 1 : 0;
            refused += p->exitCode() == 2 && p->readAllStandardError().contains("is a team workspace already") ? 1 : 0;
        }
        QCOMPARE(created, 1);
        QCOMPARE(refused, 3);
        QCOMPARE(adminScalar(server, QStringLiteral("SELECT count(*) FROM national.setting WHERE key = 'workspace_id'")).toInt(), 1);
    }

    // Every table and column of a case file is on the server (the server adds
    // the organisation code and row versions), so the same statements run on
    // both.
    void holdsEveryColumnOfACaseFile()
    {
        const ServerAddress server = freshDatabase(QStringLiteral("columns"));
        initTeamWorkspace(server, {});
        QTemporaryDir dir;
        Database file(dir.filePath(QStringLiteral("X.owcase")), caseFileSchema(), Database::Mode::CreateIfMissing);
        QSqlQuery tables = file.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'membership'"));
        int checked = 0;
        while (tables.next()) {
            const QString table = tables.value(0).toString();
            const QSqlRecord columns = file.connection().record(table);
            for (int i = 0; i < columns.count(); ++i) {
                const int found = adminScalar(server, QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE "
                                                                      "table_schema = 'cases' AND table_name = '%1' AND column_name = '%2'")
                                                          .arg(table, columns.fieldName(i)))
                                      .toInt();
                QVERIFY2(found == 1, qPrintable(QStringLiteral("%1.%2 is not on the server").arg(table, columns.fieldName(i))));
                ++checked;
            }
        }
        QVERIFY(checked > 100);
    }

    // An entry the server's audit trigger writes reads exactly as the case
    // file's trigger writes it for the same change.
    void writesAuditEntriesAsAFileDoes()
    {
        const ServerAddress server = freshDatabase(QStringLiteral("audit"));
        initTeamWorkspace(server, {});
        QTemporaryDir dir;
        Database file(dir.filePath(QStringLiteral("ZBE.owcase")), caseFileSchema(), Database::Mode::CreateIfMissing);
        Database cases(server, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        const QString body = QStringLiteral("Board \"minutes\" — ünïcode\nsecond line\t%");
        file.exec(QStringLiteral("INSERT INTO note (id, created_at, author, tag_kind, tag, body) VALUES (7, 'c', 'alice', '', '', ?)"), {body});
        cases.exec(QStringLiteral("INSERT INTO note (org_code, id, created_at, author, tag_kind, tag, body) VALUES ('ZBE', 7, 'c', 'alice', '', '', ?)"), {body});
        file.exec(QStringLiteral("INSERT INTO decision (id, quarter, kind, computed_segment, decided_segment) VALUES (1, '2025/26 Q1', 'confirm', NULL, 3)"));
        cases.exec(QStringLiteral("INSERT INTO decision (org_code, id, quarter, kind, computed_segment, decided_segment) VALUES ('ZBE', 1, '2025/26 Q1', 'confirm', NULL, 3)"));
        file.exec(QStringLiteral("UPDATE note SET body = 'x' WHERE id = 7"));
        cases.exec(QStringLiteral("UPDATE note SET body = 'x' WHERE org_code = 'ZBE' AND id = 7"));
        file.exec(QStringLiteral("DELETE FROM note WHERE id = 7"));
        cases.exec(QStringLiteral("DELETE FROM note WHERE org_code = 'ZBE' AND id = 7"));
        const QString columns = QStringLiteral("seq, table_name, row_key, action, coalesce(before, ''), coalesce(after, '')");
        QSqlQuery a = file.exec(QStringLiteral("SELECT %1 FROM audit_log ORDER BY seq").arg(columns));
        QSqlQuery b = cases.exec(QStringLiteral("SELECT %1 FROM audit_log WHERE org_code = 'ZBE' ORDER BY seq").arg(columns));
        int entries = 0;
        while (a.next()) {
            QVERIFY(b.next());
            for (int i = 0; i < 6; ++i)
                QCOMPARE(b.value(i).toString(), a.value(i).toString());
            ++entries;
        }
        QVERIFY(!b.next());
        QCOMPARE(entries, 4);
    }
};

QTEST_GUILESS_MAIN(TestTeam)
#include "tst_team.moc"
