#pragma once
// A team workspace's password in the desktop keyring (QtKeychain: the Secret
// Service of GNOME Keyring or KWallet on Linux, the Credential Store on
// Windows), one per server, port, database and user. Never in QSettings or a
// file: where no keyring service runs, nothing is kept and the caller asks
// again next time.

#include <QString>

namespace owb {

struct ServerAddress;

class TeamCredentials
{
public:
    // The keyring entry's name: "user@host:port/database".
    static QString key(const ServerAddress &server);
    // The password remembered for `server`; false when there is none or no
    // keyring can be reached (`problem` then says which, in plain words).
    static bool read(const ServerAddress &server, QString *password, QString *problem = nullptr);
    // Remembers `password`; false, with why in `problem`, when it could not be.
    static bool store(const ServerAddress &server, const QString &password, QString *problem = nullptr);
    // Forgets the password (none there is not a failure).
    static bool forget(const ServerAddress &server, QString *problem = nullptr);
};

} // namespace owb
