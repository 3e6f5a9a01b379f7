#include "assessmentwriter.h"

#include "csvwriter.h"
#include "fieldformat.h"

#include <QJsonObject>
#include <algorithm>

namespace owb {

QList<const OrganisationAssessment *> outputOrder(const Methodology &methodology,
                                                  const QuarterAssessment &assessment)
{
    QHash<QString, int> typeOrder;
    for (const PeerType &type : methodology.peerTypes())
        typeOrder.insert(type.id, int(typeOrder.size()));
    QList<const OrganisationAssessment *> order;
    for (const OrganisationAssessment &org : assessment.organisations)
        order.append(&org);
    std::sort(order.begin(), order.end(), [&](const auto *a, const auto *b) {
        const int ta = typeOrder.value(a->peerType);
        const int tb = typeOrder.value(b->peerType);
        return ta != tb ? ta < tb : a->code < b->code;
    });
    return order;
}

const QStringList &scoreColumns()
{
    static const QStringList columns{
        QStringLiteral("quarter"), QStringLiteral("org_type"), QStringLiteral("org_code"),
        QStringLiteral("metric_id"), QStringLiteral("value"), QStringLiteral("score"),
        QStringLiteral("weight")};
    return columns;
}

const QStringList &segmentColumns()
{
    static const QStringList columns{
        QStringLiteral("quarter"), QStringLiteral("org_type"), QStringLiteral("org_code"),
        QStringLiteral("metrics_scored"), QStringLiteral("average_score"),
        QStringLiteral("raw_segment"), QStringLiteral("deficit"), QStringLiteral("segment"),
        QStringLiteral("rank")};
    return columns;
}


void writeScoresCsv(QTextStream &out, const Methodology &m, const QList<AssessedQuarter> &quarters)
{
    writeCsvRow(out, scoreColumns());
    for (const AssessedQuarter &quarter : quarters)
        for (const OrganisationAssessment *org : outputOrder(m, quarter.assessment))
            for (const MetricResult &metric : org->metrics)
                writeCsvRow(out, {quarter.label, org->peerType, org->code, metric.metricId,
                                  metric.value.toText(), formatHundredths(metric.score),
                                  metric.weight.toString()});
}

QJsonArray scoresJson(const Methodology &m, const QList<AssessedQuarter> &quarters)
{
    QJsonArray rows;
    for (const AssessedQuarter &quarter : quarters) {
        for (const OrganisationAssessment *org : outputOrder(m, quarter.assessment)) {
            for (const MetricResult &metric : org->metrics) {
                QJsonValue value;
                if (metric.value.kind == MetricValue::Kind::Number)
                    value = metric.value.number;
                else if (metric.value.kind == MetricValue::Kind::Label)
                    value = metric.value.label;
                rows.append(QJsonObject{{QStringLiteral("quarter"), quarter.label},
                                        {QStringLiteral("org_type"), org->peerType},
                                        {QStringLiteral("org_code"), org->code},
                                        {QStringLiteral("metric_id"), metric.metricId},
                                        {QStringLiteral("value"), value},
                                        {QStringLiteral("score"), metric.score / 100.0},
                                        {QStringLiteral("weight"), metric.weight.toDouble()}});
            }
        }
    }
    return rows;
}

void writeSegmentsCsv(QTextStream &out, const Methodology &m, const QList<AssessedQuarter> &quarters)
{
    writeCsvRow(out, segmentColumns());
    for (const AssessedQuarter &quarter : quarters) {
        for (const OrganisationAssessment *org : outputOrder(m, quarter.assessment)) {
            writeCsvRow(out, {quarter.label, org->peerType, org->code,
                              QString::number(org->metricsScored),
                              csvHundredths(org->average),
                              csvPositive(org->rawSegment),
                              org->deficit ? QStringLiteral("1") : QStringLiteral("0"),
                              csvPositive(org->segment), csvPositive(org->rank)});
        }
    }
}

QJsonArray segmentsJson(const Methodology &m, const QList<AssessedQuarter> &quarters)
{
    QJsonArray rows;
    for (const AssessedQuarter &quarter : quarters) {
        for (const OrganisationAssessment *org : outputOrder(m, quarter.assessment)) {
            QJsonObject domains;
            for (const DomainResult &domain : org->domains)
                domains.insert(domain.domainId,
                               QJsonObject{{QStringLiteral("score"), jsonHundredths(domain.score)},
                                           {QStringLiteral("segment"), jsonPositive(domain.segment)}});
            rows.append(QJsonObject{{QStringLiteral("quarter"), quarter.label},
                                    {QStringLiteral("org_type"), org->peerType},
                                    {QStringLiteral("org_code"), org->code},
                                    {QStringLiteral("metrics_scored"), org->metricsScored},
                                    {QStringLiteral("average_score"), jsonHundredths(org->average)},
                                    {QStringLiteral("raw_segment"), jsonPositive(org->rawSegment)},
                                    {QStringLiteral("deficit"), org->deficit ? 1 : 0},
                                    {QStringLiteral("segment"), jsonPositive(org->segment)},
                                    {QStringLiteral("rank"), jsonPositive(org->rank)},
                                    {QStringLiteral("domains"), domains}});
        }
    }
    return rows;
}

} // namespace owb
