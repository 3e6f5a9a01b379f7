#pragma once
// League table CSV: rank,org_code,org_name,region,segment,average_score,
// deficit,raw_segment,to_next_segment,peer_type,capability,capability_year,
// casework,needs_action (peer type and capability as the methodology names
// them; capability and casework only for organisations the workspace follows).

#include "casework/league.h"

#include <QHash>
#include <QTextStream>

namespace owb {

// The hashes map peer type and capability rating ids to the methodology's names.
void writeLeagueCsv(QTextStream &out, const QList<LeagueEntry> &entries, const QHash<QString, QString> &peerTypeNames = {},
                    const QHash<QString, QString> &ratingNames = {});

// The file name an export offers: "league-2025-26-Q4-acute-trust.csv".
QString leagueFileName(const QString &quarter, const QString &peerTypeName);

} // namespace owb
