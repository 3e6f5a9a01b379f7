#include "workspacelock.h"

#include "auditlog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStorageInfo>
#include <QSysInfo>
#include <QThread>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace owb {

namespace {
// A lock file or note that is a link, a device or a pipe (planted, or a
// mistake) is not read: reading /dev/zero would never end.
bool isPlainFile(const QString &path)
{
    const QFileInfo info(path);
    return !info.isSymLink() && info.isFile();
}

// Whether a process holds the lock file itself (QLockFile takes flock() on it
// as it creates it, before writing its facts): a live holder does, a lock
// file left behind or planted does not. Only opens the file to read.
bool nativelyLocked(const QString &lockPath)
{
    const int fd = ::open(QFile::encodeName(lockPath).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    return held;
}

QJsonObject readNote(const QString &directory)
{
    QFile noteFile(QDir(directory).filePath(WorkspaceLock::kHolderName));
    if (isPlainFile(noteFile.fileName()) && noteFile.open(QIODevice::ReadOnly))
        return QJsonDocument::fromJson(noteFile.read(4096)).object();
    return {};
}

QString describe(const QString &directory, const QLockFile &lock)
{
    qint64 pid = 0;
    QString host;
    QString application;
    QJsonObject note;
    // The lock file's owner and time, taken at the first look: the holder
    // may be gone by the end of the wait below.
    const QFileInfo lockFile(QDir(directory).filePath(WorkspaceLock::kLockName));
    QString owner = lockFile.owner();
    QDateTime since = lockFile.lastModified().toUTC();
    // A new holder creates the lock file, then writes its facts into it, then
    // writes the holder note: a look in between finds them empty (process 0)
    // or finds the note of an earlier holder. Wait a moment for them, keeping
    // the best facts seen.
    for (int attempt = 0; attempt < 40; ++attempt) {
        qint64 seenPid = 0;
        QString seenHost;
        QString seenApplication;
        if (lock.getLockInfo(&seenPid, &seenHost, &seenApplication) && seenPid > 0) {
            pid = seenPid;
            host = seenHost;
            application = seenApplication;
        }
        const QJsonObject seenNote = readNote(directory);
        if (pid > 0 && seenNote.value(QStringLiteral("pid")).toInteger() == pid) {
            note = seenNote;
            break;
        }
        QThread::msleep(25);
    }
    if (const QDateTime noted = QDateTime::fromString(note.value(QStringLiteral("since")).toString(), Qt::ISODate);
        noted.isValid())
        since = noted.toUTC();
    if (!since.isValid())
        since = QDateTime::currentDateTimeUtc();
    // Without a note the lock file's owner is still a name.
    QString user = note.value(QStringLiteral("user")).toString();
    if (user.isEmpty())
        user = owner.isEmpty() ? QStringLiteral("a user whose name could not be read") : owner;
    const QString program = application.isEmpty() ? QStringLiteral("unknown program") : application;
    return QStringLiteral("%1 on %2 (%3) since %4")
        .arg(user, host.isEmpty() ? QStringLiteral("an unknown host") : host,
            pid > 0 ? QStringLiteral("%1, process %2").arg(program).arg(pid) : program,
            since.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
}
} // namespace

WorkspaceLock::WorkspaceLock(const QString &directory)
    : m_directory(directory)
    , m_lock(std::make_unique<QLockFile>(QDir(directory).filePath(kLockName)))
{
    const QString lockPath = QDir(directory).filePath(kLockName);
    if (QFileInfo(lockPath).isSymLink() || (QFileInfo::exists(lockPath) && !isPlainFile(lockPath)))
        throw StoreError(QStringLiteral("%1: %2 is not a lock file (a link, a folder or a device): remove it, then "
                                        "try again")
                             .arg(QDir::toNativeSeparators(directory), kLockName));
    // Never stale by age: only a holder that is gone from this host is.
    m_lock->setStaleLockTime(0);
    bool locked = m_lock->tryLock(0);
    // A lock file whose facts cannot be read (emptied, garbage, cut short by
    // a full disk) would lock everyone out for good: QLockFile only judges a
    // readable one stale. Unless a live holder has it locked while writing
    // its facts (checked again by removeStaleLockFile, which takes the same
    // native lock), it is left over and goes.
    if (!locked && m_lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString application;
        for (int attempt = 0; attempt < 20 && !m_lock->getLockInfo(&pid, &host, &application)
             && QFileInfo::exists(lockPath) && !nativelyLocked(lockPath);
             ++attempt) {
            if (attempt == 19 && m_lock->removeStaleLockFile()) {
                locked = m_lock->tryLock(0);
                break;
            }
            QThread::msleep(25);
        }
    }
    if (!locked) {
        if (m_lock->error() == QLockFile::LockFailedError) {
            const QString who = describe(directory, *m_lock);
            throw WorkspaceInUse(
                QStringLiteral("%1: in use by %2; open it read-only, or try again when it is closed")
                    .arg(QDir::toNativeSeparators(directory), who),
                who);
        }
        const QStorageInfo storage(directory);
        if (storage.isValid() && storage.bytesAvailable() < 64 * 1024)
            throw StoreError(QStringLiteral("%1: cannot create the lock file %2: the disk is full. Free some space, "
                                            "then try again")
                                 .arg(QDir::toNativeSeparators(directory), kLockName));
        if (m_lock->error() == QLockFile::PermissionError)
            throw StoreError(QStringLiteral("%1: cannot create the lock file %2: you may not change this folder. "
                                            "Open the workspace read-only, or copy it somewhere you may write")
                                 .arg(QDir::toNativeSeparators(directory), kLockName));
        throw StoreError(
            QStringLiteral("%1: cannot create the lock file %2 (a disk error): check the disk, then try again")
                .arg(QDir::toNativeSeparators(directory), kLockName));
    }
    // Whatever note is there is an earlier holder's. It goes first: QSaveFile
    // writes through a symbolic link, and a planted link would make this
    // user overwrite a file outside the workspace.
    QFile::remove(QDir(directory).filePath(kHolderName));
    QSaveFile note(QDir(directory).filePath(kHolderName));
    if (note.open(QIODevice::WriteOnly)) {
        note.write(QJsonDocument(
            QJsonObject { { QStringLiteral("user"), auditlog::currentActor() },
                { QStringLiteral("host"), QSysInfo::machineHostName() },
                { QStringLiteral("pid"), QCoreApplication::applicationPid() },
                { QStringLiteral("since"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) } })
                       .toJson(QJsonDocument::Compact));
        note.commit(); // best effort: the lock itself is what excludes
    }
}

WorkspaceLock::~WorkspaceLock()
{
    QFile::remove(QDir(m_directory).filePath(kHolderName));
    m_lock->unlock();
}

bool WorkspaceLock::isHeld(const QString &directory, bool byAnotherProcess)
{
    // Looks without taking: reading must not create or remove a lock file.
    const QString lockPath = QDir(directory).filePath(kLockName);
    if (!isPlainFile(lockPath))
        return false;
    const QLockFile probe(lockPath);
    qint64 pid = 0;
    QString host;
    QString application;
    if (!probe.getLockInfo(&pid, &host, &application))
        return nativelyLocked(lockPath); // being written (its holder has it locked), or a stale note
    if (host != QSysInfo::machineHostName())
        return true; // another computer's: cannot tell, so held
    if (byAnotherProcess && pid == QCoreApplication::applicationPid())
        return false;
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

QString WorkspaceLock::holder(const QString &directory)
{
    if (!isPlainFile(QDir(directory).filePath(kLockName)))
        return {};
    QLockFile probe(QDir(directory).filePath(kLockName));
    probe.setStaleLockTime(0);
    if (probe.tryLock(0)) {
        probe.unlock();
        return {};
    }
    if (probe.error() != QLockFile::LockFailedError)
        return {}; // cannot look (a read-only folder): nobody can be writing there either
    return describe(directory, probe);
}

bool WorkspaceLock::isNetworkFileSystemType(const QByteArray &type)
{
    static const QList<QByteArray> remote { "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs",
        "afs", "coda", "9p", "ceph", "glusterfs", "lustre", "gfs2", "ocfs2", "davfs", "fuse.sshfs",
        "fuse.rclone", "fuse.davfs2", "fuse.glusterfs", "fuse.s3fs" };
    const QByteArray lower = type.toLower();
    return remote.contains(lower) || lower.startsWith("nfs");
}

QString WorkspaceLock::networkFileSystemWarning(const QString &directory)
{
    const QStorageInfo storage(directory);
    if (!storage.isValid() || !isNetworkFileSystemType(storage.fileSystemType()))
        return {};
    return QStringLiteral(
        "%1 is on a network file system (%2): SQLite's locking cannot be trusted there, so two "
        "people could damage a case file. Keep workspaces on a local disk.")
        .arg(QDir::toNativeSeparators(directory), QString::fromLatin1(storage.fileSystemType()));
}

} // namespace owb
