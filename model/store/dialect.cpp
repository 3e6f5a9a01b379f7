#include "dialect.h"

#include "changelistener.h"
#include "database.h"
#include "schema.h"

namespace owb {

int SqliteDialect::schemaVersion(Database &db) const
{
    return db.scalar(QStringLiteral("PRAGMA user_version")).toInt();
}

void SqliteDialect::setSchemaVersion(Database &db, const Schema &schema, bool created) const
{
    if (created)
        db.exec(QStringLiteral("PRAGMA application_id = %1").arg(schema.applicationId));
    db.exec(QStringLiteral("PRAGMA user_version = %1").arg(schema.currentVersion()));
}

bool SqliteDialect::tableExists(Database &db, const QString &table) const
{
    return db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?"),
                     {table})
               .toInt()
        > 0;
}

bool SqliteDialect::columnExists(Database &db, const QString &table, const QString &column) const
{
    return db.scalar(QStringLiteral("SELECT count(*) FROM pragma_table_info(?) WHERE name = ?"), {table, column}).toInt()
        > 0;
}

std::unique_ptr<ChangeListener> SqliteDialect::listenForChanges(Database &, const QString &) const
{
    return {};
}

int PostgresDialect::schemaVersion(Database &db) const
{
    if (db.scalar(QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = 'owb'")).toInt() == 0)
        return 0;
    return db.scalar(QStringLiteral("SELECT coalesce(max(version), 0) FROM owb.schema_version")).toInt();
}

void PostgresDialect::setSchemaVersion(Database &db, const Schema &schema, bool) const
{
    db.exec(QStringLiteral("INSERT INTO owb.schema_version (id, application_id, version) VALUES (1, ?, ?)"
                           " ON CONFLICT (id) DO UPDATE SET version = excluded.version"),
            {schema.applicationId, schema.currentVersion()});
}

void PostgresDialect::lockSchema(Database &db, qint32 applicationId) const
{
    db.exec(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {qint64(applicationId)});
}

void PostgresDialect::lockCase(Database &db, const QString &org) const
{
    // Two keys: this workspace's cases (a class of its own) and the case.
    // Free, nearly always: taken in one round trip, which also queues the
    // change's notification for colleagues' windows (changelistener.h). The
    // server sends it only if this transaction commits, once however many
    // savepoints of it write the case, and never its content: the case and
    // this connection's process id (this window's own change, to ignore).
    if (db.scalar(QStringLiteral("SELECT pg_try_advisory_xact_lock(1331118663, hashtext(?)),"
                                 " pg_notify('%1', 'case ' || ? || ' ' || pg_backend_pid())")
                      .arg(QLatin1String(kChangeChannel)),
                  {org, org})
            .toBool())
        return;
    // Held by another writer: wait for it in the server's queue, in turn,
    // but only for a few seconds. A colleague's transaction stalled on a
    // dropped network holds it until TCP gives up, and the window would
    // freeze with no sign meanwhile.
    // (Its SQLSTATE tells a wait run out from a failure: run on the driver
    // itself, with the case's key as a number, not as a statement
    // prepared on the server, which could not be freed in the transaction
    // the refusal aborts.)
    const qint64 key = db.scalar(QStringLiteral("SELECT hashtext(?)"), {org}).toLongLong();
    db.exec(QStringLiteral("SET LOCAL lock_timeout = %1").arg(kCaseLockWaitMs));
    QSqlQuery wait(db.connection());
    if (!wait.exec(QStringLiteral("SELECT pg_advisory_xact_lock(1331118663, %1)").arg(key))) {
        if (wait.lastError().nativeErrorCode() == QLatin1String("55P03")) // lock_not_available
            throw StoreError(QStringLiteral("Someone else is saving a change to this case right now; nothing was "
                                            "changed: try again in a moment."));
        db.fail(QStringLiteral("cannot wait for the case"), wait.lastError());
    }
    db.exec(QStringLiteral("SET LOCAL lock_timeout TO DEFAULT"));
}

void PostgresDialect::lockNational(Database &db) const
{
    // A class of its own beside the cases' (1331118663). The notification,
    // as a case's (lockCase), goes out only if the write commits.
    db.exec(QStringLiteral("SELECT pg_advisory_xact_lock(1331118665, 0),"
                           " pg_notify('%1', 'national ' || pg_backend_pid())")
                .arg(QLatin1String(kChangeChannel)));
}

bool PostgresDialect::tableExists(Database &db, const QString &table) const
{
    return db.scalar(QStringLiteral("SELECT count(*) FROM information_schema.tables"
                                    " WHERE table_schema = current_schema() AND table_name = ?"),
                     {table})
               .toInt()
        > 0;
}

bool PostgresDialect::columnExists(Database &db, const QString &table, const QString &column) const
{
    return db.scalar(QStringLiteral("SELECT count(*) FROM information_schema.columns"
                                    " WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?"),
                     {table, column})
               .toInt()
        > 0;
}

std::unique_ptr<ChangeListener> PostgresDialect::listenForChanges(Database &db, const QString &password) const
{
    return std::make_unique<ChangeListener>(db.serverAddress(), password);
}

const Dialect &postgresDialect()
{
    static const PostgresDialect dialect;
    return dialect;
}

const Dialect &sqliteDialect()
{
    static const SqliteDialect dialect;
    return dialect;
}

} // namespace owb
