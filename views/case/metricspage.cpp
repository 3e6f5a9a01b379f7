#include "metricspage.h"

#include "casework/casesession.h"
#include "casework/metricview.h"
#include "charts/metrictrendchart.h"
#include "itemmodels/itemroles.h"
#include "itemmodels/metricsmodel.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace owb {

namespace {
QString variationText(const SpcResult &spc)
{
    if (spc.points.isEmpty())
        return QObject::tr("No values to chart.");
    if (spc.isRunChart())
        return QObject::tr("Run chart: %n point(s), fewer than 13, so no process limits or special-cause "
                           "signals (not enough data).", nullptr, int(spc.points.size()));
    QString text = spc.variation == QLatin1String("common-cause")
                       ? QObject::tr("Variation: common cause (no special-cause signal at the latest point).")
                       : QObject::tr("Variation: special cause, %1.").arg(QString(spc.variation).replace(QLatin1Char('-'), QLatin1Char(' ')));
    if (!spc.assurance.isEmpty())
        text += QLatin1Char(' ') + QObject::tr("Assurance against the standard: %1.").arg(spc.assurance);
    return text;
}
} // namespace

MetricsPage::MetricsPage(QWidget *parent)
    : QWidget(parent),
      m_model(new MetricsModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView(this)),
      m_chart(new MetricTrendChart(this)),
      m_chartTable(new QTableWidget(this)),
      m_spcSummary(new QLabel(this)),
      m_asTable(new QCheckBox(tr("Show the chart as a &table"), this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Metrics of the quarter"));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(MetricsModel::Metric, QHeaderView::Stretch);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showMetric(current.data(CodeRole).toString()); });

    m_chartTable->setAccessibleName(tr("Metric over time, as a table"));
    m_chartTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_chartTable->verticalHeader()->hide();
    m_chartTable->setColumnCount(6);
    m_chartTable->setHorizontalHeaderLabels({tr("Quarter"), tr("Value"), tr("Peer lower quartile"), tr("Peer median"),
                                             tr("Peer upper quartile"), tr("SPC signal")});
    m_chartTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    auto *chartStack = new QStackedWidget(this);
    m_chartStack = chartStack;
    chartStack->addWidget(m_chart);
    chartStack->addWidget(m_chartTable);
    // A banded metric (a rating) has no values to draw: its message, never an empty box.
    m_noChart = new QLabel(this);
    m_noChart->setWordWrap(true);
    m_noChart->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    chartStack->addWidget(m_noChart);
    connect(m_asTable, &QCheckBox::toggled, chartStack, [this, chartStack](bool on) {
        if (chartStack->currentWidget() != m_noChart)
            chartStack->setCurrentIndex(on ? 1 : 0);
    });
    m_spcSummary->setWordWrap(true);

    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(chartStack, 1);
    auto *caption = new QHBoxLayout;
    caption->addWidget(m_spcSummary, 1);
    caption->addWidget(m_asTable);
    lowerLayout->addLayout(caption);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("metricsSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->restoreState(QSettings().value(QStringLiteral("case/metricsSplitter")).toByteArray());
    connect(splitter, &QSplitter::splitterMoved, splitter, [splitter] {
        QSettings().setValue(QStringLiteral("case/metricsSplitter"), splitter->saveState());
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
}

void MetricsPage::setContext(const CaseContext &context)
{
    m_context = context;
    if (!context.isValid())
        return;
    const QString selected = m_table->currentIndex().data(CodeRole).toString();
    const QString peerType = context.session->identity().peerType;
    m_model->setRows(metricRows(context.session->caseFile(), *context.national, context.national->methodologyFor(context.quarter),
                                peerType, context.quarters, context.quarter));
    int row = 0;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        if (m_proxy->index(r, 0).data(CodeRole).toString() == selected)
            row = r;
    if (m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(row, 0));
}

QWidget *MetricsPage::chartShown() const
{
    return m_chartStack->currentWidget();
}

void MetricsPage::showMetric(const QString &metricId)
{
    const MetricDefinition *metric = m_context.isValid() ? m_context.national->methodologyFor(m_context.quarter).metric(metricId) : nullptr;
    if (!metric)
        return;
    // The series ends at the quarter in view.
    const QStringList quarters = m_context.quarters.mid(0, m_context.quarters.indexOf(m_context.quarter) + 1);
    const QList<MetricPoint> points = metricHistory(m_context.session->caseFile(), *m_context.national, *metric,
                                                    m_context.session->identity().peerType, quarters);
    if (metric->isBanded()) {
        m_noChart->setText(tr("%1 is rated in bands, not measured as a number: there is no chart of it over time. "
                              "Its rating for %2 is in the table above.")
                               .arg(metric->name, m_context.quarter));
        m_chartStack->setCurrentWidget(m_noChart);
        m_asTable->setEnabled(false);
        m_spcSummary->clear();
        m_chartTable->setRowCount(0);
        return;
    }
    m_asTable->setEnabled(true);
    m_chartStack->setCurrentIndex(m_asTable->isChecked() ? 1 : 0);
    const SpcResult spc = analyseSpc(spcSeries(points), spcDirection(*metric), metric->standard);
    m_chart->setHistory(*metric, points, spc);
    m_spcSummary->setText(variationText(spc));

    auto number = [&](std::optional<double> v) { return v ? formatMetricMeasure(*metric, *v) : QString(); };
    m_chartTable->setRowCount(int(points.size()));
    for (int i = 0, s = 0; i < points.size(); ++i) {
        const MetricPoint &p = points.at(i);
        QString signal;
        if (p.value && s < spc.points.size()) {
            const SpcPoint &sp = spc.points.at(s++);
            signal = sp.rules.isEmpty() ? QString() : QStringLiteral("%1 (%2)").arg(sp.type, sp.rules.join(QStringLiteral(", ")));
        }
        const QStringList cells{p.quarter, number(p.value),
                                number(p.benchmark ? std::optional(p.benchmark->q1) : std::nullopt),
                                number(p.benchmark ? std::optional(p.benchmark->median) : std::nullopt),
                                number(p.benchmark ? std::optional(p.benchmark->q3) : std::nullopt), signal};
        for (int c = 0; c < cells.size(); ++c)
            m_chartTable->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
}

} // namespace owb
