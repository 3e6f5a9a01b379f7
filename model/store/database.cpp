#include "database.h"

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>

namespace owb {

namespace {
QAtomicInt connectionCounter;

// The first 16 bytes of every SQLite 3 database file.
const QByteArray kSqliteMagic("SQLite format 3\0", 16);

void checkHeader(const QString &path, const QString &kind)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw StoreError(QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    const QByteArray head = file.read(100);
    if (head.isEmpty())
        return;  // empty: created but never initialised, safe to create
    if (!head.startsWith(kSqliteMagic))
        throw StoreError(QStringLiteral("%1: not an Oversight Workbench %2 (not a SQLite database)")
                             .arg(path, kind));
    if (head.size() < 100 || file.size() < 512)
        throw StoreError(QStringLiteral("%1: damaged %2 (the file is truncated)").arg(path, kind));
    // The header records the page size and, when valid, the page count: a
    // file shorter than that lost its end (a copy cut short, a full disk).
    auto u16 = [&](int at) { return (quint32(quint8(head[at])) << 8) | quint8(head[at + 1]); };
    auto u32 = [&](int at) { return (u16(at) << 16) | u16(at + 2); };
    const qint64 pageSize = u16(16) == 1 ? 65536 : u16(16);
    const qint64 pages = u32(28);
    if (pages > 0 && u32(24) == u32(92) && file.size() < pageSize * pages)
        throw StoreError(QStringLiteral("%1: damaged %2 (the file is truncated: %3 bytes of %4)")
                             .arg(path, kind)
                             .arg(file.size())
                             .arg(pageSize * pages));
}
} // namespace

void createPrivateFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        throw StoreError(QStringLiteral("%1: cannot create: %2").arg(path, file.errorString()));
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        throw StoreError(QStringLiteral("%1: cannot restrict permissions: %2").arg(path, file.errorString()));
}

void createFileAtomically(const QString &path, const std::function<void(const QString &)> &build)
{
    const QString temporary = path + QStringLiteral(".partial");
    // Leftovers of an earlier attempt that was killed go first.
    for (const QString &suffix : {QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(temporary + suffix);
    build(temporary);
    // Closing the last connection checkpointed and removed the WAL, so the
    // file is whole on its own.
    if (!QFile::rename(temporary, path)) {
        QFile::remove(temporary);
        throw StoreError(QStringLiteral("%1: cannot create (the name is taken or the folder is read-only)").arg(path));
    }
}

Database::Database(const QString &path, const Schema &schema, Mode mode)
    : m_path(path),
      m_connectionName(QStringLiteral("owb-%1").arg(connectionCounter.fetchAndAddRelaxed(1))),
      m_readOnly(mode == Mode::ReadOnly)
{
    const bool exists = QFileInfo::exists(path);
    if (!exists && mode != Mode::CreateIfMissing)
        throw StoreError(QStringLiteral("%1: no such %2").arg(path, schema.kind));
    if (exists)
        checkHeader(path, schema.kind);
    else
        createPrivateFile(path);

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    // A read-only file gets a read-only connection. Otherwise even a reader
    // connects read-write (with query_only set): only a writable connection
    // removes the -wal and -shm files when it closes, so that looking at a
    // workspace leaves it exactly as it was.
    if (m_readOnly && !QFileInfo(path).isWritable())
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!m_db.open())
        fail(QStringLiteral("cannot open"), m_db.lastError().text());

    try {
        const qint32 applicationId = scalar(QStringLiteral("PRAGMA application_id")).toInt();
        m_version = scalar(QStringLiteral("PRAGMA user_version")).toInt();
        const int tables = scalar(QStringLiteral("SELECT count(*) FROM sqlite_master")).toInt();
        const bool blank = applicationId == 0 && m_version == 0 && tables == 0;
        if (!blank && applicationId != schema.applicationId)
            throw StoreError(QStringLiteral("%1: not an Oversight Workbench %2 (a SQLite database of "
                                            "another application)")
                                 .arg(path, schema.kind));
        if (m_version > schema.currentVersion())
            throw StoreError(QStringLiteral("%1: this %2 was written by a newer version of Oversight "
                                            "Workbench (schema %3; this version reads up to %4)")
                                 .arg(path, schema.kind)
                                 .arg(m_version)
                                 .arg(schema.currentVersion()));
        applyPragmas();
        // A reader leaves an older file as it is: every version's tables are
        // a subset of the next one's, and the upgrade happens on the next write.
        if (m_version < schema.currentVersion() && !m_readOnly)
            migrate(schema, m_version);
    } catch (...) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        throw;
    }
}

Database::~Database()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

void Database::fail(const QString &what, const QString &detail) const
{
    throw StoreError(QStringLiteral("%1: %2: %3").arg(m_path, what, detail));
}

void Database::applyPragmas()
{
    exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    exec(QStringLiteral("PRAGMA busy_timeout = 5000"));
    if (m_readOnly) {
        exec(QStringLiteral("PRAGMA query_only = ON"));
    } else {
        // WAL keeps readers going during writes; FULL makes every commit
        // durable before the edit is acknowledged.
        exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        exec(QStringLiteral("PRAGMA synchronous = FULL"));
    }
}

void Database::migrate(const Schema &schema, int from)
{
    Transaction transaction(*this);
    for (int step = from; step < schema.currentVersion(); ++step)
        for (const QString &sql : schema.steps.at(step))
            exec(sql);
    if (from == 0)
        exec(QStringLiteral("PRAGMA application_id = %1").arg(schema.applicationId));
    exec(QStringLiteral("PRAGMA user_version = %1").arg(schema.currentVersion()));
    transaction.commit();
    m_version = schema.currentVersion();
}

QSqlQuery Database::exec(const QString &sql, std::initializer_list<QVariant> bindings)
{
    return exec(sql, QVariantList(bindings));
}

QSqlQuery Database::exec(const QString &sql, const QVariantList &bindings)
{
    QSqlQuery query(m_db);
    if (!query.prepare(sql))
        fail(QStringLiteral("cannot prepare \"%1\"").arg(sql.simplified()), query.lastError().text());
    for (const QVariant &value : bindings) {
        // Qt 6 binds a null QString as SQL NULL (QVariant::isNull() no longer
        // says so); NULLs are always spelt QVariant().
        const bool nullString = value.typeId() == QMetaType::QString && value.toString().isNull();
        query.addBindValue(nullString ? QVariant(QStringLiteral("")) : value);
    }
    if (!query.exec())
        fail(QStringLiteral("cannot run \"%1\"").arg(sql.simplified()), query.lastError().text());
    return query;
}

QVariant Database::scalar(const QString &sql, std::initializer_list<QVariant> bindings)
{
    QSqlQuery query = exec(sql, bindings);
    return query.next() ? query.value(0) : QVariant();
}

QStringList Database::sqliteProblems()
{
    QStringList problems;
    QSqlQuery integrity = exec(QStringLiteral("PRAGMA integrity_check"));
    while (integrity.next())
        if (integrity.value(0).toString() != QLatin1String("ok"))
            problems.append(QStringLiteral("integrity: %1").arg(integrity.value(0).toString()));
    QSqlQuery keys = exec(QStringLiteral("PRAGMA foreign_key_check"));
    while (keys.next())
        problems.append(QStringLiteral("broken reference in table %1 (row %2) to %3")
                            .arg(keys.value(0).toString(), keys.value(1).toString(), keys.value(2).toString()));
    return problems;
}

Transaction::Transaction(Database &db) : m_db(db)
{
    m_db.exec(QStringLiteral("BEGIN IMMEDIATE"));
    m_db.runAfterBegin();
}

Transaction::~Transaction()
{
    if (!m_done) {
        QSqlQuery rollback(m_db.connection());
        rollback.exec(QStringLiteral("ROLLBACK"));
    }
}

void Transaction::commit()
{
    m_db.runBeforeCommit();
    m_db.exec(QStringLiteral("COMMIT"));
    m_done = true;
}

} // namespace owb
