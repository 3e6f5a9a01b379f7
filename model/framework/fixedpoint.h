#pragma once
// Exact arithmetic for the framework's two decimal places.
//
// Scores and averages are held as integer hundredths so that the manual's
// "round to 2 dp, halves away from zero" is exact (2.675 rounds to 2.68, which
// binary floating point gets wrong). Weights are rationals ("1/3").

#include <QString>
#include <QtGlobal>
#include <optional>

namespace owb {

using Hundredths = int;  // 1.00 = 100; 0 means "no score"

// round(num / den) with halves away from zero; den > 0.
qint64 roundHalfAwayFromZero(qint64 num, qint64 den);

// "2.41" for 241.
QString formatHundredths(Hundredths value);

// A score, an average or a median held as a number ("2.50" for 2.5): two
// decimals, as formatHundredths writes them; every view of an average says it
// this way (issue 13: a peer median of 2.50 drawn as "2.5").
QString formatScore(double value);

// Tolerance within which two metric values or cut points count as equal.
inline constexpr double kEqualityTolerance = 1e-9;

struct Rational
{
    qint64 num = 1;
    qint64 den = 1;

    // "1/3", "0.5", "2"; nullopt if malformed, zero, negative or too fine.
    static std::optional<Rational> parse(const QString &text);
    static std::optional<Rational> fromDouble(double value);
    double toDouble() const { return double(num) / double(den); }
    QString toString() const;
    bool operator==(const Rational &) const = default;
};

} // namespace owb
