#include "changeswriter.h"

#include "csvwriter.h"
#include "fieldformat.h"

namespace owb {

void writeChangesCsv(QTextStream &out, const QList<PortfolioEntry> &changes)
{
    writeCsvRow(out, {QStringLiteral("org_code"), QStringLiteral("org_name"), QStringLiteral("org_type"),
                      QStringLiteral("quarter"), QStringLiteral("previous_quarter"), QStringLiteral("previous_segment"),
                      QStringLiteral("segment"), QStringLiteral("reason"), QStringLiteral("detail")});
    for (const PortfolioEntry &e : changes)
        writeCsvRow(out,
            { e.code, e.name, e.peerType, e.quarter, e.previousQuarter, csvPositive(e.previousSegment),
                csvPositive(e.segment), e.changeReason(), e.changeDetail() });
}

} // namespace owb
