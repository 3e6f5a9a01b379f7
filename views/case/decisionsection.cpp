#include "decisionsection.h"
#include "widgets/statusnotice.h"

#include "casework/casesession.h"
#include "casework/datetext.h"
#include "casework/nationalcache.h"
#include "recorddialog.h"

#include <QDate>
#include <QVBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

namespace owb {

DecisionSection::DecisionSection(QWidget *parent)
    : CaseworkSection(tr("Quarterly decision"), parent)
    , m_state(new QLabel(this))
    , m_confirm(new QPushButton(tr("C&onfirm Computed Segment"), this))
    , m_correct(new QPushButton(tr("Record &a Correction..."), this))
{
    m_state->setWordWrap(true);
    connect(m_confirm, &QPushButton::clicked, this, [this] {
        // A correction and its reason are not replaced without asking.
        const QVariantMap earlier = m_context.session->casework().decision(m_context.quarter);
        if (earlier.value(QStringLiteral("kind")).toString() == QLatin1String("correction")) {
            const QString reason = earlier.value(QStringLiteral("rationale")).toString();
            QMessageBox ask(QMessageBox::Question, tr("Replace the Correction?"),
                            tr("This replaces the correction to segment %1%2 with the computed segment %3. Replace "
                               "it?")
                                .arg(earlier.value(QStringLiteral("decided_segment")).toInt())
                                .arg(reason.isEmpty() ? QString() : tr(" (reason: %1)").arg(reason))
                                .arg(computedSegment()),
                            QMessageBox::Yes | QMessageBox::No, this);
            ask.setDefaultButton(QMessageBox::No);
            if (ask.exec() != QMessageBox::Yes)
                return;
        }
        if (const QString error = recordDecision(false, 0, QString()); !error.isEmpty())
            Q_EMIT problem(error);
    });
    connect(m_correct, &QPushButton::clicked, this, &DecisionSection::askCorrection);
    m_held->add({m_confirm, m_correct});
    // The state across the section, its buttons under it (tester, issue 14:
    // at 800 pixels Record a Correction... sat behind a sideways scroll bar).
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addLayout(buttonRow({m_confirm, m_correct}));
}

int DecisionSection::computedSegment() const
{
    if (!m_context.session) // the page never read (its case refused): nothing to decide on
        return 0;
    const auto assessment = m_context.session->caseFile().assessment(m_context.quarter);
    return assessment ? assessment->result.segment : 0;
}

void DecisionSection::reload()
{
    // Organisations the framework does not segment have no segment to confirm.
    m_applies = m_context.national->methodologyFor(m_context.quarter).isSegmented(m_context.session->identity().peerType);
    CaseworkStore &store = m_context.session->casework();
    const int computed = computedSegment();
    const QVariantMap decided = store.decision(m_context.quarter);
    // In the programme the programme decides (framework.md §3 step 4):
    // nothing to confirm or correct until its exit is recorded; not in a
    // year without a programme segment (CaseworkStore::finalSegmentOf).
    const bool programmeDecides
        = store.finalSegmentOf(m_context.quarter, computed).source == FinalSegment::Source::Programme && decided.isEmpty();
    // Nothing to confirm once the computed segment is confirmed for the
    // quarter; a confirmation of a computed segment that a re-assessment has
    // since changed is confirmed again (replacing it) to clear its review.
    const int decidedOn = store.finalSegmentOf(m_context.quarter, computed).decidedOn;
    const bool confirmed = decided.value(QStringLiteral("kind")).toString() == QLatin1String("confirm") && decidedOn <= 0;
    m_held->setEnabled(m_confirm, computed > 0 && !programmeDecides && !confirmed);
    m_held->setToolTip(m_confirm, confirmed ? tr("The computed segment is already confirmed for %1.").arg(m_context.quarter)
                                    : QString());
    m_held->setEnabled(m_correct, computed > 0 && !programmeDecides);
    const int final = store.finalSegment(m_context.quarter, computed);
    QString text = computed > 0
                       ? tr("Computed segment for %1: %2; final segment: %3.").arg(m_context.quarter).arg(computed).arg(final)
                       : tr("No computed segment for %1.").arg(m_context.quarter);
    const QString rationale = decided.value(QStringLiteral("rationale")).toString();
    const QString by = decided.value(QStringLiteral("decided_by")).toString();
    const QString on = showDate(decided.value(QStringLiteral("decided_on")).toString());
    if (!decided.isEmpty() && decided.value(QStringLiteral("kind")).toString() == QLatin1String("correction"))
        text += QLatin1Char(' ')
                + tr("Corrected to segment %1 by %2 on %3%4")
                      .arg(QString::number(decided.value(QStringLiteral("decided_segment")).toInt()), by, on,
                           rationale.isEmpty() ? QStringLiteral(".") : QStringLiteral(": %1").arg(rationale));
    else if (!decided.isEmpty())
        text += QLatin1Char(' ') + tr("Computed segment confirmed by %1 on %2.").arg(by, on);
    else if (programmeDecides && computed > 0)
        text += QLatin1Char(' ')
                + tr("In the %1, the programme decides the segment: 5 until its exit is recorded, whatever the "
                     "computed segment. There is nothing to confirm or correct; to leave segment 5, record the exit "
                     "in the %1 section.")
                      .arg(m_context.national->methodologyFor(m_context.quarter).programmeName());
    else
        text += QLatin1Char(' ') + tr("Not yet reviewed.");
    // A re-assessment (a re-issued methodology) changed the computed segment
    // after the decision: the decision stays as recorded, and says so.
    if (!decided.isEmpty() && decidedOn > 0)
        text += QLatin1Char(' ')
                + tr("That decision was made when the computed segment was %1; it is now %2 under %3. Review it: "
                     "confirm the computed segment or record a correction.")
                      .arg(decidedOn)
                      .arg(computed)
                      .arg(m_context.national->methodologyFor(m_context.quarter).title());
    m_state->setText(text);
    m_standing = programmeDecides ? tr("Segment 5: the programme decides")
                 : decided.isEmpty() ? tr("Not yet reviewed")
                 : decidedOn > 0 ? tr("Decided on computed segment %1, now %2: review it").arg(decidedOn).arg(computed)
                 : decided.value(QStringLiteral("kind")).toString() == QLatin1String("correction")
                     ? tr("Corrected to segment %1").arg(decided.value(QStringLiteral("decided_segment")).toInt())
                     : tr("Computed segment confirmed");
}

QString DecisionSection::recordDecision(bool correction, int segment, const QString &rationale)
{
    bool replaced = false;
    const QString error = m_context.session->recordDecision(m_context.quarter, correction, segment, rationale, &replaced);
    if (replaced)
        showStatusNotice(this, tr("The earlier decision for %1 was replaced (Edit ▸ Undo puts it back).").arg(m_context.quarter));
    return error;
}

void DecisionSection::askCorrection()
{
    const int computed = computedSegment();
    if (computed == 0) {
        Q_EMIT problem(tr("%1 has no computed segment to decide on.").arg(m_context.quarter));
        return;
    }
    QList<std::pair<QString, QString>> segments;
    // Segment 5 is the programme's (Enter the Programme), not a correction's.
    for (int segment = 1; segment <= 4; ++segment)
        segments.append({QString::number(segment), m_context.session->methodology().segmentLabel(segment)});
    using Kind = RecordField::Kind;
    RecordDialog dialog(tr("Record a Correction"),
                        tr("The computed segment for %1 is %2. A correction decides another segment, with the reason "
                           "kept in the record.")
                            .arg(m_context.quarter)
                            .arg(computed),
                        {{QStringLiteral("segment"), tr("Corrected segment"), Kind::Number, true, computed, segments},
                         {QStringLiteral("rationale"), tr("Why"), Kind::Paragraph, true}},
                        this);
    dialog.setCheck([computed](const QVariantMap &v) -> std::pair<QString, QString> {
        if (v.value(QStringLiteral("segment")).toInt() == computed)
            return {QStringLiteral("segment"),
                    tr("That is the computed segment: choose another, or use Confirm Computed Segment instead.")};
        return {};
    });
    // Stored on OK; a refusal (a held case lock, a decision recorded
    // meanwhile) is said in the form, which keeps the reason typed.
    dialog.setSave(
        [this](const QVariantMap &v) {
            return recordDecision(true, v.value(QStringLiteral("segment")).toInt(), v.value(QStringLiteral("rationale")).toString());
        },
        m_context.session);
    dialog.exec();
}

} // namespace owb
