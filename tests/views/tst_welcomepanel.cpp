// The start page (offscreen): its text is whole at any width, the recent
// workspaces reopen with one click, and there is no quarter to choose before
// a workspace is open.

#include "demo/demoworkspace.h"
#include "mainwindow.h"
#include "welcomepanel.h"

#include <QApplication>
#include <QCommandLinkButton>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace owb;

namespace {
QCommandLinkButton *buttonNamed(QWidget *parent, const QString &accessibleName)
{
    const auto buttons = parent->findChildren<QCommandLinkButton *>();
    for (QCommandLinkButton *button : buttons)
        if (button->accessibleName() == accessibleName || button->text() == accessibleName)
            return button;
    return nullptr;
}
} // namespace

class TestWelcomePanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void textIsWholeAtAnyWidth_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("narrow") << QSize(420, 500);
        QTest::newRow("200% on 1280x800") << QSize(640, 330);
        QTest::newRow("short") << QSize(1280, 300);
    }
    void textIsWholeAtAnyWidth()
    {
        QFETCH(QSize, size);
        QSettings().setValue(QStringLiteral("recentWorkspaces"),
                             QStringList{QStringLiteral("/nowhere/a workspace with a long name that wraps")});
        MainWindow window;
        window.show();
        window.resize(size);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.size(), size); // the start page lets the window be this small
        auto *panel = window.findChild<WelcomePanel *>();
        QVERIFY(panel && panel->isVisible());
        // Every piece of text gets the height its wrapped lines need, ends
        // inside the window (wrapped, not cut at the right edge), and no two
        // overlap (the start page's old faults).
        QList<QRect> taken;
        const auto widgets = panel->findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            auto *label = qobject_cast<QLabel *>(widget);
            auto *button = qobject_cast<QCommandLinkButton *>(widget);
            if ((!label && !button) || !widget->isVisible())
                continue;
            const QString text = label ? label->text() : button->text();
            const int needed = widget->hasHeightForWidth() ? widget->heightForWidth(widget->width())
                                                           : widget->sizeHint().height();
            QVERIFY2(widget->height() >= needed, qPrintable(QStringLiteral("'%1' is %2 px high but needs %3 at width %4")
                                                                .arg(text)
                                                                .arg(widget->height())
                                                                .arg(needed)
                                                                .arg(widget->width())));
            const QRect rect(widget->mapTo(&window, QPoint(0, 0)), widget->size());
            QVERIFY2(rect.right() < window.width(),
                     qPrintable(QStringLiteral("'%1' ends at x=%2, past the window's width %3")
                                    .arg(text)
                                    .arg(rect.right())
                                    .arg(window.width())));
            for (const QRect &other : std::as_const(taken))
                QVERIFY2(!rect.intersects(other), qPrintable(QStringLiteral("'%1' overlaps other text").arg(text)));
            taken.append(rect);
        }
        QVERIFY(taken.size() >= 6);
    }

    void enterPressesAFocusedStartButton()
    {
        WelcomePanel panel;
        panel.setRecentWorkspaces({QDir::tempPath()});
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy demo(&panel, &WelcomePanel::openDemoRequested);
        QSignalSpy recent(&panel, &WelcomePanel::recentRequested);
        QCommandLinkButton *demoButton = buttonNamed(&panel, QStringLiteral("Open the demo workspace"));
        QVERIFY(demoButton);
        demoButton->setFocus();
        QTest::keyClick(demoButton, Qt::Key_Return);
        QTRY_COMPARE(demo.size(), 1);
        QCommandLinkButton *recentButton = buttonNamed(&panel, QStringLiteral("Reopen %1").arg(QFileInfo(QDir::tempPath()).fileName()));
        QVERIFY(recentButton);
        recentButton->setFocus();
        QTest::keyClick(recentButton, Qt::Key_Enter);
        QTRY_COMPARE(recent.size(), 1);
        QCOMPARE(recent.first().first().toString(), QDir::tempPath());
    }

    void noRecentWorkspaceSaysSo()
    {
        WelcomePanel panel;
        panel.setRecentWorkspaces({});
        bool said = false;
        const auto labels = panel.findChildren<QLabel *>();
        for (QLabel *label : labels)
            said = said || label->text().startsWith(QStringLiteral("None yet"));
        QVERIFY(said);
    }

    void recentWorkspaceReopensWithOneClick()
    {
        QTemporaryDir dir;
        const QString workspace = dir.filePath(QStringLiteral("north"));
        createDemoWorkspace(workspace);
        const QString gone = dir.filePath(QStringLiteral("gone"));
        QSettings().setValue(QStringLiteral("recentWorkspaces"), QStringList{gone, workspace});

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *quarterBar = window.findChild<QToolBar *>(QStringLiteral("quarterToolBar"));
        QVERIFY(quarterBar);
        QVERIFY2(!quarterBar->isVisible(), "a quarter selector is shown before a workspace is open");

        QCommandLinkButton *missing = buttonNamed(&window, QStringLiteral("Reopen gone"));
        QVERIFY(missing);
        QVERIFY(!missing->isEnabled());
        QCommandLinkButton *reopen = buttonNamed(&window, QStringLiteral("Reopen north"));
        QVERIFY(reopen);
        QVERIFY(reopen->isEnabled());
        reopen->click();
        QVERIFY(window.windowTitle().contains(QStringLiteral("north")));
        QVERIFY(quarterBar->isVisible());
        auto *quarter = quarterBar->findChild<QComboBox *>();
        QVERIFY(quarter && quarter->count() > 0);
        // The workspace just opened comes first in the list.
        QCOMPARE(QSettings().value(QStringLiteral("recentWorkspaces")).toStringList().value(0), workspace);
    }

    // A workspace opened as "north/" (a trailing slash, as shells complete
    // folders) is remembered, named and listed as "north", never blank.
    void trailingSlashKeepsTheName()
    {
        QTemporaryDir dir;
        const QString workspace = dir.filePath(QStringLiteral("north"));
        createDemoWorkspace(workspace);
        QSettings().setValue(QStringLiteral("recentWorkspaces"), QStringList{workspace + QLatin1Char('/')});
        MainWindow window;
        QVERIFY(buttonNamed(&window, QStringLiteral("Reopen north")));
        QVERIFY(window.openPath(workspace + QLatin1Char('/')));
        QCOMPARE(QSettings().value(QStringLiteral("recentWorkspaces")).toStringList().value(0), workspace);
        QVERIFY(buttonNamed(&window, QStringLiteral("Reopen north")));
    }
};

QTEST_MAIN(TestWelcomePanel)
#include "tst_welcomepanel.moc"
