#pragma once
// Steps 2 and 3 of the segmentation and the league ordering (framework.md §3):
// averages to segments by peer quartiles or fixed thresholds, the finance
// override, and competition ranking. Pure functions over plain values.

#include "fixedpoint.h"

#include <QList>
#include <utility>

namespace owb {

// Cut points t1 <= t2 <= t3 in score units (e.g. 2.10 / 2.35 / 2.70).
struct CutPoints
{
    double t1 = 0;
    double t2 = 0;
    double t3 = 0;
};

// Peer quartiles by linear interpolation between order statistics, as a
// spreadsheet's QUARTILE.INC, computed exactly. `averages` must not be empty.
CutPoints quartileCutPoints(QList<Hundredths> averages);

// avg <= t1 -> 1, <= t2 -> 2, <= t3 -> 3, else 4 (equal within tolerance).
int segmentFor(Hundredths average, const CutPoints &cuts);

// A provider in deficit (or on deficit support) is no better than `cap`.
int applyFinanceOverride(int rawSegment, bool deficit, int cap);

// How much an average must fall to reach the next better delivery segment
// against these cut points: down to the largest hundredth on or below the
// cut. 0 in segment 1 or when not segmented.
Hundredths improvementToNextSegment(Hundredths average, int rawSegment, const CutPoints &cuts);

// League ranks for (final segment, average) pairs: order by segment, then
// average (lower is better); equal pairs share a rank and the next skips.
QList<int> leagueRanks(const QList<std::pair<int, Hundredths>> &entries);

} // namespace owb
