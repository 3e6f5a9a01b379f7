#include "caseworkpage.h"

#include "casework/casesession.h"
#include "casework/nationalcache.h"
#include "casework/plannedquarters.h"
#include "charts/trajectorychart.h"
#include "delegates/choicedelegate.h"
#include "data/cnumber.h"

#include <QDate>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

namespace owb {

namespace {
const QStringList kReviewColumns{QStringLiteral("status"), QStringLiteral("team"), QStringLiteral("scope"),
                                 QStringLiteral("start_date"), QStringLiteral("due_date"),
                                 QStringLiteral("capability_conclusion"), QStringLiteral("recommendation"),
                                 QStringLiteral("decision"), QStringLiteral("decision_date"),
                                 QStringLiteral("decision_maker"), QStringLiteral("decision_rationale")};
const QStringList kFindingColumns{QStringLiteral("category"), QStringLiteral("severity"), QStringLiteral("description"),
                                  QStringLiteral("evidence"), QStringLiteral("domains"), QStringLiteral("metrics")};
const QStringList kProgrammeColumns{QStringLiteral("entry_date"), QStringLiteral("reason"),
                                    QStringLiteral("improvement_director"), QStringLiteral("transition_plan")};
const QStringList kCriterionColumns{QStringLiteral("description"), QStringLiteral("measure"), QStringLiteral("target"),
                                    QStringLiteral("due_date"), QStringLiteral("status"), QStringLiteral("evidence")};
const QStringList kReviewMeetingColumns{QStringLiteral("review_date"), QStringLiteral("attendees"),
                                        QStringLiteral("summary"), QStringLiteral("decisions")};
const QStringList kTrajectoryColumns{QStringLiteral("metric_id"), QStringLiteral("quarter"), QStringLiteral("planned")};
const QStringList kFindingEvidenceColumns{QStringLiteral("title"), QStringLiteral("source"), QStringLiteral("evidence_date")};
const QStringList kMilestoneColumns{QStringLiteral("description"), QStringLiteral("due_date"),
                                    QStringLiteral("done_date"), QStringLiteral("status")};

QTableWidget *makeTable(QWidget *parent, const QStringList &headers, const QString &name)
{
    auto *table = new QTableWidget(parent);
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setAccessibleName(name);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->setMinimumHeight(120);
    return table;
}

bool isDateColumn(const QString &column)
{
    return column.endsWith(QLatin1String("_date"));
}
} // namespace

CaseworkPage::CaseworkPage(QWidget *parent)
    : QWidget(parent)
    , m_reviewState(new QLabel(this))
    , m_openReview(new QPushButton(tr("Open a &Diagnostic Review..."), this))
    , m_reviewFormBox(new QWidget(this))
    , m_findings(makeTable(this,
          { tr("Root cause"), tr("Severity"), tr("Description"), tr("Evidence"), tr("Domains"),
              tr("Metrics") },
          tr("Findings")))
    , m_findingsBox(new QGroupBox(tr("Findings"), this))
    , m_findingEvidence(makeTable(
          this, { tr("Evidence item"), tr("Source"), tr("Date") }, tr("Evidence for the selected finding")))
    , m_programmeState(new QLabel(this))
    , m_enterProgramme(new QPushButton(tr("Enter the &Programme..."), this))
    , m_exitProgramme(new QPushButton(tr("Record E&xit..."), this))
    , m_programmeFormBox(new QWidget(this))
    , m_criteria(makeTable(this,
          { tr("Exit criterion"), tr("Measure"), tr("Target"), tr("Due"), tr("Status"), tr("Evidence") },
          tr("Exit criteria")))
    , m_criteriaBox(new QGroupBox(tr("Exit criteria (agreed at entry)"), this))
    , m_milestones(makeTable(
          this, { tr("Milestone"), tr("Due"), tr("Done"), tr("Status") }, tr("Recovery plan milestones")))
    , m_decisionState(new QLabel(this))
    , m_reviews(makeTable(
          this, { tr("Date"), tr("Attendees"), tr("Summary"), tr("Decisions") }, tr("Progress reviews")))
    , m_trajectory(makeTable(
          this, { tr("Metric"), tr("Quarter"), tr("Planned"), tr("Actual") }, tr("Improvement trajectory")))
    , m_trajectoryChart(new TrajectoryChart(this))
{
    m_trajectoryChart->setAccessibleName(tr("Improvement trajectory chart (the table beside it holds the same values)"));
    connect(m_trajectory, &QTableWidget::currentCellChanged, this, &CaseworkPage::drawTrajectory);
    connect(m_reviews, &QTableWidget::cellChanged, this,
            [this](int row, int column) { tableEdited(m_reviews, progressReviewTable(), kReviewMeetingColumns, row, column); });
    connect(m_trajectory, &QTableWidget::cellChanged, this, [this](int row, int column) {
        if (column < kTrajectoryColumns.size())
            tableEdited(m_trajectory, trajectoryTable(), kTrajectoryColumns, row, column);
    });
    m_decisionState->setWordWrap(true);
    auto *confirm = new QPushButton(tr("C&onfirm Computed Segment"), this);
    auto *correct = new QPushButton(tr("Record &a Correction..."), this);
    connect(confirm, &QPushButton::clicked, this, [this] { report(recordDecision(false, 0, QString())); });
    connect(correct, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const int segment = QInputDialog::getInt(this, tr("Record a Correction"), tr("Segment for %1:").arg(m_context.quarter),
                                                 3, 1, 5, 1, &ok);
        if (!ok)
            return;
        const QString rationale = QInputDialog::getMultiLineText(this, tr("Record a Correction"), tr("Why:"), QString(), &ok);
        if (ok && !rationale.trimmed().isEmpty())
            report(recordDecision(true, segment, rationale));
    });
    m_decisionBox = new QGroupBox(tr("Quarterly decision"), this);
    auto *decisionLayout = new QHBoxLayout(m_decisionBox);
    decisionLayout->addWidget(m_decisionState, 1);
    decisionLayout->addWidget(confirm);
    decisionLayout->addWidget(correct);
    m_reviewState->setWordWrap(true);
    m_programmeState->setWordWrap(true);
    connect(m_openReview, &QPushButton::clicked, this, [this] {
        const auto assessment = m_context.session->caseFile().assessment(m_context.quarter);
        QString reason;
        if (!assessment || assessment->result.segment != 4) {
            bool ok = false;
            reason = QInputDialog::getMultiLineText(this, tr("Open a Diagnostic Review"),
                                                    tr("This organisation is not in segment 4 this quarter. Why open a "
                                                       "diagnostic review?"),
                                                    QString(), &ok);
            if (!ok || reason.trimmed().isEmpty())
                return;
        }
        report(openReview(reason));
    });
    connect(m_enterProgramme, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString reason = QInputDialog::getMultiLineText(this, tr("Enter the Programme"),
                                                              tr("The regional decision to enter the programme, and why:"),
                                                              QString(), &ok);
        if (!ok || reason.trimmed().isEmpty())
            return;
        const QString director = QInputDialog::getText(this, tr("Enter the Programme"), tr("Improvement director:"),
                                                       QLineEdit::Normal, QString(), &ok);
        if (ok)
            report(enterProgramme(reason, director));
    });
    connect(m_exitProgramme, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString plan = QInputDialog::getMultiLineText(this, tr("Record Exit"), tr("Exit and transition plan:"),
                                                            QString(), &ok);
        if (ok)
            report(recordExit(plan));
    });

    m_reviewEdits = buildForm(new QFormLayout(m_reviewFormBox), reviewTable(), &m_reviewId, kReviewColumns,
                              {tr("Status"), tr("Team"), tr("Scope and terms of reference"), tr("Start date"),
                               tr("Due date"), tr("Capability conclusion"), tr("Recommendation"), tr("Regional decision"),
                               tr("Decision date"), tr("Decision-maker"), tr("Rationale")});
    m_programmeEdits = buildForm(new QFormLayout(m_programmeFormBox), programmeTable(), &m_programmeId, kProgrammeColumns,
                                 {tr("Entry date"), tr("Reason"), tr("Improvement director"), tr("Exit and transition plan")});

    auto *addFinding = new QPushButton(tr("Add &Finding..."), this);
    auto *removeFinding = new QPushButton(tr("Remove Finding"), this);
    connect(addFinding, &QPushButton::clicked, this, [this] {
        QStringList categories;
        for (const NamedItem &c : m_context.session->methodology().rootCauseCategories())
            categories.append(c.name);
        bool ok = false;
        const QString category = QInputDialog::getItem(this, tr("Add Finding"), tr("Root cause:"), categories, 0, false, &ok);
        if (!ok)
            return;
        const QString description = QInputDialog::getMultiLineText(this, tr("Add Finding"), tr("Finding:"), QString(), &ok);
        if (!ok || description.trimmed().isEmpty())
            return;
        report(m_context.session->addRecord(findingTable(),
                                            {{QStringLiteral("review_id"), m_reviewId},
                                             {QStringLiteral("category"), category},
                                             {QStringLiteral("description"), description.trimmed()},
                                             {QStringLiteral("severity"), QStringLiteral("moderate")}},
                                            tr("Add finding")));
    });
    connect(removeFinding, &QPushButton::clicked, this, [this] {
        const int row = m_findings->currentRow();
        if (row >= 0)
            report(m_context.session->removeRecord(findingTable(), m_findings->item(row, 0)->data(Qt::UserRole).toLongLong(),
                                                   tr("Remove finding")));
    });
    auto *addCriterion = new QPushButton(tr("Add Exit &Criterion"), this);
    auto *removeCriterion = new QPushButton(tr("Remove Criterion"), this);
    connect(addCriterion, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Add Exit Criterion"), tr("Criterion:"), QLineEdit::Normal, QString(), &ok);
        if (ok && !text.trimmed().isEmpty())
            report(m_context.session->addRecord(criterionTable(),
                                                {{QStringLiteral("programme_id"), m_programmeId},
                                                 {QStringLiteral("description"), text.trimmed()},
                                                 {QStringLiteral("status"), QStringLiteral("not met")}},
                                                tr("Add exit criterion")));
    });
    connect(removeCriterion, &QPushButton::clicked, this, [this] {
        const int row = m_criteria->currentRow();
        if (row >= 0)
            report(m_context.session->removeRecord(criterionTable(), m_criteria->item(row, 0)->data(Qt::UserRole).toLongLong(),
                                                   tr("Remove exit criterion")));
    });
    auto *addMilestoneButton = new QPushButton(tr("Add &Milestone"), this);
    auto *removeMilestone = new QPushButton(tr("Remove Milestone"), this);
    auto *milestoneDone = new QPushButton(tr("Mark Milestone Do&ne"), this);
    connect(milestoneDone, &QPushButton::clicked, this, [this] {
        // The selected row (a screen reader selects without moving the current cell).
        const QModelIndexList selected = m_milestones->selectionModel()->selectedRows();
        const int row = selected.isEmpty() ? m_milestones->currentRow() : selected.first().row();
        if (row < 0)
            report(tr("Select the milestone that is done first."));
        else
            report(markMilestoneDone(m_milestones->item(row, 0)->data(Qt::UserRole).toLongLong()));
    });
    // A closed set (style.md 18): free text let "completed" through, which no
    // overdue check recognised.
    auto *milestoneStatus = new ChoiceDelegate(m_milestones);
    milestoneStatus->setChoices(
        { { QStringLiteral("open"), tr("open") }, { QStringLiteral("done"), tr("done") } });
    m_milestones->setItemDelegateForColumn(
        int(kMilestoneColumns.indexOf(QStringLiteral("status"))), milestoneStatus);
    connect(addMilestoneButton, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Add Milestone"), tr("Milestone:"), QLineEdit::Normal, QString(), &ok);
        if (!ok || text.trimmed().isEmpty())
            return;
        const QString due = QInputDialog::getText(this, tr("Add Milestone"), tr("Due (YYYY-MM-DD):"), QLineEdit::Normal,
                                                  QDate::currentDate().addMonths(3).toString(Qt::ISODate), &ok);
        if (ok)
            report(addMilestone(text.trimmed(), due.trimmed()));
    });
    connect(removeMilestone, &QPushButton::clicked, this, [this] {
        const int row = m_milestones->currentRow();
        if (row >= 0)
            report(m_context.session->removeRecord(milestoneTable(), m_milestones->item(row, 0)->data(Qt::UserRole).toLongLong(),
                                                   tr("Remove milestone")));
    });
    connect(m_findings, &QTableWidget::cellChanged, this,
            [this](int row, int column) { tableEdited(m_findings, findingTable(), kFindingColumns, row, column); });
    connect(m_criteria, &QTableWidget::cellChanged, this,
            [this](int row, int column) { tableEdited(m_criteria, criterionTable(), kCriterionColumns, row, column); });
    connect(m_milestones, &QTableWidget::cellChanged, this,
            [this](int row, int column) { tableEdited(m_milestones, milestoneTable(), kMilestoneColumns, row, column); });

    auto buttons = [this](std::initializer_list<QWidget *> widgets) {
        auto *row = new QHBoxLayout;
        for (QWidget *w : widgets)
            row->addWidget(w);
        row->addStretch();
        return row;
    };
    auto *addEvidence = new QPushButton(tr("Add E&vidence Item..."), this);
    auto *removeEvidence = new QPushButton(tr("Remove Evidence Item"), this);
    connect(addEvidence, &QPushButton::clicked, this, [this] {
        if (currentFindingId() == 0) {
            report(tr("Select the finding the evidence supports first."));
            return;
        }
        bool ok = false;
        const QString title = QInputDialog::getText(this, tr("Add Evidence Item"), tr("Evidence (document, data, interview):"),
                                                    QLineEdit::Normal, QString(), &ok);
        if (!ok || title.trimmed().isEmpty())
            return;
        const QString source = QInputDialog::getText(this, tr("Add Evidence Item"), tr("Source or reference:"),
                                                     QLineEdit::Normal, QString(), &ok);
        if (ok)
            report(addFindingEvidence(title.trimmed(), source.trimmed()));
    });
    connect(removeEvidence, &QPushButton::clicked, this, [this] {
        const int row = m_findingEvidence->currentRow();
        if (row >= 0)
            report(m_context.session->removeRecord(findingEvidenceTable(),
                                                   m_findingEvidence->item(row, 0)->data(Qt::UserRole).toLongLong(),
                                                   tr("Remove evidence item")));
    });
    connect(m_findings, &QTableWidget::currentCellChanged, this, [this](int row, int, int previous) {
        if (row != previous && !m_loading)
            fillFindingEvidence();
    });
    connect(m_findingEvidence, &QTableWidget::cellChanged, this, [this](int row, int column) {
        tableEdited(m_findingEvidence, findingEvidenceTable(), kFindingEvidenceColumns, row, column);
    });
    m_findingEvidence->setMinimumHeight(90);
    auto *findingsLayout = new QVBoxLayout(m_findingsBox);
    findingsLayout->addWidget(m_findings);
    findingsLayout->addLayout(buttons({addFinding, removeFinding}));
    findingsLayout->addWidget(new QLabel(tr("Evidence for the selected finding:"), this));
    findingsLayout->addWidget(m_findingEvidence);
    findingsLayout->addLayout(buttons({addEvidence, removeEvidence}));
    m_reviewBox = new QGroupBox(tr("Diagnostic review"), this);
    auto *reviewLayout = new QVBoxLayout(m_reviewBox);
    auto *reviewTop = new QHBoxLayout;
    reviewTop->addWidget(m_reviewState, 1);
    reviewTop->addWidget(m_openReview);
    reviewLayout->addLayout(reviewTop);
    reviewLayout->addWidget(m_reviewFormBox);
    reviewLayout->addWidget(m_findingsBox);

    auto *addReview = new QPushButton(tr("Add Progress &Review"), this);
    auto *removeReview = new QPushButton(tr("Remove Review"), this);
    connect(addReview, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString summary = QInputDialog::getMultiLineText(this, tr("Add Progress Review"), tr("Summary:"), QString(), &ok);
        if (ok && !summary.trimmed().isEmpty())
            report(m_context.session->addRecord(progressReviewTable(),
                                                {{QStringLiteral("review_date"), QDate::currentDate().toString(Qt::ISODate)},
                                                 {QStringLiteral("summary"), summary.trimmed()}},
                                                tr("Add progress review")));
    });
    connect(removeReview, &QPushButton::clicked, this, [this] {
        const int row = m_reviews->currentRow();
        if (row >= 0)
            report(m_context.session->removeRecord(progressReviewTable(), m_reviews->item(row, 0)->data(Qt::UserRole).toLongLong(),
                                                   tr("Remove progress review")));
    });
    auto *addPoint = new QPushButton(tr("Add &Trajectory Point..."), this);
    auto *removePoint = new QPushButton(tr("Remove Point"), this);
    connect(addPoint, &QPushButton::clicked, this, [this] {
        QStringList metrics;
        for (const MetricDefinition &m : m_context.session->methodology().metrics())
            if (m.appliesTo.contains(m_context.session->identity().peerType) && !m.isBanded())
                metrics.append(QStringLiteral("%1  %2").arg(m.id, m.name));
        bool ok = false;
        const QString metric = QInputDialog::getItem(this, tr("Add Trajectory Point"), tr("Metric:"), metrics, 0, false, &ok);
        if (!ok)
            return;
        // A trajectory is planned forward: the quarters after the latest too.
        const QStringList quarters = plannableQuarters(m_context.quarters);
        const QString quarter = QInputDialog::getItem(this, tr("Add Trajectory Point"), tr("Quarter:"),
            quarters, int(quarters.indexOf(m_context.quarter)) + 1, false, &ok);
        if (!ok)
            return;
        const QString planned = QInputDialog::getText(this, tr("Add Trajectory Point"), tr("Planned value:"), QLineEdit::Normal,
                                                      QString(), &ok);
        if (ok)
            report(addTrajectoryPoint(metric.section(QLatin1Char(' '), 0, 0), quarter, planned.trimmed()));
    });
    connect(removePoint, &QPushButton::clicked, this, [this] {
        const int row = m_trajectory->currentRow();
        if (row >= 0)
            report(m_context.session->removeRecord(trajectoryTable(), m_trajectory->item(row, 0)->data(Qt::UserRole).toLongLong(),
                                                   tr("Remove trajectory point")));
    });

    auto *criteriaLayout = new QVBoxLayout(m_criteriaBox);
    criteriaLayout->addWidget(m_criteria);
    criteriaLayout->addLayout(buttons({addCriterion, removeCriterion}));
    auto *programme = new QGroupBox(tr("Recovery Support Programme"), this);
    auto *programmeLayout = new QVBoxLayout(programme);
    auto *programmeTop = new QHBoxLayout;
    programmeTop->addWidget(m_programmeState, 1);
    programmeTop->addWidget(m_enterProgramme);
    programmeTop->addWidget(m_exitProgramme);
    programmeLayout->addLayout(programmeTop);
    programmeLayout->addWidget(m_programmeFormBox);
    programmeLayout->addWidget(m_criteriaBox);
    auto *reviewsBox = new QGroupBox(tr("Progress reviews"), this);
    auto *reviewsLayout = new QVBoxLayout(reviewsBox);
    reviewsLayout->addWidget(m_reviews);
    reviewsLayout->addLayout(buttons({addReview, removeReview}));
    programmeLayout->addWidget(reviewsBox);
    auto *trajectoryBox = new QGroupBox(tr("Improvement trajectory (planned against actual)"), this);
    auto *trajectoryLayout = new QGridLayout(trajectoryBox);
    trajectoryLayout->addWidget(m_trajectory, 0, 0);
    trajectoryLayout->addWidget(m_trajectoryChart, 0, 1);
    trajectoryLayout->addLayout(buttons({addPoint, removePoint}), 1, 0, 1, 2);
    programmeLayout->addWidget(trajectoryBox);

    auto *plan = new QGroupBox(tr("Recovery plan milestones"), this);
    auto *planLayout = new QVBoxLayout(plan);
    planLayout->addWidget(m_milestones);
    planLayout->addLayout(buttons({ addMilestoneButton, milestoneDone, removeMilestone }));

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_decisionBox);
    contentLayout->addWidget(m_reviewBox);
    contentLayout->addWidget(programme);
    contentLayout->addWidget(plan);
    contentLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

void CaseworkPage::setContext(const CaseContext &context)
{
    if (context.session != m_context.session && context.session)
        // Queued: an edit's own signal handler must not see its editor deleted by the reload.
        connect(context.session, &CaseSession::caseworkChanged, this, &CaseworkPage::reload,
                Qt::ConnectionType(Qt::QueuedConnection | Qt::UniqueConnection));
    m_context = context;
    reload();
}

QString CaseworkPage::openReview(const QString &reason)
{
    return m_context.session->addRecord(reviewTable(),
                                        {{QStringLiteral("opened_quarter"), m_context.quarter},
                                         {QStringLiteral("opened_reason"), reason.trimmed()},
                                         {QStringLiteral("start_date"), QDate::currentDate().toString(Qt::ISODate)},
                                         {QStringLiteral("status"), QStringLiteral("open")}},
                                        tr("Open diagnostic review"));
}

QString CaseworkPage::enterProgramme(const QString &reason, const QString &director)
{
    return m_context.session->addRecord(programmeTable(),
                                        {{QStringLiteral("entry_quarter"), m_context.quarter},
                                         {QStringLiteral("entry_date"), QDate::currentDate().toString(Qt::ISODate)},
                                         {QStringLiteral("reason"), reason.trimmed()},
                                         {QStringLiteral("improvement_director"), director.trimmed()}},
                                        tr("Enter the programme"));
}

QString CaseworkPage::recordExit(const QString &transitionPlan)
{
    if (m_programmeId == 0)
        return tr("The organisation is not in the programme in %1.").arg(m_context.quarter);
    CaseSession *session = m_context.session;
    // Three fields, three steps on the undo stack, grouped as one.
    session->undoStack()->beginMacro(tr("Record exit from the programme"));
    QString error = session->setRecordField(programmeTable(), m_programmeId, QStringLiteral("exit_quarter"), m_context.quarter);
    if (error.isEmpty())
        error = session->setRecordField(programmeTable(), m_programmeId, QStringLiteral("exit_date"),
                                        QDate::currentDate().toString(Qt::ISODate));
    if (error.isEmpty())
        error = session->setRecordField(programmeTable(), m_programmeId, QStringLiteral("transition_plan"), transitionPlan);
    session->undoStack()->endMacro();
    return error;
}

QString CaseworkPage::markMilestoneDone(qint64 id)
{
    CaseSession *session = m_context.session;
    // The status and the date it was done: one step on the undo stack.
    session->undoStack()->beginMacro(tr("Mark milestone done"));
    QString error
        = session->setRecordField(milestoneTable(), id, QStringLiteral("status"), QStringLiteral("done"));
    if (error.isEmpty()
        && session->casework().field(milestoneTable(), id, QStringLiteral("done_date")).isEmpty())
        error = session->setRecordField(
            milestoneTable(), id, QStringLiteral("done_date"), QDate::currentDate().toString(Qt::ISODate));
    session->undoStack()->endMacro();
    return error;
}

QString CaseworkPage::recordDecision(bool correction, int segment, const QString &rationale)
{
    const auto assessment = m_context.session->caseFile().assessment(m_context.quarter);
    const int computed = assessment ? assessment->result.segment : 0;
    if (computed == 0)
        return tr("%1 has no computed segment to decide on.").arg(m_context.quarter);
    return m_context.session->addRecord(decisionTable(),
                                        {{QStringLiteral("quarter"), m_context.quarter},
                                         {QStringLiteral("kind"), correction ? QStringLiteral("correction") : QStringLiteral("confirm")},
                                         {QStringLiteral("computed_segment"), computed},
                                         {QStringLiteral("decided_segment"), correction ? segment : computed},
                                         {QStringLiteral("rationale"), rationale.trimmed()},
                                         {QStringLiteral("decided_by"), CaseSession::currentUser()},
                                         {QStringLiteral("decided_on"), QDate::currentDate().toString(Qt::ISODate)}},
                                        correction ? tr("Correct the segment") : tr("Confirm the segment"));
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

void CaseworkPage::drawTrajectory()
{
    // The metric of the selected point (else the first), its actual values
    // and every point planned for it.
    TrajectoryData data;
    const int row = qMax(0, m_trajectory->currentRow());
    if (m_trajectory->rowCount() > 0 && m_context.session) {
        data.metricId = m_trajectory->item(row, 0)->text();
        data.quarters = plannableQuarters(m_context.quarters);
        for (int r = 0; r < m_trajectory->rowCount(); ++r) {
            const int x = int(data.quarters.indexOf(m_trajectory->item(r, 1)->text()));
            if (m_trajectory->item(r, 0)->text() == data.metricId && x >= 0)
                data.planned.append(
                    QPointF(x, m_trajectory->item(r, 2)->text().remove(QLatin1Char('%')).toDouble()));
        }
        for (int q = 0; q < m_context.quarters.size(); ++q) {
            const MetricValue v
                = m_context.session->caseFile().metricValues(m_context.quarters.at(q)).value(data.metricId);
            if (v.kind == MetricValue::Kind::Number)
                data.actual.append(QPointF(q, v.number));
        }
    }
    m_trajectoryChart->setData(data);
}

QString CaseworkPage::addMilestone(const QString &description, const QString &due)
{
    if (!QDate::fromString(due, Qt::ISODate).isValid())
        return tr("\"%1\" is not a date (write YYYY-MM-DD).").arg(due);
    return m_context.session->addRecord(milestoneTable(),
                                        {{QStringLiteral("description"), description},
                                         {QStringLiteral("due_date"), due},
                                         {QStringLiteral("status"), QStringLiteral("open")}},
                                        tr("Add milestone"));
}

qint64 CaseworkPage::currentFindingId() const
{
    const int row = m_findings->currentRow();
    return row >= 0 && m_findings->item(row, 0) ? m_findings->item(row, 0)->data(Qt::UserRole).toLongLong() : 0;
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

void CaseworkPage::fillFindingEvidence()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const qint64 finding = currentFindingId();
    fillTable(m_findingEvidence, findingEvidenceTable(),
              finding > 0 ? m_context.session->casework().records(findingEvidenceTable(), QStringLiteral("finding_id"), finding)
                          : QList<QVariantMap>(),
              kFindingEvidenceColumns, {}, {});
    m_loading = wasLoading;
}

QHash<QString, QLineEdit *> CaseworkPage::buildForm(QFormLayout *form, const CaseworkTable &table,
                                                    const qint64 *recordId, const QStringList &columns,
                                                    const QStringList &labels)
{
    QHash<QString, QLineEdit *> edits;
    for (int i = 0; i < columns.size(); ++i) {
        const QString column = columns.at(i);
        auto *edit = new QLineEdit(this);
        edit->setAccessibleName(labels.at(i));
        if (isDateColumn(column))
            edit->setPlaceholderText(QStringLiteral("YYYY-MM-DD"));
        connect(edit, &QLineEdit::editingFinished, this, [this, edit, &table, recordId, column] {
            const qint64 id = *recordId;
            if (m_loading || !m_context.session || id == 0
                || edit->text() == m_context.session->casework().field(table, id, column))
                return;
            if (isDateColumn(column) && !edit->text().isEmpty() && !QDate::fromString(edit->text(), Qt::ISODate).isValid()) {
                report(tr("\"%1\" is not a date (write YYYY-MM-DD).").arg(edit->text()));
                edit->setText(m_context.session->casework().field(table, id, column));
                return;
            }
            report(m_context.session->setRecordField(table, id, column, edit->text()));
        });
        form->addRow(labels.at(i) + QLatin1Char(':'), edit);
        edits.insert(column, edit);
    }
    return edits;
}

void CaseworkPage::fillForm(const QHash<QString, QLineEdit *> &edits, const CaseworkTable &table, qint64 id)
{
    const QVariantMap record = id > 0 ? m_context.session->casework().record(table, id) : QVariantMap();
    for (auto it = edits.cbegin(); it != edits.cend(); ++it)
        if (it.value()->text() != record.value(it.key()).toString())
            it.value()->setText(record.value(it.key()).toString());
}

void CaseworkPage::fillTable(QTableWidget *table, const CaseworkTable &, const QList<QVariantMap> &rows,
                             const QStringList &columns, const QString &doneColumn, const QString &doneValue)
{
    table->setRowCount(int(rows.size()));
    const QDate today = QDate::currentDate();
    for (int r = 0; r < rows.size(); ++r) {
        const QVariantMap &row = rows.at(r);
        const QDate due = QDate::fromString(row.value(QStringLiteral("due_date")).toString(), Qt::ISODate);
        const bool overdue = !doneColumn.isEmpty() && due.isValid() && due < today
                             && row.value(doneColumn).toString() != doneValue;
        for (int c = 0; c < columns.size(); ++c) {
            auto *item = new QTableWidgetItem(row.value(columns.at(c)).toString());
            item->setData(Qt::UserRole, row.value(QStringLiteral("id")));
            if (overdue) {
                item->setForeground(QColor(0xda, 0x29, 0x1c));
                item->setToolTip(tr("Overdue: due %1").arg(due.toString(Qt::ISODate)));
            }
            table->setItem(r, c, item);
        }
    }
}

void CaseworkPage::tableEdited(QTableWidget *table, const CaseworkTable &source, const QStringList &columns, int row, int column)
{
    if (m_loading || !m_context.session)
        return;
    const qint64 id = table->item(row, column)->data(Qt::UserRole).toLongLong();
    const QString value = table->item(row, column)->text().trimmed();
    const QString name = columns.at(column);
    if (isDateColumn(name) && !value.isEmpty() && !QDate::fromString(value, Qt::ISODate).isValid()) {
        report(tr("\"%1\" is not a date (write YYYY-MM-DD).").arg(value));
        reload();
        return;
    }
    if (&source == &milestoneTable() && name == QLatin1String("status") && value == QLatin1String("done")) {
        report(markMilestoneDone(id));
        return;
    }
    report(m_context.session->setRecordField(source, id, name, value));
}

void CaseworkPage::reload()
{
    if (!m_context.isValid())
        return;
    m_loading = true;
    CaseworkStore &store = m_context.session->casework();
    {
        const auto assessment = m_context.session->caseFile().assessment(m_context.quarter);
        const int computed = assessment ? assessment->result.segment : 0;
        const QVariantMap decided = store.decision(m_context.quarter);
        const int final = store.finalSegment(m_context.quarter, computed);
        QString text = computed > 0 ? tr("Computed segment for %1: %2; final segment: %3.").arg(m_context.quarter).arg(computed).arg(final)
                                    : tr("No computed segment for %1.").arg(m_context.quarter);
        if (!decided.isEmpty())
            text += QLatin1Char(' ') + tr("Decision (%1) by %2 on %3%4")
                                           .arg(decided.value(QStringLiteral("kind")).toString(),
                                                decided.value(QStringLiteral("decided_by")).toString(),
                                                decided.value(QStringLiteral("decided_on")).toString(),
                                                decided.value(QStringLiteral("rationale")).toString().isEmpty()
                                                    ? QStringLiteral(".")
                                                    : QStringLiteral(": %1").arg(decided.value(QStringLiteral("rationale")).toString()));
        else
            text += QLatin1Char(' ') + tr("Not yet reviewed.");
        m_decisionState->setText(text);
    }
    const QList<QVariantMap> reviews = store.records(reviewTable());
    m_reviewId = reviews.isEmpty() ? 0 : reviews.last().value(QStringLiteral("id")).toLongLong();
    if (m_reviewId == 0) {
        m_reviewState->setText(tr("No diagnostic review. Reviews are opened for organisations in segment 4."));
    } else {
        const QVariantMap &r = reviews.last();
        m_reviewState->setText(tr("Opened in %1%2.")
                                   .arg(r.value(QStringLiteral("opened_quarter")).toString(),
                                        r.value(QStringLiteral("opened_reason")).toString().isEmpty()
                                            ? QString()
                                            : tr(" (%1)").arg(r.value(QStringLiteral("opened_reason")).toString())));
    }
    m_openReview->setVisible(m_reviewId == 0);
    m_findingsBox->setVisible(m_reviewId != 0);
    m_reviewFormBox->setVisible(m_reviewId != 0);
    fillForm(m_reviewEdits, reviewTable(), m_reviewId);
    const int findingRow = m_findings->currentRow();
    fillTable(m_findings, findingTable(), store.records(findingTable(), QStringLiteral("review_id"), m_reviewId),
              kFindingColumns, {}, {});
    // The Evidence column lists the finding's evidence items (kept in their
    // own table since schema 5), after any evidence written in the finding.
    const int evidenceColumn = int(kFindingColumns.indexOf(QStringLiteral("evidence")));
    for (int r = 0; r < m_findings->rowCount(); ++r) {
        QTableWidgetItem *item = m_findings->item(r, evidenceColumn);
        QStringList parts;
        if (!item->text().isEmpty())
            parts.append(item->text());
        for (const QVariantMap &e :
            store.records(findingEvidenceTable(), QStringLiteral("finding_id"), item->data(Qt::UserRole)))
            parts.append(e.value(QStringLiteral("title")).toString());
        item->setText(parts.join(QStringLiteral("; ")));
        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
        item->setToolTip(tr("Add or remove evidence items below the findings."));
    }
    if (m_findings->rowCount() > 0)
        m_findings->setCurrentCell(qBound(0, findingRow, m_findings->rowCount() - 1), 0);
    fillFindingEvidence();
    // Organisations the framework does not segment (ICBs in 2025/26) have no
    // segment to confirm and no segment-4 review; the programme still applies.
    const bool segmented = m_context.national->methodologyFor(m_context.quarter).isSegmented(m_context.session->identity().peerType);
    m_decisionBox->setVisible(segmented);
    m_reviewBox->setVisible(segmented || m_reviewId != 0);

    m_programmeId = store.programmeIn(m_context.quarter);
    const QList<QVariantMap> programmes = store.records(programmeTable());
    if (m_programmeId > 0) {
        const QVariantMap p = store.record(programmeTable(), m_programmeId);
        m_programmeState->setText(tr("In the %1 since %2: segment 5 until an exit is recorded.")
                                      .arg(m_context.national->methodologyFor(m_context.quarter).programmeName(),
                                           p.value(QStringLiteral("entry_quarter")).toString()));
    } else if (!programmes.isEmpty() && !programmes.last().value(QStringLiteral("exit_quarter")).toString().isEmpty()) {
        m_programmeState->setText(tr("Left the programme in %1.").arg(programmes.last().value(QStringLiteral("exit_quarter")).toString()));
    } else {
        m_programmeState->setText(tr("Not in the programme in %1.").arg(m_context.quarter));
    }
    m_enterProgramme->setVisible(m_programmeId == 0);
    m_exitProgramme->setVisible(m_programmeId != 0);
    m_criteriaBox->setVisible(m_programmeId != 0);
    m_programmeFormBox->setVisible(m_programmeId != 0);
    fillForm(m_programmeEdits, programmeTable(), m_programmeId);
    fillTable(m_criteria, criterionTable(), store.records(criterionTable(), QStringLiteral("programme_id"), m_programmeId),
              kCriterionColumns, QStringLiteral("status"), QStringLiteral("met"));
    fillTable(m_milestones, milestoneTable(), store.records(milestoneTable()), kMilestoneColumns, QStringLiteral("status"),
              QStringLiteral("done"));
    if (m_context.session->caseFile().database().schemaVersion() >= 4) {
        fillTable(m_reviews, progressReviewTable(), store.records(progressReviewTable()), kReviewMeetingColumns, {}, {});
        const QList<QVariantMap> points = store.records(trajectoryTable());
        fillTable(m_trajectory, trajectoryTable(), points, kTrajectoryColumns, {}, {});
        for (int r = 0; r < points.size(); ++r) {
            const MetricValue actual = m_context.session->caseFile()
                                           .metricValues(points.at(r).value(QStringLiteral("quarter")).toString())
                                           .value(points.at(r).value(QStringLiteral("metric_id")).toString());
            auto *item = new QTableWidgetItem(actual.toText());
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            m_trajectory->setItem(r, 3, item);
        }
        drawTrajectory();
    }
    m_loading = false;
}

void CaseworkPage::report(const QString &error)
{
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("The change was not saved"), error);
}

} // namespace owb
