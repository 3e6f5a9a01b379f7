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


namespace owb {

namespace {
QString describe(const QString &directory, const QLockFile &lock)
{
    qint64 pid = 0;
    QString host;
    QString application;
    lock.getLockInfo(&pid, &host, &application);
    // The holder note (user and time) is written right after the lock is
    // taken; a missing or foreign note still leaves the lock file's facts.
    QFile noteFile(QDir(directory).filePath(WorkspaceLock::kHolderName));
    QJsonObject note;
    if (noteFile.size() < 4096 && noteFile.open(QIODevice::ReadOnly))
        note = QJsonDocument::fromJson(noteFile.readAll()).object();
    if (note.value(QStringLiteral("pid")).toInteger() != pid)
        note = {};
    const QString since = note.value(QStringLiteral("since")).toString(
        QFileInfo(QDir(directory).filePath(WorkspaceLock::kLockName)).lastModified().toUTC().toString(Qt::ISODate));
    const QString user = note.value(QStringLiteral("user")).toString(QStringLiteral("another user"));
    return QStringLiteral("%1 on %2 (%3, process %4) since %5")
        .arg(user, host.isEmpty() ? QStringLiteral("an unknown host") : host,
             application.isEmpty() ? QStringLiteral("unknown program") : application)
        .arg(pid)
        .arg(QDateTime::fromString(since, Qt::ISODate).toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
}
} // namespace

WorkspaceLock::WorkspaceLock(const QString &directory)
    : m_directory(directory), m_lock(std::make_unique<QLockFile>(QDir(directory).filePath(kLockName)))
{
    // Never stale by age: only a holder that is gone from this host is.
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        if (m_lock->error() == QLockFile::LockFailedError) {
            const QString who = describe(directory, *m_lock);
            throw WorkspaceInUse(QStringLiteral("%1: in use by %2; open it read-only, or try again when it is closed")
                                     .arg(QDir::toNativeSeparators(directory), who),
                                 who);
        }
        throw StoreError(QStringLiteral("%1: cannot create the lock file %2 (permission denied or disk error)")
                             .arg(QDir::toNativeSeparators(directory), kLockName));
    }
    QSaveFile note(QDir(directory).filePath(kHolderName));
    if (note.open(QIODevice::WriteOnly)) {
        note.write(QJsonDocument(QJsonObject{{QStringLiteral("user"), auditlog::currentActor()},
                                             {QStringLiteral("host"), QSysInfo::machineHostName()},
                                             {QStringLiteral("pid"), QCoreApplication::applicationPid()},
                                             {QStringLiteral("since"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}})
                       .toJson(QJsonDocument::Compact));
        note.commit();  // best effort: the lock itself is what excludes
    }
}

WorkspaceLock::~WorkspaceLock()
{
    QFile::remove(QDir(m_directory).filePath(kHolderName));
    m_lock->unlock();
}

QString WorkspaceLock::holder(const QString &directory)
{
    QLockFile probe(QDir(directory).filePath(kLockName));
    probe.setStaleLockTime(0);
    if (probe.tryLock(0)) {
        probe.unlock();
        return {};
    }
    return describe(directory, probe);
}

bool WorkspaceLock::isNetworkFileSystemType(const QByteArray &type)
{
    static const QList<QByteArray> remote{"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs",
                                          "coda", "9p", "ceph", "glusterfs", "lustre", "gfs2", "ocfs2", "davfs",
                                          "fuse.sshfs", "fuse.rclone", "fuse.davfs2", "fuse.glusterfs", "fuse.s3fs"};
    const QByteArray lower = type.toLower();
    return remote.contains(lower) || lower.startsWith("nfs");
}

QString WorkspaceLock::networkFileSystemWarning(const QString &directory)
{
    const QStorageInfo storage(directory);
    if (!storage.isValid() || !isNetworkFileSystemType(storage.fileSystemType()))
        return {};
    return QStringLiteral("%1 is on a network file system (%2): SQLite's locking cannot be trusted there, so two "
                          "people could damage a case file. Keep workspaces on a local disk.")
        .arg(QDir::toNativeSeparators(directory), QString::fromLatin1(storage.fileSystemType()));
}

} // namespace owb
