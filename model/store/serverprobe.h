#pragma once
// Whether a team workspace's server still answers on a connection: one cheap
// round trip, for the workbench's connection state.

namespace owb {

class Database;

// False when the connection to the server is lost (the server went away,
// the network dropped, an administrator ended the session).
bool serverAnswers(Database &db);

} // namespace owb
