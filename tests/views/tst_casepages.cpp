// A case opened in the workbench (offscreen), page by page: every tab
// rendered, notes, what-if values typed through the table's editors,
// capability ratings, casework (review, milestones, the programme, the
// trajectory and its chart, decisions, history), an ICB's System tab and a
// finding's evidence, statuses in any case, the casework page's scrolling,
// and the record form by keyboard. Each edit is checked in the case file (or,
// as tst_casepages_server, on the team workspace's server: demofixture.h) and
// undone. The rest of the window is tst_mainwindow's.

#include "case/capabilitypage.h"
#include "case/caseview.h"
#include "case/caseworkpage.h"
#include "delegates/choicedelegate.h"
#include "case/programmesection.h"
#include "case/historypage.h"
#include "case/metricspage.h"
#include "case/notespage.h"
#include "case/recorddialog.h"
#include "case/systempage.h"
#include "case/whatifpage.h"
#include "casework/casesession.h"
#include "casework/datetext.h"
#include "casework/plannedquarters.h"
#include "data/quarterlabel.h"
#include "demofixture.h"
#include "itemmodels/capabilitymodel.h"
#include "itemmodels/itemroles.h"
#include "itemmodels/metricsmodel.h"
#include "itemmodels/notesmodel.h"
#include "itemmodels/portfoliofilter.h"
#include "itemmodels/portfoliomodel.h"
#include "itemmodels/whatifmodel.h"
#include "mainwindow.h"
#include "portfolio/portfoliopanel.h"
#include "store/casefile.h"
#include "store/workspace.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QListWidget>
#include <QPushButton>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QRegularExpression>
#include <QHeaderView>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QMessageBox>
#include <QTest>
#include <QUndoGroup>

using namespace owb;

namespace {
// Moves the window to `quarter` with View ▸ Earlier/Later Quarter, as a user would.
bool goToQuarter(MainWindow &window, const QString &quarter)
{
    for (int i = 0; i < 64 && window.currentQuarter() != quarter; ++i) {
        const QString text = quarterKey(window.currentQuarter()) > quarterKey(quarter) ? QStringLiteral("&Earlier Quarter")
                                                                                     : QStringLiteral("La&ter Quarter");
        for (QAction *action : window.findChildren<QAction *>())
            if (action->text() == text)
                action->trigger();
        QCoreApplication::processEvents();
    }
    return window.currentQuarter() == quarter;
}
} // namespace

using owbtest::looksRendered;

class TestCasePages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        OWB_BACKEND_READY();
        QVERIFY(m_demo.create());
        // As the workbench runs: plural forms ("1 overdue") need the translation.
        QVERIFY(installTranslations(*QCoreApplication::instance()));
    }

    // Open a trust, walk every tab, edit a capability rating, undo it, and
    // check what the case file holds at each step.
    void walkACase()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window));
        QTableView *portfolio = window.portfolio()->view();
        portfolio->setCurrentIndex(portfolio->model()->index(0, 0));
        const QString code = portfolio->model()->index(0, 0).data(CodeRole).toString();
        QTest::keyClick(portfolio, Qt::Key_Return);
        QCOMPARE(window.caseView()->context().session->identity().code, code);

        QTabWidget *tabs = window.caseView()->tabs();
        for (int tab = 0; tab < tabs->count(); ++tab) {
            tabs->setCurrentIndex(tab);
            QVERIFY2(looksRendered(window.grab().toImage()), qPrintable(tabs->tabText(tab)));
            QVERIFY(window.minimumSizeHint().width() <= 1280);
            if (qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR"))
                window.grab().save(QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR"))
                                       .filePath(QStringLiteral("case-%1.png").arg(tab)));
        }
        QVERIFY(window.caseView()->metricsPage()->table()->model()->rowCount() > 10);
        QAbstractItemModelTester metricsTester(window.caseView()->metricsPage()->model(),
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester metricsProxyTester(window.caseView()->metricsPage()->table()->model(),
                                                    QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Notes: added through the session, shown by the model, undone.
        NotesModel *notes = window.caseView()->notesPage()->model();
        QAbstractItemModelTester notesTester(notes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int before = notes->rowCount();
        QCOMPARE(window.caseView()->context().session->addNote(QStringLiteral("domain"), QStringLiteral("access"),
                                                               QStringLiteral("Elective recovery plan received")),
                 QString());
        QCOMPARE(notes->rowCount(), before + 1);
        QCOMPARE(notes->index(0, NotesModel::Tag).data().toString(), QStringLiteral("Access to services"));
        window.undoGroup()->undo();
        QCOMPARE(notes->rowCount(), before);
        QVERIFY(window.caseView()->metricsPage()->chartTable()->rowCount() >= 1);
        // A banded metric (a rating, such as the CQC safe rating) has no chart,
        // only a message: never an empty box with a 0 to 1 axis (tester, issue 13 round 7).
        {
            MetricsPage *metrics = window.caseView()->metricsPage();
            const Methodology &methodology = window.caseView()->context().session->methodology();
            QTableView *table = metrics->table();
            int banded = -1;
            int numeric = -1;
            for (int r = 0; r < table->model()->rowCount(); ++r) {
                const MetricDefinition *m = methodology.metric(table->model()->index(r, 0).data(CodeRole).toString());
                if (m && m->isBanded() && banded < 0)
                    banded = r;
                if (m && !m->isBanded() && numeric < 0)
                    numeric = r;
            }
            QVERIFY(banded >= 0 && numeric >= 0);
            table->setCurrentIndex(table->model()->index(banded, 0));
            auto *message = qobject_cast<QLabel *>(metrics->chartShown());
            QVERIFY(message);
            QVERIFY2(message->text().contains(QStringLiteral("rated in bands")), qPrintable(message->text()));
            table->setCurrentIndex(table->model()->index(numeric, 0));
            QVERIFY(!qobject_cast<QLabel *>(metrics->chartShown()));
        }

        // What-if changes nothing stored.
        WhatIfModel *whatIf = window.caseView()->whatIfPage()->model();
        QAbstractItemModelTester whatIfTester(whatIf, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Values shown as the Metrics tab shows them: two decimals in every row.
        static const QRegularExpression twoDecimals(QStringLiteral("^-?[0-9,]+\\.[0-9]{2}%?$"));
        static const QRegularExpression number(QStringLiteral("^-?[0-9]"));
        for (int row = 0; row < whatIf->rowCount(); ++row) {
            const QString shown = whatIf->index(row, WhatIfModel::ActualValue).data().toString();
            QVERIFY2(!number.match(shown).hasMatch() || twoDecimals.match(shown).hasMatch(), qPrintable(shown));
        }
        QVERIFY(whatIf->setData(whatIf->index(0, WhatIfModel::WhatIfValue), QStringLiteral("0")));
        QVERIFY(whatIf->hasChanges());
        // Text that is not a value stays as typed, says why, and the scores
        // keep the last good value (issue 13).
        const QModelIndex first = whatIf->index(0, WhatIfModel::WhatIfValue);
        const QString scoreBefore = whatIf->index(0, WhatIfModel::WhatIfScore).data().toString();
        QVERIFY(whatIf->setData(first, QStringLiteral("lots")));
        QCOMPARE(first.data().toString(), QStringLiteral("lots"));
        QVERIFY2(first.data(ProblemRole).toString().contains(QStringLiteral("is not a number")), qPrintable(first.data(ProblemRole).toString()));
        QCOMPARE(whatIf->index(0, WhatIfModel::WhatIfScore).data().toString(), scoreBefore);
        auto *problems = window.caseView()->whatIfPage()->findChild<QLabel *>();
        for (QLabel *label : window.caseView()->whatIfPage()->findChildren<QLabel *>())
            if (label->accessibleName() == QLatin1String("What-if values not taken"))
                problems = label;
        QVERIFY2(problems->text().contains(QStringLiteral("\u201clots\u201d is not a number")), qPrintable(problems->text()));
        // Outside the metric's declared range, as an import would refuse it.
        QVERIFY(whatIf->setData(first, QStringLiteral("1e308")));
        QVERIFY2(first.data(ProblemRole).toString().contains(QStringLiteral("out of range")), qPrintable(first.data(ProblemRole).toString()));
        QVERIFY(whatIf->setData(first, QStringLiteral("-62.2")));
        QCOMPARE(first.data().toString(), QStringLiteral("-62.2"));
        QVERIFY(whatIf->setData(first, QStringLiteral("0")));
        QVERIFY(first.data(ProblemRole).toString().isEmpty());
        QVERIFY(problems->isHidden());
        // Units and standards beside each value; a band metric offers its bands.
        bool banded = false;
        for (int row = 0; row < whatIf->rowCount(); ++row) {
            QVERIFY(!whatIf->index(row, WhatIfModel::Standard).data().toString().isEmpty());
            const QStringList choices = whatIf->index(row, WhatIfModel::WhatIfValue).data(ChoicesRole).toStringList();
            if (!choices.isEmpty()) {
                banded = true;
                QCOMPARE(choices, (QStringList{QString(), QStringLiteral("Outstanding"), QStringLiteral("Good"),
                                               QStringLiteral("Requires improvement"), QStringLiteral("Inadequate")}));
                QVERIFY(whatIf->setData(whatIf->index(row, WhatIfModel::WhatIfValue), QStringLiteral("Excellent")));
                QVERIFY2(whatIf->index(row, WhatIfModel::WhatIfValue).data(ProblemRole).toString().contains(QStringLiteral("not one of the bands")),
                         qPrintable(whatIf->index(row, WhatIfModel::WhatIfValue).data(ProblemRole).toString()));
            }
        }
        QVERIFY(banded);
        // Through the table's editors, as a person edits (the bus does not
        // reach editors inside a table): the typed text stays, a band is chosen.
        whatIf->resetScenario();
        tabs->setCurrentWidget(window.caseView()->whatIfPage());
        auto *whatIfTable = window.caseView()->whatIfPage()->findChild<QTableView *>();
        const QModelIndex typed = whatIfTable->model()->index(0, WhatIfModel::WhatIfValue);
        whatIfTable->setCurrentIndex(typed);
        whatIfTable->edit(typed);
        auto *line = whatIfTable->viewport()->findChild<QLineEdit *>();
        QVERIFY(line);
        line->setText(QStringLiteral("abc"));
        Q_EMIT whatIfTable->itemDelegateForColumn(WhatIfModel::WhatIfValue)->commitData(line);  // what Enter does
        QCOMPARE(typed.data().toString(), QStringLiteral("abc"));
        QVERIFY(!problems->isHidden());
        QVERIFY2(problems->text().contains(QStringLiteral("\u201cabc\u201d is not a number")), qPrintable(problems->text()));
        for (int row = 0; row < whatIf->rowCount(); ++row) {
            const QModelIndex band = whatIfTable->model()->index(row, WhatIfModel::WhatIfValue);
            if (band.data(ChoicesRole).toStringList().isEmpty())
                continue;
            whatIfTable->setCurrentIndex(band);
            whatIfTable->edit(band);
            auto *choice = whatIfTable->viewport()->findChild<QComboBox *>();
            QVERIFY(choice);
            QCOMPARE(choice->count(), 5);
            const int inadequate = choice->findText(QStringLiteral("Inadequate"));
            QVERIFY(inadequate > 0);
            choice->setCurrentIndex(inadequate);
            Q_EMIT choice->activated(inadequate);
            QCOMPARE(band.data().toString(), QStringLiteral("Inadequate"));
            QCOMPARE(whatIf->index(row, WhatIfModel::WhatIfScore).data().toString(), QStringLiteral("4.00"));
        }
        // The deficit toggle runs the finance override off and on.
        whatIf->resetScenario();
        const bool inDeficit = whatIf->deficit();
        whatIf->setDeficit(!inDeficit);
        QCOMPARE(whatIf->result().scenario.deficit, !inDeficit);
        QVERIFY(whatIf->hasChanges());
        whatIf->setDeficit(inDeficit);
        QVERIFY(!whatIf->hasChanges());

        // Capability: a rating edit through the model is an undoable command.
        tabs->setCurrentWidget(window.caseView()->capabilityPage());
        CapabilityModel *capability = window.caseView()->capabilityPage()->model();
        QAbstractItemModelTester capabilityTester(capability, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex rating = capability->index(1, CapabilityModel::RegionRating);
        const QString previous = rating.data(Qt::EditRole).toString();
        const QString after = previous == QLatin1String("limited") ? QStringLiteral("low") : QStringLiteral("limited");
        QVERIFY(capability->setData(rating, after));
        QCOMPARE(rating.data(Qt::EditRole).toString(), after);
        QCOMPARE(rating.data().toString(), after == QLatin1String("low") ? QStringLiteral("Low confidence")
                                                                          : QStringLiteral("Limited confidence"));
        auto stored = [&] {
            const std::unique_ptr<CaseFile> file = window.workspace()->openCase(code, Database::Mode::ReadOnly);
            return CapabilityStore(file->scope())
                .areaField(capability->year(), rating.data(CodeRole).toString(), CapabilityArea::RegionRating);
        };
        QCOMPARE(stored(), after);
        QVERIFY(window.undoGroup()->canUndo());
        window.undoGroup()->undo();
        QCOMPARE(stored(), previous);
        QCOMPARE(rating.data(Qt::EditRole).toString(), previous);
        window.undoGroup()->redo();
        QCOMPARE(stored(), after);
        QVERIFY(looksRendered(window.grab().toImage()));
    }

    // Casework end to end: a review, an overdue milestone, entering the
    // programme (segment 5 in the portfolio), and undo.
    void caseworkEndToEnd()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window));
        QTableView *portfolio = window.portfolio()->view();
        const QString code = portfolio->model()->index(2, 0).data(CodeRole).toString();
        QVERIFY(window.openCaseCode(code));
        window.caseView()->tabs()->setCurrentWidget(window.caseView()->caseworkPage());
        CaseworkPage *page = window.caseView()->caseworkPage();
        QCOMPARE(page->openReview(QStringLiteral("Deteriorating elective performance")), QString());
        QCOMPARE(page->addMilestone(QStringLiteral("Board-approved recovery plan"), QStringLiteral("2020-01-31")), QString());
        QVERIFY(!page->addMilestone(QStringLiteral("Bad date"), QStringLiteral("soon")).isEmpty());
        QCOMPARE(page->enterProgramme(QStringLiteral("Regional decision after the diagnostic review"), QStringLiteral("A. Director")),
                 QString());
        QCOMPARE(page->addTrajectoryPoint(QStringLiteral("OF0023"), window.currentQuarter(), QStringLiteral("62")), QString());
        QVERIFY(!page->addTrajectoryPoint(QStringLiteral("OF0023"), window.currentQuarter(), QStringLiteral("more")).isEmpty());
        const QString outside
            = page->addTrajectoryPoint(QStringLiteral("OF0023"), window.currentQuarter(), QStringLiteral("-62.2"));
        QVERIFY2(outside.contains(QStringLiteral("Waiting 18 weeks or less for elective treatment (OF0023) is from 0 to "
                                                 "100 (%): -62.2 is outside that range.")),
                 qPrintable(outside));
        QVERIFY(!page->addTrajectoryPoint(
                         QStringLiteral("OF0023"), window.currentQuarter(), QStringLiteral("inf"))
                     .isEmpty());
        QTest::qWait(100);  // the reload is queued; let layouts settle before looking
        QCOMPARE(page->trajectory()->rowCount(), 1);
        QCOMPARE(page->trajectory()->item(0, 2)->text(), QStringLiteral("62.00%"));
        QVERIFY(!page->trajectory()->item(0, 3)->text().isEmpty());  // the actual value of that quarter
        QCOMPARE(page->milestones()->rowCount(), 1);
        QCOMPARE(page->milestones()->item(0, 0)->foreground().color(), QColor(0xda, 0x29, 0x1c));  // overdue

        // A point planned a year ahead (issue 11, item 5): the chart's x axis
        // names quarters and runs on to it, and the single planned point is drawn.
        const QString ahead = quartersAfter(window.currentQuarter(), 4).last();
        QCOMPARE(page->addTrajectoryPoint(QStringLiteral("OF0023"), ahead, QStringLiteral("66")), QString());
        QTest::qWait(100);
        auto *chartView = page->findChild<QChartView *>();
        QVERIFY(chartView);
        const QList<QAbstractAxis *> xAxes = chartView->chart()->axes(Qt::Horizontal);
        QCOMPARE(xAxes.size(), 1);
        auto *categories = qobject_cast<QCategoryAxis *>(xAxes.first());
        QVERIFY(categories);
        QCOMPARE(categories->categoriesLabels().last(), ahead.mid(2)); // "26/27 Q4"
        QVERIFY(chartView->chart()->title().endsWith(ahead));
        // The demo's quarters of data and four ahead, with half a quarter
        // either side so that the first and last points are not clipped.
        QCOMPARE(categories->min(), -0.5);
        QCOMPARE(categories->max(), double(window.workspace()->peers().quarters().size()) + 4 - 0.5);
        auto *planned = qobject_cast<QLineSeries *>(chartView->chart()->series().last());
        QCOMPARE(planned->name(), QStringLiteral("Planned"));
        QCOMPARE(planned->count(), 2);
        QVERIFY(planned->pointsVisible());
        // The value axis in the metric's units; the chart in words names the quarter ahead.
        QCOMPARE(chartView->chart()->axes(Qt::Vertical).first()->titleText(), QStringLiteral("%"));
        QVERIFY2(chartView->accessibleDescription().contains(QStringLiteral("%1 66").arg(ahead)),
                 qPrintable(chartView->accessibleDescription()));
        if (qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR"))
            chartView->grab().save(
                QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR")).filePath(QStringLiteral("trajectory.png")));

        // Issue 13 (tester): a value refused in a Planned cell is not drawn,
        // the stored one is; and each refused cell keeps its message.
        QTableWidget *points = page->trajectory();
        QCOMPARE(points->rowCount(), 2);
        points->setCurrentCell(0, 2);
        points->item(0, 2)->setText(QStringLiteral("abc"));
        QTest::qWait(50);
        points->setCurrentCell(1, 2);
        points->item(1, 2)->setText(QStringLiteral("-500"));
        QTest::qWait(50);
        points->setCurrentCell(0, 2);
        QTest::qWait(50);
        auto *plannedNow = qobject_cast<QLineSeries *>(chartView->chart()->series().last());
        QCOMPARE(plannedNow->count(), 2);
        QCOMPARE(plannedNow->at(0).y(), 62.0);
        QCOMPARE(points->item(0, 2)->text(), QStringLiteral("abc"));
        QCOMPARE(points->item(1, 2)->text(), QStringLiteral("-500"));
        QLabel *refused = nullptr;
        for (QLabel *label : page->findChildren<QLabel *>())
            if (label->isVisible() && label->text().contains(QStringLiteral("Nothing was saved")))
                refused = label;
        QVERIFY(refused);
        QVERIFY2(refused->text().contains(QStringLiteral("Row 1, Planned: \"abc\" is not a number"))
                     && refused->text().contains(QStringLiteral("Row 2, Planned: "))
                     && refused->text().contains(QStringLiteral("-500 is outside that range")),
                 qPrintable(refused->text()));
        page->programme()->reload();
        QTest::qWait(50);
        QCOMPARE(points->item(0, 2)->text(), QStringLiteral("62.00%"));
        QCOMPARE(page->milestones()->rowCount(), 1);
        if (qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR"))
            window.grab().save(QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR")).filePath(QStringLiteral("casework.png")));

        // The history shows every change, newest first, with its author.
        window.caseView()->tabs()->setCurrentWidget(window.caseView()->historyPage());
        QTableWidget *history = window.caseView()->historyPage()->table();
        QVERIFY(history->rowCount() >= 3);
        QCOMPARE(history->item(0, 2)->text(), QStringLiteral("trajectory point 2")); // newest first
        QCOMPARE(history->item(0, 1)->text(), window.caseView()->context().session->author());
        int programmeRow = -1;
        for (int r = 0; r < history->rowCount(); ++r)
            if (history->item(r, 2)->text() == QLatin1String("programme 1"))
                programmeRow = r;
        QVERIFY(programmeRow > 0);
        QVERIFY(history->item(programmeRow, 4)
                    ->text()
                    .contains(QStringLiteral("improvement director: A. Director")));

        window.showPortfolio();
        auto rowOf = [&](const QString &wanted) {
            for (int row = 0; row < portfolio->model()->rowCount(); ++row)
                if (portfolio->model()->index(row, 0).data(CodeRole).toString() == wanted)
                    return row;
            return -1;
        };
        const int row = rowOf(code);
        QCOMPARE(portfolio->model()->index(row, 0).data(SegmentRole).toInt(), 5);
        QCOMPARE(portfolio->model()->index(row, PortfolioModel::Casework).data().toString(),
                 QStringLiteral("In the programme; Diagnostic review open; 1 overdue"));

        // A quarterly correction decides the segment and says why it moved.
        const int other = code == portfolio->model()->index(0, 0).data(CodeRole).toString() ? 1 : 0;
        const QString otherCode = portfolio->model()->index(other, 0).data(CodeRole).toString();
        QVERIFY(window.openCaseCode(otherCode));
        window.caseView()->tabs()->setCurrentWidget(window.caseView()->caseworkPage());
        const int computed = window.caseView()->context().session->caseFile().assessment(window.currentQuarter())->result.segment;
        const int corrected = computed == 2 ? 3 : 2;
        QCOMPARE(page->recordDecision(true, corrected, QStringLiteral("Late data from the trust")), QString());
        window.showPortfolio();
        const int otherRow = rowOf(otherCode);
        QCOMPARE(portfolio->model()->index(otherRow, 0).data(SegmentRole).toInt(), corrected);
        window.portfolio()->filter()->setSegment(PortfolioFilter::kChanged);
        for (int r = 0; r < window.portfolio()->filter()->rowCount(); ++r)
            QVERIFY(window.portfolio()->filter()->index(r, PortfolioModel::Movement).data().toString().contains(QLatin1Char('(')));
        window.portfolio()->filter()->setSegment(-1);

        // Undo the programme entry: the computed segment is back.
        QVERIFY(window.openCaseCode(code));
        window.undoGroup()->undo(); // the trajectory point ahead
        window.undoGroup()->undo();  // the trajectory point
        window.undoGroup()->undo();  // the programme entry
        window.showPortfolio();
        QVERIFY(portfolio->model()->index(rowOf(code), 0).data(SegmentRole).toInt() < 5);
    }

    // An ICB: not segmented in 2025/26 (the methodology says so), a System
    // tab with the six tests and the statutory assessment notes; and evidence
    // items on the demo review's findings.
    void icbAndFindingEvidence()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window));
        QString icbCode;
        QString reviewCode;
        for (const QString &code : window.workspace()->caseCodes()) {
            const std::unique_ptr<CaseFile> file = window.workspace()->openCase(code, Database::Mode::ReadOnly);
            if (icbCode.isEmpty() && file->identity().peerType == QLatin1String("icb"))
                icbCode = code;
            if (reviewCode.isEmpty() && !CaseworkStore(file->scope()).records(findingTable()).isEmpty())
                reviewCode = code;
        }
        QVERIFY(!icbCode.isEmpty());
        QVERIFY(!reviewCode.isEmpty());

        QVERIFY(window.openCaseCode(icbCode));
        CaseView *view = window.caseView();
        QVERIFY(view->tabs()->isTabVisible(view->tabs()->indexOf(view->systemPage())));
        view->tabs()->setCurrentWidget(view->systemPage());
        SystemPage *system = view->systemPage();
        QCOMPARE(system->considerations()->rowCount(), 6);
        QCOMPARE(system->summary()->text(), QStringLiteral("6 of 6 answered; 2 answered yes."));
        QCOMPARE(system->assessments()->rowCount(), 1);
        if (qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR"))
            window.grab().save(QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR")).filePath(QStringLiteral("icb-system.png")));
        CaseSession *session = view->context().session;
        QCOMPARE(session->setSystemConsideration(window.currentQuarter(), QStringLiteral("uec"), QStringLiteral("answer"),
                                                 QStringLiteral("yes")),
                 QString());
        QCoreApplication::processEvents();  // the page reloads queued
        QCOMPARE(system->summary()->text(), QStringLiteral("6 of 6 answered; 3 answered yes."));
        QVERIFY(!session->setSystemConsideration(window.currentQuarter(), QStringLiteral("uec"), QStringLiteral("answer"),
                                                 QStringLiteral("maybe")).isEmpty());  // refused by the schema
        QVERIFY(!session->setSystemConsideration(window.currentQuarter(), QStringLiteral("uec"), QStringLiteral("quarter"),
                                                 QStringLiteral("x")).isEmpty());
        // A date typed wrong into a note's cell (issue 13): said under the
        // table, the cell keeping what was typed; no alert, nothing stored.
        {
            QStringList alerts;
            QTimer watcher;
            watcher.setInterval(20);
            connect(&watcher, &QTimer::timeout, &watcher, [&alerts] {
                if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                    alerts.append(box->text());
                    box->close();
                }
            });
            watcher.start();
            QTableWidget *notes = system->assessments();
            const qint64 id = notes->item(0, 0)->data(Qt::UserRole).toLongLong();
            const QString stored = session->casework().field(statutoryAssessmentTable(), id, QStringLiteral("assessed_on"));
            QTest::qWait(300); // the reloads the earlier edits queued
            notes->item(0, 0)->setText(QStringLiteral("31/13/2027"));
            QCOMPARE(notes->item(0, 0)->text(), QStringLiteral("31/13/2027"));
            QCoreApplication::processEvents();
            QVERIFY2(alerts.isEmpty(), qPrintable(alerts.join(QLatin1Char('\n'))));
            QCOMPARE(notes->item(0, 0)->text(), QStringLiteral("31/13/2027"));
            auto explained = [system] {
                for (const QLabel *label : system->findChildren<QLabel *>())
                    if (label->isVisible() && label->text().startsWith(QStringLiteral("\"31/13/2027\" is not a date")))
                        return true;
                return false;
            };
            QVERIFY(explained());
            QCOMPARE(session->casework().field(statutoryAssessmentTable(), id, QStringLiteral("assessed_on")), stored);
            // A day of the note's year, and not after today.
            const QString year = session->casework().field(statutoryAssessmentTable(), id, QStringLiteral("year"));
            const QDate on = std::min(QDate::currentDate(), quarterStart(year + QStringLiteral(" Q1")).addYears(1).addDays(-1));
            notes->item(0, 0)->setText(on.toString(QStringLiteral("dd/MM/yyyy")));
            QCoreApplication::processEvents();
            QCOMPARE(session->casework().field(statutoryAssessmentTable(), id, QStringLiteral("assessed_on")),
                     on.toString(Qt::ISODate));
            QVERIFY(!explained());
            QVERIFY(alerts.isEmpty());
            window.undoGroup()->undo();
            QCoreApplication::processEvents();
        }
        QCOMPARE(system->addAssessment(QStringLiteral("Finance"), QStringLiteral("System plan balanced.")), QString());
        QCoreApplication::processEvents();
        QCOMPARE(system->assessments()->rowCount(), 2);
        window.undoGroup()->undo();
        window.undoGroup()->undo();
        QCoreApplication::processEvents();
        QCOMPARE(system->summary()->text(), QStringLiteral("6 of 6 answered; 2 answered yes."));
        QCOMPARE(system->assessments()->rowCount(), 1);
        view->tabs()->setCurrentIndex(0);
        if (qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR"))
            window.grab().save(QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR")).filePath(QStringLiteral("icb-overview.png")));
        // Segmented under the demo's 2026/27 rules, explained in their terms;
        // not segmented in 2025/26, and the case says so.
        const auto saying = [view](const QString &text) {
            for (const QLabel *label : view->findChildren<QLabel *>())
                if (label->text().contains(text))
                    return true;
            return false;
        };
        QCOMPARE(window.currentQuarter(), QStringLiteral("2026/27 Q1"));
        QVERIFY(saying(QStringLiteral("against the 2026/27 thresholds")));
        QVERIFY(!saying(QStringLiteral("not segmented in")));
        QVERIFY(goToQuarter(window, QStringLiteral("2025/26 Q4")));
        QVERIFY(saying(QStringLiteral("not segmented in 2025/26")));
        QVERIFY(goToQuarter(window, QStringLiteral("2026/27 Q1")));

        // A trust: no System tab; evidence items on a finding, undoable.
        QVERIFY(window.openCaseCode(reviewCode));
        QVERIFY(!view->tabs()->isTabVisible(view->tabs()->indexOf(view->systemPage())));
        view->tabs()->setCurrentWidget(view->caseworkPage());
        CaseworkPage *casework = view->caseworkPage();
        QVERIFY(casework->findings()->rowCount() >= 1);
        casework->findings()->setCurrentCell(0, 0);
        QCOMPARE(casework->findingEvidence()->rowCount(), 2);
        QCOMPARE(casework->addFindingEvidence(QStringLiteral("Theatre utilisation data"), QStringLiteral("Model Health System")),
                 QString());
        QCoreApplication::processEvents();
        QCOMPARE(casework->findingEvidence()->rowCount(), 3);
        QCOMPARE(casework->findingEvidence()->item(2, 0)->text(), QStringLiteral("Theatre utilisation data"));
        if (qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR"))
            window.grab().save(QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR")).filePath(QStringLiteral("finding-evidence.png")));
        window.undoGroup()->undo();
        QCoreApplication::processEvents();
        QCOMPARE(casework->findingEvidence()->rowCount(), 2);
        // The root cause is picked from the methodology's list in its cell, as
        // in the form; a value put there anyway is refused, nothing stored.
        QVERIFY(qobject_cast<ChoiceDelegate *>(casework->findings()->itemDelegateForColumn(0)));
        // A finding's root cause and severity are required: their cells'
        // editors offer only the methodology's choices, and fill the cell.
        {
            QTableWidget *findings = casework->findings();
            for (const int column : {0, 1}) {
                auto *delegate = qobject_cast<ChoiceDelegate *>(findings->itemDelegateForColumn(column));
                QVERIFY(delegate && delegate->isRequired());
            }
            findings->setColumnWidth(1, 400);
            findings->editItem(findings->item(0, 1));
            QTest::qWait(150); // past a combo box's own resizing to its contents
            auto *combo = findings->viewport()->findChild<QComboBox *>();
            QVERIFY(combo);
            QCOMPARE(combo->findData(QString()), -1);
            QCOMPARE(combo->count(), int(view->context().session->methodology().casework().severities.items.size()));
            QCOMPARE(combo->geometry().width(), findings->visualItemRect(findings->item(0, 1)).width());
            if (qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR"))
                window.grab().save(QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR")).filePath(QStringLiteral("cell-editor.png")));
            QTest::keyClick(combo, Qt::Key_Escape);
            QCoreApplication::processEvents();
        }
        CaseSession *trust = view->context().session;
        const qint64 findingId = casework->findings()->item(0, 0)->data(Qt::UserRole).toLongLong();
        const QString cause = trust->casework().field(findingTable(), findingId, QStringLiteral("category"));
        casework->findings()->item(0, 0)->setText(QStringLiteral("kinda"));
        QCoreApplication::processEvents();
        QCOMPARE(trust->casework().field(findingTable(), findingId, QStringLiteral("category")), cause);
        casework->findings()->item(0, 1)->setText(QStringLiteral("very bad"));
        QCoreApplication::processEvents();
        QVERIFY(trust->casework().field(findingTable(), findingId, QStringLiteral("severity")) != QStringLiteral("very bad"));
    }

    // Statuses typed in any case count (issue 11): "Met" and "DONE" are not
    // overdue, in the case and in the portfolio; the demo entered the
    // programme on a date inside its entry quarter.
    void statusesInAnyCaseAndDemoDates()
    {
        MainWindow window;
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("statuses")));
        QString inProgramme;
        for (const QString &code : window.workspace()->caseCodes()) {
            const std::unique_ptr<CaseFile> caseFile = window.workspace()->openCase(code, Database::Mode::ReadOnly);
            CaseworkStore store(caseFile->scope());
            for (const QVariantMap &p : store.records(programmeTable())) {
                const QString quarter = p.value(QStringLiteral("entry_quarter")).toString();
                const QDate entry = QDate::fromString(p.value(QStringLiteral("entry_date")).toString(), Qt::ISODate);
                QVERIFY2(entry >= quarterStart(quarter) && entry < quarterStart(quarter).addMonths(3),
                    qPrintable(QStringLiteral("%1 entered on %2, outside %3").arg(code, entry.toString(Qt::ISODate), quarter)));
                if (caseFile->identity().peerType == QLatin1String("acute"))
                    inProgramme = code;
            }
        }
        QVERIFY(!inProgramme.isEmpty());
        QVERIFY(window.openCaseCode(inProgramme));
        window.caseView()->tabs()->setCurrentWidget(window.caseView()->caseworkPage());
        CaseworkPage *page = window.caseView()->caseworkPage();
        CaseSession *session = window.caseView()->context().session;
        const qint64 programme = session->casework().programmeIn(window.currentQuarter());
        QVERIFY(programme > 0);
        QCOMPARE(session->addRecord(criterionTable(),
                     { { QStringLiteral("programme_id"), programme }, { QStringLiteral("description"), QStringLiteral("Met in capitals") },
                         // not due before the entry (tester's report 13, item 6)
                         { QStringLiteral("due_date"), session->casework().field(programmeTable(), programme, QStringLiteral("entry_date")) },
                         { QStringLiteral("status"), QStringLiteral("Met") } },
                     QStringLiteral("add")),
            QString());
        QCOMPARE(page->addMilestone(QStringLiteral("Done in capitals"), QStringLiteral("2020-01-31")), QString());
        QTest::qWait(100);
        QTableWidget *milestones = page->milestones();
        const int last = milestones->rowCount() - 1;
        QCOMPARE(milestones->item(last, 0)->foreground().color(), QColor(0xda, 0x29, 0x1c)); // open and overdue
        const qint64 milestone = milestones->item(last, 0)->data(Qt::UserRole).toLongLong();
        const int steps = session->undoStack()->index();
        milestones->item(last, 3)->setText(QStringLiteral("DONE"));
        QTest::qWait(100);
        // The status and the date it was done: one write, one undo step.
        QCOMPARE(session->undoStack()->index(), steps + 1);
        QCOMPARE(session->casework().field(milestoneTable(), milestone, QStringLiteral("done_date")),
                 QDate::currentDate().toString(Qt::ISODate));
        // Red as the status counts it (tester's report 13, item 8): done today is
        // no longer overdue, unless the quarter in view ended before today
        // (then it was still overdue at that quarter's end).
        const bool endedBefore = overdueAsOf(window.currentQuarter(), QDate::currentDate()) < QDate::currentDate();
        QCOMPARE(page->milestones()->item(last, 0)->foreground().color() == QColor(0xda, 0x29, 0x1c), endedBefore);
        QCOMPARE(page->milestones()->item(last, 3)->text(), QStringLiteral("Done"));
        QVERIFY(!page->milestones()->item(last, 2)->text().isEmpty()); // the date it was done
        QTableWidget *criteria = page->criteria();
        QCOMPARE(criteria->item(criteria->rowCount() - 1, 0)->text(), QStringLiteral("Met in capitals"));
        QVERIFY(criteria->item(criteria->rowCount() - 1, 0)->foreground().color() != QColor(0xda, 0x29, 0x1c));
    }

    // Tester's report 13, items 3, 8, 12, 16: casework tables name what the
    // methodology names (never stored ids), one overdue count for milestones
    // in the section and the navigator, an ICB in the programme is
    // "equivalent to segment 5", and nothing to act on means no action.
    void caseworkNamesCountsAndEmptyStates()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("names")));
        QString icbCode;
        QString reviewCode;
        for (const QString &code : window.workspace()->caseCodes()) {
            const std::unique_ptr<CaseFile> file = window.workspace()->openCase(code, Database::Mode::ReadOnly);
            if (icbCode.isEmpty() && file->identity().peerType == QLatin1String("icb"))
                icbCode = code;
            if (reviewCode.isEmpty() && !CaseworkStore(file->scope()).records(findingTable()).isEmpty())
                reviewCode = code;
        }
        QVERIFY(!icbCode.isEmpty());
        QVERIFY(!reviewCode.isEmpty());
        QVERIFY(window.openCaseCode(reviewCode));
        CaseView *view = window.caseView();
        view->tabs()->setCurrentWidget(view->caseworkPage());
        CaseworkPage *page = view->caseworkPage();
        CaseSession *session = view->context().session;
        const Methodology &methodology = session->methodology();
        const QList<QVariantMap> findings = session->casework().records(findingTable());
        QVERIFY(page->findings()->rowCount() >= 1);
        const QString severity = findings.first().value(QStringLiteral("severity")).toString();
        QVERIFY(!severity.isEmpty());
        QCOMPARE(page->findings()->item(0, 1)->text(), methodology.casework().severities.nameOf(severity));
        QVERIFY(page->findings()->item(0, 1)->text() != severity);
        // Domains and metrics by name, as the reports print them.
        const QString domains = findings.first().value(QStringLiteral("domains")).toString();
        for (const Domain &d : methodology.domains())
            if (domains.contains(d.id))
                QVERIFY2(page->findings()->item(0, 4)->text().contains(d.name), qPrintable(page->findings()->item(0, 4)->text()));
        const QString metrics = findings.first().value(QStringLiteral("metrics")).toString();
        for (const MetricDefinition &m : methodology.metrics())
            if (!metrics.isEmpty() && metrics.split(QStringLiteral(", ")).contains(m.id))
                QVERIFY2(page->findings()->item(0, 5)->text().contains(m.name), qPrintable(page->findings()->item(0, 5)->text()));

        // No milestones: nothing to mark done or remove.
        auto button = [page](const QString &text) {
            for (QPushButton *b : page->findChildren<QPushButton *>())
                if (b->text().remove(QLatin1Char('&')) == text)
                    return b;
            return static_cast<QPushButton *>(nullptr);
        };
        for (const QVariantMap &m : session->casework().records(milestoneTable()))
            QCOMPARE(session->removeRecord(milestoneTable(), m.value(QStringLiteral("id")).toLongLong(), QStringLiteral("remove")), QString());
        QTest::qWait(100);
        QVERIFY(button(QStringLiteral("Remove Milestone")));
        QVERIFY(!button(QStringLiteral("Remove Milestone"))->isEnabled());
        QVERIFY(!button(QStringLiteral("Mark Milestone Done"))->isEnabled());
        // One overdue milestone: the red row, the section's line and the navigator agree.
        QCOMPARE(page->addMilestone(QStringLiteral("Board-approved recovery plan"), QStringLiteral("2020-01-31")), QString());
        QTest::qWait(100);
        // Issue 13 (tester): the row actions wait for a row selected, Remove
        // as Mark Done does; every section's Remove likewise.
        QVERIFY(!button(QStringLiteral("Remove Milestone"))->isEnabled());
        QVERIFY(!button(QStringLiteral("Mark Milestone Done"))->isEnabled());
        page->milestones()->selectRow(0);
        QVERIFY(button(QStringLiteral("Remove Milestone"))->isEnabled());
        QVERIFY(button(QStringLiteral("Mark Milestone Done"))->isEnabled());
        page->milestones()->clearSelection();
        QVERIFY(!button(QStringLiteral("Remove Milestone"))->isEnabled());
        for (const QString &remove : {QStringLiteral("Remove Criterion"), QStringLiteral("Remove Review"),
                                      QStringLiteral("Remove Point"), QStringLiteral("Remove Finding"),
                                      QStringLiteral("Remove Evidence Item")})
            if (QPushButton *b = button(remove); b && b->isEnabled()) {
                bool selected = false;
                for (const QTableWidget *t : page->findChildren<QTableWidget *>())
                    selected = selected || !t->selectionModel()->selectedRows().isEmpty();
                QVERIFY2(selected, qPrintable(remove + QStringLiteral(" enabled with no row selected")));
            }
        QCOMPARE(page->milestones()->item(0, 0)->foreground().color(), QColor(0xda, 0x29, 0x1c));
        QCOMPARE(page->milestones()->item(0, 3)->text(),
                 methodology.casework().milestoneStatuses.nameOf(methodology.casework().milestoneStatuses.firstId()));
        auto *navigator = page->findChild<QListWidget *>();
        QVERIFY(navigator);
        QString milestonesLine;
        for (int i = 0; i < navigator->count(); ++i)
            if (navigator->item(i)->text().startsWith(QStringLiteral("Milestones")))
                milestonesLine = navigator->item(i)->text();
        QVERIFY2(milestonesLine.contains(QStringLiteral("1 overdue")), qPrintable(milestonesLine));
        bool sectionSays = false;
        for (const QLabel *label : page->findChildren<QLabel *>())
            sectionSays = sectionSays || label->text().startsWith(QStringLiteral("Overdue milestones (1)"));
        QVERIFY(sectionSays);

        // An ICB in the programme in a year that does not segment ICBs
        // (2025/26): "equivalent to segment 5", never "segment 5" alone; in
        // 2026/27, which segments them, segment 5.
        QVERIFY(goToQuarter(window, QStringLiteral("2025/26 Q4")));
        QVERIFY(window.openCaseCode(icbCode));
        view->tabs()->setCurrentWidget(view->caseworkPage());
        session = view->context().session;
        if (session->casework().programmeIn(window.currentQuarter()) == 0)
            QCOMPARE(page->enterProgramme(QStringLiteral("Regional decision"), QString()), QString());
        QTest::qWait(100);
        bool equivalent = false;
        for (const QLabel *label : page->programme()->findChildren<QLabel *>()) {
            QVERIFY2(!label->text().contains(QStringLiteral(": segment 5")), qPrintable(label->text()));
            equivalent = equivalent || label->text().contains(QStringLiteral("equivalent to segment 5 until an exit"));
        }
        QVERIFY(equivalent);
        QVERIFY(goToQuarter(window, QStringLiteral("2026/27 Q1")));
        QTest::qWait(100);
        bool segmentFive = false;
        for (const QLabel *label : page->programme()->findChildren<QLabel *>()) {
            QVERIFY2(!label->text().contains(QStringLiteral("equivalent to segment 5")), qPrintable(label->text()));
            segmentFive = segmentFive || label->text().contains(QStringLiteral(": segment 5 until an exit"));
        }
        QVERIFY(segmentFive);
    }

    // Another case's casework starts at its top, not where the last case
    // was left (issue 11 retest).
    void caseworkScrollResetsForAnotherCase()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("scroll")));
        const QStringList codes = window.workspace()->caseCodes();
        QVERIFY(codes.size() >= 2);
        window.resize(1280, 480);
        auto *scroll = window.caseView()->caseworkPage()->findChild<QScrollArea *>();
        QVERIFY(scroll);
        QString scrolled;  // a case whose casework is longer than the page
        for (const QString &code : codes) {
            QVERIFY(window.openCaseCode(code));
            window.caseView()->tabs()->setCurrentWidget(window.caseView()->caseworkPage());
            QTest::qWait(100);
            if (scroll->verticalScrollBar()->maximum() > 0) {
                scrolled = code;
                break;
            }
        }
        QVERIFY(!scrolled.isEmpty());
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
        QVERIFY(window.openCaseCode(codes.at(codes.at(0) == scrolled ? 1 : 0)));
        window.caseView()->tabs()->setCurrentWidget(window.caseView()->caseworkPage());
        QTest::qWait(100);
        QCOMPARE(scroll->verticalScrollBar()->value(), 0);
    }

    // Issue 13 (tester): each casework table is as tall as its rows (up to
    // a bound): the findings table with a milestones table below it is no
    // scroll box with a row cut off, a short table no tall empty box.
    void caseworkTablesFitTheirRows()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("fit")));
        QString reviewCode;
        for (const QString &code : window.workspace()->caseCodes()) {
            const std::unique_ptr<CaseFile> file = window.workspace()->openCase(code, Database::Mode::ReadOnly);
            if (reviewCode.isEmpty() && CaseworkStore(file->scope()).records(findingTable()).size() >= 2)
                reviewCode = code;
        }
        QVERIFY(!reviewCode.isEmpty());
        QVERIFY(window.openCaseCode(reviewCode));
        CaseworkPage *page = window.caseView()->caseworkPage();
        window.caseView()->tabs()->setCurrentWidget(page);
        QCOMPARE(page->addMilestone(QStringLiteral("Board-approved recovery plan"), QStringLiteral("2030-01-31")), QString());
        QTest::qWait(150);
        QVERIFY(page->findings()->rowCount() >= 2);
        int looked = 0;
        for (QTableWidget *table : page->findChildren<QTableWidget *>()) {
            if (!table->isVisible() || table->rowCount() == 0 || table->rowCount() > 8)
                continue;
            const int rows = table->verticalHeader()->length();
            QVERIFY2(table->verticalScrollBar()->maximum() == 0,
                     qPrintable(table->accessibleName() + QStringLiteral(": a row cut off")));
            QVERIFY2(table->viewport()->height() - rows < 40,
                     qPrintable(table->accessibleName()
                                + QStringLiteral(": %1 px empty").arg(table->viewport()->height() - rows)));
            ++looked;
        }
        QVERIFY(looked >= 3);
        if (qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR")) {
            auto *scroll = page->findChild<QScrollArea *>();
            scroll->verticalScrollBar()->setValue(page->findings()->mapTo(scroll->widget(), QPoint(0, 0)).y() - 100);
            QTest::qWait(50);
            window.grab().save(QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR")).filePath(QStringLiteral("casework-tables.png")));
        }
    }

    // Issue 13 (tester): the navigator highlights the section in view, not
    // the one whose last lines are at the top of the page with the next
    // filling it; at the end of the page, the last section whose top shows.
    void navigatorFollowsSectionInView()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("navigator")));
        CaseworkPage *page = window.caseView()->caseworkPage();
        auto *scroll = page->findChild<QScrollArea *>();
        auto *navigator = page->findChild<QListWidget *>();
        QVERIFY(scroll && navigator);
        QScrollBar *bar = scroll->verticalScrollBar();
        auto sectionAt = [navigator](int row) {
            return qobject_cast<QWidget *>(navigator->item(row)->data(Qt::UserRole).value<QObject *>());
        };
        int checked = 0;
        for (const QString &code : window.workspace()->caseCodes()) {
            QVERIFY(window.openCaseCode(code));
            window.caseView()->tabs()->setCurrentWidget(page);
            // A programme for this case, so that its sections are long.
            CaseSession *session = window.caseView()->context().session;
            if (session->casework().programmeIn(window.currentQuarter()) == 0)
                page->enterProgramme(QStringLiteral("Regional decision"), QString());
            QTest::qWait(100);
            for (int row = 1; row < navigator->count(); ++row) {
                QWidget *section = sectionAt(row);
                if (navigator->item(row)->isHidden() || section->height() < scroll->viewport()->height() / 2)
                    continue;
                // The section before it ends 60 px into the page.
                bar->setValue(section->y() - 60);
                QTest::qWait(50);
                if (bar->value() >= bar->maximum())
                    continue;
                QCOMPARE(navigator->currentRow(), row);
                ++checked;
            }
            bar->setValue(bar->maximum());
            QTest::qWait(50);
            if (bar->maximum() > 0) {
                QWidget *current = sectionAt(navigator->currentRow());
                QVERIFY(current->y() >= bar->value());
                for (int row = navigator->currentRow() + 1; row < navigator->count(); ++row)
                    QVERIFY(navigator->item(row)->isHidden() || sectionAt(row)->y() >= bar->value() + scroll->viewport()->height());
            }
            if (checked >= 2)
                break;
        }
        QVERIFY(checked >= 1);
    }

    // Issue 13: a record form is keyboard-complete (type, Tab, Enter), reads
    // a typed UK date, and on a bad entry stays open with the input kept and
    // the reason beside the field.
    void recordFormByKeyboard()
    {
        using Kind = RecordField::Kind;
        RecordDialog dialog(QStringLiteral("Add Milestone"), QString(),
                            {{QStringLiteral("description"), QStringLiteral("Milestone"), Kind::Text, true},
                             {QStringLiteral("due_date"), QStringLiteral("Due date"), Kind::Date, true},
                             {QStringLiteral("status"), QStringLiteral("Status"), Kind::Choice, true, QStringLiteral("open"),
                              {{QStringLiteral("open"), QStringLiteral("Open")}, {QStringLiteral("done"), QStringLiteral("Done")}}}});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QWidget *description = dialog.field(QStringLiteral("description"));
        description->setFocus();
        QTest::keyClicks(description, QStringLiteral("Plan signed off"));
        QTest::keyClick(description, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog.field(QStringLiteral("due_date")));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("31/13/2027"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(dialog.isVisible()); // refused in place
        QCOMPARE(qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("due_date")))->text(), QStringLiteral("31/13/2027"));
        bool explained = false;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            explained = explained || (label->isVisible() && label->text().contains(QStringLiteral("is not a date")));
        QVERIFY(explained);
        auto *date = qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("due_date")));
        date->selectAll();
        QTest::keyClicks(date, QStringLiteral("31 Mar 2027"));
        QTest::keyClick(date, Qt::Key_Return);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const QVariantMap values = dialog.values();
        QCOMPARE(values.value(QStringLiteral("description")).toString(), QStringLiteral("Plan signed off"));
        QCOMPARE(values.value(QStringLiteral("due_date")).toString(), QStringLiteral("2027-03-31"));
        QCOMPARE(values.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
    }

    // Issue 13 retest: the regional decision, the most consequential
    // choice, starts unset (never the first of the list) and the form is
    // refused in place until one is chosen.
    void decisionMustBeChosen()
    {
        using Kind = RecordField::Kind;
        RecordField decision(QStringLiteral("decision"), QStringLiteral("Decision"), Kind::Choice, true, QString(),
                             {{QStringLiteral("programme"), QStringLiteral("Enter the Recovery Support Programme")},
                              {QStringLiteral("regional-support"), QStringLiteral("Stay in segment 4 with regional support")}});
        decision.mustChoose = true;
        RecordDialog dialog(QStringLiteral("Record the Regional Decision"), QString(), {decision});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *box = qobject_cast<QComboBox *>(dialog.field(QStringLiteral("decision")));
        QVERIFY(box);
        QVERIFY(box->currentData().toString().isEmpty());
        QVERIFY(box->currentText() != QStringLiteral("Enter the Recovery Support Programme"));
        QMetaObject::invokeMethod(&dialog, "accept");
        QApplication::processEvents();
        QVERIFY(dialog.isVisible()); // refused in place
        bool explained = false;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            explained = explained || (label->isVisible() && label->text().contains(QStringLiteral("Decision is needed")));
        QVERIFY(explained);
        box->setCurrentIndex(box->findData(QStringLiteral("regional-support")));
        QMetaObject::invokeMethod(&dialog, "accept");
        QApplication::processEvents();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.values().value(QStringLiteral("decision")).toString(), QStringLiteral("regional-support"));
    }

    // Issue 13 (tester, round 3): a form grows for its messages and, once
    // they are cleared, goes back to its own height, not left with a gap
    // where they were.
    void recordFormShrinksBack()
    {
        using Kind = RecordField::Kind;
        RecordDialog dialog(QStringLiteral("Add Exit Criterion"),
                            QStringLiteral("A condition agreed at entry for leaving the programme: what is measured, the "
                                           "target to reach and by when, as the regional support group agreed it with "
                                           "the trust's board."),
                            {{QStringLiteral("criterion"), QStringLiteral("Criterion"), Kind::Text, true},
                             {QStringLiteral("due_date"), QStringLiteral("Due date"), Kind::Date, true},
                             {QStringLiteral("notes"), QStringLiteral("Notes"), Kind::Paragraph, false}});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QApplication::processEvents();
        const int plain = dialog.height();
        auto *date = qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("due_date")));
        date->setText(QStringLiteral("31/02/2027 is the date we agreed at the review meeting"));
        QMetaObject::invokeMethod(&dialog, "accept");
        QApplication::processEvents();
        QVERIFY(dialog.isVisible());
        const int grown = dialog.height();
        QVERIFY2(grown > plain, qPrintable(QStringLiteral("%1 -> %2").arg(plain).arg(grown)));
        qobject_cast<QLineEdit *>(dialog.field(QStringLiteral("criterion")))->setText(QStringLiteral("Waits to plan"));
        date->setText(QStringLiteral("31/03/2027"));
        QApplication::processEvents();
        QTest::qWait(50);
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            QVERIFY2(!label->isVisible() || !label->text().contains(QStringLiteral("needed")), qPrintable(label->text()));
        QVERIFY2(dialog.height() == plain, qPrintable(QStringLiteral("%1 -> %2 -> %3").arg(plain).arg(grown).arg(dialog.height())));
    }

    // A case switch reads each of the case's tables once, one statement per
    // table (on a team workspace each is a round trip, over a VPN 20-50 ms):
    // what it sends does not grow with the case's quarters, metrics or
    // records. Two trusts of one peer type, one as the demo made it and one
    // given many records (a programme, milestones, trajectory points in
    // every quarter, notes), then as many again: on every tab, switching to
    // either sends a few statements, and the grown case no more after its
    // records doubled.
    void caseSwitchStatementsDoNotGrow()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("switches")));
        const QString small = QStringLiteral("ZAC");
        const QString grown = QStringLiteral("ZAJ");
        QVERIFY(window.openCaseCode(grown));
        CaseSession *session = window.caseView()->context().session;
        QCOMPARE(session->identity().code, grown);
        const QStringList quarters = window.caseView()->context().quarters;
        QVERIFY(quarters.size() >= 8);
        QStringList metrics;
        for (const MetricDefinition &metric : session->methodology().metrics())
            if (metric.appliesTo.contains(session->identity().peerType) && metric.direction)
                metrics.append(metric.id);
        QVERIFY(metrics.size() >= 4);
        QCOMPARE(session->enterProgramme(quarters.first(), QStringLiteral("Regional decision"), QStringLiteral("A. Director")),
                 QString());
        // Records of every kind the pages read, `batch` telling them apart.
        const auto addRecords = [&](int batch) {
            for (int m = 0; m < 10; ++m)
                QCOMPARE(session->addRecord(milestoneTable(),
                                            {{QStringLiteral("description"), QStringLiteral("Milestone %1.%2").arg(batch).arg(m)},
                                             {QStringLiteral("due_date"), QStringLiteral("2026-05-%1").arg(m + 1, 2, 10, QLatin1Char('0'))},
                                             {QStringLiteral("status"), QStringLiteral("open")}},
                                            QStringLiteral("Add milestone")),
                         QString());
            for (int m = 2 * batch; m < 2 * batch + 2; ++m)
                for (const QString &quarter : quarters)
                    QCOMPARE(session->addRecord(trajectoryTable(),
                                                {{QStringLiteral("metric_id"), metrics.at(m)},
                                                 {QStringLiteral("quarter"), quarter},
                                                 {QStringLiteral("planned"), QStringLiteral("50")}},
                                                QStringLiteral("Add trajectory point")),
                             QString());
            for (int n = 0; n < 5; ++n)
                QCOMPARE(session->addNote(QStringLiteral("domain"), QStringLiteral("access"),
                                          QStringLiteral("Note %1.%2").arg(batch).arg(n)),
                         QString());
        };
        // The statements one switch to `code` sends, the page in view filled.
        const auto switchTo = [&](const QString &code) {
            const qint64 before = Database::statementsSent();
            window.openCaseCode(code);
            QCoreApplication::processEvents();
            return Database::statementsSent() - before;
        };
        // Each tab's switches: to the grown case and back to the small one.
        QTabWidget *tabs = window.caseView()->tabs();
        const auto switchesOnEveryTab = [&] {
            QList<std::pair<qint64, qint64>> sent;
            for (int tab = 0; tab < tabs->count(); ++tab) {
                window.openCaseCode(small);
                tabs->setCurrentIndex(tab);
                QCoreApplication::processEvents();
                const qint64 toGrown = switchTo(grown);
                sent.append({toGrown, switchTo(small)});
            }
            return sent;
        };
        addRecords(0);
        const QList<std::pair<qint64, qint64>> before = switchesOnEveryTab();
        window.openCaseCode(grown);
        addRecords(1);
        const QList<std::pair<qint64, qint64>> after = switchesOnEveryTab();
        // One statement per case table the page shows, whatever its rows.
        constexpr qint64 kAtMost = 20;
        for (int tab = 0; tab < tabs->count(); ++tab) {
            const QString figures = QStringLiteral("%1 tab: switching to %2 sent %3 statements, then %4 with twice the "
                                                   "records; to %5 %6")
                                        .arg(tabs->tabText(tab), grown)
                                        .arg(before.at(tab).first)
                                        .arg(after.at(tab).first)
                                        .arg(small)
                                        .arg(after.at(tab).second);
            qInfo("%s", qPrintable(figures));
            QVERIFY2(after.at(tab).first == before.at(tab).first, qPrintable(figures));
            QVERIFY2(after.at(tab).first <= kAtMost && after.at(tab).second <= kAtMost, qPrintable(figures));
        }
    }

private:
    owbtest::DemoFolder m_demo;
};

QTEST_MAIN(TestCasePages)
#include "tst_casepages.moc"
