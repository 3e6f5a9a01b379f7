#pragma once
// Where one organisation's metric value stands among its peers: quartiles
// (QUARTILE.INC, as for averages) and rank by the metric's direction.

#include "methodology.h"

#include <QList>
#include <optional>

namespace owb {

struct MetricBenchmark
{
    int peers = 0;  // organisations of the peer type with a numeric value
    double q1 = 0;
    double median = 0;
    double q3 = 0;
    int rank = 0;  // 1 = best; equal values share a rank; 0 when the value is missing
};

// nullopt when no peer has a numeric value (or the metric is banded).
std::optional<MetricBenchmark> benchmarkMetric(const MetricDefinition &metric, QList<double> peerValues,
                                               std::optional<double> value);

// QUARTILE.INC of doubles; `sorted` must be sorted and not empty.
double quartileInc(const QList<double> &sorted, int quarter);

} // namespace owb
