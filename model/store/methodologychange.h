#pragma once
// Re-assessing a year deliberately: what putting a methodology file in force
// for the years it declares would change (a dry run, read-only), and the
// change itself, made like an import (the register and the pending quarters
// in one transaction, then each case file; a kill leaves it completable).

#include "storedassessment.h"
#include "workspace.h"

#include <optional>

namespace owb {

struct MethodologyChangeRow
{
    QString code;
    QString name;
    QString quarter;
    std::optional<StoredAssessment> before;  // absent: no case file yet
    StoredAssessment after;
};

struct MethodologyChangePlan
{
    QStringList years;  // the file's years
    QStringList replaced;  // "2025/26: nof-2025-26" for each year that had another file
    QStringList quarters;  // stored quarters of those years (all re-assessed)
    QList<MethodologyChangeRow> rows;  // case-file quarters whose assessment would change
};

// Read-only: nothing is written.
MethodologyChangePlan planMethodologyChange(Workspace &workspace, const Methodology &methodology);

// Puts the file in force for its years and re-assesses their quarters;
// every other year's assessments are left byte for byte.
ImportReport applyMethodologyChange(
    Workspace &workspace, const Methodology &methodology, const Workspace::Progress &progress = {});

} // namespace owb
