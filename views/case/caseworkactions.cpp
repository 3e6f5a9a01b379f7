// The casework page's actions: each one edit through the session (one undo
// step), returning what went wrong in plain words, or nothing.

#include "caseworkpage.h"
#include "decisionsection.h"

#include "casework/casesession.h"
#include "casework/datetext.h"
#include "data/cnumber.h"

#include <QDate>

namespace owb {

QString CaseworkPage::openReview(const QString &reason)
{
    return m_context.session->addRecord(reviewTable(),
                                        {{QStringLiteral("opened_quarter"), m_context.quarter},
                                         {QStringLiteral("opened_reason"), reason.trimmed()},
                                         {QStringLiteral("start_date"), QDate::currentDate().toString(Qt::ISODate)},
                                         {QStringLiteral("status"), choices().reviewStages.firstId()}},
                                        tr("Open diagnostic review"));
}

QString CaseworkPage::enterProgramme(const QString &reason, const QString &director)
{
    return m_context.session->enterProgramme(m_context.quarter, reason, director);
}

QString CaseworkPage::recordExit(const QString &transitionPlan, const QDate &date)
{
    return m_context.session->recordExit(m_context.quarter, transitionPlan, date);
}

QString CaseworkPage::markMilestoneDone(qint64 id)
{
    CaseSession *session = m_context.session;
    // The status and the date it was done: one step on the undo stack.
    session->undoStack()->beginMacro(tr("Mark milestone done"));
    QString error
        = session->setRecordField(milestoneTable(), id, QStringLiteral("status"), choices().milestoneStatuses.finalId);
    if (error.isEmpty()
        && session->casework().field(milestoneTable(), id, QStringLiteral("done_date")).isEmpty())
        error = session->setRecordField(
            milestoneTable(), id, QStringLiteral("done_date"), QDate::currentDate().toString(Qt::ISODate));
    session->undoStack()->endMacro();
    return error;
}

QString CaseworkPage::recordDecision(bool correction, int segment, const QString &rationale)
{
    return m_decision->recordDecision(correction, segment, rationale);
}

QString CaseworkPage::addTrajectoryPoint(const QString &metricId, const QString &quarter, const QString &planned)
{
    // Read as a metric file's value is: the same notation, the metric's range.
    QString digits = planned;
    if (digits.endsWith(QLatin1Char('%')))
        digits.chop(1);
    const auto number = parseCNumber(digits);
    if (!number)
        return tr("\"%1\" is not a number.").arg(planned);
    const MetricDefinition *metric = m_context.session->methodology().metric(metricId);
    if (!metric)
        return tr("\"%1\" is not a metric of the methodology.").arg(metricId);
    if (!metric->inRange(*number))
        return metric->rangeText().isEmpty()
            ? tr("%1 is too large to be a real value for %2 (%3).").arg(planned, metric->id, metric->name)
            : tr("%1 is outside the valid range %2 for %3 (%4).")
                  .arg(planned, metric->rangeText(), metric->id, metric->name);
    return m_context.session->addRecord(trajectoryTable(),
                                        {{QStringLiteral("metric_id"), metricId},
                                         {QStringLiteral("quarter"), quarter},
                                         {QStringLiteral("planned"), planned}},
                                        tr("Add trajectory point"));
}

QString CaseworkPage::addMilestone(const QString &description, const QString &due, const QString &owner)
{
    const QDate date = readUserDate(due);
    if (!date.isValid())
        return tr("\"%1\" is not a date: type it as %2 or 31 Mar 2027.").arg(due, dateHint());
    QVariantMap values{{QStringLiteral("description"), description},
                       {QStringLiteral("due_date"), date.toString(Qt::ISODate)},
                       {QStringLiteral("status"), choices().milestoneStatuses.firstId()}};
    if (!owner.trimmed().isEmpty())
        values.insert(QStringLiteral("owner"), owner.trimmed());
    return m_context.session->addRecord(milestoneTable(), values, tr("Add milestone"));
}

QString CaseworkPage::addFindingEvidence(const QString &title, const QString &source)
{
    const qint64 finding = currentFindingId();
    if (finding == 0)
        return tr("Select the finding the evidence supports first.");
    return m_context.session->addRecord(findingEvidenceTable(),
                                        {{QStringLiteral("finding_id"), finding},
                                         {QStringLiteral("title"), title},
                                         {QStringLiteral("source"), source},
                                         {QStringLiteral("evidence_date"), QDate::currentDate().toString(Qt::ISODate)}},
                                        tr("Add evidence item"));
}

QString CaseworkPage::advanceReview()
{
    const ChoiceSet &stages = choices().reviewStages;
    const QString stage = m_context.session->casework().field(reviewTable(), m_reviewId, QStringLiteral("status"));
    qsizetype index = -1;
    for (qsizetype i = 0; i < stages.items.size(); ++i)
        if (stages.items.at(i).id == stage)
            index = i;
    if (m_reviewId == 0 || stage == stages.finalId)
        return tr("There is no open diagnostic review to move on.");
    // A stage not in the list (an older file) starts again from the first.
    const QString next = index < 0 ? stages.firstId() : stages.items.at(index + 1).id;
    if (next == stages.finalId)
        return tr("The review reaches \"%1\" when the regional decision is recorded.").arg(stages.nameOf(next));
    return m_context.session->setRecordField(reviewTable(), m_reviewId, QStringLiteral("status"), next);
}

QString CaseworkPage::recordReviewDecision(const QString &decision, const QDate &date, const QString &maker,
                                           const QString &rationale)
{
    if (m_reviewId == 0)
        return tr("There is no open diagnostic review to decide.");
    if (!choices().decisions.contains(decision))
        return tr("Choose one of the decisions the methodology lists.");
    CaseSession *session = m_context.session;
    // The decision's fields and the review's last stage: one step on the undo stack.
    session->undoStack()->beginMacro(tr("Record the regional decision"));
    const QList<std::pair<QString, QString>> fields{
        {QStringLiteral("decision"), decision},
        {QStringLiteral("decision_date"), date.toString(Qt::ISODate)},
        {QStringLiteral("decision_maker"), maker.trimmed()},
        {QStringLiteral("decision_rationale"), rationale.trimmed()},
        {QStringLiteral("status"), choices().reviewStages.finalId}};
    QString error;
    for (const auto &[column, value] : fields)
        if (error.isEmpty() && session->casework().field(reviewTable(), m_reviewId, column) != value)
            error = session->setRecordField(reviewTable(), m_reviewId, column, value);
    session->undoStack()->endMacro();
    return error;
}

} // namespace owb
