#include "needsaction.h"

#include "data/metricdataset.h"
#include "data/quarterlabel.h"

#include <QCoreApplication>

namespace owb {

QString NeedsAction::words() const
{
    QStringList parts;
    if (noReview)
        parts.append(QCoreApplication::translate("owb::NeedsAction", "Segment %1, no review").arg(segment));
    if (undecided)
        parts.append(QCoreApplication::translate("owb::NeedsAction", "quarter not decided"));
    if (overdue > 0)
        parts.append(QCoreApplication::translate("owb::NeedsAction", "%n overdue", nullptr, overdue));
    if (decidedOn > 0)
        parts.append(QCoreApplication::translate("owb::NeedsAction",
                                                 "decision made on computed segment %1, now %2: review it")
                         .arg(decidedOn)
                         .arg(computed));
    if (impossibleDecision > 0)
        parts.append(QCoreApplication::translate("owb::NeedsAction",
                                                 "decision %1 is none a workbench could record and does not count: "
                                                 "owb check says why")
                         .arg(impossibleDecision));
    if (decisions > 0)
        parts.append(QCoreApplication::translate("owb::NeedsAction",
                                                 "%n decisions recorded where there is one, none counting: owb check "
                                                 "names them",
                                                 nullptr, decisions));
    if (offTrajectory > 0)
        parts.append(QCoreApplication::translate("owb::NeedsAction", "%n off trajectory", nullptr, offTrajectory));
    QString text = parts.join(QStringLiteral("; "));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

NeedsAction needsAction(CaseworkStore &casework, const QString &quarter, int finalSegment, const CaseworkStatus &status,
                        int offTrajectory, int computed)
{
    NeedsAction needs;
    needs.segment = finalSegment;
    needs.overdue = status.overdue;
    if (finalSegment == 4) {
        bool reviewed = false;
        for (const QVariantMap &review : casework.records(reviewTable())) {
            const QString opened = review.value(QStringLiteral("opened_quarter")).toString();
            // A review opened after the chosen quarter was not there in it.
            if (opened.isEmpty() || quarterKey(opened) <= 0 || !quarterLessThan(quarter, opened))
                reviewed = true;
        }
        needs.noReview = !reviewed;
        needs.undecided = casework.decision(quarter).isEmpty();
    }
    needs.offTrajectory = offTrajectory;
    if (computed > 0) {
        const FinalSegment final = casework.finalSegmentOf(quarter, computed);
        if (final.decidedOn > 0) {
            needs.decidedOn = final.decidedOn;
            needs.computed = computed;
        }
        needs.impossibleDecision = final.impossibleDecision;
        needs.decisions = final.decisions;
    }
    return needs;
}

QString caseworkSummary(const CaseworkStatus &status, const NeedsAction &needs)
{
    QString summary = status.summary();
    if (needs.noReview) {
        const QString due = QCoreApplication::translate("owb::NeedsAction", "Segment %1, no review").arg(needs.segment);
        // Mid-sentence after "; ": "Segment 4, no review; in the programme".
        if (!summary.isEmpty())
            summary[0] = summary.at(0).toLower();
        summary = summary.isEmpty() ? due : due + QStringLiteral("; ") + summary;
    }
    return summary;
}

} // namespace owb
