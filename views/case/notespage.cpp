#include "notespage.h"

#include "caseread.h"
#include "dialogs/conflictdialog.h"
#include "casework/casesession.h"
#include "itemmodels/itemroles.h"
#include "itemmodels/notesmodel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace owb {

NotesPage::NotesPage(QWidget *parent)
    : QWidget(parent),
      m_model(new NotesModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_search(new QLineEdit(this)),
      m_table(new QTableView(this)),
      m_tag(new QComboBox(this)),
      m_text(new QPlainTextEdit(this)),
      m_held(new HeldControls(this))
{
    m_proxy->setSourceModel(m_model);
    // Shown once the cell's editor has closed.
    connect(m_model, &NotesModel::readFailed, this, [this](const QString &error) { sayNotReadAgain(this, error); });
    connect(m_model, &NotesModel::editFailed, this, [this](const QString &error) {
        reportStoreProblem(this, m_context.session, tr("The note was not saved"), error);
    }, Qt::QueuedConnection);
    m_proxy->setFilterRole(FilterTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search->setPlaceholderText(tr("Search notes"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search notes"));
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Notes"));
    m_table->setTabKeyNavigation(false); // Tab leaves the list for the editor below
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NotesModel::Text, QHeaderView::Stretch);

    m_tag->setAccessibleName(tr("About"));
    m_text->setAccessibleName(tr("New note"));
    m_text->setPlaceholderText(tr("Write a note (Ctrl+Return adds it)"));
    m_text->setMaximumHeight(110);
    m_text->setTabChangesFocus(true);
    auto *add = new QPushButton(tr("A&dd Note"), this);
    auto *remove = new QPushButton(tr("De&lete Note"), this);
    connect(add, &QPushButton::clicked, this, &NotesPage::addNote);
    connect(remove, &QPushButton::clicked, this, &NotesPage::deleteNote);
    m_held->add({m_table, m_tag, m_text, add, remove});
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_text);
    shortcut->setContext(Qt::WidgetShortcut);
    connect(shortcut, &QShortcut::activated, this, &NotesPage::addNote);

    auto *aboutRow = new QHBoxLayout;
    auto *aboutLabel = new QLabel(tr("&About:"), this);
    aboutLabel->setBuddy(m_tag);
    aboutRow->addWidget(aboutLabel);
    aboutRow->addWidget(m_tag, 1);
    aboutRow->addWidget(add);
    aboutRow->addWidget(remove);
    // Keyboard order follows the page: search, list, the new note, what it is
    // about, then its buttons.
    setTabOrder(m_search, m_table);
    setTabOrder(m_table, m_text);
    setTabOrder(m_text, m_tag);
    setTabOrder(m_tag, add);
    setTabOrder(add, remove);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_text);
    layout->addLayout(aboutRow);
}

void NotesPage::setContext(const CaseContext &context)
{
    if (context.session == m_context.session) {
        m_context = context;
        return;
    }
    m_context = context;
    m_model->setSession(context.session);
    m_tag->clear();
    if (!context.session)
        return;
    const Methodology &m = context.session->methodology();
    m_tag->addItem(tr("The case in general"), QStringList{QString(), QString()});
    for (const Domain &domain : m.domains())
        m_tag->addItem(tr("Domain: %1").arg(domain.name), QStringList{QStringLiteral("domain"), domain.id});
    for (const MetricDefinition &metric : m.metrics())
        if (metric.appliesTo.contains(context.session->identity().peerType))
            m_tag->addItem(tr("Metric: %1 %2").arg(metric.id, metric.name), QStringList{QStringLiteral("metric"), metric.id});
}

void NotesPage::addNote()
{
    const QString body = m_text->toPlainText().trimmed();
    if (!m_context.session || body.isEmpty())
        return;
    const QStringList tag = m_tag->currentData().toStringList();
    const QString error = m_context.session->addNote(tag.value(0), tag.value(1), body);
    if (!reportStoreProblem(this, m_context.session, tr("The note was not saved"), error))
        return;
    m_text->clear();
}

void NotesPage::deleteNote()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    if (!m_context.session || !current.isValid())
        return;
    const QString error = m_context.session->removeNote(m_model->note(current.row()));
    reportStoreProblem(this, m_context.session, tr("The note was not deleted"), error);
}

} // namespace owb
