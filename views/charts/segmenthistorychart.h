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
    // how it is named: methodologyChangeName), each marked by a dashed vertical line numbered
    // at its top: the segments on either side are not comparable.
    void setHistory(const QList<std::pair<QString, int>> &history,
                    const QList<std::pair<int, QString>> &methodologyChanges = {});
    // The numbered key of those lines, one line each ("1: methodology ID
    // from QUARTER", "2: re-issue of ID from QUARTER"); empty without a change. Shown under the chart.
    QString key() const { return m_key; }
    static QString methodologyKey(const QList<std::pair<QString, int>> &history,
                                  const QList<std::pair<int, QString>> &methodologyChanges);

private:
    QString m_key;
};

} // namespace owb
