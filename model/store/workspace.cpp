#include "workspace.h"

#include "casefile.h"
#include "data/orgcode.h"
#include "framework/assessment.h"
#include "workspacepath.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <cerrno>
#include <map>

namespace owb {

namespace {
const QString kRegionKey = QStringLiteral("follow_region");
const QString kCreatedKey = QStringLiteral("created_at");
} // namespace

bool Workspace::isWorkspace(const QString &directory)
{
    return whyNotWorkspace(directory).isEmpty();
}

bool Workspace::isAbsentOrEmpty(const QString &directory)
{
    const QDir dir(directory);
    if (!dir.exists())
        return true;
    // A creation killed before its rename leaves only its own temporary
    // files: the folder is still as good as empty, and create() clears them.
    // The lock of a creator at work is not content either.
    const QString leftover = PeerStore::kFileName + QStringLiteral(".partial");
    const QStringList entries
        = dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    return std::all_of(entries.cbegin(), entries.cend(), [&](const QString &name) {
        return name.startsWith(leftover) || name.startsWith(WorkspaceLock::kLockName);
    });
}

QStringList Workspace::caseFilesIn(const QString &directory)
{
    const QDir dir(directory);
    // Every entry named like a case file, whatever it is (a folder, a link):
    // opening refuses what is not a plain file, by name.
    QStringList paths;
    for (const QString &name : dir.entryList({ QStringLiteral("*") + CaseFile::kSuffix },
             QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name))
        paths.append(dir.filePath(name));
    return paths;
}

Workspace::Workspace(const QString &directory, Database::Mode mode, std::unique_ptr<WorkspaceLock> lock)
    : m_directory(QDir(directory).absolutePath())
    , m_lock(mode == Database::Mode::ReadOnly ? nullptr
              : lock                          ? std::move(lock)
                                              : std::make_unique<WorkspaceLock>(m_directory))
    , m_peers(std::make_unique<PeerStore>(QDir(m_directory).filePath(PeerStore::kFileName), mode))
    , m_register(std::make_unique<MethodologyRegister>(m_peers->database()))
    , m_methodology(Methodology::builtIn())
{
    loadSettings();
}

void Workspace::loadSettings()
{
    m_region = m_peers->setting(kRegionKey);
    reloadMethodologies();
}

std::unique_ptr<Workspace> Workspace::create(const QString &directory, const QString &region)
{
    const auto refuseUnlessEmpty = [&] {
        if (isWorkspace(directory))
            throw StoreError(QStringLiteral("%1: another program has just created a workspace here; import "
                                            "again to add to it")
                                 .arg(directory));
        if (!isAbsentOrEmpty(directory))
            throw StoreError(
                QStringLiteral("%1: cannot create a workspace here: the folder is not empty").arg(directory));
    };
    refuseUnlessEmpty();
    if (!QDir().mkpath(directory))
        throw StoreError(QStringLiteral("%1: cannot create the folder").arg(directory));
    // Two creators of the same folder: the lock lets one through, and the
    // other is told who has it; the folder is looked at again under the lock
    // because a creator that finished just before is no longer "empty".
    auto lock = std::make_unique<WorkspaceLock>(QDir(directory).absolutePath());
    refuseUnlessEmpty();
    createFileAtomically(QDir(directory).filePath(PeerStore::kFileName), [&](const QString &temporary) {
        PeerStore peers(temporary, Database::Mode::CreateIfMissing);
        Transaction transaction(peers.database());
        peers.setSetting(kRegionKey, region.trimmed());
        peers.setSetting(kCreatedKey, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        transaction.commit();
        peers.database().settle();
    });
    return std::unique_ptr<Workspace>(
        new Workspace(directory, Database::Mode::OpenExisting, std::move(lock)));
}

QString Workspace::whyNotWorkspace(const QString &directory)
{
    const QString peers = QDir(directory).filePath(PeerStore::kFileName);
    if (QFileInfo::exists(peers) || QFileInfo(peers).isSymLink())
        return {}; // opening it says what is wrong with it, if anything
    // Case files without their national data: never start a new one over
    // them, the region and the history would be lost unseen.
    if (const qsizetype cases = caseFilesIn(directory).size(); cases > 0)
        return QStringLiteral(
            "%1: %2 is missing, but the folder holds %3 case file(s): restore %2 from a backup "
            "(it is not re-created, so that the region followed and the import history are not "
            "lost)")
            .arg(directory, PeerStore::kFileName)
            .arg(cases);
    return QStringLiteral("%1: not an Oversight Workbench workspace (no %2)")
        .arg(directory, PeerStore::kFileName);
}

QString Workspace::readOnlyReason(const QString &directory)
{
    const auto denied = [](const QString &path) { return !mayWrite(path); };
    if (denied(directory))
        return errno == EROFS ? QStringLiteral("it is on a read-only disk")
                              : QStringLiteral("you may read its folder but not change it");
    const QString peers = QDir(directory).filePath(PeerStore::kFileName);
    if (QFileInfo::exists(peers) && denied(peers))
        return QStringLiteral("you may read %1 but not change it").arg(PeerStore::kFileName);
    for (const QString &path : caseFilesIn(directory))
        if (QFileInfo(path).isFile() && denied(path))
            return QStringLiteral("you may read %1 but not change it").arg(QFileInfo(path).fileName());
    return {};
}

std::unique_ptr<Workspace> Workspace::open(const QString &directory, Database::Mode mode)
{
    if (const QString why = whyNotWorkspace(directory); !why.isEmpty())
        throw StoreError(why);
    if (mode != Database::Mode::ReadOnly)
        if (const QString why = readOnlyReason(directory); !why.isEmpty())
            throw StoreError(QStringLiteral("%1: cannot be changed: %2. It can still be read (owb portfolio, check, "
                                            "report and reconcile, or the workbench, read-only)")
                                 .arg(directory, why));
    std::unique_ptr<Workspace> workspace(new Workspace(directory, mode));
    if (mode == Database::Mode::ReadOnly)
        return workspace;
    // Every case file is what its name says before anything is written.
    for (const QString &path : caseFilesIn(directory))
        CaseFile::verifyName(path);
    if (!workspace->m_peers->pendingQuarters().isEmpty())
        workspace->completePendingWork();
    // Bring every case file to the current schema now, while nothing else has it open.
    for (const QString &path : workspace->caseFilePaths())
        CaseFile(path, Database::Mode::OpenExisting);
    return workspace;
}

bool Workspace::follows(const OrganisationInfo &organisation) const
{
    return m_region.isEmpty() || organisation.region.compare(m_region, Qt::CaseInsensitive) == 0;
}

QString Workspace::caseFilePath(const QString &code) const
{
    return caseFilePathIn(m_directory, code);
}

QStringList Workspace::caseFilePaths() const
{
    return caseFilesIn(m_directory);
}

ImportReport Workspace::import(const MetricDataset &dataset, const std::optional<Methodology> &methodology,
    const QString &sourceFile, const QString &sourceSha256, int rows, const Progress &progress, bool backCast)
{
    // The workspace keeps its own copy of each year's rules, so a later
    // release with a new built-in catalogue does not change it silently, and
    // a new year's file never re-assesses another year.
    const auto newRules = rulesToRegister(dataset, methodology, backCast);
    QStringList changed;
    try {
        Transaction transaction(m_peers->database());
        for (const PlannedRules &rules : newRules)
            m_register->put(rules.methodology, rules.year, rules.basis);
        changed = m_peers->apply(dataset);
        // Importing the same file again leaves every byte as it was.
        if (!newRules.isEmpty() || !changed.isEmpty())
            m_peers->logImport(sourceFile, sourceSha256, rows, int(changed.size()));
        transaction.commit();
    } catch (...) {
        reloadMethodologies();
        throw;
    }
    reloadMethodologies();
    ImportReport report = completePendingWork(progress);
    report.quartersChanged = changed;
    return report;
}

ImportReport Workspace::completePendingWork(const Progress &progress)
{
    ImportReport report;
    const QStringList pending = m_peers->pendingQuarters();
    if (pending.isEmpty())
        return report;
    const QHash<QString, OrganisationInfo> organisations = m_peers->organisations();

    // Case file code -> its records for every pending quarter (ordered by code
    // so that runs are reproducible).
    std::map<QString, std::pair<CaseIdentity, QList<QuarterRecord>>> work;
    for (const QString &label : pending) {
        const Methodology *rules = methodologyFor(label);
        if (!rules)
            throw StoreError(noMethodologyMessage(m_directory, label));
        const QuarterData quarter = m_peers->loadQuarter(label);
        const QuarterAssessment assessment = assessQuarter(*rules, quarter.toInputs());
        for (qsizetype i = 0; i < quarter.organisations.size(); ++i) {
            const OrganisationQuarter &org = quarter.organisations.at(i);
            const OrganisationInfo info = organisations.value(org.code);
            if (!isValidOrgCode(org.code)) {
                if (!report.refusedCodes.contains(org.code))
                    report.refusedCodes.append(org.code);
                continue;
            }
            if (!follows(info))
                continue;
            auto &entry = work[org.code];
            entry.first = { org.code, info.name, org.peerType, info.region };
            entry.second.append({ org.values, StoredAssessment::from(*rules, label, assessment, i) });
        }
    }

    int done = 0;
    for (auto &[code, entry] : work) {
        const QString path = caseFilePath(code);
        if (QFileInfo::exists(path) || QFileInfo(path).isSymLink()) {
            const int written = CaseFile(path, Database::Mode::OpenExisting).write(entry.first, entry.second);
            report.quartersWritten += written;
            report.caseFilesUpdated += written > 0 ? 1 : 0;
        } else {
            createFileAtomically(path, [&](const QString &temporary) {
                CaseFile created(temporary, Database::Mode::CreateIfMissing);
                report.quartersWritten += created.write(entry.first, entry.second);
                created.database().settle();
            });
            ++report.caseFilesCreated;
        }
        if (progress)
            progress(++done, int(work.size()));
    }

    Transaction transaction(m_peers->database());
    for (const QString &label : pending)
        m_peers->markDone(label);
    transaction.commit();
    return report;
}

} // namespace owb
