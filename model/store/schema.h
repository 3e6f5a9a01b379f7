#pragma once
// What one kind of file's schema is: an application id that marks the file
// as ours, and a cumulative ladder of steps. Step i takes the file from
// version i to i + 1; version 0 is an empty file.

#include <QList>
#include <QString>
#include <QStringList>

namespace owb {

struct Schema
{
    QString kind;  // for messages: "case file", "workspace data file"
    qint32 applicationId = 0;
    QList<QStringList> steps;  // SQL statements per step

    int currentVersion() const { return int(steps.size()); }
};

} // namespace owb
