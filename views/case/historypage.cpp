#include "historypage.h"

#include "caseread.h"
#include "casework/casesession.h"
#include "casework/casework.h"
#include "casework/historytext.h"
#include "data/quarterlabel.h"
#include "casework/nationalcache.h"
#include "itemmodels/dateformat.h"
#include "store/auditlog.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace owb {

HistoryPage::HistoryPage(QWidget *parent)
    : QWidget(parent), m_filter(new QLineEdit(this)), m_table(new QTableWidget(this)), m_integrity(new QLabel(this))
{
    m_filter->setPlaceholderText(tr("Filter by record, e.g. note, milestone 3, capability_area"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter the history"));
    connect(m_filter, &QLineEdit::textChanged, this, &HistoryPage::reloadOrSay);
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("Record"), tr("Change"), tr("What changed")});
    m_table->setAccessibleName(tr("History of the case"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_integrity->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_integrity);
}

void HistoryPage::setContext(const CaseContext &context)
{
    if (context.session && context.session != m_context.session) {
        for (auto signal : {&CaseSession::capabilityChanged, &CaseSession::notesChanged, &CaseSession::caseworkChanged})
            connect(context.session, signal, this, &HistoryPage::reloadOrSay, Qt::UniqueConnection);
    }
    m_context = context;
    reload();
}

QString HistoryPage::actionText(const QString &action)
{
    if (action == QLatin1String("insert"))
        return tr("added");
    if (action == QLatin1String("update"))
        return tr("changed");
    if (action == QLatin1String("delete"))
        return tr("removed");
    return action;
}

void HistoryPage::reloadOrSay()
{
    readOrSay(this, [this] { reload(); });
}

void HistoryPage::reload()
{
    if (!m_context.session)
        return;
    // The case's own entries: a case file's, or its organisation's on a team workspace.
    const CaseScope scope = m_context.session->caseFile().scope();
    const QString filter = m_filter->text().trimmed();
    QList<AuditEntry> entries;
    const QList<AuditEntry> all = auditlog::entries(scope);  // read once: shown and verified
    for (const AuditEntry &e : all) {
        const QString record = QStringLiteral("%1 %2").arg(e.table, e.rowKey);
        if (filter.isEmpty() || record.contains(filter, Qt::CaseInsensitive))
            entries.append(e);
    }
    // Quarters stored again under a re-issue of the same methodology id.
    const QHash<qint64, MethodologyReissue> reissued
        = m_context.national ? reissuedAssessments(entries, m_context.national->reissues()) : QHash<qint64, MethodologyReissue>();
    // A quarter's assessment taken away and stored again under another
    // methodology file is a re-assessment, said as one entry with before and
    // after: its removal is not listed apart.
    const QHash<qint64, qsizetype> reassessed = reassessedRemovals(entries, reissued);
    QSet<qsizetype> folded;
    for (const qsizetype removal : reassessed)
        folded.insert(removal);
    m_table->setRowCount(int(entries.size() - folded.size()));
    int row = -1;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (folded.contains(i))
            continue;
        ++row;
        const AuditEntry &e = entries.at(i);
        QString action = actionText(e.action);
        QString change = historyChangeText(m_context.session->methodology(), e);
        if (const auto removal = reassessed.constFind(e.seq); removal != reassessed.cend()) {
            const AuditEntry &removed = entries.at(*removal);
            const auto reissue = reissued.constFind(e.seq);
            const Methodology &now = m_context.national ? m_context.national->methodologyFor(e.rowKey)
                                                        : m_context.session->methodology();
            const QString id = QJsonDocument::fromJson(e.after.toUtf8()).object().value(QStringLiteral("methodology_id")).toString();
            action = tr("re-assessed");
            const auto [finalBefore, finalAfter]
                = reassessedFinalSegments(m_context.session->casework(), m_context.national, removed, e);
            change = reassessmentText(removed, e, now.id() == id ? now.title() : QString(),
                                      reissue != reissued.cend() ? &*reissue : nullptr, finalBefore, finalAfter,
                                      now.hasProgramme());
        }
        const QStringList cells { displayMoment(e.at),
            e.actor.isEmpty() ? tr("(outside the workbench)") : e.actor,
            historyRecordText(m_context.session->methodology(), e.table, e.rowKey), action, change };
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(c == 4 ? cells.at(c) : QString());
            m_table->setItem(row, c, item);
        }
    }
    const QStringList problems = auditlog::verify(all);
    m_integrity->setText(problems.isEmpty()
                             ? tr("The audit trail is intact: every entry is sealed in an unbroken hash chain.")
                             : tr("The audit trail is damaged: %1").arg(problems.first()));
    m_integrity->setStyleSheet(problems.isEmpty() ? QString() : QStringLiteral("color: #da291c; font-weight: bold;"));
}

} // namespace owb
