// Reading metric files against the built-in methodology: both column
// layouts, every value form, and the exact message for each bad input.

#include "data/metricfilereader.h"

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
    }

    void identicalDuplicateAccepted()
    {
        QStringList errors;
        QVERIFY(read(kHeader + "Q1 2025,RX1,A,acute,OF0023,60\nQ1 2025,RX1,A,acute,OF0023,60.0%\n", &errors));
        QCOMPARE(errors, QStringList());
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("missing column") << QByteArray("quarter,org_code,org_name,org_type,value\nQ1 2025,RX1,A,acute,3\n")
            << QStringList{"m.csv:1: missing required column \"metric_id\" (the header needs quarter, org_code, org_name, org_type, metric_id and value)"};
        QTest::newRow("non-number") << kHeader + "Q1 2025,RX1,A,acute,OF0023,n/a\n"
            << QStringList{"m.csv:2:28: \"n/a\" is not a number (metric OF0023 needs a number, or empty, '*' or '-' when missing)"};
        QTest::newRow("unknown band label") << kHeader + "Q1 2025,RX1,A,acute,CQC-SAFE,Fine\n"
            << QStringList{"m.csv:2:30: unknown band label \"Fine\" for metric CQC-SAFE (expected one of: Outstanding, Good, Requires improvement, Inadequate)"};
        QTest::newRow("unknown peer type") << kHeader + "Q1 2025,RX1,A,hospice,OF0023,60\n"
            << QStringList{"m.csv:2:15: unknown peer type \"hospice\" (expected one of the methodology's peer types, e.g. Acute trust)"};
        QTest::newRow("two types") << kHeader + "Q1 2025,RX1,A,acute,OF0023,60\nQ1 2025,RX1,A,mhc,OF0082,3\n"
            << QStringList{"m.csv:3:15: organisation RX1 has two peer types in Q1 2025: mhc here, acute on line 2"};
        QTest::newRow("conflicting duplicate") << kHeader + "Q1 2025,RX1,A,acute,OF0023,60\nQ1 2025,RX1,A,acute,OF0023,61\n"
            << QStringList{"m.csv:3:28: conflicting duplicate: RX1 OF0023 in Q1 2025 is \"61\" here but \"60\" on line 2"};
        QTest::newRow("finance flag") << kHeader + "Q1 2025,RX1,A,acute,DEFICIT,maybe\n"
            << QStringList{"m.csv:2:29: \"maybe\" is not a finance flag for DEFICIT (expected 1/0, yes/no or true/false)"};
        QTest::newRow("no data rows") << kHeader << QStringList{"m.csv: no data rows after the header"};
        QTest::newRow("empty file") << QByteArray() << QStringList{"m.csv: the file is empty (no header row)"};
        QTest::newRow("hex is not C notation") << kHeader + "Q1 2025,RX1,A,acute,OF0023,0x10\n"
            << QStringList{"m.csv:2:28: \"0x10\" is not a number (metric OF0023 needs a number, or empty, '*' or '-' when missing)"};
        QTest::newRow("every error listed") << kHeader + "Q1 2025,RX1,A,acute,OF0023,x\nQ1 2025,RX2,A,acute,OF0013,y\n"
            << QStringList{"m.csv:2:28: \"x\" is not a number (metric OF0023 needs a number, or empty, '*' or '-' when missing)",
                           "m.csv:3:28: \"y\" is not a number (metric OF0013 needs a number, or empty, '*' or '-' when missing)"};
        QTest::newRow("broken CSV") << kHeader + "Q1 2025,RX1,\"A,acute,OF0023,1\n"
            << QStringList{"m.csv:2:13: quoted field is never closed (missing '\"')"};
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
            bytes += "Q1 2025,RX" + QByteArray::number(i) + ",A,acute,OF0023,bad\n";
        QStringList errors;
        QVERIFY(!read(bytes, &errors));
        QCOMPARE(errors.size(), MetricFileReader::kMaxListedErrors + 1);
        QCOMPARE(errors.last(), QStringLiteral("m.csv: 150 more errors not listed"));
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
