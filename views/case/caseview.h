#pragma once
// One organisation: a header with its identity and segment, and a tab per
// view (overview, metrics, what-if, capability, notes).

#include "casecontext.h"

#include <QList>
#include <QSet>
#include <QWidget>
#include <utility>

class QLabel;
class QTabWidget;

namespace owb {

class CapabilityPage;
class CaseworkPage;
class HistoryPage;
class MetricsPage;
class NotesPage;
class OverviewPage;
class SystemPage;
class WhatIfPage;

class CaseView : public QWidget
{
    Q_OBJECT
public:
    explicit CaseView(QWidget *parent = nullptr);
    void setContext(const CaseContext &context);
    const CaseContext &context() const { return m_context; }
    QTabWidget *tabs() const { return m_tabs; }
    CapabilityPage *capabilityPage() const { return m_capability; }
    MetricsPage *metricsPage() const { return m_metrics; }
    WhatIfPage *whatIfPage() const { return m_whatIf; }
    NotesPage *notesPage() const { return m_notes; }
    CaseworkPage *caseworkPage() const { return m_casework; }
    HistoryPage *historyPage() const { return m_history; }
    SystemPage *systemPage() const { return m_system; }
    // The session's read-only state changed (a team workspace's rights
    // withdrawn or back): every page holds or offers its edits again at once,
    // without reading the case (a withdrawn workspace refuses reads).
    void readOnlyChanged();

Q_SIGNALS:
    void backRequested();

private:
    void refreshCurrentTab();
    void fillPage(QWidget *page);
    void caseworkChanged();

    CaseContext m_context;
    QLabel *m_title;
    QTabWidget *m_tabs;
    OverviewPage *m_overview;
    MetricsPage *m_metrics;
    WhatIfPage *m_whatIf;
    CapabilityPage *m_capability;
    NotesPage *m_notes;
    CaseworkPage *m_casework;
    HistoryPage *m_history;
    SystemPage *m_system;
    QList<std::pair<QWidget *, QString>> m_pages; // every page in tab order, with its label
    QSet<QWidget *> m_fresh; // pages that show the current context
};

} // namespace owb
