#pragma once
// How a MetricValue is kept in (kind, number, label) columns.

#include "framework/metricvalue.h"

#include <QSqlQuery>
#include <QVariant>

namespace owb {

struct ValueColumns
{
    int kind;
    QVariant number;
    QVariant label;
};

inline ValueColumns columnsFor(const MetricValue &value)
{
    return {int(value.kind),
            value.kind == MetricValue::Kind::Number ? QVariant(value.number) : QVariant(),
            value.kind == MetricValue::Kind::Label ? QVariant(value.label) : QVariant()};
}

// Reads the value from columns first, first + 1, first + 2 of a row.
inline MetricValue valueFromColumns(const QSqlQuery &q, int first)
{
    switch (MetricValue::Kind(q.value(first).toInt())) {
    case MetricValue::Kind::Number:
        return MetricValue::fromNumber(q.value(first + 1).toDouble());
    case MetricValue::Kind::Label:
        return MetricValue::fromLabel(q.value(first + 2).toString());
    case MetricValue::Kind::Missing:
        break;
    }
    return MetricValue::missing();
}

} // namespace owb
