// Making Data Count rules (framework.md §8), one rule at a time.

#include "framework/spc.h"

#include <QTest>

using namespace owb;

namespace {
QList<std::pair<QString, double>> series(const QList<double> &values)
{
    QList<std::pair<QString, double>> out;
    for (qsizetype i = 0; i < values.size(); ++i)
        out.append({QStringLiteral("P%1").arg(i + 1), values.at(i)});
    return out;
}

// 14 points alternating 10 and 12: common cause, mean 11, mean moving range 2.
QList<double> flat()
{
    QList<double> values;
    for (int i = 0; i < 14; ++i)
        values.append(i % 2 ? 12 : 10);
    return values;
}

QStringList flagged(const SpcResult &r)
{
    QStringList out;
    for (const SpcPoint &p : r.points)
        if (!p.rules.isEmpty())
            out.append(QStringLiteral("%1:%2:%3:%4").arg(p.period, p.rules.join(QLatin1Char('+')), p.side, p.type));
    return out;
}
} // namespace

class TestSpc : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runChartUnderThirteen()
    {
        const SpcResult r = analyseSpc(series({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}), SpcDirection::Higher, 5.0);
        QVERIFY(r.isRunChart());
        QCOMPARE(r.mean, 6.5);
        QCOMPARE(flagged(r), QStringList());
        QCOMPARE(r.variation, QString());
        QCOMPARE(r.assurance, QString());
    }

    void limits()
    {
        const SpcResult r = analyseSpc(series(flat()), SpcDirection::Higher);
        QCOMPARE(r.mean, 11.0);
        QCOMPARE(*r.upperLimit, 11 + 2.66 * 2);
        QCOMPARE(*r.lowerLimit, 11 - 2.66 * 2);
        QCOMPARE(*r.upperTwoSigma, 11 + 2.0 / 3.0 * 2.66 * 2);
        QCOMPARE(flagged(r), QStringList());
        QCOMPARE(r.variation, QStringLiteral("common-cause"));
    }

    void outsideAndShift()
    {
        QList<double> values = flat();
        values.append(40);
        // Mean 194/15 = 12.93: the first fourteen lie below it (a shift), the last beyond the upper limit.
        const SpcResult r = analyseSpc(series(values), SpcDirection::Higher);
        const QStringList flags = flagged(r);
        QCOMPARE(flags.size(), 15);
        QCOMPARE(flags.first(), QStringLiteral("P1:shift:low:concern"));
        QCOMPARE(flags.last(), QStringLiteral("P15:outside:high:improvement"));
        QCOMPARE(r.variation, QStringLiteral("improvement-high"));
        const SpcResult lower = analyseSpc(series(values), SpcDirection::Lower);
        QCOMPARE(lower.variation, QStringLiteral("concern-high"));
        QCOMPARE(analyseSpc(series(values), SpcDirection::Neither).variation, QStringLiteral("neither-high"));
    }

    void pointOnTheMeanBreaksAShift()
    {
        // Mean 11: five above, one on the mean, five above, the rest balancing below.
        const QList<double> values{12, 12, 12, 12, 12, 11, 12, 12, 12, 12, 12, 7, 10, 8, 9};
        double sum = 0;
        for (double v : values)
            sum += v;
        QCOMPARE(sum / values.size(), 11.0);
        const SpcResult r = analyseSpc(series(values), SpcDirection::Higher);
        for (const SpcPoint &p : r.points)
            QVERIFY2(!p.rules.contains(QStringLiteral("shift")), qPrintable(p.period));
    }

    void trendIncludesItsFirstPoint()
    {
        QList<double> values = flat();
        values.append({11, 11.2, 11.4, 11.6, 11.8, 12.0});  // P14 is 12, so the rise starts at P15
        const SpcResult r = analyseSpc(series(values), SpcDirection::Lower);
        QStringList trend;
        for (const SpcPoint &p : r.points)
            if (p.rules.contains(QStringLiteral("trend")))
                trend.append(p.period + QLatin1Char(':') + p.side + QLatin1Char(':') + p.type);
        QCOMPARE(trend, (QStringList{"P15:high:concern", "P16:high:concern", "P17:high:concern", "P18:high:concern",
                                     "P19:high:concern", "P20:high:concern"}));
    }

    void equalNeighbourBreaksATrend()
    {
        QList<double> values = flat();
        values.append({11, 11.2, 11.4, 11.4, 11.6, 11.8});
        const SpcResult r = analyseSpc(series(values), SpcDirection::Higher);
        for (const SpcPoint &p : r.points)
            QVERIFY(!p.rules.contains(QStringLiteral("trend")));
    }

    void twoOfThreeBeyondTwoSigma()
    {
        // Flat 10/12 then 16, 12, 16: mean 11.65, two-sigma line 15.86, upper
        // limit 17.96: the two 16s lie beyond the line but inside the limit.
        QList<double> values = flat();
        values.append({16, 12, 16});
        const SpcResult r = analyseSpc(series(values), SpcDirection::Higher);
        QVERIFY(*r.upperTwoSigma < 16 && 16 < *r.upperLimit);
        QCOMPARE(r.points.at(14).rules, QStringList{"two-of-three"});
        QCOMPARE(r.points.at(15).rules, QStringList());
        QCOMPARE(r.points.at(16).rules, QStringList{"two-of-three"});
        QCOMPARE(r.points.at(16).type, QStringLiteral("improvement"));
        QCOMPARE(r.variation, QStringLiteral("improvement-high"));
    }

    void assurance_data()
    {
        QTest::addColumn<int>("direction");
        QTest::addColumn<double>("target");
        QTest::addColumn<QString>("assurance");
        // Limits of the flat series: 5.68 and 16.32.
        QTest::newRow("higher, target below lpl") << int(SpcDirection::Higher) << 5.0 << QStringLiteral("pass");
        QTest::newRow("higher, target above upl") << int(SpcDirection::Higher) << 17.0 << QStringLiteral("fail");
        QTest::newRow("higher, inside") << int(SpcDirection::Higher) << 11.0 << QStringLiteral("hit-or-miss");
        QTest::newRow("lower, target above upl") << int(SpcDirection::Lower) << 17.0 << QStringLiteral("pass");
        QTest::newRow("lower, target below lpl") << int(SpcDirection::Lower) << 5.0 << QStringLiteral("fail");
        QTest::newRow("neither has no assurance") << int(SpcDirection::Neither) << 5.0 << QString();
    }
    void assurance()
    {
        QFETCH(int, direction);
        QFETCH(double, target);
        QFETCH(QString, assurance);
        QCOMPARE(analyseSpc(series(flat()), SpcDirection(direction), target).assurance, assurance);
    }

    void bothSidesCountAsImprovement()
    {
        // A point that ends a rising trend and is also low against the mean.
        QList<double> values{20, 20, 20, 20, 20, 20, 20, 20, 20, 1, 2, 3, 4, 5, 6};
        const SpcResult r = analyseSpc(series(values), SpcDirection::Lower);
        const SpcPoint &last = r.points.last();
        QVERIFY(last.rules.contains(QStringLiteral("trend")));  // high (rising)
        QVERIFY(last.rules.contains(QStringLiteral("shift")));  // low (below the mean)
        QCOMPARE(last.type, QStringLiteral("improvement"));
        QCOMPARE(last.side, QStringLiteral("low"));
    }
};

QTEST_GUILESS_MAIN(TestSpc)
#include "tst_spc.moc"
