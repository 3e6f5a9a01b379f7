#include "changelistener.h"

#include "database.h"

#include <QSqlQuery>

namespace owb {

namespace {
int nextListener = 0;
}

ChangeListener::ChangeListener(const ServerAddress &server, const QString &password, QObject *parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("owb-changes-%1").arg(++nextListener))
    , m_server(server)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        setUpServerConnection(db, server);
    }
    open(password);
    m_check.setInterval(kCheckMs);
    connect(&m_check, &QTimer::timeout, this, &ChangeListener::check);
    m_check.start();
}

ChangeListener::~ChangeListener()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool ChangeListener::isListening() const
{
    return m_pid != 0 && QSqlDatabase::database(m_connectionName, false).isOpen();
}

void ChangeListener::open(const QString &password)
{
    m_pid = 0;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    db.setPassword(password);
    const bool opened = db.open();
    db.setPassword(QString()); // kept nowhere once used
    if (!opened)
        return;
    QSqlQuery pid(db);
    if (!pid.exec(QStringLiteral("SELECT pg_backend_pid()")) || !pid.next()
        || !db.driver()->subscribeToNotification(QLatin1String(kChangeChannel))) {
        db.close();
        return;
    }
    m_pid = pid.value(0).toInt();
    // Qt 6's one signal, with the payload; the driver is the connection's own,
    // so a reopened one is connected afresh.
    connect(db.driver(), &QSqlDriver::notification, this, &ChangeListener::received, Qt::UniqueConnection);
}

bool ChangeListener::reopen(const QString &password)
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close(); // QPSQL forgets the subscription and its socket's watch
    }
    open(password);
    return isListening();
}

void ChangeListener::check()
{
    if (isListening())
        return;
    if (m_pid != 0) {
        // Closed by the server or the network: its socket no longer watched.
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
        m_pid = 0;
    }
    Q_EMIT disconnected();
}

void ChangeListener::received(
    const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload)
{
    if (name != QLatin1String(kChangeChannel) || source == QSqlDriver::SelfSource)
        return;
    // "case ORG PID" or "national PID": what changed and who sent it.
    const QStringList parts = payload.toString().split(QLatin1Char(' '));
    if (parts.size() < 2)
        return;
    const int sender = parts.last().toInt();
    if (m_ownPids && m_ownPids().contains(sender))
        return; // this window's own change, shown already
    if (parts.first() == QLatin1String("case") && parts.size() == 3)
        Q_EMIT caseChanged(parts.at(1));
    else if (parts.first() == QLatin1String("national"))
        Q_EMIT nationalChanged();
}

} // namespace owb
