#pragma once
// Statistical process control as NHS England's "Making Data Count" rules
// (framework.md §8): an XmR chart with four special-cause rules, variation
// and assurance icons. Context only; never changes a score.

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace owb {

enum class SpcDirection { Higher, Lower, Neither };

struct SpcPoint
{
    QString period;
    double value = 0;
    QStringList rules;  // "outside", "shift", "trend", "two-of-three", in that order
    QString side;  // "high", "low" or empty
    QString type;  // "improvement", "concern", "neither" or empty
};

struct SpcResult
{
    static constexpr int kMinimumPoints = 13;

    double mean = 0;
    std::optional<double> lowerLimit;  // process limits; absent for a run chart
    std::optional<double> upperLimit;
    std::optional<double> lowerTwoSigma;
    std::optional<double> upperTwoSigma;
    QList<SpcPoint> points;
    QString variation;  // "common-cause", "improvement-high", ... or empty for a run chart
    QString assurance;  // "pass", "hit-or-miss", "fail" or empty

    bool isRunChart() const { return !upperLimit.has_value(); }
};

// `series` is (period, value) in period order.
SpcResult analyseSpc(const QList<std::pair<QString, double>> &series, SpcDirection direction,
                     std::optional<double> target = std::nullopt);

} // namespace owb
