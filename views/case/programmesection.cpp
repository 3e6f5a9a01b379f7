#include "programmesection.h"
#include "data/metricdataset.h"

#include "casework/casesession.h"
#include "casework/datetext.h"
#include "casework/historytext.h"
#include "casework/metricview.h"
#include "casework/nationalcache.h"
#include "casework/plannedquarters.h"
#include "casework/trajectory.h"
#include "charts/trajectorychart.h"
#include "data/cnumber.h"
#include "data/quarterlabel.h"
#include "store/schemas.h"

#include <QComboBox>
#include <QDate>
#include <algorithm>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace owb {

namespace {
const QStringList kCriterionColumns{QStringLiteral("description"), QStringLiteral("measure"), QStringLiteral("target"),
                                    QStringLiteral("due_date"), QStringLiteral("status"), QStringLiteral("evidence")};
const QStringList kReviewMeetingColumns{QStringLiteral("review_date"), QStringLiteral("attendees"),
                                        QStringLiteral("summary"), QStringLiteral("decisions")};
const QStringList kTrajectoryColumns{QStringLiteral("metric_id"), QStringLiteral("quarter"), QStringLiteral("planned")};
const QStringList kHistoryColumns{QStringLiteral("entry_quarter"), QStringLiteral("entry_date"), QStringLiteral("reason"),
                                  QStringLiteral("improvement_director"), QStringLiteral("exit_quarter"),
                                  QStringLiteral("exit_date"), QStringLiteral("transition_plan")};
const QColor kMissed(0xda, 0x29, 0x1c);
} // namespace

ProgrammeSection::ProgrammeSection(QWidget *parent)
    : CaseworkSection(tr("Recovery Support Programme"), parent)
    , m_state(new QLabel(this))
    , m_enter(new QPushButton(tr("Enter the &Programme..."), this))
    , m_exit(new QPushButton(tr("Record E&xit..."), this))
    , m_formBox(new QWidget(this))
    , m_message(makeMessage())
    , m_criteriaBox(new QGroupBox(tr("Exit criteria (agreed at entry)"), this))
    , m_criteria(makeTable(this, {tr("Exit criterion"), tr("Measure"), tr("Target"), tr("Due"), tr("Status"), tr("Evidence")},
                           tr("Exit criteria")))
    , m_reviewsBox(new QGroupBox(tr("Progress reviews"), this))
    , m_reviews(makeTable(this, {tr("Date"), tr("Attendees"), tr("Summary"), tr("Decisions")}, tr("Progress reviews"), 2))
    , m_trajectoryBox(new QGroupBox(tr("Improvement trajectory (planned against actual)"), this))
    , m_trajectoryState(new QLabel(this))
    , m_trajectory(makeTable(this, {tr("Metric"), tr("Quarter"), tr("Planned"), tr("Actual")}, tr("Improvement trajectory")))
    , m_chart(new TrajectoryChart(this))
    , m_historyBox(new QGroupBox(tr("Programmes left (read-only)"), this))
    , m_history(makeTable(this,
                          {tr("Entered"), tr("Entry date"), tr("Reason"), tr("Director"), tr("Left"), tr("Exit date"),
                           tr("Transition plan"), tr("Exit criteria")},
                          tr("Programmes left")))
    , m_criteriaEmpty(new QLabel(tr("No exit criteria yet. Add the conditions agreed at entry for leaving the programme."), this))
    , m_reviewsEmpty(new QLabel(tr("No progress reviews yet. Add one after each progress review meeting."), this))
{
    m_criteriaEmpty->setWordWrap(true);
    m_reviewsEmpty->setWordWrap(true);
    m_state->setWordWrap(true);
    m_trajectoryState->setWordWrap(true);
    m_chart->setAccessibleName(tr("Improvement trajectory chart (the table beside it holds the same values)"));
    connect(m_enter, &QPushButton::clicked, this, &ProgrammeSection::askProgrammeEntry);
    connect(m_exit, &QPushButton::clicked, this, &ProgrammeSection::askProgrammeExit);
    m_held->add({m_enter, m_exit});

    using Kind = RecordField::Kind;
    m_edits = buildForm(new QFormLayout(m_formBox), programmeTable(), &m_programmeId,
                        {{QStringLiteral("entry_date"), tr("Entry date"), Kind::Date},
                         {QStringLiteral("reason"), tr("Reason"), Kind::Text},
                         {QStringLiteral("improvement_director"), tr("Improvement director"), Kind::Text},
                         {QStringLiteral("transition_plan"), tr("Exit and transition plan"), Kind::Text}},
                        m_message);
    static_cast<QFormLayout *>(m_formBox->layout())->addRow(m_message);

    auto *addCriterion = new QPushButton(tr("Add Exit &Criterion..."), this);
    auto *removeCriterion = m_removeCriterion = new QPushButton(tr("Remove Criterion"), this);
    connect(addCriterion, &QPushButton::clicked, this, &ProgrammeSection::askCriterion);
    connect(removeCriterion, &QPushButton::clicked, this,
            [this] { removeSelected(m_criteria, criterionTable(), tr("Remove exit criterion")); });
    choiceColumn(m_criteria, kCriterionColumns, QStringLiteral("status"), criterionTable());
    refreshChoice(m_criteria, kCriterionColumns, QStringLiteral("status"), choices().criterionStatuses);
    editsGoTo(m_criteria, criterionTable(), kCriterionColumns);
    auto *addReview = new QPushButton(tr("Add Progress &Review..."), this);
    auto *removeReview = m_removeReview = new QPushButton(tr("Remove Review"), this);
    connect(addReview, &QPushButton::clicked, this, &ProgrammeSection::askProgressReview);
    connect(removeReview, &QPushButton::clicked, this,
            [this] { removeSelected(m_reviews, progressReviewTable(), tr("Remove progress review")); });
    editsGoTo(m_reviews, progressReviewTable(), kReviewMeetingColumns);
    auto *addPoint = new QPushButton(tr("Add &Trajectory Point..."), this);
    auto *removePoint = m_removePoint = new QPushButton(tr("Remove Point"), this);
    connect(addPoint, &QPushButton::clicked, this, &ProgrammeSection::askTrajectoryPoint);
    connect(removePoint, &QPushButton::clicked, this,
            [this] { removeSelected(m_trajectory, trajectoryTable(), tr("Remove trajectory point")); });
    editsGoTo(m_trajectory, trajectoryTable(), kTrajectoryColumns);
    connect(m_trajectory, &QTableWidget::currentCellChanged, this, &ProgrammeSection::drawTrajectory);
    // Each Remove acts on the row selected: offered only with one selected.
    rowActions(m_criteria, {removeCriterion});
    rowActions(m_reviews, {removeReview});
    rowActions(m_trajectory, {removePoint});
    m_held->add({addCriterion, addReview, addPoint});
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setWordWrap(true);

    auto *criteriaLayout = new QVBoxLayout(m_criteriaBox);
    criteriaLayout->addWidget(m_criteriaEmpty);
    criteriaLayout->addWidget(m_criteria);
    criteriaLayout->addLayout(buttonRow({addCriterion, removeCriterion}));
    auto *reviewsLayout = new QVBoxLayout(m_reviewsBox);
    reviewsLayout->addWidget(m_reviewsEmpty);
    reviewsLayout->addWidget(m_reviews);
    reviewsLayout->addLayout(buttonRow({addReview, removeReview}));
    auto *trajectoryLayout = new QGridLayout(m_trajectoryBox);
    trajectoryLayout->addWidget(m_trajectoryState, 0, 0, 1, 2);
    // The table in a column of its own, so that a value refused in a cell is
    // said under it (showCellProblem).
    auto *trajectoryColumn = new QVBoxLayout;
    trajectoryColumn->addWidget(m_trajectory);
    trajectoryLayout->addLayout(trajectoryColumn, 1, 0);
    trajectoryLayout->addWidget(m_chart, 1, 1);
    trajectoryLayout->addLayout(buttonRow({addPoint, removePoint}), 2, 0, 1, 2);
    auto *historyLayout = new QVBoxLayout(m_historyBox);
    historyLayout->addWidget(m_history);

    // The state across the section, its buttons under it (narrow windows).
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addLayout(buttonRow({m_enter, m_exit}));
    layout->addWidget(m_formBox);
    layout->addWidget(m_criteriaBox);
    layout->addWidget(m_reviewsBox);
    layout->addWidget(m_trajectoryBox);
    layout->addWidget(m_historyBox);
}

void ProgrammeSection::reload()
{
    m_loading = true;
    CaseworkStore &store = m_context.session->casework();
    // As the quarter's year calls it (or, in a year without a programme, the year the organisation entered it).
    const QString programmeName = m_context.national->programmeNameIn(m_context.quarter);
    setTitle(programmeName);
    m_programmeId = store.programmeIn(m_context.quarter);
    // As of the quarter in view: a programme entered later was not there yet.
    QList<QVariantMap> programmes;
    for (const QVariantMap &p : store.records(programmeTable())) {
        const QString entry = p.value(QStringLiteral("entry_quarter")).toString();
        if (entry.isEmpty() || !quarterLessThan(m_context.quarter, entry))
            programmes.append(p);
    }
    if (m_programmeId > 0) {
        const QVariantMap p = store.record(programmeTable(), m_programmeId);
        const QString entry = p.value(QStringLiteral("entry_quarter")).toString();
        // A year without a programme segment: the programme does not set the segment then.
        QString text = store.hasProgrammeSegment(m_context.quarter)
                           ? tr("In the %1 since %2: %3 until an exit is recorded.").arg(programmeName, entry, segmentFive())
                           : tr("In the %1 since %2; %3 has no programme segment, so the segment is the computed or "
                                "decided one.")
                                 .arg(programmeName, entry, yearOfQuarter(m_context.quarter));
        // An exit is recorded in a quarter after the entry quarter.
        if (entry == m_context.quarter)
            text += QLatin1Char(' ')
                    + tr("An exit is recorded in a later quarter than %1, the entry quarter: choose that quarter to record it.")
                          .arg(entry);
        m_state->setText(text);
    } else if (const QString blocked = store.conflict(programmeTable(), {{QStringLiteral("entry_quarter"), m_context.quarter}});
               !blocked.isEmpty()) {
        // Why "Enter the Programme" is not offered here.
        m_state->setText(tr("Not in the programme in %1. %2").arg(m_context.quarter, blocked));
    } else if (!programmes.isEmpty() && !programmes.last().value(QStringLiteral("exit_quarter")).toString().isEmpty()) {
        m_state->setText(tr("Left the programme in %1.").arg(programmes.last().value(QStringLiteral("exit_quarter")).toString()));
    } else {
        m_state->setText(tr("Not in the programme in %1. Enter the programme when the region decides on "
                            "intensive support (usually after a diagnostic review); exit criteria, progress "
                            "reviews and the improvement trajectory are kept here then.")
                             .arg(m_context.quarter));
    }
    // Exit criteria, progress reviews and the trajectory belong to the programme.
    const bool in = m_programmeId != 0;
    m_formBox->setVisible(in);
    m_criteriaBox->setVisible(in);
    m_reviewsBox->setVisible(in);
    m_trajectoryBox->setVisible(in);
    m_enter->setVisible(!in);
    m_exit->setVisible(in);
    // Offered only where it applies (the session refuses the rest in words).
    m_held->setEnabled(m_enter, !in && store.conflict(programmeTable(), {{QStringLiteral("entry_quarter"), m_context.quarter}}).isEmpty());
    m_held->setEnabled(m_exit, in && store.field(programmeTable(), m_programmeId, QStringLiteral("exit_quarter")).isEmpty()
                                   && entryQuarter() != m_context.quarter);
    refreshChoice(m_criteria, kCriterionColumns, QStringLiteral("status"), choices().criterionStatuses);
    fillForm(m_edits, programmeTable(), m_programmeId);
    fillTable(m_criteria, store.records(criterionTable(), QStringLiteral("programme_id"), m_programmeId), kCriterionColumns,
              QStringLiteral("status"), choices().criterionStatuses.finalId);
    // An empty table says so; nothing to remove without a row.
    m_criteriaEmpty->setVisible(m_criteria->rowCount() == 0);
    m_criteria->setVisible(m_criteria->rowCount() > 0);
    m_offTrajectory.clear();
    if (caseSchemaVersion(m_context.session->caseFile().database()) >= 4) {
        fillTable(m_reviews, store.records(progressReviewTable()), kReviewMeetingColumns);
        fillTrajectory();
    }
    m_reviewsEmpty->setVisible(m_reviews->rowCount() == 0);
    m_reviews->setVisible(m_reviews->rowCount() > 0);
    fillHistory();
    const QString left = programmes.isEmpty() ? QString() : programmes.last().value(QStringLiteral("exit_quarter")).toString();
    m_standing = in              ? tr("In it since %1").arg(store.record(programmeTable(), m_programmeId)
                                                                .value(QStringLiteral("entry_quarter"))
                                                                .toString())
                 : left.isEmpty() ? tr("Not in it")
                                  : tr("Not in it; left in %1").arg(left);
    if (in && !m_offTrajectory.isEmpty())
        m_standing += QStringLiteral("; ") + tr("off trajectory in %1").arg(m_context.quarter);
    // Overdue exit criteria are counted here, where they are (milestones under Milestones).
    if (const int overdue = store.status(m_context.quarter, QDate::currentDate(), choices(), m_context.quarters.value(m_context.quarters.size() - 1)).overdueCriteria; in && overdue > 0)
        m_standing += QStringLiteral("; ") + tr("exit criteria overdue: %1").arg(overdue);
    m_loading = false;
}

void ProgrammeSection::fillTrajectory()
{
    // In quarter order, then metric.
    QList<QVariantMap> points = m_context.session->casework().records(trajectoryTable());
    std::stable_sort(points.begin(), points.end(), [](const QVariantMap &a, const QVariantMap &b) {
        const int qa = quarterKey(a.value(QStringLiteral("quarter")).toString());
        const int qb = quarterKey(b.value(QStringLiteral("quarter")).toString());
        if (qa != qb)
            return qa < qb;
        return a.value(QStringLiteral("metric_id")).toString() < b.value(QStringLiteral("metric_id")).toString();
    });
    const Methodology &methodology = m_context.session->methodology();
    QList<std::pair<QString, QString>> metricNames;
    for (const MetricDefinition &m : methodology.metrics())
        metricNames.append({m.id, QStringLiteral("%1 %2").arg(m.id, m.name)});
    namedColumn(m_trajectory, kTrajectoryColumns, QStringLiteral("metric_id"), metricNames);
    fillTable(m_trajectory, points, kTrajectoryColumns);
    // The metric and quarter are picked in the form (one point per metric and
    // quarter); a point planned wrongly is removed and added again.
    for (int r = 0; r < m_trajectory->rowCount(); ++r)
        for (int c : {0, 1})
            m_trajectory->item(r, c)->setFlags(m_trajectory->item(r, c)->flags() & ~Qt::ItemIsEditable);
    QHash<qint64, TrajectoryCheck> checks;
    for (const TrajectoryCheck &check : checkTrajectory(m_context.session->caseFile(), m_context.session->casework(), methodology))
        checks.insert(check.id, check);
    QStringList missed;
    QStringList ahead;
    QStringList notCounted;
    const QString latest = m_context.quarters.isEmpty() ? QString() : m_context.quarters.last();
    for (int r = 0; r < points.size(); ++r) {
        const qint64 id = points.at(r).value(QStringLiteral("id")).toLongLong();
        const QString quarter = points.at(r).value(QStringLiteral("quarter")).toString();
        const QString metricId = points.at(r).value(QStringLiteral("metric_id")).toString();
        const MetricDefinition *definition = methodology.metric(metricId);
        // Planned and actual in the metric's own format ("3.50%"), as every
        // other view shows its values; a planned value typed as such reads back.
        const auto measure = [definition](double value) {
            return definition ? formatMetricMeasure(*definition, value) : formatMeasure(value);
        };
        if (const auto planned = plannedValue(m_trajectory->item(r, 2)->text()))
            m_trajectory->item(r, 2)->setText(measure(*planned));
        const MetricValue actual = m_context.session->caseFile().metricValues(quarter).value(metricId);
        auto *item = new QTableWidgetItem(actual.kind == MetricValue::Kind::Number ? measure(actual.number)
                                                                                   : actual.toText());
        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
        m_trajectory->setItem(r, 3, item);
        const TrajectoryCheck check = checks.value(id);
        // A plan for a quarter out of the programme (from its exit on) is
        // kept, not counted, whether or not its data has come.
        if (checks.contains(id) && !check.inProgramme) {
            item->setText(item->text().isEmpty()
                              ? tr("not counted: not in the programme in %1").arg(quarter)
                              : tr("%1 (not counted: not in the programme in %2)").arg(item->text(), quarter));
            item->setToolTip(tr("The trajectory counts only in quarters in the programme."));
            notCounted.append(quarter);
        } else if (!m_context.quarters.contains(quarter)) {
            ahead.append(quarter);
        }
        if (!check.offTrajectory)
            continue;
        const QString way = definition && definition->direction == Direction::Lower ? tr("lower is better")
                                                                                    : tr("higher is better");
        const QString why = tr("Off trajectory: %1 planned, %2 actual (%3).")
                                .arg(measure(check.planned), measure(*check.actual), way);
        for (int c = 0; c < m_trajectory->columnCount(); ++c) {
            m_trajectory->item(r, c)->setForeground(kMissed);
            m_trajectory->item(r, c)->setToolTip(why);
        }
        item->setText(tr("%1 (off trajectory)").arg(item->text()));
        missed.append(tr("%1 in %2 (%3 planned, %4 actual, %5)")
                          .arg(metricName(methodology, check.metricId), check.quarter, measure(check.planned),
                               measure(*check.actual), way));
        if (check.quarter == m_context.quarter)
            m_offTrajectory = check.metricId;
    }
    ahead.removeDuplicates();
    notCounted.removeDuplicates();
    QString text;
    if (points.isEmpty())
        text = tr("No trajectory yet. Add a trajectory point for each quarter ahead with the value the recovery plan "
                  "expects; the actual values are read from the metric data as they come.");
    else if (!missed.isEmpty())
        text = tr("Off trajectory: %1.").arg(missed.join(QStringLiteral("; ")));
    else
        text = tr("On trajectory in every quarter with data so far.");
    if (!ahead.isEmpty())
        text += QLatin1Char(' ') + tr("Planned ahead: %1.").arg(ahead.join(QStringLiteral(", ")));
    if (!notCounted.isEmpty())
        text += QLatin1Char(' ')
                + tr("Not counted, as the organisation is not in the programme then: %1.")
                      .arg(notCounted.join(QStringLiteral(", ")));
    m_trajectoryState->setText(text);
    m_trajectoryState->setStyleSheet(missed.isEmpty() ? QString() : QStringLiteral("color: #da291c;"));
    // No blank table beside an empty chart box: the line above says what is missing.
    m_trajectory->setVisible(!points.isEmpty());
    m_chart->setVisible(!points.isEmpty());
    drawTrajectory();
}

void ProgrammeSection::fillHistory()
{
    // Every programme left, whole and read-only: entry, reason, director,
    // exit, the transition plan and where each exit criterion stood.
    CaseworkStore &store = m_context.session->casework();
    QList<QVariantMap> left;
    for (const QVariantMap &p : store.records(programmeTable()))
        if (p.value(QStringLiteral("id")).toLongLong() != m_programmeId
            && !p.value(QStringLiteral("exit_quarter")).toString().isEmpty())
            left.append(p);
    fillTable(m_history, left, kHistoryColumns);
    for (int r = 0; r < left.size(); ++r) {
        QStringList criteria;
        for (const QVariantMap &c : store.records(criterionTable(), QStringLiteral("programme_id"), left.at(r).value(QStringLiteral("id"))))
            criteria.append(tr("%1 (%2)").arg(c.value(QStringLiteral("description")).toString(),
                                              choices().criterionStatuses.nameOf(c.value(QStringLiteral("status")).toString())));
        auto *item = new QTableWidgetItem(criteria.join(QStringLiteral("; ")));
        m_history->setItem(r, int(kHistoryColumns.size()), item);
        for (int c = 0; c < m_history->columnCount(); ++c)
            m_history->item(r, c)->setToolTip(m_history->item(r, c)->text());
    }
    m_history->resizeRowsToContents();
    m_historyBox->setVisible(!left.isEmpty());
}

void ProgrammeSection::drawTrajectory()
{
    // The metric of the selected point (else the first), its actual values
    // and every point planned for it.
    TrajectoryData data;
    const int row = qMax(0, m_trajectory->currentRow());
    if (m_trajectory->rowCount() > 0 && m_context.session && m_trajectory->item(row, 0)) {
        data.metricId = storedValue(m_trajectory, row, 0);
        if (const MetricDefinition *metric = m_context.session->methodology().metric(data.metricId)) {
            data.units = metric->units;
            data.metricName = metric->name;
            data.minimum = metric->minimum;
            data.maximum = metric->maximum;
        }
        data.quarters = plannableQuarters(m_context.quarters);
        // What is stored, never what a cell shows (a value typed and refused
        // stays in its cell, explained, and is not drawn).
        QList<QPointF> planned;
        for (const QVariantMap &p : m_context.session->casework().records(trajectoryTable())) {
            const int x = int(data.quarters.indexOf(p.value(QStringLiteral("quarter")).toString()));
            const auto value = plannedValue(p.value(QStringLiteral("planned")).toString());
            if (p.value(QStringLiteral("metric_id")).toString() == data.metricId && x >= 0 && value)
                planned.append(QPointF(x, *value));
        }
        std::sort(planned.begin(), planned.end(), [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
        data.planned = planned;
        for (int q = 0; q < m_context.quarters.size(); ++q) {
            const MetricValue v = m_context.session->caseFile().metricValues(m_context.quarters.at(q)).value(data.metricId);
            if (v.kind == MetricValue::Kind::Number)
                data.actual.append(QPointF(q, v.number));
        }
    }
    m_chart->setData(data);
}

// Actions: each one edit through the session (one undo step), returning what
// went wrong in plain words, or nothing.

QString ProgrammeSection::segmentFive() const
{
    const bool segmented = !m_context.session || !m_context.national
                           || m_context.national->methodologyFor(m_context.quarter).isSegmented(m_context.session->identity().peerType);
    return segmented ? tr("segment 5") : tr("equivalent to segment 5");
}

QString ProgrammeSection::entryQuarter() const
{
    return m_programmeId > 0 ? m_context.session->casework().field(programmeTable(), m_programmeId, QStringLiteral("entry_quarter"))
                             : QString();
}

QString ProgrammeSection::enterProgramme(const QString &reason, const QString &director)
{
    return m_context.session->enterProgramme(m_context.quarter, reason, director);
}

QString ProgrammeSection::recordExit(const QString &transitionPlan, const QDate &date)
{
    return m_context.session->recordExit(m_context.quarter, transitionPlan, date);
}

QString ProgrammeSection::addTrajectoryPoint(const QString &metricId, const QString &quarter, const QString &planned)
{
    // Checked by the session as every write is (a number in the metric's
    // range, a metric of the methodology: fieldValueProblem).
    return m_context.session->addRecord(trajectoryTable(),
                                        {{QStringLiteral("metric_id"), metricId},
                                         {QStringLiteral("quarter"), quarter},
                                         {QStringLiteral("planned"), planned}},
                                        tr("Add trajectory point"));
}

QStringList ProgrammeSection::unmetCriteria() const
{
    QStringList unmet;
    if (m_programmeId == 0)
        return unmet;
    const QDate today = QDate::currentDate();
    const ChoiceSet &statuses = choices().criterionStatuses;
    for (const QVariantMap &c :
         m_context.session->casework().records(criterionTable(), QStringLiteral("programme_id"), m_programmeId)) {
        const QString status = c.value(QStringLiteral("status")).toString();
        if (isStatus(status, statuses.finalId))
            continue;
        const QDate due = QDate::fromString(c.value(QStringLiteral("due_date")).toString(), Qt::ISODate);
        const QString where = status.isEmpty() ? tr("no status") : statuses.nameOf(status);
        unmet.append(due.isValid() && due < today
                         ? tr("%1 (%2; overdue, due %3)").arg(c.value(QStringLiteral("description")).toString(), where, showDate(due))
                         : tr("%1 (%2)").arg(c.value(QStringLiteral("description")).toString(), where));
    }
    return unmet;
}

// The forms: one titled RecordDialog per record, with the methodology's
// choices and sensible defaults.

void ProgrammeSection::askCriterion()
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
    dialog.checkAs(criterionTable(), m_context.session->methodology());
    // Not due before the programme's entry, said beside the due date.
    const qint64 programme = m_programmeId;
    CaseworkStore *store = &m_context.session->casework();
    dialog.setCheck([store, programme](const QVariantMap &v) {
        QVariantMap values = v;
        values.insert(QStringLiteral("programme_id"), programme);
        return store->orderProblem(criterionTable(), values);
    });
    dialog.setSave(
        [this](QVariantMap values) {
            values.insert(QStringLiteral("programme_id"), m_programmeId);
            return m_context.session->addRecord(criterionTable(), values, tr("Add exit criterion"));
        },
        m_context.session);
    dialog.exec();
}

void ProgrammeSection::askProgressReview()
{
    using Kind = RecordField::Kind;
    RecordDialog dialog(tr("Add Progress Review"), tr("A progress review of the programme."),
                        {{QStringLiteral("review_date"), tr("Date"), Kind::Date, true,
                          std::max(QDate::currentDate(), QDate::fromString(m_context.session->casework().field(programmeTable(), m_programmeId, QStringLiteral("entry_date")), Qt::ISODate))},
                         {QStringLiteral("attendees"), tr("Attendees"), Kind::Text},
                         {QStringLiteral("summary"), tr("Summary"), Kind::Paragraph, true},
                         {QStringLiteral("decisions"), tr("Decisions"), Kind::Paragraph}},
                        this);
    dialog.checkAs(progressReviewTable(), m_context.session->methodology());
    // Not before the programme's entry, said beside the date.
    CaseworkStore *store = &m_context.session->casework();
    dialog.setCheck([store](const QVariantMap &v) { return store->orderProblem(progressReviewTable(), v); });
    dialog.setSave(
        [this](const QVariantMap &v) {
            return m_context.session->addRecord(progressReviewTable(), v, tr("Add progress review"));
        },
        m_context.session);
    dialog.exec();
}

void ProgrammeSection::askTrajectoryPoint()
{
    QList<std::pair<QString, QString>> metrics;
    for (const MetricDefinition &m : m_context.session->methodology().metrics())
        if (m.appliesTo.contains(m_context.session->identity().peerType) && !m.isBanded())
            metrics.append({m.id, m.units.isEmpty() ? QStringLiteral("%1  %2").arg(m.id, m.name)
                                                    : QStringLiteral("%1  %2 (%3)").arg(m.id, m.name, m.units)});
    // A trajectory is planned forward: the quarters after the latest too,
    // the first one not planned yet offered first.
    // From the programme's entry quarter on: the plan starts at entry.
    const QString entry = entryQuarter();
    QStringList plannable = plannableQuarters(m_context.quarters);
    plannable.removeIf([&entry](const QString &q) { return !entry.isEmpty() && quarterLessThan(q, entry); });
    QList<std::pair<QString, QString>> quarters;
    for (const QString &q : plannable)
        quarters.append({q, m_context.quarters.contains(q) ? q : tr("%1 (ahead)").arg(q)});
    const QString next = plannable.value(int(plannable.indexOf(m_context.quarter)) + 1, m_context.quarter);
    using Kind = RecordField::Kind;
    RecordDialog dialog(tr("Add Trajectory Point"),
                        tr("The value the recovery plan expects for a metric in a quarter: any quarter from the programme's "
                           "entry to %1, two years after the latest quarter with data. "
                           "The actual value is read from the metric data when that quarter's data comes.")
                            .arg(plannable.isEmpty() ? m_context.quarter : plannable.last()),
                        {{QStringLiteral("metric_id"), tr("Metric"), Kind::Choice, true, {}, metrics},
                         {QStringLiteral("quarter"), tr("Quarter"), Kind::Choice, true, next, quarters},
                         {QStringLiteral("planned"), tr("Planned value"), Kind::Text, true}},
                        this);
    dialog.checkAs(trajectoryTable(), m_context.session->methodology());
    // The quarter offered is the first not planned yet for the metric chosen
    // (tester, issue 13 round 7: it opened on a quarter already planned).
    auto *metricBox = qobject_cast<QComboBox *>(dialog.field(QStringLiteral("metric_id")));
    auto *quarterBox = qobject_cast<QComboBox *>(dialog.field(QStringLiteral("quarter")));
    if (metricBox && quarterBox) {
        const QList<QVariantMap> points = m_context.session->casework().records(trajectoryTable());
        auto offerFree = [metricBox, quarterBox, points, plannable, next] {
            QStringList planned;
            for (const QVariantMap &p : points)
                if (p.value(QStringLiteral("metric_id")).toString() == metricBox->currentData().toString())
                    planned.append(p.value(QStringLiteral("quarter")).toString());
            if (const int index = quarterBox->findData(firstUnplannedQuarter(plannable, next, planned)); index >= 0)
                quarterBox->setCurrentIndex(index);
        };
        connect(metricBox, &QComboBox::currentIndexChanged, &dialog, offerFree);
        offerFree();
    }
    // The planned value is checked by the model's rule (checkAs: a number in
    // the metric's range), explained beside the field.
    const Methodology &methodology = m_context.session->methodology();
    CaseworkStore *store = &m_context.session->casework();
    dialog.setCheck([&methodology, store](const QVariantMap &v) -> std::pair<QString, QString> {
        // One point per metric and quarter, refused here with the input kept.
        if (const QString twice = store->conflict(trajectoryTable(), v, &methodology); !twice.isEmpty())
            return {QStringLiteral("quarter"), twice};
        return {};
    });
    dialog.setSave(
        [this](const QVariantMap &v) {
            return addTrajectoryPoint(v.value(QStringLiteral("metric_id")).toString(),
                                      v.value(QStringLiteral("quarter")).toString(),
                                      v.value(QStringLiteral("planned")).toString());
        },
        m_context.session);
    dialog.exec();
}

void ProgrammeSection::askProgrammeEntry()
{
    using Kind = RecordField::Kind;
    RecordDialog dialog(tr("Enter the Programme"),
                        tr("The regional decision to enter the %1: %2 from %3 until an exit is recorded.")
                            .arg(m_context.national->programmeNameIn(m_context.quarter), segmentFive(), m_context.quarter),
                        {{QStringLiteral("reason"), tr("Reason for entering"), Kind::Paragraph, true},
                         {QStringLiteral("improvement_director"), tr("Improvement director"), Kind::Text},
                         {QStringLiteral("entry_date"), tr("Entry date"), Kind::Date, true, dayIn(m_context.quarter, QDate::currentDate())}},
                        this);
    dialog.checkAs(programmeTable(), m_context.session->methodology(), {{QStringLiteral("entry_quarter"), m_context.quarter}});
    // The entry date falls in the entry quarter, said beside it.
    // and not before an exit already recorded.
    const QString quarter = m_context.quarter;
    CaseworkStore *store = &m_context.session->casework();
    dialog.setCheck([quarter, store](const QVariantMap &v) {
        QVariantMap values = v;
        values.insert(QStringLiteral("entry_quarter"), quarter);
        return store->orderProblem(programmeTable(), values);
    });
    dialog.setSave(
        [this](QVariantMap values) {
            values.insert(QStringLiteral("entry_quarter"), m_context.quarter);
            return m_context.session->addRecord(programmeTable(), values, tr("Enter the programme"));
        },
        m_context.session);
    dialog.exec();
}

void ProgrammeSection::askProgrammeExit()
{
    // Criteria agreed at entry and not met are named before anything is typed.
    if (const QStringList unmet = unmetCriteria(); !unmet.isEmpty()) {
        QMessageBox box(QMessageBox::Warning, tr("Exit Criteria Not Met"),
                        tr("Exit criteria agreed at entry that are not met:")
                            + QStringLiteral("\n\n• ") + unmet.join(QStringLiteral("\n• ")) + QStringLiteral("\n\n")
                            + tr("Record the exit anyway? The criteria stay as they are, kept with the programme."),
                        QMessageBox::Cancel, this);
        box.addButton(tr("Record Exit Anyway"), QMessageBox::AcceptRole);
        box.setDefaultButton(QMessageBox::Cancel);
        if (box.exec() == QMessageBox::Cancel || box.clickedButton() == box.button(QMessageBox::Cancel))
            return;
    }
    using Kind = RecordField::Kind;
    const QVariantMap entered = m_programmeId > 0 ? m_context.session->casework().record(programmeTable(), m_programmeId) : QVariantMap();
    // A plan written before the exit (at entry, or since) is where the form starts.
    RecordDialog dialog(tr("Record Exit"),
                        tr("The exit from the programme in %1: no longer %2 from then on.").arg(m_context.quarter, segmentFive()),
                        {{QStringLiteral("transition_plan"), tr("Exit and transition plan"), Kind::Paragraph, true,
                          entered.value(QStringLiteral("transition_plan")).toString()},
                         {QStringLiteral("exit_date"), tr("Exit date"), Kind::Date, true, dayIn(m_context.quarter, QDate::currentDate())}},
                        this);
    dialog.checkAs(programmeTable(), m_context.session->methodology(), entered);
    // The exit against the entry already recorded, said beside the exit date.
    const QString quarter = m_context.quarter;
    dialog.setCheck([entered, quarter](const QVariantMap &v) -> std::pair<QString, QString> {
        QVariantMap both = entered;
        both.insert(QStringLiteral("exit_quarter"), quarter);
        both.insert(QStringLiteral("exit_date"), v.value(QStringLiteral("exit_date")));
        if (const auto problem = dateOrderProblem(both, QStringLiteral("exit_quarter")); !problem.first.isEmpty())
            return {QStringLiteral("exit_date"), problem.second};
        return dateOrderProblem(both, QStringLiteral("exit_date"));
    });
    dialog.setSave(
        [this](const QVariantMap &v) {
            return recordExit(v.value(QStringLiteral("transition_plan")).toString(),
                              QDate::fromString(v.value(QStringLiteral("exit_date")).toString(), Qt::ISODate));
        },
        m_context.session);
    dialog.exec();
}

} // namespace owb
