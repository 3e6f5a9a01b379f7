#include "workspacepath.h"

#include "casefile.h"
#include "data/orgcode.h"
#include "storeerror.h"

#include <QDir>
#include <QFileInfo>

namespace owb {

QString pathInWorkspace(const QString &directory, const QString &fileName)
{
    const QString folder = QDir::cleanPath(QDir(directory).absolutePath());
    const bool plainName = !fileName.isEmpty() && fileName != QLatin1String(".")
        && fileName != QLatin1String("..") && !fileName.contains(QLatin1Char('/'))
        && !fileName.contains(QLatin1Char('\\')) && !fileName.contains(QChar(0));
    const QString path = QDir::cleanPath(folder + QLatin1Char('/') + fileName);
    if (!plainName || QFileInfo(path).absolutePath() != folder)
        throw StoreError(
            QStringLiteral("%1: refusing the file name \"%2\": it would lead outside the workspace")
                .arg(directory, fileName.left(60)));
    return path;
}

QString caseFilePathIn(const QString &directory, const QString &code)
{
    if (const QString problem = orgCodeProblem(code); !problem.isEmpty())
        throw StoreError(
            QStringLiteral("%1: no case file can be named after this code: %2").arg(directory, problem));
    return pathInWorkspace(directory, CaseFile::fileNameFor(code));
}

} // namespace owb
