#include "leaguewriter.h"

#include "csvwriter.h"

namespace owb {

void writeLeagueCsv(QTextStream &out, const QList<LeagueEntry> &entries)
{
    writeCsvRow(out, {QStringLiteral("rank"), QStringLiteral("org_code"), QStringLiteral("org_name"),
                      QStringLiteral("region"), QStringLiteral("segment"), QStringLiteral("average_score"),
                      QStringLiteral("deficit"), QStringLiteral("raw_segment"), QStringLiteral("to_next_segment")});
    auto optional = [](int v) { return v > 0 ? QString::number(v) : QString(); };
    for (const LeagueEntry &e : entries)
        writeCsvRow(out, {optional(e.rank), e.code, csvText(e.name), csvText(e.region), optional(e.segment),
                          e.average > 0 ? formatHundredths(e.average) : QString(), e.deficit ? QStringLiteral("1") : QStringLiteral("0"),
                          optional(e.rawSegment), e.toNextSegment > 0 ? formatHundredths(e.toNextSegment) : QString()});
}

} // namespace owb
