#include "portfoliowriter.h"

#include "csvwriter.h"

#include <QJsonObject>

namespace owb {

const QStringList &portfolioColumns()
{
    static const QStringList columns{
        QStringLiteral("org_code"), QStringLiteral("org_name"), QStringLiteral("org_type"),
        QStringLiteral("quarter"), QStringLiteral("segment"), QStringLiteral("average_score"),
        QStringLiteral("rank"), QStringLiteral("previous_segment"), QStringLiteral("movement")};
    return columns;
}

namespace {
QString optional(int value)
{
    return value > 0 ? QString::number(value) : QString();
}

QJsonValue jsonOptional(int value)
{
    return value > 0 ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}
} // namespace

void writePortfolioCsv(QTextStream &out, const QList<PortfolioEntry> &entries)
{
    writeCsvRow(out, portfolioColumns());
    for (const PortfolioEntry &e : entries)
        writeCsvRow(out, {e.code, csvText(e.name), e.peerType, e.quarter, optional(e.segment),
                          e.average > 0 ? formatHundredths(e.average) : QString(), optional(e.rank),
                          optional(e.previousSegment), e.movement()});
}

QJsonArray portfolioJson(const QList<PortfolioEntry> &entries)
{
    QJsonArray rows;
    for (const PortfolioEntry &e : entries)
        rows.append(QJsonObject{
            {QStringLiteral("org_code"), e.code},
            {QStringLiteral("org_name"), e.name},
            {QStringLiteral("org_type"), e.peerType},
            {QStringLiteral("quarter"), e.quarter.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.quarter)},
            {QStringLiteral("segment"), jsonOptional(e.segment)},
            {QStringLiteral("average_score"), e.average > 0 ? QJsonValue(e.average / 100.0) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("rank"), jsonOptional(e.rank)},
            {QStringLiteral("previous_segment"), jsonOptional(e.previousSegment)},
            {QStringLiteral("movement"), e.movement().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.movement())}});
    return rows;
}

} // namespace owb
