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

// Empty when `path` is a file that can be read to its end; otherwise why not,
// in plain words, found without opening it: a named pipe or a device would
// never end (or block the open itself), a folder is not a file.
QString inputFileProblem(const QString &path);

} // namespace owb
