// Every CSV the project writes goes through one writer, which neutralises
// anything a spreadsheet would run as a formula, in every field.

#include "exchange/changeswriter.h"
#include "exchange/csvwriter.h"
#include "exchange/leaguewriter.h"
#include "exchange/portfoliowriter.h"

#include <QJsonObject>
#include <QTest>

using namespace owb;

class TestCsvWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fields_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("written");
        QTest::newRow("plain") << "Alpha"
                               << "Alpha";
        QTest::newRow("comma") << "Trust, One"
                               << "\"Trust, One\"";
        QTest::newRow("equals") << "=1+2"
                                << "'=1+2";
        QTest::newRow("plus") << "+Beta"
                              << "'+Beta";
        QTest::newRow("minus text") << "-2+3"
                                    << "'-2+3";
        QTest::newRow("at") << "@SUM(A1)"
                            << "'@SUM(A1)";
        QTest::newRow("tab") << "\t=1"
                             << "'\t=1";
        QTest::newRow("carriage return") << "\r=1"
                                         << "\"'\r=1\"";
        QTest::newRow("leading spaces") << "  =1+2"
                                        << "'  =1+2";
        QTest::newRow("full-width equals") << QString::fromUtf8("\xEF\xBC\x9D"
                                                                "1+2")
                                           << QString::fromUtf8("'\xEF\xBC\x9D"
                                                                "1+2");
        QTest::newRow("formula with quotes") << "=HYPERLINK(\"x\")"
                                             << "\"'=HYPERLINK(\"\"x\"\")\"";
        QTest::newRow("pipe (old DDE form)") << "|cmd!A0"
                                             << "'|cmd!A0";
        QTest::newRow("pipe after spaces") << " |x"
                                           << "' |x";
        QTest::newRow("full-width pipe") << QString::fromUtf8("\xEF\xBD\x9C" "x")
                                         << QString::fromUtf8("'\xEF\xBD\x9C" "x");
        QTest::newRow("negative number") << "-3.5"
                                         << "-3.5";
        QTest::newRow("signed number") << "+2"
                                       << "+2";
        QTest::newRow("exponent") << "-1e3"
                                  << "-1e3";
        QTest::newRow("lone dash") << "-"
                                   << "'-";
        QTest::newRow("empty") << ""
                               << "";
    }
    void fields()
    {
        QFETCH(QString, text);
        QFETCH(QString, written);
        QCOMPARE(csvField(text), written);
    }

    // The portfolio export as the screen says it (issue 11): an ICB's movement
    // is "not-segmented", not blank, and the offered name carries the quarter.
    void portfolioExportSaysNotSegmented()
    {
        PortfolioEntry icb;
        icb.code = QStringLiteral("QWE");
        icb.name = QStringLiteral("An ICB");
        icb.peerType = QStringLiteral("icb");
        icb.quarter = QStringLiteral("2025/26 Q4");
        PortfolioEntry trust = icb;
        trust.code = QStringLiteral("RA1");
        trust.peerType = QStringLiteral("acute");
        trust.segment = 3;
        trust.previousSegment = 3;
        PortfolioEntry first = trust;  // no previous quarter: no movement to say
        first.previousSegment = 0;
        QString csv;
        {
            QTextStream out(&csv);
            writePortfolioCsv(out, {icb, trust, first});
        }
        const QStringList lines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        // ..., movement, needs action, movement detail, capability, capability year, casework
        QVERIFY2(lines.at(1).endsWith(QStringLiteral(",not-segmented,,,,,")), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).endsWith(QStringLiteral(",unchanged,,,,,")), qPrintable(lines.at(2)));
        // previous, movement, needs action, detail, capability, capability year, casework
        QVERIFY2(lines.at(3).endsWith(QStringLiteral(",,,,,,,")), qPrintable(lines.at(3)));
        QCOMPARE(portfolioJson({icb}).at(0).toObject().value(QStringLiteral("movement")).toString(),
                 QStringLiteral("not-segmented"));
        QCOMPARE(portfolioFileName({icb, trust}), QStringLiteral("portfolio-2025-26-Q4.csv"));
        QCOMPARE(portfolioFileName({}), QStringLiteral("portfolio.csv"));
    }

    // Codes, quarters and labels too, not only names (issue 10).
    void everyTextFieldOfEveryExport()
    {
        PortfolioEntry e;
        e.code = QStringLiteral("=1+2");
        e.name = QStringLiteral("@name");
        e.peerType = QStringLiteral("+type");
        e.quarter = QStringLiteral("=quarter");
        QString portfolio;
        {
            QTextStream out(&portfolio);
            writePortfolioCsv(out, { e });
        }
        QVERIFY2(
            portfolio.contains(QStringLiteral("\n'=1+2,'@name,'+type,'=quarter,")), qPrintable(portfolio));
        QString changes;
        {
            QTextStream out(&changes);
            writeChangesCsv(out, { e });
        }
        QVERIFY2(changes.contains(QStringLiteral("\n'=1+2,'@name,'+type,'=quarter,")), qPrintable(changes));
        LeagueEntry l;
        l.code = QStringLiteral("-A1");
        l.name = QStringLiteral("=B");
        l.region = QStringLiteral("@C");
        QString league;
        {
            QTextStream out(&league);
            writeLeagueCsv(out, { l });
        }
        QVERIFY2(league.contains(QStringLiteral(",'-A1,'=B,'@C,")), qPrintable(league));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
