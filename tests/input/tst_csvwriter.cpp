// Every CSV the project writes goes through one writer, which neutralises
// anything a spreadsheet would run as a formula, in every field.

#include "exchange/changeswriter.h"
#include "exchange/csvwriter.h"
#include "exchange/leaguewriter.h"
#include "exchange/portfoliowriter.h"

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
