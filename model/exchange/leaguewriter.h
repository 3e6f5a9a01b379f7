#pragma once
// League table CSV: rank,org_code,org_name,region,segment,average_score,
// deficit,raw_segment,to_next_segment.

#include "casework/league.h"

#include <QTextStream>

namespace owb {

void writeLeagueCsv(QTextStream &out, const QList<LeagueEntry> &entries);

} // namespace owb
