#include "leaguewriter.h"

#include "csvwriter.h"
#include "fieldformat.h"

namespace owb {

void writeLeagueCsv(QTextStream &out, const QList<LeagueEntry> &entries)
{
    writeCsvRow(out, {QStringLiteral("rank"), QStringLiteral("org_code"), QStringLiteral("org_name"),
                      QStringLiteral("region"), QStringLiteral("segment"), QStringLiteral("average_score"),
                      QStringLiteral("deficit"), QStringLiteral("raw_segment"), QStringLiteral("to_next_segment")});
    for (const LeagueEntry &e : entries)
        writeCsvRow(out,
            { csvPositive(e.rank), e.code, e.name, e.region, csvPositive(e.segment), csvHundredths(e.average),
                e.deficit ? QStringLiteral("1") : QStringLiteral("0"), csvPositive(e.rawSegment),
                csvHundredths(e.toNextSegment) });
}

} // namespace owb
