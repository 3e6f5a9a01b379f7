#include "trajectorychart.h"

#include "chartstyle.h"
#include "casework/metricview.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>
#include <algorithm>

namespace owb {

TrajectoryChart::TrajectoryChart(QWidget *parent)
    : QChartView(parent)
{
    setMinimumHeight(280);
    setRenderHint(QPainter::Antialiasing);
}

void TrajectoryChart::setData(const TrajectoryData &data)
{
    auto *chart = new QChart;
    chart->setMargins(QMargins(2, 2, 28, 2)); // room for the last quarter's label
    chart->legend()->setAlignment(Qt::AlignBottom);
    if (!data.metricId.isEmpty() && !data.quarters.isEmpty()) {
        auto *actual = new QLineSeries(chart);
        actual->setName(tr("Actual"));
        actual->setPen(QPen(chartstyle::kOrganisation, 2));
        actual->setPointsVisible(true);
        actual->append(data.actual);
        auto *planned = new QLineSeries(chart);
        planned->setName(tr("Planned"));
        QPen dashed(chartstyle::kPeers);
        dashed.setStyle(Qt::DashLine);
        dashed.setWidth(2);
        planned->setPen(dashed);
        planned->setPointsVisible(true); // a single planned point is still drawn
        QList<QPointF> plannedPoints = data.planned;
        std::sort(plannedPoints.begin(), plannedPoints.end(),
            [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
        planned->append(plannedPoints);
        chart->addSeries(actual);
        chart->addSeries(planned);

        // Up to three years of quarters in a narrow chart: some quarters are
        // labelled (the last always), so no label is cut short; the title
        // says the span.
        int last = 0;
        for (const QList<QPointF> *points : { &data.actual, &data.planned })
            for (const QPointF &p : *points)
                last = qMax(last, int(p.x()));
        last = qMin(last, int(data.quarters.size()) - 1);
        auto *axisX = new QCategoryAxis(chart);
        axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        // At most five labels ("23/24 Q1" each needs its room in a half-width
        // chart: more were cut to "23/..."), counted back from the latest.
        const int step = std::max(2, (last + 1 + 4) / 5);
        for (int i = last % step; i <= last; i += step)
            axisX->append(chartstyle::shortQuarter(data.quarters.at(i)), i);
        // Half a quarter either side, so the first and last points are drawn whole.
        axisX->setRange(-0.5, last + 0.5);
        chart->setTitle(tr("%1, %2 to %3").arg(data.metricId, data.quarters.first(), data.quarters.at(last)));
        chart->addAxis(axisX, Qt::AlignBottom);

        auto *axisY = new QValueAxis(chart);
        axisY->setTitleText(data.units);
        chart->addAxis(axisY, Qt::AlignLeft);
        QList<double> ys;
        for (const QList<QPointF> *points : { &data.actual, &data.planned })
            for (const QPointF &p : *points)
                ys.append(p.y());
        if (!ys.isEmpty()) {
            const auto [low, high] = std::minmax_element(ys.cbegin(), ys.cend());
            // Inside the metric's valid range: a percentage's axis never below 0%.
            const AxisRange range = valueAxisRange(*low, *high, data.minimum, data.maximum);
            axisY->setRange(range.min, range.max);
            axisY->setTickType(QValueAxis::TicksDynamic);
            axisY->setTickAnchor(0);
            axisY->setTickInterval(range.step);
        }
        for (QLineSeries *series : { actual, planned }) {
            series->attachAxis(axisX);
            series->attachAxis(axisY);
        }
    }
    setAccessibleDescription(describe(data));
    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

QString TrajectoryChart::describe(const TrajectoryData &data)
{
    if (data.metricId.isEmpty() || data.quarters.isEmpty())
        return tr("No trajectory planned.");
    auto list = [&data](const QList<QPointF> &points) {
        QList<QPointF> sorted = points;
        std::sort(sorted.begin(), sorted.end(), [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
        QStringList parts;
        for (const QPointF &p : sorted)
            if (int(p.x()) >= 0 && int(p.x()) < data.quarters.size())
                parts.append(QStringLiteral("%1 %2").arg(data.quarters.at(int(p.x())), QLocale().toString(p.y(), 'g', 6)));
        return parts.isEmpty() ? tr("none") : parts.join(QStringLiteral(", "));
    };
    const QString metric = data.metricName.isEmpty() ? data.metricId : QStringLiteral("%1 %2").arg(data.metricId, data.metricName);
    return tr("%1%2. Planned: %3. Actual: %4.")
        .arg(metric, data.units.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(data.units), list(data.planned),
             list(data.actual));
}

} // namespace owb
