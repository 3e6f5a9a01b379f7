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
    void setHistory(const QList<std::pair<QString, int>> &history);
};

} // namespace owb
