#pragma once
// How a stored assessment's segment was reached, in plain words, and how far
// the average must move to reach the next segment (framework.md §3).

#include "store/storedassessment.h"

#include <QString>

namespace owb {

struct SegmentExplanation
{
    QString howReached;  // "Average 2.41 over 17 scored metrics; peer quartiles ... -> segment 3; ..."
    QString toNextSegment;
    Hundredths improvementNeeded = 0;  // 0 when no better segment is reachable by the average alone
};

// `notSegmentedNote`: the methodology's words for a peer type it does not
// segment (ICBs in 2025/26), said instead of "no metric was scored".
SegmentExplanation explainSegment(const StoredAssessment &assessment, const QString &peerTypeName,
                                  const QString &notSegmentedNote = {});

// "2.10", "2.355": cut points as people write them.
QString formatCut(double cut);

} // namespace owb
