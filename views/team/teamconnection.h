#pragma once
// The workbench's connection to a team workspace on a PostgreSQL server:
// openTeamWorkspace opens the whole workspace (store/workspace, the same
// object a folder gives: portfolio, cases, methodologies), and
// TeamConnection watches it for the status bar and reconnects it in place
// once its connection is lost.

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

    // Connected; lost and to be reconnected (by the window, at its next
    // check); or lost with reconnecting left to the user (File > Reconnect),
    // since trying again by itself cannot help: the server refused the
    // password, knows this user as another role now, or no longer lets the
    // account use the workspace (its role revoked).
    enum class State { Connected, Reconnecting, Stopped };

    const ServerAddress &server() const { return m_server; }
    // One cheap round trip while connected: false once the connection is lost.
    bool check();
    // Reconnects the workspace in place (Workspace::reconnect) with
    // `password` (empty: libpq's own means): empty when connected again,
    // else why not, in plain words; passwordRefused() then says whether the
    // server asked for the password.
    QString reconnect(const QString &password);
    bool passwordRefused() const { return m_passwordRefused; }
    // The last reconnect found the account without any of the workspace's roles.
    bool accessRefused() const { return m_accessRefused; }
    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    // "DB on HOST:PORT · signed in as USER · connected" (or "connection
    // lost: reconnecting…"), for the status bar.
    QString statusText() const;

private:
    Workspace &m_workspace;
    ServerAddress m_server;
    State m_state = State::Connected;
    bool m_passwordRefused = false;
    bool m_accessRefused = false;
};

// Opens the team workspace at `server` with `password` (empty: libpq's own
// means, ~/.pgpass or Kerberos); throws StoreError saying in plain words why
// not (the server cannot be reached, the password was refused, the database
// is not a team workspace, or one of a newer version).
std::unique_ptr<Workspace> openTeamWorkspace(const ServerAddress &server, const QString &password);

} // namespace owb
