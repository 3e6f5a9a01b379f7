#include "segmentexplanation.h"

#include "data/quarterlabel.h"

#include <QCoreApplication>
#include <cmath>

namespace owb {

QString formatCut(double cut)
{
    QString text = QString::number(cut, 'f', 3);
    if (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    return text;
}

QString segmentationBasis(const QString &method, const QString &quarter, const CutPoints &cuts, int peerCount,
                          const QString &peerTypeName)
{
    const QString points = QStringLiteral("%1 / %2 / %3").arg(formatCut(cuts.t1), formatCut(cuts.t2), formatCut(cuts.t3));
    if (method == QLatin1String("thresholds"))
        return QCoreApplication::translate("owb::SegmentExplanation", "against the %1 thresholds %2 for %3")
            .arg(yearOfQuarter(quarter), points, peerTypeName);
    return QCoreApplication::translate("owb::SegmentExplanation", "peer quartiles %1 among %n peer(s) (%2)", nullptr,
                                       peerCount)
        .arg(points, peerTypeName);
}

SegmentExplanation explainSegment(const StoredAssessment &a, const QString &peerTypeName, const QString &notSegmentedNote)
{
    SegmentExplanation out;
    const OrganisationAssessment &r = a.result;
    if (!notSegmentedNote.isEmpty() && !r.isSegmented()) {
        out.howReached = notSegmentedNote;
        return out;
    }
    if (!r.isSegmented() || !a.cuts) {
        out.howReached = QCoreApplication::translate("owb::SegmentExplanation", "No metric was scored in %1, so the organisation is not segmented.").arg(a.quarter);
        return out;
    }
    const CutPoints &c = *a.cuts;
    const QString basis = segmentationBasis(a.method, a.quarter, c, a.peerCount, peerTypeName);
    out.howReached = QCoreApplication::translate("owb::SegmentExplanation", "Average %1 over %n scored metric(s); %2 → segment %3", nullptr, r.metricsScored)
                         .arg(formatHundredths(r.average), basis)
                         .arg(r.rawSegment);
    if (r.deficit && r.segment != r.rawSegment)
        out.howReached += QCoreApplication::translate("owb::SegmentExplanation", "; finance override: in deficit, so segment %1").arg(r.segment);
    else if (r.deficit)
        out.howReached += QCoreApplication::translate("owb::SegmentExplanation", "; in deficit (the finance override changes nothing in segment %1)").arg(r.segment);
    out.howReached += QLatin1Char('.');

    if (r.rawSegment == 1) {
        out.toNextSegment = r.segment > 1 ? QCoreApplication::translate("owb::SegmentExplanation", "Its delivery is in segment 1; only its finances hold it in segment %1.")
                                                .arg(r.segment)
                                          : QCoreApplication::translate("owb::SegmentExplanation", "Already in segment 1.");
        return out;
    }
    out.improvementNeeded = improvementToNextSegment(r.average, r.rawSegment, c);
    const Hundredths target = r.average - out.improvementNeeded;
    out.toNextSegment = QCoreApplication::translate("owb::SegmentExplanation", "To reach segment %1 the average must improve by %2, to %3 or better (against this "
                           "quarter's cut points).")
                            .arg(r.rawSegment - 1)
                            .arg(formatHundredths(out.improvementNeeded), formatHundredths(target));
    if (r.deficit && r.rawSegment - 1 < a.financeCap)
        out.toNextSegment += QLatin1Char(' ') + QCoreApplication::translate("owb::SegmentExplanation", "While in deficit the finance override keeps it in segment %1.").arg(a.financeCap);
    return out;
}

} // namespace owb
