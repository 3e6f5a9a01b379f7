// framework.md §3 steps 2-3, domains and league ranks; and NHS England's
// published Q3 2025/26 acute league table reproduced from its averages.

#include "data/csvreader.h"
#include "framework/assessment.h"
#include "framework/segmentation.h"

#include <QFile>
#include <QTest>

using namespace owb;

class TestSegmentation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quartiles_data()
    {
        QTest::addColumn<QList<int>>("averages");
        QTest::addColumn<double>("q1");
        QTest::addColumn<double>("q2");
        QTest::addColumn<double>("q3");
        // Expected values are a spreadsheet's QUARTILE.INC.
        QTest::newRow("four") << QList<int>{400, 100, 300, 200} << 1.75 << 2.5 << 3.25;
        QTest::newRow("five") << QList<int>{100, 200, 300, 400, 500} << 2.0 << 3.0 << 4.0;
        QTest::newRow("two") << QList<int>{100, 200} << 1.25 << 1.5 << 1.75;
        QTest::newRow("one") << QList<int>{237} << 2.37 << 2.37 << 2.37;
        QTest::newRow("six uneven") << QList<int>{153, 201, 201, 240, 288, 310} << 2.01 << 2.205 << 2.76;
        QTest::newRow("seven") << QList<int>{110, 120, 130, 140, 150, 160, 171} << 1.25 << 1.4 << 1.55;
    }
    void quartiles()
    {
        QFETCH(QList<int>, averages);
        QFETCH(double, q1);
        QFETCH(double, q2);
        QFETCH(double, q3);
        const CutPoints cuts = quartileCutPoints(averages);
        QCOMPARE(cuts.t1, q1);
        QCOMPARE(cuts.t2, q2);
        QCOMPARE(cuts.t3, q3);
    }

    void segments_data()
    {
        QTest::addColumn<int>("average");
        QTest::addColumn<int>("segment");
        QTest::newRow("below t1") << 200 << 1;
        QTest::newRow("on t1") << 210 << 1;
        QTest::newRow("just above t1") << 211 << 2;
        QTest::newRow("on t2") << 235 << 2;
        QTest::newRow("on t3") << 270 << 3;
        QTest::newRow("above t3") << 271 << 4;
    }
    void segments()
    {
        QFETCH(int, average);
        QFETCH(int, segment);
        QCOMPARE(segmentFor(average, {2.10, 2.35, 2.70}), segment);
    }

    void financeOverride()
    {
        QCOMPARE(applyFinanceOverride(1, true, 3), 3);
        QCOMPARE(applyFinanceOverride(2, true, 3), 3);
        QCOMPARE(applyFinanceOverride(3, true, 3), 3);
        QCOMPARE(applyFinanceOverride(4, true, 3), 4);
        QCOMPARE(applyFinanceOverride(1, false, 3), 1);
        QCOMPARE(applyFinanceOverride(1, true, 2), 2);
    }

    void improvementToNext_data()
    {
        QTest::addColumn<int>("average");
        QTest::addColumn<int>("raw");
        QTest::addColumn<int>("needed");
        QTest::newRow("segment 1: nothing") << 150 << 1 << 0;
        QTest::newRow("segment 2 to t1 2.11") << 230 << 2 << 19;
        QTest::newRow("segment 3 to t2 2.355 means 2.35") << 241 << 3 << 6;
        QTest::newRow("segment 4 to t3 2.70") << 329 << 4 << 59;
        QTest::newRow("not segmented") << 0 << 0 << 0;
    }
    void improvementToNext()
    {
        QFETCH(int, average);
        QFETCH(int, raw);
        QFETCH(int, needed);
        QCOMPARE(improvementToNextSegment(average, raw, {2.11, 2.355, 2.70}), needed);
    }

    void ranks()
    {
        const QList<std::pair<int, Hundredths>> entries{{2, 200}, {1, 150}, {3, 100}, {2, 200}, {2, 310}};
        QCOMPARE(leagueRanks(entries), (QList<int>{2, 1, 5, 2, 4}));
        QCOMPARE(leagueRanks({}), QList<int>{});
    }

    // The published table follows cut points 2.11 / 2.355 / 2.70, the finance
    // override and the league ordering for all 129 trusts (framework.md §3).
    void publishedAcuteLeagueTable()
    {
        QFile file(QStringLiteral(OWB_TEST_DATA "/reference/nof-q3-2025-26-acute-league.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        CsvReader reader(&file, file.fileName());
        CsvRecord record;
        QVERIFY(reader.next(&record));
        QCOMPARE(record.fields.at(3).text, QStringLiteral("Average_score"));
        QList<std::pair<int, Hundredths>> league;
        QList<int> published;
        const CutPoints cuts{2.11, 2.355, 2.70};
        while (reader.next(&record)) {
            const Hundredths average = Hundredths(qRound(record.fields.at(3).text.toDouble() * 100));
            const bool deficit = record.fields.at(4).text == QLatin1String("Yes");
            const int segment = applyFinanceOverride(segmentFor(average, cuts), deficit, 3);
            QCOMPARE(segment, record.fields.at(5).text.toInt());
            league.append({segment, average});
            published.append(record.fields.at(6).text.toInt());
        }
        QVERIFY(!reader.hasError());
        QCOMPARE(league.size(), 129);
        // Published ranks skip where a trust is missing from the file, so
        // compare the order they imply, pair by pair.
        const QList<int> ours = leagueRanks(league);
        for (int a = 0; a < league.size(); ++a)
            for (int b = 0; b < league.size(); ++b)
                QCOMPARE(ours.at(a) < ours.at(b), published.at(a) < published.at(b));
    }

    void assessQuarterKeepsPeerTypesApart()
    {
        const Methodology &m = Methodology::builtIn();
        QList<OrganisationInput> inputs;
        auto org = [](const QString &code, const QString &type, double value, bool deficit = false) {
            OrganisationInput input{code, type, deficit, {}};
            input.values.insert(QStringLiteral("OF0082"), MetricValue::fromNumber(value));
            return input;
        };
        inputs << org(QStringLiteral("A1"), QStringLiteral("acute"), 4.0)
               << org(QStringLiteral("A2"), QStringLiteral("acute"), 5.0, true)
               << org(QStringLiteral("A3"), QStringLiteral("acute"), 6.0)
               << org(QStringLiteral("M1"), QStringLiteral("mhc"), 9.0)
               << OrganisationInput{QStringLiteral("M2"), QStringLiteral("mhc"), false, {}};
        const QuarterAssessment result = assessQuarter(m, inputs);
        QCOMPARE(result.organisations.size(), 5);
        const auto &a1 = result.organisations.at(0);
        const auto &a2 = result.organisations.at(1);
        const auto &m1 = result.organisations.at(3);
        const auto &m2 = result.organisations.at(4);
        QCOMPARE(a1.average, 100);  // best acute sickness rate
        QCOMPARE(a2.average, 250);
        QCOMPARE(a2.rawSegment, 2);
        QCOMPARE(a2.segment, 3);  // finance override
        QCOMPARE(m1.average, 100);  // alone in its peer group
        QCOMPARE(m1.rank, 1);
        QVERIFY(!m2.isSegmented());
        QCOMPARE(m2.rank, 0);
        QCOMPARE(m2.metrics.size(), m.scoredMetricsFor(QStringLiteral("mhc")).size());
        QCOMPARE(a1.metricsScored, 1);
        const auto people = std::find_if(a1.domains.cbegin(), a1.domains.cend(),
                                         [](const DomainResult &d) { return d.domainId == QLatin1String("people"); });
        QCOMPARE(people->score, 100);
        QCOMPARE(people->segment, 1);
        QCOMPARE(result.peerGroups.value(QStringLiteral("acute")).organisations, 3);
    }
};

QTEST_GUILESS_MAIN(TestSegmentation)
#include "tst_segmentation.moc"
