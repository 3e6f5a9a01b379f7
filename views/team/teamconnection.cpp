#include "teamconnection.h"

#include "store/database.h"
#include "store/serverprobe.h"
#include "store/workspace.h"

namespace owb {

TeamConnection::TeamConnection(Workspace &workspace) : m_workspace(workspace), m_server(workspace.server()) {}

bool TeamConnection::check()
{
    if (m_state != State::Connected)
        return false;
    // Either connection may be the one lost: the cases' carries the edits.
    const bool answers = serverAnswers(m_workspace.peers().database()) && serverAnswers(*m_workspace.casesDatabase());
    if (!answers)
        m_state = State::Reconnecting;
    return answers;
}

QString TeamConnection::reconnect(const QString &password)
{
    m_passwordRefused = false;
    m_accessRefused = false;
    try {
        m_workspace.reconnect(password);
        m_state = State::Connected;
        return {};
    } catch (const ServerPasswordRefused &error) {
        m_passwordRefused = true;
        m_state = State::Stopped;
        return error.message();
    } catch (const ServerAccessRefused &error) {
        // Its role revoked: trying again by itself cannot help until the
        // administrator grants one; the message names the roles.
        m_accessRefused = true;
        m_state = State::Stopped;
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
