#include "metricview.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <limits>

namespace owb {

QString targetText(const MetricDefinition &metric)
{
    auto number = [&](double v) { return formatMetricMeasure(metric, v); };
    const bool higher = metric.direction == Direction::Higher;
    QStringList parts;
    if (metric.isBanded()) {
        // Labelled bands by name, best first ("Outstanding / Good / ..."); numeric ones by their limits.
        QList<Band> bands = metric.bands;
        std::stable_sort(bands.begin(), bands.end(), [](const Band &a, const Band &b) { return a.score < b.score; });
        QStringList labels;
        for (const Band &band : std::as_const(bands))
            if (!band.label.isEmpty())
                labels.append(band.label);
            else if (band.upto)
                labels.append(QCoreApplication::translate("owb::MetricView", "up to %1").arg(number(*band.upto)));
        return labels.isEmpty() ? QCoreApplication::translate("owb::MetricView", "bands")
                                : labels.join(QStringLiteral(" / "));
    }
    if (metric.standard)
        parts.append(QStringLiteral("%1 %2").arg(higher ? QStringLiteral("\u2265") : QStringLiteral("\u2264"),
                                                 number(*metric.standard)));
    if (metric.floor)
        parts.append(QCoreApplication::translate("owb::MetricView", "floor %1").arg(number(*metric.floor)));
    // No standard: at least which way is better, as What-if says.
    if (parts.isEmpty() && metric.direction)
        parts.append(higher ? QCoreApplication::translate("owb::MetricView", "higher is better")
                            : QCoreApplication::translate("owb::MetricView", "lower is better"));
    return parts.join(QStringLiteral(", "));
}

namespace {
std::optional<int> trendOf(const MetricDefinition &metric, const MetricValue &now, const MetricValue &before)
{
    if (now.kind != MetricValue::Kind::Number || before.kind != MetricValue::Kind::Number || !metric.direction)
        return std::nullopt;
    const double change = now.number - before.number;
    if (std::abs(change) <= kEqualityTolerance)
        return 0;
    return (change > 0) == (*metric.direction == Direction::Higher) ? 1 : -1;
}
std::optional<int> movementOf(const MetricValue &now, const MetricValue &before)
{
    if (now.kind != MetricValue::Kind::Number || before.kind != MetricValue::Kind::Number)
        return std::nullopt;
    const double change = now.number - before.number;
    return std::abs(change) <= kEqualityTolerance ? 0 : change > 0 ? 1 : -1;
}
} // namespace

QList<MetricRow> metricRows(CaseFile &caseFile, NationalCache &national, const Methodology &methodology,
                            const QString &peerType, const QStringList &quarters, const QString &quarter)
{
    const QHash<QString, MetricValue> values = caseFile.metricValues(quarter);
    const qsizetype position = quarters.indexOf(quarter);
    const QHash<QString, MetricValue> previous = position > 0 ? caseFile.metricValues(quarters.at(position - 1))
                                                              : QHash<QString, MetricValue>();
    QHash<QString, Hundredths> scores;
    if (const auto assessment = caseFile.assessment(quarter))
        for (const MetricResult &m : assessment->result.metrics)
            scores.insert(m.metricId, m.score);

    QList<MetricRow> rows;
    for (const MetricDefinition &metric : methodology.metrics()) {
        if (!metric.appliesTo.contains(peerType))
            continue;
        MetricRow row;
        row.metric = &metric;
        row.value = values.value(metric.id);
        row.score = scores.value(metric.id);
        const std::optional<double> own = row.value.kind == MetricValue::Kind::Number ? std::optional(row.value.number)
                                                                                        : std::nullopt;
        row.benchmark = benchmarkMetric(metric, national.peerValues(quarter, peerType, metric.id), own);
        row.trend = trendOf(metric, row.value, previous.value(metric.id));
        row.movement = movementOf(row.value, previous.value(metric.id));
        rows.append(row);
    }
    return rows;
}

QList<MetricPoint> metricHistory(CaseFile &caseFile, NationalCache &national, const MetricDefinition &metric,
                                 const QString &peerType, const QStringList &quarters)
{
    QList<MetricPoint> points;
    for (const QString &quarter : quarters) {
        const MetricValue value = caseFile.metricValues(quarter).value(metric.id);
        const std::optional<double> own = value.kind == MetricValue::Kind::Number ? std::optional(value.number)
                                                                                   : std::nullopt;
        points.append({quarter, own, benchmarkMetric(metric, national.peerValues(quarter, peerType, metric.id), own)});
    }
    return points;
}

QString formatMeasure(double value)
{
    return QLocale().toString(value, 'f', 2);
}

QString formatMetricMeasure(const MetricDefinition &metric, double value)
{
    // A percentage of something ("% of income", OF0079) is a percentage too.
    return formatMeasure(value) + (metric.units.startsWith(QLatin1Char('%')) ? QStringLiteral("%") : QString());
}

} // namespace owb

namespace owb {

AxisRange valueAxisRange(double low, double high, std::optional<double> minimum, std::optional<double> maximum,
                         double padFraction, double minimumPad)
{
    if (high < low)
        std::swap(low, high);
    // The valid range: what lies outside it (a control limit below 0%) is
    // cut at its edge, as no value can be there.
    double floor = minimum ? *minimum : -std::numeric_limits<double>::max();
    double ceiling = maximum ? *maximum : std::numeric_limits<double>::max();
    if (ceiling <= floor)
        floor = -std::numeric_limits<double>::max(), ceiling = std::numeric_limits<double>::max();
    low = std::clamp(low, floor, ceiling);
    high = std::clamp(high, floor, ceiling);
    double pad = std::max((high - low) * padFraction, minimumPad);
    if (pad <= 0) // one value: a margin of a tenth of it, or of 1
        pad = std::max(std::abs(high) * 0.1, 1.0);

    const double from = std::max(low - pad, floor);
    const double to = std::min(high + pad, ceiling);
    // About five labels: a step of 1, 2 or 5 times a power of ten.
    const double rough = std::max((to - from) / 5, 1e-12);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = magnitude;
    for (double factor : {1.0, 2.0, 5.0, 10.0})
        if (magnitude * factor >= rough) {
            step = magnitude * factor;
            break;
        }
    AxisRange range;
    range.step = step;
    range.min = std::max(std::floor(from / step + 1e-9) * step, floor);
    range.max = std::min(std::ceil(to / step - 1e-9) * step, ceiling);
    if (range.max <= range.min) { // a value at the very edge with nothing beside it
        range.min = std::max(range.max - step, floor);
        range.max = std::min(range.min + step, ceiling);
    }
    return range;
}

} // namespace owb
