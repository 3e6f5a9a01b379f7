#include "framework/fixedpoint.h"

#include <QTest>

using namespace owb;

class TestFixedPoint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rounding_data()
    {
        QTest::addColumn<qint64>("num");
        QTest::addColumn<qint64>("den");
        QTest::addColumn<qint64>("expected");
        // 2.675 in hundredths is 267.5: halves go away from zero, unlike binary floating point.
        QTest::newRow("2.675 -> 2.68") << qint64(2675) << qint64(10) << qint64(268);
        QTest::newRow("2.665 -> 2.67") << qint64(2665) << qint64(10) << qint64(267);
        QTest::newRow("below half") << qint64(2674) << qint64(10) << qint64(267);
        QTest::newRow("negative half") << qint64(-2675) << qint64(10) << qint64(-268);
        QTest::newRow("thirds") << qint64(100) << qint64(3) << qint64(33);
        QTest::newRow("two thirds") << qint64(200) << qint64(3) << qint64(67);
        QTest::newRow("exact") << qint64(300) << qint64(1) << qint64(300);
    }
    void rounding()
    {
        QFETCH(qint64, num);
        QFETCH(qint64, den);
        QFETCH(qint64, expected);
        QCOMPARE(roundHalfAwayFromZero(num, den), expected);
    }

    void format_data()
    {
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("one") << 100 << QStringLiteral("1.00");
        QTest::newRow("two dp") << 241 << QStringLiteral("2.41");
        QTest::newRow("leading zero") << 5 << QStringLiteral("0.05");
        QTest::newRow("zero") << 0 << QStringLiteral("0.00");
        QTest::newRow("negative") << -105 << QStringLiteral("-1.05");
    }
    void format()
    {
        QFETCH(int, value);
        QFETCH(QString, text);
        QCOMPARE(formatHundredths(value), text);
    }

    void rational_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("num");
        QTest::addColumn<qint64>("den");
        QTest::newRow("third") << QStringLiteral("1/3") << true << qint64(1) << qint64(3);
        QTest::newRow("spaces") << QStringLiteral(" 2 / 6 ") << true << qint64(1) << qint64(3);
        QTest::newRow("integer") << QStringLiteral("2") << true << qint64(2) << qint64(1);
        QTest::newRow("decimal") << QStringLiteral("0.25") << true << qint64(1) << qint64(4);
        QTest::newRow("decimal fraction") << QStringLiteral("0.5/1.5") << true << qint64(1) << qint64(3);
        QTest::newRow("zero") << QStringLiteral("0") << false << qint64(0) << qint64(0);
        QTest::newRow("negative") << QStringLiteral("-1/3") << false << qint64(0) << qint64(0);
        QTest::newRow("divide by zero") << QStringLiteral("1/0") << false << qint64(0) << qint64(0);
        QTest::newRow("text") << QStringLiteral("third") << false << qint64(0) << qint64(0);
        QTest::newRow("empty") << QString() << false << qint64(0) << qint64(0);
    }
    void rational()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto parsed = Rational::parse(text);
        QCOMPARE(parsed.has_value(), valid);
        if (valid) {
            QFETCH(qint64, num);
            QFETCH(qint64, den);
            QCOMPARE(parsed->num, num);
            QCOMPARE(parsed->den, den);
        }
    }

    void rationalFromDouble()
    {
        QCOMPARE(Rational::fromDouble(0.5)->toString(), QStringLiteral("1/2"));
        QCOMPARE(Rational::fromDouble(1.0)->toString(), QStringLiteral("1"));
        QCOMPARE(Rational::fromDouble(10.0)->toString(), QStringLiteral("10"));
        QVERIFY(!Rational::fromDouble(0.0));
        QVERIFY(!Rational::fromDouble(-2.0));
    }
};

QTEST_GUILESS_MAIN(TestFixedPoint)
#include "tst_fixedpoint.moc"
