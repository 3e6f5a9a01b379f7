// Database on a PostgreSQL server: a team workspace's part (serverschema.h).

#include "database.h"
#include "serveraddress.h"
#include "serverschemarules.h"

#include <QAtomicInt>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlDriver>

namespace owb {

namespace {

QAtomicInt serverConnectionCounter;
QMutex lostObserverMutex;
std::function<void()> lostObserver;

// Tells the window (observeLostConnections) that the server refused a
// statement for a reason it should show at once.
void tellObserver()
{
    std::function<void()> observer;
    {
        const QMutexLocker lock(&lostObserverMutex);
        observer = lostObserver;
    }
    if (observer)
        observer();
}

bool passwordRefused(const QString &libpqText)
{
    return libpqText.contains(QLatin1String("password authentication failed"))
        || libpqText.contains(QLatin1String("no password supplied"));
}

} // namespace

void Database::observeLostConnections(std::function<void()> observer)
{
    const QMutexLocker lock(&lostObserverMutex);
    lostObserver = std::move(observer);
}

QString Database::connectionReason(const QString &text, const ServerAddress &server)
{
    if (passwordRefused(text))
        return QStringLiteral("the server did not accept the password for %1: check it, or ask the "
                              "workspace's administrator")
            .arg(server.user.isEmpty() ? QStringLiteral("your account") : server.user);
    if (text.contains(QLatin1String("does not exist")) && text.contains(QLatin1String("database")))
        return QStringLiteral("the server has no database \"%1\": check the name, or create it (see the README's "
                              "team set-up)")
            .arg(server.database);
    if (text.contains(QLatin1String("role")) && text.contains(QLatin1String("does not exist")))
        return QStringLiteral("the server has no account \"%1\": ask the workspace's administrator to create it")
            .arg(server.user);
    // Asked for TLS (sslmode=require or stricter) where the server offers none.
    if (text.contains(QLatin1String("does not support SSL")))
        return QStringLiteral("the server does not offer TLS (encrypted connections), which this connection "
                              "requires (sslmode): ask the administrator to turn TLS on for the server");
    // TLS, as libpq says why: the root certificate file missing, the
    // server's certificate made for another host name, or not signed by
    // the authority given.
    static const QRegularExpression missingRoot(QStringLiteral("root certificate file \"([^\"]*)\" does not exist"));
    static const QRegularExpression otherHost(
        QStringLiteral("server certificate for \"([^\"]*)\"(?: \\(and \\d+ other names?\\))? does not match host "
                       "name \"([^\"]*)\""));
    if (const QRegularExpressionMatch missing = missingRoot.match(text); missing.hasMatch())
        return QStringLiteral("the root certificate file %1 (sslrootcert) does not exist: check its name, or ask the "
                              "administrator for the file")
            .arg(missing.captured(1));
    if (const QRegularExpressionMatch other = otherHost.match(text); other.hasMatch())
        return QStringLiteral("the server's certificate is for \"%1\", not for \"%2\", the host name given: connect "
                              "to it as \"%1\" (or ask the administrator for a certificate naming \"%2\")")
            .arg(other.captured(1), other.captured(2));
    if (text.contains(QLatin1String("certificate verify failed")))
        return QStringLiteral("the server's certificate is not signed by the authority in the root certificate file "
                              "%1 (sslrootcert): check with the administrator that this is the workspace's server and "
                              "the right file")
            .arg(server.options.value(QStringLiteral("sslrootcert"), QStringLiteral("~/.postgresql/root.crt")));
    if (text.contains(QLatin1String("certificate")) || text.contains(QLatin1String("SSL")))
        return QStringLiteral("the server's identity could not be verified over TLS (its certificate, or "
                              "sslrootcert): check the address and the certificate with the administrator");
    if (text.contains(QLatin1String("pg_hba.conf")))
        return QStringLiteral("the server does not let this account connect from this machine (its pg_hba.conf)");
    if (text.contains(QLatin1String("timeout")) || text.contains(QLatin1String("Connection refused"))
        || text.contains(QLatin1String("No such file")) || text.contains(QLatin1String("could not translate host"))
        || text.contains(QLatin1String("Network is unreachable")))
        // Named as tried: a Unix socket folder is a server on this machine.
        return QStringLiteral("the server %1 cannot be reached: check the address, the port and the network (VPN)")
            .arg(server.host.isEmpty() || server.host.startsWith(QLatin1Char('/'))
                     ? QStringLiteral("on this machine (port %1)").arg(server.port)
                     : (server.host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2") : QStringLiteral("%1:%2"))
                           .arg(server.host)
                           .arg(server.port));
    return QStringLiteral("the server refused the connection: check the address and your account");
}

namespace {

// The casework tables an import writes (national data and assessments are
// the importers'), the rest of the casework the editors'.
bool importersTable(const QString &name)
{
    static const QStringList imported{
        QStringLiteral("organisation"), QStringLiteral("metric_value"), QStringLiteral("assessment"),
        QStringLiteral("metric_score"), QStringLiteral("domain_score"), QStringLiteral("setting"),
        QStringLiteral("quarter"), QStringLiteral("org_quarter"), QStringLiteral("import_log"),
        QStringLiteral("methodology_file"), QStringLiteral("methodology_year"), QStringLiteral("methodology_log")};
    return imported.contains(name);
}

// SQLSTATEs of a right the server refuses: 42501 (permission denied), and
// what a role revoked leaves: the part's schema no longer usable, so its
// tables are "not found" (42P01) and the schema too (3F000).
bool rightRefused(const QString &state)
{
    return state == QLatin1String("42501") || state == QLatin1String("42P01") || state == QLatin1String("3F000");
}

// Ends a sentence that has no full stop of its own.
QString sentence(const QString &text)
{
    return text.endsWith(QLatin1Char('.')) ? text : text + QLatin1Char('.');
}

// An account the server gives none of the workspace's roles (never given, or
// revoked): the same words on opening, reconnecting and any read or write.
QString noRole(const QString &account, const QString &workspace, const TeamRoles &roles)
{
    return QStringLiteral("Your account %1 may not use the team workspace %2: the server gives it none of the "
                          "workspace's roles. Ask its administrator for the %3 role (or %4, to read it only).")
        .arg(account, workspace, roles.editor, roles.reader);
}

} // namespace

QString Database::workspaceName() const
{
    // A Unix socket folder is a server on this machine.
    const QString host = m_address.host.isEmpty() || m_address.host.startsWith(QLatin1Char('/'))
                             ? QStringLiteral("this machine")
                             : m_address.host;
    return QStringLiteral("%1 on %2").arg(m_address.database, host);
}

QString Database::noAccess() const
{
    if (const_cast<Database *>(this)
            ->scalar(QStringLiteral("SELECT has_schema_privilege(session_user, ?, 'USAGE')"), {serverAreaName(m_area)})
            .toBool())
        return {};
    const TeamRoles roles = teamRoles(m_address.database);
    return noRole(m_sessionUser.isEmpty() ? m_address.user : m_sessionUser, workspaceName(), roles);
}

bool Database::accessGone(const QSqlError &error) const
{
    const QString state = error.nativeErrorCode();
    return state == QLatin1String("42P01") || state == QLatin1String("3F000")
        || (state == QLatin1String("42501") && error.databaseText().contains(QLatin1String("permission denied for schema")));
}

QString Database::serverMessage(bool writing, const QSqlError &error) const
{
    const QString state = error.nativeErrorCode();
    if (!rightRefused(state)) {
        // What failed, then why, in plain words.
        return QStringLiteral("Team workspace %1: %2: %3")
            .arg(workspaceName(),
                 writing ? QStringLiteral("the change cannot be saved") : QStringLiteral("cannot be read"),
                 sentence(serverReason(error)));
    }
    // A refused right: whose account, what it may not read or change, the
    // role to ask for; trying again cannot help. The window is told at once
    // (tester, issue 14: a role revoked while connected left the status bar
    // saying "connected" until the next reconnect). The server names the
    // table it refused ("permission denied for table note"): said as the
    // records it holds.
    tellObserver();
    const TeamRoles roles = teamRoles(m_address.database);
    const QString account = m_sessionUser.isEmpty() ? m_address.user : m_sessionUser;
    static const QRegularExpression table(QStringLiteral("permission denied for (?:table|relation) \"?(\\w+)"));
    const QRegularExpressionMatch match = table.match(error.databaseText());
    if (state == QLatin1String("42501") && match.hasMatch()) {
        QString name = match.captured(1);
        // The audit trail is written by the trigger of the record written
        // (serverschema.cpp: cases.audit_<table>(), which the error's
        // context names), never by the user: a refused entry is said as the
        // records the user was writing.
        static const QRegularExpression trigger(QStringLiteral("function (?:cases\\.)?audit_(\\w+)\\(\\)"));
        if (name == QLatin1String("audit_log")) {
            if (const QRegularExpressionMatch written = trigger.match(error.databaseText()); written.hasMatch())
                name = written.captured(1);
            else // a write's first read of the trail (its next id): said as the case's records
                name = QStringLiteral("case");
        }
        const QString records = QString(name).replace(QLatin1Char('_'), QLatin1Char(' '));
        if (writing)
            return QStringLiteral("Your account %1 may not change the %2 records of the team workspace %3. Ask its "
                                  "administrator for the %4 role.")
                .arg(account, records, workspaceName(), importersTable(name) ? roles.importer : roles.editor);
        // The role advice as the status bar's and the read-only bar's
        // (tester, issue 14: an editor whose role was revoked was told to ask
        // for the readers' role here, for the editors' in the bar).
        return QStringLiteral("Your account %1 may not read the %2 records of the team workspace %3. Ask its "
                              "administrator for the %4 role (or %5, to read it only).")
            .arg(account, records, workspaceName(), roles.editor, roles.reader);
    }
    if (!accessGone(error) && writing)
        return QStringLiteral("Your account %1 may not make this change in the team workspace %2. Ask its "
                              "administrator for the %3 role.")
            .arg(account, workspaceName(), roles.editor);
    // The schema refused, or its tables gone from sight: no role at all.
    return noRole(account, workspaceName(), roles);
}

bool Database::connectionLost(const QSqlError &error) const
{
    // 08: connection exceptions; 57P: the server ended the session (an
    // administrator, a shutdown); 25P03: ended for idling in a transaction.
    const auto lost = [](const QString &state) {
        return state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P"))
            || state == QLatin1String("25P03");
    };
    const QString state = error.nativeErrorCode();
    if (lost(state) || error.type() == QSqlError::ConnectionError || !m_db.isOpen())
        return true;
    if (!state.isEmpty())
        return false;
    // libpq gives no SQLSTATE for a connection that dropped under a
    // statement, and its state may say so only once it has read the end of
    // the stream (tester, issue 14: a report read as the connection dropped
    // said "PostgreSQL error without a code"): asked once more.
    QSqlQuery ping(m_db);
    if (ping.exec(QStringLiteral("SELECT 1")))
        return false;
    return ping.lastError().nativeErrorCode().isEmpty() || lost(ping.lastError().nativeErrorCode()) || !m_db.isOpen();
}

QString Database::serverReason(const QSqlError &error) const
{
    const QString state = error.nativeErrorCode();
    if (state == QLatin1String("23505"))
        return QStringLiteral("the record is there already (someone else added it at the same moment): reload and "
                              "try again");
    if (state == QLatin1String("23514"))
        if (const QString rule = serverRuleRefusal(error.databaseText()); !rule.isEmpty())
            return rule;
    if (state == QLatin1String("23503"))
        return QStringLiteral("it refers to a record that is not there (someone else removed it): reload");
    if (state == QLatin1String("40001") || state == QLatin1String("40P01"))
        return QStringLiteral("someone else was changing the same records at the same moment: try again");
    if (state == QLatin1String("25006"))
        return QStringLiteral("the team workspace was opened read-only");
    if (state == QLatin1String("53100"))
        return QStringLiteral("the server's disk is full: tell the workspace's administrator");
    if (connectionLost(error)) {
        tellObserver();
        return QStringLiteral("the connection to the team workspace was lost: nothing was changed; the workbench "
                              "reconnects by itself (or File > Reconnect), then try again");
    }
    return QStringLiteral("the server refused it (PostgreSQL error %1): try again, or tell the workspace's "
                          "administrator")
        .arg(state.isEmpty() ? QStringLiteral("without a code") : state);
}

void setUpServerConnection(QSqlDatabase &db, const ServerAddress &server)
{
    db.setHostName(server.host);
    db.setPort(server.port);
    db.setDatabaseName(server.database);
    db.setUserName(server.user);
    ServerAddress withDefaults = server;
    // A server out of reach is said so in seconds, not minutes; the
    // server's own view of its sessions names the program.
    if (!withDefaults.options.contains(QStringLiteral("connect_timeout")))
        withDefaults.options.insert(QStringLiteral("connect_timeout"), QStringLiteral("10"));
    if (!withDefaults.options.contains(QStringLiteral("application_name")))
        withDefaults.options.insert(QStringLiteral("application_name"), QStringLiteral("oversight-workbench"));
    db.setConnectOptions(withDefaults.connectOptions());
}

void Database::openServer(const ServerAddress &server, const QString &password)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        throw StoreError(QStringLiteral("%1: this installation cannot reach PostgreSQL servers (Qt's QPSQL driver, "
                                        "Debian package libqt6sql6-psql, is missing)")
                             .arg(m_path));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    setUpServerConnection(m_db, server);
    m_db.setPassword(password);
    const bool opened = m_db.open();
    m_db.setPassword(QString()); // kept nowhere once used
    if (!opened) {
        const QString text = m_db.lastError().databaseText() + m_db.lastError().driverText();
        const QString message = QStringLiteral("%1: cannot connect: %2").arg(m_path, connectionReason(text, server));
        if (passwordRefused(text))
            throw ServerPasswordRefused(message);
        throw StoreError(message);
    }
    startServerSession();
}

void Database::startServerSession()
{
    // Notices ("role is already a member") are for administrators at psql.
    exec(QStringLiteral("SET client_min_messages TO warning"));
    // Its process id in the same round trip: what a colleague's window is
    // told sent a change (store/changelistener), so that this window
    // ignores its own.
    QSqlQuery q = exec(QStringLiteral("SELECT session_user, pg_backend_pid()"));
    if (q.next()) {
        m_sessionUser = q.value(0).toString();
        m_backendPid = q.value(1).toInt();
    }
}

void Database::reconnect(const QString &password)
{
    if (!m_server)
        return;
    if (m_transactionDepth > 0)
        throw StoreError(QStringLiteral("%1: cannot reconnect while a change is being written: try again once it "
                                        "has finished")
                             .arg(m_path));
    const QString author = m_sessionUser;
    m_db.close();
    // Prepared statements are the old session's: the new one has none.
    m_prepared.clear();
    m_db.setPassword(password);
    const bool opened = m_db.open();
    m_db.setPassword(QString()); // kept nowhere once used
    if (!opened) {
        const QString text = m_db.lastError().databaseText() + m_db.lastError().driverText();
        const QString message = QStringLiteral("%1: cannot reconnect: %2").arg(m_path, connectionReason(text, m_address));
        if (passwordRefused(text))
            throw ServerPasswordRefused(message);
        throw StoreError(message);
    }
    try {
        startServerSession();
        if (m_sessionUser != author)
            throw ServerRoleChanged(QStringLiteral("%1: cannot reconnect: the server now knows this connection as "
                                                   "%2, not as %3, who made the changes so far; open the team "
                                                   "workspace again to work as %2")
                                        .arg(m_path, m_sessionUser, author));
        exec(QStringLiteral("SET search_path TO %1").arg(serverAreaName(m_area)));
        if (m_readOnly)
            exec(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
        // Its role revoked meanwhile: refused here, not by the first read
        // after it (every table then "not found").
        if (const QString why = noAccess(); !why.isEmpty())
            throw ServerAccessRefused(why);
    } catch (const StoreError &) {
        // Never left open as someone else, or half set up.
        m_db.close();
        m_prepared.clear();
        m_sessionUser = author;
        throw;
    }
}

int Database::serverSchemaVersion(const Schema &schema)
{
    if (scalar(QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = 'owb'")).toInt() == 0) {
        // Ours or empty: another application's tables in the database are
        // not touched, but a database holding them is not made a workspace.
        const int tables = scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname NOT IN "
                                                 "('pg_catalog', 'information_schema')"))
                               .toInt();
        if (tables > 0)
            throw StoreError(QStringLiteral("%1: the database holds %2 table(s) of another application: a team "
                                            "workspace needs a database of its own (createdb)")
                                 .arg(m_path)
                                 .arg(tables));
        return 0;
    }
    if (scalar(QStringLiteral("SELECT application_id FROM owb.schema_version WHERE id = 1")).toInt() != schema.applicationId)
        throw StoreError(QStringLiteral("%1: the database is not a team workspace of Oversight Workbench").arg(m_path));
    return dialect().schemaVersion(*this);
}

Database::Database(const ServerAddress &server, ServerArea area, const QString &password, Mode mode)
    : m_path(server.url())
    , m_connectionName(QStringLiteral("owb-server-%1").arg(serverConnectionCounter.fetchAndAddRelaxed(1)))
    , m_readOnly(mode == Mode::ReadOnly || mode == Mode::Inspect)
    , m_inspect(mode == Mode::Inspect)
    , m_server(true)
    , m_address(server)
    , m_area(area)
{
    openServer(server, password);
    const Schema &schema = teamWorkspaceSchema();
    m_version = serverSchemaVersion(schema);
    if (m_version > schema.currentVersion())
        throw StoreError(QStringLiteral("%1: the team workspace was upgraded by a newer version of Oversight Workbench "
                                        "(its schema %2; this version reads up to %3): install the newer version")
                             .arg(m_path)
                             .arg(m_version)
                             .arg(schema.currentVersion()));
    if (m_version == 0 && mode != Mode::CreateIfMissing)
        throw StoreError(QStringLiteral("%1: the database is not a team workspace yet: set it up with owb team init")
                             .arg(m_path));
    if (m_version < schema.currentVersion()) {
        if (m_readOnly)
            throw StoreError(QStringLiteral("%1: the team workspace needs an upgrade (schema %2 to %3), which a "
                                            "read-only connection cannot make: its owner makes it by running owb team roles "
                                            "with this address once")
                                 .arg(m_path)
                                 .arg(m_version)
                                 .arg(schema.currentVersion()));
        migrate(schema);
    }
    exec(QStringLiteral("SET search_path TO %1").arg(serverAreaName(area)));
    if (m_readOnly)
        exec(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
}

} // namespace owb
