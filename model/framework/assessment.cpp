#include "assessment.h"

#include "scoring.h"

namespace owb {

namespace {

// Scores one peer group's metrics in place: metric by metric across the group.
void scoreGroup(const Methodology &methodology, const QList<OrganisationInput> &inputs,
                const QList<qsizetype> &members, const QString &peerType,
                QList<OrganisationAssessment> &out)
{
    for (const MetricDefinition *metric : methodology.scoredMetricsFor(peerType)) {
        QList<MetricValue> values;
        values.reserve(members.size());
        for (qsizetype index : members)
            values.append(inputs.at(index).values.value(metric->id));
        const QList<Hundredths> scores = scoreMetric(*metric, values);
        for (qsizetype m = 0; m < members.size(); ++m)
            out[members.at(m)].metrics.append(
                {metric->id, metric->domain, values.at(m), scores.at(m), metric->weight});
    }
}

Hundredths averageOf(const QList<MetricResult> &metrics, const QString &domain = {})
{
    QList<Hundredths> scores;
    QList<Rational> weights;
    for (const MetricResult &result : metrics) {
        if (!domain.isEmpty() && result.domain != domain)
            continue;
        scores.append(result.score);
        weights.append(result.weight);
    }
    return weightedAverage(scores, weights);
}

} // namespace

QuarterAssessment assessQuarter(const Methodology &methodology,
                                const QList<OrganisationInput> &inputs)
{
    QuarterAssessment result;
    result.organisations.resize(inputs.size());
    QHash<QString, QList<qsizetype>> groups;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        result.organisations[i].code = inputs.at(i).code;
        result.organisations[i].peerType = inputs.at(i).peerType;
        result.organisations[i].deficit = inputs.at(i).deficit;
        groups[inputs.at(i).peerType].append(i);
    }

    for (auto group = groups.cbegin(); group != groups.cend(); ++group) {
        const QString &peerType = group.key();
        const QList<qsizetype> &members = group.value();
        scoreGroup(methodology, inputs, members, peerType, result.organisations);

        PeerGroupSummary summary;
        summary.peerType = peerType;
        QList<Hundredths> averages;
        QHash<QString, QList<Hundredths>> domainScores;
        for (qsizetype index : members) {
            OrganisationAssessment &org = result.organisations[index];
            for (const MetricResult &metric : std::as_const(org.metrics))
                org.metricsScored += metric.score > 0 ? 1 : 0;
            org.average = averageOf(org.metrics);
            if (org.average > 0)
                averages.append(org.average);
            for (const Domain &domain : methodology.domains()) {
                const Hundredths score = averageOf(org.metrics, domain.id);
                org.domains.append({domain.id, score, 0});
                if (score > 0)
                    domainScores[domain.id].append(score);
            }
        }
        summary.organisations = int(averages.size());

        const SegmentationRule &rule = methodology.segmentation();
        if (rule.method == SegmentationRule::Method::Thresholds) {
            const auto &t = rule.cuts.value(peerType);
            summary.cuts = CutPoints{t[0], t[1], t[2]};
        } else if (!averages.isEmpty()) {
            summary.cuts = quartileCutPoints(averages);
        }
        // Domain segments are always quartiled within the peer type (framework.md §3, Domains).
        for (auto it = domainScores.cbegin(); it != domainScores.cend(); ++it)
            summary.domainCuts.insert(it.key(), quartileCutPoints(it.value()));

        QList<std::pair<int, Hundredths>> league;
        QList<qsizetype> leagueMembers;
        for (qsizetype index : members) {
            OrganisationAssessment &org = result.organisations[index];
            for (DomainResult &domain : org.domains)
                if (domain.score > 0)
                    domain.segment = segmentFor(domain.score, summary.domainCuts.value(domain.domainId));
            if (!org.isSegmented())
                continue;
            org.rawSegment = segmentFor(org.average, *summary.cuts);
            org.segment = applyFinanceOverride(org.rawSegment, org.deficit, methodology.financeCap());
            league.append({org.segment, org.average});
            leagueMembers.append(index);
        }
        const QList<int> ranks = leagueRanks(league);
        for (qsizetype i = 0; i < leagueMembers.size(); ++i)
            result.organisations[leagueMembers.at(i)].rank = ranks.at(i);
        result.peerGroups.insert(peerType, summary);
    }
    return result;
}

} // namespace owb
