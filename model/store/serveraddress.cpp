#include "serveraddress.h"

#include "storeerror.h"

#include <QSet>
#include <QUrl>
#include <QUrlQuery>

namespace owb {

namespace {

// The libpq options a team workspace may set (libpq-connect, "Parameter
// Key Words"); anything else is most likely a typing mistake.
const QSet<QString> &knownOptions()
{
    static const QSet<QString> options{
        QStringLiteral("sslmode"), QStringLiteral("sslrootcert"), QStringLiteral("sslcert"),
        QStringLiteral("sslkey"), QStringLiteral("sslcrl"), QStringLiteral("sslcompression"),
        QStringLiteral("gssencmode"), QStringLiteral("krbsrvname"), QStringLiteral("requirepeer"),
        QStringLiteral("connect_timeout"), QStringLiteral("application_name"), QStringLiteral("keepalives"),
        QStringLiteral("keepalives_idle"), QStringLiteral("keepalives_interval"), QStringLiteral("keepalives_count"),
        QStringLiteral("target_session_attrs"), QStringLiteral("channel_binding"),
    };
    return options;
}

const QSet<QString> &sslModes()
{
    static const QSet<QString> modes{QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
                                     QStringLiteral("require"), QStringLiteral("verify-ca"),
                                     QStringLiteral("verify-full")};
    return modes;
}

[[noreturn]] void refuse(const QString &text, const QString &why)
{
    throw StoreError(QStringLiteral("\"%1\" is not a team workspace address: %2.").arg(text, why));
}

} // namespace

bool isServerUrl(const QString &text)
{
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
           || text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

ServerAddress parseServerUrl(const QString &text)
{
    if (!isServerUrl(text))
        refuse(text, QStringLiteral("it should start with postgresql://"));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        refuse(text, url.errorString());
    if (!url.password().isEmpty())
        refuse(text.left(text.indexOf(QLatin1Char(':'), 13)) + QStringLiteral(":…"),
               QStringLiteral("it holds a password, which would then be kept in plain text; leave it out and "
                              "give it when asked, or keep it in ~/.pgpass"));
    ServerAddress address;
    address.user = url.userName();
    address.host = url.host();
    const int port = url.port(5432);
    if (port <= 0 || port > 65535)
        refuse(text, QStringLiteral("the port must be a number from 1 to 65535"));
    address.port = port;
    address.database = url.path().mid(1);
    if (address.database.isEmpty() || address.database.contains(QLatin1Char('/')))
        refuse(text, QStringLiteral("it names no database (postgresql://server/DATABASE)"));
    const QUrlQuery query(url);
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (name == QLatin1String("host")) {
            address.host = value; // a Unix socket folder, as libpq allows
        } else if (name == QLatin1String("port")) {
            bool ok = false;
            address.port = value.toInt(&ok);
            if (!ok || address.port <= 0 || address.port > 65535)
                refuse(text, QStringLiteral("the port must be a number from 1 to 65535"));
        } else if (name == QLatin1String("user")) {
            address.user = value;
        } else if (name == QLatin1String("dbname")) {
            address.database = value;
        } else if (name == QLatin1String("password")) {
            refuse(text.left(text.indexOf(QLatin1Char('?'))) + QStringLiteral("?…"),
                   QStringLiteral("it holds a password, which would then be kept in plain text; leave it out and "
                                  "give it when asked, or keep it in ~/.pgpass"));
        } else if (!knownOptions().contains(name)) {
            refuse(text, QStringLiteral("\"%1\" is not a connection option this workbench passes on").arg(name));
        } else if (name == QLatin1String("sslmode") && !sslModes().contains(value)) {
            refuse(text, QStringLiteral("sslmode must be one of disable, allow, prefer, require, verify-ca, "
                                        "verify-full"));
        } else if (value.contains(QLatin1Char(';')) || value.contains(QLatin1Char('\''))) {
            refuse(text, QStringLiteral("the value of %1 holds a ; or a quote").arg(name));
        } else {
            address.options.insert(name, value);
        }
    }
    if (address.host.isEmpty())
        address.host = QStringLiteral("localhost");
    return address;
}

QString ServerAddress::url() const
{
    const bool socket = host.startsWith(QLatin1Char('/'));
    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        text += QString::fromUtf8(QUrl::toPercentEncoding(user)) + QLatin1Char('@');
    if (!socket) {
        text += host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
        if (port != 5432)
            text += QStringLiteral(":%1").arg(port);
    }
    text += QLatin1Char('/') + QString::fromUtf8(QUrl::toPercentEncoding(database));
    QUrlQuery query;
    if (socket) {
        query.addQueryItem(QStringLiteral("host"), host);
        if (port != 5432)
            query.addQueryItem(QStringLiteral("port"), QString::number(port));
    }
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        query.addQueryItem(it.key(), it.value());
    if (!query.isEmpty())
        text += QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
    return text;
}

QString ServerAddress::place() const
{
    // Named as the connection errors name it (databaseserver.cpp).
    if (host.startsWith(QLatin1Char('/')))
        return port == 5432 ? QStringLiteral("this machine") : QStringLiteral("this machine (port %1)").arg(port);
    const QString name = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("%1:%2").arg(name).arg(port);
}

QString ServerAddress::displayName() const
{
    const QString where = QStringLiteral("%1 on %2").arg(database, place());
    return user.isEmpty() ? where : QStringLiteral("%1 as %2").arg(where, user);
}

QString ServerAddress::connectOptions() const
{
    QStringList pairs;
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        pairs.append(QStringLiteral("%1=%2").arg(it.key(), it.value()));
    return pairs.join(QLatin1Char(';'));
}

} // namespace owb
