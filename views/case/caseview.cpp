#include "caseview.h"

#include "capabilitypage.h"
#include "casework/casesession.h"
#include "caseworkpage.h"
#include "historypage.h"
#include "metricspage.h"
#include "notespage.h"
#include "overviewpage.h"
#include "systempage.h"
#include "whatifpage.h"

#include <QLabel>
#include <QTabWidget>
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

    m_tabs->addTab(m_overview, tr("&Overview"));
    m_tabs->addTab(m_metrics, tr("&Metrics"));
    m_tabs->addTab(m_whatIf, tr("&What-if"));
    m_tabs->addTab(m_capability, tr("C&apability"));
    m_tabs->addTab(m_notes, tr("&Notes"));
    m_tabs->addTab(m_system, tr("S&ystem"));  // ICBs only: shown by setContext
    m_tabs->addTab(m_casework, tr("Case&work"));
    m_tabs->addTab(m_history, tr("&History"));
    m_fresh = QList<bool>(m_tabs->count(), false);
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
    m_context = context;
    if (!context.session)
        return;
    const CaseIdentity identity = context.session->identity();
    m_title->setText(tr("%1  %2  ·  %3  ·  %4").arg(identity.code, identity.name, context.peerTypeName, context.quarter));
    const Methodology &methodology = context.session->methodology();
    m_tabs->setTabVisible(m_tabs->indexOf(m_system), methodology.hasSystemCasework(identity.peerType));
    m_tabs->setTabVisible(m_tabs->indexOf(m_whatIf), methodology.isSegmented(identity.peerType));  // nothing is scored
    m_fresh.fill(false);
    refreshCurrentTab();
}

void CaseView::refreshCurrentTab()
{
    const int tab = m_tabs->currentIndex();
    if (tab < 0 || m_fresh.value(tab) || !m_context.isValid())
        return;
    m_fresh[tab] = true;
    QWidget *page = m_tabs->widget(tab);
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
