#pragma once
// Step 1 of the segmentation (framework.md §3): one metric's scores across a
// peer group in one quarter. Pure functions over plain values.

#include "fixedpoint.h"
#include "methodology.h"
#include "metricvalue.h"

#include <QList>

namespace owb {

// Scores every value of one metric among the organisations of one peer type.
// Returns one score per input value, in hundredths from 100 (1.00, best) to
// 400 (4.00, worst), or 0 where the value is missing, cannot be scored, or the
// metric is contextual.
QList<Hundredths> scoreMetric(const MetricDefinition &metric, const QList<MetricValue> &values);

// The score a bespoke metric's bands give one value, or 0 if none matches.
Hundredths bandScore(const MetricDefinition &metric, const MetricValue &value);

// Finds the methodology's spelling of a band label (trimmed, any case).
const Band *findLabelBand(const MetricDefinition &metric, const QString &text);

// Bookends for the ranked set (framework.md §3 step 1 table).
struct Bookends
{
    int lo;
    int hi;
};
Bookends bookendsFor(const MetricDefinition &metric);

// Weighted average of scores (0 = not scored, left out), rounded to 2 dp;
// 0 when nothing is scored.
Hundredths weightedAverage(const QList<Hundredths> &scores, const QList<Rational> &weights);

} // namespace owb
