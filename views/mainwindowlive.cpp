// The window's live updates on a team workspace: what colleagues commit is
// shown without anyone asking (store/changelistener.h). A burst of changes
// is read once (kLiveDebounceMs after the first); the case on screen is read
// again as a switch back to it reads it (refreshCase), but never under what
// the user is doing: while a form or any other dialog is open, or a field of
// the window holds text typed and not yet saved, the reading waits until
// that ends, so nothing typed is lost and no form is left over rows that
// changed under it. The rest of the window is mainwindow.cpp.
#include "case/caseview.h"
#include "casework/casesession.h"
#include "casework/nationalcache.h"
#include "changes/changespanel.h"
#include "league/leaguepanel.h"
#include "mainwindow.h"
#include "reconcile/reconcilepanel.h"
#include "store/changelistener.h"
#include "store/storeerror.h"
#include "store/workspace.h"
#include "team/teamconnection.h"
#include "team/teamcredentials.h"
#include "widgets/statusnotice.h"

#include <QApplication>
#include <QDateTime>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStackedWidget>
#include <QTextEdit>
#include <QTimer>

namespace owb {

namespace {
// After a failed try, the live updates' connection is opened again no
// sooner than this (the server asked for a password the keyring does not
// hold: reconnecting the workspace gives it).
constexpr qint64 kListenRetryMs = 10000;
} // namespace

const char MainWindow::kLiveUpdatesKey[] = "team/liveUpdates";

void MainWindow::listenForChanges(const QString &given)
{
    if (!m_workspace || !m_workspace->isTeam())
        return;
    QString password = given;
    if (password.isEmpty())
        TeamCredentials::read(m_workspace->server(), &password); // none: libpq's own means
    ChangeListener *listener = m_workspace->listenForChanges(password);
    password.clear();
    if (!listener)
        return;
    connect(listener, &ChangeListener::caseChanged, this, [this](const QString &org) {
        m_changedCases.insert(org);
        scheduleLiveReload();
    });
    connect(listener, &ChangeListener::nationalChanged, this, [this] {
        m_nationalChanged = true;
        scheduleLiveReload();
    });
    connect(listener, &ChangeListener::disconnected, this, &MainWindow::listenAgain);
}

void MainWindow::listenAgain()
{
    // Only while the workspace's own connections answer: when they do not,
    // reconnecting the workspace (reconnectTeam) opens this one too.
    if (!m_team || !m_team->isConnected() || !m_workspace || !m_workspace->changeListener())
        return;
    if (!m_team->check()) {
        updateTeamStatus();
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now < m_listenRetryAt)
        return;
    QString password;
    TeamCredentials::read(m_workspace->server(), &password);
    const bool listening = m_workspace->changeListener()->reopen(password);
    password.clear();
    if (!listening) {
        m_listenRetryAt = now + kListenRetryMs;
        return;
    }
    m_listenRetryAt = 0;
    // What colleagues sent while it was closed is lost: all shown is read
    // again (once the user's edit ends).
    m_readAll = true;
    scheduleLiveReload();
}

void MainWindow::setLiveUpdates(bool on)
{
    QSettings().setValue(QLatin1String(kLiveUpdatesKey), on);
    m_changedCases.clear();
    m_nationalChanged = false;
    m_liveReload->stop();
    m_readAll = on; // what changed while it was off
    scheduleLiveReload();
}

void MainWindow::scheduleLiveReload()
{
    if (!m_liveAction->isChecked())
        return; // shown at the next switch, quarter or reconnect
    if (!m_liveReload->isActive())
        m_liveReload->start(kLiveDebounceMs);
}

bool MainWindow::userIsEditing() const
{
    if (QApplication::activeModalWidget())
        return true; // a record's form, a question, the conflict dialog
    // A field of the case's pages (what reading the case again refills;
    // the portfolio's filter is kept as it is).
    QWidget *focused = QApplication::focusWidget();
    if (!focused || !m_caseView->isAncestorOf(focused))
        return false;
    if (auto *line = qobject_cast<QLineEdit *>(focused))
        return !line->isReadOnly() && line->isModified();
    if (auto *text = qobject_cast<QPlainTextEdit *>(focused))
        return !text->isReadOnly() && text->document()->isModified();
    if (auto *text = qobject_cast<QTextEdit *>(focused))
        return !text->isReadOnly() && text->document()->isModified();
    return false;
}

void MainWindow::liveReload()
{
    if (!m_workspace || !m_workspace->isTeam() || !m_liveAction->isChecked()) {
        m_changedCases.clear();
        m_nationalChanged = m_readAll = false;
        return;
    }
    if (userIsEditing()) {
        // Read once the edit ends: asked again shortly.
        m_liveReload->start(kLiveDebounceMs);
        return;
    }
    const QSet<QString> changed = std::exchange(m_changedCases, {});
    const bool all = std::exchange(m_readAll, false);
    const bool national = std::exchange(m_nationalChanged, false) || all;
    CaseSession *shown = m_stack->currentWidget() == m_caseView ? m_caseView->context().session : nullptr;
    const QString shownCode = shown ? shown->identity().code : QString();
    try {
        QStringList added;
        if (national) {
            m_national->clear();
            added = refreshQuarterList(); // a colleague's import: its quarter offered
        }
        // Segments, decisions and what needs action move with any case's change.
        if (!refreshPortfolio())
            return;
        if (shown && (national || changed.contains(shownCode))) {
            refreshCase(); // reads the case again, as a switch back to it does
            shown->changedElsewhere(); // and the lists that keep what they showed
            showStatusNotice(this,
                all ? tr("Case %1 read again from the server; shown as now.").arg(shownCode)
                    : national
                    ? tr("National data changed on the server; case %1 is shown as now.").arg(shownCode)
                    : tr("Case %1 changed on the server; shown as now.").arg(shownCode));
        } else if (m_stack->currentWidget() == m_league) {
            showLeague();
        } else if (m_stack->currentWidget() == m_changes) {
            showChanges();
        } else if (national && m_stack->currentWidget() == m_reconcile) {
            showReconcile();
        }
        if (!added.isEmpty())
            showStatusNotice(this,
                tr("Imported on the server: %1, now in the Quarter list.").arg(QLocale().createSeparatedList(added)));
    } catch (const StoreError &error) {
        sayUnread(error);
    }
    updateActions();
}

} // namespace owb
