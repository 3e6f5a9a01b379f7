#include "league.h"

#include <algorithm>

namespace owb {

QList<LeagueEntry> leagueTable(NationalCache &national, const QString &quarter, const QString &peerType)
{
    const QuarterData &data = national.quarter(quarter);
    const QuarterAssessment &assessment = national.assessment(quarter);
    const std::optional<CutPoints> cuts = assessment.peerGroups.value(peerType).cuts;
    QList<LeagueEntry> entries;
    for (qsizetype i = 0; i < assessment.organisations.size(); ++i) {
        const OrganisationAssessment &org = assessment.organisations.at(i);
        if (org.peerType != peerType)
            continue;
        const OrganisationQuarter &source = data.organisations.at(i);
        entries.append({org.rank, org.code, source.name, source.region, org.segment, org.rawSegment, org.average,
                        org.deficit, cuts ? improvementToNextSegment(org.average, org.rawSegment, *cuts) : 0});
    }
    std::sort(entries.begin(), entries.end(), [](const LeagueEntry &a, const LeagueEntry &b) {
        const int ra = a.rank > 0 ? a.rank : std::numeric_limits<int>::max();
        const int rb = b.rank > 0 ? b.rank : std::numeric_limits<int>::max();
        return ra != rb ? ra < rb : a.code < b.code;
    });
    return entries;
}

} // namespace owb
