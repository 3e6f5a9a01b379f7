#pragma once
// One quarter's assessment as a case file keeps it: the result and all the
// context needed to explain it later exactly as it was made.

#include "framework/assessment.h"

#include <QHash>
#include <QString>
#include <optional>

namespace owb {

struct StoredAssessment
{
    QString quarter;
    QString methodologyId;
    QString methodologySha256;
    QString method;  // "peer-quartiles" or "thresholds"
    int financeCap = 3;
    int peerCount = 0;  // segmented organisations of the same peer type
    std::optional<CutPoints> cuts;
    QHash<QString, CutPoints> domainCuts;
    OrganisationAssessment result;
    QString computedAt;  // ISO 8601 UTC; not part of the digest

    // SHA-256 over everything but computedAt: equal digests, equal assessments.
    QString digest() const;

    static StoredAssessment from(const Methodology &methodology, const QString &quarter,
                                 const QuarterAssessment &assessment, qsizetype organisation);
};

} // namespace owb
