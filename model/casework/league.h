#pragma once
// A peer type's league table for a quarter (framework.md §3, League tables):
// every organisation nationally, by final segment then average score.

#include "nationalcache.h"

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
};

QList<LeagueEntry> leagueTable(NationalCache &national, const QString &quarter, const QString &peerType);

} // namespace owb
