#pragma once
// One metric over the quarters: the organisation's values, its peers'
// interquartile band and median, and the SPC view (framework.md §8): with 13
// or more points the mean, process limits and special-cause points in the
// Making Data Count colours; with fewer, a run chart with its mean.

#include "casework/metricview.h"
#include "framework/spc.h"

#include <QChartView>

namespace owb {

class MetricTrendChart : public QChartView
{
    Q_OBJECT
public:
    explicit MetricTrendChart(QWidget *parent = nullptr);
    void setHistory(const MetricDefinition &metric, const QList<MetricPoint> &points, const SpcResult &spc);
};

// The SPC series of a history: the quarters with a numeric value.
QList<std::pair<QString, double>> spcSeries(const QList<MetricPoint> &points);
SpcDirection spcDirection(const MetricDefinition &metric);

} // namespace owb
