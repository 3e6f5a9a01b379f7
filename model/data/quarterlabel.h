#pragma once
// Quarter labels of the NHS financial year ("2026/27 Q1" is April to June
// 2026). Every label that enters the program, from a metric file, an option
// or an older workspace, goes through canonicalQuarter, so a workspace holds
// one spelling per quarter and "2026-27 Q1" never becomes a second quarter.

#include <QDate>
#include <QString>

namespace owb {

// The canonical spelling "YYYY/YY Qn" of a label written as "2026/27 Q1",
// "2026-27 Q1", "Q1 2026/27", "2026/2027 Q1", "Q1 2026-27", "2026/27 Quarter 1"
// (any case, spaces, '-' or '_' between the parts). Empty when the text is not
// a real quarter; then *problem (if given) says why in plain words.
QString canonicalQuarter(const QString &text, QString *problem = nullptr);

// The canonical spelling "YYYY/YY" of a financial year written as "2026/27",
// "2026-27" or "2026/2027". Empty when it is not one; then *problem says why.
QString canonicalYear(const QString &text, QString *problem = nullptr);

// The financial year of a quarter label ("2026/27 Q1" -> "2026/27"); empty
// for a label that is not a quarter.
QString yearOfQuarter(const QString &label);

// The short form every chart's axis labels a quarter by: "23/24 Q1" for
// "2023/24 Q1" (any other text as it is).
QString shortQuarter(const QString &label);

// A sortable key: start year * 10 + quarter; -1 for a label that is not a quarter.
int quarterKey(const QString &label);

// The first day of a quarter ("2025/26 Q4" starts on 2026-01-01); invalid for
// a label that is not a quarter.
QDate quarterStart(const QString &label);

} // namespace owb
