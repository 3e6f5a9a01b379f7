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
// `deficit`, when given, says whether the organisation is taken to be in
// deficit (the finance override, framework.md §3 step 3) instead of what it
// reported.
WhatIfResult runWhatIf(const Methodology &methodology, const QuarterData &national, const QString &code,
                       const QHash<QString, MetricValue> &overrides,
                       const QHash<QString, int> &finalSegments = {}, std::optional<bool> deficit = std::nullopt);

// Why `text` cannot be a value of `metric` in plain words ("“abc” is not a
// number: type a % from 0 to 100"), or empty with *value set when it can (an
// empty text is a missing value). The same notation and range as the metric
// files: C numbers with an optional trailing %, or a band's label.
QString parseWhatIfValue(const MetricDefinition &metric, const QString &text, MetricValue *value);

// The metric's units and target as a person reads them beside a value:
// "%, ≥ 65", "score, 0 to 10", "bands: Outstanding, Good, …".
QString unitsAndStandard(const MetricDefinition &metric);

} // namespace owb
