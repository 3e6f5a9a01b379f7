#pragma once
// One writer per workspace. Opening a workspace for writing takes a lock file
// in its folder (QLockFile: process id, host and application), with a small
// holder note beside it (user, host, time) so that a second instance can say
// who has it. A lock left by a process that died on this host is stale and
// taken over. SQLite's own locking stays underneath; on a network file system
// that locking cannot be trusted, hence networkFileSystemWarning().

#include "storeerror.h"

#include <QString>
#include <memory>

class QLockFile;

namespace owb {

// Thrown when another instance holds the workspace; the message says who.
class WorkspaceInUse : public StoreError
{
public:
    WorkspaceInUse(const QString &message, QString holder)
        : StoreError(message)
        , m_holder(std::move(holder))
    { }
    // "alice on host-1 (owb, process 4242) since 2026-11-23 07:41 UTC"
    QString holder() const { return m_holder; }

private:
    QString m_holder;
};

class WorkspaceLock
{
public:
    static inline const QString kLockName = QStringLiteral(".owb-lock");
    static inline const QString kHolderName = QStringLiteral(".owb-lock-holder");

    // Takes the lock of `directory` or throws WorkspaceInUse (or StoreError
    // when the folder cannot hold a lock file).
    explicit WorkspaceLock(const QString &directory);
    ~WorkspaceLock();
    WorkspaceLock(const WorkspaceLock &) = delete;
    WorkspaceLock &operator=(const WorkspaceLock &) = delete;

    // Who holds `directory`'s lock now, or empty when nobody does.
    static QString holder(const QString &directory);
    // Whether a live process holds it, found without creating or removing anything.
    // `byAnotherProcess`: a lock this process holds does not count.
    static bool isHeld(const QString &directory, bool byAnotherProcess = false);

    // A warning when `directory` is on a network file system (NFS, SMB/CIFS,
    // sshfs and the like), where SQLite's locking cannot be trusted; else empty.
    static QString networkFileSystemWarning(const QString &directory);
    // True for the file system type names of QStorageInfo that are remote.
    static bool isNetworkFileSystemType(const QByteArray &type);

private:
    QString m_directory;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace owb
