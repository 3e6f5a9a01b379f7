#include "scoring.h"

#include <algorithm>
#include <numeric>

namespace owb {

Bookends bookendsFor(const MetricDefinition &metric)
{
    // framework.md §3: a standard lifts the best of the rest to 2.00; a floor
    // spares the worst of the rest 4.00.
    return {metric.standard ? 2 : 1, metric.floor ? 3 : 4};
}

const Band *findLabelBand(const MetricDefinition &metric, const QString &text)
{
    const QString wanted = text.trimmed();
    for (const Band &band : metric.bands)
        if (band.label.compare(wanted, Qt::CaseInsensitive) == 0)
            return &band;
    return nullptr;
}

Hundredths bandScore(const MetricDefinition &metric, const MetricValue &value)
{
    if (metric.labelBands) {
        const Band *band = value.kind == MetricValue::Kind::Label ? findLabelBand(metric, value.label)
                                                                  : nullptr;
        return band ? band->score : 0;
    }
    if (value.kind != MetricValue::Kind::Number)
        return 0;
    for (const Band &band : metric.bands)
        if (!band.upto || value.number <= *band.upto + kEqualityTolerance)
            return band.score;
    return 0;
}

namespace {
bool meetsStandard(const MetricDefinition &m, double v)
{
    if (!m.standard)
        return false;
    return m.direction == Direction::Higher ? v >= *m.standard - kEqualityTolerance
                                            : v <= *m.standard + kEqualityTolerance;
}

bool failsFloor(const MetricDefinition &m, double v)
{
    if (!m.floor)
        return false;
    return m.direction == Direction::Higher ? v < *m.floor - kEqualityTolerance
                                            : v > *m.floor + kEqualityTolerance;
}
} // namespace

QList<Hundredths> scoreMetric(const MetricDefinition &metric, const QList<MetricValue> &values)
{
    QList<Hundredths> scores(values.size(), 0);
    if (!metric.scored)
        return scores;
    if (metric.isBanded()) {
        for (qsizetype i = 0; i < values.size(); ++i)
            scores[i] = bandScore(metric, values.at(i));
        return scores;
    }

    // "Goodness": larger is better whatever the metric's direction.
    const double sign = metric.direction == Direction::Higher ? 1.0 : -1.0;
    QList<qsizetype> ranked;
    QList<double> goodness;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const MetricValue &value = values.at(i);
        if (value.kind != MetricValue::Kind::Number)
            continue;
        if (meetsStandard(metric, value.number)) {
            scores[i] = 100;
        } else if (failsFloor(metric, value.number)) {
            scores[i] = 400;
        } else {
            ranked.append(i);
            goodness.append(sign * value.number);
        }
    }

    const qint64 n = ranked.size();
    const Bookends ends = bookendsFor(metric);
    QList<double> sorted = goodness;
    std::sort(sorted.begin(), sorted.end());
    for (qsizetype r = 0; r < ranked.size(); ++r) {
        // k counts the strictly better; ties therefore share their best score.
        const auto firstBetter = std::upper_bound(sorted.cbegin(), sorted.cend(),
                                                  goodness.at(r) + kEqualityTolerance);
        const qint64 k = sorted.cend() - firstBetter;
        const Hundredths score = n == 1 ? ends.lo * 100
                                        : Hundredths(roundHalfAwayFromZero(
                                            100 * (ends.lo * (n - 1) + (ends.hi - ends.lo) * k), n - 1));
        scores[ranked.at(r)] = score;
    }
    return scores;
}

Hundredths weightedAverage(const QList<Hundredths> &scores, const QList<Rational> &weights)
{
    Q_ASSERT(scores.size() == weights.size());
    qint64 commonDenominator = 1;
    for (qsizetype i = 0; i < scores.size(); ++i)
        if (scores.at(i) > 0)
            commonDenominator = std::lcm(commonDenominator, weights.at(i).den);
    qint64 totalWeight = 0;
    qint64 total = 0;
    for (qsizetype i = 0; i < scores.size(); ++i) {
        if (scores.at(i) <= 0)
            continue;
        const qint64 w = weights.at(i).num * (commonDenominator / weights.at(i).den);
        totalWeight += w;
        total += w * scores.at(i);
    }
    return totalWeight == 0 ? 0 : Hundredths(roundHalfAwayFromZero(total, totalWeight));
}

} // namespace owb
