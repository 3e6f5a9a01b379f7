#pragma once
// Writes RFC 4180 CSV: fields quoted only when they must be.

#include <QStringList>
#include <QTextStream>

namespace owb {

QString csvField(const QString &text);
// Free text for a spreadsheet: a cell that starts like a formula (=, +, -,
// @, tab or carriage return) is prefixed with an apostrophe so that opening
// the export never runs it. Numbers are written as they are, never through this.
QString csvText(const QString &text);
void writeCsvRow(QTextStream &out, const QStringList &fields);

} // namespace owb
