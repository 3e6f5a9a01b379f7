#include "fixedpoint.h"

#include <QStringList>
#include <cmath>
#include <numeric>

namespace owb {

qint64 roundHalfAwayFromZero(qint64 num, qint64 den)
{
    Q_ASSERT(den > 0);
    const qint64 magnitude = (2 * (num < 0 ? -num : num) + den) / (2 * den);
    return num < 0 ? -magnitude : magnitude;
}

QString formatScore(double value)
{
    // A hundredth's half away from zero, as the framework rounds; the margin
    // keeps 2.675 (2.67499... in binary) from rounding down.
    return formatHundredths(Hundredths(std::lround(value * 100 + (value < 0 ? -1e-7 : 1e-7))));
}

QString formatHundredths(Hundredths value)
{
    const int magnitude = value < 0 ? -value : value;
    return QStringLiteral("%1%2.%3")
        .arg(value < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

namespace {
// Denominators beyond this make weighted sums risk overflow and mean nothing.
constexpr qint64 kMaxDenominator = 1000000;

std::optional<Rational> reduced(qint64 num, qint64 den)
{
    if (num <= 0 || den <= 0)
        return std::nullopt;
    const qint64 g = std::gcd(num, den);
    Rational r{num / g, den / g};
    if (r.den > kMaxDenominator || r.num > kMaxDenominator)
        return std::nullopt;
    return r;
}

std::optional<Rational> parseDecimal(const QString &text)
{
    // Plain decimal only: digits with at most one point, no exponent.
    const int point = text.indexOf(QLatin1Char('.'));
    const QString whole = point < 0 ? text : text.left(point);
    const QString fraction = point < 0 ? QString() : text.mid(point + 1);
    if ((whole.isEmpty() && fraction.isEmpty()) || fraction.size() > 6)
        return std::nullopt;
    for (const QChar c : whole + fraction)
        if (!c.isDigit() || c.unicode() > 127)
            return std::nullopt;
    qint64 den = 1;
    for (int i = 0; i < fraction.size(); ++i)
        den *= 10;
    bool ok = true;
    const qint64 num = (whole + fraction).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return reduced(num, den);
}
} // namespace

std::optional<Rational> Rational::parse(const QString &text)
{
    const QString t = text.trimmed();
    const int slash = t.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return parseDecimal(t);
    const auto top = parseDecimal(t.left(slash).trimmed());
    const auto bottom = parseDecimal(t.mid(slash + 1).trimmed());
    if (!top || !bottom)
        return std::nullopt;
    return reduced(top->num * bottom->den, top->den * bottom->num);
}

std::optional<Rational> Rational::fromDouble(double value)
{
    if (!std::isfinite(value) || value <= 0)
        return std::nullopt;
    // 'f' always writes a decimal point, so trailing zeros are fraction digits.
    QString text = QString::number(value, 'f', 6);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return parseDecimal(text);
}

QString Rational::toString() const
{
    return den == 1 ? QString::number(num) : QStringLiteral("%1/%2").arg(num).arg(den);
}

} // namespace owb
