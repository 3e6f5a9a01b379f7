#include "teamworkspace.h"

#include "casefile.h"
#include "casework/casework.h"
#include "casework/trajectory.h"
#include "methodologyregister.h"
#include "schemas.h"
#include "serverschemarules.h"

#include <memory>

namespace owb {

namespace {

TeamWorkspaceInfo describe(Database &db, const QString &database)
{
    TeamWorkspaceInfo info;
    info.schemaVersion = db.schemaVersion();
    info.workspaceId = db.scalar(QStringLiteral("SELECT value FROM national.setting WHERE key = 'workspace_id'")).toString();
    info.sessionUser = db.scalar(QStringLiteral("SELECT session_user")).toString();
    info.roles = teamRoles(database);
    info.organisations = db.scalar(QStringLiteral("SELECT count(*) FROM cases.organisation")).toInt();
    return info;
}

} // namespace

TeamWorkspaceInfo initTeamWorkspace(const ServerAddress &server, const QString &password)
{
    Database db(server, ServerArea::National, password, Database::Mode::CreateIfMissing);
    if (!db.wasCreated())
        throw StoreError(QStringLiteral("%1: is a team workspace already (schema %2): nothing was changed")
                             .arg(db.path())
                             .arg(db.schemaVersion()));
    return describe(db, server.database);
}

TeamRolesReport restoreTeamRoles(const ServerAddress &server, const QString &password)
{
    const QString who = QStringLiteral("run owb team roles as a superuser (such as postgres) or as the workspace's "
                                       "owner given CREATEROLE. Nothing was changed");
    std::unique_ptr<Database> opened;
    try {
        opened = std::make_unique<Database>(server, ServerArea::National, password, Database::Mode::OpenExisting);
    } catch (const ServerAccessRefused &) {
        // An account in none of the workspace's roles (any left from before
        // a copy included) cannot even read its schema version: what it
        // needs to be said is who may run this, not that it may not read.
        throw StoreError(QStringLiteral("%1: your account may not read this team workspace, nor give it its roles: %2")
                             .arg(server.url(), who));
    }
    Database &db = *opened;
    const QString account = db.sessionUser();
    // Asked first, so that a refusal changes nothing and says why in plain
    // words rather than as the server's permission error half-way through.
    if (!db.scalar(QStringLiteral("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")).toBool())
        throw StoreError(QStringLiteral("%1: your account (%2) may not create roles on this server: %3")
                             .arg(db.path(), account, who));
    // GRANT on a table is its owner's (or a superuser's) to give.
    const QString owners = db.scalar(QStringLiteral(
                                         "SELECT string_agg(DISTINCT pg_get_userbyid(owner), ', ') FROM ("
                                         " SELECT nspowner AS owner FROM pg_namespace WHERE nspname IN ('owb', 'national', 'cases')"
                                         " UNION ALL SELECT c.relowner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                                         " WHERE n.nspname IN ('owb', 'national', 'cases') AND c.relkind = 'r') o"
                                         " WHERE NOT pg_has_role(current_user, owner, 'USAGE')"))
                               .toString();
    if (!owners.isEmpty())
        throw StoreError(QStringLiteral("%1: your account (%2) does not own the team workspace's tables (%3 does), so it "
                                        "cannot grant them: %4")
                             .arg(db.path(), account, owners, who));
    Transaction whole(db);
    TeamRolesReport report{teamRoles(server.database), grantTeamRoles(db)};
    whole.commit();
    return report;
}

CheckReport checkTeamWorkspace(const ServerAddress &server, const QString &password)
{
    Database db(server, ServerArea::Cases, password, Database::Mode::ReadOnly);
    CheckReport report;
    Transaction snapshot(db);
    db.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
    QStringList cases;
    QSqlQuery q = db.exec(QStringLiteral("SELECT org_code FROM organisation ORDER BY org_code"));
    while (q.next())
        cases.append(q.value(0).toString());
    // Each quarter's methodology: the team workspace's register.
    const QuarterMethodology methodologyOf = [&] {
        Database national(server, ServerArea::National, password, Database::Mode::ReadOnly);
        return quarterMethodologies(MethodologyRegister(national));
    }();
    for (const QString &code : cases) {
        // What owb check finds in a case file: the audit chain, and each
        // stored assessment against its digest.
        CaseFile caseFile(db, code);
        for (const QString &problem : caseFile.consistencyProblems())
            report.problems.append(QStringLiteral("%1: case %2: %3").arg(db.path(), code, problem));
        CaseworkStore casework(caseFile.scope());
        // A planned value that is not a number or outside its metric's
        // range, and a value outside the methodology's lists (statuses,
        // severities, domains, metrics, conclusions, recommendations,
        // decisions), by the forms' own rule, as a folder's check says them.
        for (const QString &problem : storedPlannedProblems(casework, methodologyOf)
                 + storedListProblems(casework, methodologyOf))
            report.problems.append(QStringLiteral("%1: case %2: %3").arg(db.path(), code, problem));
        ++report.filesChecked;
    }
    // A date stored before the server refused such values (serverschemarules.h).
    for (const auto &[code, problem] : serverRuleProblems(db))
        report.problems.append(QStringLiteral("%1: case %2: %3").arg(db.path(), code, problem));
    // A record of no case (its organisation's row gone) is reached by no one.
    for (const QString &table : caseTables()) {
        QSqlQuery orphans = db.exec(QStringLiteral("SELECT DISTINCT org_code FROM %1 WHERE org_code NOT IN "
                                                   "(SELECT org_code FROM organisation) ORDER BY org_code")
                                        .arg(table));
        while (orphans.next())
            report.problems.append(QStringLiteral("%1: %2 holds records of %3, which has no case in the workspace")
                                       .arg(db.path(), table, orphans.value(0).toString()));
    }
    snapshot.commit();
    return report;
}

TeamWorkspaceInfo teamWorkspaceInfo(const ServerAddress &server, const QString &password)
{
    Database db(server, ServerArea::National, password, Database::Mode::ReadOnly);
    return describe(db, server.database);
}

} // namespace owb
