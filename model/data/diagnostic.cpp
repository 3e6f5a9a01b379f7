#include "diagnostic.h"

#include <QFile>
#include <sys/stat.h>

namespace owb {

QString Diagnostic::toString() const
{
    QString where = file;
    if (line > 0) {
        where += QStringLiteral(":%1").arg(line);
        if (column > 0)
            where += QStringLiteral(":%1").arg(column);
    }
    return QStringLiteral("%1: %2").arg(where, message);
}

QString shownValue(const QString &text)
{
    constexpr qsizetype kShown = 60;
    if (text.size() <= kShown)
        return text;
    return QStringLiteral("%1... (%2 characters)").arg(text.left(kShown - 3)).arg(text.size());
}

QString inputFileProblem(const QString &path)
{
    if (path.startsWith(QLatin1Char(':')))
        return {}; // a resource built into the program
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return {}; // opening it says why (no such file, no permission)
    if (S_ISDIR(status.st_mode))
        return QStringLiteral("is a folder, not a file: give the file inside it");
    if (!S_ISREG(status.st_mode))
        return QStringLiteral("is not an ordinary file (a named pipe, socket or device), which could never be read to "
                              "its end: save the data to a file and give that");
    return {};
}

} // namespace owb
