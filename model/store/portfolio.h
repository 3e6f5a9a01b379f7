#pragma once
// The workspace's case files at a glance for one quarter: the read side
// shared by `owb portfolio` and the workbench's portfolio table.

#include "workspace.h"

#include <QList>
#include <QString>

namespace owb {

struct PortfolioEntry
{
    QString path;
    QString code;
    QString name;
    QString peerType;
    QString region;
    QString quarter;  // the quarter shown (empty if the case has none)
    int segment = 0;  // 0: not segmented that quarter
    Hundredths average = 0;
    int rank = 0;
    int peerCount = 0;
    bool deficit = false;
    QString previousQuarter;
    int previousSegment = 0;
    QString lastChange;  // ISO 8601 UTC of the newest stored assessment
    QString capabilityRating;  // the region's latest overall capability view (a rating id)
    QString capabilityYear;
    QString casework;  // "In the programme; Diagnostic review open; 2 overdue", "Segment 4, no review", or empty (casework/needsaction)
    int overdue = 0;
    int offTrajectory = 0; // planned trajectory points missed in the quarter, while in the programme
    // What needs the region's action this quarter, in words ("Segment 4, no
    // review; quarter not decided; 2 overdue"); empty when nothing does
    // (casework/needsaction).
    QString needsAction;
    bool inProgramme = false;  // then `segment` is 5 (framework.md §3 step 4)
    int rawSegment = 0;
    int previousRawSegment = 0;
    bool previousDeficit = false;
    bool decided = false;  // a decision (correction or programme) set this quarter's segment
    bool previousDecided = false;
    Hundredths previousAverage = 0;
    // The methodology each quarter was assessed under (id and SHA-256).
    QString methodologyId;
    QString methodologySha256;
    QString previousMethodologyId;
    QString previousMethodologySha256;
    // When each quarter's file was added to the register (ISO 8601 date;
    // empty when the register no longer holds it): names a re-issue.
    QString methodologyIssued;
    QString previousMethodologyIssued;
    // The title of the methodology this quarter was assessed under (its id
    // when the register no longer names it).
    QString methodologyTitle;
    // The quarter in which the organisation entered the programme it is in
    // this quarter (empty when not in one), and whether it was in one the
    // previous quarter: a programme entry is named only in its own quarter.
    QString programmeEntryQuarter;
    bool previousInProgramme = false;
    bool methodologyChanged() const
    {
        return !methodologySha256.isEmpty() && !previousMethodologySha256.isEmpty()
            && methodologySha256 != previousMethodologySha256;
    }
    // What the decision behind a move was: "Recovery Support Programme entry
    // (2025/26 Q3): reason", "correction by NAME on DATE: rationale", "exit
    // from the programme (2025/26 Q4)"; empty without a decision.
    QString decisionDetail;

    // Segmented this quarter, under other rules than the previous quarter,
    // which did not segment it (an ICB in 2026/27 after 2025/26).
    bool firstSegmented() const
    {
        return segment != 0 && previousSegment == 0 && !previousQuarter.isEmpty() && methodologyChanged();
    }

    // Why the segment moved since the previous quarter: "methodology
    // changed" (the two quarters were assessed under different rules, so
    // neither better nor worse, or the organisation is first segmented under
    // the new rules), "score", "finance override" or "decision"; empty when
    // it did not move.
    QString changeReason() const;

    // What lies behind the move: "average 2.41 -> 2.87 (computed segment 2 ->
    // 3)", the finance override, the decision, or "first segmented under
    // TITLE"; empty when it did not move.
    QString changeDetail() const;

    // A decision behind a move between quarters assessed under different
    // methodologies, which "methodology changed" must not hide: "entered the
    // programme" (only in the quarter of its entry), "left the programme",
    // "decision" (a correction), or empty.
    QString decisionAcrossMethodologies() const;

    // "improved", "deteriorated", "unchanged", "methodology-changed" (never
    // compared across rules), or empty when either quarter is not segmented.
    QString movement() const;
};

// The one rule for naming where the methodology changes between two
// quarters (segment history keys, reports): "methodology ID", or "re-issue
// of ID" where the id stayed and the file changed (NHS England re-issued it).
QString methodologyChangeName(const QString &previousId, const QString &id);

// One entry per case file for `quarter` (the workspace's latest when empty).
// Case files that cannot be read are reported in *problems and left out.
QList<PortfolioEntry> loadPortfolio(Workspace &workspace, QString quarter, QStringList *problems);

} // namespace owb
