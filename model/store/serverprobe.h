#pragma once
// Whether a team workspace's server still answers on a connection, and
// still lets this account do what it could when the workspace was opened:
// cheap round trips, for the workbench's connection state.

#include <QString>

namespace owb {

class Database;
class Workspace;

// False when the connection to the server is lost (the server went away,
// the network dropped, an administrator ended the session).
bool serverAnswers(Database &db);

// What a team workspace's server lets this account do now.
struct TeamAccess
{
    bool answers = false; // the server answered on both connections
    // Empty: what it could when the workspace was opened; else why not, in
    // whole sentences naming the role to ask for (its role revoked).
    QString withdrawn;
};

// One round trip on each connection (one more while it may write): whether
// the server answers, still lets the account use each part of the workspace
// (the usage of its schema, as a reconnect checks) and, opened for writing,
// still lets it change casework (an editor's right).
TeamAccess probeTeamAccess(Workspace &workspace);

} // namespace owb
