#pragma once
// One quarter's complete automated segmentation of every organisation
// (framework.md §3, steps 1-3, domains and league ranks), from plain inputs.

#include "methodology.h"
#include "metricvalue.h"
#include "segmentation.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace owb {

struct OrganisationInput
{
    QString code;
    QString peerType;  // peer type id
    bool deficit = false;  // in deficit or receiving deficit support
    QHash<QString, MetricValue> values;  // metric id -> value; absent = missing
};

struct MetricResult
{
    QString metricId;
    QString domain;
    MetricValue value;
    Hundredths score = 0;  // 0: missing or suppressed, not counted
    Rational weight;
};

struct DomainResult
{
    QString domainId;
    Hundredths score = 0;  // 0: no scored metric in the domain
    int segment = 0;
};

struct OrganisationAssessment
{
    QString code;
    QString peerType;
    QList<MetricResult> metrics;  // applicable scored metrics, catalogue order
    QList<DomainResult> domains;  // methodology order
    Hundredths average = 0;  // 0: nothing scored, not segmented
    int metricsScored = 0;
    int rawSegment = 0;
    bool deficit = false;
    int segment = 0;
    int rank = 0;

    bool isSegmented() const { return average > 0; }
};

struct PeerGroupSummary
{
    QString peerType;
    int organisations = 0;  // segmented organisations
    std::optional<CutPoints> cuts;  // overall segmentation cut points
    QHash<QString, CutPoints> domainCuts;
};

struct QuarterAssessment
{
    QList<OrganisationAssessment> organisations;  // same order as the input
    QHash<QString, PeerGroupSummary> peerGroups;  // by peer type id
};

QuarterAssessment assessQuarter(const Methodology &methodology,
                                const QList<OrganisationInput> &organisations);

} // namespace owb
