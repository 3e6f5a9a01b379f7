#include "integritycheck.h"
#include "methodologychange.h"
#include "methodologyregister.h"

#include "casefile.h"
#include "casework/casework.h"
#include "casework/trajectory.h"
#include "schemas.h"
#include "serverschemarules.h"
#include "data/orgcode.h"
#include "data/quarterlabel.h"
#include "workspace.h"
#include "workspacelock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <sys/stat.h>
#include <tuple>

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
                           "left them as they are. The next import applies them only if they are the file's own")
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

// What changes when a writer writes a file: read before and after an
// immutable read, a difference means the read may have been torn.
QByteArray stateOf(const QString &path)
{
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return {};
    return QByteArray::number(qulonglong(status.st_ino)) + ' ' + QByteArray::number(qlonglong(status.st_size)) + ' '
        + QByteArray::number(qlonglong(status.st_mtim.tv_sec)) + '.'
        + QByteArray::number(qlonglong(status.st_mtim.tv_nsec));
}

CheckReport checkCaseFileAs(const QString &path, Database::Mode mode, const QString &workspaceId,
                            const QuarterMethodology &methodologyOf)
{
    CheckReport report;
    report.filesChecked = 1;
    noteHardLinks(&report, path);
    noteWal(&report, path);
    try {
        CaseFile caseFile(path, mode);
        // One snapshot for every query: an import committing meanwhile must
        // not be seen half before and half after (a false digest alarm).
        caseFile.database().exec(QStringLiteral("BEGIN"));
        prefixed(&report.problems, path, caseFile.database().sqliteProblems());
        if (report.problems.isEmpty())
            prefixed(&report.problems, path, caseFile.consistencyProblems());
        // A value no form accepts, stored by an earlier version: named here,
        // though the file is sound and stays writable.
        // A planned value outside its metric's range, under the quarter's
        // methodology (on its own: the built-in one, and said so).
        if (caseSchemaVersion(caseFile.database()) >= 4) {
            CaseworkStore casework(caseFile.scope());
            const Methodology &builtIn = Methodology::builtIn();
            const QuarterMethodology used = methodologyOf
                ? methodologyOf
                : QuarterMethodology([&builtIn](const QString &) { return &builtIn; });
            prefixed(&report.problems, path, storedPlannedProblems(casework, used, !methodologyOf));
            // A value outside the methodology's lists (typed by an earlier
            // version, or set outside the workbench), by the forms' own rule.
            // Before version 8 an upgrade maps the free text of earlier versions first.
            if (caseSchemaVersion(caseFile.database()) >= 8)
                prefixed(&report.problems, path, storedListProblems(casework, used, !methodologyOf));
            if (!methodologyOf && !casework.records(trajectoryTable()).isEmpty())
                report.notes.append(QStringLiteral("%1: checked on its own, so its planned values were checked against "
                                                   "the metric ranges of the built-in methodology (%2); check its "
                                                   "workspace folder to check them under the methodology of each "
                                                   "quarter's year")
                                        .arg(path, builtIn.id()));
        }
        // A date or note's time not written as the workbench writes it,
        // which a team workspace's server refuses (serverschemarules.h).
        if (caseSchemaVersion(caseFile.database()) >= 9)
            prefixed(&report.problems, path, storedDateProblems(caseFile.scope()));
        if (const QString mismatch = CaseFile::nameMismatch(path, caseFile.identity().code);
            !mismatch.isEmpty())
            report.problems.append(mismatch);
        if (const QString other = caseFile.membershipProblem(workspaceId); !other.isEmpty())
            report.problems.append(other);
    } catch (const StoreError &error) {
        report.problems.append(error.message());
    }
    return report;
}
// Whether the file on its own (without the -wal beside it) is sound: read
// from a private copy, so nothing beside the original is touched.
bool soundWithoutWal(const QString &path, bool isCase = true)
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("alone") + CaseFile::kSuffix);
    if (!dir.isValid() || !QFile::copy(path, copy))
        return false;
    try {
        if (!isCase) {
            PeerStore alone(copy, Database::Mode::Inspect);
            alone.database().exec(QStringLiteral("BEGIN"));
            return alone.database().sqliteProblems().isEmpty();
        }
        CaseFile alone(copy, Database::Mode::Inspect);
        alone.database().exec(QStringLiteral("BEGIN"));
        return alone.database().sqliteProblems().isEmpty() && alone.consistencyProblems().isEmpty();
    } catch (const StoreError &) {
        return false; // its header counts pages only the -wal holds, or it is damaged itself
    }
}
} // namespace


CheckReport checkCaseFile(const QString &path, const QString &workspaceId, const QuarterMethodology &methodologyOf)
{
    // Read without leaving a trace (no -shm, no -wal: Database::Mode::Inspect).
    // A writer that started meanwhile may have changed the file under an
    // immutable read: then it is read again, alongside that writer.
    const QByteArray before = stateOf(path);
    CheckReport report = checkCaseFileAs(path, Database::Mode::Inspect, workspaceId, methodologyOf);
    if (stateOf(path) != before || (!report.clean() && WorkspaceLock::isHeld(QFileInfo(path).absolutePath())))
        report = checkCaseFileAs(path, Database::Mode::ReadOnly, workspaceId, methodologyOf);
    // Damaged only when read through its -wal, sound without it: the -wal is
    // what does not belong (copied in from another file), so that is what is named.
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (!report.clean() && wal.size() > 0 && !WorkspaceLock::isHeld(QFileInfo(path).absolutePath(), true)
        && soundWithoutWal(path)) {
        report.problems.clear();
        report.problems.append(QStringLiteral("%1: the unapplied changes beside it (%2) do not belong to it: read "
                                              "through them the file is damaged, on its own it is sound. Move %2 out "
                                              "of the folder (imports refuse it until then)")
                                   .arg(path, wal.fileName()));
    }
    // A -wal that cannot be the file's own (imports refuse it) is named too,
    // though SQLite reads past one whose header it does not accept.
    if (const QString problem = walHeaderProblem(path);
        !problem.isEmpty() && !WorkspaceLock::isHeld(QFileInfo(path).absolutePath(), true))
        report.problems.append(QStringLiteral("%1: the file beside it (%2) is not its -wal (%3): move it out of the "
                                              "folder (imports refuse it until then)")
                                   .arg(path, QFileInfo(path + QStringLiteral("-wal")).fileName(), problem));
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
    QString workspaceId;
    QString latestQuarter;
    // Each quarter's methodology, as the workbench applies it (read with the register).
    QuarterMethodology quarterMethodology;
    const auto checkPeers = [&](Database::Mode mode) {
        QStringList problems;
        QStringList notes;
        try {
            PeerStore peers(peersPath, mode);
            workspaceId = peers.setting(QStringLiteral("workspace_id"));
            peers.database().exec(QStringLiteral("BEGIN"));
            prefixed(&problems, peersPath, peers.database().sqliteProblems());
            if (problems.isEmpty())
                quarterMethodology = quarterMethodologies(MethodologyRegister(peers.database()));
            // What an earlier version stored unchecked is named, as import names it.
            const QHash<QString, OrganisationInfo> organisations = peers.organisations();
            QStringList codes = organisations.keys();
            codes.sort();
            for (const QString &code : std::as_const(codes))
                if (!isValidOrgCode(code))
                    problems.append(QStringLiteral("%1: the organisation code \"%2\" was stored by an earlier version; "
                                                   "it is not a valid code (letters and digits only), so it is ranked "
                                                   "but has no case file. Correct the source file and import it again")
                                        .arg(peersPath, code.left(60)));
            for (const QString &label : peers.quarters())
                if (quarterKey(label) > quarterKey(latestQuarter))
                    latestQuarter = label;
            for (const QString &label : peers.quarters())
                if (canonicalQuarter(label) != label)
                    problems.append(QStringLiteral("%1: the quarter \"%2\" is not spelt as quarters are stored (%3), so "
                                                   "its organisations show no segment. Open the workspace in the "
                                                   "workbench or import into it to mend it")
                                        .arg(peersPath, label.left(60),
                                            canonicalQuarter(label).isEmpty() ? QStringLiteral("it is not a real quarter")
                                                                              : canonicalQuarter(label)));
            const QStringList pending = peers.pendingQuarters();
            // A re-assessment leaves case files under the file it replaces; an import never does.
            const QStringList reassessing
                = pending.isEmpty() ? QStringList()
                                    : interruptedReassessment(directory, peers, MethodologyRegister(peers.database()), mode);
            if (!reassessing.isEmpty())
                notes.append(QStringLiteral("%1: a re-assessment (owb methodology add) was interrupted: some case files "
                                            "still hold %2 under the methodology it replaced; opening the workspace "
                                            "(or running owb methodology add with --apply again) completes it")
                                 .arg(peersPath, reassessing.join(QStringLiteral(", "))));
            else if (!pending.isEmpty())
                notes.append(QStringLiteral("%1: an import was interrupted; opening the workspace or importing "
                                            "again completes %2")
                                 .arg(peersPath, pending.join(QStringLiteral(", "))));
        } catch (const StoreError &error) {
            problems.append(error.message());
        }
        return std::pair { problems, notes };
    };
    // As for case files: read without a trace, again alongside a writer that started meanwhile.
    const QByteArray before = stateOf(peersPath);
    auto [problems, notes] = checkPeers(Database::Mode::Inspect);
    if (stateOf(peersPath) != before || (!problems.isEmpty() && WorkspaceLock::isHeld(directory)))
        std::tie(problems, notes) = checkPeers(Database::Mode::ReadOnly);
    // As for case files: damaged only through a -wal that the file alone does without, the -wal is named.
    const QFileInfo peersWal(peersPath + QStringLiteral("-wal"));
    if (!problems.isEmpty() && !problems.first().contains(peersWal.fileName()) && peersWal.size() > 0
        && !WorkspaceLock::isHeld(directory, true) && soundWithoutWal(peersPath, false))
        problems = { QStringLiteral("%1: the unapplied changes beside it (%2) do not belong to it: read through them "
                                    "the file is damaged, on its own it is sound. Move %2 out of the folder (imports "
                                    "refuse it until then)")
                         .arg(peersPath, peersWal.fileName()) };
    report.problems += problems;
    report.notes += notes;
    if (!quarterMethodology) // a register that could not be read: the built-in one, as the workbench would
        quarterMethodology = [](const QString &) { return &Methodology::builtIn(); };
    // A record with no quarter of its own is checked under the latest quarter's methodology.
    quarterMethodology = [applied = quarterMethodology, latest = latestQuarter](const QString &quarter) {
        return applied(quarterKey(quarter) < 0 ? latest : quarter);
    };
    // Every entry named like a case file, whatever it is: a folder or a link is named as such.
    QStringList caseProblems;
    int caseFiles = 0;
    int ofAnotherWorkspace = 0;
    for (const QString &name : dir.entryList({ QStringLiteral("*") + CaseFile::kSuffix },
             QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name)) {
        const CheckReport one = checkCaseFile(dir.filePath(name), workspaceId, quarterMethodology);
        caseProblems += one.problems;
        report.notes += one.notes;
        report.filesChecked += one.filesChecked;
        ++caseFiles;
        ofAnotherWorkspace += one.problems.size() == 1
                && one.problems.first().contains(QLatin1String("belongs to another workspace"))
            ? 1
            : 0;
    }
    // Every case file says another workspace than peers.owdata: it is
    // peers.owdata (or the -wal beside it) that came from elsewhere.
    if (caseFiles > 1 && ofAnotherWorkspace == caseFiles) {
        const QFileInfo wal(peersPath + QStringLiteral("-wal"));
        caseProblems = { wal.size() > 0
                ? QStringLiteral("%1: read through the unapplied changes beside it (%2), it is another workspace's: "
                                 "all %3 case files here belong to another one. Move %2 out of the folder (imports "
                                 "refuse it until then)")
                      .arg(peersPath, wal.fileName())
                      .arg(caseFiles)
                : QStringLiteral("%1: belongs to another workspace than all %2 case files here (copied in from "
                                 "elsewhere?): restore this workspace's own %3 from a backup")
                      .arg(peersPath)
                      .arg(caseFiles)
                      .arg(PeerStore::kFileName) };
    }
    report.problems += caseProblems;
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
