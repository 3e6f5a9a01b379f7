#pragma once
// What an organisation code may be. Codes name case files on disk, so a code
// is checked here before anything uses it: ASCII letters and digits only
// (no '/', '.', space or look-alike letter can reach a path), of the length
// of real ODS codes (trusts RXX and R0A, ICBs QE1, sites and practices up to
// six characters, with room to spare).

#include <QString>

namespace owb {

constexpr int kMinOrgCodeLength = 3;
constexpr int kMaxOrgCodeLength = 12;

// ODS codes do not depend on case: "r0a" is R0A. The reader stores codes in
// capitals, so one organisation never becomes two case files (which a
// case-insensitive disk would even hold as one).
// Only a-z change: Unicode case mapping would turn a dotless i or an ess-tsett
// into ASCII letters and let a look-alike through.
QString canonicalOrgCode(const QString &code);
// Empty when `code` is a valid organisation code; otherwise why not, in plain words.
QString orgCodeProblem(const QString &code);
inline bool isValidOrgCode(const QString &code)
{
    return orgCodeProblem(code).isEmpty();
}

} // namespace owb
