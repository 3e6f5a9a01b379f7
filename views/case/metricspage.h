#pragma once
// The quarter's metrics in a table, and the selected metric over time with
// its peers and SPC; the chart has a table equivalent for keyboard and
// screen-reader users.

#include "casecontext.h"

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;
class QCheckBox;
class QStackedWidget;

namespace owb {

class MetricsModel;
class MetricTrendChart;

class MetricsPage : public QWidget
{
    Q_OBJECT
public:
    explicit MetricsPage(QWidget *parent = nullptr);
    void setContext(const CaseContext &context);
    QTableView *table() const { return m_table; }
    QTableWidget *chartTable() const { return m_chartTable; }
    MetricsModel *model() const { return m_model; }
    // The chart, the table in its place, or the message that a banded metric
    // has no chart: whichever is shown.
    QWidget *chartShown() const;

private:
    void showMetric(const QString &metricId);

    CaseContext m_context;
    MetricsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    MetricTrendChart *m_chart;
    QTableWidget *m_chartTable;
    QLabel *m_spcSummary;
    QCheckBox *m_asTable;
    QStackedWidget *m_chartStack = nullptr;
    QLabel *m_noChart = nullptr; // a banded metric's: no chart, this message
};

} // namespace owb
