#include "whatif.h"

#include "league.h"
#include "metricview.h"
#include "data/cnumber.h"
#include "framework/scoring.h"

#include <QCoreApplication>

namespace owb {

WhatIfResult runWhatIf(const Methodology &methodology, const QuarterData &national, const QString &code,
                       const QHash<QString, MetricValue> &overrides, const QHash<QString, int> &finalSegments,
                       std::optional<bool> deficit)
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
    if (deficit)
        inputs[index].deficit = *deficit;
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

QString parseWhatIfValue(const MetricDefinition &metric, const QString &typed, MetricValue *value)
{
    const QString text = typed.trimmed();
    if (text.isEmpty()) {
        *value = MetricValue();
        return {};
    }
    if (metric.labelBands) {
        if (const Band *band = findLabelBand(metric, text)) {
            *value = MetricValue::fromLabel(band->label);
            return {};
        }
        QStringList labels;
        for (const Band &band : metric.bands)
            labels.append(band.label);
        return QCoreApplication::translate("owb::WhatIf", "\u201c%1\u201d is not one of the bands: choose %2.")
            .arg(text, labels.join(QStringLiteral(", ")));
    }
    QString digits = text;
    if (digits.endsWith(QLatin1Char('%')))
        digits.chop(1);
    const auto number = parseCNumber(digits.trimmed());
    const QString range = metric.rangeText();
    if (!number)
        return range.isEmpty()
                   ? QCoreApplication::translate("owb::WhatIf", "\u201c%1\u201d is not a number: type a number such as 61.5.").arg(text)
                   : QCoreApplication::translate("owb::WhatIf", "\u201c%1\u201d is not a number: type a number from %2.").arg(text, range);
    if (!metric.inRange(*number))
        return QCoreApplication::translate("owb::WhatIf", "%1 is out of range: %2 takes %3.")
            .arg(text, metric.id, range.isEmpty() ? QCoreApplication::translate("owb::WhatIf", "a smaller number") : range);
    *value = MetricValue::fromNumber(*number);
    return {};
}

QString unitsAndStandard(const MetricDefinition &metric)
{
    if (metric.isBanded()) {
        QStringList labels;
        for (const Band &band : metric.bands)
            labels.append(band.label);
        return QCoreApplication::translate("owb::WhatIf", "bands: %1").arg(labels.join(QStringLiteral(", ")));
    }
    QStringList parts;
    if (!metric.units.isEmpty())
        parts.append(metric.units);
    if (const QString target = targetText(metric); !target.isEmpty())
        parts.append(target);
    return parts.join(QStringLiteral(", "));
}

} // namespace owb
