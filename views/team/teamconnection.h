#pragma once
// The workbench's connection to a team workspace on a PostgreSQL server:
// openTeamWorkspace opens the whole workspace (store/workspace, the same
// object a folder gives: portfolio, cases, methodologies), and
// TeamConnection watches it for the status bar (its connection, and the
// rights the server gives the account) and reconnects it in place once its
// connection is lost.

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
    // check); refused by the server (Withdrawn: a role revoked, found by a
    // read or write the server refused, a check, or a reconnect), shown
    // read-only and checked again at each check until a reconnect finds the
    // rights restored; or lost with reconnecting left to the user (File >
    // Reconnect), since trying again by itself cannot help: the server
    // refused the password, or knows this user as another role now.
    enum class State { Connected, Reconnecting, Withdrawn, Stopped };

    const ServerAddress &server() const { return m_server; }
    // While connected, cheap round trips (probeTeamAccess): false once the
    // connection is lost (Reconnecting) or the server refuses the account
    // what it could do when the workspace was opened (Withdrawn).
    bool check();
    // While Withdrawn: whether reconnecting may now succeed (the rights are
    // back, or the connection is gone and only a reconnect can tell); else
    // withdrawnWhy() is brought up to date.
    bool worthReconnecting();
    // Reconnects the workspace in place (Workspace::reconnect) with
    // `password` (empty: libpq's own means): empty when connected again
    // with the rights it was opened with, else why not, in plain words;
    // passwordRefused() then says whether the server asked for the password.
    QString reconnect(const QString &password);
    bool passwordRefused() const { return m_passwordRefused; }
    // The server refuses the account the workspace, or its changes, since it
    // was opened (a role revoked): its words, whole, naming the role to ask
    // for; empty otherwise.
    bool accessRefused() const { return m_state == State::Withdrawn; }
    QString withdrawnWhy() const { return accessRefused() ? m_withdrawn : QString(); }
    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    // "DB on HOST:PORT · signed in as USER · connected" (or "connection
    // lost: reconnecting…", or "access withdrawn: ask for the ROLE role"),
    // for the status bar.
    QString statusText() const;

private:
    Workspace &m_workspace;
    ServerAddress m_server;
    State m_state = State::Connected;
    bool m_passwordRefused = false;
    QString m_withdrawn; // Withdrawn: the server's refusal, whole
};

// Opens the team workspace at `server` with `password` (empty: libpq's own
// means, ~/.pgpass or Kerberos); throws StoreError saying in plain words why
// not (the server cannot be reached, the password was refused, the database
// is not a team workspace, or one of a newer version).
std::unique_ptr<Workspace> openTeamWorkspace(const ServerAddress &server, const QString &password);

} // namespace owb
