#pragma once
// Where a team workspace lives: a PostgreSQL server and database, named by a
// libpq-style URL (postgresql://[user@]host[:port]/database[?option=value&...]).
// The password is never part of it: libpq finds it (PGPASSWORD, ~/.pgpass),
// or the workbench passes it from the desktop keyring; a URL that carries
// one is refused, so that it is never written to history, settings or logs.

#include <QMap>
#include <QString>

namespace owb {

struct ServerAddress
{
    QString host;      // a name, an address, or a Unix socket folder ("/run/postgresql")
    int port = 5432;
    QString database;
    QString user;      // empty: libpq's default (the login name)
    // libpq connection options passed through as they are: sslmode,
    // sslrootcert, sslcert, sslkey, gssencmode, connect_timeout,
    // application_name, keepalives*.
    QMap<QString, QString> options;

    // The URL again, without a password (for the recent list, the status bar
    // and messages). Options in name order.
    QString url() const;
    // The server as a person names it: "db.region.nhs.uk:5432", or for a
    // Unix socket folder "this machine" (with its port when not 5432).
    QString place() const;
    // "owb_north on db.region.nhs.uk:5432 as alice": the database, the server
    // and the account, in that order (the title, the start page, notices).
    QString displayName() const;
    // The options in the form QSqlDatabase::setConnectOptions takes.
    QString connectOptions() const;
    bool operator==(const ServerAddress &) const = default;
};

// Whether `text` names a server rather than a folder (it starts with
// postgresql:// or postgres://).
bool isServerUrl(const QString &text);

// Reads a URL; throws StoreError saying in plain words what is wrong with it
// (a password in it, an option libpq does not know, a bad port, no database).
ServerAddress parseServerUrl(const QString &text);

} // namespace owb
