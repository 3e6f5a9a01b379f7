#include "filewrite.h"

#include "storeerror.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStorageInfo>

#include <cerrno>
#include <cstring>

namespace owb {

namespace {

QString failure(const QString &path, qint64 needed, int savedErrno, const QString &detail)
{
    const QString name = QDir::toNativeSeparators(path);
    const QStorageInfo storage(QFileInfo(path).absolutePath());
    const bool full = savedErrno == ENOSPC || savedErrno == EDQUOT
        || (storage.isValid() && storage.bytesAvailable() < needed + 64 * 1024);
    if (full)
        return QStringLiteral("%1: not written: the disk is full. Free some space, then try again "
                              "(any earlier file of that name is as it was)")
            .arg(name);
    return QStringLiteral("%1: not written: %2 (any earlier file of that name is as it was)").arg(name, detail);
}

} // namespace

void writeFileWhole(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    // Unbuffered, so that every write reaches the file system here and its
    // failure is seen (QSaveFile can miss a failure of its last buffered flush).
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        throw StoreError(failure(path, bytes.size(), errno, file.errorString()));
    qint64 done = 0;
    while (done < bytes.size()) {
        errno = 0;
        const qint64 written = file.write(bytes.constData() + done, bytes.size() - done);
        if (written <= 0) {
            const int saved = errno;
            const QString detail = file.errorString();
            file.cancelWriting();
            throw StoreError(failure(path, bytes.size(), saved, detail));
        }
        done += written;
    }
    errno = 0;
    if (!file.flush() || file.error() != QFileDevice::NoError || file.size() != bytes.size()) {
        const int saved = errno;
        const QString detail = file.errorString();
        file.cancelWriting();
        throw StoreError(failure(path, bytes.size(), saved, detail));
    }
    errno = 0;
    if (!file.commit())
        throw StoreError(failure(path, bytes.size(), errno, file.errorString()));
}

} // namespace owb
