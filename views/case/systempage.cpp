#include "systempage.h"

#include "caseread.h"
#include "dialogs/conflictdialog.h"
#include "widgets/rowbuttons.h"
#include "casework/datetext.h"
#include "recorddialog.h"
#include "widgets/cellproblem.h"

#include "casework/casesession.h"
#include "store/storeerror.h"

#include <QComboBox>
#include <QDate>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace owb {

namespace {
enum ConsiderationColumn { Priority, Test, Answer, Evidence };
// A consideration's answer as last read: shown again when a change is refused.
const char *const kStoredAnswer = "owbStoredAnswer";
const QStringList kAssessmentColumns{QStringLiteral("assessed_on"), QStringLiteral("assessor"), QStringLiteral("area"),
                                     QStringLiteral("summary"), QStringLiteral("conclusion")};
} // namespace

SystemPage::SystemPage(QWidget *parent)
    : QWidget(parent),
      m_status(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_considerationsBox(new QGroupBox(this)),
      m_considerations(new QTableWidget(0, 4, this)),
      m_assessmentsBox(new QGroupBox(this)),
      m_assessments(new QTableWidget(0, int(kAssessmentColumns.size()), this)),
      m_held(new HeldControls(this))
{
    m_status->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_considerations->setHorizontalHeaderLabels({tr("Priority"), tr("Test"), tr("Answer"), tr("Evidence")});
    m_considerations->setAccessibleName(tr("System considerations"));
    m_considerations->verticalHeader()->hide();
    m_considerations->setWordWrap(true);
    m_considerations->horizontalHeader()->setSectionResizeMode(Priority, QHeaderView::ResizeToContents);
    m_considerations->horizontalHeader()->setSectionResizeMode(Test, QHeaderView::Stretch);
    m_considerations->horizontalHeader()->setSectionResizeMode(Answer, QHeaderView::ResizeToContents);
    m_considerations->horizontalHeader()->setSectionResizeMode(Evidence, QHeaderView::Stretch);
    connect(m_considerations, &QTableWidget::cellChanged, this, &SystemPage::considerationEdited);

    m_assessments->setHorizontalHeaderLabels({tr("Assessed on"), tr("Assessor"), tr("Area"), tr("Summary"), tr("Conclusion")});
    m_assessments->setAccessibleName(tr("Statutory annual assessment notes"));
    m_assessments->verticalHeader()->hide();
    m_assessments->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_assessments->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_assessments->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_assessments->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    connect(m_assessments, &QTableWidget::cellChanged, this, &SystemPage::assessmentEdited);

    auto *add = new QPushButton(tr("Add Assessment &Note..."), this);
    auto *remove = new QPushButton(tr("Remove Note"), this);
    enableWithRows(m_assessments, {remove}, m_held->enabler()); // nothing to remove without a note
    m_held->add({m_considerations, m_assessments, add, remove});
    connect(add, &QPushButton::clicked, this, &SystemPage::askAssessment);
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_assessments->currentRow();
        if (row >= 0 && m_context.session)
            report(m_context.session->removeRecord(statutoryAssessmentTable(),
                                                   m_assessments->item(row, 0)->data(Qt::UserRole).toLongLong(),
                                                   tr("Remove assessment note")));
    });

    auto *considerationsLayout = new QVBoxLayout(m_considerationsBox);
    considerationsLayout->addWidget(m_considerations);
    considerationsLayout->addWidget(m_summary);
    auto *assessmentsLayout = new QVBoxLayout(m_assessmentsBox);
    // An empty year says what is missing instead of a blank table.
    m_assessmentsEmpty = new QLabel(tr("No statutory assessment notes for this year yet. Add a note for each area "
                                       "the annual assessment covers."),
                                    this);
    m_assessmentsEmpty->setWordWrap(true);
    m_assessmentsEmpty->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    assessmentsLayout->addWidget(m_assessmentsEmpty);
    assessmentsLayout->addWidget(m_assessments);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    assessmentsLayout->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_considerationsBox, 3);
    layout->addWidget(m_assessmentsBox, 2);
}

void SystemPage::setContext(const CaseContext &context)
{
    if (context.session != m_context.session && context.session)
        // Queued: an edit's own signal handler must not see its cell replaced by the reload.
        connect(context.session, &CaseSession::caseworkChanged, this, &SystemPage::reloadOrSay,
                Qt::ConnectionType(Qt::QueuedConnection | Qt::UniqueConnection));
    m_context = context;
    reload();
}

QString SystemPage::addAssessment(const QString &area, const QString &summary)
{
    return addAssessment({{QStringLiteral("assessed_on"), QDate::currentDate().toString(Qt::ISODate)},
                          {QStringLiteral("assessor"), m_context.session->author()},
                          {QStringLiteral("area"), area},
                          {QStringLiteral("summary"), summary}});
}

QString SystemPage::addAssessment(QVariantMap values)
{
    values.insert(QStringLiteral("year"), CaseSession::financialYear(m_context.quarter));
    return m_context.session->addRecord(statutoryAssessmentTable(), values, tr("Add assessment note"));
}

void SystemPage::askAssessment()
{
    if (!m_context.isValid())
        return;
    using Kind = RecordField::Kind;
    const QString year = CaseSession::financialYear(m_context.quarter);
    RecordDialog dialog(tr("Add Assessment Note"),
                        tr("A note of %1's statutory annual assessment for %2: the area assessed, what was found and "
                           "what it concludes.")
                            .arg(m_context.session->identity().name, year),
                        {{QStringLiteral("assessed_on"), tr("Assessed on"), Kind::Date, true, QDate::currentDate()},
                         {QStringLiteral("assessor"), tr("Assessor"), Kind::Text, true, m_context.session->author()},
                         {QStringLiteral("area"), tr("Area assessed"), Kind::Text, true},
                         {QStringLiteral("summary"), tr("Note"), Kind::Paragraph, true},
                         {QStringLiteral("conclusion"), tr("Conclusion"), Kind::Paragraph}},
                        this);
    dialog.checkAs(statutoryAssessmentTable(), m_context.session->methodology(), {{QStringLiteral("year"), year}});
    dialog.setSave([this](const QVariantMap &v) { return addAssessment(v); }, m_context.session);
    dialog.exec();
}

void SystemPage::reloadOrSay()
{
    readOrSay(this, [this] { reload(); });
}

void SystemPage::reload()
{
    if (!m_context.isValid())
        return;
    m_loading = true;
    CaseSession &session = *m_context.session;
    const Methodology &methodology = session.methodology();
    const PeerType *type = methodology.peerType(session.identity().peerType);
    m_status->setText(type && !type->segmented ? type->notSegmented
                                               : tr("%1 is segmented under methodology %2; the system considerations are "
                                                    "recorded alongside.").arg(session.identity().name, methodology.id()));

    m_considerationsBox->setTitle(tr("System considerations, %1").arg(m_context.quarter));
    QHash<QString, QVariantMap> answers;
    for (const QVariantMap &row : session.casework().records(systemConsiderationTable(), QStringLiteral("quarter"), m_context.quarter))
        answers.insert(row.value(QStringLiteral("consideration_id")).toString(), row);
    const QList<SystemConsideration> &tests = methodology.systemConsiderations();
    m_considerations->setRowCount(int(tests.size()));
    int yes = 0;
    int answered = 0;
    for (int r = 0; r < tests.size(); ++r) {
        const SystemConsideration &test = tests.at(r);
        const QVariantMap row = answers.value(test.id);
        const QString answer = row.value(QStringLiteral("answer")).toString();
        yes += answer == QLatin1String("yes") ? 1 : 0;
        answered += answer.isEmpty() ? 0 : 1;
        for (int c : {int(Priority), int(Test)}) {
            auto *item = new QTableWidgetItem(c == Priority ? test.priority : test.test);
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            item->setToolTip(test.test);
            m_considerations->setItem(r, c, item);
        }
        auto *choice = qobject_cast<QComboBox *>(m_considerations->cellWidget(r, Answer));
        if (!choice) {
            choice = new QComboBox(m_considerations);
            choice->addItem(tr("not answered"), QString());
            choice->addItem(tr("yes"), QStringLiteral("yes"));
            choice->addItem(tr("no"), QStringLiteral("no"));
            choice->setAccessibleName(tr("Answer"));
            connect(choice, &QComboBox::activated, this, [this, choice] {
                for (int row = 0; row < m_considerations->rowCount(); ++row)
                    if (m_considerations->cellWidget(row, Answer) == choice)
                        considerationEdited(row, Answer);
            });
            m_considerations->setCellWidget(r, Answer, choice);
            m_held->add(choice);
        }
        choice->setCurrentIndex(qMax(0, choice->findData(answer)));
        choice->setProperty(kStoredAnswer, answer);
        auto *evidence = new QTableWidgetItem(row.value(QStringLiteral("evidence")).toString());
        evidence->setData(Qt::UserRole, test.id);
        m_considerations->setItem(r, Evidence, evidence);
    }
    m_considerations->resizeRowsToContents();
    m_summary->setText(tests.isEmpty() ? tr("The methodology defines no system considerations.")
                                       : tr("%1 of %2 answered; %3 answered yes.").arg(answered).arg(tests.size()).arg(yes));

    const QString year = CaseSession::financialYear(m_context.quarter);
    m_assessmentsBox->setTitle(tr("Statutory annual assessment, %1").arg(year));
    const QList<QVariantMap> notes = session.casework().records(statutoryAssessmentTable(), QStringLiteral("year"), year);
    clearCellProblem(m_assessments);
    m_assessments->setRowCount(int(notes.size()));
    for (int r = 0; r < notes.size(); ++r)
        for (int c = 0; c < kAssessmentColumns.size(); ++c) {
            const QString value = notes.at(r).value(kAssessmentColumns.at(c)).toString();
            auto *item = new QTableWidgetItem(c == 0 ? showDate(value) : value);
            item->setData(Qt::UserRole, notes.at(r).value(QStringLiteral("id")));
            m_assessments->setItem(r, c, item);
        }
    m_assessments->setVisible(!notes.isEmpty());
    m_assessmentsEmpty->setVisible(notes.isEmpty());
    m_loading = false;
}

void SystemPage::considerationEdited(int row, int column)
{
    if (m_loading || !m_context.session || (column != Answer && column != Evidence))
        return;
    const SystemConsideration &test = m_context.session->methodology().systemConsiderations().at(row);
    const QString value = column == Answer
                              ? qobject_cast<QComboBox *>(m_considerations->cellWidget(row, Answer))->currentData().toString()
                              : m_considerations->item(row, Evidence)->text().trimmed();
    report(m_context.session->setSystemConsideration(m_context.quarter, test.id,
                                                     column == Answer ? QStringLiteral("answer") : QStringLiteral("evidence"),
                                                     value));
}

void SystemPage::assessmentEdited(int row, int column)
{
    if (m_loading || !m_context.session)
        return;
    const QTableWidgetItem *item = m_assessments->item(row, column);
    QString value = item->text().trimmed();
    // A date is typed as in every date field (casework/datetext) and stored as ISO.
    if (column == 0 && !value.isEmpty()) {
        const QDate date = readUserDate(value);
        if (!date.isValid()) {
            // Said beside the cell, which keeps what was typed (as the casework forms do).
            showCellProblem(m_assessments, row, column,
                            tr("\"%1\" is not a date: type it as %2 or 31 Mar 2027. Nothing was saved.").arg(value, dateHint()));
            return;
        }
        value = date.toString(Qt::ISODate);
    }
    // The model's rules (a date in the note's year and not after today, a text's length), beside the cell.
    const qint64 id = item->data(Qt::UserRole).toLongLong();
    if (const QString problem = m_context.session->fieldProblem(statutoryAssessmentTable(), id, kAssessmentColumns.at(column), value);
        !problem.isEmpty()) {
        showCellProblem(m_assessments, row, column, problem + QLatin1Char(' ') + tr("Nothing was saved."));
        return;
    }
    report(m_context.session->setRecordField(statutoryAssessmentTable(), id, kAssessmentColumns.at(column), value));
}

void SystemPage::report(const QString &error)
{
    if (reportStoreProblem(this, m_context.session, tr("The change was not saved"), error))
        return;
    // What is stored shown again; a read refused as well (a right revoked,
    // the connection lost) is not thrown out of the slot that saved: the
    // answers go back to those last read.
    try {
        reload();
    } catch (const StoreError &) {
        for (int row = 0; row < m_considerations->rowCount(); ++row)
            if (auto *choice = qobject_cast<QComboBox *>(m_considerations->cellWidget(row, Answer))) {
                const QSignalBlocker blocker(choice);
                choice->setCurrentIndex(qMax(0, choice->findData(choice->property(kStoredAnswer))));
            }
    }
}

} // namespace owb
