#include "caseworkpage.h"

#include "caseread.h"
#include "dialogs/conflictdialog.h"
#include "casework/casesession.h"
#include "decisionsection.h"
#include "milestonesection.h"
#include "programmesection.h"
#include "reviewsection.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace owb {

CaseworkPage::CaseworkPage(QWidget *parent)
    : QWidget(parent)
    , m_decision(new DecisionSection(this))
    , m_review(new ReviewSection(this))
    , m_programme(new ProgrammeSection(this))
    , m_milestones(new MilestoneSection(this))
    , m_sections(new QListWidget(this))
    , m_scroll(new QScrollArea(this))
{
    for (CaseworkSection *section : sections())
        connect(section, &CaseworkSection::problem, this, &CaseworkPage::report);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    for (QWidget *section : sections())
        contentLayout->addWidget(section);
    contentLayout->addStretch();
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(content);
    // The navigator: one entry per section that applies, with where it
    // stands; choosing one brings the section into view.
    m_sections->setAccessibleName(tr("Casework sections"));
    m_sections->setEditTriggers(QAbstractItemView::NoEditTriggers);  // a list to choose from
    // Every entry whole: wrapped onto more lines, never cut short with "..."
    // ("exit criteria overdue: 1" was hidden), laid out again as it changes.
    m_sections->setMinimumWidth(210);
    m_sections->setMaximumWidth(270);
    m_sections->setSpacing(4);
    m_sections->setWordWrap(true);
    m_sections->setTextElideMode(Qt::ElideNone);
    m_sections->setResizeMode(QListView::Adjust);
    for (QWidget *section : sections()) {
        auto *item = new QListWidgetItem(m_sections);
        item->setData(Qt::UserRole, QVariant::fromValue(static_cast<QObject *>(section)));
    }
    connect(m_sections, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        if (m_following) // chosen because the page was scrolled to it
            return;
        if (auto *section = qobject_cast<QWidget *>(item->data(Qt::UserRole).value<QObject *>())) {
            // Brought into view as chosen: a section near the end, which the
            // page cannot scroll to its top, stays the one chosen.
            const QScopedValueRollback<bool> navigating(m_navigating, true);
            m_scroll->verticalScrollBar()->setValue(section->y());
        }
    });
    // Scrolled by hand (the wheel, the scroll bar, the keys), the navigator
    // follows: the section in view is the one chosen.
    connect(m_scroll->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] { followScroll(); });
    // And as the sections grow or shrink under a still scroll bar (a table
    // filled, a section shown): the entry chosen stays only while its
    // section is still in view.
    connect(m_scroll->verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] { followScroll(true); });
    connect(m_sections, &QListWidget::itemActivated, m_sections, &QListWidget::itemClicked);
    // Chosen with the arrow keys or a screen reader, too.
    connect(m_sections, &QListWidget::currentItemChanged, m_sections, [this](QListWidgetItem *item) {
        if (item)
            Q_EMIT m_sections->itemClicked(item);
    });
    connect(m_sections, &QListWidget::itemSelectionChanged, m_sections, [this] {
        if (const QList<QListWidgetItem *> chosen = m_sections->selectedItems(); !chosen.isEmpty())
            Q_EMIT m_sections->itemClicked(chosen.first());
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_sections);
    layout->addWidget(m_scroll, 1);
}

QList<CaseworkSection *> CaseworkPage::sections() const
{
    return {m_decision, m_review, m_programme, m_milestones};
}

void CaseworkPage::setHeld(const QString &why)
{
    for (CaseworkSection *section : sections())
        section->setHeld(why);
}

void CaseworkPage::setContext(const CaseContext &context)
{
    if (context.session != m_context.session && context.session)
        // Queued: an edit's own signal handler must not see its editor deleted by the reload.
        connect(context.session, &CaseSession::caseworkChanged, this, &CaseworkPage::reloadOrSay,
                Qt::ConnectionType(Qt::QueuedConnection | Qt::UniqueConnection));
    const bool otherCase = context.session != m_context.session;
    m_context = context;
    reload();
    if (otherCase) { // another case starts at its first section and its top, not where the last one was left
        chooseFirstSection();
        m_scroll->verticalScrollBar()->setValue(0);
    }
}

void CaseworkPage::reloadOrSay()
{
    readOrSay(this, [this] { reload(); });
}

void CaseworkPage::reload()
{
    if (!m_context.isValid())
        return;
    // Each section shown where it applies (an ICB in 2025/26 has no segment
    // to confirm and no review; the programme and milestones still apply).
    for (CaseworkSection *section : sections()) {
        section->setContext(m_context);
        section->setVisible(section->applies());
    }
    const QList<std::tuple<QWidget *, QString, QString>> entries{
        {m_decision, tr("Quarterly decision"), m_decision->standing()},
        {m_review, tr("Diagnostic review and findings"), m_review->standing()},
        {m_programme, m_context.session->programmeName(), m_programme->standing()},
        {m_milestones, tr("Milestones"), m_milestones->standing()}};
    for (int i = 0; i < entries.size(); ++i) {
        const auto &[section, name, standing] = entries.at(i);
        QListWidgetItem *item = m_sections->item(i);
        item->setText(name + QStringLiteral("\n   ") + standing);
        item->setToolTip(standing);
        item->setHidden(section->isHidden());
    }
    m_sections->doItemsLayout(); // each entry's height for its text now
    // Sections shown, hidden or resized: the entry follows once laid out.
    QTimer::singleShot(0, this, [this] { followScroll(true); });
    // The navigator never stays on a section that does not apply here.
    if (!m_sections->currentItem() || m_sections->currentItem()->isHidden())
        chooseFirstSection();
}

void CaseworkPage::followScroll(bool keepChosenInView)
{
    if (m_navigating)
        return;
    const QScrollBar *bar = m_scroll->verticalScrollBar();
    const int height = m_scroll->viewport()->height();
    if (keepChosenInView && m_sections->currentItem()) {
        const auto *chosen = qobject_cast<QWidget *>(m_sections->currentItem()->data(Qt::UserRole).value<QObject *>());
        if (chosen && chosen->isVisible() && chosen->y() < bar->value() + height
            && chosen->y() + chosen->height() > bar->value() + height / 3)
            return;
    }
    // The section under a reading line a third of the way down the page
    // (tester, issue 13: the end of one section at the top with the next
    // filling the page kept the first one chosen); at the end of the page,
    // the last one whose top is in view, as the last sections never reach
    // the reading line.
    // At the top of the page, the first section, however short.
    const int line = bar->value() == 0 ? 0
                     : bar->value() + (bar->value() >= bar->maximum() && bar->maximum() > 0 ? height - 1 : height / 3);
    int row = -1;
    for (int i = 0; i < m_sections->count(); ++i) {
        const auto *section = qobject_cast<QWidget *>(m_sections->item(i)->data(Qt::UserRole).value<QObject *>());
        if (!m_sections->item(i)->isHidden() && section && (row < 0 || section->y() <= line))
            row = i;
    }
    if (row < 0 || row == m_sections->currentRow())
        return;
    const QScopedValueRollback<bool> following(m_following, true);
    m_sections->setCurrentRow(row);
}

void CaseworkPage::chooseFirstSection()
{
    for (int i = 0; i < m_sections->count(); ++i)
        if (!m_sections->item(i)->isHidden()) {
            m_sections->setCurrentRow(i);
            return;
        }
}

void CaseworkPage::report(const QString &error)
{
    reportStoreProblem(this, m_context.session, tr("The change was not saved"), error);
}

QString CaseworkPage::openReview(const QString &reason) { return m_review->openReview(reason); }
QString CaseworkPage::advanceReview() { return m_review->advanceReview(); }
QString CaseworkPage::recordReviewDecision(const QString &decision, const QDate &date, const QString &maker,
                                           const QString &rationale)
{
    return m_review->recordReviewDecision(decision, date, maker, rationale);
}
QString CaseworkPage::addFindingEvidence(const QString &title, const QString &source)
{
    return m_review->addFindingEvidence(title, source);
}

QString CaseworkPage::editFinding(qint64 id, const QVariantMap &values)
{
    return m_review->editFinding(id, values);
}

QString CaseworkPage::enterProgramme(const QString &reason, const QString &director)
{
    return m_programme->enterProgramme(reason, director);
}
QString CaseworkPage::recordExit(const QString &transitionPlan, const QDate &date)
{
    return m_programme->recordExit(transitionPlan, date);
}
QString CaseworkPage::addTrajectoryPoint(const QString &metricId, const QString &quarter, const QString &planned)
{
    return m_programme->addTrajectoryPoint(metricId, quarter, planned);
}
QString CaseworkPage::addMilestone(const QString &description, const QString &due, const QString &owner)
{
    return m_milestones->addMilestone(description, due, owner);
}
QString CaseworkPage::markMilestoneDone(qint64 id) { return m_milestones->markMilestoneDone(id); }
QString CaseworkPage::recordDecision(bool correction, int segment, const QString &rationale)
{
    return m_decision->recordDecision(correction, segment, rationale);
}
QTableWidget *CaseworkPage::trajectory() const { return m_programme->trajectory(); }
QTableWidget *CaseworkPage::criteria() const { return m_programme->criteria(); }
QTableWidget *CaseworkPage::milestones() const { return m_milestones->milestones(); }
QTableWidget *CaseworkPage::findings() const { return m_review->findings(); }
QTableWidget *CaseworkPage::findingEvidence() const { return m_review->findingEvidence(); }

} // namespace owb
