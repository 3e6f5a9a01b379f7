#pragma once
// A peer type's league table for a quarter (framework.md §3, League tables):
// every organisation nationally, by final segment then average score.

#include "nationalcache.h"
#include "store/portfolio.h"

namespace owb {

struct LeagueEntry
{
    int rank = 0;  // 0: not segmented (listed last)
    QString code;
    QString name;
    QString region;
    int segment = 0;
    int rawSegment = 0;
    Hundredths average = 0;
    bool deficit = false;
    Hundredths toNextSegment = 0;
    QString peerType;  // the id; names come from the methodology
    // From the workspace's own case file, for an organisation it follows
    // (addCaseworkTo): the region's capability view and the casework.
    QString capabilityRating;
    QString capabilityYear;
    QString casework;
    QString needsAction;
};

// `finalSegments` holds the organisations whose final segment is not the
// computed one (a decision: segment 5 in the programme, or a correction);
// they are ranked by it, so the programme comes after segment 4.
QList<LeagueEntry> leagueTable(NationalCache &national, const QString &quarter, const QString &peerType,
                               const QHash<QString, int> &finalSegments = {});

// Fills the capability and casework of the organisations the workspace
// follows, from the portfolio's entries of the same quarter.
void addCaseworkTo(QList<LeagueEntry> &entries, const QList<PortfolioEntry> &portfolio);

// League ranks after decisions of one peer type's organisations in a quarter's
// assessment, by code: by final segment (a decided one from `finalSegments`,
// else the computed one), then average. The one ranking the league, the
// portfolio and What-if all read.
QHash<QString, int> ranksAfterDecisions(const QuarterAssessment &assessment, const QString &peerType,
                                        const QHash<QString, int> &finalSegments);

// The decided final segments among a portfolio's entries, by organisation code.
QHash<QString, int> decidedSegments(const QList<PortfolioEntry> &entries);

// Sets each entry's rank to its place in its peer type's league after decisions.
void rankPortfolio(QList<PortfolioEntry> &entries, NationalCache &national, const QString &quarter);

} // namespace owb
