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

// How a quarter's averages are cut into segments, in the terms of its year's
// method: "against the 2026/27 thresholds 2.10 / 2.40 / 2.70 for acute
// trusts" or "peer quartiles 2.11 / 2.36 / 2.70 among 129 peers (acute
// trusts)". `method` as stored ("thresholds" or "peer-quartiles").
QString segmentationBasis(const QString &method, const QString &quarter, const CutPoints &cuts, int peerCount,
                          const QString &peerTypeName);

} // namespace owb
