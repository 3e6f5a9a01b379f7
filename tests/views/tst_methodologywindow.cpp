// File ▸ Methodologies... and each quarter read under its year's methodology
// in the window: the register and the preview of an added file, applying it
// behind a progress dialog, the status bar and league naming the quarter's
// own file, and reconciliation against each year's cut points (issue 12).
// Split from tst_mainwindow; on either back end (views/demofixture.h).

#include "casework/segmentexplanation.h"
#include "demofixture.h"
#include "dialogs/importprogress.h"
#include "dialogs/methodologiesdialog.h"
#include "exchange/reconciliation.h"
#include "league/leaguepanel.h"
#include "mainwindow.h"
#include "store/casefile.h"
#include "store/portfolio.h"
#include "store/workspace.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace owb;

class TestMethodologyWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        OWB_BACKEND_READY();
        QVERIFY(m_demo.create());
    }

    // Reconciliation uses the quarter's own methodology: a table published as
    // each quarter was assessed (2026/27 Q1 under the demo's 2026/27
    // thresholds, 2025/26 Q4 under the 2025/26 peer quartiles) agrees in
    // full, ICBs included where the year segments them; the same averages
    // under the other year's cut points would give other segments.
    void reconcileEachQuarterUnderItsYear()
    {
        auto workspace = m_demo.openWorkspace(QStringLiteral("pristine"));
        NationalCache national(workspace->peers(), workspace->methodology());
        const QString latest = QStringLiteral("2026/27 Q1");
        const QString earlier = QStringLiteral("2025/26 Q4");
        QCOMPARE(national.methodologyFor(latest).id(), demoMethodology().id());
        QCOMPARE(national.methodologyFor(earlier).id(), Methodology::builtIn().id());
        const auto cuts = demoMethodology().segmentation().cuts;
        for (const QString &quarter : {latest, earlier}) {
            const Methodology &rules = national.methodologyFor(quarter);
            QList<PublishedResult> published;
            int icbs = 0;
            int otherCuts = 0;  // segments the other year's cut points would change
            StoredAssessment moved;  // an acute trust out of deficit, published in another segment below
            for (const QString &code : workspace->caseCodes()) {
                const std::unique_ptr<CaseFile> caseFile = workspace->openCase(code, Database::Mode::ReadOnly);
                for (const StoredAssessment &a : caseFile->assessments()) {
                    if (a.quarter != quarter || !a.result.isSegmented())
                        continue;
                    QCOMPARE(a.methodologyId, rules.id());
                    published.append({a.result.code, a.result.segment, a.result.average, a.result.deficit, 0, 0});
                    if (moved.quarter.isEmpty() && !a.result.deficit && a.result.peerType == QLatin1String("acute"))
                        moved = a;
                    icbs += a.result.peerType == QLatin1String("icb") ? 1 : 0;
                    if (quarter == earlier && !a.result.deficit && cuts.contains(a.result.peerType)) {
                        const auto &t = cuts.value(a.result.peerType);
                        const double average = double(a.result.average) / 100.0;
                        const int bythresholds = 1 + int(average > t[0]) + int(average > t[1]) + int(average > t[2]);
                        otherCuts += bythresholds != a.result.rawSegment ? 1 : 0;
                    }
                }
            }
            QVERIFY2(!published.isEmpty(), qPrintable(quarter));
            for (const ReconciliationRow &row : reconcile(national, quarter, published))
                QVERIFY2(row.difference.isEmpty(), qPrintable(quarter + QLatin1Char(' ') + row.published.code
                                                              + QStringLiteral(": ") + row.difference));
            // Another segment published for the same average is explained in
            // the quarter's own method: the year's thresholds named, or the
            // peer quartiles of a quartiled year.
            QVERIFY(moved.cuts.has_value());
            const QString points = QStringLiteral("%1 / %2 / %3")
                                       .arg(formatCut(moved.cuts->t1), formatCut(moved.cuts->t2), formatCut(moved.cuts->t3));
            PublishedResult other{moved.result.code, moved.result.segment == 1 ? 2 : 1, moved.result.average, false, 0, 0};
            const ReconciliationRow row = reconcile(national, quarter, {other}).first();
            if (quarter == latest) {
                const auto &t = cuts.value(moved.result.peerType);
                QCOMPARE(points, QStringLiteral("%1 / %2 / %3").arg(formatCut(t[0]), formatCut(t[1]), formatCut(t[2])));
                QVERIFY2(row.difference.contains(QStringLiteral("the cut points differ (here against the 2026/27 "
                                                                "thresholds %1 for ").arg(points)),
                         qPrintable(row.difference));
                QVERIFY2(!row.difference.contains(QStringLiteral("quartile")), qPrintable(row.difference));
            } else {
                QVERIFY2(row.difference.contains(QStringLiteral("the cut points differ (here peer quartiles %1 among %2 peer")
                                                     .arg(points)
                                                     .arg(moved.peerCount)),
                         qPrintable(row.difference));
            }
            if (quarter == latest)
                QVERIFY(icbs > 0);  // the 2026/27 rules segment ICBs
            else
                QCOMPARE(icbs, 0);  // the 2025/26 rules do not
            if (quarter == earlier)
                QVERIFY(otherCuts > 0);
        }
    }

    // File ▸ Methodologies... on a read-only workspace: the register is shown,
    // Add Methodology File... is disabled and the dialog says why; nothing is applied.
    void methodologiesReadOnly()
    {
        auto workspace = m_demo.openWorkspace(QStringLiteral("demo"), Database::Mode::ReadOnly);
        int applied = 0;
        MethodologiesDialog dialog([&] { return workspace.get(); },
                                   [&](const Methodology &) { return ++applied; });
        dialog.show();
        QStringList years;
        for (int row = 0; row < dialog.registerTable()->rowCount(); ++row)
            years << dialog.registerTable()->item(row, 0)->text() + QLatin1Char(' ')
                    + dialog.registerTable()->item(row, 1)->text();
        QCOMPARE(years, QStringList({QStringLiteral("2023/24 nof-2025-26"), QStringLiteral("2024/25 nof-2025-26"),
                                     QStringLiteral("2025/26 nof-2025-26"), QStringLiteral("2026/27 ") + demoMethodology().id()}));
        QVERIFY(!dialog.addButton()->isEnabled());
        QVERIFY(!dialog.addButton()->accessibleName().isEmpty());
        bool said = false;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            said = said || (label->isVisible() && label->text().contains(QStringLiteral("open read-only")));
        QVERIFY(said);
        dialog.addFile(QStringLiteral(":/methodology/nof-2025-26.json"));
        QCOMPARE(applied, 0);
    }

    // File ▸ Methodologies... Apply on a folder workspace: a progress dialog
    // counts the case files brought up to date, with no Cancel button (the
    // change, once started, is completed), and the window's events are served
    // meanwhile (the change runs on a thread of its own) (issue 12).
    void methodologyApplyShowsProgress()
    {
        OWB_FILE_ONLY("opens the demo folder on a worker thread, as the window does for a folder workspace");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws"));
        createDemoWorkspace(path);
        QJsonObject o = QJsonDocument::fromJson(demoMethodology().source()).object();
        o[QStringLiteral("id")] = QStringLiteral("demo-reissued");
        QString error;
        const auto reissued = Methodology::fromJson(QJsonDocument(o).toJson(), QStringLiteral("r.json"), &error);
        QVERIFY2(reissued, qPrintable(error));
        bool seen = false;
        bool cancellable = false;
        int ticks = 0;
        QTimer poll;
        poll.setInterval(1);
        connect(&poll, &QTimer::timeout, this, [&] {
            ++ticks;
            for (QWidget *top : QApplication::topLevelWidgets())
                if (auto *progress = qobject_cast<QProgressDialog *>(top);
                    progress && progress->isVisible() && progress->windowTitle() == QLatin1String("Applying Methodology")) {
                    seen = true;
                    for (QPushButton *button : progress->findChildren<QPushButton *>())
                        cancellable = cancellable || button->isVisible();
                }
        });
        poll.start();
        const ImportReport report = reassessWithProgress(nullptr, path, nullptr, *reissued);
        poll.stop();
        QVERIFY(report.quartersWritten > 0);
        QVERIFY(seen);
        QVERIFY(!cancellable);
        QVERIFY(ticks > 1);  // events were served while it ran
        QCOMPARE(Workspace::open(path, Database::Mode::ReadOnly)->methodologies().forYear(QStringLiteral("2026/27"))->id(),
                 QStringLiteral("demo-reissued"));
    }

    // Two methodologies in one workspace: 2024/25 re-assessed under a file
    // that segments ICBs by thresholds, 2025/26 under the built-in one. The
    // status bar and the league name the quarter's own methodology, the league
    // offers ICBs only in the year that segments them, and an ICB has a
    // segment in 2024/25 and none in 2025/26.
    void methodologyByQuarter()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws"));
        createDemoWorkspace(path);
        QFile builtIn(QStringLiteral(":/methodology/nof-2025-26.json"));
        QVERIFY(builtIn.open(QIODevice::ReadOnly));
        QJsonObject o = QJsonDocument::fromJson(builtIn.readAll()).object();
        o[QStringLiteral("id")] = QStringLiteral("t-2024-25");
        o[QStringLiteral("years")] = QJsonArray{QStringLiteral("2024/25")};
        QJsonArray types = o[QStringLiteral("peer_types")].toArray();
        QJsonObject cuts;
        for (auto &&value : types) {
            QJsonObject type = value.toObject();
            if (type[QStringLiteral("id")] == QStringLiteral("icb")) {
                type[QStringLiteral("segmented")] = true;
                type.remove(QStringLiteral("not_segmented_note"));
            }
            cuts[type[QStringLiteral("id")].toString()] = QJsonArray{1.5, 2.0, 2.5};
            value = type;
        }
        o[QStringLiteral("peer_types")] = types;
        QJsonArray metrics = o[QStringLiteral("metrics")].toArray();
        for (auto &&value : metrics) {
            QJsonObject metric = value.toObject();
            if (metric[QStringLiteral("applies_to")].toArray().contains(QStringLiteral("icb")))
                metric[QStringLiteral("scored")] = true;
            value = metric;
        }
        o[QStringLiteral("metrics")] = metrics;
        o[QStringLiteral("segmentation")] = QJsonObject{{QStringLiteral("method"), QStringLiteral("thresholds")},
                                                        {QStringLiteral("cuts"), cuts}};
        QString error;
        const auto earlier = Methodology::fromJson(QJsonDocument(o).toJson(), QStringLiteral("t.json"), &error);
        QVERIFY2(earlier, qPrintable(error));
        Workspace::open(path)->reassess(*earlier);

        MainWindow window;
        window.show();
        QVERIFY(m_demo.openIn(window, m_demo.asTested(path)));
        QAction *earlierQuarter = nullptr;
        for (QAction *action : window.findChildren<QAction *>())
            if (action->text() == QLatin1String("&Earlier Quarter"))
                earlierQuarter = action;
        QVERIFY(earlierQuarter);
        const auto shown = [&window] {
            QStringList texts;
            for (QLabel *label : window.statusBar()->findChildren<QLabel *>())
                texts << label->text();
            return texts.join(QLatin1Char('|'));
        };
        const auto leagueTypes = [&window] {
            window.showLeague();
            QStringList ids;
            auto *combo = window.leaguePanel()->findChild<QComboBox *>();
            for (int i = 0; i < combo->count(); ++i)
                ids << combo->itemData(i).toString();
            return ids;
        };
        const auto icbSegment = [&window] {
            for (const PortfolioEntry &e : loadPortfolio(*window.workspace(), window.currentQuarter(), nullptr))
                if (e.peerType == QLatin1String("icb"))
                    return e.segment;
            return -1;
        };
        while (window.currentQuarter() != QLatin1String("2025/26 Q1"))
            earlierQuarter->trigger();
        QVERIFY2(shown().contains(QStringLiteral("Methodology: nof-2025-26")), qPrintable(shown()));
        QVERIFY(!leagueTypes().contains(QStringLiteral("icb")));
        QVERIFY(window.leaguePanel()->methodologyLabel()->text().contains(QStringLiteral("2025/26 Q1 under nof-2025-26")));
        QCOMPARE(icbSegment(), 0);
        earlierQuarter->trigger();
        QCOMPARE(window.currentQuarter(), QStringLiteral("2024/25 Q4"));
        QVERIFY2(shown().contains(QStringLiteral("Methodology: t-2024-25")), qPrintable(shown()));
        QVERIFY(leagueTypes().contains(QStringLiteral("icb")));
        QVERIFY(window.leaguePanel()->methodologyLabel()->text().contains(QStringLiteral("2024/25 Q4 under t-2024-25")));
        QVERIFY(icbSegment() > 0);
    }

    // The preview of an added file names what it re-assesses by the year:
    // "of 2026/27" for one year; a year with no stored quarter has nothing to
    // re-assess, said so; the count of changes names league ranks too, as the
    // table lists them (issue 12). Nothing is applied.
    void previewWording()
    {
        // A workspace this user may change (the shared demo folder opens read-only).
        auto workspace = owbtest::onServer() ? m_demo.openWorkspace(QStringLiteral("preview"))
                                             : Workspace::open(m_demo.where(QStringLiteral("preview")));
        int applied = 0;
        MethodologiesDialog dialog([&] { return workspace.get(); },
                                   [&](const Methodology &) { return ++applied; });
        dialog.show();
        QTemporaryDir dir;
        const auto write = [&dir](const QString &name, const QJsonObject &o) {
            const QString path = dir.filePath(name);
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                qFatal("cannot write test file");
            file.write(QJsonDocument(o).toJson());
            return path;
        };
        // The labels of the Add Methodology dialog, which is then closed.
        const auto preview = [&dialog](const QString &path) {
            QStringList texts;
            QTimer poll;
            poll.setInterval(10);
            QObject::connect(&poll, &QTimer::timeout, [&] {
                auto *ask = qobject_cast<QDialog *>(QApplication::activeModalWidget());
                if (!ask || ask->windowTitle() != QLatin1String("Add Methodology"))
                    return;
                for (QLabel *label : ask->findChildren<QLabel *>())
                    texts << label->text();
                ask->reject();
            });
            poll.start();
            dialog.addFile(path);
            return texts;
        };
        QJsonObject reissued = QJsonDocument::fromJson(demoMethodology().source()).object();
        reissued[QStringLiteral("title")] = QStringLiteral("Re-issued ") + reissued[QStringLiteral("title")].toString();
        const QString one = preview(write(QStringLiteral("r.json"), reissued)).join(QLatin1Char('|'));
        QVERIFY2(one.contains(QStringLiteral(" of 2026/27. Nothing is written until you apply it."))
                     && !one.contains(QStringLiteral("of those years")),
                 qPrintable(one));
        QVERIFY2(one.contains(QStringLiteral("segment, final segment, raw segment, average, rank or league rank"))
                     && !one.contains(QStringLiteral("average or rank")),
                 qPrintable(one));

        QJsonObject later = reissued;
        later[QStringLiteral("id")] = QStringLiteral("demo-2027-28");
        later[QStringLiteral("years")] = QJsonArray{QStringLiteral("2027/28")};
        const QString none = preview(write(QStringLiteral("l.json"), later)).join(QLatin1Char('|'));
        QVERIFY2(none.contains(QStringLiteral("no quarter of 2027/28 is stored yet, so there is nothing to re-assess"))
                     && !none.contains(QStringLiteral("0 stored quarter")),
                 qPrintable(none));
        QCOMPARE(applied, 0);
    }

private:
    owbtest::DemoFolder m_demo;
};

QTEST_MAIN(TestMethodologyWindow)
#include "tst_methodologywindow.moc"
