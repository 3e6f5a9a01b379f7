#include "capabilitypage.h"

#include "caseread.h"
#include "dialogs/conflictdialog.h"
#include "widgets/rowbuttons.h"
#include "store/filewrite.h"
#include "store/storeerror.h"

#include "casework/casesession.h"
#include "delegates/choicedelegate.h"
#include "dialogs/evidencedialog.h"
#include "itemmodels/capabilitymodel.h"
#include "itemmodels/itemroles.h"
#include "widgets/committextedit.h"
#include "widgets/dateedit.h"
#include "casework/datetext.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>

namespace owb {

CapabilityPage::CapabilityPage(QWidget *parent)
    : QWidget(parent),
      m_yearBox(new QComboBox(this)),
      m_model(new CapabilityModel(this)),
      m_table(new QTableView(this)),
      m_ratingDelegate(new ChoiceDelegate(this)),
      m_overallRating(new QComboBox(this)),
      m_rationale(new CommitTextEdit(this)),
      m_decidedOn(new DateEdit(this)),
      m_decidedOnProblem(new QLabel(this)),
      m_evidence(new QTableWidget(this)),
      m_held(new HeldControls(this))
{
    m_yearBox->setAccessibleName(tr("Assessment year"));
    connect(m_yearBox, &QComboBox::currentTextChanged, this, &CapabilityPage::showYear);

    m_table->setModel(m_model);
    // Shown once the cell's editor has closed.
    connect(m_model, &CapabilityModel::editFailed, this, &CapabilityPage::report, Qt::QueuedConnection);
    connect(m_model, &CapabilityModel::readFailed, this, [this](const QString &error) { sayNotReadAgain(this, error); });
    m_table->setAccessibleName(tr("Capability areas"));
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(true);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::SelectedClicked);
    m_table->setItemDelegateForColumn(CapabilityModel::SelfRating, m_ratingDelegate);
    m_table->setItemDelegateForColumn(CapabilityModel::RegionRating, m_ratingDelegate);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(CapabilityModel::Notes, QHeaderView::Stretch);

    m_overallRating->setAccessibleName(tr("Region's overall capability view"));
    connect(m_overallRating, &QComboBox::activated, this, [this] {
        const QString chosen = m_overallRating->currentData().toString();
        const QString refused = m_context.session->setCapabilityOverall(m_year, CapabilityOverall::Rating, chosen);
        if (refused.isEmpty()) {
            m_storedRating = chosen;
        } else {
            // Refused: the choice goes back to what is stored, never left
            // showing a rating that was not saved.
            const QSignalBlocker blocker(m_overallRating);
            m_overallRating->setCurrentIndex(qMax(0, m_overallRating->findData(m_storedRating)));
        }
        report(refused);
    });
    m_rationale->setAccessibleName(tr("Rationale"));
    m_rationale->setPlaceholderText(tr("Why the region holds this view: track record, third-party views, concerns"));
    m_rationale->setMaximumHeight(90);
    m_rationale->setTabChangesFocus(true);
    connect(m_rationale, &CommitTextEdit::editingFinished, this, [this](const QString &text) {
        if (m_context.session && text != m_context.session->capability().overallField(m_year, CapabilityOverall::Rationale))
            report(m_context.session->setCapabilityOverall(m_year, CapabilityOverall::Rationale, text));
    });
    m_decidedOn->setAccessibleName(tr("Date of the overall view"));
    // No date yet reads "not decided", never today; a date is typed as in the casework forms.
    m_decidedOn->setPlaceholderText(tr("not decided (%1)").arg(dateHint()));
    m_decidedOnProblem->setWordWrap(true);
    m_decidedOnProblem->setStyleSheet(QStringLiteral("color: #da291c;"));
    m_decidedOnProblem->hide();
    connect(m_decidedOn, &QLineEdit::editingFinished, this, [this] {
        if (!m_context.session)
            return;
        const QString typed = m_decidedOn->text().trimmed();
        const QDate chosen = m_decidedOn->date();
        // A date that cannot be read stays as typed, with what is wrong said beside it.
        if (!typed.isEmpty() && !chosen.isValid()) {
            m_decidedOnProblem->setText(tr("\"%1\" is not a date: type it as %2 or 31 Mar 2027. Nothing was saved.")
                                            .arg(typed, dateHint()));
            m_decidedOnProblem->show();
            return;
        }
        m_decidedOnProblem->hide();
        const QString date = chosen.isValid() ? chosen.toString(Qt::ISODate) : QString();
        if (date == m_context.session->capability().overallField(m_year, CapabilityOverall::DecidedOn))
            return;
        // Refused (a date after today), it stays as typed with the reason beside it.
        if (const QString refused = m_context.session->setCapabilityOverall(m_year, CapabilityOverall::DecidedOn, date);
            !refused.isEmpty()) {
            m_decidedOnProblem->setText(refused + QLatin1Char(' ') + tr("Nothing was saved."));
            m_decidedOnProblem->show();
        }
    });
    auto *overall = new QGroupBox(tr("Region's overall view"), this);
    auto *overallLayout = new QVBoxLayout(overall);
    auto *form = new QFormLayout;
    form->addRow(tr("&Rating:"), m_overallRating);
    form->addRow(tr("Ra&tionale:"), m_rationale);
    // What is wrong with the date directly under its field, as the other
    // forms say it; the box's spare height goes below the form, never
    // between a field and its message.
    auto *dateColumn = new QVBoxLayout;
    dateColumn->setSpacing(2);
    dateColumn->addWidget(m_decidedOn);
    dateColumn->addWidget(m_decidedOnProblem);
    auto *dateLabel = new QLabel(tr("&Decided on:"), this);
    dateLabel->setBuddy(m_decidedOn);
    form->addRow(dateLabel, dateColumn);
    overallLayout->addLayout(form);
    overallLayout->addStretch(1);

    m_evidence->setColumnCount(5);
    m_evidence->setHorizontalHeaderLabels({tr("Date"), tr("Area"), tr("Title"), tr("Source"), tr("File")});
    m_evidence->setAccessibleName(tr("Evidence"));
    m_evidence->verticalHeader()->hide();
    m_evidence->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_evidence->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_evidence->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_evidence->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    auto *add = new QPushButton(tr("&Add Evidence..."), this);
    auto *remove = new QPushButton(tr("Re&move"), this);
    auto *save = new QPushButton(tr("&Save Attachment As..."), this);
    connect(add, &QPushButton::clicked, this, &CapabilityPage::addEvidence);
    connect(remove, &QPushButton::clicked, this, &CapabilityPage::removeEvidence);
    connect(save, &QPushButton::clicked, this, &CapabilityPage::saveAttachment);
    // Nothing to remove or save without evidence; Save Attachment As... reads
    // an attachment out, offered on a read-only workspace too.
    enableWithRows(m_evidence, {remove}, m_held->enabler());
    enableWithRows(m_evidence, {save});
    m_held->add({m_table, m_overallRating, m_rationale, m_decidedOn, add, remove});
    auto *evidenceBox = new QGroupBox(tr("Evidence"), this);
    auto *evidenceLayout = new QVBoxLayout(evidenceBox);
    evidenceLayout->addWidget(m_evidence);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addWidget(save);
    buttons->addStretch();
    evidenceLayout->addLayout(buttons);

    auto *yearRow = new QHBoxLayout;
    auto *yearLabel = new QLabel(tr("Assessment &year:"), this);
    yearLabel->setBuddy(m_yearBox);
    yearRow->addWidget(yearLabel);
    yearRow->addWidget(m_yearBox);
    yearRow->addStretch();
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(overall, 2);
    bottom->addWidget(evidenceBox, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(yearRow);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom, 1);
}

void CapabilityPage::setContext(const CaseContext &context)
{
    const bool newSession = context.session != m_context.session;
    m_context = context;
    if (!context.isValid())
        return;
    if (newSession) {
        connect(context.session, &CaseSession::capabilityChanged, this, &CapabilityPage::reloadOverallAndEvidenceOrSay,
                Qt::UniqueConnection);
        QList<std::pair<QString, QString>> ratings;
        const QSignalBlocker blocker(m_overallRating);
        m_overallRating->clear();
        m_overallRating->addItem(tr("(not set)"), QString());
        for (const NamedItem &rating : context.session->methodology().capabilityRatings()) {
            ratings.append({rating.id, rating.name});
            m_overallRating->addItem(rating.name, rating.id);
        }
        m_ratingDelegate->setChoices(ratings);
    }
    // Years with records, and the year of the quarter in view.
    QStringList years = context.session->capability().years();
    const QString current = CaseSession::financialYear(context.quarter);
    if (!years.contains(current))
        years.append(current);
    std::sort(years.begin(), years.end());
    const QSignalBlocker blocker(m_yearBox);
    m_yearBox->clear();
    m_yearBox->addItems(years);
    m_yearBox->setCurrentText(current);
    showYear(current);
}

void CapabilityPage::showYear(const QString &year)
{
    if (!m_context.session || year.isEmpty())
        return;
    m_year = year;
    // Chosen in the year box (a slot): a read refused is said, never thrown.
    try {
        m_model->setSession(m_context.session, year);
        m_table->resizeRowsToContents();
        m_decidedOnProblem->hide();
        reloadOverallAndEvidence();
    } catch (const StoreError &error) {
        report(error.message());
    }
}

void CapabilityPage::reloadOverallAndEvidenceOrSay()
{
    readOrSay(this, [this] { reloadOverallAndEvidence(); });
}

void CapabilityPage::reloadOverallAndEvidence()
{
    if (!m_context.session)
        return;
    CapabilityStore &store = m_context.session->capability();
    const CapabilityOverall overall = store.overall(m_year);
    {
        const QSignalBlocker b1(m_overallRating);
        const QSignalBlocker b2(m_decidedOn);
        m_storedRating = overall.rating;
        m_overallRating->setCurrentIndex(qMax(0, m_overallRating->findData(overall.rating)));
        if (m_rationale->toPlainText() != overall.rationale)
            m_rationale->setPlainText(overall.rationale);
        // A date the user is still correcting stays as typed (another year clears it).
        if (m_decidedOnProblem->isHidden())
            m_decidedOn->setText(showDate(overall.decidedOn));
    }
    QHash<QString, QString> areaNames;
    for (const NamedItem &area : m_context.session->methodology().capabilityAreas())
        areaNames.insert(area.id, area.name);
    const QList<EvidenceItem> items = store.evidence(m_year);
    m_evidence->setRowCount(int(items.size()));
    for (int row = 0; row < items.size(); ++row) {
        const EvidenceItem &e = items.at(row);
        const QString file = e.fileName.isEmpty() ? QString()
                                                  : tr("%1 (%2 KB)").arg(e.fileName).arg((e.fileSize + 1023) / 1024);
        const QStringList cells{showDate(e.date), areaNames.value(e.areaId, e.areaId), e.title, e.source, file};
        for (int c = 0; c < cells.size(); ++c) {
            auto *cell = new QTableWidgetItem(cells.at(c));
            cell->setData(Qt::UserRole, e.id);
            m_evidence->setItem(row, c, cell);
        }
    }
}

void CapabilityPage::addEvidence()
{
    if (!m_context.session)
        return;
    const QString area = m_table->currentIndex().isValid()
                             ? m_model->index(m_table->currentIndex().row(), 0).data(CodeRole).toString()
                             : QString();
    EvidenceDialog dialog(m_context.session->methodology().capabilityAreas(), area, this);
    // Stored on OK; a file that cannot be attached or a refused save is said
    // in the dialog, which keeps what was typed.
    dialog.setSave([this, &dialog]() -> QString {
        QByteArray data;
        if (!dialog.filePath().isEmpty()) {
            QFile file(dialog.filePath());
            if (file.size() > CapabilityStore::kMaxAttachmentBytes)
                return tr("%1: the file is larger than %2 MB and cannot be attached.")
                    .arg(dialog.filePath())
                    .arg(CapabilityStore::kMaxAttachmentBytes >> 20);
            if (!file.open(QIODevice::ReadOnly))
                return tr("%1: cannot read: %2").arg(dialog.filePath(), file.errorString());
            data = file.readAll();
        }
        return m_context.session->addEvidence(dialog.item(m_year), data);
    });
    dialog.exec();
}

void CapabilityPage::removeEvidence()
{
    const int row = m_evidence->currentRow();
    if (!m_context.session || row < 0)
        return;
    const qint64 id = m_evidence->item(row, 0)->data(Qt::UserRole).toLongLong();
    for (const EvidenceItem &item : m_context.session->capability().evidence(m_year))
        if (item.id == id)
            report(m_context.session->removeEvidence(item));
}

void CapabilityPage::saveAttachment()
{
    const int row = m_evidence->currentRow();
    if (!m_context.session || row < 0)
        return;
    const qint64 id = m_evidence->item(row, 0)->data(Qt::UserRole).toLongLong();
    for (const EvidenceItem &item : m_context.session->capability().evidence(m_year)) {
        if (item.id != id || item.fileName.isEmpty())
            continue;
        // The stored name is only a suggestion of a name, never of a folder.
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Save Attachment"), QFileInfo(item.fileName).fileName());
        if (path.isEmpty())
            return;
        // Whole or not at all: a full disk leaves any earlier file as it was.
        try {
            writeFileWhole(path, m_context.session->capability().evidenceFile(id));
        } catch (const StoreError &error) {
            report(error.message());
        }
    }
}

void CapabilityPage::report(const QString &error)
{
    reportStoreProblem(this, m_context.session, tr("The change was not saved"), error);
}

} // namespace owb
