#include "metricsmodel.h"

#include "itemroles.h"

#include <QLocale>

namespace owb {

MetricsModel::MetricsModel(QObject *parent) : QAbstractTableModel(parent) {}

void MetricsModel::setRows(const QList<MetricRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int MetricsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MetricsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MetricsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const MetricRow &r = m_rows.at(index.row());
    const MetricDefinition &m = *r.metric;
    if (role == CodeRole)
        return m.id;
    if (role == Qt::TextAlignmentRole && index.column() != Metric)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Metric)
        return tr("%1 (%2), %3").arg(m.name, m.id, m.scored ? tr("weight %1").arg(m.weight.toString()) : tr("contextual, not scored"));
    if (role == SortRole) {
        switch (index.column()) {
        case Score:
            return r.score;
        case Rank:
            return r.benchmark && r.benchmark->rank ? r.benchmark->rank : 9999;
        case Value:
            return r.value.kind == MetricValue::Kind::Number ? QVariant(r.value.number) : QVariant(r.value.label);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    auto number = [&](double v) { return formatMetricMeasure(m, v); };
    switch (index.column()) {
    case Metric:
        return QStringLiteral("%1  %2").arg(m.id, m.name);
    case Value:
        if (r.value.kind == MetricValue::Kind::Number)
            return number(r.value.number);
        return r.value.kind == MetricValue::Kind::Label ? r.value.label : tr("missing");
    case Target:
        return targetText(m);
    case Score:
        return !m.scored ? tr("context") : r.score > 0 ? formatHundredths(r.score) : QStringLiteral("\u2013");
    case PeerMedian:
        return r.benchmark ? number(r.benchmark->median) : QString();
    case PeerRange:
        return r.benchmark ? QStringLiteral("%1 \u2013 %2").arg(number(r.benchmark->q1), number(r.benchmark->q3)) : QString();
    case Rank:
        return r.benchmark && r.benchmark->rank ? tr("%1 of %2").arg(r.benchmark->rank).arg(r.benchmark->peers) : QString();
    case Trend:
        if (!r.trend)
            return QString();
        if (role == Qt::AccessibleTextRole) {
            // Said as shown: where the value went, and whether that is better.
            const QString went = r.movement.value_or(0) > 0 ? tr("rose")
                : r.movement.value_or(0) < 0                ? tr("fell")
                                                            : QString();
            const QString judged = *r.trend > 0 ? tr("better than last quarter")
                : *r.trend < 0                  ? tr("worse than last quarter")
                                                : tr("unchanged");
            return went.isEmpty() ? judged : tr("%1, %2").arg(went, judged);
        }
        {
            // The arrow is where the value went; the word, whether that is
            // better for this metric (a lower-is-better value that fell is "▼ better").
            const QString arrow = r.movement.value_or(0) > 0 ? QStringLiteral("▲")
                : r.movement.value_or(0) < 0                 ? QStringLiteral("▼")
                                                             : QStringLiteral("▶");
            return *r.trend > 0 ? tr("%1 better").arg(arrow)
                : *r.trend < 0  ? tr("%1 worse").arg(arrow)
                                : tr("▶ same");
        }
    default:
        return {};
    }
}

QVariant MetricsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Metric:
        return tr("Metric");
    case Value:
        return tr("Value");
    case Target:
        return tr("Standard / floor");
    case Score:
        return tr("Score");
    case PeerMedian:
        return tr("Peer median");
    case PeerRange:
        return tr("Peer quartiles");
    case Rank:
        return tr("Rank among peers");
    case Trend:
        return tr("Trend");
    default:
        return {};
    }
}

} // namespace owb
