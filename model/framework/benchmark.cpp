#include "benchmark.h"

#include "fixedpoint.h"

#include <algorithm>

namespace owb {

double quartileInc(const QList<double> &sorted, int quarter)
{
    const double position = double(sorted.size() - 1) * quarter / 4.0;
    const qsizetype low = qsizetype(position);
    const double fraction = position - double(low);
    if (low + 1 >= sorted.size())
        return sorted.at(low);
    return sorted.at(low) + fraction * (sorted.at(low + 1) - sorted.at(low));
}

std::optional<MetricBenchmark> benchmarkMetric(const MetricDefinition &metric, QList<double> peerValues,
                                               std::optional<double> value)
{
    if (peerValues.isEmpty() || !metric.direction)
        return std::nullopt;
    std::sort(peerValues.begin(), peerValues.end());
    MetricBenchmark result;
    result.peers = int(peerValues.size());
    result.q1 = quartileInc(peerValues, 1);
    result.median = quartileInc(peerValues, 2);
    result.q3 = quartileInc(peerValues, 3);
    if (value) {
        const bool higher = *metric.direction == Direction::Higher;
        result.rank = 1 + int(std::count_if(peerValues.cbegin(), peerValues.cend(), [&](double v) {
                          return higher ? v > *value + kEqualityTolerance : v < *value - kEqualityTolerance;
                      }));
    }
    return result;
}

} // namespace owb
