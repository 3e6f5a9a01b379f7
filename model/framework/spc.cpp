#include "spc.h"

#include <cmath>

namespace owb {

namespace {
constexpr double kLimitFactor = 2.66;
constexpr int kRunLength = 6;

enum Side { None = 0, High = 1, Low = 2 };

// Marks every point of each run of kRunLength or more where `inRun(i)` holds
// with the side that `sideOf(i)` gives.
template<typename InRun, typename SideOf>
void markRuns(qsizetype n, InRun inRun, SideOf sideOf, QList<int> &marks)
{
    qsizetype start = 0;
    while (start < n) {
        if (!inRun(start)) {
            ++start;
            continue;
        }
        qsizetype end = start;
        while (end + 1 < n && inRun(end + 1) && sideOf(end + 1) == sideOf(start))
            ++end;
        if (end - start + 1 >= kRunLength)
            for (qsizetype i = start; i <= end; ++i)
                marks[i] |= sideOf(i);
        start = end + 1;
    }
}
} // namespace

SpcResult analyseSpc(const QList<std::pair<QString, double>> &series, SpcDirection direction,
                     std::optional<double> target)
{
    SpcResult result;
    const qsizetype n = series.size();
    for (const auto &[period, value] : series) {
        result.points.append({period, value, {}, {}, {}});
        result.mean += value;
    }
    if (n == 0)
        return result;
    result.mean /= double(n);
    if (n < SpcResult::kMinimumPoints)
        return result;  // run chart: mean only

    double movingRange = 0;
    for (qsizetype i = 1; i < n; ++i)
        movingRange += std::abs(series.at(i).second - series.at(i - 1).second);
    movingRange /= double(n - 1);
    const double mean = result.mean;
    result.upperLimit = mean + kLimitFactor * movingRange;
    result.lowerLimit = mean - kLimitFactor * movingRange;
    result.upperTwoSigma = mean + 2.0 / 3.0 * kLimitFactor * movingRange;
    result.lowerTwoSigma = mean - 2.0 / 3.0 * kLimitFactor * movingRange;

    auto value = [&](qsizetype i) { return series.at(i).second; };
    auto sideOfMean = [&](qsizetype i) { return value(i) > mean ? High : value(i) < mean ? Low : None; };
    QList<int> outside(n, None), shift(n, None), trend(n, None), twoOfThree(n, None);

    // Rule 1: strictly beyond a process limit.
    for (qsizetype i = 0; i < n; ++i)
        outside[i] = value(i) > *result.upperLimit ? High : value(i) < *result.lowerLimit ? Low : None;

    // Rule 2: six or more consecutive points strictly on one side of the mean.
    markRuns(n, [&](qsizetype i) { return sideOfMean(i) != None; }, sideOfMean, shift);

    // Rule 3: six or more points each strictly higher (or lower) than the one
    // before; the run's first point is the one its first step starts from.
    QList<int> step(n, None);
    for (qsizetype i = 1; i < n; ++i)
        step[i] = value(i) > value(i - 1) ? High : value(i) < value(i - 1) ? Low : None;
    qsizetype start = 1;
    while (start < n) {
        if (step[start] == None) {
            ++start;
            continue;
        }
        qsizetype end = start;
        while (end + 1 < n && step[end + 1] == step[start])
            ++end;
        if (end - start + 2 >= kRunLength)  // points start-1 .. end
            for (qsizetype i = start - 1; i <= end; ++i)
                trend[i] |= step[start];
        start = end + 1;
    }

    // Rule 4: two or three of three consecutive points, all on one side of
    // the mean, beyond that side's two-sigma line.
    auto beyondTwoSigma = [&](qsizetype i) {
        return (sideOfMean(i) == High && value(i) > *result.upperTwoSigma)
               || (sideOfMean(i) == Low && value(i) < *result.lowerTwoSigma);
    };
    for (qsizetype i = 0; i + 2 < n; ++i) {
        const int side = sideOfMean(i);
        if (side == None || sideOfMean(i + 1) != side || sideOfMean(i + 2) != side)
            continue;
        int beyond = 0;
        for (qsizetype j = i; j < i + 3; ++j)
            beyond += beyondTwoSigma(j) ? 1 : 0;
        if (beyond >= 2)
            for (qsizetype j = i; j < i + 3; ++j)
                if (beyondTwoSigma(j))
                    twoOfThree[j] |= side;
    }

    for (qsizetype i = 0; i < n; ++i) {
        SpcPoint &point = result.points[i];
        const int sides = outside[i] | shift[i] | trend[i] | twoOfThree[i];
        if (outside[i])
            point.rules.append(QStringLiteral("outside"));
        if (shift[i])
            point.rules.append(QStringLiteral("shift"));
        if (trend[i])
            point.rules.append(QStringLiteral("trend"));
        if (twoOfThree[i])
            point.rules.append(QStringLiteral("two-of-three"));
        if (sides == None)
            continue;
        // A point flagged both ways counts as improvement (framework.md §8).
        const bool both = sides == (High | Low);
        point.side = both || sides == High ? QStringLiteral("high") : QStringLiteral("low");
        if (direction == SpcDirection::Neither) {
            point.type = QStringLiteral("neither");
            if (both)
                point.side = QStringLiteral("high");
        } else {
            const bool good = both || (sides == High) == (direction == SpcDirection::Higher);
            point.type = good ? QStringLiteral("improvement") : QStringLiteral("concern");
            if (both)
                point.side = direction == SpcDirection::Higher ? QStringLiteral("high") : QStringLiteral("low");
        }
    }

    const SpcPoint &last = result.points.last();
    result.variation = last.type.isEmpty() ? QStringLiteral("common-cause") : last.type + QLatin1Char('-') + last.side;

    if (target && direction != SpcDirection::Neither) {
        const bool higher = direction == SpcDirection::Higher;
        if (higher ? *target <= *result.lowerLimit : *target >= *result.upperLimit)
            result.assurance = QStringLiteral("pass");
        else if (higher ? *target >= *result.upperLimit : *target <= *result.lowerLimit)
            result.assurance = QStringLiteral("fail");
        else
            result.assurance = QStringLiteral("hit-or-miss");
    }
    return result;
}

} // namespace owb
