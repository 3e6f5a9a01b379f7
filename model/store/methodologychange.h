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

    // Whether what the dry run shows changes: a new case-file quarter, or
    // another segment, raw segment (before the finance override), average or
    // league rank. A row that is only re-stamped with the new file's id (or
    // new cut points giving the same result) is still written.
    bool changesResult() const;
};

// A quarter's recorded decision (a confirmation or a correction) made on a
// computed segment that the re-assessment would change: the decision stays
// as recorded, and the case then asks for it to be reviewed.
struct MethodologyDecisionRow
{
    QString code;
    QString name;
    QString quarter;
    QString kind;  // "confirm" or "correction"
    int decidedOn = 0;  // the computed segment when the decision was made
    int decidedSegment = 0;
    int after = 0;  // the computed segment after the re-assessment
    QString decidedBy;
    QString decidedOnDate;  // ISO date
};

struct MethodologyChangePlan
{
    QStringList years;  // the file's years
    QStringList replaced;  // "2025/26: nof-2025-26" for each year that had another file
    QStringList quarters;  // stored quarters of those years (all re-assessed)
    QList<MethodologyChangeRow> rows;  // case-file quarters the change would write
    QList<MethodologyDecisionRow> decisions;  // decisions made on a computed segment that would change

    // The rows whose segment, raw segment, average or rank would change
    // (what the dry run lists).
    QList<MethodologyChangeRow> changedRows() const;
};

// Read-only: nothing is written.
MethodologyChangePlan planMethodologyChange(Workspace &workspace, const Methodology &methodology);

// Puts the file in force for its years and re-assesses their quarters;
// every other year's assessments are left byte for byte.
ImportReport applyMethodologyChange(
    Workspace &workspace, const Methodology &methodology, const Workspace::Progress &progress = {});

class MethodologyRegister;
class PeerStore;

// The quarters left pending by an interrupted re-assessment (owb methodology
// add, File ▸ Methodologies...): pending quarters some case file in
// `directory` still holds under another file than the one now in force for
// the year. Empty when nothing is pending or an interrupted import left it
// (an import never changes the file a stored quarter is assessed under).
QStringList interruptedReassessment(const QString &directory, PeerStore &peers, const MethodologyRegister &methodologies,
                                    Database::Mode mode = Database::Mode::ReadOnly);

// What a reader says about work an interrupted import or re-assessment left:
// empty when none is pending, else a plain warning naming the quarters and
// how to complete them.
QString interruptedWorkWarning(Workspace &workspace);

// Opens a folder workspace to read it. Work an interrupted import or
// re-assessment left is completed first when this user may change the
// workspace and nobody holds it (then `said` tells what was completed);
// otherwise the workspace is read as it is and `said` is the warning.
std::unique_ptr<Workspace> openForReading(const QString &directory, QString *said);

// "an interrupted re-assessment was completed (2025/26 Q4): 16 case-file
// quarter(s) written", or the same for an import; empty when nothing was.
QString completedWorkText(const ImportReport &report);

} // namespace owb
