#include "portfoliowriter.h"

#include "csvwriter.h"
#include "fieldformat.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace owb {

const QStringList &portfolioColumns()
{
    static const QStringList columns{
        QStringLiteral("org_code"), QStringLiteral("org_name"), QStringLiteral("org_type"),
        QStringLiteral("quarter"), QStringLiteral("segment"), QStringLiteral("average_score"),
        QStringLiteral("rank"), QStringLiteral("previous_segment"), QStringLiteral("movement"),
        QStringLiteral("needs_action"), QStringLiteral("movement_detail"),
        // Added last, as the league table's CSV has them (issue 13); the
        // columns before are a contract and keep their names and places.
        QStringLiteral("capability"), QStringLiteral("capability_year"), QStringLiteral("casework")};
    return columns;
}

QString portfolioFileName(const QList<PortfolioEntry> &entries)
{
    QString quarter;
    for (const PortfolioEntry &e : entries)
        if (!e.quarter.isEmpty()) {
            quarter = e.quarter;
            break;
        }
    static const QRegularExpression separators(QStringLiteral("[^A-Za-z0-9]+"));
    quarter.replace(separators, QStringLiteral("-"));
    quarter.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    return quarter.isEmpty() ? QStringLiteral("portfolio.csv") : QStringLiteral("portfolio-%1.csv").arg(quarter);
}

namespace {
// As the portfolio says it: an organisation the framework does not segment
// (an ICB) has no movement, and says so rather than leaving the cell blank.
QString movementCode(const PortfolioEntry &e)
{
    return e.segment > 0 ? e.movement() : QStringLiteral("not-segmented");
}
} // namespace

void writePortfolioCsv(QTextStream &out, const QList<PortfolioEntry> &entries, const QHash<QString, QString> &ratingNames)
{
    writeCsvRow(out, portfolioColumns());
    for (const PortfolioEntry &e : entries)
        writeCsvRow(out,
            { e.code, e.name, e.peerType, e.quarter, csvPositive(e.segment), csvHundredths(e.average),
                csvPositive(e.rank), csvPositive(e.previousSegment), movementCode(e), e.needsAction, e.changeDetail(),
                ratingNames.value(e.capabilityRating, e.capabilityRating), e.capabilityYear, e.casework });
}

QJsonArray portfolioJson(const QList<PortfolioEntry> &entries, const QHash<QString, QString> &ratingNames)
{
    const auto orNull = [](const QString &text) { return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text); };
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
            {QStringLiteral("movement"), movementCode(e).isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(movementCode(e))},
            {QStringLiteral("needs_action"), e.needsAction},
            // What lies behind a move in words (a decision taken across a change of methodology included).
            {QStringLiteral("movement_detail"),
             e.changeDetail().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.changeDetail())},
            {QStringLiteral("capability"), orNull(ratingNames.value(e.capabilityRating, e.capabilityRating))},
            {QStringLiteral("capability_year"), orNull(e.capabilityYear)},
            {QStringLiteral("casework"), orNull(e.casework)}});
    return rows;
}

} // namespace owb
