#pragma once
// A recovery trajectory: a metric's actual values by quarter beside the values
// planned for it, on an axis of quarters that runs on past the data to the
// last planned quarter.

#include <QChartView>
#include <QPointF>
#include <QStringList>
#include <optional>

namespace owb {

struct TrajectoryData
{
    QString metricId; // empty: nothing to draw
    QString metricName;
    QString units; // the value axis's title ("%", "days")
    std::optional<double> minimum; // the metric's valid range: the axis stays inside it
    std::optional<double> maximum;
    QStringList quarters; // the axis, oldest first; x values index it
    QList<QPointF> actual;
    QList<QPointF> planned;
};

class TrajectoryChart : public QChartView
{
    Q_OBJECT
public:
    explicit TrajectoryChart(QWidget *parent = nullptr);
    void setData(const TrajectoryData &data);
    // The chart in words, for screen readers and tests: the metric, its
    // units, and each planned and actual value by quarter.
    static QString describe(const TrajectoryData &data);
};

} // namespace owb
