#include "teamworkspace.h"

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

TeamWorkspaceInfo teamWorkspaceInfo(const ServerAddress &server, const QString &password)
{
    Database db(server, ServerArea::National, password, Database::Mode::ReadOnly);
    return describe(db, server.database);
}

} // namespace owb
