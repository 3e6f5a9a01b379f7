#pragma once
// Writes RFC 4180 CSV for people who open it in a spreadsheet: fields quoted
// only when they must be, and every field that a spreadsheet would take for
// a formula neutralised. This is the only CSV writer; every export uses it.

#include <QStringList>
#include <QTextStream>

namespace owb {

// One field as written: a plain number ("-3.5", "1e3") as it is; any other
// text that starts like a formula (=, +, -, @, a tab or a line break, also
// after leading spaces or in full-width form) gets a leading apostrophe, so
// that opening the export never runs it; then quoted if needed.
QString csvField(const QString &text);
void writeCsvRow(QTextStream &out, const QStringList &fields);

} // namespace owb
