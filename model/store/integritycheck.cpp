#include "integritycheck.h"

#include "casefile.h"
#include "workspace.h"
#include "workspacelock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <sys/stat.h>

namespace owb {

namespace {
void prefixed(QStringList *out, const QString &path, const QStringList &problems)
{
    for (const QString &problem : problems)
        out->append(QStringLiteral("%1: %2").arg(path, problem));
}

// A -wal beside a file that nobody is writing: the end of a write that was
// cut short (the next writer applies it) or a stray that does not belong
// there. Check reads through it but leaves it as it is, and says so.
void noteWal(CheckReport *report, const QString &path)
{
    const QFileInfo journal(path + QStringLiteral("-journal"));
    if (journal.exists() && !WorkspaceLock::isHeld(QFileInfo(path).absolutePath()))
        report->notes.append(QStringLiteral("%1: has a rollback journal beside it (%2, %3 bytes), left by a write "
                                            "that was cut short or copied in from elsewhere; check read the file "
                                            "as it stands and left the journal as it is")
                                 .arg(path, journal.fileName())
                                 .arg(journal.size()));
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (wal.exists() && wal.size() > 0 && !WorkspaceLock::isHeld(QFileInfo(path).absolutePath()))
        report->notes.append(
            QStringLiteral("%1: has unapplied changes beside it (%2, %3 bytes), left by a write "
                           "that was cut short or copied in from elsewhere; check read them and "
                           "left them as they are. Opening the workspace to change it applies them")
                .arg(path, wal.fileName())
                .arg(wal.size()));
}

// A second name (hard link) lets a write through one workspace change another.
void noteHardLinks(CheckReport *report, const QString &path)
{
    struct stat status;
    if (::lstat(QFile::encodeName(path).constData(), &status) == 0 && S_ISREG(status.st_mode)
        && status.st_nlink > 1)
        report->problems.append(
            QStringLiteral("%1: has %2 names (hard links): it is not written into; replace it "
                           "with a copy of its own")
                .arg(path)
                .arg(qulonglong(status.st_nlink)));
}
} // namespace

CheckReport checkCaseFile(const QString &path)
{
    CheckReport report;
    report.filesChecked = 1;
    noteHardLinks(&report, path);
    noteWal(&report, path);
    try {
        CaseFile caseFile(path, Database::Mode::ReadOnly);
        // One snapshot for every query: an import committing meanwhile must
        // not be seen half before and half after (a false digest alarm).
        caseFile.database().exec(QStringLiteral("BEGIN"));
        prefixed(&report.problems, path, caseFile.database().sqliteProblems());
        if (report.problems.isEmpty())
            prefixed(&report.problems, path, caseFile.consistencyProblems());
        if (const QString mismatch = CaseFile::nameMismatch(path, caseFile.identity().code);
            !mismatch.isEmpty())
            report.problems.append(mismatch);
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
    noteHardLinks(&report, peersPath);
    noteWal(&report, peersPath);
    try {
        PeerStore peers(peersPath, Database::Mode::ReadOnly);
        peers.database().exec(QStringLiteral("BEGIN"));
        prefixed(&report.problems, peersPath, peers.database().sqliteProblems());
        const QStringList pending = peers.pendingQuarters();
        if (!pending.isEmpty())
            report.notes.append(
                QStringLiteral("%1: an import was interrupted; opening the workspace or importing "
                               "again completes %2")
                    .arg(peersPath, pending.join(QStringLiteral(", "))));
    } catch (const StoreError &error) {
        report.problems.append(error.message());
    }
    // Every entry named like a case file, whatever it is: a folder or a link is named as such.
    for (const QString &name : dir.entryList({ QStringLiteral("*") + CaseFile::kSuffix },
             QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name)) {
        const CheckReport one = checkCaseFile(dir.filePath(name));
        report.problems += one.problems;
        report.notes += one.notes;
        report.filesChecked += one.filesChecked;
    }
    for (const QString &name : dir.entryList({ QStringLiteral("*.partial") }, QDir::Files, QDir::Name))
        report.notes.append(
            QStringLiteral("%1: left by an interrupted creation; ignored and replaced next time")
                .arg(dir.filePath(name)));
    return report;
}

CheckReport checkPath(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        if (!Workspace::isWorkspace(path))
            return { { QStringLiteral("%1: not an Oversight Workbench workspace (no %2)")
                             .arg(path, PeerStore::kFileName) },
                {}, 0 };
        return checkWorkspace(path);
    }
    if (!info.exists())
        return { { QStringLiteral("%1: no such file or folder").arg(path) }, {}, 0 };
    return checkCaseFile(path);
}

} // namespace owb
