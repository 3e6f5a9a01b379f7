#include "mainwindow.h"

#include "case/caseread.h"
#include "case/caseview.h"
#include "casework/casesession.h"
#include "casework/league.h"
#include "casework/nationalcache.h"
#include "changes/changespanel.h"
#include "data/orgcode.h"
#include "demo/demoworkspace.h"
#include "dialogs/conflictdialog.h"
#include "dialogs/interruptedwork.h"
#include "itemmodels/itemroles.h"
#include "league/leaguepanel.h"
#include "portfolio/portfoliopanel.h"
#include "reconcile/reconcilepanel.h"
#include "store/casefile.h"
#include "store/portfolio.h"
#include "store/workspace.h"
#include "store/serveraddress.h"
#include "store/workspacelock.h"
#include "team/teamconnection.h"
#include "team/teamcredentials.h"
#include "team/teamworkspacedialog.h"
#include "welcomepanel.h"
#include "widgets/statusnotice.h"
#include "widgets/undofallthrough.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoGroup>
#include <QVBoxLayout>

namespace owb {

namespace {
const QString kRecentKey = QStringLiteral("recentWorkspaces");
constexpr int kMaxRecent = 8;
constexpr int kTeamCheckMilliseconds = 10000;  // one cheap round trip
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent),
      m_undoGroup(new QUndoGroup(this)),
      m_stack(new QStackedWidget(this)),
      m_welcome(new WelcomePanel(this)),
      m_portfolio(new PortfolioPanel(this)),
      m_caseView(new CaseView(this)),
      m_league(new LeaguePanel(this)),
      m_changes(new ChangesPanel(this)),
      m_reconcile(new ReconcilePanel(this)),
      m_quarter(new QComboBox(this)),
      m_methodologyLabel(new QLabel(this))
{
    setWindowTitle(tr("Oversight Workbench"));
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_portfolio);
    m_stack->addWidget(m_caseView);
    m_stack->addWidget(m_league);
    connect(m_league, &LeaguePanel::backRequested, this, &MainWindow::showPortfolio);
    m_stack->addWidget(m_changes);
    connect(m_changes, &ChangesPanel::backRequested, this, &MainWindow::showPortfolio);
    connect(m_changes, &ChangesPanel::caseRequested, this, &MainWindow::openCaseOf);
    m_stack->addWidget(m_reconcile);
    connect(m_reconcile, &ReconcilePanel::backRequested, this, &MainWindow::showPortfolio);
    // Above every page, the reason a read-only workspace is read-only (showReadOnly).
    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(createReadOnlyBar(central));
    column->addWidget(m_stack, 1);
    setCentralWidget(central);
    // Only the page on show sets the window's minimum size: the start page can
    // then be as narrow as a small screen at 200% scaling allows, and wraps.
    const auto sizeToPage = [this](int current) {
        for (int i = 0; i < m_stack->count(); ++i) {
            const auto policy = i == current ? QSizePolicy::Preferred : QSizePolicy::Ignored;
            m_stack->widget(i)->setSizePolicy(policy, policy);
        }
    };
    connect(m_stack, &QStackedWidget::currentChanged, this, sizeToPage);
    sizeToPage(m_stack->currentIndex());
    connect(m_portfolio, &PortfolioPanel::caseActivated, this, &MainWindow::openCaseOf);
    connect(m_caseView, &CaseView::backRequested, this, &MainWindow::showPortfolio);
    installStatusNotice(this);
    statusBar()->addPermanentWidget(m_methodologyLabel);
    m_teamLabel = createElidedLabel(40, this);  // "…" where a narrow window cuts it
    m_teamLabel->setObjectName(QStringLiteral("teamConnection"));  // named by its text for screen readers
    m_teamLabel->setContentsMargins(16, 0, 0, 0);  // set apart from the methodology beside it
    m_teamLabel->hide();
    statusBar()->addPermanentWidget(m_teamLabel);
    m_teamCheck = new QTimer(this);
    m_teamCheck->setInterval(kTeamCheckMilliseconds);
    connect(m_teamCheck, &QTimer::timeout, this, &MainWindow::checkTeamConnection);
    m_liveReload = new QTimer(this);
    m_liveReload->setSingleShot(true);
    connect(m_liveReload, &QTimer::timeout, this, &MainWindow::liveReload);
    // A statement refused because the connection was lost (an edit, a
    // report): the status bar says so at once, not at the next check.
    Database::observeLostConnections([window = QPointer<MainWindow>(this)] {
        if (window)
            QMetaObject::invokeMethod(window, &MainWindow::checkTeamConnectionNow, Qt::QueuedConnection);
    });
    m_quarter->setAccessibleName(tr("Quarter"));
    m_quarter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_quarter->setMinimumContentsLength(12);
    connect(m_quarter, &QComboBox::currentIndexChanged, this, &MainWindow::quarterChanged);
    createActions();
    // Ctrl+Z in an emptied field undoes the last edit of the case.
    qApp->installEventFilter(new UndoFallThrough(this));
    connect(m_stack, &QStackedWidget::currentChanged, this, &MainWindow::updateActions);
    // A notice of something done goes when the user goes on to something else.
    connect(m_stack, &QStackedWidget::currentChanged, this, [this] { clearStatusNotice(this); });
    updateActions();

    connect(m_welcome, &WelcomePanel::openDemoRequested, this, &MainWindow::openDemoWorkspace);
    connect(m_welcome, &WelcomePanel::openWorkspaceRequested, this, &MainWindow::chooseWorkspace);
    connect(m_welcome, &WelcomePanel::createFromCsvRequested, this, &MainWindow::chooseNewWorkspaceFromCsv);
    connect(m_welcome, &WelcomePanel::recentRequested, this, &MainWindow::openPath);

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(QSize(1280, 800).boundedTo(screen()->availableGeometry().size())); // 200% scaling halves it
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_quarterBar->setVisible(false); // no quarter to choose before a workspace is open
}

MainWindow::~MainWindow()
{
    Database::observeLostConnections({});
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setToolTipsVisible(true);  // a disabled action's tip says why it is off
    QAction *open = file->addAction(tr("&Open Workspace..."), this, &MainWindow::chooseWorkspace);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open &Team Workspace..."), this, &MainWindow::chooseTeamWorkspace);
    // At once, asking for the password if the server refuses the keyring's.
    m_reconnectAction = file->addAction(tr("Rec&onnect"), this, [this] { reconnectTeam(true); });
    m_reconnectAction->setEnabled(false);
    file->addAction(tr("Open &Demo Workspace"), this, &MainWindow::openDemoWorkspace);
    file->addAction(tr("&New Workspace from Metric File..."), this, &MainWindow::chooseNewWorkspaceFromCsv);
    m_importAction = file->addAction(tr("&Import Metric File..."), this, &MainWindow::chooseImport);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setEnabled(false);
    QAction *methodologies = file->addAction(tr("&Methodologies..."), this, &MainWindow::showMethodologies);
    m_workspaceActions.append(methodologies);
    file->addSeparator();
    m_exportCaseAction = file->addAction(tr("E&xport Case Report..."), this, [this] { exportReport(Report::Case); });
    m_exportReviewAction
        = file->addAction(tr("Export Re&view Report..."), this, [this] { exportReport(Report::Review); });
    m_exportPackAction
        = file->addAction(tr("Export Regional &Pack..."), this, [this] { exportReport(Report::RegionalPack); });
    file->addSeparator();
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    QAction *close = file->addAction(tr("&Close Workspace"), this, &MainWindow::closeWorkspace);
    close->setShortcut(QKeySequence::Close);
    m_closeAction = close;
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    // Named and enabled as the active case's undo stack says (as
    // QUndoGroup's own actions are: "Undo Add note"), and run through its
    // session: a refused undo or redo leaves the stack as it was.
    const auto stepAction = [this](const QString &prefix, bool undoing) {
        auto *action = new QAction(prefix, this);
        action->setEnabled(false);
        connect(m_undoGroup, undoing ? &QUndoGroup::canUndoChanged : &QUndoGroup::canRedoChanged, action,
                &QAction::setEnabled);
        connect(m_undoGroup, undoing ? &QUndoGroup::undoTextChanged : &QUndoGroup::redoTextChanged, action,
                [action, prefix](const QString &text) {
                    action->setText(text.isEmpty() ? prefix : prefix + QLatin1Char(' ') + text);
                });
        connect(action, &QAction::triggered, this, [this, undoing] { undoCase(undoing); });
        return action;
    };
    QAction *undo = stepAction(tr("&Undo"), true);
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = stepAction(tr("&Redo"), false);
    // Ctrl+Shift+Z, and Ctrl+Y as on Windows, whatever the desktop's key theme says.
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    // A notice about what was just undone or redone ("the earlier decision
    // was replaced") is no longer true afterwards.
    for (QAction *action : {undo, redo})
        connect(action, &QAction::triggered, this, [this] { clearStatusNotice(this); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *back = view->addAction(tr("&Portfolio"), this, &MainWindow::showPortfolio);
    back->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Left), QKeySequence(Qt::CTRL | Qt::Key_1)});
    QAction *league = view->addAction(tr("&League Table"), this, &MainWindow::showLeague);
    league->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    QAction *changes = view->addAction(tr("&Changes This Quarter"), this, &MainWindow::showChanges);
    changes->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    QAction *reconcile = view->addAction(tr("&Reconciliation with the Published League Table"), this,
                                         &MainWindow::showReconcile);
    reconcile->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    view->addSeparator();
    // The toolbar's quarter, from the keyboard and from a menu (a screen
    // reader reaches menu items more easily than a combo box's list).
    QAction *earlier = view->addAction(tr("&Earlier Quarter"), this, [this] { stepQuarter(-1); });
    earlier->setShortcut(QKeySequence(Qt::ALT | Qt::Key_PageUp));
    QAction *later = view->addAction(tr("La&ter Quarter"), this, [this] { stepQuarter(1); });
    later->setShortcut(QKeySequence(Qt::ALT | Qt::Key_PageDown));
    m_earlierAction = earlier;
    m_laterAction = later;
    view->addSeparator();
    // A team workspace's live updates (mainwindowlive.cpp), remembered.
    m_liveAction = view->addAction(tr("&Show Colleagues' Changes as They Happen"));
    m_liveAction->setCheckable(true);
    m_liveAction->setChecked(QSettings().value(QLatin1String(kLiveUpdatesKey), true).toBool());
    connect(m_liveAction, &QAction::toggled, this, &MainWindow::setLiveUpdates);
    // Without a workspace these have nothing to show or write.
    m_workspaceActions += {back, league, changes, reconcile, m_exportPackAction};

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Oversight Workbench"), this, [this] {
        QMessageBox::about(this, tr("About Oversight Workbench"),
                           tr("<p><b>Oversight Workbench</b></p><p>Segmentation, peer benchmarking and casework "
                              "for the NHS Oversight Framework. Every rule comes from the methodology file in "
                              "force, shown in the status bar.</p>"));
    });

    m_quarterBar = addToolBar(tr("Quarter"));
    m_quarterBar->setObjectName(QStringLiteral("quarterToolBar"));
    m_quarterBar->setMovable(false);
    m_quarterBar->toggleViewAction()->setVisible(false);
    auto *label = new QLabel(tr("&Quarter:"), m_quarterBar);
    label->setBuddy(m_quarter);
    m_quarterBar->addWidget(label);
    m_quarterBar->addWidget(m_quarter);
}

void MainWindow::undoCase(bool undoing)
{
    // Its refusal is said through the session's storeFailed, as every undo's.
    for (auto &[key, session] : m_sessions)
        if (session->undoStack() == m_undoGroup->activeStack()) {
            if (undoing)
                session->undo();
            else
                session->redo();
            return;
        }
}

void MainWindow::stepQuarter(int step)
{
    const int index = m_quarter->currentIndex() + step;
    if (index >= 0 && index < m_quarter->count())
        m_quarter->setCurrentIndex(index);
}

void MainWindow::updateActions()
{
    for (QAction *action : std::as_const(m_workspaceActions))
        action->setEnabled(m_workspace != nullptr);
    m_closeAction->setEnabled(m_workspace || m_team);
    m_reconnectAction->setEnabled(m_team != nullptr);
    m_liveAction->setEnabled(m_team != nullptr);
    // A team workspace's reader or editor is told why File > Import is off
    // (the server would refuse the import after the file was read).
    const QString importWhy = !m_workspace ? QString()
                              : !m_workspace->readOnlyWhy().isEmpty() ? m_workspace->readOnlyWhy()
                                                                       : m_workspace->importRefusedOnOpen();
    m_importAction->setEnabled(m_workspace && !m_workspace->isReadOnly() && importWhy.isEmpty());
    m_importAction->setToolTip(importWhy);
    m_importAction->setStatusTip(importWhy);
    // Only where there is a quarter to go to.
    m_earlierAction->setEnabled(m_workspace && m_quarter->currentIndex() > 0);
    m_laterAction->setEnabled(m_workspace && m_quarter->currentIndex() >= 0
                              && m_quarter->currentIndex() < m_quarter->count() - 1);
    CaseSession *session = m_workspace && m_stack->currentWidget() == m_caseView ? m_caseView->context().session : nullptr;
    m_exportCaseAction->setEnabled(session);
    bool hasReview = false;
    try {
        hasReview = session && !session->casework().records(reviewTable()).isEmpty();
    } catch (const StoreError &) {
        // Unread (a team workspace's connection lost, or its role revoked):
        // offered when it can be read again; the reads that failed said why.
    }
    m_exportReviewAction->setEnabled(hasReview);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    QMessageBox::critical(this, title, message);
}

QStringList MainWindow::refreshQuarterList()
{
    QStringList shown;
    for (int i = 0; i < m_quarter->count(); ++i)
        shown.append(m_quarter->itemText(i));
    const QStringList quarters = m_workspace->peers().quarters();
    if (quarters == shown)
        return {};
    const QString current = m_quarter->currentText();
    {
        const QSignalBlocker blocker(m_quarter);
        m_quarter->clear();
        m_quarter->addItems(quarters);
        const int kept = m_quarter->findText(current);
        m_quarter->setCurrentIndex(kept >= 0 ? kept : m_quarter->count() - 1);
        m_shownQuarter = m_quarter->currentIndex();
    }
    if (m_quarter->currentText() != current)
        showQuarterMethodology();
    QStringList added;
    for (const QString &quarter : quarters)
        if (!shown.contains(quarter))
            added.append(quarter);
    return added;
}

QString MainWindow::currentQuarter() const
{
    return m_quarter->currentText();
}

bool MainWindow::openPath(const QString &path)
{
    if (isServerUrl(path))
        return openTeamUrl(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        showError(tr("Cannot open workspace"), tr("%1 does not exist.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    // Cleaned, so that "G/" is remembered, shown and named as "G".
    const QString directory = QDir::cleanPath(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
    std::unique_ptr<Workspace> workspace;
    // Read-only media, or files this user may read but not write: shown, never changed.
    const QString readOnlyReason = Workspace::readOnlyReason(directory);
    try {
        try {
            // Opening completes an import that was interrupted.
            workspace = Workspace::open(directory, readOnlyReason.isEmpty() ? Database::Mode::OpenExisting
                                                                            : Database::Mode::ReadOnly);
        } catch (const WorkspaceInUse &inUse) {
            // Another instance writes here: offer to read along without writing.
            QMessageBox ask(QMessageBox::Question, tr("Workspace in use"),
                            tr("%1 is in use by %2.").arg(QDir::toNativeSeparators(directory), inUse.holder()),
                            QMessageBox::Cancel, this);
            ask.setInformativeText(tr("Only one instance can change a workspace at a time. You can open it read-only: "
                                      "you will see its case files but cannot change them."));
            QPushButton *readOnly = ask.addButton(tr("Open &Read-Only"), QMessageBox::AcceptRole);
            ask.setDefaultButton(readOnly);
            ask.exec();
            if (ask.clickedButton() != readOnly)
                return false;
            workspace = Workspace::open(directory, Database::Mode::ReadOnly);
        }
    } catch (const StoreError &error) {
        showError(tr("Cannot open workspace"), error.message());
        return false;
    }
    const bool readOnly = workspace->isReadOnly();
    showWorkspace(std::move(workspace), readOnly ? tr("%1 [read-only]").arg(QDir::toNativeSeparators(directory))
                                                 : QDir::toNativeSeparators(directory));
    rememberRecent(directory);
    tellInterruptedWork(this, *m_workspace);
    // Said as a team workspace's reader is told (showTeam): above every page.
    // In the words a held edit says on the case pages (showCase).
    if (!readOnlyReason.isEmpty())
        showReadOnly(this, tr("This workspace is read-only: %1, so nothing can be changed here.").arg(readOnlyReason));
    else if (m_workspace->isReadOnly())
        showReadOnly(this, tr("This workspace is read-only: %1 has it open, so nothing can be changed here.")
                               .arg(WorkspaceLock::holder(directory)));
    if (const QString warning = WorkspaceLock::networkFileSystemWarning(directory); !warning.isEmpty())
        QMessageBox::warning(this, tr("Workspace on a network drive"), warning);
    if (!info.isDir())
        return openCase(info.absoluteFilePath());
    return true;
}

void MainWindow::showWorkspace(std::unique_ptr<Workspace> workspace, const QString &title)
{
    closeWorkspace();
    m_workspace = std::move(workspace);
    m_national = std::make_unique<NationalCache>(m_workspace->peers(), m_workspace->methodology());
    setWindowTitle(tr("Oversight Workbench - %1").arg(title));
    refreshQuarterList(); // from the empty list closeWorkspace left: the latest quarter in view
    m_shownQuarter = m_quarter->currentIndex();
    showQuarterMethodology();
    m_portfolio->setTeamWorkspace(m_workspace->isTeam());
    refreshPortfolio();
    m_stack->setCurrentWidget(m_portfolio);
    updateActions();
    m_quarterBar->setVisible(true);
    m_portfolio->view()->setFocus();
}

bool MainWindow::openDemoWorkspace()
{
    const QString directory = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                                  .filePath(QStringLiteral("demo-workspace"));
    if (!Workspace::isWorkspace(directory)) {
        try {
            QApplication::setOverrideCursor(Qt::WaitCursor);
            createDemoWorkspace(directory);
            QApplication::restoreOverrideCursor();
        } catch (const StoreError &error) {
            QApplication::restoreOverrideCursor();
            showError(tr("Cannot create the demo workspace"), error.message());
            return false;
        }
    }
    return openPath(directory);
}

void MainWindow::chooseWorkspace()
{
    const QString directory = QFileDialog::getExistingDirectory(this, tr("Open Workspace"));
    if (!directory.isEmpty())
        openPath(directory);
}

void MainWindow::chooseTeamWorkspace()
{
    // Filled in with the team workspace last opened, if any.
    askTeamWorkspace(lastTeamWorkspace(QSettings().value(kRecentKey).toStringList()));
}

void MainWindow::closeWorkspace()
{
    clearStatusNotice(this, true);
    m_caseView->setContext({});
    for (auto &[path, session] : m_sessions) {
        m_undoGroup->removeStack(session->undoStack());
        delete session;
    }
    m_sessions.clear();
    m_national.reset();
    m_team.reset();
    m_workspace.reset();
    m_teamCheck->stop();
    m_liveReload->stop();
    m_changedCases.clear();
    m_nationalChanged = m_readAll = false;
    updateTeamStatus();
    m_portfolio->setEntries({}, {});
    m_entries.clear();
    m_decided.clear();
    m_reconcile->setSource(nullptr, {});
    m_quarter->clear();
    m_quarterBar->setVisible(false);
    m_methodologyLabel->clear();
    setWindowTitle(tr("Oversight Workbench"));
    m_stack->setCurrentWidget(m_welcome);
    updateActions();
}

bool MainWindow::refreshPortfolio()
{
    if (!m_workspace)
        return false;
    QStringList problems;
    QList<PortfolioEntry> entries;
    try {
        entries = loadPortfolio(*m_workspace, currentQuarter(), &problems);
        rankPortfolio(entries, *m_national, currentQuarter());
    } catch (const StoreError &error) {
        sayUnread(error);
        return false;
    }
    m_decided = decidedSegments(entries);
    m_entries = entries;
    QHash<QString, QString> names;
    const Methodology &methodology = m_national->methodologyFor(currentQuarter());  // the quarter's own year's
    for (const PeerType &type : methodology.peerTypes())
        names.insert(type.id, type.name);
    QHash<QString, QString> ratings;
    for (const NamedItem &rating : methodology.capabilityRatings())
        ratings.insert(rating.id, rating.name);
    m_portfolio->setEntries(entries, names, ratings);
    if (!problems.isEmpty())
        showStatusNotice(this,
            tr("%n case file(s) could not be read: %1", nullptr, int(problems.size())).arg(problems.first()), true);
    return true;
}

void MainWindow::sayUnread(const StoreError &error)
{
    // A team workspace's connection lost: what is on screen stays as it was
    // read, and the notice says why and how to get back.
    sayNotReadAgain(this, error);
}

void MainWindow::commitFocusedEdit(bool keepFocus)
{
    QWidget *focused = QApplication::focusWidget();
    if (!focused || !isAncestorOf(focused) || focused == m_quarter)
        return;
    // Losing the focus is what saves a field and ends a cell's editing
    // (its delegate commits on FocusOut); for another quarter of the same
    // case, the focus then goes back to that field if it is still there.
    const QPointer<QWidget> field = focused;
    focused->clearFocus();
    if (!keepFocus)
        return;
    QTimer::singleShot(0, this, [field] {
        if (field && field->isVisible() && field->isEnabled())
            field->setFocus(Qt::OtherFocusReason);
    });
}

void MainWindow::quarterChanged()
{
    commitFocusedEdit(true);
    clearStatusNotice(this);
    updateActions();
    showQuarterMethodology();
    if (!refreshPortfolio()) {
        // Not read (a team workspace's connection lost): the toolbar goes
        // back to the quarter whose data is on screen.
        {
            const QSignalBlocker blocker(m_quarter);
            m_quarter->setCurrentIndex(m_shownQuarter);
        }
        showQuarterMethodology();
        updateActions();
        return;
    }
    m_shownQuarter = m_quarter->currentIndex();
    if (m_stack->currentWidget() == m_caseView)
        refreshCase();
    if (m_stack->currentWidget() == m_league)
        showLeague();
    if (m_stack->currentWidget() == m_changes)
        showChanges();
    if (m_stack->currentWidget() == m_reconcile)
        showReconcile();
}

void MainWindow::showQuarterMethodology()
{
    // The quarter's own year's methodology, not the latest one.
    if (!m_national || currentQuarter().isEmpty())
        return;
    const Methodology &methodology = m_national->methodologyFor(currentQuarter());
    m_methodologyLabel->setText(tr("Methodology: %1").arg(methodology.id()));
    m_methodologyLabel->setToolTip(methodology.title());
    m_methodologyLabel->setMinimumWidth(m_methodologyLabel->sizeHint().width());
}

void MainWindow::showLeague()
{
    // Decisions made in a case since: the same final segments and ranks everywhere.
    if (!m_workspace || !refreshPortfolio())
        return;
    try {
        m_league->setSource(m_national.get(), &m_national->methodologyFor(currentQuarter()), currentQuarter(),
                            m_decided, m_entries);
    } catch (const StoreError &error) {
        sayUnread(error);
        return;
    }
    m_undoGroup->setActiveStack(nullptr);
    m_stack->setCurrentWidget(m_league);
    m_league->view()->setFocus();
}

void MainWindow::showChanges()
{
    if (!m_workspace || !refreshPortfolio())
        return;
    m_undoGroup->setActiveStack(nullptr);
    QHash<QString, QString> names;
    for (const PeerType &type : m_workspace->methodology().peerTypes())
        names.insert(type.id, type.name);
    m_changes->setEntries(m_entries, names);
    m_stack->setCurrentWidget(m_changes);
    m_changes->view()->setFocus();
}

void MainWindow::showReconcile()
{
    if (!m_workspace || !refreshPortfolio())
        return;
    try {
        m_reconcile->setSource(m_national.get(), currentQuarter(), m_decided);
    } catch (const StoreError &error) {
        sayUnread(error);
        return;
    }
    m_undoGroup->setActiveStack(nullptr);
    m_stack->setCurrentWidget(m_reconcile);
}

void MainWindow::openCaseOf(const QString &path, const QString &code)
{
    if (m_workspace && m_workspace->isTeam())
        openCaseCode(code);
    else
        openCase(path);
}

bool MainWindow::openCase(const QString &path)
{
    if (!m_workspace)
        return false;
    if (m_workspace->isTeam())  // a server's cases have no path: openCaseCode
        return false;
    const Database::Mode mode = m_workspace->isReadOnly() ? Database::Mode::ReadOnly : Database::Mode::OpenExisting;
    return showCase(path, [&] { return std::make_unique<CaseFile>(path, mode); });
}

bool MainWindow::openCaseCode(const QString &code)
{
    if (!m_workspace)
        return false;
    if (!m_workspace->isTeam())
        return openCase(m_workspace->caseFilePath(code));
    const Database::Mode mode = m_workspace->isReadOnly() ? Database::Mode::ReadOnly : Database::Mode::OpenExisting;
    return showCase(code, [&] { return m_workspace->openCase(code, mode); });
}

bool MainWindow::showCase(const QString &key, const std::function<std::unique_ptr<CaseFile>()> &open)
{
    commitFocusedEdit();
    auto it = m_sessions.find(key);
    if (it == m_sessions.end()) {
        try {
            auto *session = new CaseSession(open(), m_workspace->methodology(), this, m_workspace->isReadOnly());
            if (const QString why = m_workspace->readOnlyWhy(); !why.isEmpty())
                session->setReadOnly(why);  // a team workspace's reader: every edit refused, saying why
            else if (m_workspace->isReadOnly() && !m_workspace->isTeam()) {
                // A folder this user may not change says why on the edits it no longer offers.
                if (const QString folder = Workspace::readOnlyReason(m_workspace->directory()); !folder.isEmpty())
                    session->setReadOnly(tr("This workspace is read-only: %1, so nothing can be changed here.").arg(folder));
            }
            it = m_sessions.emplace(key, session).first;
            holdSessionsWhileWithdrawn();  // a case opened while the rights are withdrawn
            session->casework().setYearsWithoutProgramme(m_workspace->methodologies().yearsWithoutProgramme());
            // An undo or redo that failed (a conflict in the conflict dialog),
            // shown once the undo stack has finished with the step.
            connect(session, &CaseSession::storeFailed, this, [this, session](const QString &message) {
                reportStoreProblem(this, session, tr("A change could not be saved"), message);
            }, Qt::QueuedConnection);
            // Opening (or undoing) a review enables or disables its report.
            connect(session, &CaseSession::caseworkChanged, this, &MainWindow::updateActions);
            m_undoGroup->addStack(session->undoStack());
        } catch (const StoreError &error) {
            showError(tr("Cannot open case file"), error.message());
            return false;
        }
    }
    m_undoGroup->setActiveStack(it->second->undoStack());
    // One new context, so the page in view is filled once.
    m_caseView->setContext(caseContext(it->second));
    m_stack->setCurrentWidget(m_caseView);
    updateActions();
    return true;
}

CaseContext MainWindow::caseContext(CaseSession *session) const
{
    const PeerType *type = m_workspace->methodology().peerType(session->identity().peerType);
    QStringList quarters; // the workspace's, as read when it was opened
    for (int i = 0; i < m_quarter->count(); ++i)
        quarters.append(m_quarter->itemText(i));
    return {session, m_national.get(), quarters, currentQuarter(),
            type ? type->name : session->identity().peerType, m_decided};
}

void MainWindow::refreshCase()
{
    const CaseContext context = m_caseView->context();
    if (!context.session || !m_workspace)
        return;
    m_caseView->setContext(caseContext(context.session));
}

void MainWindow::showPortfolio()
{
    if (!m_workspace)
        return;
    commitFocusedEdit();
    m_undoGroup->setActiveStack(nullptr);
    refreshPortfolio();
    m_stack->setCurrentWidget(m_portfolio);
    m_portfolio->view()->setFocus();
}

void MainWindow::rememberRecent(const QString &directory)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(directory);
    recent.prepend(directory);
    settings.setValue(kRecentKey, recent.mid(0, kMaxRecent));
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString &directory : recent)
        m_recentMenu->addAction(isServerUrl(directory) ? directory : QDir::toNativeSeparators(directory), this,
                                [this, directory] { openPath(directory); });
    m_recentMenu->setEnabled(!recent.isEmpty());
    m_welcome->setRecentWorkspaces(recent);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace owb
