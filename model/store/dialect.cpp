#include "dialect.h"

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
    db.exec(QStringLiteral("SELECT pg_advisory_xact_lock(1331118663, hashtext(?))"), {org});
}

void PostgresDialect::lockNational(Database &db) const
{
    // A class of its own beside the cases' (1331118663).
    db.exec(QStringLiteral("SELECT pg_advisory_xact_lock(1331118665, 0)"));
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
