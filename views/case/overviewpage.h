#pragma once
// The case at a glance: the segment and how it was reached in plain words,
// the distance to the next segment, segment history and domain scores.

#include "casecontext.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableWidget;

namespace owb {

class DomainChart;
class SegmentHistoryChart;

class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(QWidget *parent = nullptr);
    void setContext(const CaseContext &context);

private:
    QLabel *m_segment;
    QLabel *m_segmentLabel;
    QLabel *m_howReached;
    QLabel *m_toNext;
    QLabel *m_provenance;
    SegmentHistoryChart *m_history;
    QLabel *m_historyKey = nullptr;  // the numbered key of its changes of methodology
    DomainChart *m_domains;
    QTableWidget *m_historyTable;
    QTableWidget *m_domainTable;
    QWidget *m_charts;
    QWidget *m_asTables = nullptr;
};

} // namespace owb
