#include "league.h"

#include <algorithm>

namespace owb {

QList<LeagueEntry> leagueTable(NationalCache &national, const QString &quarter, const QString &peerType,
                               const QHash<QString, int> &finalSegments)
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
                        org.deficit, cuts ? improvementToNextSegment(org.average, org.rawSegment, *cuts) : 0, peerType, {}, {}, {},
                        {}});
        if (org.isSegmented())
            entries.last().segment = finalSegments.value(org.code, org.segment);
        // Only a segment the scores decide can be left by improving them: not
        // one held by the finance override (a trust in deficit at or under
        // its cap improves no further than the cap), a correction or the
        // programme.
        const bool heldByFinance = org.deficit && org.rawSegment <= national.methodologyFor(quarter).financeCap();
        if (entries.last().segment != org.rawSegment || heldByFinance)
            entries.last().toNextSegment = 0;
    }
    if (!finalSegments.isEmpty()) {
        // Decisions change the order: rank again by final segment, then average.
        const QHash<QString, int> ranks = ranksAfterDecisions(assessment, peerType, finalSegments);
        for (LeagueEntry &entry : entries)
            entry.rank = ranks.value(entry.code, entry.rank);
    }
    std::sort(entries.begin(), entries.end(), [](const LeagueEntry &a, const LeagueEntry &b) {
        const int ra = a.rank > 0 ? a.rank : std::numeric_limits<int>::max();
        const int rb = b.rank > 0 ? b.rank : std::numeric_limits<int>::max();
        return ra != rb ? ra < rb : a.code < b.code;
    });
    return entries;
}

void addCaseworkTo(QList<LeagueEntry> &entries, const QList<PortfolioEntry> &portfolio)
{
    QHash<QString, const PortfolioEntry *> followed;
    for (const PortfolioEntry &entry : portfolio)
        followed.insert(entry.code, &entry);
    for (LeagueEntry &entry : entries) {
        if (const PortfolioEntry *own = followed.value(entry.code)) {
            entry.capabilityRating = own->capabilityRating;
            entry.capabilityYear = own->capabilityYear;
            entry.casework = own->casework;
            entry.needsAction = own->needsAction;
        }
    }
}

QHash<QString, int> ranksAfterDecisions(const QuarterAssessment &assessment, const QString &peerType,
                                        const QHash<QString, int> &finalSegments)
{
    QList<std::pair<int, Hundredths>> keys;
    QStringList codes;
    for (const OrganisationAssessment &org : assessment.organisations) {
        if (org.peerType != peerType || org.rank == 0)
            continue;
        keys.append({ finalSegments.value(org.code, org.segment), org.average });
        codes.append(org.code);
    }
    const QList<int> ranks = leagueRanks(keys);
    QHash<QString, int> byCode;
    for (qsizetype i = 0; i < codes.size(); ++i)
        byCode.insert(codes.at(i), ranks.at(i));
    return byCode;
}

QHash<QString, int> decidedSegments(const QList<PortfolioEntry> &entries)
{
    QHash<QString, int> decided;
    for (const PortfolioEntry &entry : entries)
        if (entry.decided)
            decided.insert(entry.code, entry.segment);
    return decided;
}

void rankPortfolio(QList<PortfolioEntry> &entries, NationalCache &national, const QString &quarter)
{
    const QHash<QString, int> decided = decidedSegments(entries);
    QHash<QString, QHash<QString, int>> ranks;  // peer type -> code -> rank
    for (PortfolioEntry &entry : entries) {
        if (entry.quarter != quarter || entry.rank == 0)
            continue;
        if (!ranks.contains(entry.peerType))
            for (const LeagueEntry &row : leagueTable(national, quarter, entry.peerType, decided))
                ranks[entry.peerType].insert(row.code, row.rank);
        entry.rank = ranks.value(entry.peerType).value(entry.code, entry.rank);
    }
}

} // namespace owb
