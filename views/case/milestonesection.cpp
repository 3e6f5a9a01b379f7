#include "milestonesection.h"

#include "casework/casesession.h"
#include "casework/datetext.h"

#include "widgets/dateedit.h"

#include <QComboBox>
#include <QDate>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace owb {

namespace {
const QStringList kMilestoneColumns{QStringLiteral("description"), QStringLiteral("due_date"),
                                    QStringLiteral("done_date"), QStringLiteral("status"), QStringLiteral("owner")};
} // namespace

MilestoneSection::MilestoneSection(QWidget *parent)
    : CaseworkSection(tr("Recovery plan milestones"), parent)
    , m_state(new QLabel(this))
    , m_milestones(makeTable(this, {tr("Milestone"), tr("Due"), tr("Done"), tr("Status"), tr("Owner")},
                             tr("Recovery plan milestones")))
{
    m_state->setWordWrap(true);
    auto *add = new QPushButton(tr("Add &Milestone..."), this);
    auto *remove = m_remove = new QPushButton(tr("Remove Milestone"), this);
    auto *done = m_done = new QPushButton(tr("Mark Milestone Do&ne"), this);
    connect(add, &QPushButton::clicked, this, &MilestoneSection::askMilestone);
    connect(remove, &QPushButton::clicked, this,
            [this] { removeSelected(m_milestones, milestoneTable(), tr("Remove milestone")); });
    connect(done, &QPushButton::clicked, this, [this] {
        // The selected row (a screen reader selects without moving the current cell).
        const int row = selectedRow(m_milestones);
        if (row < 0)
            report(tr("Select the milestone that is done first."));
        else
            report(markMilestoneDone(m_milestones->item(row, 0)->data(Qt::UserRole).toLongLong()));
    });
    choiceColumn(m_milestones, kMilestoneColumns, QStringLiteral("status"), milestoneTable());
    refreshChoice(m_milestones, kMilestoneColumns, QStringLiteral("status"), choices().milestoneStatuses);
    connect(m_milestones, &QTableWidget::cellChanged, this, [this](int row, int column) {
        if (m_loading || !m_context.session || column >= kMilestoneColumns.size())
            return;
        // A status set to done fills the date it was done, as the button does.
        if (kMilestoneColumns.at(column) == QLatin1String("status")
            && isStatus(m_milestones->item(row, column)->text().trimmed(), choices().milestoneStatuses.finalId)) {
            report(markMilestoneDone(m_milestones->item(row, column)->data(Qt::UserRole).toLongLong()));
            return;
        }
        tableEdited(m_milestones, milestoneTable(), kMilestoneColumns, row, column);
    });
    // Mark Milestone Done and Remove Milestone act on one milestone, so one is
    // selected at a time: the button's state is that milestone's, never the
    // first of several.
    m_milestones->setSelectionMode(QAbstractItemView::SingleSelection);
    // Mark Milestone Done only for a selected milestone not done yet.
    connect(m_milestones, &QTableWidget::itemSelectionChanged, this, &MilestoneSection::updateDoneButton);
    connect(m_milestones, &QTableWidget::currentCellChanged, this, &MilestoneSection::updateDoneButton);
    // Nothing to mark done or remove without a milestone selected.
    rowActions(m_milestones, {m_remove});
    m_held->add({m_milestones, add, done});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(m_milestones);
    layout->addLayout(buttonRow({add, done, remove}));
}

void MilestoneSection::reload()
{
    m_loading = true;
    CaseworkStore &store = m_context.session->casework();
    refreshChoice(m_milestones, kMilestoneColumns, QStringLiteral("status"), choices().milestoneStatuses);
    const QList<QVariantMap> rows = store.records(milestoneTable());
    fillTable(m_milestones, rows, kMilestoneColumns, QStringLiteral("status"), choices().milestoneStatuses.finalId);
    // One count of overdue milestones, as of one day, for the red rows, this
    // line and the navigator (casework/casework's status, as the portfolio counts).
    const QDate asOf = overdueDay();
    const int overdue = store.status(m_context.quarter, QDate::currentDate(), choices(), m_context.quarters.value(m_context.quarters.size() - 1)).overdueMilestones;
    const QString when = asOf == QDate::currentDate() ? QString() : QLatin1Char(' ') + tr("(as of %1, the end of %2)").arg(showDate(asOf), m_context.quarter);
    m_milestones->setVisible(!rows.isEmpty());
    m_state->setText(rows.isEmpty() ? tr("No recovery plan milestones yet. Add a milestone for each step of the "
                                         "recovery plan, with its owner and due date.")
                     : overdue > 0  ? tr("Overdue milestones (%1) are shown in red: past their due date and not done%2.").arg(overdue).arg(when)
                                    : tr("No milestone is overdue%1.").arg(when));
    m_state->setStyleSheet(overdue > 0 ? QStringLiteral("color: #da291c;") : QString());
    m_standing = rows.isEmpty() ? tr("None yet")
                 : overdue > 0  ? tr("Milestones: %1, %2 overdue").arg(rows.size()).arg(overdue)
                                : tr("Milestones: %1, none overdue").arg(rows.size());
    m_loading = false;
    updateDoneButton();
}

void MilestoneSection::updateDoneButton()
{
    const int row = selectedRow(m_milestones);
    const QTableWidgetItem *status = row < 0 ? nullptr : m_milestones->item(row, int(kMilestoneColumns.indexOf(QStringLiteral("status"))));
    const ChoiceSet &statuses = choices().milestoneStatuses;
    const bool done = status
                      && (isStatus(status->text(), statuses.finalId) || isStatus(status->text(), statuses.nameOf(statuses.finalId)));
    m_held->setEnabled(m_done, status && !done);
}

QString MilestoneSection::addMilestone(const QString &description, const QString &due, const QString &owner)
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

QString MilestoneSection::markMilestoneDone(qint64 id)
{
    // The status and the date it was done (today): one write, one step on
    // the undo stack (the session fills the date with the status).
    return m_context.session->setRecordField(milestoneTable(), id, QStringLiteral("status"),
                                             choices().milestoneStatuses.finalId);
}

void MilestoneSection::askMilestone()
{
    using Kind = RecordField::Kind;
    RecordDialog dialog(tr("Add Milestone"), tr("A step of the recovery plan, who owns it and when it is due."),
                        {{QStringLiteral("description"), tr("Milestone"), Kind::Text, true},
                         {QStringLiteral("owner"), tr("Owner"), Kind::Text},
                         {QStringLiteral("due_date"), tr("Due date"), Kind::Date, true, QDate::currentDate().addMonths(3)},
                         {QStringLiteral("status"), tr("Status"), Kind::Choice, true, choices().milestoneStatuses.firstId(),
                          choices().milestoneStatuses.pairs()},
                         {QStringLiteral("done_date"), tr("Done on"), Kind::Date}},
                        this);
    dialog.checkAs(milestoneTable(), m_context.session->methodology());
    // The date it was done, while the status says so: today unless typed.
    auto *status = qobject_cast<QComboBox *>(dialog.field(QStringLiteral("status")));
    auto *doneOn = qobject_cast<DateEdit *>(dialog.field(QStringLiteral("done_date")));
    const QString done = choices().milestoneStatuses.finalId;
    auto follow = [status, doneOn, done] {
        const bool isDone = !done.isEmpty() && status->currentData().toString() == done;
        if (isDone && !doneOn->date().isValid() && doneOn->text().trimmed().isEmpty())
            doneOn->setDate(QDate::currentDate());
        if (!isDone)
            doneOn->setDate(QDate());
        doneOn->setEnabled(isDone);
    };
    if (status && doneOn) {
        connect(status, &QComboBox::currentIndexChanged, doneOn, follow);
        follow();
    }
    dialog.setSave(
        [this](const QVariantMap &v) { return m_context.session->addRecord(milestoneTable(), v, tr("Add milestone")); },
        m_context.session);
    dialog.exec();
}

} // namespace owb
