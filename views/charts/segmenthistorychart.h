#pragma once
// A case's final segment over the quarters (segment 1 at the top).

#include <QChartView>

namespace owb {

class SegmentHistoryChart : public QChartView
{
    Q_OBJECT
public:
    explicit SegmentHistoryChart(QWidget *parent = nullptr);
    // (quarter, segment) in period order; segment 0 = not segmented.
    // `methodologyChanges`: (index of the first quarter under other rules,
    // that methodology's id), each marked by a dashed vertical line named in
    // the legend: the segments on either side are not comparable.
    void setHistory(const QList<std::pair<QString, int>> &history,
                    const QList<std::pair<int, QString>> &methodologyChanges = {});
};

} // namespace owb
