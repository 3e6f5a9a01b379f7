#pragma once
// What one kind of file's schema is: an application id that marks the file
// as ours, and a cumulative ladder of steps. Step i takes the file from
// version i to i + 1; version 0 is an empty file.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace owb {

class Database;

struct Schema
{
    QString kind;  // for messages: "case file", "workspace data file"
    qint32 applicationId = 0;
    QList<QStringList> steps;  // SQL statements per step
    // What SQL alone cannot say (rewriting quarter labels to their one
    // spelling): run after the SQL of the step with that index, in the same
    // transaction, so a failure rolls the whole upgrade back.
    QHash<int, std::function<void(Database &)>> programs;
    // A reader leaves an older file as it is; this lets it read one through
    // the current version's statements (temporary views adding what later
    // steps added, with their defaults). Run on the reader's connection only.
    std::function<void(Database &)> readAsCurrent = {};

    int currentVersion() const { return int(steps.size()); }
};

} // namespace owb
