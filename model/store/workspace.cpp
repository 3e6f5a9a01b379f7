#include "workspace.h"
#include "methodologychange.h"

#include "casefile.h"
#include "caseparallel.h"
#include "integritycheck.h"
#include "data/orgcode.h"
#include "framework/assessment.h"
#include "workspacepath.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <algorithm>
#include <cerrno>
#include <map>
#include <sys/stat.h>

namespace owb {

namespace {
// What SQLite's checks find in a file read as it stands (through its -wal,
// which is not applied): quick_check for damage; with a -wal, the full check
// (indexes against tables, which a -wal of another file breaks) and, for a
// case file, its own consistency (digests, audit chain).
QStringList damageIn(Database &db, bool thorough, CaseFile *caseFile)
{
    if (thorough) {
        QStringList problems = db.sqliteProblems();
        if (problems.isEmpty() && caseFile)
            problems = caseFile->consistencyProblems();
        return problems;
    }
    QSqlQuery quick = db.exec(QStringLiteral("PRAGMA quick_check(1)"));
    if (quick.next() && quick.value(0).toString() != QLatin1String("ok"))
        return { QStringLiteral("the file is damaged (SQLite's own check finds its structure broken)") };
    return {};
}

// Before a writer changes anything: every file it may write is opened and
// judged (its kind and version, damage, the organisation its name says, and a
// -wal beside it). A writer applies a -wal it finds, so one that is not the
// file's own (planted, or copied in from another file) is refused here: its
// header must match the file, and the file read through it must still be
// whole and itself. A refused import therefore changes nothing.
void preflight(const QString &directory, const QStringList &caseFiles)
{
    QString workspaceId;
    const auto judge = [&workspaceId](const QString &path, bool isCase) {
        const QString wal = path + QStringLiteral("-wal");
        const QFileInfo journal(path + QStringLiteral("-journal"));
        if (journal.exists() || journal.isSymLink())
            throw StoreError(QStringLiteral("%1: a rollback journal (%2) lies beside this file; the workspace's "
                                            "files never make one, so it does not belong here and is not applied. "
                                            "Move it out of the folder, then try again")
                                 .arg(path, journal.fileName()));
        struct stat status;
        if (::lstat(QFile::encodeName(path).constData(), &status) == 0 && S_ISREG(status.st_mode)
            && status.st_nlink > 1)
            throw StoreError(QStringLiteral("%1: the file has %2 names (hard links): writing it would change the "
                                            "other copies too. Replace it with a copy of its own; nothing was changed")
                                 .arg(path)
                                 .arg(qulonglong(status.st_nlink)));
        const bool walBeside = QFileInfo(wal).size() > 0;
        QString problem = walHeaderProblem(path);
        if (problem.isEmpty()) {
            try {
                if (isCase) {
                    CaseFile file(path, Database::Mode::Inspect);
                    file.database().exec(QStringLiteral("BEGIN"));
                    QStringList found = damageIn(file.database(), walBeside, &file);
                    if (found.isEmpty())
                        if (const QString other = file.membershipProblem(workspaceId); !other.isEmpty())
                            throw StoreError(other + QStringLiteral("; nothing was changed"));
                    problem = found.isEmpty() ? QString() : found.first();
                } else {
                    PeerStore peers(path, Database::Mode::Inspect);
                    peers.database().exec(QStringLiteral("BEGIN"));
                    const QStringList found = damageIn(peers.database(), walBeside, nullptr);
                    problem = found.isEmpty() ? QString() : found.first();
                    workspaceId = peers.setting(QStringLiteral("workspace_id"));
                }
            } catch (const StoreError &error) {
                if (!walBeside || error.message().endsWith(QStringLiteral("; nothing was changed")))
                    throw StoreError(error.message().endsWith(QStringLiteral("nothing was changed"))
                            ? error.message()
                            : error.message() + QStringLiteral("; nothing was changed"));
                problem = error.message();
            }
        }
        if (problem.isEmpty())
            return;
        if (problem.startsWith(path + QStringLiteral(": ")))
            problem = problem.mid(path.size() + 2);
        if (walBeside && problem.startsWith(QStringLiteral("the file is damaged")))
            problem = QStringLiteral("read through them, the file is damaged");
        if (walBeside)
            throw StoreError(QStringLiteral("%1: the unapplied changes beside it (%2) do not belong to it (%3), so "
                                            "they are not applied and nothing was changed. Move %2 out of the "
                                            "folder, then try again")
                                 .arg(path, QFileInfo(wal).fileName(), problem));
        throw StoreError(QStringLiteral("%1: %2; nothing was changed. Restore it from a backup (keep the damaged "
                                        "file until you have), or move it out of the workspace")
                             .arg(path, problem));
    };
    judge(QDir(directory).filePath(PeerStore::kFileName), false);
    // The case files are independent of each other, and judging one is mostly
    // SQLite checking it: they are shared out between threads, and the first
    // refusal in the folder's order is the one reported, as one by one.
    const std::vector<std::exception_ptr> refused = forEachCaseInParallel(
        std::size_t(caseFiles.size()), [&](std::size_t i) { judge(caseFiles.at(qsizetype(i)), true); });
    for (const std::exception_ptr &refusal : refused)
        if (refusal)
            std::rethrow_exception(refusal);
}

const QString kRegionKey = QStringLiteral("follow_region");
const QString kCreatedKey = QStringLiteral("created_at");
const QString kWorkspaceIdKey = QStringLiteral("workspace_id");
} // namespace

bool Workspace::isWorkspace(const QString &directory)
{
    return whyNotWorkspace(directory).isEmpty();
}

bool Workspace::isAbsentOrEmpty(const QString &directory)
{
    if (isServerUrl(directory))
        return false; // a server's address is never a folder to create
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
    , m_peers([&] {
        // Held now (m_lock comes first): nothing else writes while the files are judged.
        if (mode != Database::Mode::ReadOnly)
            preflight(m_directory, caseFilesIn(m_directory));
        return std::make_unique<PeerStore>(QDir(m_directory).filePath(PeerStore::kFileName), mode);
    }())
    , m_register(std::make_unique<MethodologyRegister>(m_peers->database()))
    , m_methodology(Methodology::builtIn())
{
    loadSettings();
}

void Workspace::loadSettings()
{
    m_region = m_peers->setting(kRegionKey);
    m_workspaceId = m_peers->setting(kWorkspaceIdKey);
    CaseFile::registerWorkspace(m_directory, m_workspaceId);
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
    if (isServerUrl(directory))
        return {}; // opening it says what is wrong with it, if anything
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
    if (isServerUrl(directory))
        return {}; // the server says, write by write (its roles)
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

Workspace::Workspace(const ServerAddress &server, const QString &password, Database::Mode mode)
    : m_directory(server.url())
    , m_peers(std::make_unique<PeerStore>(std::make_unique<Database>(server, ServerArea::National, password, mode)))
    , m_register(std::make_unique<MethodologyRegister>(m_peers->database()))
    , m_methodology(Methodology::builtIn())
    , m_team(true)
    , m_teamReadOnly(mode == Database::Mode::ReadOnly || mode == Database::Mode::Inspect)
    , m_server(server)
    , m_cases(std::make_unique<Database>(server, ServerArea::Cases, password, mode))
{
    m_region = m_peers->setting(kRegionKey);
    m_workspaceId = m_peers->setting(kWorkspaceIdKey);
    reloadMethodologies();
    if (!m_teamReadOnly)
        askTeamRights();
}

void Workspace::askTeamRights()
{
    // Once, in one statement, so that the workbench offers a reader no
    // editor the server would then refuse: whether this account may change
    // casework (an editor's right on a case table; the tables' owner and a
    // superuser may too) and whether it is one of the importers (a role a
    // copied database may lack: asked through pg_roles, never by name).
    const TeamRoles roles = teamRoles(m_server.database);
    QSqlQuery q = m_cases->exec(
        QStringLiteral("SELECT has_table_privilege(session_user, 'cases.note', 'INSERT'),"
                       " EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?),"
                       " EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ? AND pg_has_role(session_user, oid, 'MEMBER'))"),
        {roles.importer, roles.importer});
    if (!q.next())
        return;
    if (!q.value(0).toBool()) {
        m_teamReadOnly = true;
        m_readOnlyWhy = readerWhy();
    }
    m_importRefusal = importRefusal(q.value(1).toBool(), q.value(2).toBool());
}

QString Workspace::readerWhy() const
{
    return QStringLiteral("Your account %1 may read this team workspace but not change it: ask its administrator "
                          "for the %2 role.")
        .arg(sessionUser(), teamRoles(m_server.database).editor);
}

QString Workspace::importRefusal(bool roleExists, bool member) const
{
    // Said before anything is tried (File > Import's tip) as well as after:
    // whole sentences, no "nothing was changed" (whyMayNotImport adds it).
    const QString role = teamRoles(m_server.database).importer;
    if (!roleExists)
        return QStringLiteral("This team workspace's server has no importers' role (%1), so no one may import national "
                              "data or change methodologies in it. Ask the workspace's administrator to create it (owb "
                              "team roles, after a copy or a restore).")
            .arg(role);
    if (member)
        return {};
    return QStringLiteral("Your account (%1) may not import national data or change methodologies in this team "
                          "workspace: only members of %2 may. Ask the workspace's administrator to grant you that role.")
        .arg(sessionUser(), role);
}

std::unique_ptr<Workspace> Workspace::openTeam(const ServerAddress &server, const QString &password, Database::Mode mode)
{
    if (mode == Database::Mode::CreateIfMissing)
        mode = Database::Mode::OpenExisting; // a team workspace is made by owb team init
    return std::unique_ptr<Workspace>(new Workspace(server, password, mode));
}

QString Workspace::sessionUser() const
{
    return m_team ? m_cases->sessionUser() : QString();
}

void Workspace::reconnect(const QString &password)
{
    if (!m_team)
        return;
    m_peers->database().reconnect(password);
    m_cases->reconnect(password);
}

ChangeListener *Workspace::listenForChanges(const QString &password)
{
    if (!m_team || m_changes)
        return m_changes.get();
    m_changes = m_cases->dialect().listenForChanges(*m_cases, password);
    if (m_changes)
        m_changes->setOwnConnections([this] { return QList<int>{m_peers->database().backendPid(), m_cases->backendPid()}; });
    return m_changes.get();
}

QStringList Workspace::caseCodes() const
{
    QStringList codes;
    if (m_team) {
        QSqlQuery q = m_cases->exec(QStringLiteral("SELECT org_code FROM organisation"));
        while (q.next())
            codes.append(q.value(0).toString());
    } else {
        for (const QString &path : caseFilePaths())
            codes.append(QFileInfo(path).fileName().chopped(CaseFile::kSuffix.size()));
    }
    std::sort(codes.begin(), codes.end());
    return codes;
}

std::unique_ptr<CaseFile> Workspace::openCase(const QString &code, Database::Mode mode)
{
    if (m_team)
        return std::make_unique<CaseFile>(*m_cases, code, mode);
    return std::make_unique<CaseFile>(caseFilePath(code), mode);
}

std::unique_ptr<Workspace> Workspace::open(const QString &directory, Database::Mode mode)
{
    if (isServerUrl(directory))
        return openTeam(parseServerUrl(directory), {}, mode);
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
    // Every case file was judged (what its name says, damage, a -wal beside it)
    // by the constructor, under the lock, before anything was written.
    if (!workspace->m_peers->pendingQuarters().isEmpty()) {
        workspace->m_completedReassessment
            = !interruptedReassessment(directory, *workspace->m_peers, *workspace->m_register).isEmpty();
        workspace->m_completedOnOpen = workspace->completePendingWork();
    }
    // Bring every case file to the current schema now, while nothing else has it open,
    // and to record which workspace it belongs to (files of earlier versions do not say).
    for (const QString &path : workspace->caseFilePaths()) {
        CaseFile caseFile(path, Database::Mode::OpenExisting);
        if (caseFile.workspaceId().isEmpty() && !workspace->m_workspaceId.isEmpty()) {
            Transaction transaction(caseFile.database());
            caseFile.database().exec(QStringLiteral("INSERT INTO membership (id, workspace_id) VALUES (1, ?)"
                                                    " ON CONFLICT (id) DO UPDATE SET workspace_id = excluded.workspace_id"),
                { workspace->m_workspaceId });
            transaction.commit();
        }
    }
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

QString Workspace::whyMayNotImport()
{
    if (!m_team)
        return {};
    // Only the team's importers change national data and assessments. A
    // database copied or renamed after `owb team init` has no importers'
    // role of its own name: then no one may import (asking the server
    // whether someone is a member of a role it does not have is an error).
    const QString role = teamRoles(m_server.database).importer;
    Database &db = m_peers->database();
    const bool roleExists = db.scalar(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ?"), {role}).toInt() > 0;
    const QString why = importRefusal(roleExists,
        roleExists && db.scalar(QStringLiteral("SELECT pg_has_role(session_user, ?, 'MEMBER')"), {role}).toBool());
    // After the workspace's name, as the command line says every refusal.
    return why.isEmpty() ? why
                         : QStringLiteral("%1: %2%3 Nothing was changed.").arg(m_directory, why.left(1).toLower(), why.mid(1));
}

void Workspace::beginNationalChange(std::optional<Transaction> &whole)
{
    if (const QString why = whyMayNotImport(); !why.isEmpty())
        throw StoreError(why);
    if (m_team) {
        whole.emplace(m_peers->database());
        m_peers->database().dialect().lockNational(m_peers->database());
        reloadMethodologies(); // as the last importer left it
    }
}

ImportReport Workspace::import(const MetricDataset &dataset, const QList<Methodology> &methodologies,
    const QString &sourceFile, const QString &sourceSha256, int rows, const Progress &progress, bool backCast)
{
    // On a server the whole import (national data, register, every case's
    // assessments and audit entries) is one transaction: a colleague reads
    // the quarter before or after it, never half, and a kill leaves the
    // server as it was. The steps inside are the folder's, as savepoints.
    std::optional<Transaction> whole;
    beginNationalChange(whole);
    // The workspace keeps its own copy of each year's rules, so a later
    // release with a new built-in catalogue does not change it silently, and
    // a new year's file never re-assesses another year.
    const auto newRules = rulesToRegister(dataset, methodologies, backCast);
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
        whole.reset();
        reloadMethodologies();
        throw;
    }
    reloadMethodologies();
    ImportReport report;
    try {
        report = completePendingWork(progress);
        if (whole)
            whole->commit();
    } catch (...) {
        whole.reset(); // rolled back: the register as it was
        reloadMethodologies();
        throw;
    }
    report.quartersChanged = changed;
    // An interrupted import completed when the workspace was opened is part
    // of what this import did: it is told, not lost.
    const ImportReport &earlier = m_completedOnOpen;
    report.quartersCompleted.removeIf([&](const QString &label) { return changed.contains(label); });
    report.caseFilesCreated += earlier.caseFilesCreated;
    report.caseFilesUpdated += earlier.caseFilesUpdated;
    report.quartersWritten += earlier.quartersWritten;
    report.completedReassessment = !earlier.quartersCompleted.isEmpty() && m_completedReassessment;
    for (const QString &label : earlier.quartersCompleted)
        if (!report.quartersCompleted.contains(label) && !changed.contains(label))
            report.quartersCompleted.append(label);
    for (const QString &code : earlier.refusedCodes)
        if (!report.refusedCodes.contains(code))
            report.refusedCodes.append(code);
    m_completedOnOpen = {};
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
            throw NoMethodologyError(m_directory, {label});
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
    if (m_team) {
        // Inside the import's transaction, on its one connection: the cases'
        // tables for the case writes (each a savepoint under its case's lock,
        // its audit entries sealed), then the national ones again.
        Database &db = m_peers->database();
        Transaction transaction(db);
        db.useArea(ServerArea::Cases);
        for (auto &[code, entry] : work) {
            CaseFile caseFile(db, code, Database::Mode::CreateIfMissing);
            const bool created = caseFile.identity().code.isEmpty();
            const int written = caseFile.write(entry.first, entry.second);
            report.quartersWritten += written;
            report.caseFilesCreated += created ? 1 : 0;
            report.caseFilesUpdated += !created && written > 0 ? 1 : 0;
            if (progress)
                progress(++done, int(work.size()));
        }
        db.useArea(ServerArea::National);
        for (const QString &label : pending)
            m_peers->markDone(label);
        transaction.commit();
        report.quartersCompleted = pending;
        return report;
    }
    for (auto &[code, entry] : work) {
        const QString path = caseFilePath(code);
        if (QFileInfo::exists(path) || QFileInfo(path).isSymLink()) {
            const int written
                = CaseFile(path, Database::Mode::OpenExisting).write(entry.first, entry.second, m_workspaceId);
            report.quartersWritten += written;
            report.caseFilesUpdated += written > 0 ? 1 : 0;
        } else {
            createFileAtomically(path, [&](const QString &temporary) {
                CaseFile created(temporary, Database::Mode::CreateIfMissing);
                report.quartersWritten += created.write(entry.first, entry.second, m_workspaceId);
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
    report.quartersCompleted = pending;
    return report;
}

} // namespace owb
