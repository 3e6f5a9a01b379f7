#pragma once
// What the case view shows about metrics, built from the case file and the
// national data: a quarter's table rows and one metric's history.

#include "framework/benchmark.h"
#include "nationalcache.h"
#include "store/casefile.h"

namespace owb {

struct MetricRow
{
    const MetricDefinition *metric = nullptr;
    MetricValue value;
    Hundredths score = 0;  // 0: missing, suppressed or contextual
    std::optional<MetricBenchmark> benchmark;
    // Against the previous quarter's value: +1 better, -1 worse, 0 same; nullopt when unknown.
    std::optional<int> trend;
    std::optional<int>
        movement; // the value rose (1), fell (-1) or held (0): the arrow; trend says if that is better
};

struct MetricPoint
{
    QString quarter;
    std::optional<double> value;
    std::optional<MetricBenchmark> benchmark;
};

// Every metric of the methodology that applies to the case's peer type.
QList<MetricRow> metricRows(CaseFile &caseFile, NationalCache &national, const Methodology &methodology,
                            const QString &peerType, const QStringList &quarters, const QString &quarter);

QList<MetricPoint> metricHistory(CaseFile &caseFile, NationalCache &national, const MetricDefinition &metric,
                                 const QString &peerType, const QStringList &quarters);

// A chart's value axis for values from `low` to `high` of a metric whose
// valid range is `minimum` to `maximum` (MetricDefinition, absent: open): a
// margin either side (`padFraction` of the span, at least `minimumPad`),
// rounded out to a step of 1, 2 or 5 times a power of ten, and kept inside
// the metric's valid range (a percentage's axis never below 0 nor above 100;
// a control limit beyond it is cut at its edge). Every chart of a metric asks it.
struct AxisRange
{
    double min = 0;
    double max = 1;
    double step = 0.2; // between labelled ticks, anchored at 0
};
AxisRange valueAxisRange(double low, double high, std::optional<double> minimum, std::optional<double> maximum,
                         double padFraction = 0.1, double minimumPad = 0);

// "≥ 65.00%", "≤ 1.00", "floor 10.00%", "bands": the metric's target as
// people read it, in the format of its values (formatMetricMeasure).
QString targetText(const MetricDefinition &metric);

// A measured number (a peer median, a quartile) as every view and the report
// show it: two decimals, so one column never mixes "1", "2.5" and "1.69".
QString formatMeasure(double value);

// A measure of `metric` (its value, a peer median or quartile, its standard or
// floor, a planned value) as every screen and report shows it: two decimals,
// and "%" when the metric is a percentage ("2.40%", "0.80% – 2.70%"). The one
// formatter of a metric's numbers; CSV files keep plain numbers.
QString formatMetricMeasure(const MetricDefinition &metric, double value);

} // namespace owb
