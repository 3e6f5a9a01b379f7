#include "serverprobe.h"

#include "database.h"
#include "workspace.h"

namespace owb {

bool serverAnswers(Database &db)
{
    if (!db.connection().isOpen())
        return false;
    try {
        return db.scalar(QStringLiteral("SELECT 1")).toInt() == 1;
    } catch (const StoreError &) {
        return false;
    }
}

TeamAccess probeTeamAccess(Workspace &workspace)
{
    TeamAccess access;
    Database &national = workspace.peers().database();
    Database *cases = workspace.casesDatabase();
    if (!cases || !national.connection().isOpen() || !cases->connection().isOpen())
        return access;
    try {
        access.withdrawn = national.noAccess();
        if (access.withdrawn.isEmpty())
            access.withdrawn = cases->noAccess();
        // The editors' role revoked, the readers' kept: still readable.
        if (access.withdrawn.isEmpty() && !workspace.isReadOnly()
            && !cases->scalar(QStringLiteral("SELECT has_table_privilege(session_user, 'cases.note', 'INSERT')")).toBool())
            access.withdrawn = workspace.readerWhy();
        access.answers = true;
    } catch (const ServerAccessRefused &refused) {
        access.answers = true;
        access.withdrawn = refused.message();
    } catch (const StoreError &) {
        access.answers = false;
    }
    return access;
}

} // namespace owb
