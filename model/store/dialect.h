#pragma once
// What differs between the two engines that hold cases: SQLite (a case file
// per organisation) and PostgreSQL (a team workspace, every organisation's
// case in shared tables keyed by org_code). Casework, audit and assessment
// statements are written once in SQL both engines accept (upsert with ON
// CONFLICT ... DO UPDATE, RETURNING, CTEs, coalesce); what they do not
// share goes through this one seam, and nowhere else:
// - column types (a binary column, an integer key),
// - schema creation and the upgrade ladder's bookkeeping (SQLite's
//   PRAGMA user_version and application_id; a schema_version table on a
//   server),
// - locking a case for a write (BEGIN IMMEDIATE locks the whole file; a
//   server takes a per-case lock inside the transaction),
// - the current time as text (the audit trail's "at"),
// - whether a table exists,
// - telling colleagues' windows what changed: a server's writes queue a
//   notification with their lock (lockCase, lockNational), delivered on
//   commit, and listenForChanges hears them; a case file has no colleagues
//   at work in it and listens to nothing.

#include <QString>
#include <memory>

namespace owb {

class ChangeListener;
class Database;

// How long a writer on a team workspace waits for the case's lock.
inline constexpr int kCaseLockWaitMs = 4000;
struct Schema;

class Dialect
{
public:
    virtual ~Dialect() = default;

    virtual QString name() const = 0; // "sqlite", "postgresql"

    // Column types for DDL.
    virtual QString binaryType() const = 0;   // BLOB / bytea
    virtual QString integerKeyType() const = 0; // a record id, allocated by the statements themselves

    // The version the schema ladder has reached, and recording a new one
    // (inside the upgrade's transaction).
    virtual int schemaVersion(Database &db) const = 0;
    // `created`: the ladder started from nothing (the file or database is
    // marked as the schema's kind).
    virtual void setSchemaVersion(Database &db, const Schema &schema, bool created) const = 0;
    // Keeps every other upgrader out until the upgrade's transaction ends.
    virtual void lockSchema(Database &db, qint32 applicationId) const = 0;

    // Starts a write transaction that keeps other writers of the same case
    // out until it ends; `org` names the case.
    virtual QString beginWrite() const = 0;
    // A writer waits at most kCaseLockWaitMs for another writer of the same
    // case, then is refused ("Someone else is saving a change to this case
    // right now"), nothing written; a case file's lock waits as long as
    // SQLite's busy timeout.
    virtual void lockCase(Database &db, const QString &org) const = 0;
    // Keeps every other writer of the national data (an import, a
    // methodology change) out until the transaction ends.
    virtual void lockNational(Database &db) const = 0;

    // An SQL expression for the current UTC time as ISO 8601 text with
    // milliseconds and a Z ("2026-11-23T22:16:47.123Z"), the one form the
    // audit trail hashes.
    virtual QString nowText() const = 0;

    virtual bool tableExists(Database &db, const QString &table) const = 0;
    virtual bool columnExists(Database &db, const QString &table, const QString &column) const = 0;

    // A listener for the changes colleagues commit to the workspace `db` is
    // part of (store/changelistener.h), on a connection of its own opened
    // with `password` (kept nowhere); none where no one else writes
    // (a case file).
    virtual std::unique_ptr<ChangeListener> listenForChanges(Database &db, const QString &password) const = 0;
};

// The case file's engine.
class SqliteDialect final : public Dialect
{
public:
    QString name() const override { return QStringLiteral("sqlite"); }
    QString binaryType() const override { return QStringLiteral("BLOB"); }
    QString integerKeyType() const override { return QStringLiteral("INTEGER"); }
    int schemaVersion(Database &db) const override;
    void setSchemaVersion(Database &db, const Schema &schema, bool created) const override;
    void lockSchema(Database &, qint32) const override {} // BEGIN IMMEDIATE locked the file
    QString beginWrite() const override { return QStringLiteral("BEGIN IMMEDIATE"); }
    void lockCase(Database &, const QString &) const override {} // BEGIN IMMEDIATE locked the file
    void lockNational(Database &) const override {} // the folder's lock and BEGIN IMMEDIATE
    QString nowText() const override { return QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"); }
    bool tableExists(Database &db, const QString &table) const override;
    bool columnExists(Database &db, const QString &table, const QString &column) const override;
    std::unique_ptr<ChangeListener> listenForChanges(Database &db, const QString &password) const override;
};

// A team workspace's engine (serverschema.h): the version in
// owb.schema_version, per-case and schema locks as transaction-scoped
// advisory locks, names looked up in the connection's part.
class PostgresDialect final : public Dialect
{
public:
    QString name() const override { return QStringLiteral("postgresql"); }
    QString binaryType() const override { return QStringLiteral("bytea"); }
    QString integerKeyType() const override { return QStringLiteral("integer"); }
    int schemaVersion(Database &db) const override;
    void setSchemaVersion(Database &db, const Schema &schema, bool created) const override;
    void lockSchema(Database &db, qint32 applicationId) const override;
    QString beginWrite() const override { return QStringLiteral("BEGIN"); }
    void lockCase(Database &db, const QString &org) const override;
    void lockNational(Database &db) const override;
    QString nowText() const override
    {
        return QStringLiteral("to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')");
    }
    bool tableExists(Database &db, const QString &table) const override;
    bool columnExists(Database &db, const QString &table, const QString &column) const override;
    std::unique_ptr<ChangeListener> listenForChanges(Database &db, const QString &password) const override;
};

const Dialect &sqliteDialect();
const Dialect &postgresDialect();

} // namespace owb
