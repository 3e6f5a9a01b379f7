#pragma once
// An open SQLite file of ours: the one place that opens, creates, upgrades
// and refuses files (style.md practice 5), plus RAII transactions and bound
// queries (practice 6). Errors are thrown as StoreError.

#include "dialect.h"
#include "schema.h"
#include "serveraddress.h"
#include "serverschema.h"
#include "storeerror.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>
#include <functional>
#include <initializer_list>
#include <memory>

namespace owb {

struct ServerAddress;
struct CaseScope;

// Empty when the -wal beside `path` could be the file's own (or there is
// none); else why it cannot be: not a -wal at all, or one made for a file with
// pages of another size.
QString walHeaderProblem(const QString &path);

class Transaction;

class Database
{
public:
    // Inspect: read-only, and leaves the folder exactly as it was (owb check):
    // no -wal or -shm is created, none is changed. With a writer at work it
    // reads like ReadOnly (the writer's -shm is there already); otherwise a
    // file with a -wal beside it is read from a private copy of the pair, and
    // a file without one as immutable.
    // ReadOnly: read-only; a -wal beside the file with no writer at work is
    // read as Inspect reads it (so a read-only folder, or one where a -shm
    // cannot be made, still reads, and nothing is created or changed), and
    // judged first: one that is not the file's own is refused, named.
    enum class Mode { OpenExisting, CreateIfMissing, ReadOnly, Inspect };

    // Opens `path`, creating the schema in one transaction when the file is
    // new or empty and upgrading an older one through the ladder (rolled back
    // on failure). Refuses text, random bytes, another application's SQLite
    // file and a file from a newer version.
    Database(const QString &path, const Schema &schema, Mode mode);
    // One part of a team workspace on a PostgreSQL server (serverschema.h),
    // on a connection of its own whose search path names the part, so that
    // the statements written for the files run unchanged. CreateIfMissing
    // creates the server's schema in an empty database; an older schema is
    // upgraded through its ladder, a newer one refused. ReadOnly sets the
    // session read-only. `password` is passed to libpq and kept nowhere;
    // empty lets libpq find one (PGPASSWORD, ~/.pgpass) or use Kerberos.
    Database(const ServerAddress &server, ServerArea area, const QString &password, Mode mode);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QString path() const { return m_path; }  // a server's URL, without a password
    bool isServer() const { return m_server; }
    // On a server, the role the server knows this connection as
    // (session_user): the audit trail's "who" for every change made through
    // it. Empty for a file.
    QString sessionUser() const { return m_sessionUser; }
    // On a server, the server's process id of this connection (new at each
    // reconnect): the sender a change notification names. 0 for a file.
    int backendPid() const { return m_backendPid; }
    // A server's address, without a password.
    const ServerAddress &serverAddress() const { return m_address; }
    // On a server, after the connection was lost (the server restarted, the
    // network dropped, an administrator ended the session): closes and
    // opens the same connection again, to the same address with the same
    // options, `password` passed to libpq and kept nowhere (empty: libpq's
    // own means), and sets the session up as opening did (its part's search
    // path, read-only for a read-only workspace). Everything that holds this
    // object goes on working with it. Throws StoreError saying why not (the
    // server cannot be reached; ServerPasswordRefused when it refused the
    // password), and refuses while a transaction is open, or when the server
    // now knows this connection as another role (ServerRoleChanged) (the audit trail's author
    // never changes under a person): then the connection is left closed.
    void reconnect(const QString &password);
    // Whether opening it created the schema (the file or database was empty).
    bool wasCreated() const { return m_created; }
    int schemaVersion() const { return m_version; }
    bool isReadOnly() const { return m_readOnly; }
    QSqlDatabase &connection() { return m_db; }
    // What this engine spells differently (store/dialect.h).
    const Dialect &dialect() const { return m_server ? postgresDialect() : sqliteDialect(); }
    // On a server: names without a part now mean `area`'s tables, until the
    // open transaction ends (then the connection's own part again). One
    // transaction can so write national data and cases through the same
    // statements as the files (an import). Nothing for a file.
    void useArea(ServerArea area);

    // Prepares and runs one statement with positional bindings.
    // A null QString binds as '' (NULLs are always spelt QVariant()), so an
    // optional text field left empty never meets a NOT NULL column as NULL.
    QSqlQuery exec(const QString &sql, std::initializer_list<QVariant> bindings = {});
    QSqlQuery exec(const QString &sql, const QVariantList &bindings);
    // The first column of the first row, or an invalid QVariant.
    QVariant scalar(const QString &sql, std::initializer_list<QVariant> bindings = {});
    QVariant scalar(const QString &sql, const QVariantList &bindings);

    // How many statements this process has sent to its databases (every
    // connection): what a test bounds to keep round trips to a server from
    // growing with the number of cases or records.
    static qint64 statementsSent();
    // Hands every statement this process sends (its text, before it is sent)
    // to `observer` as well, until called again (empty: none): what a test or
    // a benchmark reads to say which statements a step sends. May be called
    // from any thread the databases are used on.
    static void observeStatements(std::function<void(const QString &sql)> observer);
    // libpq's own words for why a connection to `server` failed, mapped to
    // what a person can do about it (libpq's text is kept out of the
    // message: it names sockets and internal states).
    static QString connectionReason(const QString &libpqText, const ServerAddress &server);
    // Calls `observer` whenever a statement on a server fails because the
    // connection was lost or the server refused a right (a role revoked
    // while connected), until called again (empty: none), so that the window
    // can say so at once. Called on the thread that sent it.
    static void observeLostConnections(std::function<void()> observer);
    // A server's: empty when this account may use the workspace's part (its
    // schema); else why not, naming the roles to ask for (one round trip).
    QString noAccess() const;

    // Problems found by SQLite's own checks (integrity, foreign keys); empty if clean.
    QStringList sqliteProblems();

    // Throws StoreError naming the file, `what` failed and, in plain words,
    // why (SQLite's own text never reaches the user); ServerConnectionLost
    // when a server's connection was lost, ServerAccessRefused when the
    // server lets the account use none of the workspace.
    [[noreturn]] void fail(const QString &what, const QSqlError &error) const;

    // Before a new file is renamed into place: checkpoints everything into the
    // file and verifies that the -wal is empty and the file whole, or throws
    // (a full disk). Closing then removes the empty -wal.
    void settle();

    // Called by Transaction: after BEGIN, and before COMMIT (still inside the
    // transaction, so what the hook writes commits with the change).
    void setTransactionHooks(std::function<void()> afterBegin, std::function<void()> beforeCommit)
    {
        m_afterBegin = std::move(afterBegin);
        m_beforeCommit = std::move(beforeCommit);
    }
    void runAfterBegin()
    {
        if (m_afterBegin)
            m_afterBegin();
    }
    void runBeforeCommit()
    {
        if (m_beforeCommit)
            m_beforeCommit();
    }

private:
    // Counts a statement about to be sent and hands it to the observer.
    static void countStatement(const QString &sql);
    void connectReader(bool immutable);
    void connectInspector();
    void applyPragmas();
    void migrate(const Schema &schema); // from the version it has, under the schema lock
    void openServer(const ServerAddress &server, const QString &password);
    // The session settings every server connection starts with, opened or
    // reopened: quiet notices, and who the server knows it as.
    void startServerSession();
    int serverSchemaVersion(const Schema &schema);
    QString serverReason(const QSqlError &error) const;
    // A server's refusal in whole sentences: the workspace by its name (not
    // its URL), what could not be read or saved and the role to ask for.
    QString serverMessage(bool writing, const QSqlError &error) const;
    // Whether `error` is a server's refusal of any use of the workspace
    // (none of its roles: the schema refused or out of sight).
    bool accessGone(const QSqlError &error) const;
    // "owb_north on db.example" (a Unix socket's folder: "on this machine").
    QString workspaceName() const;
    // Whether `error` is the server's connection lost (fail() then throws
    // ServerConnectionLost).
    bool connectionLost(const QSqlError &error) const;
    // A server's name for `sql` prepared on this connection (PREPARE on
    // first use): each later run is one EXECUTE, one round trip.
    QString preparedOnServer(const QString &sql);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_version = 0;
    bool m_readOnly = false;
    bool m_inspect = false;
    bool m_server = false;
    bool m_created = false;
    QString m_sessionUser;
    int m_backendPid = 0;
    ServerAddress m_address;                 // a server's, without a password: to reconnect
    ServerArea m_area = ServerArea::National; // a server's part, its search path
    QHash<QString, QString> m_prepared; // a server's: statement -> its prepared name on this connection
    std::unique_ptr<QTemporaryDir> m_copy; // Inspect: the private copy of a file and its -wal
    std::function<void()> m_afterBegin;
    std::function<void()> m_beforeCommit;
    // Transactions open on this connection: the inner ones are savepoints,
    // and one that ended without committing makes the outermost refuse to
    // commit a part (an undo step over several records is one transaction).
    friend class Transaction;
    int m_transactionDepth = 0;
    bool m_partFailed = false;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless committed.
// Transaction(db) runs the connection's hooks (a case file's audit seal).
// Transaction(scope) is a write to one organisation's case: in a case file
// the same as Transaction(db); on a server, where every case shares the
// connection, it takes the case's lock (Dialect::lockCase) right after BEGIN
// and, before COMMIT, seals the audit entries this transaction appended to
// that case's chain with the session user as their author. The lock is held
// until the transaction ends, so the chain is appended by one writer at a
// time and never forks.
// A Transaction opened while another is open on the same connection is a
// savepoint inside it: it commits with the outer one (its case still locked
// and sealed on a server), and rolls back alone. So one import writes many
// cases in one server transaction through the same case-file code.
class Transaction
{
public:
    explicit Transaction(Database &db);
    explicit Transaction(const CaseScope &scope);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Database &m_db;
    QString m_org;          // the case sealed on commit (a server's case write)
    bool m_sealsCase = false;
    qint64 m_auditMark = 0; // its last audit entry before this transaction
    QString m_savepoint;    // inside another transaction: its savepoint's name
    bool m_done = false;
    void begin();
    void end(bool commit);
};

// Sets `db` (a QPSQL connection) to reach `server` as every connection of
// a team workspace does: its address and options, a connect timeout of
// seconds and the program's name for the server's view of its sessions.
void setUpServerConnection(QSqlDatabase &db, const ServerAddress &server);

// Whether this process may write `path` (access(2): a read-only mount says
// no even to root; errno says why when not).
bool mayWrite(const QString &path);

// Creates an empty file readable and writable by its owner only.
void createPrivateFile(const QString &path);

// Makes a new database file appear complete or not at all: `build` creates
// and fills it under a temporary name, settles it (Database::settle) and
// closes it; it is verified whole, flushed to disk and renamed into place. A
// kill leaves at most a stale temporary file, removed next time; a failure
// (a full disk) removes it at once.
void createFileAtomically(const QString &path, const std::function<void(const QString &temporary)> &build);

} // namespace owb
