#pragma once
// One quarter's metrics of a case: value, target, score, peer quartiles,
// rank among peers and trend (read only).

#include "casework/metricview.h"

#include <QAbstractTableModel>

namespace owb {

class MetricsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Metric, Value, Target, Score, PeerMedian, PeerRange, Rank, Trend, ColumnCount };

    explicit MetricsModel(QObject *parent = nullptr);
    void setRows(const QList<MetricRow> &rows);
    const MetricRow &row(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<MetricRow> m_rows;
};

} // namespace owb
