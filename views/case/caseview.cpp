#include "caseview.h"

#include "capabilitypage.h"
#include "casework/casesession.h"
#include "casework/nationalcache.h"
#include "caseworkpage.h"
#include "historypage.h"
#include "metricspage.h"
#include "notespage.h"
#include "overviewpage.h"
#include "store/storeerror.h"
#include "systempage.h"
#include "whatifpage.h"

#include <QLabel>
#include <QMessageBox>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace owb {

CaseView::CaseView(QWidget *parent)
    : QWidget(parent),
      m_title(new QLabel(this)),
      m_tabs(new QTabWidget(this)),
      m_overview(new OverviewPage(this)),
      m_metrics(new MetricsPage(this)),
      m_whatIf(new WhatIfPage(this)),
      m_capability(new CapabilityPage(this)),
      m_notes(new NotesPage(this)),
      m_casework(new CaseworkPage(this)),
      m_history(new HistoryPage(this)),
      m_system(new SystemPage(this))
{
    auto *back = new QToolButton(this);
    back->setText(tr("← Portfolio"));
    back->setToolTip(tr("Back to the portfolio (Alt+Left)"));
    back->setAutoRaise(true);
    connect(back, &QToolButton::clicked, this, &CaseView::backRequested);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // No mnemonics on the tabs: Alt+letter belongs to the menus and the
    // buttons of a page; Ctrl+Tab and Ctrl+PgDn move between tabs.
    m_pages = { { m_overview, tr("Overview") }, { m_metrics, tr("Metrics") }, { m_whatIf, tr("What-if") },
        { m_capability, tr("Capability") }, { m_notes, tr("Notes") }, { m_system, tr("System") },
        { m_casework, tr("Casework") }, { m_history, tr("History") } };
    for (const auto &[page, label] : std::as_const(m_pages))
        m_tabs->addTab(page, label);
    // Pages are filled when shown, so switching cases costs one page only.
    connect(m_tabs, &QTabWidget::currentChanged, this, &CaseView::refreshCurrentTab);

    auto *header = new QHBoxLayout;
    header->addWidget(back);
    header->addWidget(m_title, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);
}

void CaseView::setContext(const CaseContext &context)
{
    if (m_context.session && m_context.session != context.session)
        disconnect(m_context.session, nullptr, this, nullptr);
    m_context = context;
    if (!context.session)
        return;
    // A new view of the case (another case, another quarter, data imported):
    // its tables are read again, each once, whichever pages show it.
    context.session->readAgain();
    // A decision, a programme entry or an exit (or their undo) changes the
    // final segment that several pages show: all of them are stale.
    connect(context.session, &CaseSession::caseworkChanged, this, &CaseView::caseworkChanged,
        Qt::UniqueConnection);
    const CaseIdentity identity = context.session->identity();
    m_title->setText(tr("%1  %2  ·  %3  ·  %4").arg(identity.code, identity.name, context.peerTypeName, context.quarter));
    // The quarter's own year's rules: an ICB has a What-if in a year that
    // segments ICBs and none in one that does not.
    const Methodology &methodology = context.national ? context.national->methodologyFor(context.quarter)
                                                      : context.session->methodology();
    // Pages that do not apply are taken out of the tab bar, not hidden: Qt 6.4
    // leaves a gap where a hidden tab was shown again.
    QWidget *current = m_tabs->currentWidget();
    const QSignalBlocker blocker(m_tabs);
    int index = 0;
    for (const auto &[page, label] : std::as_const(m_pages)) {
        bool applies = true;
        if (page == m_system)
            applies = methodology.hasSystemCasework(identity.peerType);
        else if (page == m_whatIf)
            applies = methodology.isSegmented(identity.peerType); // nothing is scored
        const int at = m_tabs->indexOf(page);
        if (applies && at < 0)
            m_tabs->insertTab(index, page, label);
        else if (!applies && at >= 0)
            m_tabs->removeTab(at);
        index += applies ? 1 : 0;
    }
    if (m_tabs->indexOf(current) >= 0)
        m_tabs->setCurrentWidget(current);
    m_fresh.clear();
    refreshCurrentTab();
}

void CaseView::caseworkChanged()
{
    // The Casework page reloads itself; the others are refilled when shown.
    m_fresh.clear();
    m_fresh.insert(m_casework);
    if (m_tabs->currentWidget() != m_casework)
        refreshCurrentTab();
}

void CaseView::readOnlyChanged()
{
    const QString why = m_context.session ? m_context.session->readOnlyWhy() : QString();
    for (const auto &[page, label] : std::as_const(m_pages)) {
        if (auto *edits = dynamic_cast<HoldsEdits *>(page))
            edits->setHeld(why);
    }
}

void CaseView::refreshCurrentTab()
{
    QWidget *page = m_tabs->currentWidget();
    if (!page || m_fresh.contains(page) || !m_context.isValid())
        return;
    m_fresh.insert(page);
    try {
        fillPage(page);
    } catch (const StoreError &error) {
        // The case could not be read (a team workspace's connection lost):
        // said once the tab has changed, and the page is read again when
        // next shown; nothing is thrown out of the tab bar.
        m_fresh.remove(page);
        const QString message = error.message();
        QTimer::singleShot(0, this, [this, message] {
            QMessageBox::warning(this, tr("The case could not be read"), message);
        });
    }
}

void CaseView::fillPage(QWidget *page)
{
    // The pages that change the case offer no edit on a read-only workspace:
    // each holds its own edit controls, whatever it sets them to as it fills.
    if (auto *edits = dynamic_cast<HoldsEdits *>(page))
        edits->setHeld(m_context.session ? m_context.session->readOnlyWhy() : QString());
    if (page == m_overview)
        m_overview->setContext(m_context);
    else if (page == m_metrics)
        m_metrics->setContext(m_context);
    else if (page == m_whatIf)
        m_whatIf->setContext(m_context);
    else if (page == m_capability)
        m_capability->setContext(m_context);
    else if (page == m_notes)
        m_notes->setContext(m_context);
    else if (page == m_casework)
        m_casework->setContext(m_context);
    else if (page == m_history)
        m_history->setContext(m_context);
    else if (page == m_system)
        m_system->setContext(m_context);
}

} // namespace owb
