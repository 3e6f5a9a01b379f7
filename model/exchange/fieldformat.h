#pragma once
// How the output contracts write "no value": an empty CSV cell, a JSON null.
// Segments, ranks and scores are positive; 0 means "none".

#include "framework/fixedpoint.h"

#include <QJsonValue>
#include <QString>

namespace owb {

inline QString csvPositive(int value)
{
    return value > 0 ? QString::number(value) : QString();
}

inline QString csvHundredths(Hundredths value)
{
    return value > 0 ? formatHundredths(value) : QString();
}

inline QJsonValue jsonPositive(int value)
{
    return value > 0 ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

inline QJsonValue jsonHundredths(Hundredths value)
{
    return value > 0 ? QJsonValue(value / 100.0) : QJsonValue(QJsonValue::Null);
}

} // namespace owb
