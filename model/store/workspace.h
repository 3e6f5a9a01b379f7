#pragma once
// A workspace folder: peers.owdata with the national data, and one case file
// per organisation the workspace follows (all, or those of one region).
//
// Importing is two steps, each of them transactional: national values into
// peers.owdata with the changed quarters marked pending, then every followed
// case file brought up to date and the quarters marked done. A kill between
// or during them leaves pending quarters, which the next import or the next
// open completes; since case-file writes skip what is already the same, the
// result is exactly that of an uninterrupted import.

#include "changelistener.h"
#include "framework/methodology.h"
#include "methodologyregister.h"
#include "peerstore.h"
#include "serveraddress.h"
#include "workspacelock.h"

#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace owb {

class CaseFile;

struct ImportReport
{
    QStringList quartersChanged; // whose national data changed
    int caseFilesCreated = 0;
    int caseFilesUpdated = 0;
    int quartersWritten = 0;  // case-file quarters written
    // Quarters an earlier, interrupted import left pending and this one
    // completed (the case files it created and updated are counted above).
    QStringList quartersCompleted;
    bool completedReassessment = false;  // what was completed was a re-assessment, not an import
    // Codes an earlier version stored without checking them ("sub/ZAC"):
    // ranked among their peers, but never given a case file.
    QStringList refusedCodes;
};

class Workspace
{
public:
    // done, total: case files brought up to date so far.
    using Progress = std::function<void(int done, int total)>;

    // A folder holding peers.owdata (or a thing of that name, which opening
    // then judges).
    static bool isWorkspace(const QString &directory);
    // Why the current user cannot change the workspace (read-only media, or
    // files they may read but not write), in plain words; empty when they can.
    static QString readOnlyReason(const QString &directory);
    // Empty for a workspace; else why `directory` is not one, in plain words.
    static QString whyNotWorkspace(const QString &directory);
    // A folder that does not exist or holds nothing.
    static bool isAbsentOrEmpty(const QString &directory);

    // Creates a workspace in an absent or empty folder, following every
    // organisation or only those of `region`.
    static std::unique_ptr<Workspace> create(const QString &directory, const QString &region = {});
    // Opens a workspace; a writable one takes the workspace's lock (or throws
    // WorkspaceInUse, saying who has it) and completes any interrupted import.
    // `directory` may also be a postgresql:// URL: then it is openTeam()
    // with the password libpq finds itself (PGPASSWORD, ~/.pgpass, Kerberos).
    static std::unique_ptr<Workspace> open(
        const QString &directory, Database::Mode mode = Database::Mode::OpenExisting);
    // A team workspace on a PostgreSQL server (owb team init), opened like a
    // folder one: the national part (peers(), the methodology register,
    // settings) and the cases part, each on one connection of its own that
    // every case opened through openCase() shares. `password` goes to libpq
    // and is kept nowhere (empty: libpq's usual means). ReadOnly makes both
    // sessions read-only. No folder lock: the server lets many people write
    // at once, each write a short transaction under its case's lock.
    static std::unique_ptr<Workspace> openTeam(const ServerAddress &server, const QString &password,
                                               Database::Mode mode = Database::Mode::OpenExisting);

    // Whether this is a team workspace (then server() says where).
    bool isTeam() const { return m_team; }
    const ServerAddress &server() const { return m_server; }
    // Who the server knows this user as (the audit trail's author); empty
    // for a folder.
    QString sessionUser() const;
    // A team workspace whose connection was lost: reconnects both of its
    // connections in place (Database::reconnect), with `password` (empty:
    // libpq's own means), kept nowhere. The cases opened through openCase()
    // and their sessions go on with the same objects, their undo stacks
    // intact. Throws StoreError saying why not (ServerPasswordRefused when
    // the server refused the password); nothing for a folder.
    void reconnect(const QString &password);
    // A team workspace's live updates: starts listening, on a connection of
    // its own opened with `password` (empty: libpq's own means; kept
    // nowhere), for the changes colleagues commit (Dialect::listenForChanges,
    // store/changelistener.h), this workspace's own connections' changes
    // left out; once, then the same listener. Null for a folder. Only a
    // window listens: owb's commands never open the connection.
    ChangeListener *listenForChanges(const QString &password);
    ChangeListener *changeListener() const { return m_changes.get(); }
    // The organisations the workspace holds a case for, in code order: a
    // folder's case files, or a server's cases.
    QStringList caseCodes() const;
    // One organisation's case, for either kind: a folder's case file opened
    // in `mode`, or the case on the server's shared cases connection (hand
    // it to CaseSession for editing). Throws StoreError when there is none.
    std::unique_ptr<CaseFile> openCase(const QString &code, Database::Mode mode = Database::Mode::ReadOnly);
    // A team workspace's cases part, the connection its cases share (null
    // for a folder): for reading many cases' tables at once.
    Database *casesDatabase() { return m_cases.get(); }

    QString directory() const { return m_directory; }
    bool isReadOnly() const { return m_team ? m_teamReadOnly : !m_lock; }
    PeerStore &peers() { return *m_peers; }
    // The methodology of the latest year in the register (the built-in one
    // for an empty register): the catalogue that new data is read against.
    const Methodology &methodology() const { return m_methodology; }
    // The register; each quarter is assessed under its own year's file.
    const MethodologyRegister &methodologies() const { return *m_register; }
    // The file in force for a quarter's year; null when the year has none.
    const Methodology *methodologyFor(const QString &quarter) const { return m_register->forQuarter(quarter); }
    // Puts a file in force for a year that has none yet, or records that
    // the same file is applied to an earlier year (back-cast); one transaction.
    // Refuses (StoreError) to replace a year's file: that is a re-assessment.
    void registerMethodology(const Methodology &methodology, const QString &year, YearBasis basis);
    // Puts `methodology` in force for every year it declares, replacing
    // those years' files, and re-assesses their stored quarters (see
    // store/methodologychange): one transaction marks them pending with the
    // register changed, then every followed case file is brought up to date.
    ImportReport reassess(const Methodology &methodology, const Progress &progress = {});
    QString followedRegion() const { return m_region; }
    QString workspaceId() const { return m_workspaceId; }
    bool follows(const OrganisationInfo &organisation) const;
    QString caseFilePath(const QString &code) const;
    QStringList caseFilePaths() const; // sorted by file name

    // Stores a validated dataset and brings every followed case file up to
    // date, each quarter assessed under its year's methodology. Each of
    // `methodologies` (at most one per year) is registered for the years it
    // declares that have none, and the built-in file for its years that
    // still have none; a quarter whose year has no methodology, or a given
    // file that would replace a year's, is refused (StoreError) before
    // anything is written. `backCast`: a year without rules before one with
    // rules is assessed under that later year's file instead, recorded as a
    // back-cast.
    ImportReport import(const MetricDataset &dataset, const QList<Methodology> &methodologies,
        const QString &sourceFile, const QString &sourceSha256, int rows, const Progress &progress = {},
        bool backCast = false);
    ImportReport import(const MetricDataset &dataset, const std::optional<Methodology> &methodology,
        const QString &sourceFile, const QString &sourceSha256, int rows, const Progress &progress = {},
        bool backCast = false)
    {
        return import(dataset, methodology ? QList<Methodology>{*methodology} : QList<Methodology>(), sourceFile,
                      sourceSha256, rows, progress, backCast);
    }
    // Empty when this user may import into the workspace and change its
    // methodologies; else why not, in plain words (on a team workspace, only
    // members of <db>_importer may).
    QString whyMayNotImport();
    // On a team workspace opened for writing: why this user may not import,
    // as the server said when it was opened (whyMayNotImport asks again);
    // empty when they may, and for a folder. What the workbench disables by.
    QString importRefusedOnOpen() const { return m_importRefusal; }
    // Why a team workspace is read-only when the server lets this account
    // read it but not change casework (it has none of the editors' rights),
    // naming the role to ask for; empty otherwise.
    QString readOnlyWhy() const { return m_readOnlyWhy; }
    // A team workspace's words for an account the server lets read it but
    // not change casework (on opening, or its editors' role revoked since).
    QString readerWhy() const;
    // Brings case files up to date for quarters left pending by an interrupted import.
    ImportReport completePendingWork(const Progress &progress = {});
    // What opening did to complete an interrupted import or re-assessment
    // (until the next import or re-assessment tells it), and which it was.
    const ImportReport &completedOnOpen() const { return m_completedOnOpen; }
    bool completedReassessmentOnOpen() const { return m_completedReassessment; }

private:
    // The transaction an import or a re-assessment runs in on a server (none
    // on a folder, whose steps are their own), under the national lock, after
    // checking that this user may change national data.
    void beginNationalChange(std::optional<Transaction> &whole);
    // `lock`: one already taken (by create()); else a writable workspace takes it.
    Workspace(const QString &directory, Database::Mode mode, std::unique_ptr<WorkspaceLock> lock = {});
    Workspace(const ServerAddress &server, const QString &password, Database::Mode mode);
    static QStringList caseFilesIn(const QString &directory);
    void loadSettings();
    // The years a dataset needs registered, with their files; throws when refused.
    struct PlannedRules
    {
        QString year;
        Methodology methodology;
        YearBasis basis;
    };
    QList<PlannedRules> rulesToRegister(
        const MetricDataset &dataset, const QList<Methodology> &given, bool backCast) const;
    void reloadMethodologies();
    // A team workspace's rights, asked once on opening (one statement).
    void askTeamRights();
    QString importRefusal(bool roleExists, bool member) const;

    QString m_directory;
    std::unique_ptr<WorkspaceLock> m_lock; // first: held before any file is opened for writing
    std::unique_ptr<PeerStore> m_peers;
    std::unique_ptr<MethodologyRegister> m_register;
    Methodology m_methodology;
    QString m_region;
    QString m_workspaceId; // peers.owdata's; every case file of the workspace records it
    bool m_team = false;
    bool m_teamReadOnly = false;
    QString m_readOnlyWhy;   // a reader's: why the team workspace is read-only
    QString m_importRefusal; // why this user may not import, as asked on opening
    ServerAddress m_server;
    std::unique_ptr<Database> m_cases; // a team workspace's cases part, shared by its open cases
    ImportReport m_completedOnOpen; // what opening did to complete an interrupted import, told by the next import
    bool m_completedReassessment = false; // what opening completed was a re-assessment's
    std::unique_ptr<ChangeListener> m_changes; // a team workspace's, once a window asked
};

} // namespace owb
