// Benchmark (not a test): time to first window on the demo workspace, time
// to switch cases, the statements each switch sends to its database (on a
// team workspace each would be at least one round trip to the server), and
// resident memory. Run under a real or offscreen display:
//   bench_workbench [DEMO_DIR]    (creates the demo workspace if needed)

#include "case/caseview.h"
#include "demo/demoworkspace.h"
#include "itemmodels/itemroles.h"
#include "mainwindow.h"
#include "portfolio/portfoliopanel.h"
#include "store/database.h"
#include "store/workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdio>

namespace {
double residentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}
} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QTemporaryDir scratch;
    const QString demo = argc > 1 ? QString::fromLocal8Bit(argv[1]) : scratch.filePath(QStringLiteral("demo"));
    if (!owb::Workspace::isWorkspace(demo)) {
        owb::createDemoWorkspace(demo);
        sinceStart.restart();  // creating the demo is not part of opening it
    }

    owb::MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.openPath(demo);
    if (!QTest::qWaitForWindowExposed(&window))
        qWarning("window not exposed");
    QCoreApplication::processEvents();
    const double firstWindow = sinceStart.nsecsElapsed() / 1e6;

    QAbstractItemModel *model = window.portfolio()->view()->model();
    QStringList paths;
    for (int row = 0; row < model->rowCount(); ++row)
        paths.append(model->index(row, 0).data(owb::PathRole).toString());
    const auto open = [&](const QString &path) { return window.openCase(path); };
    QList<double> firstVisits;
    QList<double> revisits;
    QList<double> statements;
    for (int round = 0; round < 2; ++round) {
        for (const QString &path : std::as_const(paths)) {
            QElapsedTimer timer;
            timer.start();
            const qint64 sent = owb::Database::statementsSent();
            open(path);
            QCoreApplication::processEvents();
            (round == 0 ? firstVisits : revisits).append(timer.nsecsElapsed() / 1e6);
            if (round == 0)
                statements.append(double(owb::Database::statementsSent() - sent));
        }
    }
    // The metrics tab is the heaviest page: time switching cases on it.
    window.caseView()->tabs()->setCurrentIndex(1);
    QList<double> metricsSwitches;
    for (const QString &path : std::as_const(paths)) {
        QElapsedTimer timer;
        timer.start();
        open(path);
        QCoreApplication::processEvents();
        metricsSwitches.append(timer.nsecsElapsed() / 1e6);
    }
    std::printf("first window on the demo workspace: %.0f ms (from main(), %lld case files)\n", firstWindow,
                static_cast<long long>(paths.size()));
    std::printf("case switch, overview tab: first visit median %.1f ms (max %.1f), revisit median %.1f ms\n",
                median(firstVisits), *std::max_element(firstVisits.cbegin(), firstVisits.cend()), median(revisits));
    std::printf("case switch, metrics tab: median %.1f ms (max %.1f)\n", median(metricsSwitches),
                *std::max_element(metricsSwitches.cbegin(), metricsSwitches.cend()));
    std::printf("statements one case switch sends: median %.0f (min %.0f, max %.0f)\n", median(statements),
                *std::min_element(statements.cbegin(), statements.cend()),
                *std::max_element(statements.cbegin(), statements.cend()));
    std::printf("resident memory after visiting every case: %.0f MB\n", residentMegabytes());
    return 0;
}
