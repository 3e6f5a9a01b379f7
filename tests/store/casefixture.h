#pragma once
// A fresh copy of the version-1 case file fixture (RA1, two quarters) for
// each test function, on either back end:
// - as a case file in a folder of the test's own (the default);
// - with OWB_TEST_BACKEND=postgres, as the case RA1 of a team workspace in a
//   database of its own on the throwaway cluster (OWB_TEST_PG), made for the
//   test from a template (the same file uploaded once through owb team push's
//   code) and dropped after it.
// Tests reach the case through open() and session() (each its own
// connection, as two windows or two people would have), so that the same
// test runs against both; a test that is about files alone says so with
// OWB_FILE_ONLY, which skips it on a server with the reason.

#include "casework/casesession.h"
#include "framework/methodology.h"
#include "store/casefile.h"
#include "store/database.h"
#include "store/serveraddress.h"
#include "store/teamtransfer.h"
#include "store/teamworkspace.h"
#include "store/workspace.h"

#include <QFile>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <list>
#include <memory>

// Skips a test that is about files (paths, locks, bytes) on a server, saying why.
#define OWB_FILE_ONLY(why)                                                                                             \
    do {                                                                                                               \
        if (owbtest::onServer())                                                                                       \
            QSKIP("SKIPPED on the server back end: " why);                                                            \
    } while (false)

// In initTestCase(): on the server back end, skips the whole test visibly
// when Qt's PostgreSQL driver is missing, and fails when the cluster is not
// given (run through ctest, which starts it).
#define OWB_BACKEND_READY()                                                                                            \
    do {                                                                                                               \
        if (owbtest::onServer()) {                                                                                     \
            if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))                                             \
                QSKIP("SKIPPED: Qt's PostgreSQL driver (libqt6sql6-psql) is not installed: the server back end "      \
                      "is untested");                                                                                  \
            QVERIFY2(!qEnvironmentVariable("OWB_TEST_PG").isEmpty(),                                                   \
                     "OWB_TEST_BACKEND=postgres needs OWB_TEST_PG: run through ctest, which starts a throwaway "       \
                     "cluster");                                                                                       \
        }                                                                                                              \
    } while (false)

namespace owbtest {

// Whether this run tests the server back end (OWB_TEST_BACKEND=postgres).
inline bool onServer()
{
    return qEnvironmentVariable("OWB_TEST_BACKEND") == QLatin1String("postgres");
}

// A database name of the test cluster that no other test uses.
inline QString freshDatabaseName(const QString &stem)
{
    return QStringLiteral("%1_%2").arg(stem, QUuid::createUuid().toString(QUuid::Id128).left(12));
}

// The cluster as OWB_TEST_PG says (its own database, for CREATE and DROP).
inline owb::ServerAddress testCluster()
{
    return owb::parseServerUrl(qEnvironmentVariable("OWB_TEST_PG"));
}

// Runs one statement on the cluster's own database as its superuser.
inline void onCluster(const QString &sql)
{
    owb::Database admin(testCluster(), owb::ServerArea::National, {}, owb::Database::Mode::CreateIfMissing);
    admin.exec(sql);
}

// A new empty database on the cluster, as a server address.
inline owb::ServerAddress createServerDatabase(const QString &stem, const QString &templateName = {})
{
    owb::ServerAddress address = testCluster();
    address.database = freshDatabaseName(stem);
    onCluster(templateName.isEmpty() ? QStringLiteral("CREATE DATABASE %1").arg(address.database)
                                     : QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(address.database, templateName));
    return address;
}

inline void dropServerDatabase(const owb::ServerAddress &address)
{
    onCluster(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(address.database));
}

// The template database the cases are copied from, once made.
inline QString &caseTemplateName()
{
    static QString name;
    return name;
}

// In cleanupTestCase(): drops the template (the cluster is thrown away
// after the run in any case).
inline void dropCaseTemplate()
{
    QString &name = caseTemplateName();
    if (name.isEmpty())
        return;
    owb::ServerAddress address = testCluster();
    address.database = name;
    dropServerDatabase(address);
    name.clear();
}

struct VersionOneCase
{
    QTemporaryDir dir;
    QString path;

    ~VersionOneCase()
    {
        try {
            release();
        } catch (const owb::StoreError &error) {
            qWarning("%s", qPrintable(error.message()));
        }
    }

    // Call from init(): puts back an untouched copy at `path` (on a server,
    // drops the previous test's database; the next is made when first used).
    void reset()
    {
        QVERIFY(dir.isValid());
        release();
        path = dir.filePath(QStringLiteral("RA1.owcase"));
        QFile::remove(path);
        QVERIFY(QFile::copy(QStringLiteral(OWB_TEST_DATA "/fixtures/casefile-v1.owcase"), path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    bool isOnServer() const { return onServer(); }

    // The case, on a connection of its own (kept until the next reset()).
    std::unique_ptr<owb::CaseFile> open(owb::Database::Mode mode = owb::Database::Mode::OpenExisting)
    {
        if (!onServer())
            return std::make_unique<owb::CaseFile>(path, mode);
        return std::make_unique<owb::CaseFile>(connection(mode), QStringLiteral("RA1"));
    }

    // A session on the case, as the views open one (its own connection).
    std::unique_ptr<owb::CaseSession> session(const owb::Methodology &methodology = owb::Methodology::builtIn())
    {
        if (!onServer())
            return std::make_unique<owb::CaseSession>(path, methodology);
        return std::make_unique<owb::CaseSession>(open(), methodology);
    }

    // What messages about the case name it by: the file's path, or the
    // server's URL.
    QString where()
    {
        return onServer() ? server().url() : path;
    }

    // The team workspace holding the case (made on first use).
    const owb::ServerAddress &server()
    {
        if (m_server.database.isEmpty())
            m_server = createServerDatabase(QStringLiteral("owbcase"), templateDatabase());
        return m_server;
    }

private:
    owb::Database &connection(owb::Database::Mode mode)
    {
        const owb::Database::Mode serverMode
            = mode == owb::Database::Mode::ReadOnly || mode == owb::Database::Mode::Inspect ? owb::Database::Mode::ReadOnly
                                                                                            : owb::Database::Mode::OpenExisting;
        m_connections.push_back(std::make_unique<owb::Database>(server(), owb::ServerArea::Cases, QString(), serverMode));
        return *m_connections.back();
    }

    void release()
    {
        m_connections.clear();
        if (!m_server.database.isEmpty())
            dropServerDatabase(m_server);
        m_server = {};
    }

    // A team workspace holding the version-1 file, uploaded once per
    // process: each test's database is a copy of it.
    static QString templateDatabase()
    {
        QString &name = caseTemplateName();
        if (!name.isEmpty())
            return name;
        QTemporaryDir folder;
        const QString directory = folder.filePath(QStringLiteral("ws"));
        {
            auto workspace = owb::Workspace::create(directory);
            QFile::copy(QStringLiteral(OWB_TEST_DATA "/fixtures/casefile-v1.owcase"),
                        directory + QStringLiteral("/RA1.owcase"));
            QFile::setPermissions(directory + QStringLiteral("/RA1.owcase"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            workspace->openCase(QStringLiteral("RA1"), owb::Database::Mode::OpenExisting); // upgraded and adopted
        }
        const owb::ServerAddress address = createServerDatabase(QStringLiteral("owbcasetemplate"));
        owb::initTeamWorkspace(address, {});
        owb::pushWorkspace(directory, address, {});
        name = address.database;
        return name;
    }

    owb::ServerAddress m_server;
    std::list<std::unique_ptr<owb::Database>> m_connections;
};

} // namespace owbtest
