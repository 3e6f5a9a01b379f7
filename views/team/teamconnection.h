#pragma once
// The workbench's connection to a team workspace on a PostgreSQL server.
// Today it opens the workspace's national part (store/database), which
// checks the connection, the account and the schema; the full workspace
// (portfolio and cases over the server) comes in through the same function.

#include "store/serveraddress.h"

#include <memory>

namespace owb {

class Database;

class TeamConnection
{
public:
    TeamConnection(const ServerAddress &server, std::unique_ptr<Database> national);
    ~TeamConnection();
    TeamConnection(const TeamConnection &) = delete;
    TeamConnection &operator=(const TeamConnection &) = delete;

    const ServerAddress &server() const { return m_server; }
    // One cheap round trip: false once the connection is lost.
    bool check();
    bool isConnected() const { return m_connected; }

private:
    ServerAddress m_server;
    std::unique_ptr<Database> m_national;
    bool m_connected = true;
};

// Connects to the team workspace at `server` with `password` (empty: libpq's
// own means, ~/.pgpass or Kerberos); throws StoreError saying in plain words
// why not (the server cannot be reached, the password was refused, the
// database is not a team workspace, or one of a newer version).
std::unique_ptr<TeamConnection> openTeamWorkspace(const ServerAddress &server, const QString &password);

} // namespace owb
