#include "teamworkspace.h"

#include "casefile.h"
#include "casework/casework.h"
#include "casework/trajectory.h"
#include "schemas.h"

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
    for (const QString &code : cases) {
        // What owb check finds in a case file: the audit chain, and each
        // stored assessment against its digest.
        CaseFile caseFile(db, code);
        for (const QString &problem : caseFile.consistencyProblems())
            report.problems.append(QStringLiteral("%1: case %2: %3").arg(db.path(), code, problem));
        CaseworkStore casework(caseFile.scope());
        for (const QString &problem : storedPlannedProblems(casework))
            report.problems.append(QStringLiteral("%1: case %2: %3").arg(db.path(), code, problem));
        ++report.filesChecked;
    }
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
