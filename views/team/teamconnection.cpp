#include "teamconnection.h"

#include "store/database.h"
#include "store/serverprobe.h"
#include "store/workspace.h"

namespace owb {

TeamConnection::TeamConnection(Workspace &workspace) : m_workspace(workspace), m_server(workspace.server()) {}

bool TeamConnection::check()
{
    m_connected = serverAnswers(m_workspace.peers().database());
    return m_connected;
}

QString TeamConnection::statusText() const
{
    const QString user = m_server.user.isEmpty() ? tr("your account") : m_server.user;
    // A Unix socket folder is a server on this machine.
    const QString host = m_server.host.startsWith(QLatin1Char('/')) ? tr("this machine") : m_server.host;
    const QString where = m_server.port == 5432 ? host : QStringLiteral("%1:%2").arg(host).arg(m_server.port);
    return (m_connected ? tr("Team workspace %1 on %2 as %3: connected")
                        : tr("Team workspace %1 on %2 as %3: connection lost"))
        .arg(m_server.database, where, user);
}

std::unique_ptr<Workspace> openTeamWorkspace(const ServerAddress &server, const QString &password)
{
    return Workspace::openTeam(server, password, Database::Mode::OpenExisting);
}

} // namespace owb
