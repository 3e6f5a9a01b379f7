#include "whatif.h"

#include "league.h"

namespace owb {

WhatIfResult runWhatIf(const Methodology &methodology, const QuarterData &national, const QString &code,
                       const QHash<QString, MetricValue> &overrides, const QHash<QString, int> &finalSegments)
{
    WhatIfResult result;
    const qsizetype index = national.index.value(code, -1);
    if (index < 0)
        return result;
    QList<OrganisationInput> inputs = national.toInputs();
    const QuarterAssessment actual = assessQuarter(methodology, inputs);
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
        if (it->isMissing())
            inputs[index].values.remove(it.key());
        else
            inputs[index].values.insert(it.key(), it.value());
    }
    const QuarterAssessment scenario = assessQuarter(methodology, inputs);
    result.actual = actual.organisations.at(index);
    result.scenario = scenario.organisations.at(index);
    const QString &type = result.actual.peerType;
    result.actualCuts = actual.peerGroups.value(type).cuts;
    result.scenarioCuts = scenario.peerGroups.value(type).cuts;
    result.peerCount = scenario.peerGroups.value(type).organisations;
    result.actualRank = ranksAfterDecisions(actual, type, finalSegments).value(code);
    result.scenarioRank = ranksAfterDecisions(scenario, type, finalSegments).value(code);
    return result;
}

} // namespace owb
