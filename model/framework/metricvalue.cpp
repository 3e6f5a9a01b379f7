#include "metricvalue.h"

#include "fixedpoint.h"

#include <QLocale>
#include <cmath>

namespace owb {

QString MetricValue::toText() const
{
    switch (kind) {
    case Kind::Number:
        return QString::number(number, 'g', QLocale::FloatingPointShortest);
    case Kind::Label:
        return label;
    case Kind::Missing:
        break;
    }
    return {};
}

bool MetricValue::sameAs(const MetricValue &other) const
{
    if (kind != other.kind)
        return false;
    switch (kind) {
    case Kind::Number:
        return std::abs(number - other.number) <= kEqualityTolerance;
    case Kind::Label:
        return label.compare(other.label, Qt::CaseInsensitive) == 0;
    case Kind::Missing:
        break;
    }
    return true;
}

} // namespace owb
