// The workbench window on the demo workspace (offscreen): it opens, lists
// the case files, sorts and filters them, and renders something visible.

#include "demo/demoworkspace.h"
#include "itemmodels/itemroles.h"
#include "itemmodels/portfoliomodel.h"
#include "mainwindow.h"
#include "portfolio/portfoliopanel.h"
#include "store/workspace.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace owb;

namespace {
// True when an image has more than a handful of distinct colours.
bool looksRendered(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    return colours.size() > 8;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        createDemoWorkspace(m_dir.filePath(QStringLiteral("demo")));
    }

    void welcomeFirst()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Oversight Workbench")));
        QVERIFY(!window.workspace());
        QVERIFY(looksRendered(window.grab().toImage()));
    }

    void opensWorkspaceAndListsCaseFiles()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.openPath(m_dir.filePath(QStringLiteral("demo"))));
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Oversight Workbench")));
        QCOMPARE(window.currentQuarter(), QStringLiteral("2025/26 Q4"));
        QTableView *view = window.portfolio()->view();
        QAbstractItemModelTester sourceTester(window.portfolio()->model(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(view->model()->rowCount(), int(window.workspace()->caseFilePaths().size()));
        QVERIFY(view->model()->rowCount() >= 20);

        // Sorting by segment puts segment 1 first and unsegmented last.
        view->sortByColumn(PortfolioModel::Segment, Qt::AscendingOrder);
        QCOMPARE(view->model()->index(0, 0).data(SegmentRole).toInt(), 1);

        // Free-text filtering.
        auto *filter = window.portfolio()->findChild<QLineEdit *>();
        QTest::keyClicks(filter, QStringLiteral("ambulance"));
        QVERIFY(view->model()->rowCount() >= 1);
        for (int row = 0; row < view->model()->rowCount(); ++row)
            QCOMPARE(view->model()->index(row, 0).data(PeerTypeRole).toString(), QStringLiteral("ambulance"));
        QVERIFY(looksRendered(window.grab().toImage()));
    }

    void refusesSomethingElse()
    {
        MainWindow window;
        QTimer::singleShot(0, [] {
            if (QWidget *box = QApplication::activeModalWidget())
                box->close();
        });
        QVERIFY(!window.openPath(m_dir.path()));
        QVERIFY(!window.workspace());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
