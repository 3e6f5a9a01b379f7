#pragma once
// `owb check`: SQLite integrity, schema version, ownership and internal
// consistency of a case file or of a whole workspace.

#include "database.h" // walHeaderProblem
#include "casework/trajectory.h" // QuarterMethodology

#include <QStringList>

namespace owb {

struct CheckReport
{
    QStringList problems;  // each names its file
    QStringList notes;  // consistent but worth knowing (e.g. an import to complete)
    int filesChecked = 0;

    bool clean() const { return problems.isEmpty(); }
};

// `workspaceId`: of the workspace the file is checked in (its peers.owdata); empty on its own.
// `methodologyOf`: the methodology of each quarter, whose metric ranges the
// planned values are checked against; empty on its own: the built-in one
// (and a note says so).
CheckReport checkCaseFile(const QString &path, const QString &workspaceId = {},
                          const QuarterMethodology &methodologyOf = {});

CheckReport checkWorkspace(const QString &directory);
// A workspace folder or a single case file.
CheckReport checkPath(const QString &path);

} // namespace owb
