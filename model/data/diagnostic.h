#pragma once
// A problem found in an input file, reported as compilers do:
// FILE:LINE[:COLUMN]: message.

#include <QList>
#include <QString>

namespace owb {

struct Diagnostic
{
    QString file;
    int line = 0;  // 0: the file as a whole
    int column = 0;  // 0: the line as a whole
    QString message;

    QString toString() const;
};

using Diagnostics = QList<Diagnostic>;

// A value from the file as a message quotes it: at most 60 characters, so a
// 1 MB field makes a readable message, not a 1 MB one.
QString shownValue(const QString &text);

} // namespace owb
