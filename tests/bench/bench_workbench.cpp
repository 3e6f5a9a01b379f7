// Benchmark (not a test): time to first window on a workspace, time to
// switch cases, the statements each switch sends to its database (on a team
// workspace each is a round trip to the server), and resident memory. Run
// under a real or offscreen display:
//   bench_workbench [DEMO_DIR | postgresql://URL] [--statements]
// A folder is the demo workspace (created if needed); a team workspace's URL
// is opened as owb opens it, with the password libpq finds (PGPASSWORD,
// ~/.pgpass), never a dialog. --statements lists the statements a switch
// sends, by text, most frequent first.

#include "case/caseview.h"
#include "demo/demoworkspace.h"
#include "itemmodels/itemroles.h"
#include "mainwindow.h"
#include "portfolio/portfoliopanel.h"
#include "store/database.h"
#include "store/serveraddress.h"
#include "store/storeerror.h"
#include "store/workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QMutex>
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

void printFigures(const char *what, const QList<double> &values, const char *unit)
{
    if (values.isEmpty())
        return;
    std::printf("%s: median %.1f%s (min %.1f, max %.1f)\n", what, median(values), unit,
                *std::min_element(values.cbegin(), values.cend()), *std::max_element(values.cbegin(), values.cend()));
}
} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QStringList arguments = app.arguments().mid(1);
    const bool byStatement = arguments.removeAll(QStringLiteral("--statements")) > 0;
    QTemporaryDir scratch;
    const QString where = !arguments.isEmpty() ? arguments.first() : scratch.filePath(QStringLiteral("demo"));
    const bool team = owb::isServerUrl(where);
    if (!team && !owb::Workspace::isWorkspace(where)) {
        owb::createDemoWorkspace(where);
        sinceStart.restart();  // creating the demo is not part of opening it
    }

    owb::MainWindow window;
    window.resize(1280, 800);
    window.show();
    double opening = 0;
    double showing = 0;
    try {
        QElapsedTimer phase;
        phase.start();
        auto workspace = owb::Workspace::open(where, owb::Database::Mode::OpenExisting);
        opening = phase.nsecsElapsed() / 1e6;
        phase.restart();
        window.showOpenedWorkspace(std::move(workspace));
        showing = phase.nsecsElapsed() / 1e6;
    } catch (const owb::StoreError &error) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(where), qPrintable(error.message()));
        return 1;
    }
    if (!QTest::qWaitForWindowExposed(&window))
        qWarning("window not exposed");
    QCoreApplication::processEvents();
    const double firstWindow = sinceStart.nsecsElapsed() / 1e6;

    QAbstractItemModel *model = window.portfolio()->view()->model();
    QStringList codes;
    for (int row = 0; row < model->rowCount(); ++row)
        codes.append(model->index(row, 0).data(owb::CodeRole).toString());
    // Every statement a switch sends, by its text.
    QMutex mutex;
    QHash<QString, int> sentByText[3];  // first visits, revisits, the metrics tab
    QHash<QString, int> *counting = nullptr;
    owb::Database::observeStatements([&](const QString &sql) {
        const QMutexLocker lock(&mutex);
        if (counting)
            (*counting)[sql.simplified()] += 1;
    });
    // One switch: its time and its statements.
    const auto open = [&](const QString &code, QList<double> &times, QList<double> &statements, int phase) {
        QElapsedTimer timer;
        timer.start();
        const qint64 sent = owb::Database::statementsSent();
        counting = &sentByText[phase];
        window.openCaseCode(code);
        QCoreApplication::processEvents();
        counting = nullptr;
        times.append(timer.nsecsElapsed() / 1e6);
        statements.append(double(owb::Database::statementsSent() - sent));
    };
    QList<double> firstVisits;
    QList<double> firstStatements;
    QList<double> revisits;
    QList<double> revisitStatements;
    for (const QString &code : std::as_const(codes))
        open(code, firstVisits, firstStatements, 0);
    for (const QString &code : std::as_const(codes))
        open(code, revisits, revisitStatements, 1);
    // The metrics tab is the heaviest page: time switching cases on it.
    window.caseView()->tabs()->setCurrentIndex(1);
    QList<double> metricsSwitches;
    QList<double> metricsStatements;
    for (const QString &code : std::as_const(codes))
        open(code, metricsSwitches, metricsStatements, 2);
    owb::Database::observeStatements({});

    std::printf("%s: %s, %lld cases\n", team ? "team workspace" : "folder workspace",
                qPrintable(team ? owb::parseServerUrl(where).displayName() : where), static_cast<long long>(codes.size()));
    std::printf("first window: %.0f ms (from main())\n", firstWindow);
    std::printf("  of which opening the workspace (every file checked): %.0f ms, showing it (the portfolio read): %.0f ms\n", opening, showing);
    printFigures("case switch, overview tab, first visit", firstVisits, " ms");
    printFigures("case switch, overview tab, revisit", revisits, " ms");
    printFigures("case switch, metrics tab", metricsSwitches, " ms");
    printFigures("statements per switch, overview tab, first visit", firstStatements, "");
    printFigures("statements per switch, overview tab, revisit", revisitStatements, "");
    printFigures("statements per switch, metrics tab", metricsStatements, "");
    std::printf("resident memory after visiting every case: %.0f MB\n", residentMegabytes());
    if (byStatement) {
        const char *phases[] = {"overview tab, first visit", "overview tab, revisit", "metrics tab"};
        for (int phase = 0; phase < 3; ++phase) {
            QList<std::pair<int, QString>> sorted;
            for (auto it = sentByText[phase].cbegin(); it != sentByText[phase].cend(); ++it)
                sorted.append({it.value(), it.key()});
            std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
            std::printf("\nstatements by text per switch, %s (over %lld switches):\n", phases[phase],
                        static_cast<long long>(codes.size()));
            for (const auto &[count, sql] : std::as_const(sorted))
                std::printf("%7.2f  %s\n", double(count) / std::max<qsizetype>(1, codes.size()), qPrintable(sql.left(150)));
        }
    }
    return 0;
}
