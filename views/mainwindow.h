#pragma once
// The workbench window: wires the panels to the open workspace. It holds no
// storage or computation of its own (style.md practice 10).

#include "store/portfolio.h"

#include <QHash>
#include <QMainWindow>
#include <map>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QStackedWidget;
class QToolBar;
class QUndoGroup;

namespace owb {

class CaseSession;
class CaseView;
class ChangesPanel;
class ReconcilePanel;
class LeaguePanel;
class Methodology;
class NationalCache;
class PortfolioPanel;
class WelcomePanel;
class Workspace;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a workspace folder, or the workspace of a case file and that case.
    bool openPath(const QString &path);
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
    // Shows one case (a path from the portfolio); false after telling the user why not.
    bool openCase(const QString &path);
    void showPortfolio();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void chooseWorkspace();
    void chooseImport();
    void showMethodologies();
    int applyMethodology(const Methodology &methodology);
    enum class Report { Case, RegionalPack, Review };
    void exportReport(Report report);
    void chooseNewWorkspaceFromCsv();
    void closeWorkspace();
    void refreshPortfolio();
    void quarterChanged();
    void showQuarterMethodology();
    void refreshCase();
    void updateRecentMenu();
    void rememberRecent(const QString &directory);
    void updateActions();
    void stepQuarter(int step);
    void showError(const QString &title, const QString &message);

    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<NationalCache> m_national;
    QHash<QString, int> m_decided;  // final segments set by decisions, for the league
    QList<PortfolioEntry> m_entries;  // the portfolio's, for the changes view
    std::map<QString, CaseSession *> m_sessions;  // by case file path; children of this window
    QUndoGroup *m_undoGroup;
    QStackedWidget *m_stack;
    WelcomePanel *m_welcome;
    PortfolioPanel *m_portfolio;
    CaseView *m_caseView;
    LeaguePanel *m_league;
    ChangesPanel *m_changes;
    ReconcilePanel *m_reconcile;
    QComboBox *m_quarter;
    QLabel *m_methodologyLabel;
    QMenu *m_recentMenu = nullptr;
    QToolBar *m_quarterBar = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportCaseAction = nullptr;
    QAction *m_exportPackAction = nullptr;
    QAction *m_exportReviewAction = nullptr; // enabled when the open case has a diagnostic review
    QAction *m_earlierAction = nullptr;
    QAction *m_laterAction = nullptr;
    QList<QAction *> m_workspaceActions;
};

} // namespace owb
