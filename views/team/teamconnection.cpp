#include "teamconnection.h"

#include "store/database.h"
#include "store/serverprobe.h"

namespace owb {

TeamConnection::TeamConnection(const ServerAddress &server, std::unique_ptr<Database> national)
    : m_server(server), m_national(std::move(national))
{
}

TeamConnection::~TeamConnection() = default;

bool TeamConnection::check()
{
    m_connected = serverAnswers(*m_national);
    return m_connected;
}

std::unique_ptr<TeamConnection> openTeamWorkspace(const ServerAddress &server, const QString &password)
{
    auto national = std::make_unique<Database>(server, ServerArea::National, password, Database::Mode::OpenExisting);
    return std::make_unique<TeamConnection>(server, std::move(national));
}

} // namespace owb
