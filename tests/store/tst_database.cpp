// The schema owner: creation, reopening, the upgrade ladder and its
// rollback, refusals of files that are not ours, transactions, permissions.

#include "store/database.h"
#include "store/schemas.h"
#include "store/filewrite.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace owb;

namespace {
Schema testSchema(QList<QStringList> steps)
{
    return Schema { QStringLiteral("test file"), 0x54455354, std::move(steps), {} };
}

const QStringList kStep1{QStringLiteral("CREATE TABLE t (x INTEGER NOT NULL)")};

QString errorOpening(const QString &path, const Schema &schema, Database::Mode mode = Database::Mode::OpenExisting)
{
    try {
        Database db(path, schema, mode);
    } catch (const StoreError &error) {
        return error.message();
    }
    return {};
}

// The POSIX locks this process holds on the file, as the kernel lists them.
QStringList locksOn(const QString &path)
{
    QFile locks(QStringLiteral("/proc/locks"));
    if (!locks.open(QIODevice::ReadOnly))
        return {};
    const QString pid = QStringLiteral(" %1 ").arg(QCoreApplication::applicationPid());
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return {};
    const QString inode = QStringLiteral(":%1 ").arg(qulonglong(status.st_ino));
    QStringList found;
    for (const QByteArray &line : locks.readAll().split('\n')) {
        const QString text = QString::fromLatin1(line);
        if (text.contains(pid) && text.contains(inode))
            found.append(text.section(QLatin1Char(':'), 1).simplified()); // without the list's numbering
    }
    return found;
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}
} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Written whole or not at all; a failure leaves the earlier file as it was.
    void writesFilesWhole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        writeFileWhole(path, QByteArray(100000, 'a'));
        writeFileWhole(path, "second");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("second"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("report.pdf")});
        QString message;
        try {
            writeFileWhole(dir.filePath(QStringLiteral("absent/report.pdf")), "x");
        } catch (const StoreError &error) {
            message = error.message();
        }
        QVERIFY2(message.contains(QStringLiteral("not written")) && !message.contains(QStringLiteral("SQLite")),
            qPrintable(message));
    }

    // Ours but with no schema version (issue 10): said plainly, no SQLite text.
    void schemaZeroIsIncomplete()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        { Database db(path, testSchema({kStep1}), Database::Mode::CreateIfMissing); }
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery(raw).exec(QStringLiteral("PRAGMA user_version = 0"));
            QSqlQuery(raw).exec(QStringLiteral("DROP TABLE t"));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        for (const auto mode : {Database::Mode::ReadOnly, Database::Mode::OpenExisting, Database::Mode::Inspect}) {
            const QString message = errorOpening(path, testSchema({kStep1}), mode);
            QVERIFY2(message.contains(QStringLiteral("is incomplete")) && !message.contains(QStringLiteral("SQLite error")),
                qPrintable(message));
        }
    }

    void createsWithVersionAndPrivateMode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        {
            Database db(path, testSchema({kStep1}), Database::Mode::CreateIfMissing);
            QCOMPARE(db.schemaVersion(), 1);
            QCOMPARE(db.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
            QCOMPARE(db.scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
            QCOMPARE(db.scalar(QStringLiteral("PRAGMA application_id")).toInt(), 0x54455354);
        }
        QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                                             | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        Database reopened(path, testSchema({kStep1}), Database::Mode::OpenExisting);
        QCOMPARE(reopened.schemaVersion(), 1);
    }

    void upgradesThroughTheLadder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        {
            Database db(path, testSchema({kStep1}), Database::Mode::CreateIfMissing);
            db.exec(QStringLiteral("INSERT INTO t (x) VALUES (7)"));
        }
        const QStringList step2{QStringLiteral("ALTER TABLE t ADD COLUMN y TEXT NOT NULL DEFAULT 'new'")};
        Database db(path, testSchema({kStep1, step2}), Database::Mode::OpenExisting);
        QCOMPARE(db.schemaVersion(), 2);
        QCOMPARE(db.scalar(QStringLiteral("SELECT y FROM t WHERE x = 7")).toString(), QStringLiteral("new"));
    }

    void failedUpgradeRollsBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        {
            Database db(path, testSchema({kStep1}), Database::Mode::CreateIfMissing);
            db.exec(QStringLiteral("INSERT INTO t (x) VALUES (7)"));
        }
        const QStringList broken{QStringLiteral("ALTER TABLE t ADD COLUMN y TEXT"),
                                 QStringLiteral("INSERT INTO no_such_table VALUES (1)")};
        QVERIFY(errorOpening(path, testSchema({kStep1, broken})).contains(QStringLiteral("cannot be changed")));
        Database db(path, testSchema({kStep1}), Database::Mode::OpenExisting);
        QCOMPARE(db.schemaVersion(), 1);
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM pragma_table_info('t')")).toInt(), 1);
        QCOMPARE(db.scalar(QStringLiteral("SELECT x FROM t")).toInt(), 7);
    }

    // A step's program runs in the upgrade's transaction: its writes commit
    // with the step, and its failure rolls the whole upgrade back.
    void programStepsShareTheTransaction()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        {
            Database db(path, testSchema({ kStep1 }), Database::Mode::CreateIfMissing);
            db.exec(QStringLiteral("INSERT INTO t (x) VALUES (7)"));
        }
        Schema failing = testSchema({ kStep1, {} });
        failing.programs.insert(1, [](Database &db) {
            db.exec(QStringLiteral("UPDATE t SET x = 8"));
            throw StoreError(QStringLiteral("program failed"));
        });
        QCOMPARE(errorOpening(path, failing), QStringLiteral("program failed"));
        {
            Database db(path, testSchema({ kStep1 }), Database::Mode::OpenExisting);
            QCOMPARE(db.schemaVersion(), 1);
            QCOMPARE(db.scalar(QStringLiteral("SELECT x FROM t")).toInt(), 7);
        }
        Schema working = testSchema({ kStep1, {} });
        working.programs.insert(1, [](Database &db) { db.exec(QStringLiteral("UPDATE t SET x = 9")); });
        Database db(path, working, Database::Mode::OpenExisting);
        QCOMPARE(db.schemaVersion(), 2);
        QCOMPARE(db.scalar(QStringLiteral("SELECT x FROM t")).toInt(), 9);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("plain text") << QByteArray("quarter,org_code\nQ1,RX1\n")
                                    << QStringLiteral("not an Oversight Workbench test file (not a SQLite database)");
        QByteArray random(4096, 0);
        for (int i = 0; i < random.size(); ++i)
            random[i] = char((i * 7919 + 13) % 251);
        QTest::newRow("random bytes") << random
                                      << QStringLiteral("not an Oversight Workbench test file (not a SQLite database)");
        QTest::newRow("truncated") << QByteArray("SQLite format 3\0\x10\0", 18)
                                   << QStringLiteral("damaged test file (the file is truncated)");
    }
    void refusals()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        writeBytes(path, bytes);
        QCOMPARE(errorOpening(path, testSchema({kStep1})), path + QStringLiteral(": ") + message);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);  // untouched
    }

    void refusesAnotherApplicationsDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.db"));
        {
            Database other(path, Schema { QStringLiteral("x"), 0x11111111, { kStep1 }, {} },
                Database::Mode::CreateIfMissing);
        }
        QCOMPARE(errorOpening(path, testSchema({kStep1})),
                 path + QStringLiteral(": not an Oversight Workbench test file (a SQLite database of another application)"));
    }

    void refusesNewerVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        {
            Database db(path, testSchema({kStep1, {QStringLiteral("CREATE TABLE u (y)")}}),
                        Database::Mode::CreateIfMissing);
        }
        QCOMPARE(errorOpening(path, testSchema({kStep1})),
                 path + QStringLiteral(": this test file was written by a newer version of Oversight Workbench "
                                       "(schema 2; this version reads up to 1)"));
    }

    void missingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("absent.db"));
        QCOMPARE(errorOpening(path, testSchema({kStep1})), path + QStringLiteral(": no such test file"));
        QVERIFY(!QFile::exists(path));
    }

    void transactionRollsBackUnlessCommitted()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("a.db")), testSchema({kStep1}), Database::Mode::CreateIfMissing);
        {
            Transaction transaction(db);
            db.exec(QStringLiteral("INSERT INTO t (x) VALUES (?)"), {1});
        }
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM t")).toInt(), 0);
        try {
            Transaction transaction(db);
            db.exec(QStringLiteral("INSERT INTO t (x) VALUES (?)"), {2});
            db.exec(QStringLiteral("INSERT INTO t (x) VALUES (NULL)"));  // NOT NULL fails: throws
            transaction.commit();
            QFAIL("expected a StoreError");
        } catch (const StoreError &) {
        }
        QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM t")).toInt(), 0);
        {
            Transaction transaction(db);
            db.exec(QStringLiteral("INSERT INTO t (x) VALUES (?)"), {3});
            transaction.commit();
        }
        QCOMPARE(db.scalar(QStringLiteral("SELECT x FROM t")).toInt(), 3);
    }

    // Opening a file this process already holds (the portfolio reading the
    // case the workbench has open, an import's pre-flight) keeps the first
    // connection's locks. Reading its header by hand and closing it again
    // would drop them, and another process closing the file would then take
    // itself for the last reader and remove the -wal under the open case.
    void secondOpenKeepsTheFirstConnectionsLocks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        Database db(path, testSchema({kStep1}), Database::Mode::CreateIfMissing);
        db.exec(QStringLiteral("INSERT INTO t (x) VALUES (1)"));
        const QStringList held = locksOn(path);
        QVERIFY2(!held.isEmpty(), "an open connection holds a lock on its file");
        {
            Database reader(path, testSchema({kStep1}), Database::Mode::ReadOnly);
            QCOMPARE(reader.scalar(QStringLiteral("SELECT count(*) FROM t")).toInt(), 1);
        }
        QCOMPARE(locksOn(path), held);
        { Database writer(path, testSchema({kStep1}), Database::Mode::OpenExisting); }
        QCOMPARE(locksOn(path), held);
        QCOMPARE(walHeaderProblem(path), QString());
        QCOMPARE(locksOn(path), held);
        // Another process that reads and closes leaves the -wal of the open
        // connection where it is, and sees what it writes next.
        const QString python = QStringLiteral(
            "import sqlite3, sys\n"
            "c = sqlite3.connect(sys.argv[1])\n"
            "print(c.execute('SELECT count(*) FROM t').fetchone()[0])\n"
            "c.close()\n");
        const auto countElsewhere = [&] {
            QProcess other;
            other.start(QStringLiteral("python3"), {QStringLiteral("-c"), python, path});
            if (!other.waitForFinished(30000) || other.exitCode() != 0)
                return -1;
            return other.readAllStandardOutput().trimmed().toInt();
        };
        QCOMPARE(countElsewhere(), 1);
        QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
        db.exec(QStringLiteral("INSERT INTO t (x) VALUES (2)"));
        QCOMPARE(countElsewhere(), 2);
    }

    void productionSchemasCreateCleanly()
    {
        QTemporaryDir dir;
        for (const Schema *schema : {&caseFileSchema(), &peerStoreSchema()}) {
            Database db(dir.filePath(schema->kind), *schema, Database::Mode::CreateIfMissing);
            QCOMPARE(db.schemaVersion(), schema->currentVersion());
            QCOMPARE(db.sqliteProblems(), QStringList());
        }
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
