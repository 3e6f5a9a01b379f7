// Live updates on a team workspace (issue 14): what a colleague commits
// reaches the listener (store/changelistener) of every other window of the
// workspace, never its own writer's; a rolled-back write sends nothing; the
// listener's connection ended is found and reopened, and then hears again;
// the window shows a colleague's note without any action, and keeps what the
// user is typing, reading the case again once the edit ends. Runs against
// the throwaway cluster CTest starts (pgcluster.py; OWB_TEST_PG names it).

#include "case/caseview.h"
#include "case/caseworkpage.h"
#include "case/notespage.h"
#include "casework/casesession.h"
#include "demo/demoworkspace.h"
#include "itemmodels/itemroles.h"
#include "itemmodels/notesmodel.h"
#include "mainwindow.h"
#include "portfolio/portfoliopanel.h"
#include "store/casefile.h"
#include "store/casescope.h"
#include "store/changelistener.h"
#include "store/database.h"
#include "store/teamtransfer.h"
#include "store/teamworkspace.h"
#include "store/workspace.h"
#include "teamfixture.h"
#include "windowprobe.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace owb;
using namespace owbtest;
using teamtest::adminScalar;

namespace {

// A colleague: the same workspace opened again, as another window would.
struct Colleague
{
    explicit Colleague(const ServerAddress &server, const QString &code)
        : workspace(Workspace::openTeam(server, {}))
        , session(workspace->openCase(code, Database::Mode::OpenExisting), workspace->methodology())
    { }
    std::unique_ptr<Workspace> workspace;
    CaseSession session;
};

bool showsNote(MainWindow &window, const QString &body)
{
    NotesModel *model = window.caseView()->notesPage()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->note(r).body == body)
            return true;
    return false;
}

void endSession(const ServerAddress &server, int pid)
{
    QVERIFY(pid != 0);
    adminScalar(server, QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid));
}

} // namespace

class TestTeamLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        OWB_REQUIRE_CLUSTER("live updates of a team workspace");
        qunsetenv("DBUS_SESSION_BUS_ADDRESS"); // no keyring: libpq's own means
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("owb-test-teamlive"));
        QSettings().clear();
        const QString folder = m_dir.filePath(QStringLiteral("demo"));
        createDemoWorkspace(folder);
        m_workspace = teamtest::freshDatabase(QStringLiteral("live"));
        initTeamWorkspace(m_workspace, {});
        pushWorkspace(folder, m_workspace, {});
        m_code = Workspace::openTeam(m_workspace, {})->caseCodes().value(1);
        QVERIFY(!m_code.isEmpty());
    }

    // A colleague's committed note is heard, with the case's code; this
    // workspace's own is not, nor a write that rolled back; the national
    // data's writers (an import's lock) say so too.
    void listenerHearsColleaguesOnly()
    {
        auto mine = Workspace::openTeam(m_workspace, {});
        ChangeListener *listener = mine->listenForChanges({});
        QVERIFY(listener && listener->isListening());
        QCOMPARE(mine->listenForChanges({}), listener); // one per workspace
        QSignalSpy cases(listener, &ChangeListener::caseChanged);
        QSignalSpy national(listener, &ChangeListener::nationalChanged);

        Colleague colleague(m_workspace, m_code);
        QCOMPARE(
            colleague.session.addNote(QString(), QString(), QStringLiteral("Colleague's note")), QString());
        QTRY_COMPARE(cases.count(), 1);
        QCOMPARE(cases.first().first().toString(), m_code);

        // Its own: the window shows it already.
        CaseSession own(mine->openCase(m_code, Database::Mode::OpenExisting), mine->methodology());
        QCOMPARE(own.addNote(QString(), QString(), QStringLiteral("My note")), QString());
        // A write refused (nothing committed): nothing sent.
        {
            Database &db = *colleague.workspace->casesDatabase();
            Transaction write(CaseScope { db, m_code });
        }
        // The national data's writers, committed and rolled back.
        {
            Database &db = colleague.workspace->peers().database();
            Transaction rolledBack(db);
            db.dialect().lockNational(db);
        }
        {
            Database &db = colleague.workspace->peers().database();
            Transaction write(db);
            db.dialect().lockNational(db);
            write.commit();
        }
        QTRY_COMPARE(national.count(), 1);
        QTest::qWait(300);
        QCOMPARE(cases.count(), 1);
        QCOMPARE(national.count(), 1);
    }

    // Its connection ended by the server: found at the next check, reopened,
    // and a later change heard again.
    void listenerReopensAfterItsConnectionEnded()
    {
        auto mine = Workspace::openTeam(m_workspace, {});
        ChangeListener *listener = mine->listenForChanges({});
        QVERIFY(listener && listener->isListening());
        QSignalSpy lost(listener, &ChangeListener::disconnected);
        QSignalSpy cases(listener, &ChangeListener::caseChanged);
        const int before = listener->backendPid();
        endSession(m_workspace, before);
        QTRY_VERIFY_WITH_TIMEOUT(lost.count() > 0, ChangeListener::kCheckMs * 3);
        QVERIFY(!listener->isListening());
        QVERIFY(listener->reopen({}));
        QVERIFY(listener->backendPid() != before);
        Colleague colleague(m_workspace, m_code);
        QCOMPARE(colleague.session.addNote(QString(), QString(), QStringLiteral("After the listener's loss")),
            QString());
        QTRY_COMPARE(cases.count(), 1);
    }

    // The window shows a colleague's note on the case in view without any
    // action, and says so; its listener's connection ended, a note written
    // meanwhile (whose notification is lost) is shown once it is reopened,
    // and a later one as well.
    void windowShowsColleaguesChanges()
    {
        MainWindow window;
        window.show();
        window.showOpenedWorkspace(Workspace::openTeam(m_workspace, {}));
        QVERIFY(window.workspace()->changeListener());
        QVERIFY(window.openCaseCode(m_code));
        window.caseView()->tabs()->setCurrentWidget(window.caseView()->notesPage());
        Colleague colleague(m_workspace, m_code);

        QCOMPARE(colleague.session.addNote(QString(), QString(), QStringLiteral("Seen without asking")),
            QString());
        QTRY_VERIFY(showsNote(window, QStringLiteral("Seen without asking")));
        QVERIFY2(statusNotices(window).contains(QStringLiteral("Case %1 changed on the server").arg(m_code)),
            qPrintable(statusNotices(window)));

        endSession(m_workspace, window.workspace()->changeListener()->backendPid());
        QCOMPARE(colleague.session.addNote(QString(), QString(), QStringLiteral("Sent while it was closed")),
            QString());
        QTRY_VERIFY_WITH_TIMEOUT(
            showsNote(window, QStringLiteral("Sent while it was closed")), ChangeListener::kCheckMs * 4);
        QVERIFY(window.workspace()->changeListener()->isListening());
        QCOMPARE(
            colleague.session.addNote(QString(), QString(), QStringLiteral("After it reopened")), QString());
        QTRY_VERIFY(showsNote(window, QStringLiteral("After it reopened")));
    }

    // A colleague's import adds a quarter: the window's Quarter list offers
    // it by itself, the quarter in view kept, and the status bar says so.
    void windowOffersAColleaguesQuarter()
    {
        MainWindow window;
        window.show();
        window.showOpenedWorkspace(Workspace::openTeam(m_workspace, {}));
        QComboBox *quarter = nullptr;
        for (QComboBox *box : window.findChildren<QComboBox *>())
            if (box->accessibleName() == QLatin1String("Quarter"))
                quarter = box;
        QVERIFY(quarter && quarter->count() > 0);
        const QString inView = quarter->currentText();
        const QString imported = QStringLiteral("2030/31 Q1");
        QCOMPARE(quarter->findText(imported), -1);
        {
            Colleague colleague(m_workspace, m_code);
            Database &db = colleague.workspace->peers().database();
            Transaction write(db);
            db.dialect().lockNational(db);
            db.exec(QStringLiteral("INSERT INTO quarter (label, pending) VALUES ('%1', 0)").arg(imported));
            write.commit();
        }
        QTRY_VERIFY(quarter->findText(imported) >= 0);
        QCOMPARE(quarter->currentText(), inView);
        QVERIFY2(statusNotices(window).contains(
                     QStringLiteral("Imported on the server: %1, now in the Quarter list.").arg(imported)),
            qPrintable(statusNotices(window)));
        adminScalar(m_workspace, QStringLiteral("DELETE FROM national.quarter WHERE label = '%1'").arg(imported));
    }

    // What the user is typing stays: the case is read again only once the
    // edit ends (the field left, which saves it), then the colleague's note
    // is shown beside the value typed.
    void windowKeepsWhatIsTyped()
    {
        MainWindow window;
        window.show();
        QApplication::setActiveWindow(&window);
        window.showOpenedWorkspace(Workspace::openTeam(m_workspace, {}));
        QVERIFY(window.openCaseCode(m_code));
        // The notes listed once (the list keeps what it showed), then the Casework page.
        window.caseView()->tabs()->setCurrentWidget(window.caseView()->notesPage());
        CaseworkPage *page = window.caseView()->caseworkPage();
        window.caseView()->tabs()->setCurrentWidget(page);
        QCOMPARE(page->openReview(QStringLiteral("Live updates")), QString());
        QTest::qWait(100);
        QLineEdit *team = nullptr;
        for (QLineEdit *edit : page->findChildren<QLineEdit *>())
            if (edit->accessibleName() == QStringLiteral("Team") && edit->isVisibleTo(page))
                team = edit;
        QVERIFY(team);
        team->setFocus();
        QTRY_VERIFY(team->hasFocus());
        team->selectAll();
        QTest::keyClicks(team, QStringLiteral("Typed, not saved"));

        Colleague colleague(m_workspace, m_code);
        QCOMPARE(colleague.session.addNote(QString(), QString(), QStringLiteral("While typing")), QString());
        QTest::qWait(1500);
        QCOMPARE(team->text(), QStringLiteral("Typed, not saved"));
        QVERIFY(team->hasFocus());
        QVERIFY(!showsNote(window, QStringLiteral("While typing")));

        // The edit ends: saved, and the case read again.
        team->clearFocus();
        QVERIFY(!team->hasFocus());
        QTRY_VERIFY(showsNote(window, QStringLiteral("While typing")));
        QCOMPARE(team->text(), QStringLiteral("Typed, not saved"));
        QCOMPARE(adminScalar(m_workspace,
                     QStringLiteral("SELECT count(*) FROM cases.diagnostic_review WHERE "
                                    "team = 'Typed, not saved'"))
                     .toInt(),
            1);
    }

private:
    QTemporaryDir m_home;
    QTemporaryDir m_dir;
    ServerAddress m_workspace;
    QString m_code;
};

QTEST_MAIN(TestTeamLive)
#include "tst_teamlive.moc"
