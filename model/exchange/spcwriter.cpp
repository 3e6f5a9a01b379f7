#include "spcwriter.h"

#include "csvwriter.h"

#include <QJsonArray>
#include <QLocale>

namespace owb {

namespace {
QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalText(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}
} // namespace

QJsonObject spcJson(const SpcResult &result)
{
    QJsonArray points;
    for (const SpcPoint &p : result.points)
        points.append(QJsonObject{{QStringLiteral("period"), p.period},
                                  {QStringLiteral("value"), p.value},
                                  {QStringLiteral("rules"), QJsonArray::fromStringList(p.rules)},
                                  {QStringLiteral("side"), optionalText(p.side)},
                                  {QStringLiteral("type"), optionalText(p.type)}});
    return {{QStringLiteral("mean"), result.points.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(result.mean)},
            {QStringLiteral("lpl"), optionalNumber(result.lowerLimit)},
            {QStringLiteral("upl"), optionalNumber(result.upperLimit)},
            {QStringLiteral("points"), points},
            {QStringLiteral("variation"), optionalText(result.variation)},
            {QStringLiteral("assurance"), optionalText(result.assurance)}};
}

void writeSpcCsv(QTextStream &out, const SpcResult &result)
{
    writeCsvRow(out, {QStringLiteral("period"), QStringLiteral("value"), QStringLiteral("mean"), QStringLiteral("lpl"),
                      QStringLiteral("upl"), QStringLiteral("rules"), QStringLiteral("side"), QStringLiteral("type")});
    for (const SpcPoint &p : result.points)
        writeCsvRow(out, {p.period, number(p.value), number(result.mean),
                          result.lowerLimit ? number(*result.lowerLimit) : QString(),
                          result.upperLimit ? number(*result.upperLimit) : QString(), p.rules.join(QLatin1Char(';')),
                          p.side, p.type});
}

} // namespace owb
