#pragma once
// Writes RFC 4180 CSV: fields quoted only when they must be.

#include <QStringList>
#include <QTextStream>

namespace owb {

QString csvField(const QString &text);
void writeCsvRow(QTextStream &out, const QStringList &fields);

} // namespace owb
