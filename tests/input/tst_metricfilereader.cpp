// Reading metric files against the built-in methodology: both column
// layouts, every value form, and the exact message for each bad input.

#include "data/metricfilereader.h"
#include "data/quarterlabel.h"
#include "data/cnumber.h"
#include "data/textlimits.h"
#include "translations.h"

#include <QBuffer>
#include <QTest>

using namespace owb;

namespace {
std::optional<MetricDataset> read(const QByteArray &bytes, QStringList *errors,
                                  MetricFileSummary *summary = nullptr)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    Diagnostics diagnostics;
    auto dataset = MetricFileReader(Methodology::builtIn())
                       .read(&buffer, QStringLiteral("m.csv"), &diagnostics, summary);
    for (const Diagnostic &d : std::as_const(diagnostics))
        errors->append(d.toString());
    return dataset;
}

const QByteArray kHeader = "quarter,org_code,org_name,org_type,metric_id,value\n";
} // namespace

class TestMetricFileReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // The plural forms of the messages, as both programs load them.
        QVERIFY(installTranslations(*QCoreApplication::instance()));
    }

    void ourFormatAnyOrderAnyCase()
    {
        QStringList errors;
        const auto data = read("\xEF\xBB\xBF" "Value,ORG_TYPE,extra,Metric_Id,Org_Code,quarter,org_name\r\n"
                               "59%,Acute,x,OF0023,RX1,2025/26 Q2,\"Trust, One\"\r\n"
                               "good,acute,x,CQC-SAFE,RX1,2025/26 Q2,Trust One\r\n"
                               "*,acute,x,OF0013,RX1,2025/26 Q2,Trust One\r\n"
                               "Yes,acute,x,DEFICIT,RX1,2025/26 Q2,Trust One\r\n"
                               "1.5e1,Non-acute,x,OF0082,RM1,2025/26 Q1,MH\r\n",
                               &errors);
        QCOMPARE(errors, QStringList());
        QVERIFY(data);
        QCOMPARE(data->quarters.size(), 2);
        QCOMPARE(data->quarters.at(0).label, QStringLiteral("2025/26 Q1"));  // period order
        const QuarterData &q2 = data->quarters.at(1);
        const OrganisationQuarter &rx1 = q2.organisations.at(q2.index.value(QStringLiteral("RX1")));
        QCOMPARE(rx1.name, QStringLiteral("Trust, One"));
        QCOMPARE(rx1.peerType, QStringLiteral("acute"));
        QVERIFY(rx1.inDeficit());
        QCOMPARE(rx1.values.value(QStringLiteral("OF0023")).number, 59.0);
        QCOMPARE(rx1.values.value(QStringLiteral("CQC-SAFE")).label, QStringLiteral("Good"));
        QVERIFY(!rx1.values.contains(QStringLiteral("OF0013")));
        QCOMPARE(data->quarters.at(0).organisations.at(0).values.value(QStringLiteral("OF0082")).number, 15.0);
    }

    void nhsEnglandFormat()
    {
        QStringList errors;
        MetricFileSummary summary;
        const auto data = read("Quarter,Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Domain,Metric_ID,"
                               "Metric_description,Value\n"
                               "Q3 2025/26,London,Acute,Acute - Teaching,RX2,Two,Access,OF0013,A&E,71.2\n"
                               "Q3 2025/26,London,Acute,Acute - Teaching,RX2,Two,Access,OF1013,A&E score,2.4\n"
                               "Q3 2025/26,London,Acute,Acute - Teaching,RX2,Two,Access,OF5000,Segment,3\n"
                               "Q3 2025/26,London,ICB,,QMJ,North Central,Access,OF0999,x,1\n"
                               "Q3 2025/26,London,Acute,Acute - Teaching,RX2,Two,Access,OF0017,Cat 2,25\n",
                               &errors, &summary);
        QCOMPARE(errors, QStringList());
        QVERIFY(data);
        const OrganisationQuarter &rx2 = data->quarters.at(0).organisations.at(0);
        // The ICB is present (a known peer type) with no value of ours.
        QCOMPARE(data->quarters.at(0).organisations.size(), 2);
        QCOMPARE(data->quarters.at(0).organisations.at(1).peerType, QStringLiteral("icb"));
        QVERIFY(data->quarters.at(0).organisations.at(1).values.isEmpty());
        QCOMPARE(rx2.region, QStringLiteral("London"));
        QCOMPARE(rx2.values.size(), 1);
        QCOMPARE(summary.skippedUnknown, 3);
        QCOMPARE(summary.unknownMetrics, (QStringList{"OF0999", "OF1013", "OF5000"}));
        QCOMPARE(summary.skippedNotApplicable, 1);
        QCOMPARE(summary.skippedLine(QStringLiteral("m.csv"), QStringLiteral("nof-2025-26")),
                 QStringLiteral("m.csv: skipped 3 rows of 3 metrics not in methodology nof-2025-26 (OF0999, OF1013, OF5000)"));
        // One of each in the singular (issue 11: "skipped 1 rows of 1 metrics").
        summary.skippedUnknown = 1;
        summary.unknownMetrics = {QStringLiteral("OF1023")};
        QCOMPARE(summary.skippedLine(QStringLiteral("m.csv"), QStringLiteral("nof-2025-26")),
                 QStringLiteral("m.csv: skipped 1 row of 1 metric not in methodology nof-2025-26 (OF1023)"));
    }

    void identicalDuplicateAccepted()
    {
        QStringList errors;
        QVERIFY(read(
            kHeader + "2025/26 Q1,RX1,A,acute,OF0023,60\n2025/26 Q1,RX1,A,acute,OF0023,60.0%\n", &errors));
        QCOMPARE(errors, QStringList());
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("missing column")
            << QByteArray("quarter,org_code,org_name,org_type,value\n2025/26 Q1,RX1,A,acute,3\n")
            << QStringList { "m.csv:1: missing required column \"metric_id\" (the header needs quarter, "
                             "org_code, org_name, org_type, metric_id and value)" };
        QTest::newRow("non-number") << kHeader + "2025/26 Q1,RX1,A,acute,OF0023,n/a\n"
                                    << QStringList { "m.csv:2:31: \"n/a\" is not a number (metric OF0023 "
                                                     "needs a number, or empty, '*' or '-' when missing)" };
        QTest::newRow("unknown band label")
            << kHeader + "2025/26 Q1,RX1,A,acute,CQC-SAFE,Fine\n"
            << QStringList { "m.csv:2:33: unknown band label \"Fine\" for metric CQC-SAFE (expected one of: "
                             "Outstanding, Good, Requires improvement, Inadequate)" };
        QTest::newRow("unknown peer type")
            << kHeader + "2025/26 Q1,RX1,A,hospice,OF0023,60\n"
            << QStringList { "m.csv:2:18: unknown peer type \"hospice\" (expected one of the methodology's "
                             "peer types, e.g. Acute trust)" };
        QTest::newRow("two types")
            << kHeader + "2025/26 Q1,RX1,A,acute,OF0023,60\n2025/26 Q1,RX1,A,mhc,OF0082,3\n"
            << QStringList {
                   "m.csv:3:18: organisation RX1 has two peer types in 2025/26 Q1: mhc here, acute on line 2"
               };
        QTest::newRow("conflicting duplicate")
            << kHeader + "2025/26 Q1,RX1,A,acute,OF0023,60\n2025/26 Q1,RX1,A,acute,OF0023,61\n"
            << QStringList { "m.csv:3:31: conflicting duplicate: RX1 OF0023 in 2025/26 Q1 is \"61\" here but "
                             "\"60\" on line 2" };
        QTest::newRow("finance flag") << kHeader + "2025/26 Q1,RX1,A,acute,DEFICIT,maybe\n"
                                      << QStringList { "m.csv:2:32: \"maybe\" is not a finance flag for "
                                                       "DEFICIT (expected 1/0, yes/no or true/false)" };
        QTest::newRow("no data rows") << kHeader << QStringList{"m.csv: no data rows after the header"};
        QTest::newRow("empty file") << QByteArray() << QStringList{"m.csv: the file is empty (no header row)"};
        QTest::newRow("hex is not C notation")
            << kHeader + "2025/26 Q1,RX1,A,acute,OF0023,0x10\n"
            << QStringList { "m.csv:2:31: \"0x10\" is not a number (metric OF0023 needs a number, or empty, "
                             "'*' or '-' when missing)" };
        QTest::newRow("every error listed")
            << kHeader + "2025/26 Q1,RX1,A,acute,OF0023,x\n2025/26 Q1,RX2,A,acute,OF0013,y\n"
            << QStringList { "m.csv:2:31: \"x\" is not a number (metric OF0023 needs a number, or empty, '*' "
                             "or '-' when missing)",
                   "m.csv:3:31: \"y\" is not a number (metric OF0013 needs a number, or empty, '*' or '-' "
                   "when missing)" };
        QTest::newRow("broken CSV") << kHeader + "2025/26 Q1,RX1,\"A,acute,OF0023,1\n"
                                    << QStringList {
                                           "m.csv:2:16: quoted field is never closed (missing '\"')"
                                       };
        // Issue 10: codes are file names, so nothing but letters and digits passes.
        const QString code
            = QStringLiteral(" may hold only letters A-Z and digits 0-9 (an ODS code such as RXX or R0A)");
        QTest::newRow("code with a parent path")
            << kHeader + "2025/26 Q1,../victim/ZAJ,A,acute,OF0023,60\n"
            << QStringList { "m.csv:2:12: organisation code \"../victim/ZAJ\"" + code };
        QTest::newRow("absolute code")
            << kHeader + "2025/26 Q1,/abs/path,A,acute,OF0023,60\n"
            << QStringList { "m.csv:2:12: organisation code \"/abs/path\"" + code };
        QTest::newRow("code with a folder")
            << kHeader + "2025/26 Q1,sub/ZAC,A,acute,OF0023,60\n"
            << QStringList { "m.csv:2:12: organisation code \"sub/ZAC\"" + code };
        QTest::newRow("code with a backslash")
            << kHeader + "2025/26 Q1,..\\ZAC,A,acute,OF0023,60\n"
            << QStringList { "m.csv:2:12: organisation code \"..\\ZAC\"" + code };
        QTest::newRow("code with a tab inside")
            << kHeader + "2025/26 Q1,\"R\tA1\",A,acute,OF0023,60\n"
            << QStringList { "m.csv:2:12: organisation code \"R\tA1\"" + code };
        QTest::newRow("full-width code")
            << kHeader + "2025/26 Q1,\xEF\xBC\xB2\xEF\xBC\xA1\xEF\xBC\x91,A,acute,OF0023,60\n"
            << QStringList { QString::fromUtf8(
                                 "m.csv:2:12: organisation code \"\xEF\xBC\xB2\xEF\xBC\xA1\xEF\xBC\x91\"")
                   + code };
        QTest::newRow("code too short")
            << kHeader + "2025/26 Q1,R1,A,acute,OF0023,60\n"
            << QStringList { "m.csv:2:12: organisation code \"R1\" must be 3 to 12 letters and digits long "
                             "(an ODS code such as RXX or R0A)" };
        QTest::newRow("code too long")
            << kHeader + "2025/26 Q1,RABCDEFGHIJKL,A,acute,OF0023,60\n"
            << QStringList { "m.csv:2:12: organisation code \"RABCDEFGHIJKL\" must be 3 to 12 letters and "
                             "digits long (an ODS code such as RXX or R0A)" };
        // Every row has every field; a short row is an error, not a skipped or missing value.
        QTest::newRow("short row")
            << kHeader + "2025/26 Q1,RX1,A,acute,OF0023,60\n2025/26 Q4,ZAC\n"
            << QStringList { "m.csv:3:15: this row ends after 2 of the header's 6 columns: no org_name "
                             "(every row needs a field for every column, empty when there is no value)" };
        QTest::newRow("no value column")
            << kHeader + "2025/26 Q1,RX1,A,acute,OF0023\n"
            << QStringList { "m.csv:2:30: this row ends after 5 of the header's 6 columns: no value (every "
                             "row needs a field for every column, empty when there is no value)" };
        QTest::newRow("unknown metric, short row")
            << kHeader + "2025/26 Q1,RX1,A,acute,OF0023,60\n2025/26 Q1,RX2,B,hospice,OF9999\n"
            << QStringList { "m.csv:3:32: this row ends after 5 of the header's 6 columns: no value (every "
                             "row needs a field for every column, empty when there is no value)" };
        QTest::newRow("shifted columns")
            << kHeader + "2025/26 Q1,RX1,A, B,acute,OF0023,60\n"
            << QStringList { "m.csv:2:34: this row has 7 fields but the header has 6 columns (a value with a "
                             "comma in it must be in double quotes)" };
        QTest::newRow("empty name") << kHeader + "2025/26 Q1,RX1, ,acute,OF0023,60\n"
                                    << QStringList { "m.csv:2:16: empty organisation name" };
        QTest::newRow("nothing in the methodology")
            << kHeader + "2025/26 Q1,RX1,A,acute,OF9999,60\n"
            << QStringList { "m.csv: none of the 1 row holds a metric of methodology nof-2025-26 (is this "
                             "the right file, or one for another methodology?)" };
        // Quarters are real quarters.
        QTest::newRow("not a quarter")
            << kHeader + "foo bar,RX1,A,acute,OF0023,60\n"
            << QStringList { "m.csv:2:1: \"foo bar\" is not a quarter (write the financial year and the "
                             "quarter, such as 2025/26 Q1)" };
        QTest::newRow("quarter 5")
            << kHeader + "2025/26 Q5,RX1,A,acute,OF0023,60\n"
            << QStringList { "m.csv:2:1: \"2025/26 Q5\" is not a quarter: a year has quarters Q1 to Q4" };
        QTest::newRow("years apart") << kHeader + "2025/27 Q1,RX1,A,acute,OF0023,60\n"
                                     << QStringList {
                                            "m.csv:2:1: \"2025/27 Q1\" is not a quarter: a financial year is "
                                            "two consecutive years, such as 2025/26"
                                        };
        QTest::newRow("calendar year only")
            << kHeader + "Q1 2025,RX1,A,acute,OF0023,60\n"
            << QStringList { "m.csv:2:1: \"Q1 2025\" is not a quarter (write the financial year and the "
                             "quarter, such as 2025/26 Q1)" };
        // Values within the range the methodology declares.
        QTest::newRow("negative percentage")
            << kHeader + "2025/26 Q1,RX1,A,acute,OF0023,-62.2\n"
            << QStringList { "m.csv:2:31: value -62.2 is outside the valid range 0 to 100 for OF0023 "
                             "(Waiting 18 weeks or less for elective treatment)" };
        QTest::newRow("absurd") << kHeader + "2025/26 Q1,RX1,A,acute,OF0023,1e308\n"
                                << QStringList {
                                       "m.csv:2:31: value 1e308 is outside the valid range 0 to 100 for "
                                       "OF0023 (Waiting 18 weeks or less for elective treatment)"
                                   };
        QTest::newRow("absurd variance")
            << kHeader + "2025/26 Q1,RX1,A,acute,OF0081,-1e13\n"
            << QStringList { "m.csv:2:31: value -1e13 is too large to be a real value for OF0081 (Variance "
                             "to year-to-date financial plan): no value may go beyond 1000000000000 either way" };
        QTest::newRow("infinite") << kHeader + "2025/26 Q1,RX1,A,acute,OF0081,inf\n"
                                  << QStringList { "m.csv:2:31: \"inf\" is not a number (metric OF0081 needs "
                                                   "a number, or empty, '*' or '-' when missing)" };
        QTest::newRow("overflow") << kHeader + "2025/26 Q1,RX1,A,acute,OF0081,1e999\n"
                                  << QStringList { "m.csv:2:31: value 1e999 is beyond any number a value can hold "
                                                   "for OF0081 (Variance to year-to-date financial plan)" };
        QTest::newRow("negative rate") << kHeader + "2025/26 Q1,RX1,A,acute,OF0020,-0.5\n"
                                       << QStringList { "m.csv:2:31: value -0.5 is outside the valid range 0 "
                                                        "or more for OF0020 (MRSA bacteraemia rate)" };
        QTest::newRow("contextual out of range")
            << kHeader + "2025/26 Q1,QE1,A,icb,ICB-RTT18,101\n"
            << QStringList { "m.csv:2:32: value 101 is outside the valid range 0 to 100 for ICB-RTT18 "
                             "(Elective patients waiting under 18 weeks (system))" };
        QTest::newRow("escape sequence in name")
            << kHeader + "2025/26 Q1,RX1,\"A\x1b[2J\",acute,OF0023,60\n"
            << QStringList { "m.csv:2:16: the organisation name holds a control character (U+001B); names "
                             "are plain text" };
        QTest::newRow("dotless i in code")
            << kHeader
                + "2025/26 Q1,z\xC4\xB1"
                  "c,A,acute,OF0023,60\n"
            << QStringList { QString::fromUtf8("m.csv:2:12: organisation code \"z\xC4\xB1"
                                               "c\"")
                   + code };
        QTest::newRow("right-to-left override in name")
            << kHeader
                + "2025/26 Q1,RX1,A\xE2\x80\xAE"
                  "B,acute,OF0023,60\n"
            << QStringList { "m.csv:2:16: the organisation name holds a control character (U+202E); names "
                             "are plain text" };
        // Text has limits.
        QTest::newRow("long name")
            << kHeader + "2025/26 Q1,RX1," + QByteArray(201, 'N') + ",acute,OF0023,60\n"
            << QStringList {
                   "m.csv:2:16: the organisation name is 201 characters long; at most 200 are allowed"
               };
        QTest::newRow("long region")
            << QByteArray("quarter,org_code,org_name,org_type,metric_id,value,region\n")
                + "2025/26 Q1,RX1,A,acute,OF0023,60," + QByteArray(300, 'R') + "\n"
            << QStringList { "m.csv:2:34: the region is 300 characters long; at most 200 are allowed" };
    }
    void refusals()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, expected);
        QStringList errors;
        QVERIFY(!read(bytes, &errors));
        QCOMPARE(errors, expected);
    }

    void errorListIsBounded()
    {
        QByteArray bytes = kHeader;
        for (int i = 0; i < 250; ++i)
            bytes += "2025/26 Q1,RX" + QByteArray::number(i) + ",A,acute,OF0023,bad\n";
        QStringList errors;
        QVERIFY(!read(bytes, &errors));
        QCOMPARE(errors.size(), MetricFileReader::kMaxListedErrors + 1);
        QCOMPARE(errors.last(), QStringLiteral("m.csv: 150 more errors not listed"));
    }

    // One spelling per quarter, whatever the file wrote.
    void quarterSpellings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("canonical") << "2026/27 Q1"
                                   << "2026/27 Q1";
        QTest::newRow("hyphen") << "2026-27 Q1"
                                << "2026/27 Q1";
        QTest::newRow("quarter first") << "Q1 2026/27"
                                       << "2026/27 Q1";
        QTest::newRow("NHS England") << "Q3 2025/26"
                                     << "2025/26 Q3";
        QTest::newRow("quarter first, hyphen") << "Q2 2025-26"
                                               << "2025/26 Q2";
        QTest::newRow("four-digit years") << "2026/2027 Q1"
                                          << "2026/27 Q1";
        QTest::newRow("lower case, spaces") << "  q4  2025 / 26 "
                                            << "2025/26 Q4";
        QTest::newRow("word") << "2025/26 Quarter 2"
                              << "2025/26 Q2";
        QTest::newRow("joined") << "2025-26-Q2"
                                << "2025/26 Q2";
        QTest::newRow("century") << "2099/00 Q1"
                                 << "";
        QTest::newRow("turn of century") << "2009/10 Q1"
                                         << "2009/10 Q1";
        QTest::newRow("q5") << "2025/26 Q5"
                            << "";
        QTest::newRow("q0") << "2025/26 Q0"
                            << "";
        QTest::newRow("years apart") << "2025/27 Q1"
                                     << "";
        QTest::newRow("years backwards") << "2026/25 Q1"
                                         << "";
        QTest::newRow("four digits apart") << "2025/2027 Q1"
                                           << "";
        QTest::newRow("calendar") << "Q1 2025"
                                  << "";
        QTest::newRow("words") << "foo bar"
                               << "";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("formula") << "=1+2"
                                 << "";
        QTest::newRow("arabic-indic digits")
            << QString::fromUtf8("\xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA5/26 Q1") << "";
        QTest::newRow("two quarters") << "2025/26 Q1 Q2"
                                      << "";
        QTest::newRow("no-break space") << QString::fromUtf8("2025/26\xC2\xA0Q1") << "2025/26 Q1";
    }
    void quarterSpellings()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QString problem;
        QCOMPARE(canonicalQuarter(text, &problem), canonical);
        QCOMPARE(problem.isEmpty(), !canonical.isEmpty());
    }

    // A financial year ("years" of a methodology) in its one spelling.
    void yearSpellings()
    {
        QString problem;
        QCOMPARE(canonicalYear(QStringLiteral("2026/27")), QStringLiteral("2026/27"));
        QCOMPARE(canonicalYear(QStringLiteral(" 2026-27 ")), QStringLiteral("2026/27"));
        QCOMPARE(canonicalYear(QStringLiteral("2026/2027")), QStringLiteral("2026/27"));
        QCOMPARE(canonicalYear(QStringLiteral("2026/28"), &problem), QString());
        QVERIFY(problem.contains(QStringLiteral("not a financial year")));
        QCOMPARE(canonicalYear(QStringLiteral("2026/27 Q1")), QString());
        QCOMPARE(canonicalYear(QStringLiteral("2099/00")), QString());
        QCOMPARE(yearOfQuarter(QStringLiteral("Q2 2026-27")), QStringLiteral("2026/27"));
        QCOMPARE(yearOfQuarter(QStringLiteral("foo")), QString());
    }

    void everySpellingIsOneQuarter()
    {
        QStringList errors;
        const auto data = read("\xEF\xBB\xBFquarter,org_code,org_name,org_type,metric_id,value\r\n"
                               "Q1 2025-26,RX1,A,acute,OF0023,60\r\n"
                               "2025-26 Q1,RX2,B,acute,OF0023,61\r\n"
                               "2025/2026 Q1,RX3,C,acute,OF0023,62\r\n"
                               "q1 2025/26,RX1,A,acute,OF0013,70\r\n"
                               "2025/26 Q1,RX1,A,acute,OF0023,60.0\r\n",
            &errors);
        QCOMPARE(errors, QStringList());
        QVERIFY(data);
        QCOMPARE(data->quarters.size(), 1);
        QCOMPARE(data->quarters.at(0).label, QStringLiteral("2025/26 Q1"));
        QCOMPARE(data->quarters.at(0).organisations.size(), 3);
    }

    // A duplicate under another spelling is the same value, so a conflict is found.
    void conflictAcrossSpellings()
    {
        QStringList errors;
        QVERIFY(
            !read(kHeader + "Q1 2025-26,RX1,A,acute,OF0023,60\n2025/26 Q1,RX1,A,acute,OF0023,61\n", &errors));
        QCOMPARE(errors,
            QStringList { "m.csv:3:31: conflicting duplicate: RX1 OF0023 in 2025/26 Q1 is \"61\" here but "
                          "\"60\" on line 2" });
    }

    // A lone CR inside a quoted name ends no record and loses no row.
    void loneCarriageReturnInQuotedName()
    {
        QStringList errors;
        QByteArray bytes = kHeader;
        for (int i = 0; i < 150; ++i)
            bytes += "2025/26 Q1,RX1,\"Trust\rOne\",acute,OF0023,60\n";
        bytes += "2025/26 Q1,RX2,Two,acute,OF0023,61\n";
        // Read as one field (no row is lost), and refused, each row named:
        // a line break in a name is never silently turned into a space.
        const auto data = read(bytes, &errors);
        QVERIFY(!data);
        QCOMPARE(errors.first(), QStringLiteral("m.csv:2:16: the organisation name holds a control character (U+000D, "
                                                "a carriage return); names are plain text"));
        QCOMPARE(errors.at(1), QStringLiteral("m.csv:4:16: the organisation name holds a control character (U+000D, "
                                              "a carriage return); names are plain text"));
    }

    // ODS codes do not depend on case: "rx1" is RX1, one organisation.
    void codesInCapitals()
    {
        QStringList errors;
        const auto data
            = read(kHeader + "2025/26 Q1,rx1,A,acute,OF0023,60\n2025/26 Q1,RX1,A,acute,OF0013,70\n", &errors);
        QCOMPARE(errors, QStringList());
        QVERIFY(data);
        QCOMPARE(data->quarters.at(0).organisations.size(), 1);
        QCOMPARE(data->quarters.at(0).organisations.at(0).code, QStringLiteral("RX1"));
        QCOMPARE(data->quarters.at(0).organisations.at(0).values.size(), 2);
    }

    // Trailing empty fields (a spreadsheet's trailing commas) are not data.
    void trailingEmptyFieldsAccepted()
    {
        QStringList errors;
        QVERIFY(read(kHeader + "2025/26 Q1,RX1,A,acute,OF0023,60,,\n", &errors));
        QCOMPARE(errors, QStringList());
    }

    // Issue 10 (hostile tester): a row of nothing but separators is blank,
    // like an empty line; it is not counted and names no metric.
    void whollyBlankRowIsBlank()
    {
        QStringList errors;
        MetricFileSummary summary;
        QVERIFY(read(kHeader + ",,,,,\n2025/26 Q1,RX1,A,acute,OF0023,60\n , ,,,,\n", &errors, &summary));
        QCOMPARE(errors, QStringList());
        QCOMPARE(summary.rows, 1);
        QCOMPARE(summary.skippedUnknown, 0);
    }

    // 1e-400 is 0 for every purpose (inside 0-100), not "beyond any number".
    void underflowIsZero()
    {
        QCOMPARE(parseCNumber(QStringLiteral("1e-400")), std::optional<double>(0.0));
        QCOMPARE(parseCNumber(QStringLiteral("0.0001e-399")), std::optional<double>(0.0));
        QCOMPARE(parseCNumber(QStringLiteral("1e400")), std::optional<double>());
        QCOMPARE(parseCNumber(QStringLiteral("123456e-310")).has_value(), true);
        QStringList errors;
        const auto dataset = read(kHeader + "2025/26 Q1,RX1,A,acute,OF0023,1e-400\n", &errors);
        QCOMPARE(errors, QStringList());
        QVERIFY(dataset);
    }

    // Lengths are counted in characters as drawn, not UTF-16 units.
    void lengthsInCharacters()
    {
        const QString emoji = QString::fromUtf8("\xF0\x9F\x98\x80");
        QCOMPARE(visibleLength(emoji.repeated(101)), 101);
        QVERIFY(textLengthProblem(QStringLiteral("the name"), emoji.repeated(101), kMaxNameLength).isEmpty());
        QCOMPARE(textLengthProblem(QStringLiteral("the name"), emoji.repeated(201), kMaxNameLength),
            QStringLiteral("the name is 201 characters long; at most 200 are allowed"));
        const QString shown = shownName(emoji.repeated(300));
        QCOMPARE(visibleLength(shown), kMaxNameLength);
        QVERIFY(!shown.at(shown.size() - 2).isHighSurrogate()); // never cut inside a character
    }

    void quarterOrder()
    {
        QStringList labels{"2025/26 Q2", "Q1 2025/26", "2024/25 Q4", "misc", "2025-26 Q3"};
        std::sort(labels.begin(), labels.end(), quarterLessThan);
        QCOMPARE(labels, (QStringList{"2024/25 Q4", "Q1 2025/26", "2025/26 Q2", "2025-26 Q3", "misc"}));
    }
};

QTEST_GUILESS_MAIN(TestMetricFileReader)
#include "tst_metricfilereader.moc"
