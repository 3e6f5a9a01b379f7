#pragma once
// The workbench's connection to a team workspace on a PostgreSQL server:
// openTeamWorkspace opens the whole workspace (store/workspace, the same
// object a folder gives: portfolio, cases, methodologies), and
// TeamConnection watches it for the status bar.

#include "store/serveraddress.h"

#include <QCoreApplication>
#include <QString>
#include <memory>

namespace owb {

class Workspace;

class TeamConnection
{
    Q_DECLARE_TR_FUNCTIONS(TeamConnection)

public:
    // `workspace` (a team one) outlives this.
    explicit TeamConnection(Workspace &workspace);
    TeamConnection(const TeamConnection &) = delete;
    TeamConnection &operator=(const TeamConnection &) = delete;

    const ServerAddress &server() const { return m_server; }
    // One cheap round trip: false once the connection is lost.
    bool check();
    bool isConnected() const { return m_connected; }
    // "Team workspace DB on HOST as USER: connected" (or "connection lost"),
    // for the status bar.
    QString statusText() const;

private:
    Workspace &m_workspace;
    ServerAddress m_server;
    bool m_connected = true;
};

// Opens the team workspace at `server` with `password` (empty: libpq's own
// means, ~/.pgpass or Kerberos); throws StoreError saying in plain words why
// not (the server cannot be reached, the password was refused, the database
// is not a team workspace, or one of a newer version).
std::unique_ptr<Workspace> openTeamWorkspace(const ServerAddress &server, const QString &password);

} // namespace owb
