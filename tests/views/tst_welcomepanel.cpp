// The start page (offscreen): its text is whole at any width, the recent
// workspaces reopen with one click, and there is no quarter to choose before
// a workspace is open.

#include "demo/demoworkspace.h"
#include "mainwindow.h"
#include "welcomepanel.h"

#include <QApplication>
#include <QCommandLinkButton>
#include <QComboBox>
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
        QTest::newRow("narrow") << QSize(420, 800);
        QTest::newRow("short") << QSize(1280, 300);
    }
    void textIsWholeAtAnyWidth()
    {
        QFETCH(QSize, size);
        WelcomePanel panel;
        panel.setRecentWorkspaces({QStringLiteral("/nowhere/a workspace with a long name that wraps")});
        panel.resize(size);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        // Every line of text gets the height its wrapped lines need, and no
        // two pieces of text overlap (the start page's old fault).
        QList<QRect> taken;
        const auto widgets = panel.findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            auto *label = qobject_cast<QLabel *>(widget);
            auto *button = qobject_cast<QCommandLinkButton *>(widget);
            if ((!label && !button) || !widget->isVisible())
                continue;
            const int needed = widget->hasHeightForWidth() ? widget->heightForWidth(widget->width())
                                                           : widget->sizeHint().height();
            QVERIFY2(widget->height() >= needed,
                     qPrintable(QStringLiteral("'%1' is %2 px high but needs %3 at width %4")
                                    .arg(label ? label->text() : button->text())
                                    .arg(widget->height())
                                    .arg(needed)
                                    .arg(widget->width())));
            const QRect rect(widget->mapTo(&panel, QPoint(0, 0)), widget->size());
            for (const QRect &other : std::as_const(taken))
                QVERIFY2(!rect.intersects(other), qPrintable(QStringLiteral("text overlaps at %1,%2")
                                                                 .arg(rect.x())
                                                                 .arg(rect.y())));
            taken.append(rect);
        }
        QVERIFY(taken.size() >= 6);
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
};

QTEST_MAIN(TestWelcomePanel)
#include "tst_welcomepanel.moc"
