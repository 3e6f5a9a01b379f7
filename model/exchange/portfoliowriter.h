#pragma once
// The `owb portfolio` output contract: CSV columns
// org_code,org_name,org_type,quarter,segment,average_score,rank,previous_segment,movement,needs_action,movement_detail,capability,capability_year,casework
// and the same keys in JSON (needs_action is empty when nothing needs action;
// movement is not-segmented for an organisation without a segment, an ICB;
// capability is the region's latest overall view by the name `ratingNames`
// gives its id, as the league table's CSV says it).

#include "store/portfolio.h"

#include <QJsonArray>
#include <QTextStream>

namespace owb {

const QStringList &portfolioColumns();
// The file name an export offers, with the entries' quarter: "portfolio-2025-26-Q4.csv".
QString portfolioFileName(const QList<PortfolioEntry> &entries);
void writePortfolioCsv(QTextStream &out, const QList<PortfolioEntry> &entries,
                       const QHash<QString, QString> &ratingNames = {});
QJsonArray portfolioJson(const QList<PortfolioEntry> &entries, const QHash<QString, QString> &ratingNames = {});

} // namespace owb
