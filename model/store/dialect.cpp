#include "dialect.h"

#include "database.h"

namespace owb {

int SqliteDialect::schemaVersion(Database &db) const
{
    return db.scalar(QStringLiteral("PRAGMA user_version")).toInt();
}

void SqliteDialect::setSchemaVersion(Database &db, int version) const
{
    db.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
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

const Dialect &sqliteDialect()
{
    static const SqliteDialect dialect;
    return dialect;
}

} // namespace owb
