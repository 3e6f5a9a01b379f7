#pragma once
// The workbench window: wires the panels to the open workspace. It holds no
// storage or computation of its own (style.md practice 10).

#include "store/portfolio.h"

#include <QHash>
#include <QSet>
#include <QMainWindow>
#include <functional>
#include <map>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QStackedWidget;
class QTimer;
class QToolBar;
class QUndoGroup;

namespace owb {

class CaseFile;
class CaseSession;
struct CaseContext;
class CaseView;
class ChangesPanel;
class ReconcilePanel;
class LeaguePanel;
class Methodology;
class NationalCache;
class PortfolioPanel;
class WelcomePanel;
class StoreError;
class TeamConnection;
class Workspace;
struct ImportOutcome;
struct ServerAddress;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a workspace folder, or the workspace of a case file and that
    // case, or a team workspace's postgresql:// URL (openTeamUrl).
    bool openPath(const QString &path);
    // Opens a team workspace from its URL (the recent list): with the
    // password the keyring holds for it, else asking for it in the Open Team
    // Workspace dialog, filled in with the address.
    bool openTeamUrl(const QString &url);
    // Shows a workspace the caller opened, of either kind, without a dialog:
    // a team workspace opened by Workspace::open on its URL, with the
    // password libpq finds itself (PGPASSWORD, ~/.pgpass), as owb opens it.
    // For the benchmark; nothing is remembered.
    void showOpenedWorkspace(std::unique_ptr<Workspace> workspace);
    TeamConnection *teamConnection() const { return m_team.get(); }
    // Checks the team workspace's connection now (also done every few
    // seconds) and shows its state in the status bar; once it was found
    // lost, reconnects instead (TeamConnection::State::Reconnecting).
    void checkTeamConnection();
    // Reads again, once, what colleagues' changes gathered so far touched
    // (the live updates' timer does it shortly after the first).
    void readLiveChangesNow() { liveReload(); }
    // Reconnects the team workspace in place at once (File > Reconnect),
    // with the keyring's password or libpq's own means; `askPassword`: when
    // the server refuses it, asks for it (a titled password dialog) until it
    // is accepted or the user cancels. Then reads what is on screen again.
    // False (said in a message box when `askPassword`) when not connected.
    bool reconnectTeam(bool askPassword);
    bool openDemoWorkspace();
    // Imports a metric file into the open workspace (or, with a folder, into
    // a new one), with progress, and reopens it; false after reporting why not.
    bool importFile(const QString &path, const QString &newWorkspace = {}, const QString &region = {});
    Workspace *workspace() const { return m_workspace.get(); }
    PortfolioPanel *portfolio() const { return m_portfolio; }
    CaseView *caseView() const { return m_caseView; }
    LeaguePanel *leaguePanel() const { return m_league; }
    void showLeague();
    ChangesPanel *changesPanel() const { return m_changes; }
    void showChanges();
    ReconcilePanel *reconcilePanel() const { return m_reconcile; }
    void showReconcile();
    QUndoGroup *undoGroup() const { return m_undoGroup; }
    QString currentQuarter() const;
    // Shows one case of a folder workspace by its case file's path; false
    // after telling the user why not.
    bool openCase(const QString &path);
    // Shows one case of the open workspace, of either kind, by its
    // organisation's code (a team workspace's cases have no path).
    bool openCaseCode(const QString &code);
    void showPortfolio();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void chooseWorkspace();
    void chooseTeamWorkspace();
    // The Open Team Workspace dialog, filled in with `server`; `problem` is
    // shown at once (a remembered password the server refused).
    bool askTeamWorkspace(const ServerAddress &server, const QString &problem = {});
    void showTeamWorkspace(std::unique_ptr<Workspace> workspace, const QString &password, bool remember);
    // `password`: the one it was opened with, for its live updates'
    // connection (empty: the keyring's, or libpq's own means).
    void showTeam(std::unique_ptr<Workspace> workspace, const QString &password = {});
    // Live updates (mainwindowlive.cpp): listens for what colleagues commit
    // to the open team workspace, and reads again what it changed.
    void listenForChanges(const QString &password);
    // The listener found its connection closed: opened again, and everything
    // shown read again (what was sent meanwhile is lost).
    void listenAgain();
    void scheduleLiveReload();
    // A form or other dialog open, or text typed in a field and not saved.
    bool userIsEditing() const;
    void liveReload();
    // View > Show Colleagues' Changes as They Happen: off, what colleagues
    // change is shown at the next switch or quarter; on again, read at once.
    void setLiveUpdates(bool on);
    // Shows a workspace just opened, of either kind, in place of the open one.
    void showWorkspace(std::unique_ptr<Workspace> workspace, const QString &title);
    void updateTeamStatus();
    // While the server refuses the workspace (rights withdrawn), every open
    // case session is read-only saying why; writable again once it is back.
    // Whether any session changed.
    bool holdSessionsWhileWithdrawn();
    // Finds a lost connection or a role revoked at once (a statement just
    // refused), without reconnecting.
    void checkTeamConnectionNow();
    // After reconnecting: the open sessions, the portfolio and the page in
    // view read again from the server.
    void readTeamAgain();
    // A row of the portfolio or the changes view: its case file, or on a
    // team workspace its code.
    void openCaseOf(const QString &path, const QString &code);
    // `key`: the case file's path, or a team workspace's case code.
    bool showCase(const QString &key, const std::function<std::unique_ptr<CaseFile>()> &open);
    // What the case view shows of `session`: the quarter in view, the
    // national data, the decisions across the workspace.
    CaseContext caseContext(CaseSession *session) const;
    void chooseImport();
    // Into the open team workspace, which stays open (importIntoOpenWorkspace).
    bool importIntoTeam(const QString &path);
    // The status bar's notice of a successful import.
    void tellImported(const QString &path, const ImportOutcome &outcome, bool team);
    void showMethodologies();
    int applyMethodology(const Methodology &methodology);
    enum class Report { Case, RegionalPack, Review };
    void exportReport(Report report);
    void chooseNewWorkspaceFromCsv();
    void closeWorkspace();
    // False, said in a notice (sayUnread), when the workspace could not be
    // read (a team workspace's connection lost): what is shown stays.
    bool refreshPortfolio();
    // The Quarter list as the workspace now has it (a colleague's import on a
    // team workspace adds one), the quarter in view kept: the quarters added.
    QStringList refreshQuarterList();
    void sayUnread(const StoreError &error);
    void quarterChanged();
    // Saves what is typed in the focused field (a line, a text box, a table
    // cell's editor) before the window shows another quarter, case or page:
    // a field saves when it loses the focus, and a shortcut such as
    // View > Earlier Quarter takes none.
    void commitFocusedEdit(bool keepFocus = false);
    void showQuarterMethodology();
    void refreshCase();
    void updateRecentMenu();
    void rememberRecent(const QString &directory);
    void updateActions();
    void stepQuarter(int step);
    // Edit > Undo or Redo: through the active case's session, which leaves
    // its undo stack as it was when the write is refused (CaseSession::undo).
    void undoCase(bool undoing);
    void showError(const QString &title, const QString &message);

    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<TeamConnection> m_team;
    QLabel *m_teamLabel = nullptr;  // the status bar's server, user and connection state
    QTimer *m_teamCheck = nullptr;
    // Live updates: colleagues' changes gathered for one reading.
    QTimer *m_liveReload = nullptr;
    QSet<QString> m_changedCases;
    bool m_nationalChanged = false;
    bool m_readAll = false;  // everything shown, once (updates missed, or turned back on)
    qint64 m_listenRetryAt = 0;  // the live updates' connection: not opened again before (ms since the epoch)
    static constexpr int kLiveDebounceMs = 300;
    static const char kLiveUpdatesKey[];  // QSettings: View > Show Colleagues' Changes as They Happen
    std::unique_ptr<NationalCache> m_national;
    QHash<QString, int> m_decided;  // final segments set by decisions, for the league
    QList<PortfolioEntry> m_entries;  // the portfolio's, for the changes view
    // By case file path, or on a team workspace by code; children of this window.
    std::map<QString, CaseSession *> m_sessions;
    QUndoGroup *m_undoGroup;
    QStackedWidget *m_stack;
    WelcomePanel *m_welcome;
    PortfolioPanel *m_portfolio;
    CaseView *m_caseView;
    LeaguePanel *m_league;
    ChangesPanel *m_changes;
    ReconcilePanel *m_reconcile;
    QComboBox *m_quarter;
    int m_shownQuarter = -1;  // the toolbar's quarter whose data the window shows
    QLabel *m_methodologyLabel;
    QMenu *m_recentMenu = nullptr;
    QToolBar *m_quarterBar = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_reconnectAction = nullptr;  // File > Reconnect: a team workspace's
    QAction *m_liveAction = nullptr;  // View > Show Colleagues' Changes as They Happen
    QAction *m_exportCaseAction = nullptr;
    QAction *m_exportPackAction = nullptr;
    QAction *m_exportReviewAction = nullptr; // enabled when the open case has a diagnostic review
    QAction *m_earlierAction = nullptr;
    QAction *m_laterAction = nullptr;
    QList<QAction *> m_workspaceActions;
};

} // namespace owb
