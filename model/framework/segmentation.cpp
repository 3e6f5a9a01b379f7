#include "segmentation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace owb {

CutPoints quartileCutPoints(QList<Hundredths> averages)
{
    Q_ASSERT(!averages.isEmpty());
    std::sort(averages.begin(), averages.end());
    const qint64 last = averages.size() - 1;
    // Position (n-1)p with p = q/4 is i + r/4: interpolate in quarter-hundredths.
    auto quartile = [&](int q) {
        const qint64 i = last * q / 4;
        const qint64 r = last * q % 4;
        const qint64 low = averages.at(i);
        const qint64 high = r == 0 ? low : averages.at(i + 1);
        return double(4 * low + r * (high - low)) / 400.0;
    };
    return {quartile(1), quartile(2), quartile(3)};
}

int segmentFor(Hundredths average, const CutPoints &cuts)
{
    const double value = average / 100.0;
    if (value <= cuts.t1 + kEqualityTolerance)
        return 1;
    if (value <= cuts.t2 + kEqualityTolerance)
        return 2;
    if (value <= cuts.t3 + kEqualityTolerance)
        return 3;
    return 4;
}

int applyFinanceOverride(int rawSegment, bool deficit, int cap)
{
    return deficit && rawSegment < cap ? cap : rawSegment;
}

Hundredths improvementToNextSegment(Hundredths average, int rawSegment, const CutPoints &cuts)
{
    if (average <= 0 || rawSegment <= 1)
        return 0;
    const double cut = rawSegment == 2 ? cuts.t1 : rawSegment == 3 ? cuts.t2 : cuts.t3;
    const Hundredths target = Hundredths(std::floor(cut * 100 + kEqualityTolerance * 100));
    return average - target;
}

QList<int> leagueRanks(const QList<std::pair<int, Hundredths>> &entries)
{
    QList<qsizetype> order(entries.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return entries.at(a) < entries.at(b); });
    QList<int> ranks(entries.size(), 0);
    for (qsizetype position = 0; position < order.size(); ++position) {
        const qsizetype current = order.at(position);
        const bool tiedWithPrevious = position > 0 && entries.at(order.at(position - 1)) == entries.at(current);
        ranks[current] = tiedWithPrevious ? ranks.at(order.at(position - 1)) : int(position + 1);
    }
    return ranks;
}

} // namespace owb
