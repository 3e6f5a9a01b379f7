#pragma once
// What the team tests share: a fresh database on the throwaway cluster
// (OWB_TEST_PG) for each test, and SQL run as its superuser outside our
// classes.

#include "store/database.h"
#include "store/serveraddress.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <functional>

// A team test's initTestCase: skipped, saying so, where Qt's PostgreSQL
// driver is missing; failed where no cluster was started for it.
#define OWB_REQUIRE_CLUSTER(untested)                                                                              \
    do {                                                                                                           \
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))                                             \
            QSKIP("SKIPPED: Qt's PostgreSQL driver (libqt6sql6-psql) is not installed: " untested " untested");    \
        QVERIFY2(!qEnvironmentVariable("OWB_TEST_PG").isEmpty(),                                                   \
                 "OWB_TEST_PG is not set: run through ctest, which starts a throwaway cluster");                   \
    } while (false)

namespace owb::teamtest {

inline QString errorOf(const std::function<void()> &action)
{
    try {
        action();
    } catch (const StoreError &error) {
        return error.message();
    }
    return {};
}

// A fresh database on the test cluster for one test, as a server address.
inline ServerAddress freshDatabase(const QString &stem)
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

// A Qt SQL connection named `connection` to a server database as
// `server.user`, outside our classes (as psql would be); fatal if refused.
inline QSqlDatabase openRawConnection(const ServerAddress &server, const QString &connection)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
    db.setHostName(server.host);
    db.setPort(server.port);
    db.setDatabaseName(server.database);
    db.setUserName(server.user);
    if (!db.open())
        qFatal("cannot connect: %s", qPrintable(db.lastError().text()));
    return db;
}

// Runs SQL on a server database as the superuser, outside our classes.
inline QVariant adminScalar(const ServerAddress &server, const QString &sql)
{
    const QString connection = QUuid::createUuid().toString();
    QVariant result;
    {
        QSqlDatabase db = openRawConnection(server, connection);
        QSqlQuery q(db);
        if (!q.exec(sql))
            qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        if (q.next())
            result = q.value(0);
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
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
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;
    // The SQLSTATE the statement failed with; empty when it ran. The
    // server's words for it in lastMessage().
    QString run(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (q.exec(sql)) {
            m_lastMessage.clear();
            return {};
        }
        m_lastMessage = q.lastError().databaseText();
        return q.lastError().nativeErrorCode();
    }
    QString lastMessage() const { return m_lastMessage; }
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
    QString m_lastMessage;
};

} // namespace owb::teamtest
