#include "caseworkpage.h"
#include "decisionsection.h"

#include "casework/casesession.h"
#include "casework/metricview.h"
#include "casework/nationalcache.h"
#include "casework/plannedquarters.h"
#include "charts/trajectorychart.h"
#include "delegates/choicedelegate.h"
#include "casework/datetext.h"
#include "data/cnumber.h"
#include "widgets/dateedit.h"
#include "widgets/statusnotice.h"

#include <QDate>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QListWidget>
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
                                    QStringLiteral("done_date"), QStringLiteral("status"), QStringLiteral("owner")};

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
    , m_reviewMessage(new QLabel(this))
    , m_advanceReview(new QPushButton(tr("Move to the &Next Stage"), this))
    , m_decideReview(new QPushButton(tr("Record the Re&gional Decision..."), this))
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
    , m_programmeMessage(new QLabel(this))
    , m_milestonesState(new QLabel(this))
    , m_criteria(makeTable(this,
          { tr("Exit criterion"), tr("Measure"), tr("Target"), tr("Due"), tr("Status"), tr("Evidence") },
          tr("Exit criteria")))
    , m_criteriaBox(new QGroupBox(tr("Exit criteria (agreed at entry)"), this))
    , m_milestones(makeTable(
          this, { tr("Milestone"), tr("Due"), tr("Done"), tr("Status"), tr("Owner") }, tr("Recovery plan milestones")))
    , m_reviews(makeTable(
          this, { tr("Date"), tr("Attendees"), tr("Summary"), tr("Decisions") }, tr("Progress reviews")))
    , m_trajectory(makeTable(
          this, { tr("Metric"), tr("Quarter"), tr("Planned"), tr("Actual") }, tr("Improvement trajectory")))
    , m_trajectoryChart(new TrajectoryChart(this))
    , m_sections(new QListWidget(this))
{
    m_trajectoryChart->setAccessibleName(tr("Improvement trajectory chart (the table beside it holds the same values)"));
    for (QLabel *message : {m_reviewMessage, m_programmeMessage}) {
        message->setWordWrap(true);
        message->setStyleSheet(QStringLiteral("color: #da291c;"));
        message->hide();
    }
    connect(m_trajectory, &QTableWidget::currentCellChanged, this, &CaseworkPage::drawTrajectory);
    connect(m_reviews, &QTableWidget::cellChanged, this,
            [this](int row, int column) { tableEdited(m_reviews, progressReviewTable(), kReviewMeetingColumns, row, column); });
    connect(m_trajectory, &QTableWidget::cellChanged, this, [this](int row, int column) {
        if (column < kTrajectoryColumns.size())
            tableEdited(m_trajectory, trajectoryTable(), kTrajectoryColumns, row, column);
    });
    m_decision = new DecisionSection(this);
    m_decisionBox = m_decision;
    connect(m_decision, &DecisionSection::problem, this, &CaseworkPage::report);
    m_reviewState->setWordWrap(true);
    m_programmeState->setWordWrap(true);
    m_milestonesState->setWordWrap(true);
    connect(m_openReview, &QPushButton::clicked, this, [this] { report(openReview(QString())); });
    connect(m_advanceReview, &QPushButton::clicked, this, [this] { report(advanceReview()); });
    connect(m_decideReview, &QPushButton::clicked, this, &CaseworkPage::askReviewDecision);
    connect(m_enterProgramme, &QPushButton::clicked, this, &CaseworkPage::askProgrammeEntry);
    connect(m_exitProgramme, &QPushButton::clicked, this, &CaseworkPage::askProgrammeExit);

    using Kind = RecordField::Kind;
    QList<std::pair<QString, QString>> ratings;
    for (const NamedItem &rating : Methodology::builtIn().capabilityRatings())
        ratings.append({rating.id, rating.name});
    const CaseworkChoices &sets = Methodology::builtIn().casework();
    m_reviewEdits = buildForm(new QFormLayout(m_reviewFormBox), reviewTable(), &m_reviewId,
                              {{QStringLiteral("team"), tr("Team"), Kind::Text},
                               {QStringLiteral("scope"), tr("Scope and terms of reference"), Kind::Text},
                               {QStringLiteral("start_date"), tr("Start date"), Kind::Date},
                               {QStringLiteral("due_date"), tr("Due date"), Kind::Date},
                               {QStringLiteral("capability_conclusion"), tr("Capability conclusion"), Kind::Choice, false, {}, ratings},
                               {QStringLiteral("recommendation"), tr("Recommendation"), Kind::Choice, false, {},
                                sets.recommendations.pairs()}},
                              m_reviewMessage);
    static_cast<QFormLayout *>(m_reviewFormBox->layout())->addRow(m_reviewMessage);
    m_programmeEdits = buildForm(new QFormLayout(m_programmeFormBox), programmeTable(), &m_programmeId,
                                 {{QStringLiteral("entry_date"), tr("Entry date"), Kind::Date},
                                  {QStringLiteral("reason"), tr("Reason"), Kind::Text},
                                  {QStringLiteral("improvement_director"), tr("Improvement director"), Kind::Text},
                                  {QStringLiteral("transition_plan"), tr("Exit and transition plan"), Kind::Text}},
                                 m_programmeMessage);
    static_cast<QFormLayout *>(m_programmeFormBox->layout())->addRow(m_programmeMessage);

    auto *addFinding = new QPushButton(tr("Add &Finding..."), this);
    auto *removeFinding = new QPushButton(tr("Remove Finding"), this);
    connect(addFinding, &QPushButton::clicked, this, &CaseworkPage::askFinding);
    connect(removeFinding, &QPushButton::clicked, this, [this] {
        const int row = m_findings->currentRow();
        if (row >= 0)
            report(m_context.session->removeRecord(findingTable(), m_findings->item(row, 0)->data(Qt::UserRole).toLongLong(),
                                                   tr("Remove finding")));
    });
    auto *addCriterion = new QPushButton(tr("Add Exit &Criterion"), this);
    auto *removeCriterion = new QPushButton(tr("Remove Criterion"), this);
    connect(addCriterion, &QPushButton::clicked, this, &CaseworkPage::askCriterion);
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
    // Closed sets (style.md 18) as the methodology lists them: free text let
    // "completed" through, which no overdue check recognised.
    auto choiceColumn = [](QTableWidget *table, const QStringList &columns, const QString &column, const ChoiceSet &set) {
        auto *delegate = new ChoiceDelegate(table);
        delegate->setChoices(set.pairs());
        table->setItemDelegateForColumn(int(columns.indexOf(column)), delegate);
    };
    choiceColumn(m_milestones, kMilestoneColumns, QStringLiteral("status"), sets.milestoneStatuses);
    choiceColumn(m_criteria, kCriterionColumns, QStringLiteral("status"), sets.criterionStatuses);
    choiceColumn(m_findings, kFindingColumns, QStringLiteral("severity"), sets.severities);
    connect(addMilestoneButton, &QPushButton::clicked, this, &CaseworkPage::askMilestone);
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

    auto buttons = [](std::initializer_list<QWidget *> widgets) {
        auto *row = new QHBoxLayout;
        for (QWidget *w : widgets)
            row->addWidget(w);
        row->addStretch();
        return row;
    };
    auto *addEvidence = new QPushButton(tr("Add E&vidence Item..."), this);
    auto *removeEvidence = new QPushButton(tr("Remove Evidence Item"), this);
    connect(addEvidence, &QPushButton::clicked, this, &CaseworkPage::askEvidence);
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
    m_reviewBox = new QGroupBox(tr("Diagnostic review and findings"), this);
    auto *reviewLayout = new QVBoxLayout(m_reviewBox);
    auto *reviewTop = new QHBoxLayout;
    reviewTop->addWidget(m_reviewState, 1);
    reviewTop->addWidget(m_openReview);
    reviewTop->addWidget(m_advanceReview);
    reviewTop->addWidget(m_decideReview);
    reviewLayout->addLayout(reviewTop);
    reviewLayout->addWidget(m_reviewFormBox);
    reviewLayout->addWidget(m_findingsBox);

    auto *addReview = new QPushButton(tr("Add Progress &Review"), this);
    auto *removeReview = new QPushButton(tr("Remove Review"), this);
    connect(addReview, &QPushButton::clicked, this, &CaseworkPage::askProgressReview);
    connect(removeReview, &QPushButton::clicked, this, [this] {
        const int row = m_reviews->currentRow();
        if (row >= 0)
            report(m_context.session->removeRecord(progressReviewTable(), m_reviews->item(row, 0)->data(Qt::UserRole).toLongLong(),
                                                   tr("Remove progress review")));
    });
    auto *addPoint = new QPushButton(tr("Add &Trajectory Point..."), this);
    auto *removePoint = new QPushButton(tr("Remove Point"), this);
    connect(addPoint, &QPushButton::clicked, this, &CaseworkPage::askTrajectoryPoint);
    connect(removePoint, &QPushButton::clicked, this, [this] {
        const int row = m_trajectory->currentRow();
        if (row >= 0)
            report(m_context.session->removeRecord(trajectoryTable(), m_trajectory->item(row, 0)->data(Qt::UserRole).toLongLong(),
                                                   tr("Remove trajectory point")));
    });

    auto *criteriaLayout = new QVBoxLayout(m_criteriaBox);
    criteriaLayout->addWidget(m_criteria);
    criteriaLayout->addLayout(buttons({addCriterion, removeCriterion}));
    auto *programme = m_programmeBox = new QGroupBox(tr("Recovery Support Programme"), this);
    auto *programmeLayout = new QVBoxLayout(programme);
    auto *programmeTop = new QHBoxLayout;
    programmeTop->addWidget(m_programmeState, 1);
    programmeTop->addWidget(m_enterProgramme);
    programmeTop->addWidget(m_exitProgramme);
    programmeLayout->addLayout(programmeTop);
    programmeLayout->addWidget(m_programmeFormBox);
    programmeLayout->addWidget(m_criteriaBox);
    m_reviewsBox = new QGroupBox(tr("Progress reviews"), this);
    auto *reviewsLayout = new QVBoxLayout(m_reviewsBox);
    reviewsLayout->addWidget(m_reviews);
    reviewsLayout->addLayout(buttons({addReview, removeReview}));
    programmeLayout->addWidget(m_reviewsBox);
    m_trajectoryBox = new QGroupBox(tr("Improvement trajectory (planned against actual)"), this);
    auto *trajectoryLayout = new QGridLayout(m_trajectoryBox);
    trajectoryLayout->addWidget(m_trajectory, 0, 0);
    trajectoryLayout->addWidget(m_trajectoryChart, 0, 1);
    trajectoryLayout->addLayout(buttons({addPoint, removePoint}), 1, 0, 1, 2);
    programmeLayout->addWidget(m_trajectoryBox);

    auto *plan = m_planBox = new QGroupBox(tr("Recovery plan milestones"), this);
    auto *planLayout = new QVBoxLayout(plan);
    planLayout->addWidget(m_milestonesState);
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
    m_scroll = scroll;
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    // The navigator: one entry per section that applies, with where it
    // stands; choosing one brings the section into view.
    m_sections->setAccessibleName(tr("Casework sections"));
    m_sections->setMaximumWidth(240);
    m_sections->setSpacing(4);
    m_sections->setWordWrap(true);
    for (QWidget *box : {static_cast<QWidget *>(m_decisionBox), static_cast<QWidget *>(m_reviewBox),
                         static_cast<QWidget *>(m_programmeBox), static_cast<QWidget *>(m_planBox)}) {
        auto *item = new QListWidgetItem(m_sections);
        item->setData(Qt::UserRole, QVariant::fromValue(static_cast<QObject *>(box)));
    }
    connect(m_sections, &QListWidget::itemClicked, this, [scroll](QListWidgetItem *item) {
        auto *box = qobject_cast<QWidget *>(item->data(Qt::UserRole).value<QObject *>());
        if (box)
            scroll->verticalScrollBar()->setValue(box->y());
    });
    connect(m_sections, &QListWidget::itemActivated, m_sections, &QListWidget::itemClicked);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_sections);
    layout->addWidget(scroll, 1);
}

const CaseworkChoices &CaseworkPage::choices() const
{
    return m_context.session ? m_context.session->methodology().casework() : Methodology::builtIn().casework();
}

void CaseworkPage::setContext(const CaseContext &context)
{
    if (context.session != m_context.session && context.session)
        // Queued: an edit's own signal handler must not see its editor deleted by the reload.
        connect(context.session, &CaseSession::caseworkChanged, this, &CaseworkPage::reload,
                Qt::ConnectionType(Qt::QueuedConnection | Qt::UniqueConnection));
    const bool otherCase = context.session != m_context.session;
    m_context = context;
    reload();
    if (otherCase)  // another case starts at its top, not where the last one was left
        m_scroll->verticalScrollBar()->setValue(0);
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

qint64 CaseworkPage::currentFindingId() const
{
    const int row = m_findings->currentRow();
    return row >= 0 && m_findings->item(row, 0) ? m_findings->item(row, 0)->data(Qt::UserRole).toLongLong() : 0;
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

QHash<QString, QWidget *> CaseworkPage::buildForm(QFormLayout *form, const CaseworkTable &table,
                                                  const qint64 *recordId, const QList<RecordField> &fields,
                                                  QLabel *message)
{
    QHash<QString, QWidget *> edits;
    for (const RecordField &spec : fields) {
        const QString column = spec.column;
        QWidget *widget = nullptr;
        // Stores a value unless it is what the record already holds.
        auto store = [this, &table, recordId, column](const QString &value) {
            const qint64 id = *recordId;
            if (m_loading || !m_context.session || id == 0 || value == m_context.session->casework().field(table, id, column))
                return;
            report(m_context.session->setRecordField(table, id, column, value));
        };
        if (spec.kind == RecordField::Kind::Choice) {
            auto *box = new QComboBox(this);
            box->addItem(tr("(not set)"), QString());
            for (const auto &[id, name] : spec.choices)
                box->addItem(name, id);
            connect(box, &QComboBox::activated, this, [box, store] { store(box->currentData().toString()); });
            widget = box;
        } else if (spec.kind == RecordField::Kind::Date) {
            auto *edit = new DateEdit(this);
            // A date that cannot be read stays as typed, with what is wrong said beside it.
            connect(edit, &QLineEdit::editingFinished, this, [this, edit, message, store, &table, recordId, column] {
                if (m_loading)
                    return;
                const QDate date = edit->date();
                if (!edit->text().trimmed().isEmpty() && !date.isValid()) {
                    message->setText(tr("\"%1\" is not a date: type it as %2 or 31 Mar 2027. Nothing was saved.")
                                         .arg(edit->text(), dateHint()));
                    message->show();
                    return;
                }
                // A due date before the start (an exit before the entry) is
                // refused here, the date kept as typed.
                if (m_context.session && *recordId > 0 && date.isValid()) {
                    QVariantMap changed = m_context.session->casework().record(table, *recordId);
                    changed.insert(column, date.toString(Qt::ISODate));
                    if (const auto [later, problem] = dateOrderProblem(changed); !later.isEmpty()) {
                        message->setText(problem + QLatin1Char(' ') + tr("Nothing was saved."));
                        message->show();
                        return;
                    }
                }
                message->hide();
                store(date.isValid() ? date.toString(Qt::ISODate) : QString());
            });
            widget = edit;
        } else {
            auto *edit = new QLineEdit(this);
            connect(edit, &QLineEdit::editingFinished, this, [edit, store] { store(edit->text()); });
            widget = edit;
        }
        if (spec.kind == RecordField::Kind::Choice)
            widget->setAccessibleDescription(spec.label); // a combo box is named by its current text
        else
            widget->setAccessibleName(spec.label);
        auto *label = new QLabel(spec.label + QLatin1Char(':'), this);
        label->setBuddy(widget);
        form->addRow(label, widget);
        edits.insert(column, widget);
    }
    return edits;
}

void CaseworkPage::fillForm(const QHash<QString, QWidget *> &edits, const CaseworkTable &table, qint64 id)
{
    const QVariantMap record = id > 0 ? m_context.session->casework().record(table, id) : QVariantMap();
    for (auto it = edits.cbegin(); it != edits.cend(); ++it) {
        const QString value = record.value(it.key()).toString();
        if (auto *box = qobject_cast<QComboBox *>(it.value())) {
            // A stored value not in the methodology's list is kept and shown as such.
            int index = box->findData(value);
            if (index < 0) {
                box->addItem(tr("%1 (not in the methodology's list)").arg(value), value);
                index = box->count() - 1;
            }
            box->setCurrentIndex(index);
        } else if (auto *date = qobject_cast<DateEdit *>(it.value())) {
            if (date->date().toString(Qt::ISODate) != value || date->text().isEmpty() != value.isEmpty())
                date->setText(showDate(value));
        } else if (auto *edit = qobject_cast<QLineEdit *>(it.value())) {
            if (edit->text() != value)
                edit->setText(value);
        }
    }
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
                             && !isStatus(row.value(doneColumn).toString(), doneValue);
        for (int c = 0; c < columns.size(); ++c) {
            const QString value = row.value(columns.at(c)).toString();
            auto *item = new QTableWidgetItem(isDateColumn(columns.at(c)) ? showDate(value) : value);
            item->setData(Qt::UserRole, row.value(QStringLiteral("id")));
            if (overdue) {
                item->setForeground(QColor(0xda, 0x29, 0x1c));
                item->setToolTip(tr("Overdue: due %1").arg(showDate(due)));
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
    QString stored = value;
    if (isDateColumn(name) && !value.isEmpty()) {
        const QDate date = readUserDate(value);
        if (!date.isValid()) {
            report(tr("\"%1\" is not a date: type it as %2 or 31 Mar 2027.").arg(value, dateHint()));
            reload();
            return;
        }
        stored = date.toString(Qt::ISODate);
        if (stored == m_context.session->casework().field(source, id, name)) {
            reload(); // the same date, shown in the one format again
            return;
        }
    }
    if (&source == &milestoneTable() && name == QLatin1String("status") && isStatus(value, choices().milestoneStatuses.finalId)) {
        report(markMilestoneDone(id));
        return;
    }
    report(m_context.session->setRecordField(source, id, name, stored));
}

void CaseworkPage::reload()
{
    if (!m_context.isValid())
        return;
    m_loading = true;
    CaseworkStore &store = m_context.session->casework();
    m_decision->setContext(m_context);
    const auto assessment = m_context.session->caseFile().assessment(m_context.quarter);
    const int computed = assessment ? assessment->result.segment : 0;
    const bool segmentFour = computed == 4 || store.finalSegment(m_context.quarter, computed) == 4;
    const QList<QVariantMap> reviews = store.records(reviewTable());
    m_reviewId = reviews.isEmpty() ? 0 : reviews.last().value(QStringLiteral("id")).toLongLong();
    const ChoiceSet &stages = choices().reviewStages;
    QString stage;
    if (m_reviewId == 0) {
        m_reviewState->setText(segmentFour
                                   ? tr("No diagnostic review yet. Open a diagnostic review to find the root causes of "
                                        "segment 4 before the region decides on support.")
                                   : tr("No diagnostic review. Reviews are opened for organisations in segment 4."));
    } else {
        const QVariantMap &r = reviews.last();
        stage = r.value(QStringLiteral("status")).toString();
        int position = -1;
        for (qsizetype i = 0; i < stages.items.size(); ++i)
            if (stages.items.at(i).id == stage)
                position = int(i);
        QString text = tr("Opened in %1%2.")
                           .arg(r.value(QStringLiteral("opened_quarter")).toString(),
                                r.value(QStringLiteral("opened_reason")).toString().isEmpty()
                                    ? QString()
                                    : tr(" (%1)").arg(r.value(QStringLiteral("opened_reason")).toString()));
        text += QLatin1Char(' ')
                + (position >= 0 ? tr("Stage %1 of %2: %3.").arg(position + 1).arg(stages.items.size()).arg(stages.nameOf(stage))
                                 : tr("Stage: %1.").arg(stages.nameOf(stage)));
        if (stage == stages.finalId)
            text += QLatin1Char(' ')
                    + tr("Decision: %1 (%2, %3).")
                          .arg(choices().decisions.nameOf(r.value(QStringLiteral("decision")).toString()),
                               r.value(QStringLiteral("decision_maker")).toString(),
                               showDate(r.value(QStringLiteral("decision_date")).toString()));
        m_reviewState->setText(text);
    }
    m_openReview->setVisible(m_reviewId == 0 && segmentFour);
    const qsizetype stageIndex = [&] {
        for (qsizetype i = 0; i < stages.items.size(); ++i)
            if (stages.items.at(i).id == stage)
                return i;
        return qsizetype(-1);
    }();
    // The stages run in order; the last is reached only by recording the decision.
    const bool open = m_reviewId != 0 && stage != stages.finalId;
    const bool beforeLast = open && stageIndex + 2 < stages.items.size();
    m_advanceReview->setVisible(beforeLast);
    if (beforeLast)
        m_advanceReview->setText(tr("Move to %1").arg(stages.items.at(stageIndex + 1).name));
    m_decideReview->setVisible(open);
    m_findingsBox->setVisible(m_reviewId != 0);
    m_reviewFormBox->setVisible(m_reviewId != 0);
    refreshChoices();
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
        // Domains and metrics are picked from the methodology when the finding is added.
        for (const QString &column : {QStringLiteral("domains"), QStringLiteral("metrics")}) {
            QTableWidgetItem *picked = m_findings->item(r, int(kFindingColumns.indexOf(column)));
            picked->setFlags(picked->flags() & ~Qt::ItemIsEditable);
        }
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
        m_programmeState->setText(tr("Not in the programme in %1. Enter the programme when the region decides on "
                                     "intensive support (usually after a diagnostic review); exit criteria, progress "
                                     "reviews and the improvement trajectory are kept here then.")
                                      .arg(m_context.quarter));
    }
    // Progress reviews and the trajectory belong to the programme.
    m_reviewsBox->setVisible(m_programmeId != 0);
    m_trajectoryBox->setVisible(m_programmeId != 0);
    m_enterProgramme->setVisible(m_programmeId == 0);
    m_exitProgramme->setVisible(m_programmeId != 0);
    // Offered only where it applies (the session refuses the rest in words).
    m_enterProgramme->setEnabled(m_programmeId == 0 && store.conflict(programmeTable(), {{QStringLiteral("entry_quarter"), m_context.quarter}}).isEmpty());
    m_exitProgramme->setEnabled(m_programmeId != 0 && store.field(programmeTable(), m_programmeId, QStringLiteral("exit_quarter")).isEmpty());
    m_criteriaBox->setVisible(m_programmeId != 0);
    m_programmeFormBox->setVisible(m_programmeId != 0);
    fillForm(m_programmeEdits, programmeTable(), m_programmeId);
    fillTable(m_criteria, criterionTable(), store.records(criterionTable(), QStringLiteral("programme_id"), m_programmeId),
              kCriterionColumns, QStringLiteral("status"), choices().criterionStatuses.finalId);
    fillTable(m_milestones, milestoneTable(), store.records(milestoneTable()), kMilestoneColumns, QStringLiteral("status"),
              choices().milestoneStatuses.finalId);
    m_milestones->setVisible(m_milestones->rowCount() > 0);
    m_milestonesState->setText(m_milestones->rowCount() > 0
                                   ? tr("Overdue milestones are shown in red.")
                                   : tr("No recovery plan milestones yet. Add a milestone for each step of the "
                                        "recovery plan, with its owner and due date."));
    if (m_context.session->caseFile().database().schemaVersion() >= 4) {
        fillTable(m_reviews, progressReviewTable(), store.records(progressReviewTable()), kReviewMeetingColumns, {}, {});
        const QList<QVariantMap> points = store.records(trajectoryTable());
        fillTable(m_trajectory, trajectoryTable(), points, kTrajectoryColumns, {}, {});
        for (int r = 0; r < points.size(); ++r) {
            const MetricValue actual = m_context.session->caseFile()
                                           .metricValues(points.at(r).value(QStringLiteral("quarter")).toString())
                                           .value(points.at(r).value(QStringLiteral("metric_id")).toString());
            auto *item = new QTableWidgetItem(
                actual.kind == MetricValue::Kind::Number ? formatMeasure(actual.number) : actual.toText());
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            m_trajectory->setItem(r, 3, item);
        }
        drawTrajectory();
    }
    {
        const int overdue = store.status(m_context.quarter, QDate::currentDate(), choices()).overdue;
        describeSections(m_decision->standing(),
                         m_reviewId == 0 ? (segmentFour ? tr("None yet: open one") : tr("None"))
                                         : tr("Stage: %1").arg(stages.nameOf(stage)),
                         m_programmeId > 0 ? tr("In it since %1").arg(store.record(programmeTable(), m_programmeId)
                                                                          .value(QStringLiteral("entry_quarter"))
                                                                          .toString())
                                           : tr("Not in it"),
                         m_milestones->rowCount() == 0 ? tr("None yet")
                         : overdue > 0                 ? tr("Overdue items: %1").arg(overdue)
                                                       : tr("Milestones: %1, none overdue").arg(m_milestones->rowCount()));
    }
    m_loading = false;
}

void CaseworkPage::refreshChoices()
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
        auto *box = qobject_cast<QComboBox *>(m_reviewEdits.value(column));
        if (!box)
            continue;
        const QSignalBlocker blocker(box);
        box->clear();
        box->addItem(tr("(not set)"), QString());
        for (const auto &[id, name] : pairs)
            box->addItem(name, id);
    }
    const QList<std::tuple<QTableWidget *, QStringList, QString, const ChoiceSet *>> delegates{
        {m_milestones, kMilestoneColumns, QStringLiteral("status"), &choices().milestoneStatuses},
        {m_criteria, kCriterionColumns, QStringLiteral("status"), &choices().criterionStatuses},
        {m_findings, kFindingColumns, QStringLiteral("severity"), &choices().severities}};
    for (const auto &[table, columns, column, set] : delegates)
        if (auto *delegate = qobject_cast<ChoiceDelegate *>(table->itemDelegateForColumn(int(columns.indexOf(column)))))
            delegate->setChoices(set->pairs());
}

void CaseworkPage::describeSections(const QString &decision, const QString &review, const QString &programme,
                                    const QString &milestones)
{
    const QList<std::pair<QString, QString>> entries{{tr("Quarterly decision"), decision},
                                                     {tr("Diagnostic review and findings"), review},
                                                     {m_context.session->methodology().programmeName(), programme},
                                                     {tr("Milestones"), milestones}};
    const QList<QGroupBox *> boxes{m_decisionBox, m_reviewBox, m_programmeBox, m_planBox};
    for (int i = 0; i < entries.size(); ++i) {
        QListWidgetItem *item = m_sections->item(i);
        item->setText(entries.at(i).first + QStringLiteral("\n   ") + entries.at(i).second);
        item->setToolTip(entries.at(i).second);
        item->setHidden(boxes.at(i)->isHidden());
    }
}

void CaseworkPage::report(const QString &error)
{
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("The change was not saved"), error);
}

} // namespace owb
