#pragma once
// What-if: the same quarter assessed again with some of one organisation's
// values changed, against the same peers. Nothing is stored.

#include "framework/assessment.h"
#include "data/metricdataset.h"

namespace owb {

struct WhatIfResult
{
    OrganisationAssessment actual;
    OrganisationAssessment scenario;
    std::optional<CutPoints> actualCuts;
    std::optional<CutPoints> scenarioCuts;
    int peerCount = 0;
    // League ranks after decisions (0: not ranked), as the league table shows them.
    int actualRank = 0;
    int scenarioRank = 0;
};

// `overrides` replaces values (a Missing value removes one). The organisation
// must be in `national`. `finalSegments`: the decided final segments of the
// quarter by code (this organisation's included), for the ranks after decisions.
WhatIfResult runWhatIf(const Methodology &methodology, const QuarterData &national, const QString &code,
                       const QHash<QString, MetricValue> &overrides,
                       const QHash<QString, int> &finalSegments = {});

} // namespace owb
