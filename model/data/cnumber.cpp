#include "cnumber.h"

#include <charconv>
#include <cmath>

namespace owb {

namespace {
// True when a well-formed number out of a double's range is so small (not so
// large) that it is 0 for every purpose: its first significant digit lies
// below 1e-300 or so, where a double can no longer hold it.
bool isUnderflow(const QString &text)
{
    QString body = text;
    if (body.startsWith(QLatin1Char('+')) || body.startsWith(QLatin1Char('-')))
        body.remove(0, 1);
    long long exponent = 0;
    const qsizetype e = body.indexOf(QLatin1Char('e'), 0, Qt::CaseInsensitive);
    if (e >= 0) {
        bool ok = false;
        exponent = body.mid(e + 1).toLongLong(&ok);
        if (!ok)
            return false;
        body.truncate(e);
    }
    const qsizetype point = body.indexOf(QLatin1Char('.'));
    const QString whole = point >= 0 ? body.left(point) : body;
    const QString fraction = point >= 0 ? body.mid(point + 1) : QString();
    qsizetype leading = 0;
    while (leading < whole.size() && whole.at(leading) == QLatin1Char('0'))
        ++leading;
    long long magnitude; // the power of ten of the first significant digit, plus one
    if (leading < whole.size()) {
        magnitude = (whole.size() - leading) + exponent;
    } else {
        qsizetype zeros = 0;
        while (zeros < fraction.size() && fraction.at(zeros) == QLatin1Char('0'))
            ++zeros;
        if (zeros == fraction.size())
            return false; // all zeros: never out of range
        magnitude = -zeros + exponent;
    }
    return magnitude < 0;
}
} // namespace

std::optional<double> parseCNumber(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    for (const QChar c : trimmed)
        if (!(c.isDigit() && c.unicode() < 128) && !QStringLiteral("+-.eE").contains(c))
            return std::nullopt;
    const QByteArray latin = trimmed.toLatin1();
    const char *begin = latin.constData() + (latin.startsWith('+') ? 1 : 0);
    const char *end = latin.constData() + latin.size();
    double value = 0;
    const auto [last, status] = std::from_chars(begin, end, value);
    if (status == std::errc::result_out_of_range && last == end && isUnderflow(trimmed))
        return trimmed.startsWith(QLatin1Char('-')) ? -0.0 : 0.0; // 1e-400: effectively 0
    if (status != std::errc() || last != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace owb
