#include "teamconnection.h"

#include "store/database.h"
#include "store/serverprobe.h"
#include "store/serverschema.h"
#include "store/workspace.h"

namespace owb {

TeamConnection::TeamConnection(Workspace &workspace) : m_workspace(workspace), m_server(workspace.server()) {}

bool TeamConnection::check()
{
    if (m_state != State::Connected)
        return false;
    // Either connection may be the one lost: the cases' carries the edits.
    // The rights too, as a reconnect checks them (tester, issue 14: a role
    // revoked while connected left "connected" until the next reconnect).
    const TeamAccess access = probeTeamAccess(m_workspace);
    if (!access.answers) {
        m_state = State::Reconnecting;
        return false;
    }
    if (!access.withdrawn.isEmpty()) {
        m_withdrawn = access.withdrawn;
        m_state = State::Withdrawn;
        return false;
    }
    return true;
}

bool TeamConnection::worthReconnecting()
{
    if (m_state != State::Withdrawn)
        return false;
    const TeamAccess access = probeTeamAccess(m_workspace);
    if (access.answers && !access.withdrawn.isEmpty()) {
        m_withdrawn = access.withdrawn;
        return false;
    }
    return true;
}

QString TeamConnection::reconnect(const QString &password)
{
    m_passwordRefused = false;
    try {
        m_workspace.reconnect(password);
    } catch (const ServerPasswordRefused &error) {
        m_passwordRefused = true;
        m_state = State::Stopped;
        return error.message();
    } catch (const ServerAccessRefused &error) {
        // Its role revoked: refused until the administrator grants one (the
        // message names the roles); the window's checks try again quietly.
        m_withdrawn = error.message();
        m_state = State::Withdrawn;
        return error.message();
    } catch (const ServerRoleChanged &error) {
        // Only the user can choose to open it again as that role.
        m_state = State::Stopped;
        return error.message();
    } catch (const StoreError &error) {
        if (m_state == State::Connected)
            m_state = State::Reconnecting;
        return error.message();
    }
    // Connected again, but with the rights it was opened with? (An editor
    // whose editors' role was revoked and a reader's kept may read it still.)
    const TeamAccess access = probeTeamAccess(m_workspace);
    if (access.answers && !access.withdrawn.isEmpty()) {
        m_withdrawn = access.withdrawn;
        m_state = State::Withdrawn;
        return m_withdrawn;
    }
    m_state = access.answers ? State::Connected : State::Reconnecting;
    return access.answers ? QString() : tr("the connection to the team workspace was lost again at once");
}

QString TeamConnection::statusText() const
{
    // The database on the server, the account, the state: each said as what
    // it is (tester, issue 14: "bob on local server/owb" read as if bob were
    // the server).
    const QString user = m_server.user.isEmpty() ? tr("your account") : m_server.user;
    // A Unix socket folder is a server on this machine.
    const QString where = m_server.host.startsWith(QLatin1Char('/'))
                              ? (m_server.port == 5432 ? tr("this machine")
                                                       : tr("this machine (port %1)").arg(m_server.port))
                              : m_server.place();
    const QString who = tr("%1 on %2 · signed in as %3").arg(m_server.database, where, user);
    switch (m_state) {
    case State::Connected:
        return tr("%1 · connected").arg(who);
    case State::Reconnecting:
        return tr("%1 · connection lost: reconnecting…").arg(who);
    case State::Withdrawn:
        // The role the account had: the whole refusal is in the read-only bar.
        return tr("%1 · access withdrawn: ask for the %2 role")
            .arg(who, m_workspace.isReadOnly() ? teamRoles(m_server.database).reader
                                               : teamRoles(m_server.database).editor);
    case State::Stopped:
        break;
    }
    return tr("%1 · connection lost: choose File > Reconnect").arg(who);
}

std::unique_ptr<Workspace> openTeamWorkspace(const ServerAddress &server, const QString &password)
{
    return Workspace::openTeam(server, password, Database::Mode::OpenExisting);
}

} // namespace owb
