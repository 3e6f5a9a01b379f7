#include "reviewsection.h"

#include "delegates/choicedelegate.h"

#include "casework/casesession.h"
#include "casework/datetext.h"
#include "casework/nationalcache.h"
#include "data/metricdataset.h"
#include "data/quarterlabel.h"

#include <QComboBox>
#include <algorithm>
#include <QDate>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace owb {

namespace {
const QStringList kFindingColumns{QStringLiteral("category"), QStringLiteral("severity"), QStringLiteral("description"),
                                  QStringLiteral("evidence"), QStringLiteral("domains"), QStringLiteral("metrics")};
const QStringList kFindingEvidenceColumns{QStringLiteral("title"), QStringLiteral("source"), QStringLiteral("evidence_date")};
// Whether something opened (entered) in `opened` was there in `quarter`: a
// record without a readable quarter always was (needsaction.cpp's rule).
bool openedBy(const QString &opened, const QString &quarter)
{
    return opened.isEmpty() || quarterKey(opened) <= 0 || !quarterLessThan(quarter, opened);
}
} // namespace

ReviewSection::ReviewSection(QWidget *parent)
    : CaseworkSection(tr("Diagnostic review and findings"), parent)
    , m_state(new QLabel(this))
    , m_openReview(new QPushButton(tr("Open a &Diagnostic Review..."), this))
    , m_advanceReview(new QPushButton(tr("Move to the &Next Stage"), this))
    , m_decideReview(new QPushButton(tr("Record the Re&gional Decision..."), this))
    , m_formBox(new QWidget(this))
    , m_message(makeMessage())
    , m_findingsBox(new QGroupBox(tr("Findings"), this))
    , m_findings(makeTable(this,
                           {tr("Root cause"), tr("Severity"), tr("Description"), tr("Evidence"), tr("Domains"), tr("Metrics")},
                           tr("Findings"), 2))
    , m_findingEvidence(makeTable(this, {tr("Evidence item"), tr("Source"), tr("Date")}, tr("Evidence for the selected finding")))
{
    m_state->setWordWrap(true);
    connect(m_openReview, &QPushButton::clicked, this, &ReviewSection::askOpenReview);
    connect(m_advanceReview, &QPushButton::clicked, this, [this] { report(advanceReview()); });
    connect(m_decideReview, &QPushButton::clicked, this, &ReviewSection::askReviewDecision);
    m_held->add({m_openReview, m_advanceReview, m_decideReview});

    using Kind = RecordField::Kind;
    QList<std::pair<QString, QString>> ratings;
    for (const NamedItem &rating : Methodology::builtIn().capabilityRatings())
        ratings.append({rating.id, rating.name});
    const CaseworkChoices &sets = Methodology::builtIn().casework();
    m_edits = buildForm(new QFormLayout(m_formBox), reviewTable(), &m_reviewId,
                        {{QStringLiteral("team"), tr("Team"), Kind::Text},
                         {QStringLiteral("scope"), tr("Scope and terms of reference"), Kind::Text},
                         {QStringLiteral("start_date"), tr("Start date"), Kind::Date},
                         {QStringLiteral("due_date"), tr("Due date"), Kind::Date},
                         {QStringLiteral("capability_conclusion"), tr("Capability conclusion"), Kind::Choice, false, {}, ratings},
                         {QStringLiteral("recommendation"), tr("Recommendation"), Kind::Choice, false, {},
                          sets.recommendations.pairs()}},
                        m_message);
    static_cast<QFormLayout *>(m_formBox->layout())->addRow(m_message);

    auto *addFinding = new QPushButton(tr("Add &Finding..."), this);
    auto *editFinding = new QPushButton(tr("Ed&it Finding..."), this);
    auto *removeFinding = new QPushButton(tr("Remove Finding"), this);
    connect(addFinding, &QPushButton::clicked, this, &ReviewSection::askFinding);
    connect(editFinding, &QPushButton::clicked, this, &ReviewSection::askEditFinding);
    connect(removeFinding, &QPushButton::clicked, this,
            [this] { removeSelected(m_findings, findingTable(), tr("Remove finding")); });
    auto *addEvidence = new QPushButton(tr("Add E&vidence Item..."), this);
    auto *removeEvidence = new QPushButton(tr("Remove Evidence Item"), this);
    connect(addEvidence, &QPushButton::clicked, this, &ReviewSection::askEvidence);
    connect(removeEvidence, &QPushButton::clicked, this,
            [this] { removeSelected(m_findingEvidence, findingEvidenceTable(), tr("Remove evidence item")); });
    choiceColumn(m_findings, kFindingColumns, QStringLiteral("severity"), findingTable());
    // The root cause is picked from the methodology's list in the cell too, as in the form.
    choiceColumn(m_findings, kFindingColumns, QStringLiteral("category"), findingTable());
    refreshChoice(m_findings, kFindingColumns, QStringLiteral("severity"), sets.severities);
    editsGoTo(m_findings, findingTable(), kFindingColumns);
    editsGoTo(m_findingEvidence, findingEvidenceTable(), kFindingEvidenceColumns);
    connect(m_findings, &QTableWidget::currentCellChanged, this, [this](int row, int, int previous) {
        if (row != previous && !m_loading)
            fillFindingEvidence();
    });
    m_recordButtons = {addFinding, removeFinding, addEvidence, removeEvidence, editFinding};
    m_held->add({addFinding, addEvidence});
    rowActions(m_findings, {editFinding, removeFinding}, [this] { return !m_decided; });
    rowActions(m_findingEvidence, {removeEvidence}, [this] { return !m_decided; });
    m_findingsEmpty = new QLabel(tr("No findings yet. Add a finding for each root cause the review finds, then the "
                                    "evidence for it."),
                                 this);
    m_findingsEmpty->setWordWrap(true);
    m_editTriggers = m_findings->editTriggers();

    auto *findingsLayout = new QVBoxLayout(m_findingsBox);
    findingsLayout->addWidget(m_findingsEmpty);
    findingsLayout->addWidget(m_findings);
    findingsLayout->addLayout(buttonRow({addFinding, editFinding, removeFinding}));
    m_evidenceLabel = new QLabel(tr("Evidence for the selected finding:"), this);
    findingsLayout->addWidget(m_evidenceLabel);
    findingsLayout->addWidget(m_findingEvidence);
    findingsLayout->addLayout(buttonRow({addEvidence, removeEvidence}));
    // The state across the section, its buttons under it (narrow windows).
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addLayout(buttonRow({m_openReview, m_advanceReview, m_decideReview}));
    layout->addWidget(m_formBox);
    layout->addWidget(m_findingsBox);
}

void ReviewSection::reload()
{
    m_loading = true;
    CaseworkStore &store = m_context.session->casework();
    const auto assessment = m_context.session->caseFile().assessment(m_context.quarter);
    const int computed = assessment ? assessment->result.segment : 0;
    // A review is for a final segment 4, as the portfolio's needs action says: not for an
    // organisation the programme already holds in segment 5, nor one corrected out of 4.
    const bool segmentFour = store.finalSegment(m_context.quarter, computed) == 4;
    // The case as of the quarter in view (tester, issue 13/14): a review opened
    // in a later quarter was not there yet, as the portfolio's needs action says.
    QList<QVariantMap> reviews;
    for (const QVariantMap &review : store.records(reviewTable()))
        if (openedBy(review.value(QStringLiteral("opened_quarter")).toString(), m_context.quarter))
            reviews.append(review);
    m_reviewId = reviews.isEmpty() ? 0 : reviews.last().value(QStringLiteral("id")).toLongLong();
    const ChoiceSet &stages = choices().reviewStages;
    QString stage;
    qsizetype stageIndex = -1;
    if (m_reviewId == 0) {
        m_state->setText(segmentFour ? tr("No diagnostic review yet. Open a diagnostic review to find the root causes of "
                                          "segment 4 before the region decides on support.")
                                     : tr("No diagnostic review. Reviews are opened for organisations in segment 4."));
    } else {
        const QVariantMap &r = reviews.last();
        stage = r.value(QStringLiteral("status")).toString();
        for (qsizetype i = 0; i < stages.items.size(); ++i)
            if (stages.items.at(i).id == stage)
                stageIndex = i;
        QString text = tr("Opened in %1%2.")
                           .arg(r.value(QStringLiteral("opened_quarter")).toString(),
                                r.value(QStringLiteral("opened_reason")).toString().isEmpty()
                                    ? QString()
                                    : tr(" (%1)").arg(r.value(QStringLiteral("opened_reason")).toString()));
        text += QLatin1Char(' ')
                + (stageIndex >= 0
                       ? tr("Stage %1 of %2: %3.").arg(stageIndex + 1).arg(stages.items.size()).arg(stages.nameOf(stage))
                       : tr("Stage: %1.").arg(stages.nameOf(stage)));
        if (stage == stages.finalId)
            text += QLatin1Char(' ')
                    + tr("Decision: %1 (%2, %3).")
                          .arg(choices().decisions.nameOf(r.value(QStringLiteral("decision")).toString()),
                               r.value(QStringLiteral("decision_maker")).toString(),
                               showDate(r.value(QStringLiteral("decision_date")).toString()));
        if (stage == stages.finalId)
            text += QLatin1Char(' ')
                    + tr("The review is decided: its fields, findings and evidence are read-only (undoing the "
                         "decision opens them again).");
        if (const QString blocked = advanceBlocker(); stage != stages.finalId && !blocked.isEmpty())
            text += QLatin1Char(' ') + blocked;
        m_state->setText(text);
    }
    // A decided review is kept as decided (the session refuses its edits too).
    const bool decided = m_reviewId != 0 && stage == stages.finalId;
    m_decided = decided;
    m_formBox->setEnabled(!decided);
    for (QTableWidget *table : {m_findings, m_findingEvidence})
        m_held->setEditTriggers(table, decided ? QAbstractItemView::NoEditTriggers : m_editTriggers);
    m_openReview->setVisible(m_reviewId == 0 && segmentFour);
    // The stages run in order; the last is reached only by recording the
    // decision, which is offered at the stage before it (Reporting).
    const bool open = m_reviewId != 0 && stage != stages.finalId;
    const bool beforeLast = open && stageIndex + 2 < stages.items.size();
    m_advanceReview->setVisible(beforeLast);
    if (beforeLast)
        m_advanceReview->setText(tr("Move to %1").arg(stages.items.at(stageIndex + 1).name));
    // Offered only when it can be done; what stands in its way is said.
    const QString blocked = beforeLast ? advanceBlocker() : QString();
    m_held->setEnabled(m_advanceReview, blocked.isEmpty());
    m_held->setToolTip(m_advanceReview, blocked);
    m_decideReview->setVisible(open && stageIndex >= 0 && stageIndex + 2 == stages.items.size());
    m_findingsBox->setVisible(m_reviewId != 0);
    m_formBox->setVisible(m_reviewId != 0);
    refreshChoices();
    fillForm(m_edits, reviewTable(), m_reviewId);
    const int findingRow = m_findings->currentRow();
    fillTable(m_findings, store.records(findingTable(), QStringLiteral("review_id"), m_reviewId), kFindingColumns);
    // The Evidence column lists the finding's evidence items (kept in their
    // own table since schema 5), after any evidence written in the finding.
    const int evidenceColumn = int(kFindingColumns.indexOf(QStringLiteral("evidence")));
    for (int r = 0; r < m_findings->rowCount(); ++r) {
        QTableWidgetItem *item = m_findings->item(r, evidenceColumn);
        QStringList parts;
        if (!item->text().isEmpty())
            parts.append(item->text());
        for (const QVariantMap &e : store.records(findingEvidenceTable(), QStringLiteral("finding_id"), item->data(Qt::UserRole)))
            parts.append(e.value(QStringLiteral("title")).toString());
        item->setText(parts.join(QStringLiteral("; ")));
        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
        item->setToolTip(tr("Add or remove evidence items below the findings."));
        // Domains and metrics are picked from the methodology in the form (Add or Edit Finding).
        for (const QString &column : {QStringLiteral("domains"), QStringLiteral("metrics")}) {
            QTableWidgetItem *picked = m_findings->item(r, int(kFindingColumns.indexOf(column)));
            picked->setFlags(picked->flags() & ~Qt::ItemIsEditable);
        }
    }
    if (m_findings->rowCount() > 0)
        m_findings->setCurrentCell(qBound(0, findingRow, m_findings->rowCount() - 1), 0);
    // An empty table says what to do instead of showing a blank box.
    const bool anyFinding = m_findings->rowCount() > 0;
    for (QWidget *widget : std::initializer_list<QWidget *>{m_findings, m_evidenceLabel})
        widget->setVisible(anyFinding);
    m_findingsEmpty->setVisible(!anyFinding);
    fillFindingEvidence();
    // Organisations the framework does not segment (ICBs in 2025/26) have no segment-4 review.
    const bool segmented = m_context.national->methodologyFor(m_context.quarter).isSegmented(m_context.session->identity().peerType);
    m_applies = segmented || m_reviewId != 0;
    m_standing = m_reviewId == 0 ? (segmentFour ? tr("None yet: open one") : tr("None"))
                                 : tr("Stage: %1").arg(stages.nameOf(stage));
    m_loading = false;
}

void ReviewSection::refreshChoices()
{
    // The case's methodology may list other values than the built-in one.
    const Methodology &methodology = m_context.session->methodology();
    QList<std::pair<QString, QString>> ratings;
    for (const NamedItem &rating : methodology.capabilityRatings())
        ratings.append({rating.id, rating.name});
    const QList<std::pair<QString, QList<std::pair<QString, QString>>>> combos{
        {QStringLiteral("capability_conclusion"), ratings},
        {QStringLiteral("recommendation"), choices().recommendations.pairs()}};
    for (const auto &[column, pairs] : combos) {
        auto *box = qobject_cast<QComboBox *>(m_edits.value(column));
        if (!box)
            continue;
        const QSignalBlocker blocker(box);
        box->clear();
        box->addItem(tr("(not set)"), QString());
        for (const auto &[id, name] : pairs)
            box->addItem(name, id);
    }
    refreshChoice(m_findings, kFindingColumns, QStringLiteral("severity"), choices().severities);
    // Findings store the root cause's name (as the form does).
    if (auto *causes = qobject_cast<ChoiceDelegate *>(
            m_findings->itemDelegateForColumn(int(kFindingColumns.indexOf(QStringLiteral("category")))))) {
        QList<std::pair<QString, QString>> names;
        for (const NamedItem &c : methodology.rootCauseCategories())
            names.append({c.name, c.name});
        causes->setChoices(names);
        // One name a cell: one outside the list is marked, as domains and metrics are.
        m_rootCauses.items.clear();
        for (const auto &[id, name] : names)
            m_rootCauses.items.append({id, name});
        m_names[m_findings][int(kFindingColumns.indexOf(QStringLiteral("category")))] = {{}, &m_rootCauses};
    }
    // Domains and metrics by the names the methodology gives them, as the reports print them.
    QList<std::pair<QString, QString>> domains;
    for (const Domain &d : methodology.domains())
        domains.append({d.id, d.name});
    namedColumn(m_findings, kFindingColumns, QStringLiteral("domains"), domains);
    QList<std::pair<QString, QString>> metrics;
    for (const MetricDefinition &m : methodology.metrics())
        metrics.append({m.id, QStringLiteral("%1 %2").arg(m.id, m.name)});
    namedColumn(m_findings, kFindingColumns, QStringLiteral("metrics"), metrics);
}

qint64 ReviewSection::currentFindingId() const
{
    const int row = m_findings->currentRow();
    return row >= 0 && m_findings->item(row, 0) ? m_findings->item(row, 0)->data(Qt::UserRole).toLongLong() : 0;
}

void ReviewSection::fillFindingEvidence()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const qint64 finding = currentFindingId();
    fillTable(m_findingEvidence,
              finding > 0 ? m_context.session->casework().records(findingEvidenceTable(), QStringLiteral("finding_id"), finding)
                          : QList<QVariantMap>(),
              kFindingEvidenceColumns);
    m_loading = wasLoading;
    // A finding without evidence says so, instead of a blank table.
    const bool anyEvidence = m_findingEvidence->rowCount() > 0;
    m_findingEvidence->setVisible(anyEvidence);
    m_evidenceLabel->setText(anyEvidence || finding <= 0
                                 ? tr("Evidence for the selected finding:")
                                 : tr("No evidence for the selected finding yet. Add an evidence item (a document, data "
                                      "or an interview) that supports it."));
    m_evidenceLabel->setWordWrap(true);
    // Only what there is something to act on: evidence needs a finding, a
    // removal something to remove, and a decided review takes nothing.
    const bool open = !m_decided;
    m_held->setEnabled(m_recordButtons.at(0), open);
    m_held->setEnabled(m_recordButtons.at(2), open && finding > 0);
    updateRowActions(); // Edit and Remove Finding, Remove Evidence Item: a row selected
}

// Actions: each one edit through the session (one undo step), returning what
// went wrong in plain words, or nothing.

QString ReviewSection::openReview(const QString &reason, const QString &team, const QString &scope, const QDate &start,
                                  const QDate &due)
{
    QVariantMap values{{QStringLiteral("opened_quarter"), m_context.quarter},
                       {QStringLiteral("opened_reason"), reason.trimmed()},
                       {QStringLiteral("team"), team.trimmed()},
                       {QStringLiteral("scope"), scope.trimmed()},
                       {QStringLiteral("start_date"), (start.isValid() ? start : QDate::currentDate()).toString(Qt::ISODate)},
                       {QStringLiteral("status"), choices().reviewStages.firstId()}};
    if (due.isValid())
        values.insert(QStringLiteral("due_date"), due.toString(Qt::ISODate));
    return m_context.session->addRecord(reviewTable(), values, tr("Open diagnostic review"));
}

QList<std::pair<QString, QString>> ReviewSection::decisionBlockers(const QVariantMap &review) const
{
    const ChoiceSet &stages = choices().reviewStages;
    QList<std::pair<QString, QString>> missing;
    const qsizetype last = stages.items.size() - 1;
    const QString stage = review.value(QStringLiteral("status")).toString();
    if (last >= 1 && stage != stages.items.at(last - 1).id && stage != stages.finalId)
        missing.append({QStringLiteral("status"),
                        tr("The review is at %1: the region decides once it reaches %2 (Move to the next stage first).")
                            .arg(stages.nameOf(stage), stages.items.at(last - 1).name)});
    if (!hasFindings())
        missing.append({QStringLiteral("decision"),
                        tr("The review has no findings: the region decides on what the review found, so add its "
                           "findings first.")});
    if (review.value(QStringLiteral("capability_conclusion")).toString().trimmed().isEmpty())
        missing.append({QStringLiteral("capability_conclusion"),
                        tr("The review's capability conclusion is needed before the decision.")});
    if (review.value(QStringLiteral("recommendation")).toString().trimmed().isEmpty())
        missing.append({QStringLiteral("recommendation"), tr("The review's recommendation is needed before the decision.")});
    // A value an earlier version stored freely is chosen again from the list.
    missing.append(reviewListProblems(review, m_context.session->methodology()));
    return missing;
}

QString ReviewSection::addFindingEvidence(const QString &title, const QString &source)
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

QString ReviewSection::advanceBlocker()
{
    const ChoiceSet &stages = choices().reviewStages;
    const QVariantMap review = m_context.session->casework().record(reviewTable(), m_reviewId);
    const QString stage = review.value(QStringLiteral("status")).toString();
    qsizetype index = -1;
    for (qsizetype i = 0; i < stages.items.size(); ++i)
        if (stages.items.at(i).id == stage)
            index = i;
    if (m_reviewId == 0 || stage == stages.finalId || index + 2 >= stages.items.size())
        return {};
    const QString next = index < 0 ? stages.firstId() : stages.items.at(index + 1).id;
    // Reporting reports what the review found: not with nothing found.
    if (stages.items.size() >= 2 && next == stages.items.at(stages.items.size() - 2).id && !hasFindings())
        return tr("The review has no findings yet, so there is nothing to report: add a finding for each root cause it "
                  "found (Add Finding...) before it moves to %1.")
            .arg(stages.nameOf(next));
    if (const auto found = reviewListProblems(review, m_context.session->methodology()); !found.isEmpty())
        return found.first().second + QLatin1Char(' ') + tr("Then the review can move to %1.").arg(stages.nameOf(next));
    return {};
}

QString ReviewSection::advanceReview()
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
    // Reporting reports what the review found: not with nothing found.
    if (stages.items.size() >= 2 && next == stages.items.at(stages.items.size() - 2).id && !hasFindings())
        return tr("The review has no findings yet, so there is nothing to report: add a finding for each root cause it "
                  "found (Add Finding...) before it moves to %1.")
            .arg(stages.nameOf(next));
    return m_context.session->setRecordField(reviewTable(), m_reviewId, QStringLiteral("status"), next);
}

QString ReviewSection::recordReviewDecision(const QString &decision, const QDate &date, const QString &maker,
                                            const QString &rationale, const QString &conclusion,
                                            const QString &recommendation)
{
    if (m_reviewId == 0)
        return tr("There is no open diagnostic review to decide.");
    if (!choices().decisions.contains(decision))
        return tr("Choose one of the decisions the methodology lists.");
    CaseSession *session = m_context.session;
    QVariantMap review = session->casework().record(reviewTable(), m_reviewId);
    if (review.value(QStringLiteral("status")).toString() == choices().reviewStages.finalId)
        return tr("The diagnostic review is already decided.");
    if (!conclusion.trimmed().isEmpty())
        review.insert(QStringLiteral("capability_conclusion"), conclusion.trimmed());
    if (!recommendation.trimmed().isEmpty())
        review.insert(QStringLiteral("recommendation"), recommendation.trimmed());
    review.insert(QStringLiteral("decision"), decision);
    QStringList missing;
    for (const auto &[column, message] : decisionBlockers(review))
        missing.append(message);
    if (!missing.isEmpty())
        return tr("The decision was not recorded. %1").arg(missing.join(QLatin1Char(' ')));
    // Not before the review's start: refused whole, before anything is written.
    QVariantMap decided = review;
    decided.insert(QStringLiteral("decision_date"), date.toString(Qt::ISODate));
    if (const auto [column, problem] = dateOrderProblem(decided, QStringLiteral("decision_date")); !column.isEmpty())
        return problem;
    // The decision's fields, the conclusion and recommendation it rests on,
    // and the review's last stage: one write, one step on the undo stack.
    return session->setRecordFields(
        reviewTable(), m_reviewId,
        {{QStringLiteral("capability_conclusion"), review.value(QStringLiteral("capability_conclusion")).toString()},
         {QStringLiteral("recommendation"), review.value(QStringLiteral("recommendation")).toString()},
         {QStringLiteral("decision"), decision},
         {QStringLiteral("decision_date"), date.toString(Qt::ISODate)},
         {QStringLiteral("decision_maker"), maker.trimmed()},
         {QStringLiteral("decision_rationale"), rationale.trimmed()},
         {QStringLiteral("status"), choices().reviewStages.finalId}},
        tr("Record the regional decision"));
}

// The forms: one titled RecordDialog per record, with the methodology's
// choices and sensible defaults.

void ReviewSection::askReviewDecision()
{
    using Kind = RecordField::Kind;
    const QVariantMap review = m_context.session->casework().record(reviewTable(), m_reviewId);
    QList<std::pair<QString, QString>> ratings;
    for (const NamedItem &rating : m_context.session->methodology().capabilityRatings())
        ratings.append({rating.id, rating.name});
    // The decision rests on the review's conclusion and recommendation: the
    // form shows them (to complete if missing) and says what is missing.
    // The decision, the most consequential choice, starts unset: chosen, never defaulted.
    RecordField decisionField(QStringLiteral("decision"), tr("Decision"), Kind::Choice, true,
                              review.value(QStringLiteral("decision")), choices().decisions.pairs());
    decisionField.mustChoose = true;
    RecordDialog dialog(tr("Record the Regional Decision"),
                        tr("The region's decision on the diagnostic review, on its capability conclusion and "
                           "recommendation. Recording it closes the review."),
                        {{QStringLiteral("capability_conclusion"), tr("Capability conclusion"), Kind::Choice, false,
                          review.value(QStringLiteral("capability_conclusion")), ratings},
                         {QStringLiteral("recommendation"), tr("Recommendation"), Kind::Choice, false,
                          review.value(QStringLiteral("recommendation")), choices().recommendations.pairs()},
                         decisionField,
                         {QStringLiteral("decision_date"), tr("Decision date"), Kind::Date, true, QDate::currentDate()},
                         {QStringLiteral("decision_maker"), tr("Decision-maker"), Kind::Text, true, m_context.session->author()},
                         {QStringLiteral("decision_rationale"), tr("Rationale"), Kind::Paragraph, true}},
                        this);
    dialog.checkAs(reviewTable(), m_context.session->methodology(), review);
    // The decision date against the review's start, said beside it.
    dialog.setCheck([review](const QVariantMap &v) {
        QVariantMap decided = review;
        decided.insert(QStringLiteral("decision_date"), v.value(QStringLiteral("decision_date")));
        return dateOrderProblem(decided, QStringLiteral("decision_date"));
    });
    // What the decision rests on, each said beside its own field.
    for (const QString &column : {QStringLiteral("capability_conclusion"), QStringLiteral("recommendation"),
                                  QStringLiteral("decision")}) {
        dialog.addCheck([this, review, column](const QVariantMap &v) -> std::pair<QString, QString> {
            QVariantMap decided = review;
            decided.insert(QStringLiteral("capability_conclusion"), v.value(QStringLiteral("capability_conclusion")));
            decided.insert(QStringLiteral("recommendation"), v.value(QStringLiteral("recommendation")));
            decided.insert(QStringLiteral("decision"), v.value(QStringLiteral("decision")));
            for (const auto &[blocked, message] : decisionBlockers(decided))
                if (blocked == column)
                    return {blocked, message};
            return {};
        });
    }
    dialog.setSave(
        [this](const QVariantMap &v) {
            return recordReviewDecision(v.value(QStringLiteral("decision")).toString(),
                                        QDate::fromString(v.value(QStringLiteral("decision_date")).toString(), Qt::ISODate),
                                        v.value(QStringLiteral("decision_maker")).toString(),
                                        v.value(QStringLiteral("decision_rationale")).toString(),
                                        v.value(QStringLiteral("capability_conclusion")).toString(),
                                        v.value(QStringLiteral("recommendation")).toString());
        },
        m_context.session);
    dialog.exec();
}

void ReviewSection::askOpenReview()
{
    using Kind = RecordField::Kind;
    const QDate today = QDate::currentDate();
    RecordDialog dialog(tr("Open a Diagnostic Review"),
                        tr("A diagnostic review of %1 in %2, to find the root causes of segment 4 before the region "
                           "decides on support.")
                            .arg(m_context.session->identity().code, m_context.quarter),
                        {{QStringLiteral("opened_reason"), tr("Why the review is opened"), Kind::Paragraph, true},
                         {QStringLiteral("team"), tr("Team"), Kind::Text, true},
                         {QStringLiteral("scope"), tr("Scope and terms of reference"), Kind::Paragraph, true},
                         {QStringLiteral("start_date"), tr("Start date"), Kind::Date, true, today},
                         {QStringLiteral("due_date"), tr("Due date"), Kind::Date, true}},
                        this);
    dialog.checkAs(reviewTable(), m_context.session->methodology());
    dialog.setSave(
        [this](const QVariantMap &v) {
            return openReview(v.value(QStringLiteral("opened_reason")).toString(), v.value(QStringLiteral("team")).toString(),
                              v.value(QStringLiteral("scope")).toString(),
                              QDate::fromString(v.value(QStringLiteral("start_date")).toString(), Qt::ISODate),
                              QDate::fromString(v.value(QStringLiteral("due_date")).toString(), Qt::ISODate));
        },
        m_context.session);
    dialog.exec();
}

QList<RecordField> ReviewSection::findingFields(const QVariantMap &finding) const
{
    const Methodology &methodology = m_context.session->methodology();
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    const QStringList domainIds = finding.value(QStringLiteral("domains")).toString().split(separators, Qt::SkipEmptyParts);
    const QStringList metricIds = finding.value(QStringLiteral("metrics")).toString().split(separators, Qt::SkipEmptyParts);
    QList<std::pair<QString, QString>> causes;
    for (const NamedItem &c : methodology.rootCauseCategories())
        causes.append({c.name, c.name}); // findings store the category's name, as before
    QList<std::pair<QString, QString>> domains;
    for (const Domain &d : methodology.domains())
        domains.append({d.id, d.name});
    QList<std::pair<QString, QString>> metrics;
    for (const MetricDefinition &m : methodology.metrics())
        if (m.appliesTo.contains(m_context.session->identity().peerType) || metricIds.contains(m.id))
            metrics.append({m.id, QStringLiteral("%1  %2").arg(m.id, m.name)});
    // An id the finding holds that the methodology no longer lists stays
    // ticked, marked, until the user unticks it (storing it is refused).
    for (const auto &[ids, list] : {std::pair{&domainIds, &domains}, std::pair{&metricIds, &metrics}})
        for (const QString &id : *ids)
            if (std::none_of(list->cbegin(), list->cend(), [&id](const auto &item) { return item.first == id; }))
                list->append({id, notInMethodologyList(id)});
    const QString severity = finding.isEmpty() ? (choices().severities.contains(QStringLiteral("moderate"))
                                                      ? QStringLiteral("moderate")
                                                      : choices().severities.firstId())
                                               : finding.value(QStringLiteral("severity")).toString();
    using Kind = RecordField::Kind;
    return {{QStringLiteral("category"), tr("Root cause"), Kind::Choice, true, finding.value(QStringLiteral("category")),
             causes},
            {QStringLiteral("severity"), tr("Severity"), Kind::Choice, true, severity, choices().severities.pairs()},
            {QStringLiteral("description"), tr("Finding"), Kind::Paragraph, true, finding.value(QStringLiteral("description"))},
            {QStringLiteral("domains"), tr("Domains"), Kind::Ticks, false, domainIds, domains},
            {QStringLiteral("metrics"), tr("Metrics"), Kind::Ticks, false, metricIds, metrics}};
}

void ReviewSection::askFinding()
{
    RecordDialog dialog(tr("Add Finding"), tr("A finding of the diagnostic review, with its root cause and severity."),
                        findingFields({}), this);
    dialog.checkAs(findingTable(), m_context.session->methodology());
    dialog.setSave(
        [this](QVariantMap values) {
            values.insert(QStringLiteral("review_id"), m_reviewId);
            return m_context.session->addRecord(findingTable(), values, tr("Add finding"));
        },
        m_context.session);
    dialog.exec();
}

QVariantMap ReviewSection::seenFinding(qint64 id)
{
    // The rows the table was filled from (the session holds its reads), so
    // the form shows, and the write expects, the version the user saw.
    for (const QVariantMap &row :
         m_context.session->casework().records(findingTable(), QStringLiteral("review_id"), m_reviewId))
        if (row.value(QStringLiteral("id")).toLongLong() == id)
            return row;
    return {};
}

void ReviewSection::askEditFinding()
{
    const int row = selectedRow(m_findings);
    const qint64 id = row >= 0 && m_findings->item(row, 0) ? m_findings->item(row, 0)->data(Qt::UserRole).toLongLong() : 0;
    const QVariantMap finding = seenFinding(id);
    if (finding.isEmpty()) {
        report(tr("Select the finding to edit first."));
        return;
    }
    RecordDialog dialog(tr("Edit Finding"),
                        tr("The finding's root cause, severity, text, and the domains and metrics it concerns. Its "
                           "evidence items stay with it."),
                        findingFields(finding), this);
    dialog.checkAs(findingTable(), m_context.session->methodology(), finding);
    dialog.setSave([this, id](const QVariantMap &v) { return editFinding(id, v); }, m_context.session);
    dialog.exec();
}

QString ReviewSection::editFinding(qint64 id, const QVariantMap &values)
{
    const QVariantMap finding = seenFinding(id);
    if (finding.isEmpty())
        return tr("The finding to edit is not in the review any more.");
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QList<std::pair<QString, QString>> fields;
    for (const QString &column : {QStringLiteral("category"), QStringLiteral("severity"), QStringLiteral("description"),
                                  QStringLiteral("domains"), QStringLiteral("metrics")}) {
        if (!values.contains(column))
            continue;
        const QString value = values.value(column).toString().trimmed();
        const QString shown = finding.value(column).toString();
        // Only what the user changed from what they were shown: the same
        // text, or the same ids ticked (in any order), is left as stored.
        if (value == shown.trimmed())
            continue;
        if (column == QLatin1String("domains") || column == QLatin1String("metrics")) {
            QStringList before = shown.split(separators, Qt::SkipEmptyParts);
            QStringList after = value.split(separators, Qt::SkipEmptyParts);
            before.sort();
            after.sort();
            if (before == after)
                continue;
        }
        fields.append({column, value});
    }
    // All of them in one write: one undo step, one entry in the history.
    return m_context.session->setRecordFields(findingTable(), id, fields, tr("Edit finding"));
}

void ReviewSection::askEvidence()
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
    dialog.checkAs(findingEvidenceTable(), m_context.session->methodology());
    const qint64 finding = currentFindingId();
    dialog.setSave(
        [this, finding](QVariantMap values) {
            values.insert(QStringLiteral("finding_id"), finding);
            return m_context.session->addRecord(findingEvidenceTable(), values, tr("Add evidence item"));
        },
        m_context.session);
    dialog.exec();
}

bool ReviewSection::hasFindings() const
{
    return m_reviewId > 0
           && !m_context.session->casework().records(findingTable(), QStringLiteral("review_id"), m_reviewId).isEmpty();
}

} // namespace owb
