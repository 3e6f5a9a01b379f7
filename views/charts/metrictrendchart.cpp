#include "metrictrendchart.h"

#include "chartstyle.h"

#include <QAreaSeries>
#include <QLegendMarker>
#include <QCategoryAxis>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <cmath>

namespace owb {

QList<std::pair<QString, double>> spcSeries(const QList<MetricPoint> &points)
{
    QList<std::pair<QString, double>> series;
    for (const MetricPoint &p : points)
        if (p.value)
            series.append({p.quarter, *p.value});
    return series;
}

SpcDirection spcDirection(const MetricDefinition &metric)
{
    if (!metric.direction)
        return SpcDirection::Neither;
    return *metric.direction == Direction::Higher ? SpcDirection::Higher : SpcDirection::Lower;
}

MetricTrendChart::MetricTrendChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(240);
    setAccessibleName(tr("Metric trend chart"));
}

namespace {
QLineSeries *horizontal(QChart *chart, const QString &name, double y, int count, const QColor &colour, Qt::PenStyle style)
{
    auto *series = new QLineSeries(chart);
    series->setName(name);
    series->append(-0.3, y);
    series->append(count - 0.7, y);
    QPen pen(colour);
    pen.setStyle(style);
    pen.setWidthF(1.5);
    series->setPen(pen);
    return series;
}
} // namespace

void MetricTrendChart::setHistory(const MetricDefinition &metric, const QList<MetricPoint> &points, const SpcResult &spc)
{
    auto *chart = new QChart;
    chartstyle::apply(chart, QStringLiteral("%1  %2").arg(metric.id, metric.name));
    const int count = int(points.size());
    QList<QAbstractSeries *> all;
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    auto extend = [&](double v) {
        low = std::min(low, v);
        high = std::max(high, v);
    };

    auto *q1 = new QLineSeries(chart);
    auto *q3 = new QLineSeries(chart);
    auto *median = new QLineSeries(chart);
    auto *own = new QLineSeries(chart);
    for (int i = 0; i < count; ++i) {
        const MetricPoint &p = points.at(i);
        if (p.benchmark) {
            q1->append(i, p.benchmark->q1);
            q3->append(i, p.benchmark->q3);
            median->append(i, p.benchmark->median);
            extend(p.benchmark->q1);
            extend(p.benchmark->q3);
        }
        if (p.value) {
            own->append(i, *p.value);
            extend(*p.value);
        }
    }
    auto *band = new QAreaSeries(q3, q1);
    band->setName(tr("Peer interquartile range"));
    QColor fill = chartstyle::kPeers;
    fill.setAlpha(60);
    band->setBrush(fill);
    band->setPen(Qt::NoPen);
    median->setName(tr("Peer median"));
    QPen medianPen(chartstyle::kPeers);
    medianPen.setStyle(Qt::DashLine);
    median->setPen(medianPen);
    own->setName(tr("This organisation"));
    QPen ownPen(chartstyle::kOrganisation);
    ownPen.setWidthF(2.5);
    own->setPen(ownPen);
    own->setPointsVisible(true);
    all << band << median << own;

    if (!spc.points.isEmpty()) {
        extend(spc.mean);
        all << horizontal(chart, spc.isRunChart() ? tr("Mean (run chart)") : tr("Mean"), spc.mean, count,
                          chartstyle::kCommonCause, Qt::SolidLine);
    }
    if (!spc.isRunChart()) {
        extend(*spc.lowerLimit);
        extend(*spc.upperLimit);
        all << horizontal(chart, tr("Process limits"), *spc.upperLimit, count, chartstyle::kCommonCause, Qt::DashLine);
        QLineSeries *lower = horizontal(chart, QString(), *spc.lowerLimit, count, chartstyle::kCommonCause, Qt::DashLine);
        all << lower;
        // Special-cause points, coloured by meaning.
        const QList<std::pair<QString, QColor>> kinds{{QStringLiteral("improvement"), chartstyle::kImprovement},
                                                      {QStringLiteral("concern"), chartstyle::kConcern},
                                                      {QStringLiteral("neither"), chartstyle::kNeither}};
        for (const auto &[type, colour] : kinds) {
            auto *dots = new QScatterSeries(chart);
            dots->setName(type == QLatin1String("improvement") ? tr("Special cause: improvement")
                          : type == QLatin1String("concern")    ? tr("Special cause: concern")
                                                                : tr("Special cause"));
            dots->setColor(colour);
            dots->setBorderColor(colour);
            dots->setMarkerSize(11);
            for (int i = 0, s = 0; i < count; ++i)
                if (points.at(i).value && s < spc.points.size()) {
                    if (spc.points.at(s).type == type)
                        dots->append(i, *points.at(i).value);
                    ++s;
                }
            if (dots->count() > 0)
                all << dots;
            else
                delete dots;
        }
    }
    if (metric.standard) {
        extend(*metric.standard);
        all << horizontal(chart, tr("Standard"), *metric.standard, count, chartstyle::kTarget, Qt::DotLine);
    }

    auto *xAxis = new QCategoryAxis(chart);
    xAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int i = 0; i < count; ++i)
        xAxis->append(chartstyle::shortQuarter(points.at(i).quarter), i);
    xAxis->setRange(-0.3, qMax(0.7, count - 0.7));
    auto *yAxis = new QValueAxis(chart);
    if (low <= high) {
        // Inside the metric's valid range (control limits may reach past it).
        const AxisRange range = valueAxisRange(low, high, metric.minimum, metric.maximum, 0.08, 0.5);
        yAxis->setRange(range.min, range.max);
        yAxis->setTickType(QValueAxis::TicksDynamic);
        yAxis->setTickAnchor(0);
        yAxis->setTickInterval(range.step);
    }
    yAxis->setTitleText(metric.units);
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    for (QAbstractSeries *series : std::as_const(all)) {
        chart->addSeries(series);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    }
    // Unnamed helper series stay out of the legend.
    for (QAbstractSeries *series : std::as_const(all))
        if (series->name().isEmpty())
            for (QLegendMarker *marker : chart->legend()->markers(series))
                marker->setVisible(false);
    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

} // namespace owb
