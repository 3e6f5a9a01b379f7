#include "openfiles.h"

#include <QFile>
#include <QHash>
#include <QMutex>
#include <optional>
#include <sys/stat.h>
#include <utility>

namespace owb {

namespace {
using FileId = std::pair<quint64, quint64>; // device, inode
QMutex openFilesMutex;
QHash<QString, FileId> openFiles; // by connection name

std::optional<FileId> fileIdOf(const QString &path)
{
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return std::nullopt;
    return FileId{quint64(status.st_dev), quint64(status.st_ino)};
}
} // namespace

void holdOpenFile(const QString &connection, const QString &path)
{
    if (const std::optional<FileId> id = fileIdOf(path)) {
        const QMutexLocker locker(&openFilesMutex);
        openFiles.insert(connection, *id);
    }
}

void forgetOpenFile(const QString &connection)
{
    const QMutexLocker locker(&openFilesMutex);
    openFiles.remove(connection);
}

bool openHere(const QString &path)
{
    const std::optional<FileId> id = fileIdOf(path);
    if (!id)
        return false;
    const QMutexLocker locker(&openFilesMutex);
    for (const FileId &open : std::as_const(openFiles))
        if (open == *id)
            return true;
    return false;
}

} // namespace owb
