#pragma once
// "Changes this quarter" CSV: org_code,org_name,org_type,quarter,
// previous_quarter,previous_segment,segment,reason,detail. `reason` is
// score, finance override or decision (PortfolioEntry::changeReason).

#include "store/portfolio.h"

#include <QTextStream>

namespace owb {

void writeChangesCsv(QTextStream &out, const QList<PortfolioEntry> &changes);

} // namespace owb
