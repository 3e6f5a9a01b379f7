#include "portfoliowriter.h"

#include "csvwriter.h"
#include "fieldformat.h"

#include <QJsonObject>

namespace owb {

const QStringList &portfolioColumns()
{
    static const QStringList columns{
        QStringLiteral("org_code"), QStringLiteral("org_name"), QStringLiteral("org_type"),
        QStringLiteral("quarter"), QStringLiteral("segment"), QStringLiteral("average_score"),
        QStringLiteral("rank"), QStringLiteral("previous_segment"), QStringLiteral("movement"),
        QStringLiteral("needs_action")};
    return columns;
}


void writePortfolioCsv(QTextStream &out, const QList<PortfolioEntry> &entries)
{
    writeCsvRow(out, portfolioColumns());
    for (const PortfolioEntry &e : entries)
        writeCsvRow(out,
            { e.code, e.name, e.peerType, e.quarter, csvPositive(e.segment), csvHundredths(e.average),
                csvPositive(e.rank), csvPositive(e.previousSegment), e.movement(), e.needsAction });
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
            {QStringLiteral("segment"), jsonPositive(e.segment)},
            {QStringLiteral("average_score"), jsonHundredths(e.average)},
            {QStringLiteral("rank"), jsonPositive(e.rank)},
            {QStringLiteral("previous_segment"), jsonPositive(e.previousSegment)},
            {QStringLiteral("movement"), e.movement().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.movement())},
            {QStringLiteral("needs_action"), e.needsAction}});
    return rows;
}

} // namespace owb
