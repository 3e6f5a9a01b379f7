// The casework page's forms: one titled RecordDialog per record, with the
// methodology's choices and sensible defaults.

#include "caseworkpage.h"

#include "casework/casesession.h"
#include "casework/plannedquarters.h"
#include "data/cnumber.h"

#include <QDate>

namespace owb {

void CaseworkPage::askReviewDecision()
{
    using Kind = RecordField::Kind;
    const QVariantMap review = m_context.session->casework().record(reviewTable(), m_reviewId);
    RecordDialog dialog(tr("Record the Regional Decision"),
                        tr("The region's decision on the diagnostic review. Recording it closes the review."),
                        {{QStringLiteral("decision"), tr("Decision"), Kind::Choice, true,
                          choices().decisions.contains(review.value(QStringLiteral("recommendation")).toString())
                              ? review.value(QStringLiteral("recommendation"))
                              : QVariant(choices().decisions.firstId()),
                          choices().decisions.pairs()},
                         {QStringLiteral("decision_date"), tr("Decision date"), Kind::Date, true, QDate::currentDate()},
                         {QStringLiteral("decision_maker"), tr("Decision-maker"), Kind::Text, true, CaseSession::currentUser()},
                         {QStringLiteral("decision_rationale"), tr("Rationale"), Kind::Paragraph, true}},
                        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QVariantMap v = dialog.values();
    report(recordReviewDecision(v.value(QStringLiteral("decision")).toString(),
                                QDate::fromString(v.value(QStringLiteral("decision_date")).toString(), Qt::ISODate),
                                v.value(QStringLiteral("decision_maker")).toString(),
                                v.value(QStringLiteral("decision_rationale")).toString()));
}

void CaseworkPage::askFinding()
{
    const Methodology &methodology = m_context.session->methodology();
    QList<std::pair<QString, QString>> causes;
    for (const NamedItem &c : methodology.rootCauseCategories())
        causes.append({c.name, c.name}); // findings store the category's name, as before
    QList<std::pair<QString, QString>> domains;
    for (const Domain &d : methodology.domains())
        domains.append({d.id, d.name});
    QList<std::pair<QString, QString>> metrics;
    for (const MetricDefinition &m : methodology.metrics())
        if (m.appliesTo.contains(m_context.session->identity().peerType))
            metrics.append({m.id, QStringLiteral("%1  %2").arg(m.id, m.name)});
    using Kind = RecordField::Kind;
    RecordDialog dialog(tr("Add Finding"), tr("A finding of the diagnostic review, with its root cause and severity."),
                        {{QStringLiteral("category"), tr("Root cause"), Kind::Choice, true, {}, causes},
                         {QStringLiteral("severity"), tr("Severity"), Kind::Choice, true,
                          choices().severities.contains(QStringLiteral("moderate")) ? QStringLiteral("moderate")
                                                                                     : choices().severities.firstId(),
                          choices().severities.pairs()},
                         {QStringLiteral("description"), tr("Finding"), Kind::Paragraph, true},
                         {QStringLiteral("domains"), tr("Domains"), Kind::Ticks, false, {}, domains},
                         {QStringLiteral("metrics"), tr("Metrics"), Kind::Ticks, false, {}, metrics}},
                        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QVariantMap values = dialog.values();
    values.insert(QStringLiteral("review_id"), m_reviewId);
    report(m_context.session->addRecord(findingTable(), values, tr("Add finding")));
}

void CaseworkPage::askEvidence()
{
    if (currentFindingId() == 0) {
        report(tr("Select the finding the evidence supports first."));
        return;
    }
    using Kind = RecordField::Kind;
    RecordDialog dialog(tr("Add Evidence Item"), tr("Evidence behind the selected finding."),
                        {{QStringLiteral("title"), tr("Evidence (document, data, interview)"), Kind::Text, true},
                         {QStringLiteral("source"), tr("Source or reference"), Kind::Text},
                         {QStringLiteral("evidence_date"), tr("Date"), Kind::Date, true, QDate::currentDate()}},
                        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QVariantMap values = dialog.values();
    values.insert(QStringLiteral("finding_id"), currentFindingId());
    report(m_context.session->addRecord(findingEvidenceTable(), values, tr("Add evidence item")));
}

void CaseworkPage::askMilestone()
{
    using Kind = RecordField::Kind;
    RecordDialog dialog(tr("Add Milestone"), tr("A step of the recovery plan, who owns it and when it is due."),
                        {{QStringLiteral("description"), tr("Milestone"), Kind::Text, true},
                         {QStringLiteral("owner"), tr("Owner"), Kind::Text},
                         {QStringLiteral("due_date"), tr("Due date"), Kind::Date, true, QDate::currentDate().addMonths(3)},
                         {QStringLiteral("status"), tr("Status"), Kind::Choice, true, choices().milestoneStatuses.firstId(),
                          choices().milestoneStatuses.pairs()}},
                        this);
    if (dialog.exec() == QDialog::Accepted)
        report(m_context.session->addRecord(milestoneTable(), dialog.values(), tr("Add milestone")));
}

void CaseworkPage::askCriterion()
{
    using Kind = RecordField::Kind;
    RecordDialog dialog(tr("Add Exit Criterion"), tr("A condition agreed at entry for leaving the programme."),
                        {{QStringLiteral("description"), tr("Criterion"), Kind::Text, true},
                         {QStringLiteral("measure"), tr("Measure"), Kind::Text},
                         {QStringLiteral("target"), tr("Target"), Kind::Text},
                         {QStringLiteral("due_date"), tr("Due date"), Kind::Date},
                         {QStringLiteral("status"), tr("Status"), Kind::Choice, true, choices().criterionStatuses.firstId(),
                          choices().criterionStatuses.pairs()}},
                        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QVariantMap values = dialog.values();
    values.insert(QStringLiteral("programme_id"), m_programmeId);
    report(m_context.session->addRecord(criterionTable(), values, tr("Add exit criterion")));
}

void CaseworkPage::askProgressReview()
{
    using Kind = RecordField::Kind;
    RecordDialog dialog(tr("Add Progress Review"), tr("A progress review of the programme."),
                        {{QStringLiteral("review_date"), tr("Date"), Kind::Date, true, QDate::currentDate()},
                         {QStringLiteral("attendees"), tr("Attendees"), Kind::Text},
                         {QStringLiteral("summary"), tr("Summary"), Kind::Paragraph, true},
                         {QStringLiteral("decisions"), tr("Decisions"), Kind::Paragraph}},
                        this);
    if (dialog.exec() == QDialog::Accepted)
        report(m_context.session->addRecord(progressReviewTable(), dialog.values(), tr("Add progress review")));
}

void CaseworkPage::askTrajectoryPoint()
{
    QList<std::pair<QString, QString>> metrics;
    for (const MetricDefinition &m : m_context.session->methodology().metrics())
        if (m.appliesTo.contains(m_context.session->identity().peerType) && !m.isBanded())
            metrics.append({m.id, QStringLiteral("%1  %2").arg(m.id, m.name)});
    // A trajectory is planned forward: the quarters after the latest too.
    QList<std::pair<QString, QString>> quarters;
    for (const QString &q : plannableQuarters(m_context.quarters))
        quarters.append({q, q});
    const QStringList plannable = plannableQuarters(m_context.quarters);
    const QString next = plannable.value(int(plannable.indexOf(m_context.quarter)) + 1, m_context.quarter);
    using Kind = RecordField::Kind;
    RecordDialog dialog(tr("Add Trajectory Point"), tr("The value planned for a metric in a quarter."),
                        {{QStringLiteral("metric_id"), tr("Metric"), Kind::Choice, true, {}, metrics},
                         {QStringLiteral("quarter"), tr("Quarter"), Kind::Choice, true, next, quarters},
                         {QStringLiteral("planned"), tr("Planned value"), Kind::Text, true}},
                        this);
    // The value is checked as a metric file's is, and explained beside the field.
    const Methodology &methodology = m_context.session->methodology();
    dialog.setCheck([&methodology](const QVariantMap &v) -> std::pair<QString, QString> {
        QString planned = v.value(QStringLiteral("planned")).toString();
        if (planned.endsWith(QLatin1Char('%')))
            planned.chop(1);
        const auto number = parseCNumber(planned);
        const MetricDefinition *metric = methodology.metric(v.value(QStringLiteral("metric_id")).toString());
        if (!number)
            return {QStringLiteral("planned"), tr("\"%1\" is not a number.").arg(v.value(QStringLiteral("planned")).toString())};
        if (metric && !metric->inRange(*number))
            return {QStringLiteral("planned"), metric->rangeText().isEmpty()
                                                   ? tr("Too large to be a real value for %1.").arg(metric->id)
                                                   : tr("Outside the valid range %1 for %2.").arg(metric->rangeText(), metric->id)};
        return {};
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QVariantMap v = dialog.values();
    report(addTrajectoryPoint(v.value(QStringLiteral("metric_id")).toString(), v.value(QStringLiteral("quarter")).toString(),
                              v.value(QStringLiteral("planned")).toString()));
}

void CaseworkPage::askProgrammeEntry()
{
    using Kind = RecordField::Kind;
    RecordDialog dialog(tr("Enter the Programme"),
                        tr("The regional decision to enter the %1: segment 5 from %2 until an exit is recorded.")
                            .arg(m_context.session->methodology().programmeName(), m_context.quarter),
                        {{QStringLiteral("reason"), tr("The regional decision, and why"), Kind::Paragraph, true},
                         {QStringLiteral("improvement_director"), tr("Improvement director"), Kind::Text},
                         {QStringLiteral("entry_date"), tr("Entry date"), Kind::Date, true, QDate::currentDate()}},
                        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QVariantMap values = dialog.values();
    values.insert(QStringLiteral("entry_quarter"), m_context.quarter);
    report(m_context.session->addRecord(programmeTable(), values, tr("Enter the programme")));
}

void CaseworkPage::askProgrammeExit()
{
    using Kind = RecordField::Kind;
    RecordDialog dialog(tr("Record Exit"),
                        tr("The exit from the programme in %1: the segment is computed again from then on.").arg(m_context.quarter),
                        {{QStringLiteral("transition_plan"), tr("Exit and transition plan"), Kind::Paragraph, true},
                         {QStringLiteral("exit_date"), tr("Exit date"), Kind::Date, true, QDate::currentDate()}},
                        this);
    // The exit against the entry already recorded, said beside the exit date.
    const QVariantMap entered = m_programmeId > 0 ? m_context.session->casework().record(programmeTable(), m_programmeId) : QVariantMap();
    dialog.setCheck([entered](const QVariantMap &v) -> std::pair<QString, QString> {
        QVariantMap both = entered;
        both.insert(QStringLiteral("exit_date"), v.value(QStringLiteral("exit_date")));
        return dateOrderProblem(both);
    });
    if (dialog.exec() == QDialog::Accepted)
        report(recordExit(dialog.values().value(QStringLiteral("transition_plan")).toString(),
                          QDate::fromString(dialog.values().value(QStringLiteral("exit_date")).toString(), Qt::ISODate)));
}

} // namespace owb
