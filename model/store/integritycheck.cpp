#include "integritycheck.h"

#include "casefile.h"
#include "workspace.h"

#include <QDir>
#include <QFileInfo>

namespace owb {

namespace {
void prefixed(QStringList *out, const QString &path, const QStringList &problems)
{
    for (const QString &problem : problems)
        out->append(QStringLiteral("%1: %2").arg(path, problem));
}
} // namespace

CheckReport checkCaseFile(const QString &path)
{
    CheckReport report;
    report.filesChecked = 1;
    try {
        CaseFile caseFile(path, Database::Mode::ReadOnly);
        prefixed(&report.problems, path, caseFile.database().sqliteProblems());
        if (report.problems.isEmpty())
            prefixed(&report.problems, path, caseFile.consistencyProblems());
        const QString code = caseFile.identity().code;
        const QString expected = QFileInfo(path).completeBaseName();
        if (!code.isEmpty() && code != expected && QFileInfo(path).suffix() == CaseFile::kSuffix.mid(1))
            report.problems.append(QStringLiteral("%1: holds organisation %2, but its name says %3")
                                       .arg(path, code, expected));
    } catch (const StoreError &error) {
        report.problems.append(error.message());
    }
    return report;
}

CheckReport checkWorkspace(const QString &directory)
{
    CheckReport report;
    const QDir dir(directory);
    const QString peersPath = dir.filePath(PeerStore::kFileName);
    report.filesChecked = 1;
    try {
        PeerStore peers(peersPath, Database::Mode::ReadOnly);
        prefixed(&report.problems, peersPath, peers.database().sqliteProblems());
        const QStringList pending = peers.pendingQuarters();
        if (!pending.isEmpty())
            report.notes.append(QStringLiteral("%1: an import was interrupted; opening the workspace or importing "
                                               "again completes %2")
                                    .arg(peersPath, pending.join(QStringLiteral(", "))));
    } catch (const StoreError &error) {
        report.problems.append(error.message());
    }
    for (const QString &name : dir.entryList({QStringLiteral("*") + CaseFile::kSuffix}, QDir::Files, QDir::Name)) {
        const CheckReport one = checkCaseFile(dir.filePath(name));
        report.problems += one.problems;
        report.filesChecked += one.filesChecked;
    }
    for (const QString &name : dir.entryList({QStringLiteral("*.partial")}, QDir::Files, QDir::Name))
        report.notes.append(QStringLiteral("%1: left by an interrupted creation; ignored and replaced next time")
                                .arg(dir.filePath(name)));
    return report;
}

CheckReport checkPath(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        if (!Workspace::isWorkspace(path))
            return {{QStringLiteral("%1: not an Oversight Workbench workspace (no %2)").arg(path, PeerStore::kFileName)}, {}, 0};
        return checkWorkspace(path);
    }
    if (!info.exists())
        return {{QStringLiteral("%1: no such file or folder").arg(path)}, {}, 0};
    return checkCaseFile(path);
}

} // namespace owb
