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
    const QString user = m_server.user.isEmpty() ? tr("your account") : m_server.user;
    // A Unix socket folder is a server on this machine.
    const QString host = m_server.host.startsWith(QLatin1Char('/')) ? tr("this machine") : m_server.host;
    const QString where = m_server.port == 5432 ? host : QStringLiteral("%1:%2").arg(host).arg(m_server.port);
    switch (m_state) {
    case State::Connected:
        return tr("Team workspace %1 on %2 as %3: connected").arg(m_server.database, where, user);
    case State::Reconnecting:
        return tr("Team workspace %1 on %2 as %3: connection lost: reconnecting…").arg(m_server.database, where, user);
    case State::Stopped:
        break;
    }
    return tr("Team workspace %1 on %2 as %3: connection lost: choose File > Reconnect")
        .arg(m_server.database, where, user);
}

std::unique_ptr<Workspace> openTeamWorkspace(const ServerAddress &server, const QString &password)
{
    return Workspace::openTeam(server, password, Database::Mode::OpenExisting);
}

} // namespace owb
