// framework.md §3 step 1 and the weighted average, rule by rule.

#include "framework/scoring.h"

#include <QTest>

using namespace owb;

Q_DECLARE_METATYPE(owb::MetricDefinition)

namespace {
MetricDefinition ranked(Direction direction, std::optional<double> standard = {},
                        std::optional<double> floor = {})
{
    MetricDefinition m;
    m.id = QStringLiteral("M1");
    m.direction = direction;
    m.standard = standard;
    m.floor = floor;
    return m;
}

MetricDefinition labelBanded()
{
    MetricDefinition m;
    m.id = QStringLiteral("CQC");
    m.labelBands = true;
    m.bands = {{QStringLiteral("Outstanding"), {}, 100}, {QStringLiteral("Good"), {}, 200},
               {QStringLiteral("Requires improvement"), {}, 300}, {QStringLiteral("Inadequate"), {}, 400}};
    return m;
}

MetricDefinition numericBanded()
{
    MetricDefinition m;
    m.id = QStringLiteral("BANDS");
    m.bands = {{QString(), 20.0, 100}, {QString(), 40.0, 200}, {QString(), {}, 400}};
    return m;
}

// "" is missing; a number is a number; anything else is a label.
QList<MetricValue> values(const QStringList &texts)
{
    QList<MetricValue> out;
    for (const QString &text : texts) {
        bool ok = false;
        const double number = text.toDouble(&ok);
        out.append(text.isEmpty() ? MetricValue::missing()
                   : ok           ? MetricValue::fromNumber(number)
                                  : MetricValue::fromLabel(text));
    }
    return out;
}
} // namespace

class TestScoring : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scores_data()
    {
        QTest::addColumn<MetricDefinition>("metric");
        QTest::addColumn<QStringList>("input");
        QTest::addColumn<QList<int>>("expected");
        const auto H = Direction::Higher;
        const auto L = Direction::Lower;
        QTest::newRow("neither: even spread 1..4") << ranked(H)
            << QStringList{"10", "20", "30", "40", "50"} << QList<int>{400, 325, 250, 175, 100};
        QTest::newRow("neither, lower is better") << ranked(L)
            << QStringList{"10", "20", "30", "40", "50"} << QList<int>{100, 175, 250, 325, 400};
        QTest::newRow("standard: meets -> 1, rest 2..4") << ranked(H, 65)
            << QStringList{"70", "65", "60", "50", "40"} << QList<int>{100, 100, 200, 300, 400};
        QTest::newRow("standard, lower is better") << ranked(L, 1)
            << QStringList{"0.5", "1", "2", "3"} << QList<int>{100, 100, 200, 400};
        QTest::newRow("floor: fails -> 4, rest 1..3") << ranked(H, {}, 10)
            << QStringList{"5", "10", "20", "30"} << QList<int>{400, 300, 200, 100};
        QTest::newRow("floor, lower is better") << ranked(L, {}, 10)
            << QStringList{"11", "10", "5", "0"} << QList<int>{400, 300, 200, 100};
        QTest::newRow("standard and floor: rest 2..3") << ranked(H, 80, 20)
            << QStringList{"90", "10", "50", "60", "70"} << QList<int>{100, 400, 300, 250, 200};
        QTest::newRow("ties take the best score of the cluster") << ranked(H)
            << QStringList{"10", "20", "20", "30"} << QList<int>{400, 200, 200, 100};
        QTest::newRow("all tied") << ranked(H) << QStringList{"7", "7", "7"} << QList<int>{100, 100, 100};
        QTest::newRow("one ranked gets lo") << ranked(H, 65) << QStringList{"50", "70"} << QList<int>{200, 100};
        QTest::newRow("one ranked, no bookend") << ranked(L) << QStringList{"3"} << QList<int>{100};
        QTest::newRow("missing scores 0 and is not ranked") << ranked(H)
            << QStringList{"10", "", "20"} << QList<int>{400, 0, 100};
        QTest::newRow("equal to standard within 1e-9 meets it") << ranked(H, 65)
            << QStringList{"64.9999999999999", "60", "50"} << QList<int>{100, 200, 400};
        QTest::newRow("within 1e-9 is a tie") << ranked(H)
            << QStringList{"20.00000000001", "20", "10"} << QList<int>{100, 100, 400};
        QTest::newRow("thirds") << ranked(H, 1000)
            << QStringList{"1", "2", "3", "4"} << QList<int>{400, 333, 267, 200};
        QTest::newRow("sevenths") << ranked(H)
            << QStringList{"1", "2", "3", "4", "5", "6", "7", "8"}
            << QList<int>{400, 357, 314, 271, 229, 186, 143, 100};
        QTest::newRow("label bands, any case") << labelBanded()
            << QStringList{"Good", "inadequate", "Outstanding", "", "REQUIRES IMPROVEMENT"}
            << QList<int>{200, 400, 100, 0, 300};
        QTest::newRow("numeric bands: first upto >= value") << numericBanded()
            << QStringList{"20", "20.5", "40", "99", "-3", ""} << QList<int>{100, 200, 200, 400, 100, 0};
        MetricDefinition contextual = ranked(H);
        contextual.scored = false;
        QTest::newRow("contextual never scored") << contextual
            << QStringList{"1", "2"} << QList<int>{0, 0};
    }
    void scores()
    {
        QFETCH(MetricDefinition, metric);
        QFETCH(QStringList, input);
        QFETCH(QList<int>, expected);
        QCOMPARE(scoreMetric(metric, values(input)), expected);
    }

    // 2 + 2 * 27/80 = 2.675 exactly: must round to 2.68, not 2.67.
    void halfHundredthRoundsAwayFromZero()
    {
        QStringList input;
        for (int v = 1; v <= 81; ++v)
            input.append(QString::number(v));
        const auto scores = scoreMetric(ranked(Direction::Higher, 1000), values(input));
        QCOMPARE(scores.at(81 - 27 - 1), 268);
    }

    void weightedAverage_data()
    {
        QTest::addColumn<QList<int>>("scores");
        QTest::addColumn<QStringList>("weights");
        QTest::addColumn<int>("expected");
        // NHS Oversight Framework 2025/26 methodology manual, worked example.
        QTest::newRow("manual worked example")
            << QList<int>{100, 262, 100, 100, 100, 140, 100, 300, 136, 145, 200}
            << QStringList(11, QStringLiteral("1")) << 153;
        QTest::newRow("three thirds count as one")
            << QList<int>{100, 200, 300, 400} << QStringList{"1", "1/3", "1/3", "1/3"} << 200;
        QTest::newRow("missing left out") << QList<int>{100, 0, 300} << QStringList{"1", "1", "1"} << 200;
        QTest::newRow("missing third left out")
            << QList<int>{100, 0, 400, 400} << QStringList{"1", "1/3", "1/3", "1/3"} << 220;
        QTest::newRow("nothing scored") << QList<int>{0, 0} << QStringList{"1", "1"} << 0;
        QTest::newRow("rounds half away") << QList<int>{100, 101} << QStringList{"1", "1"} << 101;
        QTest::newRow("decimal weights") << QList<int>{100, 400} << QStringList{"0.5", "1"} << 300;
    }
    void weightedAverage()
    {
        QFETCH(QList<int>, scores);
        QFETCH(QStringList, weights);
        QFETCH(int, expected);
        QList<Rational> rationals;
        for (const QString &w : weights)
            rationals.append(*Rational::parse(w));
        QCOMPARE(owb::weightedAverage(scores, rationals), expected);
    }

    void bookends()
    {
        QCOMPARE(bookendsFor(ranked(Direction::Higher)).lo, 1);
        QCOMPARE(bookendsFor(ranked(Direction::Higher)).hi, 4);
        QCOMPARE(bookendsFor(ranked(Direction::Higher, 1)).lo, 2);
        QCOMPARE(bookendsFor(ranked(Direction::Higher, {}, 1)).hi, 3);
    }
};

QTEST_GUILESS_MAIN(TestScoring)
#include "tst_scoring.moc"
