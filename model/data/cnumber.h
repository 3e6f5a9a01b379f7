#pragma once
// Numbers as metric files and series write them: C notation (digits, sign,
// point, exponent), whatever the user's locale; no hex, inf or nan.

#include <QString>
#include <optional>

namespace owb {

std::optional<double> parseCNumber(const QString &text);

} // namespace owb
