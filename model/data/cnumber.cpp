#include "cnumber.h"

#include <charconv>
#include <cmath>

namespace owb {

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
    if (status != std::errc() || last != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace owb
