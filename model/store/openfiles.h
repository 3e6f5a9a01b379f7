#pragma once
// POSIX advisory locks belong to the whole process, and closing any
// descriptor of a file drops every one of them the process holds on it,
// SQLite's own included (sqlite.org, "How To Corrupt An SQLite Database
// File", 2.2). SQLite shares its descriptors between its own connections, but
// a header read by hand and closed again would silently unlock the case the
// workbench holds open: another process would then take itself for the last
// reader and remove the -wal under it. So a file that a connection of this
// process holds open is never opened by hand: it was judged when it was
// first opened, and its -wal is that connection's own.
// A connection says what it holds open (holdOpenFile, by its name) and when it
// lets go (forgetOpenFile); the checks that read a file by hand ask openHere.

#include <QString>

namespace owb {

void holdOpenFile(const QString &connection, const QString &path);
void forgetOpenFile(const QString &connection);
// Whether a connection of this process holds `path` (the same file, by device
// and inode, whatever its name) open.
bool openHere(const QString &path);

} // namespace owb
