#include "storedassessment.h"

#include <QCryptographicHash>
#include <QStringList>

namespace owb {

namespace {
QString cutText(const std::optional<CutPoints> &cuts)
{
    if (!cuts)
        return QStringLiteral("-");
    return QStringLiteral("%1/%2/%3")
        .arg(QString::number(cuts->t1, 'g', 17), QString::number(cuts->t2, 'g', 17),
             QString::number(cuts->t3, 'g', 17));
}
} // namespace

QString StoredAssessment::digest() const
{
    QStringList parts{quarter, methodologyId, methodologySha256, method,
                      QString::number(financeCap), result.code, result.peerType,
                      QString::number(peerCount), cutText(cuts),
                      QString::number(result.average), QString::number(result.metricsScored),
                      QString::number(result.rawSegment), QString::number(result.deficit),
                      QString::number(result.segment), QString::number(result.rank)};
    for (const MetricResult &m : result.metrics)
        parts << m.metricId << m.domain << QString::number(int(m.value.kind)) << m.value.toText()
              << QString::number(m.score) << m.weight.toString();
    for (const DomainResult &d : result.domains) {
        const auto cut = domainCuts.constFind(d.domainId);
        parts << d.domainId << QString::number(d.score) << QString::number(d.segment)
              << cutText(cut == domainCuts.cend() ? std::nullopt : std::optional<CutPoints>(*cut));
    }
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(QChar(0x1f)).toUtf8(), QCryptographicHash::Sha256).toHex());
}

StoredAssessment StoredAssessment::from(const Methodology &methodology, const QString &quarter,
                                        const QuarterAssessment &assessment, qsizetype organisation)
{
    StoredAssessment stored;
    stored.quarter = quarter;
    stored.methodologyId = methodology.id();
    stored.methodologySha256 = methodology.sha256();
    stored.method = methodology.segmentation().method == SegmentationRule::Method::Thresholds
                        ? QStringLiteral("thresholds")
                        : QStringLiteral("peer-quartiles");
    stored.financeCap = methodology.financeCap();
    stored.result = assessment.organisations.at(organisation);
    const PeerGroupSummary group = assessment.peerGroups.value(stored.result.peerType);
    stored.peerCount = group.organisations;
    stored.cuts = group.cuts;
    stored.domainCuts = group.domainCuts;
    return stored;
}

} // namespace owb
