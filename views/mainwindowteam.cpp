// The window's team workspace: opening one (File > Open Team Workspace...
// and the recent list, with the keyring's password), the status bar's
// connection state (the read-only bar too while the server refuses the
// account the workspace), and reconnecting in place once the connection is
// lost (by itself at the next check, or File > Reconnect). The rest of the window
// is mainwindow.cpp.
#include "mainwindow.h"

#include "case/caseview.h"
#include "casework/casesession.h"
#include "casework/nationalcache.h"
#include "changes/changespanel.h"
#include "league/leaguepanel.h"
#include "reconcile/reconcilepanel.h"
#include "store/changelistener.h"
#include "store/serveraddress.h"
#include "store/storeerror.h"
#include "store/workspace.h"
#include "team/teamconnection.h"
#include "team/teamcredentials.h"
#include "team/teamworkspacedialog.h"
#include "widgets/statusnotice.h"

#include <QInputDialog>
#include <QLabel>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

namespace owb {

bool MainWindow::openTeamUrl(const QString &url)
{
    ServerAddress server;
    try {
        server = parseServerUrl(url);
    } catch (const StoreError &error) {
        showError(tr("Cannot open team workspace"), error.message());
        return false;
    }
    QString password;
    if (!TeamCredentials::read(server, &password))
        return askTeamWorkspace(server);
    try {
        showTeamWorkspace(openTeamWorkspace(server, password), password, true);
        return true;
    } catch (const StoreError &error) {
        // The remembered password may be out of date: asked again, in the dialog.
        return askTeamWorkspace(server, error.message());
    }
}

bool MainWindow::askTeamWorkspace(const ServerAddress &server, const QString &problem)
{
    QString password;
    bool remember = true;
    std::unique_ptr<Workspace> opened = askAndOpenTeamWorkspace(this, server, problem, &password, &remember);
    if (!opened)
        return false;
    showTeamWorkspace(std::move(opened), password, remember);
    return true;
}

void MainWindow::showTeamWorkspace(std::unique_ptr<Workspace> workspace, const QString &password, bool remember)
{
    const ServerAddress server = workspace->server();
    showTeam(std::move(workspace), password);
    rememberRecent(server.url());
    QString problem;
    if (!remember) {
        TeamCredentials::forget(server, &problem);
    } else if (!password.isEmpty() && !TeamCredentials::store(server, password, &problem)) {
        // Never kept anywhere else: asked again next time.
        showStatusNotice(this,
                         tr("Connected to %1. The password could not be remembered: %2. You will be asked for it "
                            "next time.")
                             .arg(server.displayName(), problem),
                         true);
        return;
    }
    showStatusNotice(this, tr("Connected to %1.").arg(server.displayName()));
}

void MainWindow::showOpenedWorkspace(std::unique_ptr<Workspace> workspace)
{
    if (workspace->isTeam()) {
        showTeam(std::move(workspace));
        return;
    }
    const QString title = QDir::toNativeSeparators(workspace->directory());
    showWorkspace(std::move(workspace), title);
}

void MainWindow::showTeam(std::unique_ptr<Workspace> workspace, const QString &password)
{
    // A reader (no editor's rights on the server) sees it as a read-only
    // folder is seen: the title and the bar above every page say so, the
    // bar why (updateTeamStatus), whatever the status bar says meanwhile.
    const QString title = workspace->server().displayName();
    showWorkspace(std::move(workspace), title);
    m_team = std::make_unique<TeamConnection>(*m_workspace);
    updateTeamStatus();
    updateActions();
    m_teamCheck->start();
    listenForChanges(password);
}

void MainWindow::checkTeamConnection()
{
    if (!m_team)
        return;
    // Found lost at one check, reconnected at the next, without asking:
    // with the keyring's password, or libpq's own means. Refused the
    // workspace (a role revoked), tried again quietly once the rights may be
    // back: the read-only bar says why meanwhile.
    switch (m_team->state()) {
    case TeamConnection::State::Reconnecting:
        reconnectTeam(false);
        break;
    case TeamConnection::State::Withdrawn:
        if (m_team->worthReconnecting())
            reconnectTeam(false);
        break;
    case TeamConnection::State::Connected:
        m_team->check();
        break;
    case TeamConnection::State::Stopped:
        break;
    }
    updateTeamStatus();
}

void MainWindow::checkTeamConnectionNow()
{
    // Only finds the loss or the refusal (a statement just refused):
    // reconnecting waits for the next check, so that what was refused is
    // said before the workbench tries again.
    if (m_team && m_team->isConnected()) {
        m_team->check();
        updateTeamStatus();
    }
}

bool MainWindow::reconnectTeam(bool askPassword)
{
    if (!m_team)
        return false;
    const ServerAddress server = m_team->server();
    QString password;
    const bool remembered = TeamCredentials::read(server, &password);  // none: libpq's own means
    QString problem = m_team->reconnect(password);
    const QString account = server.user.isEmpty() ? tr("your account") : server.user;
    bool typed = false;
    while (!problem.isEmpty() && askPassword && m_team->passwordRefused()) {
        bool ok = false;
        // The first time the server wants a password (the keyring's, or none, refused); then the one typed.
        const QString ask = typed ? tr("The server did not accept the password for %1. Password:").arg(account)
                                  : tr("To reconnect to %1, the server asks for the password for %2. Password:")
                                        .arg(server.displayName(), account);
        password = QInputDialog::getText(this, tr("Reconnect to Team Workspace"), ask, QLineEdit::Password, QString(),
                                         &ok);
        typed = true;
        if (!ok)
            break;
        problem = m_team->reconnect(password);
        // A remembered password that is out of date: the keyring's replaced.
        if (problem.isEmpty() && remembered)
            TeamCredentials::store(server, password);
    }
    // The live updates' connection too, closed or not (a dropped network
    // leaves it looking open); readTeamAgain below covers what it missed.
    if (problem.isEmpty() && m_workspace->changeListener())
        m_workspace->changeListener()->reopen(password);
    password.clear();
    if (problem.isEmpty())
        // What was said of the loss or the refusal is over (tester, issue
        // 14: a refusal stayed in the status bar after a reconnect).
        clearStatusNotice(this, true);
    updateTeamStatus();
    if (!problem.isEmpty()) {
        // A refused role is said whole in the read-only bar (updateTeamStatus);
        // the menu's reconnect says any refusal in a box as well.
        if (askPassword && !m_team->passwordRefused())
            showError(tr("Cannot reconnect"), problem);
        return false;
    }
    showStatusNotice(this, tr("Reconnected to the team workspace."));
    readTeamAgain();
    return true;
}

void MainWindow::readTeamAgain()
{
    // Colleagues may have changed anything meanwhile: what is on screen is
    // read again. A read the server refuses (a right revoked since) is said,
    // never thrown out of the slot or timer that reconnected.
    try {
        for (auto &[key, session] : m_sessions)
            session->readAgain();
        m_national->clear();
        refreshQuarterList(); // what colleagues imported meanwhile
        refreshPortfolio();
        if (m_stack->currentWidget() == m_caseView) {
            refreshCase();
            // The lists that keep what they showed (notes, casework sections) too.
            if (CaseSession *shown = m_caseView->context().session)
                shown->changedElsewhere();
        } else if (m_stack->currentWidget() == m_league)
            showLeague();
        else if (m_stack->currentWidget() == m_changes)
            showChanges();
        else if (m_stack->currentWidget() == m_reconcile)
            showReconcile();
    } catch (const StoreError &error) {
        sayUnread(error);
    }
    updateActions();
}

void MainWindow::updateTeamStatus()
{
    m_teamLabel->setVisible(m_team != nullptr);
    if (!m_team) {
        m_teamLabel->clear();
        return;
    }
    m_teamLabel->setText(m_team->statusText());
    m_teamLabel->setToolTip(m_team->statusText());  // whole, where a narrow window cuts the label short
    // Read-only while the server refuses the workspace (a role revoked),
    // said whole in the bar above the pages; a reader's reason otherwise.
    const QString withdrawn = m_team->withdrawnWhy();
    const QString why = withdrawn.isEmpty() ? m_workspace->readOnlyWhy() : withdrawn;
    // The open cases stop offering edits while withdrawn, and offer them
    // again once a reconnect finds the rights back (tester, issue 14).
    if (holdSessionsWhileWithdrawn()) {
        m_caseView->readOnlyChanged();
        updateActions();
        // A held control's status tip (the refusal), shown while the pointer
        // rested on it, would stay after the release until the pointer moves.
        if (withdrawn.isEmpty())
            statusBar()->clearMessage();
    }
    const QString title = m_workspace->server().displayName();
    setWindowTitle(tr("Oversight Workbench - %1").arg(why.isEmpty() ? title : tr("%1 [read-only]").arg(title)));
    showReadOnly(this, why);
}

bool MainWindow::holdSessionsWhileWithdrawn()
{
    const QString withdrawn = m_team ? m_team->withdrawnWhy() : QString();
    bool changed = false;
    for (auto &[key, session] : m_sessions) {
        if (!withdrawn.isEmpty()) {
            // A reader's or a read-only folder's session keeps its own reason.
            if (session->isReadOnly() && !session->isHeldForNow())
                continue;
            changed = changed || session->readOnlyWhy() != withdrawn;
            session->holdForNow(withdrawn);
        } else {
            changed = session->liftHold() || changed;
        }
    }
    return changed;
}

} // namespace owb
