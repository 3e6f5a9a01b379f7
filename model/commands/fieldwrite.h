#pragma once
// One field an edit writes, for the conflict dialog's rows.

#include <QString>

namespace owb {

// The record (table and id), the column, the value this user's edit writes
// and the value stored there now: raw (ids, ISO dates), formatted by the view.
struct FieldWrite
{
    QString table;
    qint64 id = 0;
    QString column;
    QString value;
    QString stored;
};

} // namespace owb
