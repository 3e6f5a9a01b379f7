#include "whatifmodel.h"

#include "casework/metricview.h"
#include "itemroles.h"

#include <QColor>
#include <QFont>
#include <cmath>

namespace owb {

namespace {
// In the metric's own format ("2.40%"), as the Metrics tab shows it.
QString shownValue(const MetricDefinition *definition, const MetricValue &value)
{
    if (value.kind != MetricValue::Kind::Number)
        return value.toText();
    return definition ? formatMetricMeasure(*definition, value.number) : formatMeasure(value.number);
}
} // namespace

WhatIfModel::WhatIfModel(QObject *parent) : QAbstractTableModel(parent) {}

void WhatIfModel::setQuarter(const Methodology &methodology, const QuarterData &national, const QString &code,
                             const QHash<QString, int> &finalSegments)
{
    m_finalSegments = finalSegments;
    beginResetModel();
    m_methodology = &methodology;
    m_national = &national;
    m_code = code;
    m_overrides.clear();
    m_rejected.clear();
    m_deficit.reset();
    m_result = runWhatIf(methodology, national, code, {}, m_finalSegments);
    endResetModel();
    Q_EMIT resultChanged();
}

void WhatIfModel::resetScenario()
{
    m_overrides.clear();
    m_rejected.clear();
    m_deficit.reset();
    recompute();
}

void WhatIfModel::setDeficit(bool deficit)
{
    if (deficit == m_result.actual.deficit)
        m_deficit.reset();
    else
        m_deficit = deficit;
    recompute();
}

QStringList WhatIfModel::problems() const
{
    QStringList out;
    for (const MetricResult &metric : m_result.actual.metrics)
        if (const auto it = m_rejected.constFind(metric.metricId); it != m_rejected.cend())
            out.append(QStringLiteral("%1: %2").arg(metric.metricId, it->second));
    return out;
}

void WhatIfModel::recompute()
{
    if (!m_methodology)
        return;
    m_result = runWhatIf(*m_methodology, *m_national, m_code, m_overrides, m_finalSegments, m_deficit);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT resultChanged();
}

int WhatIfModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.actual.metrics.size());
}

int WhatIfModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WhatIfModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const MetricResult &actual = m_result.actual.metrics.at(index.row());
    const MetricResult &scenario = m_result.scenario.metrics.at(index.row());
    if (role == CodeRole)
        return actual.metricId;
    const MetricDefinition *definition = m_methodology->metric(actual.metricId);
    const auto rejected = m_rejected.constFind(actual.metricId);
    const bool kept = rejected != m_rejected.cend() && index.column() == WhatIfValue;
    if (role == ChoicesRole && index.column() == WhatIfValue && definition && definition->labelBands) {
        QStringList labels{QString()};
        for (const Band &band : definition->bands)
            labels.append(band.label);
        return labels;
    }
    if ((role == ProblemRole || role == Qt::ToolTipRole) && kept)
        return rejected->second;
    if (role == Qt::ForegroundRole && kept)
        return QColor(0xda, 0x29, 0x1c);
    if (role == Qt::ToolTipRole && index.column() == Standard && definition)
        return definition->rangeText().isEmpty() ? unitsAndStandard(*definition)
                                                 : tr("%1; values from %2").arg(unitsAndStandard(*definition), definition->rangeText());
    if (role == Qt::FontRole && index.column() != Metric && m_overrides.contains(actual.metricId)) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::TextAlignmentRole && index.column() != Metric && index.column() != Standard)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::AccessibleTextRole)
        return {};
    auto score = [](Hundredths s) { return s > 0 ? formatHundredths(s) : QStringLiteral("\u2013"); };
    switch (index.column()) {
    case Metric:
        return QStringLiteral("%1  %2").arg(actual.metricId, definition ? definition->name : QString());
    case Standard:
        return definition ? unitsAndStandard(*definition) : QString();
    // Shown as the Metrics tab shows values (two decimals in every row);
    // edited as typed.
    case ActualValue:
        return role == Qt::EditRole ? actual.value.toText() : shownValue(definition, actual.value);
    case WhatIfValue:
        if (kept)
            return rejected->first;  // what was typed stays, with why it was not taken
        return role == Qt::EditRole ? scenario.value.toText() : shownValue(definition, scenario.value);
    case ActualScore:
        return score(actual.score);
    case WhatIfScore:
        return score(scenario.score);
    default:
        return {};
    }
}

bool WhatIfModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != WhatIfValue || !m_methodology)
        return false;
    const QString id = m_result.actual.metrics.at(index.row()).metricId;
    const MetricDefinition *metric = m_methodology->metric(id);
    MetricValue parsed;
    const QString problem = metric ? parseWhatIfValue(*metric, value.toString(), &parsed) : QString();
    if (!problem.isEmpty()) {
        m_rejected.insert(id, {value.toString(), problem});
        Q_EMIT dataChanged(index, index);
        Q_EMIT resultChanged();  // the page says what is wrong
        return true;  // kept as typed, not taken
    }
    m_rejected.remove(id);
    if (parsed.sameAs(m_result.actual.metrics.at(index.row()).value))
        m_overrides.remove(id);
    else
        m_overrides.insert(id, parsed);
    recompute();
    return true;
}

Qt::ItemFlags WhatIfModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | (index.column() == WhatIfValue ? Qt::ItemIsEditable : Qt::NoItemFlags);
}

QVariant WhatIfModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Metric:
        return tr("Metric");
    case Standard:
        return tr("Units and standard");
    case ActualValue:
        return tr("Actual value");
    case WhatIfValue:
        return tr("What-if value");
    case ActualScore:
        return tr("Actual score");
    case WhatIfScore:
        return tr("What-if score");
    default:
        return {};
    }
}

} // namespace owb
