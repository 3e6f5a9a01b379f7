// The methodology file: the built-in catalogue, defaults, and a clear refusal
// of every malformed file (the message names the file and the fault).

#include "demo/demoworkspace.h"
#include "framework/methodology.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace owb;

namespace {
// A minimal valid methodology; each test row patches one piece of it.
const char *const kMinimal = R"({"id": "t",
 "years": ["2025/26"],
 "peer_types": [{"id": "acute", "name": "Acute trust", "aliases": ["Acute"]}],
 "domains": [{"id": "access"}],
 "metrics": [{"id": "M1", "domain": "access", "applies_to": ["acute"], "range": [null, null], "direction": "higher"}],
 "segmentation": {"method": "peer-quartiles"},
 "title": "Test methodology",
 "segment_labels": {"1": "One", "2": "Two", "3": "Three", "4": "Four", "5": "Programme"},
 "programme_name": "Programme"})";

QByteArray patched(const QString &from, const QString &to)
{
    QString text = QString::fromUtf8(kMinimal);
    if (!from.isEmpty()) {
        Q_ASSERT(text.contains(from));
        text.replace(from, to);
    }
    return text.toUtf8();
}
} // namespace

class TestMethodology : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtInCatalogue()
    {
        const Methodology &m = Methodology::builtIn();
        QCOMPARE(m.id(), QStringLiteral("nof-2025-26"));
        QCOMPARE(m.peerTypes().size(), 4);
        QCOMPARE(m.domains().size(), 5);
        QCOMPARE(m.metrics().size(), 27);
        QCOMPARE(m.metric(QStringLiteral("OF0088"))->weight, (Rational{1, 3}));
        QCOMPARE(m.metric(QStringLiteral("OF0023"))->standard, std::optional<double>(65));
        QVERIFY(m.metric(QStringLiteral("CQC-SAFE"))->labelBands);
        QCOMPARE(m.resolvePeerType(QStringLiteral(" non-ACUTE "))->id, QStringLiteral("mhc"));
        QCOMPARE(m.resolvePeerType(QStringLiteral("Ambulance trust"))->id, QStringLiteral("ambulance"));
        // ICBs: reported, with system considerations, but not segmented in 2025/26.
        QCOMPARE(m.resolvePeerType(QStringLiteral("ICB"))->id, QStringLiteral("icb"));
        QVERIFY(!m.isSegmented(QStringLiteral("icb")));
        QVERIFY(m.isSegmented(QStringLiteral("acute")));
        QVERIFY(m.scoredMetricsFor(QStringLiteral("icb")).isEmpty());
        QVERIFY(m.peerType(QStringLiteral("icb"))->notSegmented.contains(QStringLiteral("not segmented in 2025/26")));
        QCOMPARE(m.systemConsiderations().size(), 6);
        QVERIFY(m.hasSystemCasework(QStringLiteral("icb")));
        QVERIFY(!m.hasSystemCasework(QStringLiteral("acute")));
        QVERIFY(!m.resolvePeerType(QStringLiteral("Care home")));
        QCOMPARE(m.capabilityAreas().size(), 6);
        QCOMPARE(m.segmentLabel(5), QStringLiteral("Recovery Support Programme"));
        QCOMPARE(m.sha256().size(), 64);
        QCOMPARE(m.scoredMetricsFor(QStringLiteral("ambulance")).size(), 7);
        // Casework's closed sets are data (issue 13).
        const CaseworkChoices &choices = m.casework();
        QCOMPARE(choices.reviewStages.firstId(), QStringLiteral("scoping"));
        QCOMPARE(choices.reviewStages.finalId, QStringLiteral("decided"));
        QCOMPARE(choices.reviewStages.items.size(), 4);
        QCOMPARE(choices.milestoneStatuses.finalId, QStringLiteral("done"));
        QCOMPARE(choices.criterionStatuses.finalId, QStringLiteral("met"));
        QCOMPARE(choices.severities.match(QStringLiteral(" HIGH ")), QStringLiteral("high"));
        QCOMPARE(choices.recommendations.match(QStringLiteral("enter the recovery support programme")),
                 QStringLiteral("programme"));
        QVERIFY(choices.severities.match(QStringLiteral("very bad")).isEmpty());
        QCOMPARE(choices.severities.nameOf(QStringLiteral("moderate")), QStringLiteral("Moderate"));
        QVERIFY(choices.severities.nameOf(QStringLiteral("very bad")).startsWith(QStringLiteral("very bad (not in")));
        QCOMPARE(m.years(), QStringList{QStringLiteral("2025/26")});
    }

    // The documented template for a later year is refused as it is shipped
    // (its values are marked PLACEHOLDER); filled in, it is a valid file of
    // that year that segments ICBs by thresholds.
    void laterYearTemplate()
    {
        QString error;
        const QString path = QStringLiteral(OWB_TEST_DATA "/../../resources/methodology/nof-2026-27-template.json");
        QVERIFY(!Methodology::fromFile(path, &error));
        QVERIFY2(error.contains(QStringLiteral("is marked PLACEHOLDER: this is the template")), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray filled = file.readAll();
        filled.replace("PLACEHOLDER", "FILLED IN");
        const auto m = Methodology::fromJson(filled, QStringLiteral("t.json"), &error);
        QVERIFY2(m, qPrintable(error));
        QCOMPARE(m->years(), QStringList{QStringLiteral("2026/27")});
        QVERIFY(m->title().startsWith(QStringLiteral("TEMPLATE")));
        QCOMPARE(m->segmentation().method, SegmentationRule::Method::Thresholds);
        QVERIFY(m->isSegmented(QStringLiteral("icb")));
        QVERIFY(!m->scoredMetricsFor(QStringLiteral("icb")).isEmpty());
        QVERIFY(m->programmeName().contains(QStringLiteral("FILLED IN")));
    }

    // The demo's 2026/27 file (resources/demo): the 2026/27 method, ICBs
    // segmented, thresholds for every peer type, and said to be a demo with
    // invented thresholds in its id, title and source.
    void demoLaterYear()
    {
        const Methodology &m = demoMethodology();
        QVERIFY(m.id().contains(QStringLiteral("demo")));
        QVERIFY(m.title().startsWith(QStringLiteral("DEMO")));
        QVERIFY(m.title().contains(QStringLiteral("invented thresholds, not NHS England's")));
        QCOMPARE(m.years(), QStringList{QStringLiteral("2026/27")});
        QCOMPARE(m.segmentation().method, SegmentationRule::Method::Thresholds);
        QVERIFY(m.isSegmented(QStringLiteral("icb")));
        for (const PeerType &type : m.peerTypes()) {
            QVERIFY2(m.segmentation().cuts.contains(type.id), qPrintable(type.id));
            const auto &t = m.segmentation().cuts.value(type.id);
            QVERIFY(t[0] < t[1] && t[1] < t[2]);
        }
        QVERIFY(!QString::fromUtf8(m.source()).contains(QStringLiteral("PLACEHOLDER")));
    }

    // The years a file declares, in their one spelling; a file stored by an
    // earlier version (without "years") is still read from a workspace.
    void years()
    {
        QString error;
        const auto m = Methodology::fromJson(patched(QStringLiteral(R"(["2025/26"])"),
                                                     QStringLiteral(R"(["2026/27", "2024/25"])")),
                                             QStringLiteral("m.json"), &error);
        QVERIFY2(m, qPrintable(error));
        QCOMPARE(m->years(), (QStringList{QStringLiteral("2024/25"), QStringLiteral("2026/27")}));
        QVERIFY(m->declaresYear(QStringLiteral("2026/27")));
        QVERIFY(!m->declaresYear(QStringLiteral("2025/26")));
        const QByteArray legacy = patched(QStringLiteral(R"("years": ["2025/26"],)"), QString());
        QVERIFY(!Methodology::fromJson(legacy, QStringLiteral("m.json"), &error));
        const auto stored = Methodology::fromStoredJson(legacy, QStringLiteral("m.json"), &error);
        QVERIFY2(stored, qPrintable(error));
        QVERIFY(stored->years().isEmpty());
    }

    // Every numeric metric of the built-in catalogue declares its range, and
    // each range holds the metric's standard and floor.
    void builtInRanges()
    {
        const Methodology &m = Methodology::builtIn();
        const QJsonArray metrics = QJsonDocument::fromJson(m.source()).object().value(QStringLiteral("metrics")).toArray();
        QCOMPARE(metrics.size(), m.metrics().size());
        for (const QJsonValue &entry : metrics) {
            const MetricDefinition *metric = m.metric(entry.toObject().value(QStringLiteral("id")).toString());
            QVERIFY(metric);
            QCOMPARE(entry.toObject().contains(QStringLiteral("range")), !metric->labelBands);
            if (metric->units == QLatin1String("%") && metric->domain != QLatin1String("finance"))
                QCOMPARE(metric->rangeText(), QStringLiteral("0 to 100"));
        }
        QVERIFY(!m.metric(QStringLiteral("OF0020"))->inRange(-0.1));
        QVERIFY(m.metric(QStringLiteral("OF0020"))->inRange(1e6));
        QVERIFY(m.metric(QStringLiteral("OF0081"))->inRange(-62.2));
        QVERIFY(!m.metric(QStringLiteral("OF0081"))->inRange(1e308));
        QVERIFY(!m.metric(QStringLiteral("OF0023"))->inRange(100.01));
        QVERIFY(m.metric(QStringLiteral("OF0023"))->inRange(100));
    }

    void defaults()
    {
        QString error;
        const auto m = Methodology::fromJson(patched({}, {}), QStringLiteral("m.json"), &error);
        QVERIFY2(m, qPrintable(error));
        QCOMPARE(m->financeCap(), 3);
        QCOMPARE(m->metric(QStringLiteral("M1"))->weight, (Rational{1, 1}));
        QVERIFY(m->metric(QStringLiteral("M1"))->scored);
        QCOMPARE(m->segmentLabel(1), QStringLiteral("One"));
        QCOMPARE(m->programmeName(), QStringLiteral("Programme"));  // its segment-5 label
        QCOMPARE(m->capabilityRatings().size(), 4);
        QCOMPARE(m->casework().reviewStages.items.size(), Methodology::builtIn().casework().reviewStages.items.size());
    }

    // A region's own sets replace the built-in ones; each workflow needs the
    // value that closes it.
    void caseworkChoices()
    {
        const QString sets = QStringLiteral(
            R"("casework": {"review_stages": [{"id": "open"}, {"id": "closed", "final": true}],)"
            R"( "recommendations": [{"id": "a"}], "decisions": [{"id": "b", "name": "B"}],)"
            R"( "finding_severities": [{"id": "red"}, {"id": "green"}],)"
            R"( "milestone_statuses": [{"id": "todo"}, {"id": "done", "final": true}],)"
            R"( "exit_criterion_statuses": [{"id": "no"}, {"id": "yes", "final": true}]}, "segmentation": {)");
        QString error;
        const auto m = Methodology::fromJson(patched(QStringLiteral(R"("segmentation": {)"), sets), QStringLiteral("m.json"), &error);
        QVERIFY2(m, qPrintable(error));
        QCOMPARE(m->casework().reviewStages.finalId, QStringLiteral("closed"));
        QCOMPARE(m->casework().severities.items.size(), 2);
        QCOMPARE(m->casework().decisions.nameOf(QStringLiteral("b")), QStringLiteral("B"));

        QString noFinal = sets;
        noFinal.replace(QStringLiteral(R"({"id": "closed", "final": true})"), QStringLiteral(R"({"id": "closed"})"));
        QVERIFY(!Methodology::fromJson(patched(QStringLiteral(R"("segmentation": {)"), noFinal), QStringLiteral("m.json"), &error));
        QCOMPARE(error, QStringLiteral(R"(m.json: casework: review_stages: one item must be marked "final": true (the value that closes it))"));
        QString notLast = sets;
        notLast.replace(QStringLiteral(R"([{"id": "open"}, {"id": "closed", "final": true}])"),
                        QStringLiteral(R"([{"id": "closed", "final": true}, {"id": "open"}])"));
        QVERIFY(!Methodology::fromJson(patched(QStringLiteral(R"("segmentation": {)"), notLast), QStringLiteral("m.json"), &error));
        QCOMPARE(error, QStringLiteral(R"(m.json: casework: review_stages: the "final" stage must be the last)"));
        QString duplicate = sets;
        duplicate.replace(QStringLiteral(R"({"id": "green"})"), QStringLiteral(R"({"id": "Red"})"));
        QVERIFY(!Methodology::fromJson(patched(QStringLiteral(R"("segmentation": {)"), duplicate), QStringLiteral("m.json"), &error));
        QCOMPARE(error, QStringLiteral(R"(m.json: casework: finding_severities: duplicate id "Red")"));
        QString missing = sets;
        missing.replace(QStringLiteral(R"("decisions": [{"id": "b", "name": "B"}],)"), QString());
        QVERIFY(!Methodology::fromJson(patched(QStringLiteral(R"("segmentation": {)"), missing), QStringLiteral("m.json"), &error));
        QCOMPARE(error, QStringLiteral(R"(m.json: casework: decisions: must be a non-empty array of {"id", "name"})"));
    }

    void thresholds()
    {
        QString error;
        const auto m = Methodology::fromJson(
            patched(QStringLiteral(R"({"method": "peer-quartiles"})"),
                    QStringLiteral(R"({"method": "thresholds", "cuts": {"acute": [2.11, 2.355, 2.70]}})")),
            QStringLiteral("m.json"), &error);
        QVERIFY2(m, qPrintable(error));
        QCOMPARE(m->segmentation().method, SegmentationRule::Method::Thresholds);
        QCOMPARE(m->segmentation().cuts.value(QStringLiteral("acute"))[1], 2.355);

        // A peer type that is not segmented needs no cut points.
        const auto withIcb = Methodology::fromJson(
            patched(QStringLiteral(R"({"method": "peer-quartiles"})"),
                    QStringLiteral(R"({"method": "thresholds", "cuts": {"acute": [2.11, 2.355, 2.70]}})"))
                .replace(R"("aliases": ["Acute"]})", R"("aliases": ["Acute"]}, {"id": "icb", "segmented": false, "not_segmented_note": "Not this year."})"),
            QStringLiteral("m.json"), &error);
        QVERIFY2(withIcb, qPrintable(error));
        QVERIFY(!withIcb->isSegmented(QStringLiteral("icb")));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("message");
        QTest::newRow("direction") << QStringLiteral(R"("direction": "higher")")
                                   << QStringLiteral(R"("direction": "up")")
                                   << QStringLiteral(R"(m.json: metric M1: "direction" must be "higher" or "lower")");
        QTest::newRow("syntax") << QStringLiteral(R"("id": "t",)") << QStringLiteral(R"("id": "t")")
                                << QStringLiteral("m.json:2:3: JSON syntax error: unterminated object");
        QTest::newRow("no id") << QStringLiteral(R"("id": "t",)") << QString()
                               << QStringLiteral(R"(m.json: "id" is required and must be a non-empty string)");
        QTest::newRow("no years") << QStringLiteral(R"("years": ["2025/26"],)") << QString()
                                  << QStringLiteral(R"(m.json: "years" is required: the financial years the file applies to, such as ["2025/26"])");
        QTest::newRow("years empty") << QStringLiteral(R"(["2025/26"])") << QStringLiteral("[]")
                                     << QStringLiteral(R"(m.json: years: the list is empty: it must name at least one financial year, such as ["2025/26"])");
        QTest::newRow("year spelling") << QStringLiteral(R"(["2025/26"])") << QStringLiteral(R"(["2025-26"])")
                                       << QStringLiteral(R"(m.json: years: write "2025-26" as "2025/26")");
        QTest::newRow("year not a year") << QStringLiteral(R"(["2025/26"])") << QStringLiteral(R"(["2025/27"])")
                                         << QStringLiteral(R"(m.json: years: "2025/27" is not a financial year (write it as 2025/26))");
        QTest::newRow("year not text") << QStringLiteral(R"(["2025/26"])") << QStringLiteral("[2025]")
                                       << QStringLiteral(R"(m.json: years: every year must be a string such as "2025/26")");
        QTest::newRow("year twice") << QStringLiteral(R"(["2025/26"])") << QStringLiteral(R"(["2025/26", "2025/26"])")
                                    << QStringLiteral(R"(m.json: years: "2025/26" is listed twice)");
        QTest::newRow("no peer types") << QStringLiteral(R"("peer_types")") << QStringLiteral(R"("peers")")
                                       << QStringLiteral(R"(m.json: "peer_types" is required and must be a non-empty array)");
        QTest::newRow("no metrics") << QStringLiteral(R"("metrics")") << QStringLiteral(R"("metric")")
                                    << QStringLiteral(R"(m.json: "metrics" is required and must be a non-empty array)");
        QTest::newRow("no segmentation") << QStringLiteral(R"("segmentation")") << QStringLiteral(R"("segments")")
                                         << QStringLiteral(R"(m.json: "segmentation" is required and must be an object)");
        QTest::newRow("unknown domain") << QStringLiteral(R"("domain": "access")") << QStringLiteral(R"("domain": "acces")")
                                        << QStringLiteral(R"(m.json: metric M1: "domain" must name one of the domains (got "acces"))");
        QTest::newRow("unknown peer type") << QStringLiteral(R"("applies_to": ["acute"])")
                                           << QStringLiteral(R"("applies_to": ["icb"])")
                                           << QStringLiteral(R"(m.json: metric M1: "applies_to" names an unknown peer type "icb")");
        QTest::newRow("duplicate metric")
            << QStringLiteral(R"("direction": "higher"}])")
            << QStringLiteral(R"("direction": "higher"}, {"id": "M1", "domain": "access", "applies_to": ["acute"], "range": [null, null], "direction": "lower"}])")
            << QStringLiteral("m.json: metric M1: duplicate id");
        QTest::newRow("reserved id") << QStringLiteral(R"("id": "M1")") << QStringLiteral(R"("id": "DEFICIT")")
                                     << QStringLiteral("m.json: metric DEFICIT: this id is reserved for finances");
        QTest::newRow("weight") << QStringLiteral(R"("direction": "higher")")
                                << QStringLiteral(R"("direction": "higher", "weight": "a third")")
                                << QStringLiteral(R"(m.json: metric M1: "weight" must be a positive number or a fraction such as "1/3")");
        QTest::newRow("standard not a number") << QStringLiteral(R"("direction": "higher")")
                                               << QStringLiteral(R"("direction": "higher", "standard": "65%")")
                                               << QStringLiteral(R"(m.json: metric M1: "standard" must be a number or null)");
        QTest::newRow("floor above standard") << QStringLiteral(R"("direction": "higher")")
                                              << QStringLiteral(R"("direction": "higher", "standard": 50, "floor": 60)")
                                              << QStringLiteral(R"(m.json: metric M1: "floor" must be below "standard" when higher is better)");
        QTest::newRow("bands out of order")
            << QStringLiteral(R"("direction": "higher")")
            << QStringLiteral(R"("bands": [{"upto": 40, "score": 1}, {"upto": 20, "score": 2}, {"score": 4}])")
            << QStringLiteral(R"(m.json: metric M1: band 2: bands out of order: "upto" must increase)");
        QTest::newRow("open band not last")
            << QStringLiteral(R"("direction": "higher")")
            << QStringLiteral(R"("bands": [{"score": 1}, {"upto": 20, "score": 2}])")
            << QStringLiteral(R"(m.json: metric M1: band 1: only the last band may leave out "upto")");
        QTest::newRow("band score") << QStringLiteral(R"("direction": "higher")")
                                    << QStringLiteral(R"("bands": [{"label": "Good", "score": 5}])")
                                    << QStringLiteral(R"(m.json: metric M1: band 1: "score" must be a number from 1 to 4)");
        QTest::newRow("duplicate label")
            << QStringLiteral(R"("direction": "higher")")
            << QStringLiteral(R"("bands": [{"label": "Good", "score": 1}, {"label": " good", "score": 2}])")
            << QStringLiteral(R"(m.json: metric M1: band 2: duplicate label "good")");
        QTest::newRow("method") << QStringLiteral("peer-quartiles") << QStringLiteral("deciles")
                                << QStringLiteral(R"(m.json: segmentation: "method" must be "peer-quartiles" or "thresholds")");
        QTest::newRow("thresholds not increasing")
            << QStringLiteral(R"({"method": "peer-quartiles"})")
            << QStringLiteral(R"({"method": "thresholds", "cuts": {"acute": [2.4, 2.3, 2.7]}})")
            << QStringLiteral("m.json: segmentation: cuts: acute: thresholds must be strictly increasing");
        QTest::newRow("thresholds missing")
            << QStringLiteral(R"({"method": "peer-quartiles"})")
            << QStringLiteral(R"({"method": "thresholds", "cuts": {}})")
            << QStringLiteral("m.json: segmentation: cuts: acute: must be three numbers [t1, t2, t3]");
        QTest::newRow("alias clash") << QStringLiteral(R"("aliases": ["Acute"])")
                                     << QStringLiteral(R"("aliases": ["Acute"]}, {"id": "amb", "aliases": ["acute"])")
                                     << QStringLiteral(R"(m.json: peer type amb: name or alias "acute" is already used by peer type acute)");
        QTest::newRow("segmented not a flag") << QStringLiteral(R"("aliases": ["Acute"])")
                                              << QStringLiteral(R"("aliases": ["Acute"], "segmented": "no")")
                                              << QStringLiteral(R"(m.json: peer type acute: "segmented" must be true or false)");
        QTest::newRow("system considerations peer type")
            << QStringLiteral(R"("segmentation": {)")
            << QStringLiteral(R"("system_considerations": {"applies_to": ["icb"], "tests": [{"id": "a", "test": "?"}]}, "segmentation": {)")
            << QStringLiteral(R"(m.json: system_considerations: "applies_to" names an unknown peer type "icb")");
        QTest::newRow("system considerations duplicate")
            << QStringLiteral(R"("segmentation": {)")
            << QStringLiteral(R"("system_considerations": {"applies_to": ["acute"], "tests": [{"id": "a", "test": "?"}, {"id": "a", "test": "!"}]}, "segmentation": {)")
            << QStringLiteral(R"(m.json: system_considerations: test 2: duplicate id "a")");
        QTest::newRow("system considerations empty")
            << QStringLiteral(R"("segmentation": {)")
            << QStringLiteral(R"("system_considerations": {"applies_to": ["acute"]}, "segmentation": {)")
            << QStringLiteral(R"(m.json: system_considerations: "tests" must be a non-empty array)");
        // Issue 10: each metric's valid range is declared and checked.
        QTest::newRow("range inverted")
            << QStringLiteral(R"("range": [null, null], "direction": "higher")")
            << QStringLiteral(R"("direction": "higher", "range": [100, 0])")
            << QStringLiteral(R"(m.json: metric M1: "range" must have its minimum below its maximum)");
        QTest::newRow("range of strings")
            << QStringLiteral(R"("range": [null, null], "direction": "higher")")
            << QStringLiteral(R"("direction": "higher", "range": ["0", "100"])")
            << QStringLiteral(
                   R"(m.json: metric M1: "range" must be [minimum, maximum], each a number (at most 1e12 either way) or null for no limit, such as [0, 100])");
        QTest::newRow("range absurd")
            << QStringLiteral(R"("range": [null, null], "direction": "higher")")
            << QStringLiteral(R"("direction": "higher", "range": [0, 1e308])")
            << QStringLiteral(
                   R"(m.json: metric M1: "range" must be [minimum, maximum], each a number (at most 1e12 either way) or null for no limit, such as [0, 100])");
        QTest::newRow("floor outside range")
            << QStringLiteral(R"("range": [null, null], "direction": "higher")")
            << QStringLiteral(R"("direction": "higher", "floor": -5, "range": [0, null])")
            << QStringLiteral(R"(m.json: metric M1: "floor" -5 lies outside "range" (0 or more))");
        QTest::newRow("range of label bands")
            << QStringLiteral(R"("range": [null, null], "direction": "higher")")
            << QStringLiteral(R"("bands": [{"label": "Good", "score": 1}], "range": [0, 100])")
            << QStringLiteral(
                   R"(m.json: metric M1: "range" applies to numbers; a metric banded by label has none)");
        // Found by an independent test: a metric read as a number must declare its range.
        QTest::newRow("range missing")
            << QStringLiteral(R"("range": [null, null], )")
            << QString()
            << QStringLiteral(
                   R"(m.json: metric M1: "range" is required: give the values this metric can take as [minimum, maximum], each a number or null for no limit, such as [0, 100] for a percentage)");
        QTest::newRow("not an object") << QString::fromUtf8(kMinimal) << QStringLiteral("[1, 2]")
                                       << QStringLiteral("m.json: the top level must be a JSON object");
        // Found by an independent test (issue 12): malformed content is refused, naming the file and the field.
        const QString labels = QStringLiteral(R"("segment_labels": {"1": "One", "2": "Two", "3": "Three", "4": "Four", "5": "Programme"})");
        QTest::newRow("no title") << QStringLiteral(R"("title": "Test methodology",)") << QString()
                                  << QStringLiteral(R"(m.json: "title" is required: the methodology's name, such as "NHS Oversight Framework 2026/27")");
        QTest::newRow("no labels") << QStringLiteral(R"(,
 )") + labels << QString()
                                   << QStringLiteral(R"(m.json: "segment_labels" is required: an object with the label of each segment, "1" to "4" (and "5" when the year has a programme))");
        QTest::newRow("label 4 missing") << QStringLiteral(R"(, "4": "Four")") << QString()
                                         << QStringLiteral(R"(m.json: segment_labels: the label of segment "4" is missing: segments 1 to 4 each need one)");
        QTest::newRow("NUL in title") << QStringLiteral(R"("Test methodology")") << QStringLiteral(R"("Test\u0000methodology")")
                                      << QStringLiteral("m.json: title: holds a control character (such as NUL); only plain text is allowed");
        QTest::newRow("newline in id") << QStringLiteral(R"("id": "t",)") << QStringLiteral(R"("id": "t\nx",)")
                                       << QStringLiteral("m.json: id: \"t\\nx\" is not a plain id: use letters, digits, dots, hyphens and underscores only, such as nof-2026-27");
        QTest::newRow("path as id") << QStringLiteral(R"("id": "t",)") << QStringLiteral(R"("id": "../../etc/passwd",)")
                                    << QStringLiteral(R"(m.json: id: "../../etc/passwd" is not a plain id: use letters, digits, dots, hyphens and underscores only, such as nof-2026-27)");
        QTest::newRow("cut below 1") << QStringLiteral(R"({"method": "peer-quartiles"})")
                                     << QStringLiteral(R"({"method": "thresholds", "cuts": {"acute": [-5, 2, 3]}})")
                                     << QStringLiteral("m.json: segmentation: cuts: acute: thresholds must lie between 1 and 4 (the range of the average metric score), such as [2.1, 2.4, 2.7]");
        QTest::newRow("cut above 4") << QStringLiteral(R"({"method": "peer-quartiles"})")
                                     << QStringLiteral(R"({"method": "thresholds", "cuts": {"acute": [1, 2, 300]}})")
                                     << QStringLiteral("m.json: segmentation: cuts: acute: thresholds must lie between 1 and 4 (the range of the average metric score), such as [2.1, 2.4, 2.7]");
        QTest::newRow("years twice") << QStringLiteral(R"("years": ["2025/26"],)")
                                     << QStringLiteral(R"("years": ["2025/26"], "years": ["2026/27"],)")
                                     << QStringLiteral("m.json: years: the key is given twice; give each key once");
        QTest::newRow("nested key twice") << QStringLiteral(R"({"method": "peer-quartiles"})")
                                          << QStringLiteral(R"({"method": "peer-quartiles", "method": "thresholds"})")
                                          << QStringLiteral("m.json: segmentation: method: the key is given twice; give each key once");
        QTest::newRow("no programme, segment 5")
            << QStringLiteral(R"("programme_name": "Programme")") << QStringLiteral(R"("programme_name": null)")
            << QStringLiteral(R"(m.json: segment_labels: 5: the file says the year has no programme ("programme_name": null), so it has no segment 5: remove its label, or name the programme)");
        QTest::newRow("placeholder")
            << QStringLiteral(R"("Test methodology")") << QStringLiteral(R"("PLACEHOLDER: the title")")
            << QStringLiteral("m.json: title: is marked PLACEHOLDER: this is the template, not a methodology. Fill in NHS England's published values for every value marked PLACEHOLDER first, and give the file its own id and title");
        // Shown text: no bidi controls or other invisible formatting
        // characters, names within 200 characters; a peer type the year does
        // not segment says why (issue 12).
        // Each named for what it is, with its code point (issue 12).
        const QString formatting = QStringLiteral(": holds %1, an invisible formatting character%2; only plain text "
                                                  "is allowed: type the text again without it");
        const QString direction = QStringLiteral(" that changes the direction text is read in");
        QTest::newRow("title bidi override")
            << QStringLiteral(R"("Test methodology")") << QStringLiteral("\"abc\u202Edef\"")
            << QStringLiteral("m.json: title") + formatting.arg(QStringLiteral("U+202E (right-to-left override)"), direction);
        QTest::newRow("label isolate")
            << QStringLiteral(R"("2": "Two")") << QStringLiteral("\"2\": \"T\u2066wo\"")
            << QStringLiteral("m.json: segment_labels: 2") + formatting.arg(QStringLiteral("U+2066 (left-to-right isolate)"), direction);
        QTest::newRow("programme zero width")
            << QStringLiteral(R"("programme_name": "Programme")")
            << QStringLiteral("\"programme_name\": \"Pro\u200Bgramme\"")
            << QStringLiteral("m.json: programme_name") + formatting.arg(QStringLiteral("U+200B (zero width space)"), QString());
        QTest::newRow("id too long")
            << QStringLiteral(R"("id": "t",)") << QStringLiteral("\"id\": \"%1\",").arg(QString(300, QLatin1Char('t')))
            << QStringLiteral("m.json: id: is 300 characters long; an id is at most 100 characters, such as nof-2026-27");
        QTest::newRow("years as text")
            << QStringLiteral(R"("years": ["2025/26"],)") << QStringLiteral(R"("years": "2026/27",)")
            << QStringLiteral(R"(m.json: years: must be a list of financial years, such as ["2026/27"], not the text "2026/27")");
        QTest::newRow("title too long")
            << QStringLiteral(R"("Test methodology")") << QStringLiteral("\"%1\"").arg(QString(201, QLatin1Char('T')))
            << QStringLiteral("m.json: title: is 201 characters long; at most 200 are allowed (it is shown as a name, on one line)");
        QTest::newRow("label too long")
            << QStringLiteral(R"("1": "One")") << QStringLiteral("\"1\": \"%1\"").arg(QString(300, QLatin1Char('x')))
            << QStringLiteral("m.json: segment_labels: 1: is 300 characters long; at most 200 are allowed (it is shown as a name, on one line)");
        QTest::newRow("not segmented without a note")
            << QStringLiteral(R"("aliases": ["Acute"]})") << QStringLiteral(R"("aliases": ["Acute"], "segmented": false})")
            << QStringLiteral(R"(m.json: peer type acute: "segmented" is false, so "not_segmented_note" is required: the reason each of its cases shows, such as "ICBs are not segmented in 2025/26")");
    }
    void refusals()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, message);
        QString error;
        const auto m = Methodology::fromJson(patched(from, to), QStringLiteral("m.json"), &error);
        QVERIFY(!m);
        QCOMPARE(error, message);
    }

    // A year without a programme segment says so in data; equal keys
    // inside different objects are not duplicates.
    void yearWithoutProgramme()
    {
        QString error;
        const auto m = Methodology::fromJson(
            patched(QStringLiteral(R"(, "5": "Programme"},
 "programme_name": "Programme")"), QStringLiteral(R"(}, "programme_name": null)")),
            QStringLiteral("m.json"), &error);
        QVERIFY2(m, qPrintable(error));
        QVERIFY(!m->hasProgramme());
        QVERIFY(m->segmentLabel(5).isEmpty());
        QVERIFY(Methodology::builtIn().hasProgramme());
        // As a workspace's register reads it back (over the built-in labels): the same.
        const auto stored = Methodology::fromStoredJson(m->source(), QStringLiteral("stored"), &error);
        QVERIFY2(stored, qPrintable(error));
        QVERIFY(!stored->hasProgramme());
        QVERIFY(stored->segmentLabel(5).isEmpty());
        // Without "programme_name" and without a segment-5 label: no programme either.
        const auto without = Methodology::fromJson(patched(QStringLiteral(R"(, "5": "Programme"},
 "programme_name": "Programme")"), QStringLiteral("}")),
                                                   QStringLiteral("m.json"), &error);
        QVERIFY2(without, qPrintable(error));
        QVERIFY(!without->hasProgramme());
        // One without the other is refused, naming the file and the field (issue 12).
        QVERIFY(!Methodology::fromJson(patched(QStringLiteral(R"(,
 "programme_name": "Programme")"), QString()),
                                       QStringLiteral("m.json"), &error));
        QCOMPARE(error, QStringLiteral(R"(m.json: programme_name: is missing, but segment_labels gives segment "5" a label: name the year's programme, such as "programme_name": "Recovery Support Programme", or, if the year has no programme segment, write "programme_name": null and remove the label of segment "5")"));
        QVERIFY(!Methodology::fromJson(patched(QStringLiteral(R"(, "5": "Programme")"), QString()),
                                       QStringLiteral("m.json"), &error));
        QCOMPARE(error, QStringLiteral(R"(m.json: segment_labels: the label of segment "5" is missing, but "programme_name" names a programme ("Programme"): give segment "5" its label, such as "5": "Programme", or, if the year has no programme segment, write "programme_name": null)"));
        // A file a workspace holds (written by an earlier version) is read as it is.
        QVERIFY(Methodology::fromStoredJson(patched(QStringLiteral(R"(,
 "programme_name": "Programme")"), QString()), QStringLiteral("stored"), &error));
    }

    // A file far larger than any catalogue is refused before it is parsed.
    void sizeLimit()
    {
        QByteArray big = patched({}, {});
        big.append(QByteArray(Methodology::kMaxFileBytes, ' '));
        QString error;
        QVERIFY(!Methodology::fromJson(big, QStringLiteral("m.json"), &error));
        // Exact sizes: a file just over the limit is not "2.0 MB" against "2 MB".
        QVERIFY2(error.startsWith(QStringLiteral("m.json: the file is %1 bytes; a methodology file is at most 2097152 bytes")
                                      .arg(big.size())),
                 qPrintable(error));
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("big.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(big);
        file.close();
        QVERIFY(!Methodology::fromFile(file.fileName(), &error));
        QVERIFY2(error.contains(QStringLiteral("a methodology file is at most 2097152 bytes")), qPrintable(error));
    }

    void unreadableFile()
    {
        QString error;
        QVERIFY(!Methodology::fromFile(QStringLiteral("/nonexistent/m.json"), &error));
        QVERIFY(error.startsWith(QStringLiteral("/nonexistent/m.json: cannot read:")));
    }
};

QTEST_GUILESS_MAIN(TestMethodology)
#include "tst_methodology.moc"
