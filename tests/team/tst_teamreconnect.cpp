// A team workspace whose connection is lost (the server restarted, the
// network dropped, an administrator ended the session) and reconnected in
// place: the status bar says lost at once, every read outside the case
// session says so in plain words, the workbench reconnects by itself at its
// next check (or File > Reconnect, asking for a refused password), and the
// open case goes on with the same author, a chain that verifies and its undo
// stack intact. A reconnect as another role is refused. Runs against the
// throwaway cluster CTest starts (pgcluster.py; OWB_TEST_PG names it).

#include "windowprobe.h"
#include "case/caseview.h"
#include "case/caseworkpage.h"
#include "case/recorddialog.h"
#include "casework/casesession.h"
#include "casework/casework.h"
#include "demo/demoworkspace.h"
#include "itemmodels/itemroles.h"
#include "mainwindow.h"
#include "portfolio/portfoliopanel.h"
#include "reports/casereport.h"
#include "reports/reviewreport.h"
#include "store/casefile.h"
#include "store/teamtransfer.h"
#include "store/teamworkspace.h"
#include "store/workspace.h"
#include "team/teamconnection.h"
#include "team/teamworkspacedialog.h"
#include "teamfixture.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace owb;
using namespace owbtest;
using teamtest::adminScalar;

namespace {

const QString kPasswordRole = QStringLiteral("owbpassword");  // pgcluster.py: signs in with a password
const QString kPassword = QStringLiteral("right horse");

ServerAddress testServer()
{
    return parseServerUrl(qEnvironmentVariable("OWB_TEST_PG"));
}

// Ends every session of the workbench on the workspace's database, as an
// administrator (or a server restart) does; the other suites sharing the
// test cluster at the same time keep theirs.
void endWorkbenchSessions(const ServerAddress &server)
{
    adminScalar(server, QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
                                       "application_name = 'oversight-workbench' AND datname = current_database()"));
}

// Said in plain words: the connection lost and how to get back, no driver text.
bool saysLostPlainly(const QString &message)
{
    return message.contains(QLatin1String("connection to the team workspace was lost"))
        && message.contains(QLatin1String("Reconnect")) && !message.contains(QLatin1String("QPSQL"))
        && !message.contains(QLatin1String("terminating connection")) && !message.contains(QLatin1String("server closed"));
}

QString errorOf(const std::function<void()> &read)
{
    try {
        read();
    } catch (const StoreError &error) {
        return error.message();
    }
    return {};
}

// A picture of `widget` for a person to look at, when OWB_SCREENSHOT_DIR names a folder.
// `settle`: the event loop run first, so that the status bar is laid out for
// its new text (not from inside a timer that drives a modal dialog).
void screenshot(QWidget *widget, const QString &name, bool settle = true)
{
    if (!qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR"))
        return;
    if (settle)
        QTest::qWait(50);
    widget->grab().save(QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR")).filePath(name + QStringLiteral(".png")));
}

int notesWith(const ServerAddress &server, const QString &body)
{
    return adminScalar(server, QStringLiteral("SELECT count(*) FROM cases.note WHERE body = '%1'").arg(body)).toInt();
}

// The case's audit entries of notes.
int noteEntries(const ServerAddress &server, const QString &code)
{
    return adminScalar(server, QStringLiteral("SELECT count(*) FROM cases.audit_log WHERE org_code = '%1' AND "
                                              "table_name = 'note'")
                                   .arg(code))
        .toInt();
}

// The stack as the user sees it: where it stands, what Undo and Redo say.
QString stackState(const QUndoStack &stack)
{
    return QStringLiteral("%1/%2 undo:%3 %4 redo:%5 %6")
        .arg(stack.index())
        .arg(stack.count())
        .arg(stack.canUndo())
        .arg(stack.undoText())
        .arg(stack.canRedo())
        .arg(stack.redoText());
}

// Edit > Undo or Redo of the window.
QAction *editAction(MainWindow &window, const QString &prefix)
{
    for (QAction *action : window.menuBar()->actions().at(1)->menu()->actions())
        if (action->text().startsWith(prefix))
            return action;
    return nullptr;
}

} // namespace

class TestTeamReconnect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        OWB_REQUIRE_CLUSTER("reconnecting a team workspace");
        // No desktop session here, so no keyring service: the password
        // comes from libpq's own means (PGPASSWORD) or is asked for.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("PGPASSWORD");
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("owb-test-teamreconnect"));
        QSettings().clear();
        adminScalar(testServer(), QStringLiteral("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') "
                                                 "THEN CREATE ROLE %1 LOGIN PASSWORD '%2'; END IF; END$$")
                                      .arg(kPasswordRole, kPassword));

        const QString folder = m_dir.filePath(QStringLiteral("demo"));
        createDemoWorkspace(folder);
        m_workspace = teamtest::freshDatabase(QStringLiteral("reconnect"));
        initTeamWorkspace(m_workspace, {});
        pushWorkspace(folder, m_workspace, {});
        adminScalar(m_workspace, QStringLiteral("GRANT %1_editor TO %2").arg(m_workspace.database, kPasswordRole));
    }

    // The window on a lost connection: lost said at once, every read says
    // so plainly, reconnected by itself at the next check, and the case goes
    // on (same author, chain verifying, undo stack intact).
    void windowReconnectsByItself()
    {
        ServerAddress signIn = m_workspace;
        signIn.user = kPasswordRole;
        MainWindow window;
        window.show();
        window.showOpenedWorkspace(Workspace::openTeam(signIn, kPassword));
        QVERIFY(window.teamConnection());
        QVERIFY(fileAction(window, QStringLiteral("Rec&onnect"))->isEnabled());
        QAbstractItemModel *rows = window.portfolio()->view()->model();
        const QString code = rows->index(1, 0).data(CodeRole).toString();
        QVERIFY(window.openCaseCode(code));
        CaseSession *session = window.caseView()->context().session;
        QVERIFY(session);
        QCOMPARE(session->addNote(QString(), QString(), QStringLiteral("Before the loss")), QString());
        QCOMPARE(session->undoStack()->count(), 1);

        // Lost: an edit is refused, and the status bar says lost at once,
        // without waiting for the next check.
        endWorkbenchSessions(m_workspace);
        const QString refused = session->addNote(QString(), QString(), QStringLiteral("During the loss"));
        QVERIFY2(saysLostPlainly(refused), qPrintable(refused));
        QTRY_VERIFY2(teamStatus(window).endsWith(QStringLiteral("connection lost: reconnecting…")),
                     qPrintable(teamStatus(window)));
        QCOMPARE(session->undoStack()->count(), 1);
        // Tester (issue 14): a casework field saved while lost (the review's
        // Team, then Tab) read the stored value first and ended the workbench
        // with an uncaught exception; the reads the forms make say it instead.
        QString unread;
        QCOMPARE(session->storedField(reviewTable(), 1, QStringLiteral("team"), &unread), QString());
        QVERIFY2(saysLostPlainly(unread), qPrintable(unread));
        const QString problem = session->fieldProblem(reviewTable(), 1, QStringLiteral("team"), QStringLiteral("New team"));
        QVERIFY2(saysLostPlainly(problem), qPrintable(problem));

        // Every read outside the case session: a plain message, no crash.
        const QString pdf = m_dir.filePath(QStringLiteral("lost.pdf"));
        for (const QString &message :
             {errorOf([&] { writeCaseReport(*window.workspace(), session->caseFile(), pdf); }),
              errorOf([&] { writeReviewReport(*window.workspace(), session->caseFile(), pdf); }),
              errorOf([&] { writeRegionalPack(*window.workspace(), pdf); }),
              errorOf([&] { window.workspace()->caseCodes(); })})
            QVERIFY2(saysLostPlainly(message), qPrintable(message));
        QVERIFY(!QFileInfo::exists(pdf));
        // The pages that read the national data and the portfolio again,
        // and the methodologies window, each said in words, none thrown.
        QStringList boxes;
        QTimer closer;
        closer.setInterval(20);
        connect(&closer, &QTimer::timeout, &closer, [&boxes] {
            if (auto *box = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
                QStringList texts{box->windowTitle()};
                for (QLabel *label : box->findChildren<QLabel *>())
                    if (label->isVisible())
                        texts.append(label->text());
                boxes.append(texts.join(QLatin1Char(' ')));
                box->reject();
            }
        });
        closer.start();
        for (const auto &show : {&MainWindow::showLeague, &MainWindow::showChanges, &MainWindow::showReconcile,
                                 &MainWindow::showPortfolio}) {
            (window.*show)();
            QVERIFY2(saysLostPlainly(statusNotices(window)), qPrintable(statusNotices(window)));
        }
        fileAction(window, QStringLiteral("&Methodologies..."))->trigger();
        QTRY_VERIFY(!boxes.isEmpty());
        QVERIFY2(saysLostPlainly(boxes.last()), qPrintable(boxes.join(QLatin1Char('|'))));
        // Another quarter, whose national data was not read yet.
        const QString quarter = window.currentQuarter();
        for (QAction *action : window.menuBar()->actions().at(2)->menu()->actions())
            if (action->text() == QStringLiteral("&Earlier Quarter"))
                action->trigger();
        QCOMPARE(window.currentQuarter(), quarter);  // the toolbar back at the quarter on screen
        QVERIFY2(saysLostPlainly(statusNotices(window)), qPrintable(statusNotices(window)));
        screenshot(&window, QStringLiteral("reconnect-lost-read"));
        closer.stop();
        QVERIFY(window.workspace());

        // The next check reconnects by itself (the password through libpq's
        // own means here, no keyring), says so and reads the screen again.
        qputenv("PGPASSWORD", kPassword.toUtf8());
        window.checkTeamConnection();
        qunsetenv("PGPASSWORD");
        QVERIFY2(teamStatus(window).endsWith(QStringLiteral(" · connected")), qPrintable(teamStatus(window)));
        QVERIFY2(statusNotices(window).contains(QStringLiteral("Reconnected to")), qPrintable(statusNotices(window)));

        // The same session and workspace objects: the edit is stored as the same author.
        QVERIFY(window.openCaseCode(code));
        QCOMPARE(window.caseView()->context().session, session);
        QCOMPARE(session->addNote(QString(), QString(), QStringLiteral("After reconnecting")), QString());
        QCOMPARE(adminScalar(m_workspace, QStringLiteral("SELECT author FROM cases.note WHERE body = 'After reconnecting'"))
                     .toString(),
                 kPasswordRole);
        QCOMPARE(adminScalar(m_workspace, QStringLiteral("SELECT count(*) FROM cases.audit_log WHERE org_code = '%1' "
                                                         "AND table_name = 'note' AND actor = '%2'")
                                              .arg(code, kPasswordRole))
                     .toInt(),
                 2);
        QCOMPARE(notesWith(m_workspace, QStringLiteral("During the loss")), 0);
        // Undo reaches back over the loss: the edit made before it is undone.
        QCOMPARE(session->undoStack()->count(), 2);
        session->undoStack()->undo();
        session->undoStack()->undo();
        QCOMPARE(notesWith(m_workspace, QStringLiteral("After reconnecting")), 0);
        QCOMPARE(notesWith(m_workspace, QStringLiteral("Before the loss")), 0);
        // The audit chain verifies (owb check on the server).
        const CheckReport check = checkTeamWorkspace(m_workspace, {});
        QVERIFY2(check.problems.isEmpty(), qPrintable(check.problems.join(QLatin1Char('\n'))));
    }

    // Tester (issue 14): Edit > Undo refused while the connection is lost
    // dropped its step, the change staying stored for good. Refused, an undo
    // or redo writes nothing and leaves the stack as it was; reconnected,
    // the same step is undone (or redone), with its audit entry.
    void refusedUndoKeepsItsStep()
    {
        std::unique_ptr<Workspace> workspace = Workspace::openTeam(m_workspace, {});
        const QString code = workspace->caseCodes().last();
        CaseSession session(workspace->openCase(code, Database::Mode::OpenExisting), workspace->methodology());
        const QString first = QStringLiteral("Kept over a loss");
        const QString second = QStringLiteral("Kept over a loss, edited");
        QCOMPARE(session.addNote(QString(), QString(), first), QString());
        const qint64 id = session.notes().notes().first().id;
        QCOMPARE(session.setNoteBody(id, second), QString());
        const QUndoStack &stack = *session.undoStack();
        const QString edited = QStringLiteral("2/2 undo:1 Edit note redo:0 ");
        const QString undone = QStringLiteral("1/2 undo:1 Add note redo:1 Edit note");
        QCOMPARE(stackState(stack), edited);
        const int entries = noteEntries(m_workspace, code);

        endWorkbenchSessions(m_workspace);
        QString refused = session.undo();
        QVERIFY2(saysLostPlainly(refused), qPrintable(refused));
        QCOMPARE(stackState(stack), edited);
        QCOMPARE(notesWith(m_workspace, second), 1);
        QCOMPARE(noteEntries(m_workspace, code), entries);
        QCOMPARE(errorOf([&] { workspace->reconnect({}); }), QString());
        QCOMPARE(session.undo(), QString());
        QCOMPARE(notesWith(m_workspace, first), 1);
        QCOMPARE(notesWith(m_workspace, second), 0);
        QCOMPARE(noteEntries(m_workspace, code), entries + 1);
        QCOMPARE(stackState(stack), undone);

        // A redo after an undo, the same.
        endWorkbenchSessions(m_workspace);
        refused = session.redo();
        QVERIFY2(saysLostPlainly(refused), qPrintable(refused));
        QCOMPARE(stackState(stack), undone);
        QCOMPARE(notesWith(m_workspace, first), 1);
        QCOMPARE(noteEntries(m_workspace, code), entries + 1);
        QCOMPARE(errorOf([&] { workspace->reconnect({}); }), QString());
        QCOMPARE(session.redo(), QString());
        QCOMPARE(notesWith(m_workspace, second), 1);
        QCOMPARE(noteEntries(m_workspace, code), entries + 2);
        QCOMPARE(stackState(stack), edited);

        QCOMPARE(session.undo(), QString());
        QCOMPARE(session.undo(), QString());
        QCOMPARE(notesWith(m_workspace, first) + notesWith(m_workspace, second), 0);
        const CheckReport check = checkTeamWorkspace(m_workspace, {});
        QVERIFY2(check.problems.isEmpty(), qPrintable(check.problems.join(QLatin1Char('\n'))));
    }

    // The window's Edit > Undo and Redo while the connection is lost: the
    // warning says so, the menu still offers the same step, and after
    // reconnecting by itself the step is undone, then redone.
    void windowUndoRefusedWhileLost()
    {
        ServerAddress signIn = m_workspace;
        signIn.user = kPasswordRole;
        MainWindow window;
        window.show();
        window.showOpenedWorkspace(Workspace::openTeam(signIn, kPassword));
        const QString code = window.portfolio()->view()->model()->index(2, 0).data(CodeRole).toString();
        QVERIFY(window.openCaseCode(code));
        CaseSession *session = window.caseView()->context().session;
        const QString body = QStringLiteral("Undone once reconnected");
        QCOMPARE(session->addNote(QString(), QString(), body), QString());
        QAction *undo = editAction(window, QStringLiteral("&Undo"));
        QAction *redo = editAction(window, QStringLiteral("&Redo"));
        QVERIFY(undo && redo);
        QCOMPARE(undo->text(), QStringLiteral("&Undo Add note"));
        QVERIFY(undo->isEnabled() && !redo->isEnabled());

        QStringList boxes;
        QTimer closer;
        closer.setInterval(20);
        connect(&closer, &QTimer::timeout, &closer, [&boxes] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                if (boxes.isEmpty())
                    screenshot(box, QStringLiteral("undo-refused-while-lost"), false);
                boxes.append(box->windowTitle() + QLatin1Char(' ') + box->text());
                box->reject();
            }
        });
        closer.start();
        const auto reconnect = [&window] {
            qputenv("PGPASSWORD", kPassword.toUtf8());
            window.checkTeamConnection();
            qunsetenv("PGPASSWORD");
        };

        endWorkbenchSessions(m_workspace);
        undo->trigger();
        QTRY_COMPARE(boxes.size(), 1);
        QVERIFY2(saysLostPlainly(boxes.first()), qPrintable(boxes.first()));
        QTRY_VERIFY2(teamStatus(window).endsWith(QStringLiteral("connection lost: reconnecting…")),
                     qPrintable(teamStatus(window)));
        screenshot(&window, QStringLiteral("undo-refused-window"));
        QCOMPARE(undo->text(), QStringLiteral("&Undo Add note"));
        QVERIFY(undo->isEnabled() && !redo->isEnabled());
        QCOMPARE(session->undoStack()->index(), 1);
        QCOMPARE(notesWith(m_workspace, body), 1);
        reconnect();
        QVERIFY2(teamStatus(window).endsWith(QStringLiteral(" connected")), qPrintable(teamStatus(window)));
        undo->trigger();
        QCOMPARE(notesWith(m_workspace, body), 0);
        QCOMPARE(redo->text(), QStringLiteral("&Redo Add note"));
        QVERIFY(!undo->isEnabled() && redo->isEnabled());

        endWorkbenchSessions(m_workspace);
        redo->trigger();
        QTRY_COMPARE(boxes.size(), 2);
        QVERIFY2(saysLostPlainly(boxes.last()), qPrintable(boxes.last()));
        QCOMPARE(redo->text(), QStringLiteral("&Redo Add note"));
        QVERIFY(!undo->isEnabled() && redo->isEnabled());
        QCOMPARE(notesWith(m_workspace, body), 0);
        QTRY_VERIFY(!window.teamConnection()->isConnected());
        reconnect();
        redo->trigger();
        QCOMPARE(notesWith(m_workspace, body), 1);
        QCOMPARE(undo->text(), QStringLiteral("&Undo Add note"));
        QTest::qWait(100);
        QCOMPARE(boxes.size(), 2);  // done: nothing said
        closer.stop();
    }

    // A record form whose save meets a lost connection (tester, issue 14:
    // the Casework page's reload, run inside the open form, threw and ended
    // the workbench): the form stays open with what was typed, says the
    // connection was lost, and once reconnected OK stores the record.
    void formKeptWhenTheConnectionIsLost()
    {
        ServerAddress signIn = m_workspace;
        signIn.user = kPasswordRole;
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        window.showOpenedWorkspace(Workspace::openTeam(signIn, kPassword));
        const QString code = window.portfolio()->view()->model()->index(3, 0).data(CodeRole).toString();
        QVERIFY(window.openCaseCode(code));
        window.caseView()->tabs()->setCurrentWidget(window.caseView()->caseworkPage());
        QPushButton *add = nullptr;
        for (QPushButton *button : window.caseView()->caseworkPage()->findChildren<QPushButton *>())
            if (button->text() == QStringLiteral("Add &Milestone..."))
                add = button;
        QVERIFY(add && add->isEnabled());
        const QString what = QStringLiteral("Board signs off the recovery plan");
        const auto stored = [&] {
            return adminScalar(m_workspace, QStringLiteral("SELECT count(*) FROM cases.milestone WHERE org_code = '%1'"
                                                           " AND description = '%2'").arg(code, what)).toInt();
        };

        bool shown = false;
        bool keptOpen = false;
        bool lostFound = false;
        QString said;
        QString kept;
        QTimer driver;
        driver.setInterval(20);
        connect(&driver, &QTimer::timeout, &driver, [&] {
            auto *form = qobject_cast<RecordDialog *>(QApplication::activeModalWidget());
            if (!form)
                return;
            driver.stop();
            shown = true;
            qobject_cast<QLineEdit *>(form->field(QStringLiteral("description")))->setText(what);
            endWorkbenchSessions(m_workspace);
            form->accept();
            QTest::qWait(300); // what the refusal queued runs inside the form, as a user's pause would
            keptOpen = form->isVisible();
            said = form->refusal();
            kept = form->values().value(QStringLiteral("description")).toString();
            lostFound = QTest::qWaitFor([&] { return !window.teamConnection()->isConnected(); });
            qputenv("PGPASSWORD", kPassword.toUtf8());
            window.checkTeamConnection();
            qunsetenv("PGPASSWORD");
            form->accept();
        });
        driver.start();
        add->click();
        QVERIFY(shown);
        QVERIFY2(keptOpen, "the form stays open after its save met a lost connection");
        QVERIFY2(saysLostPlainly(said), qPrintable(said));
        QCOMPARE(kept, what);
        QVERIFY(lostFound);
        QCOMPARE(stored(), 1);
        QTRY_VERIFY2(teamStatus(window).endsWith(QStringLiteral(" connected")), qPrintable(teamStatus(window)));
    }

    // File > Reconnect at once: the password asked for when the server
    // refuses the one it has (none here), again after a wrong one.
    void reconnectActionAsksForThePassword()
    {
        ServerAddress signIn = m_workspace;
        signIn.user = kPasswordRole;
        MainWindow window;
        window.show();
        window.showOpenedWorkspace(Workspace::openTeam(signIn, kPassword));
        endWorkbenchSessions(m_workspace);
        window.checkTeamConnection();
        QVERIFY2(teamStatus(window).endsWith(QStringLiteral("connection lost: reconnecting…")), qPrintable(teamStatus(window)));
        // At the next check: no password to be had, so it waits for the user.
        window.checkTeamConnection();
        QVERIFY2(teamStatus(window).endsWith(QStringLiteral("connection lost: choose File > Reconnect")),
                 qPrintable(teamStatus(window)));
        screenshot(&window, QStringLiteral("reconnect-stopped"));

        QStringList asked;
        QTimer typer;
        typer.setInterval(20);
        connect(&typer, &QTimer::timeout, &typer, [&asked] {
            if (auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
                asked.append(dialog->windowTitle() + QLatin1Char(' ') + dialog->labelText());
                screenshot(dialog, QStringLiteral("reconnect-password-%1").arg(asked.size()), false);
                QCOMPARE(dialog->textEchoMode(), QLineEdit::Password);
                dialog->setTextValue(asked.size() == 1 ? QStringLiteral("wrong horse") : kPassword);
                dialog->accept();
            }
        });
        typer.start();
        fileAction(window, QStringLiteral("Rec&onnect"))->trigger();
        typer.stop();
        QCOMPARE(asked.size(), 2);
        QVERIFY2(asked.first().startsWith(QStringLiteral("Reconnect to Team Workspace")), qPrintable(asked.first()));
        QVERIFY2(asked.last().contains(QStringLiteral("did not accept the password")), qPrintable(asked.last()));
        QVERIFY2(teamStatus(window).endsWith(QStringLiteral(" · connected")), qPrintable(teamStatus(window)));
        QVERIFY(window.workspace()->caseCodes().size() > 0);
        // Kept nowhere: not in the settings.
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(QLatin1String("horse")), qPrintable(key));
    }

    // The same address reaching the server as another role (here PGUSER
    // changed, with no user in the address): refused, the connection left
    // closed; as the same role again, it reconnects.
    void reconnectAsAnotherRoleIsRefused()
    {
        ServerAddress server = m_workspace;
        const QString admin = server.user;
        server.user.clear();
        qputenv("PGUSER", admin.toUtf8());
        std::unique_ptr<Workspace> workspace = Workspace::openTeam(server, {});
        QCOMPARE(workspace->sessionUser(), admin);
        endWorkbenchSessions(m_workspace);
        qputenv("PGUSER", kPasswordRole.toUtf8());
        qputenv("PGPASSWORD", kPassword.toUtf8());
        const QString refused = errorOf([&] { workspace->reconnect({}); });
        QVERIFY2(refused.contains(QStringLiteral("now knows this connection as owbpassword")), qPrintable(refused));
        QCOMPARE(workspace->sessionUser(), admin);
        QVERIFY(!workspace->peers().database().connection().isOpen());
        qputenv("PGUSER", admin.toUtf8());
        qunsetenv("PGPASSWORD");
        QCOMPARE(errorOf([&] { workspace->reconnect({}); }), QString());
        QCOMPARE(workspace->sessionUser(), admin);
        QVERIFY(!workspace->caseCodes().isEmpty());
        qunsetenv("PGUSER");
    }

    // Tester (issue 14): a report read on a connection an administrator
    // ended half-way said "PostgreSQL error without a code". Ended before
    // each of the report's statements in turn (and waited for): every one
    // says in plain words that the connection was lost, and no PDF is left.
    void reportReadLostMidWay()
    {
        std::unique_ptr<Workspace> workspace = Workspace::openTeam(m_workspace, {});
        const QString code = workspace->caseCodes().first();
        std::unique_ptr<CaseFile> caseFile = workspace->openCase(code);
        const QString pdf = m_dir.filePath(QStringLiteral("midway.pdf"));
        const qint64 before = Database::statementsSent();
        writeCaseReport(*workspace, *caseFile, pdf);
        const int statements = int(Database::statementsSent() - before);
        QVERIFY(statements > 2);
        QVERIFY(QFile::remove(pdf));
        for (int at = 1; at <= statements; ++at) {
            int sent = 0;
            Database::observeStatements([&](const QString &) {
                if (++sent == at)
                    adminScalar(m_workspace, QStringLiteral("SELECT count(pg_terminate_backend(pid, 10000)) FROM "
                                                            "pg_stat_activity WHERE application_name = "
                                                            "'oversight-workbench' AND datname = current_database()"));
            });
            const QString message = errorOf([&] { writeCaseReport(*workspace, *caseFile, pdf); });
            Database::observeStatements({});
            QVERIFY2(saysLostPlainly(message) && !message.contains(QLatin1String("PostgreSQL error")),
                     qPrintable(QStringLiteral("ended before statement %1 of %2: %3").arg(at).arg(statements).arg(message)));
            QVERIFY(!QFileInfo::exists(pdf));
            QCOMPARE(errorOf([&] { workspace->reconnect({}); }), QString());
        }
    }

    // Never while a transaction is open on the connection.
    void noReconnectInsideATransaction()
    {
        Database db(m_workspace, ServerArea::Cases, {}, Database::Mode::OpenExisting);
        const QString prepared = QStringLiteral("SELECT count(*) FROM organisation WHERE org_code <> ?");
        QVERIFY(db.scalar(prepared, {QString()}).toInt() > 0);
        {
            Transaction open(db);
            const QString refused = errorOf([&] { db.reconnect({}); });
            QVERIFY2(refused.contains(QStringLiteral("while a change is being written")), qPrintable(refused));
        }
        QCOMPARE(errorOf([&] { db.reconnect({}); }), QString());
        // Its statements prepared again on the new session, its part's search path set again.
        QVERIFY(db.scalar(prepared, {QString()}).toInt() > 0);
    }

private:
    QTemporaryDir m_home;
    QTemporaryDir m_dir;
    ServerAddress m_workspace;
};

QTEST_MAIN(TestTeamReconnect)
#include "tst_teamreconnect.moc"
