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
    // What the portfolio and the league show, before and after: the final
    // segment (CaseworkStore::finalSegmentOf: a correction, the programme's
    // 5, else the computed one; 0 not segmented or no case file yet) and the
    // league rank after decisions (ranksAfterDecisions; 0 unranked).
    int finalBefore = 0;
    int finalAfter = 0;
    int leagueRankBefore = 0;
    int leagueRankAfter = 0;
    // Why the final segment moves other than with the computed one: in the
    // programme, in a year whose new file has no programme segment (so no 5),
    // or whose new file has one where the old had none (so 5).
    enum class FinalReason { None, NoProgrammeSegment, ProgrammeSegment };
    FinalReason finalReason = FinalReason::None;
    // The reason in the command line's words: "no programme segment in
    // 2026/27", "programme segment 5 in 2026/27", or empty.
    QString finalReasonText() const;
    // Whether the case file's row is rewritten (a new case-file quarter, or
    // other contents: at least the new file's id and SHA-256).
    bool rewritten = true;

    // Whether what the dry run shows changes: a new case-file quarter, or
    // another segment, raw segment (before the finance override), average,
    // rank, final segment or league rank after decisions. A row that is only
    // re-stamped with the new file's id (or new cut points giving the same
    // result) is still written.
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
    // The very file (same SHA-256) is already in force for every one of its
    // years: there is nothing to apply.
    bool alreadyInForce = false;
    QStringList quarters;  // stored quarters of those years (all re-assessed)
    // Case-file quarters the change would write, and any other followed
    // organisation quarter whose final segment or league rank would move.
    QList<MethodologyChangeRow> rows;
    // Organisation quarters the workspace does not follow whose place in the
    // national league tables (after the workspace's decisions) would move.
    int otherLeagueMoves = 0;
    QList<MethodologyDecisionRow> decisions;  // decisions made on a computed segment that would change

    // The rows whose segment, raw segment, average, rank, final segment or
    // league rank would change (what the dry run lists and the apply counts).
    QList<MethodologyChangeRow> changedRows() const;
    // The case-file quarters the change rewrites.
    int rewrittenCount() const;
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
// quarters written", or the same for an import; empty when nothing was.
QString completedWorkText(const ImportReport &report);

} // namespace owb
