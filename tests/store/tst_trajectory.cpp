// The forward plan against what happened: a trajectory point whose actual
// value misses the plan, in the metric's direction, is off trajectory; one
// planned ahead (no data yet) or met is not, and neither is one in a quarter
// the organisation is not in the programme (issue 13: after its exit).

#include "casework/casesession.h"
#include "casework/casework.h"
#include "casework/metricview.h"
#include "casework/plannedquarters.h"
#include "casework/trajectory.h"
#include "store/casefile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "casefixture.h"

using namespace owb;

class TestTrajectory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { OWB_BACKEND_READY(); }
    void cleanupTestCase() { owbtest::dropCaseTemplate(); }

    void plannedValuesRead()
    {
        QCOMPARE(plannedValue(QStringLiteral("62")), std::optional<double>(62));
        QCOMPARE(plannedValue(QStringLiteral(" 62.5% ")), std::optional<double>(62.5));
        QVERIFY(!plannedValue(QStringLiteral("more")));
    }

    // A percentage's chart axis stays inside 0 to 100: the trajectory of a
    // metric near 0% once ran to -20.0 (the independent tester's find).
    void chartAxisInsideTheValidRange()
    {
        // OF0003's shape: actual values 1.4 to 4.2%, one plan of 70%.
        AxisRange range = valueAxisRange(1.4, 70, 0.0, 100.0);
        QCOMPARE(range.min, 0.0);
        QCOMPARE(range.max, 80.0);
        QCOMPARE(range.step, 20.0);
        // Values near 0: margins, none below 0.
        range = valueAxisRange(1.4, 4.2, 0.0, 100.0);
        QVERIFY(range.min >= 0 && range.min < 1.4);
        QVERIFY(range.max > 4.2 && range.max <= 5.0);
        range = valueAxisRange(0.2, 4.2, 0.0, 100.0);
        QCOMPARE(range.min, 0.0);
        // Near 100: never above it.
        range = valueAxisRange(96, 99.5, 0.0, 100.0);
        QCOMPARE(range.max, 100.0);
        QVERIFY(range.min <= 96 && range.min >= 95);
        // A control limit below 0 is cut at 0.
        range = valueAxisRange(-3, 5, 0.0, 100.0, 0.08, 0.5);
        QCOMPARE(range.min, 0.0);
        // An open range keeps its margins either way.
        range = valueAxisRange(-10, 10, std::nullopt, std::nullopt);
        QVERIFY(range.min < -10 && range.max > 10);
        // One value: still a span, inside the range.
        range = valueAxisRange(0, 0, 0.0, 100.0);
        QCOMPARE(range.min, 0.0);
        QVERIFY(range.max > 0);
        range = valueAxisRange(100, 100, 0.0, 100.0);
        QCOMPARE(range.max, 100.0);
        QVERIFY(range.min < 100);
    }

    void missesInTheMetricsDirection()
    {
        MetricDefinition lower;
        lower.direction = Direction::Lower;
        MetricDefinition higher;
        higher.direction = Direction::Higher;
        MetricDefinition banded; // no direction
        QVERIFY(missesPlan(lower, 10, 11));
        QVERIFY(!missesPlan(lower, 10, 9));
        QVERIFY(!missesPlan(lower, 10, 10));
        QVERIFY(missesPlan(higher, 10, 9));
        QVERIFY(!missesPlan(higher, 10, 11));
        QVERIFY(!missesPlan(banded, 10, 11));
    }

    // Points planned on either side of an actual value: the one it misses is
    // off trajectory in that quarter; one planned ahead is not.
    // Add Trajectory Point... offers the first quarter not planned yet for
    // the metric (tester, issue 13 round 7), from the one after the quarter in view.
    void firstQuarterNotPlanned()
    {
        const QStringList plannable{QStringLiteral("2026/27 Q1"), QStringLiteral("2026/27 Q2"),
                                    QStringLiteral("2026/27 Q3"), QStringLiteral("2026/27 Q4")};
        QCOMPARE(firstUnplannedQuarter(plannable, QStringLiteral("2026/27 Q2"), {}), QStringLiteral("2026/27 Q2"));
        QCOMPARE(firstUnplannedQuarter(plannable, QStringLiteral("2026/27 Q2"),
                                       {QStringLiteral("2026/27 Q2"), QStringLiteral("2026/27 Q3")}),
                 QStringLiteral("2026/27 Q4"));
        QCOMPARE(firstUnplannedQuarter(plannable, QStringLiteral("2026/27 Q2"),
                                       {QStringLiteral("2026/27 Q2"), QStringLiteral("2026/27 Q3"), QStringLiteral("2026/27 Q4")}),
                 QStringLiteral("2026/27 Q1"));
        QCOMPARE(firstUnplannedQuarter(plannable, QStringLiteral("2026/27 Q2"), plannable), QStringLiteral("2026/27 Q2"));
    }

    // A planned value typed with its percent sign is stored as the number
    // (tester, issue 13 round 7: "58.5%" was stored as that text), from a
    // form or a cell alike; owb check names a point whose planned value is empty.
    void plannedValueStoredAsNumber()
    {
        owbtest::VersionOneCase fixture;
        fixture.reset();
        const Methodology &methodology = Methodology::builtIn();
        const auto sessionOwner = fixture.session(methodology);
        CaseSession &session = *sessionOwner;
        const QString quarter = session.caseFile().assessments().first().quarter;
        const MetricDefinition *metric = nullptr;
        double actual = 0;
        const auto values = session.caseFile().metricValues(quarter);
        for (auto it = values.cbegin(); it != values.cend() && !metric; ++it) {
            const MetricDefinition *m = methodology.metric(it.key());
            if (m && m->direction && it.value().kind == MetricValue::Kind::Number) {
                metric = m;
                actual = it.value().number;
            }
        }
        QVERIFY(metric);
        QCOMPARE(session.enterProgramme(quarter, QStringLiteral("decided"), QStringLiteral("A. Director")), QString());
        qint64 id = 0;
        QCOMPARE(session.addRecord(trajectoryTable(),
                                   {{QStringLiteral("metric_id"), metric->id},
                                    {QStringLiteral("quarter"), quarter},
                                    {QStringLiteral("planned"), QStringLiteral(" %1% ").arg(plainNumber(actual))}},
                                   QStringLiteral("add"), &id),
                 QString());
        QVERIFY(id > 0);
        QCOMPARE(session.casework().field(trajectoryTable(), id, QStringLiteral("planned")), plainNumber(actual));
        QCOMPARE(session.setRecordField(trajectoryTable(), id, QStringLiteral("planned"),
                                        QStringLiteral("%1%").arg(plainNumber(actual))),
                 QString());
        QCOMPARE(session.casework().field(trajectoryTable(), id, QStringLiteral("planned")), plainNumber(actual));
        QVERIFY(storedPlannedProblems(session.casework()).isEmpty());
        // Empty, as an earlier version or another tool may have left it.
        session.casework().setField(trajectoryTable(), id, QStringLiteral("planned"), QString());
        const QStringList problems = storedPlannedProblems(session.casework());
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(QStringLiteral("planned value is empty")), qPrintable(problems.first()));
    }

    void offTrajectoryInAQuarter()
    {
        owbtest::VersionOneCase fixture;
        fixture.reset();
        const Methodology &methodology = Methodology::builtIn();
        const auto sessionOwner = fixture.session(methodology);
        CaseSession &session = *sessionOwner;
        QString quarter;
        const MetricDefinition *metric = nullptr;
        double actual = 0;
        QList<StoredAssessment> newestFirst = session.caseFile().assessments();
        std::reverse(newestFirst.begin(), newestFirst.end()); // a quarter after the first, to exit in
        for (const StoredAssessment &a : newestFirst) {
            const auto values = session.caseFile().metricValues(a.quarter);
            for (auto it = values.cbegin(); it != values.cend() && !metric; ++it) {
                const MetricDefinition *m = methodology.metric(it.key());
                if (m && m->direction && it.value().kind == MetricValue::Kind::Number) {
                    metric = m;
                    quarter = a.quarter;
                    actual = it.value().number;
                }
            }
        }
        QVERIFY2(metric, "no numeric metric value in the fixture");
        QVERIFY(!isOffTrajectory(session.caseFile(), methodology, quarter));
        // The trajectory is the programme's: in it from the first quarter on.
        QCOMPARE(session.enterProgramme(session.caseFile().assessments().first().quarter, QStringLiteral("decided"),
                                        QStringLiteral("A. Director")),
                 QString());
        const bool lower = *metric->direction == Direction::Lower;
        // A plan the actual meets, then one it misses.
        const double met = lower ? actual + 1 : actual - 1;
        const double missed = lower ? actual - 1 : actual + 1;
        auto add = [&](const QString &q, double planned) {
            return session.addRecord(trajectoryTable(),
                                     {{QStringLiteral("metric_id"), metric->id},
                                      {QStringLiteral("quarter"), q},
                                      {QStringLiteral("planned"), QString::number(planned)}},
                                     QStringLiteral("add"));
        };
        QCOMPARE(add(quarter, met), QString());
        QVERIFY(!isOffTrajectory(session.caseFile(), methodology, quarter));
        const QString ahead = quartersAfter(session.caseFile().assessments().last().quarter, 2).last();
        QCOMPARE(add(ahead, missed), QString());
        QVERIFY(!isOffTrajectory(session.caseFile(), methodology, ahead)); // no data there yet
        // One planned value per metric and quarter (tester's report 13, item 9):
        // a second is refused; the plan is changed by removing the first.
        QVERIFY(!add(quarter, missed).isEmpty());
        QCOMPARE(session.removeRecord(trajectoryTable(),
                                      session.casework().records(trajectoryTable()).first().value(QStringLiteral("id")).toLongLong(),
                                      QStringLiteral("remove")),
                 QString());
        QCOMPARE(add(quarter, missed), QString());
        const QList<TrajectoryCheck> off = offTrajectoryIn(session.caseFile(), methodology, quarter);
        QCOMPARE(off.size(), 1);
        QCOMPARE(off.first().metricId, metric->id);
        QCOMPARE(off.first().planned, missed);
        QCOMPARE(*off.first().actual, actual);
        QCOMPARE(checkTrajectory(session.caseFile(), methodology).size(), 2);
        // Out of the programme in that quarter (the exit recorded in it, or
        // before): still missed, no longer counted, by every reader.
        const QList<StoredAssessment> assessments = session.caseFile().assessments();
        if (assessments.first().quarter != quarter) {
            QCOMPARE(session.recordExit(quarter, QStringLiteral("transition")), QString());
            QVERIFY(offTrajectoryIn(session.caseFile(), methodology, quarter).isEmpty());
            const QList<TrajectoryCheck> all = checkTrajectory(session.caseFile(), methodology);
            const auto point = std::find_if(all.cbegin(), all.cend(), [&](const TrajectoryCheck &c) { return c.quarter == quarter; });
            QVERIFY(point != all.cend());
            QVERIFY(point->missed && !point->inProgramme && !point->offTrajectory);
            session.undoStack()->undo(); // the exit: counted again
            QCOMPARE(offTrajectoryIn(session.caseFile(), methodology, quarter).size(), 1);
        } else {
            QSKIP("the fixture's first quarter is the one with data: no later quarter to exit in");
        }
    }
};

QTEST_GUILESS_MAIN(TestTrajectory)
#include "tst_trajectory.moc"
