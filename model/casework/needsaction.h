#pragma once
// What needs the region's action in a quarter, and why, in words: one answer
// that the portfolio's column and filter, `owb portfolio` and the CSV export
// read. A quarter needs action when
//   - the final segment is 4 and no diagnostic review was opened for it (one
//     still open or one decided both count: framework.md §7, a segment-4
//     provider gets a review);
//   - the quarter needs a sign-off and none is recorded: the region decides,
//     for a provider in segment 4, whether it enters the Recovery Support
//     Programme (framework.md §3 step 4), so a quarter whose final segment is 4
//     needs a decision (a confirmation or a correction). Segments 1-3 are as
//     computed and need none; segment 5 was decided by the programme entry;
//   - exit criteria or milestones are overdue (CaseworkStatus::overdue);
//   - planned trajectory points are missed (offTrajectory);
//   - the quarter's decision was made on a computed segment that a later
//     re-assessment (owb methodology add) changed: it needs review;
//   - a decision written outside the workbench (none it could record, or two
//     for the quarter) does not count: it needs putting right.

#include "casework.h"

#include <QString>
#include <QStringList>

namespace owb {

struct NeedsAction
{
    bool noReview = false;  // segment 4 with no diagnostic review
    bool undecided = false;  // a quarter needing a sign-off with none recorded
    int segment = 0;  // the final segment the reasons speak of
    int overdue = 0;
    int offTrajectory = 0;  // trajectory points whose metric is off the plan
    int decidedOn = 0;  // a decision's computed segment when it is no longer the computed one
    int computed = 0;  // the computed segment now (with decidedOn)
    qint64 impossibleDecision = 0;  // a decision no workbench could record, not counted (FinalSegment)
    int decisions = 0;  // decisions recorded for the quarter when more than one, none counted (FinalSegment)

    bool any() const { return noReview || undecided || overdue > 0 || offTrajectory > 0 || decidedOn > 0 || impossibleDecision > 0
                                || decisions > 0; }
    // "Segment 4, no review; quarter not decided; 2 overdue", empty when nothing needs action.
    QString words() const;
};

// The quarter's needs; `finalSegment` as CaseworkStore::finalSegmentOf gives
// it, `status` the quarter's CaseworkStatus, `offTrajectory` how many of the
// quarter's planned trajectory points the actual misses (casework/trajectory),
// `computed` the stored assessment's segment (0: not checked against the decision).
NeedsAction needsAction(CaseworkStore &casework, const QString &quarter, int finalSegment, const CaseworkStatus &status,
                        int offTrajectory, int computed = 0);

// The portfolio's and league's Casework cell: what the casework holds
// ("In the programme; Diagnostic review open; 2 overdue"), and never blank
// where something is due: a segment-4 quarter with no review says so.
QString caseworkSummary(const CaseworkStatus &status, const NeedsAction &needs);

} // namespace owb
