// Team workspaces on PostgreSQL: addresses, setting one up, the server's
// schema and its refusals, roles, and the audit trail written on the server
// as a case file writes it. Runs against the throwaway cluster CTest starts
// (pgcluster.py; OWB_TEST_PG names it); fails, never skips silently, when the
// cluster is missing but the driver is there.

#include "store/casefile.h"
#include "store/database.h"
#include "store/schemas.h"
#include "store/serveraddress.h"
#include "store/teamtransfer.h"
#include "store/teamworkspace.h"
#include "store/workspace.h"
#include "store/auditlog.h"
#include "store/integritycheck.h"
#include "teamfixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QSet>
#include <QUuid>

using namespace owb;
using namespace owb::teamtest;

namespace {

// Every row of every table of a case file, as text, in key order.
QStringList rowsOf(const QString &path, const QString &table)
{
    Database db(path, caseFileSchema(), Database::Mode::ReadOnly);
    const QSqlRecord record = db.connection().record(table);
    QStringList columns;
    for (int i = 0; i < record.count(); ++i)
        columns.append(record.fieldName(i));
    QStringList order;
    for (int i = 1; i <= columns.size(); ++i)
        order.append(QString::number(i));
    QSqlQuery q = db.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3").arg(columns.join(QLatin1Char(',')), table, order.join(QLatin1Char(','))));
    QStringList rows;
    while (q.next()) {
        QStringList values;
        for (int i = 0; i < columns.size(); ++i)
            values.append(q.isNull(i) ? QStringLiteral("NULL") : q.value(i).toString());
        rows.append(values.join(QLatin1Char('|')));
    }
    return rows;
}

// The demo workspace, made once per run and copied for each test that needs it.
QString makeDemo(const QString &folder)
{
    static QTemporaryDir made;
    static bool ready = false;
    const QString original = made.filePath(QStringLiteral("demo"));
    if (!ready) {
        QProcess demo;
        demo.start(QStringLiteral(OWB_BIN), {QStringLiteral("demo"), original});
        demo.waitForFinished(300000);
        ready = demo.exitCode() == 0;
        if (!ready)
            return {};
    }
    QDir().mkpath(folder);
    for (const QString &name : QDir(original).entryList(QDir::Files | QDir::Hidden))
        if (!QFile::copy(QDir(original).filePath(name), QDir(folder).filePath(name)))
            return {};
    return folder;
}

} // namespace

class TestTeam : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        OWB_REQUIRE_CLUSTER("team workspaces");
    }

    // Why a connection failed, in words a person can act on.
    void saysWhyTheConnectionFailed()
    {
        const ServerAddress server = parseServerUrl(QStringLiteral("postgresql://alice@db.north.example/owb_north?sslmode=require"));
        const QString noTls = Database::connectionReason(
            QStringLiteral("server does not support SSL, but SSL was required"), server);
        QVERIFY2(noTls.contains(QLatin1String("does not offer TLS (encrypted connections)")), qPrintable(noTls));
        QVERIFY2(!noTls.contains(QLatin1String("certificate")), qPrintable(noTls));
        // TLS, as libpq says it (tester, issue 14: one sentence for all):
        // not signed by the authority given, made for another host name, the
        // root certificate file missing; each said apart, naming what.
        ServerAddress verified = server;
        verified.options.insert(QStringLiteral("sslrootcert"), QStringLiteral("/etc/owb/ca.pem"));
        const QString unverified = Database::connectionReason(
            QStringLiteral("connection to server at \"db.north.example\" (10.1.2.3), port 5432 failed: SSL error: "
                           "certificate verify failed"),
            verified);
        QVERIFY2(unverified.contains(QLatin1String("not signed by the authority in the root certificate file "
                                                   "/etc/owb/ca.pem (sslrootcert)")),
                 qPrintable(unverified));
        const QString otherHost = Database::connectionReason(
            QStringLiteral("connection to server at \"127.0.0.1\", port 55417 failed: server certificate for "
                           "\"localhost\" does not match host name \"127.0.0.1\""),
            server);
        QVERIFY2(otherHost.contains(QLatin1String("certificate is for \"localhost\", not for \"127.0.0.1\"")),
                 qPrintable(otherHost));
        const QString otherNames = Database::connectionReason(
            QStringLiteral("server certificate for \"localhost\" (and 2 other names) does not match host name "
                           "\"db\""),
            server);
        QVERIFY2(otherNames.contains(QLatin1String("certificate is for \"localhost\", not for \"db\"")),
                 qPrintable(otherNames));
        const QString noFile = Database::connectionReason(
            QStringLiteral("connection to server at \"localhost\" (::1), port 55417 failed: root certificate file "
                           "\"/tmp/tls/nope.pem\" does not exist\nEither provide the file, use the system's trusted "
                           "roots with sslrootcert=system, or change sslmode to disable server certificate "
                           "verification."),
            server);
        QVERIFY2(noFile.contains(QLatin1String("the root certificate file /tmp/tls/nope.pem (sslrootcert) does not "
                                               "exist")),
                 qPrintable(noFile));
        QVERIFY(unverified != otherHost && otherHost != noFile && noFile != unverified);
        QVERIFY2(Database::connectionReason(QStringLiteral("FATAL:  password authentication failed for user \"alice\""), server)
                     .contains(QLatin1String("did not accept the password for alice")), "password");
        // A server out of reach is named as it was tried; a Unix socket
        // folder is a server on this machine.
        const QString refused = Database::connectionReason(
            QStringLiteral("connection to server at \"db.north.example\" (10.1.2.3), port 6432 failed: Connection refused"),
            parseServerUrl(QStringLiteral("postgresql://alice@db.north.example:6432/owb_north")));
        QVERIFY2(refused.startsWith(QLatin1String("the server db.north.example:6432 cannot be reached: check the address, "
                                                  "the port and the network")),
                 qPrintable(refused));
        const QString socket = Database::connectionReason(
            QStringLiteral("connection to server on socket \"/run/postgresql/.s.PGSQL.5432\" failed: No such file or directory"),
            parseServerUrl(QStringLiteral("postgresql:///owb?host=/run/postgresql")));
        QVERIFY2(socket.startsWith(QLatin1String("the server on this machine (port 5432) cannot be reached")), qPrintable(socket));
        const QString v6 = Database::connectionReason(QStringLiteral("timeout expired"),
                                                      parseServerUrl(QStringLiteral("postgresql://[::1]:5433/owb")));
        QVERIFY2(v6.startsWith(QLatin1String("the server [::1]:5433 cannot be reached")), qPrintable(v6));
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
        // The database, the server with its port, then the account (tester, issue 14: "alice on
        // db.north.example/owb_north" read as if alice were the server).
        QCOMPARE(a.displayName(), QStringLiteral("owb_north on db.north.example:6432 as alice"));

        const ServerAddress socket = parseServerUrl(QStringLiteral("postgresql:///owb?host=/run/postgresql"));
        QCOMPARE(socket.host, QStringLiteral("/run/postgresql"));
        QCOMPARE(parseServerUrl(socket.url()), socket);
        QCOMPARE(socket.displayName(), QStringLiteral("owb on this machine"));
        QCOMPARE(parseServerUrl(QStringLiteral("postgresql://bob@[::1]/owb")).displayName(),
                 QStringLiteral("owb on [::1]:5432 as bob"));
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
        QVERIFY2(message.contains(QStringLiteral("the server on this machine (port %1) cannot be reached").arg(unreachable.port)),
                 qPrintable(message));
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
        // The server's columns in one query, not one connection per column.
        QSet<QString> onServer;
        {
            Database cases(server, ServerArea::Cases, {}, Database::Mode::ReadOnly);
            QSqlQuery q = cases.exec(QStringLiteral("SELECT table_name || '.' || column_name FROM information_schema.columns"
                                                    " WHERE table_schema = 'cases'"));
            while (q.next())
                onServer.insert(q.value(0).toString());
        }
        QSqlQuery tables = file.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'membership'"));
        int checked = 0;
        while (tables.next()) {
            const QString table = tables.value(0).toString();
            const QSqlRecord columns = file.connection().record(table);
            for (int i = 0; i < columns.count(); ++i) {
                const QString column = table + QLatin1Char('.') + columns.fieldName(i);
                QVERIFY2(onServer.contains(column), qPrintable(column + QStringLiteral(" is not on the server")));
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
        // (On the server a note's author and a decision's decided_by are its
        // session user, whatever is sent.)
        file.exec(QStringLiteral("INSERT INTO note (id, created_at, author, tag_kind, tag, body) VALUES (7, '2026-02-16T10:00:00Z', ?, '', '', ?)"),
                  {cases.sessionUser(), body});
        cases.exec(QStringLiteral("INSERT INTO note (org_code, id, created_at, author, tag_kind, tag, body) VALUES ('ZBE', 7, '2026-02-16T10:00:00Z', 'alice', '', '', ?)"), {body});
        file.exec(QStringLiteral("INSERT INTO decision (id, quarter, kind, computed_segment, decided_segment, decided_by)"
                                 " VALUES (1, '2025/26 Q1', 'confirm', 3, 3, ?)"),
                  {cases.sessionUser()});
        cases.exec(QStringLiteral("INSERT INTO decision (org_code, id, quarter, kind, computed_segment, decided_segment) VALUES ('ZBE', 1, '2025/26 Q1', 'confirm', 3, 3)"));
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
    // owb team push, then owb team export of every case: case files whose
    // records and audit chains equal the originals, which owb check accepts.
    void pushThenExportGivesTheSameCases()
    {
        QTemporaryDir dir;
        const QString folder = makeDemo(dir.filePath(QStringLiteral("demo")));
        QVERIFY(!folder.isEmpty());
        const ServerAddress server = freshDatabase(QStringLiteral("push"));
        initTeamWorkspace(server, {});
        const PushReport report = pushWorkspace(folder, server, {});
        QCOMPARE(report.organisations, 33);
        QCOMPARE(report.quarters, int(Workspace::open(folder, Database::Mode::ReadOnly)->peers().quarters().size()));
        // A second push into a workspace with data is refused, nothing changed.
        const QString again = errorOf([&] { pushWorkspace(folder, server, {}); });
        QVERIFY2(again.contains(QLatin1String("holds data already")), qPrintable(again));

        const QString out = dir.filePath(QStringLiteral("out"));
        QDir().mkpath(out);
        const QStringList files = QDir(folder).entryList({QStringLiteral("*.owcase")}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 33);
        QString workspaceId;
        for (const QString &name : files) {
            const QString code = name.chopped(7);
            const QString exported = QDir(out).filePath(name);
            QVERIFY(exportCase(server, {}, code, exported) > 0);
            Database original(QDir(folder).filePath(name), caseFileSchema(), Database::Mode::ReadOnly);
            QSqlQuery tables = original.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'membership'"));
            while (tables.next()) {
                const QString table = tables.value(0).toString();
                QCOMPARE(rowsOf(exported, table), rowsOf(QDir(folder).filePath(name), table));
            }
            const CheckReport check = checkCaseFile(exported);
            QVERIFY2(check.clean(), qPrintable(check.problems.join(QLatin1Char('\n'))));
            Database copy(exported, caseFileSchema(), Database::Mode::ReadOnly);
            QVERIFY(auditlog::verify(copy).isEmpty());
            QVERIFY(auditlog::lastSeq(copy) > 0);
            workspaceId = copy.scalar(QStringLiteral("SELECT workspace_id FROM membership")).toString();
        }
        QCOMPARE(workspaceId, teamWorkspaceInfo(server, {}).workspaceId);
    }

    void exportRefusesWhatItCannotWrite()
    {
        QTemporaryDir dir;
        const QString folder = makeDemo(dir.filePath(QStringLiteral("demo")));
        const ServerAddress server = freshDatabase(QStringLiteral("export"));
        initTeamWorkspace(server, {});
        pushWorkspace(folder, server, {});
        const QString code = QDir(folder).entryList({QStringLiteral("*.owcase")}, QDir::Files, QDir::Name).first().chopped(7);
        QString message = errorOf([&] { exportCase(server, {}, code, dir.filePath(QStringLiteral("other.owcase"))); });
        QVERIFY2(message.contains(QStringLiteral("must be named %1.owcase").arg(code)), qPrintable(message));
        const QString existing = dir.filePath(code + QStringLiteral(".owcase"));
        QFile file(existing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me");
        file.close();
        message = errorOf([&] { exportCase(server, {}, code, existing); });
        QVERIFY2(message.contains(QLatin1String("is there already")), qPrintable(message));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("keep me"));
        message = errorOf([&] { exportCase(server, {}, QStringLiteral("ZZZ"), dir.filePath(QStringLiteral("ZZZ.owcase"))); });
        QVERIFY2(message.contains(QLatin1String("has no case of ZZZ")), qPrintable(message));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("ZZZ.owcase"))));
    }

    // A damaged folder is not uploaded, and the server is left empty.
    void pushRefusesADamagedWorkspace()
    {
        QTemporaryDir dir;
        const QString folder = makeDemo(dir.filePath(QStringLiteral("demo")));
        const QString victim = QDir(folder).filePath(QDir(folder).entryList({QStringLiteral("*.owcase")}, QDir::Files, QDir::Name).first());
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(victim);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("UPDATE audit_log SET after = 'forged' WHERE seq = 2")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        const ServerAddress server = freshDatabase(QStringLiteral("damaged"));
        initTeamWorkspace(server, {});
        const QString message = errorOf([&] { pushWorkspace(folder, server, {}); });
        QVERIFY2(message.contains(QLatin1String("owb check finds problems")), qPrintable(message));
        QCOMPARE(adminScalar(server, QStringLiteral("SELECT count(*) FROM cases.organisation")).toInt(), 0);
        QCOMPARE(adminScalar(server, QStringLiteral("SELECT count(*) FROM national.metric_value")).toInt(), 0);
    }
    // A push killed at any moment leaves the server as it was (empty), and
    // the next push completes.
    void pushKilledLeavesTheServerEmpty()
    {
        QTemporaryDir dir;
        const QString folder = makeDemo(dir.filePath(QStringLiteral("demo")));
        QVERIFY(!folder.isEmpty());
        const ServerAddress server = freshDatabase(QStringLiteral("kill"));
        initTeamWorkspace(server, {});
        int killed = 0;
        bool completed = false;
        for (int delay : {150, 400, 900, 1600}) {
            QProcess push;
            push.start(QStringLiteral(OWB_BIN), {QStringLiteral("team"), QStringLiteral("push"), folder, server.url()});
            QVERIFY(push.waitForStarted());
            if (!push.waitForFinished(delay)) {
                push.kill();
                push.waitForFinished();
                ++killed;
                // The server notices the dropped connection and rolls back.
                QTRY_COMPARE_WITH_TIMEOUT(adminScalar(server, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                                                              "datname = current_database() AND "
                                                                              "application_name = 'oversight-workbench'"))
                                              .toInt(),
                                          0, 20000);
                // Killed between its commit and its exit (a loaded machine): the
                // server holds the whole push, never a part of it.
                if (adminScalar(server, QStringLiteral("SELECT count(*) FROM cases.organisation")).toInt() == 33) {
                    completed = true;
                    break;
                }
                QCOMPARE(adminScalar(server, QStringLiteral("SELECT (SELECT count(*) FROM cases.organisation) + "
                                                            "(SELECT count(*) FROM cases.audit_log) + "
                                                            "(SELECT count(*) FROM national.metric_value)")).toInt(), 0);
                QCOMPARE(adminScalar(server, QStringLiteral("SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                                                            " WHERE NOT t.tgisinternal AND t.tgenabled <> 'O'")).toInt(), 0);
            } else {
                QCOMPARE(push.exitCode(), 0); // finished before the kill: complete
                completed = true;
                break;
            }
        }
        QVERIFY2(killed > 0, "no push was slow enough to be killed");
        if (!completed)
            QCOMPARE(pushWorkspace(folder, server, {}).organisations, 33);
        QCOMPARE(adminScalar(server, QStringLiteral("SELECT count(*) FROM cases.organisation")).toInt(), 33);
    }
    // owb check verifies every case's audit chain on the server, as in files,
    // and names a record that belongs to no case.
    void checkVerifiesChainsOnTheServer()
    {
        QTemporaryDir dir;
        const QString folder = makeDemo(dir.filePath(QStringLiteral("demo")));
        QVERIFY(!folder.isEmpty());
        const ServerAddress server = freshDatabase(QStringLiteral("check"));
        initTeamWorkspace(server, {});
        pushWorkspace(folder, server, {});
        const auto runCheck = [&](QByteArray *out) {
            QProcess check;
            check.start(QStringLiteral(OWB_BIN), {QStringLiteral("check"), server.url()});
            check.waitForFinished(120000);
            *out = check.readAllStandardOutput() + check.readAllStandardError();
            return check.exitCode();
        };
        QByteArray out;
        QCOMPARE(runCheck(&out), 0);
        QVERIFY2(out.contains(": 33 cases checked, clean"), out.constData());

        const QString code = adminScalar(server, QStringLiteral("SELECT min(org_code) FROM cases.organisation")).toString();
        adminScalar(server, QStringLiteral("UPDATE cases.audit_log SET after = replace(after, 'a', 'b') WHERE org_code = '%1' AND seq = 2").arg(code));
        adminScalar(server, QStringLiteral("INSERT INTO cases.note (org_code, id, created_at, author, body) VALUES ('ZZZ', 1, '2026-02-16T10:00:00Z', 'y', 'stray')"));
        QCOMPARE(runCheck(&out), 2);
        QVERIFY2(out.contains(QStringLiteral("case %1: audit log entry 2").arg(code).toUtf8()), out.constData());
        QVERIFY2(out.contains("the hash chain is broken here"), out.constData());
        QVERIFY2(out.contains("note holds records of ZZZ, which has no case in the workspace"), out.constData());
        const CheckReport report = checkTeamWorkspace(server, {});
        QCOMPARE(report.filesChecked, 33);
    }
};

QTEST_GUILESS_MAIN(TestTeam)
#include "tst_team.moc"
