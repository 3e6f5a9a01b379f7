#pragma once
// A team workspace's live updates (Dialect::listenForChanges): one
// connection of its own that LISTENs on the workspace's channel and says
// which case, or the national data, a colleague's committed transaction
// changed. A writer queues the notification with its lock
// (PostgresDialect::lockCase, lockNational), so the server delivers it only
// when, and if, that transaction commits. The payload holds what changed and
// the sending connection's process id, never content: notifications bypass
// row security, and the window reads what changed again through it.
//
// The connection runs no statement of its own after LISTEN, so nothing sent
// to it waits behind a query, and a closed one is found without a round
// trip: the server ending it wakes its socket. A connection closed loses its
// subscription and what was sent meanwhile, so once reopened (reopen) what
// is shown must be read again.

#include "serveraddress.h"

#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QString>
#include <QTimer>
#include <QVariant>
#include <functional>

namespace owb {

// The one channel of a team workspace (a database's channels are its own).
// Lowercase: QPSQL quotes the name it LISTENs on.
inline constexpr char kChangeChannel[] = "owb_change";

class ChangeListener : public QObject
{
    Q_OBJECT

public:
    // Opens the connection to `server` with `password` (empty: libpq's own
    // means; kept nowhere) and listens. A connection that cannot be opened
    // is not an error: isListening() says so, and disconnected() asks for
    // reopen() at the next check.
    ChangeListener(const ServerAddress &server, const QString &password, QObject *parent = nullptr);
    ~ChangeListener() override;

    // The process ids of this workspace's own connections, asked at each
    // notification (they change on a reconnect): what they sent is this
    // window's own change, already shown.
    void setOwnConnections(std::function<QList<int>()> pids) { m_ownPids = std::move(pids); }

    bool isListening() const;
    // The server's process id of the listening connection (0 when closed).
    int backendPid() const { return m_pid; }
    // Closes the connection and opens it again (`password` as above): true
    // when listening again. What was sent while it was closed is lost, so the
    // caller reads again whatever it shows.
    bool reopen(const QString &password);

    // How often the connection is checked (no round trip); disconnected()
    // is emitted at each check that finds it closed.
    static constexpr int kCheckMs = 2000;

Q_SIGNALS:
    void caseChanged(const QString &org);
    void nationalChanged();
    // The connection was found closed (at each check until reopened):
    // whatever is sent meanwhile is lost.
    void disconnected();

private:
    void open(const QString &password);
    void check();
    void received(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    QString m_connectionName;
    ServerAddress m_server;
    QTimer m_check;
    int m_pid = 0;
    std::function<QList<int>()> m_ownPids;
};

} // namespace owb
