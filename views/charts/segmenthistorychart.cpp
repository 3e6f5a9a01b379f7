#include "segmenthistorychart.h"

#include "chartstyle.h"
#include "delegates/segmentdelegate.h"

#include <QCategoryAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

namespace owb {

SegmentHistoryChart::SegmentHistoryChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(200);
    setAccessibleName(tr("Segment history chart"));
}

void SegmentHistoryChart::setHistory(const QList<std::pair<QString, int>> &history,
                                     const QList<std::pair<int, QString>> &methodologyChanges)
{
    auto *chart = new QChart;
    chartstyle::apply(chart, tr("Segment by quarter"));
    // Changes of methodology are numbered on the chart and named in the key
    // under it (methodologyKey): a legend of a half-width chart cuts names.
    chart->legend()->setVisible(false);
    auto *line = new QLineSeries(chart);
    line->setColor(chartstyle::kPeers);
    QList<QScatterSeries *> dots;
    for (int segment = 1; segment <= 5; ++segment) {
        auto *series = new QScatterSeries(chart);
        series->setColor(SegmentDelegate::background(segment));
        series->setBorderColor(Qt::white);
        series->setMarkerSize(13);
        dots.append(series);
    }
    auto *xAxis = new QCategoryAxis(chart);
    xAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // Beyond two years the half-width chart has no room for every quarter's
    // label: each year's first quarter is named (and the latest, when it is
    // far enough from the last name), the points between stay drawn.
    const bool yearly = history.size() > 8;
    int named = -2;
    for (int i = 0; i < history.size(); ++i) {
        const int segment = history.at(i).second;
        const QString &quarter = history.at(i).first;
        const bool last = i == history.size() - 1;
        if (!yearly || quarter.endsWith(QLatin1String("Q1")) || (last && i - named >= 2)) {
            xAxis->append(chartstyle::shortQuarter(quarter), i);
            named = i;
        }
        if (segment < 1)
            continue;
        line->append(i, segment);
        dots[segment - 1]->append(i, segment);
    }
    xAxis->setRange(-0.5, qMax(0.5, history.size() - 0.5));
    auto *yAxis = new QValueAxis(chart);
    yAxis->setRange(0.5, 5.5);
    yAxis->setTickCount(5);
    yAxis->setTickType(QValueAxis::TicksDynamic);
    yAxis->setTickAnchor(1);
    yAxis->setTickInterval(1);
    yAxis->setLabelFormat(QStringLiteral("%d"));
    yAxis->setReverse(true);
    yAxis->setTitleText(tr("Segment"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    chart->addSeries(line);
    line->attachAxis(xAxis);
    line->attachAxis(yAxis);
    for (QScatterSeries *series : std::as_const(dots)) {
        chart->addSeries(series);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    }
    int number = 0;
    for (const auto &[index, id] : methodologyChanges) {
        if (index <= 0 || index >= history.size())
            continue;
        auto *marker = new QLineSeries(chart);
        marker->setName(tr("%1 from %2").arg(id, history.at(index).first));
        QPen pen(chartstyle::kPeers);
        pen.setStyle(Qt::DashLine);
        pen.setWidthF(1.5);
        marker->setPen(pen);
        marker->append(index - 0.5, 0.5);
        marker->append(index - 0.5, 5.5);
        // Its number at the top end, above segment 1 (the axis is reversed).
        marker->setPointLabelsFormat(QString::number(++number));
        marker->setPointLabelsVisible(true);
        marker->setPointLabelsClipping(false);
        QFont labelFont = marker->pointLabelsFont();
        labelFont.setBold(true);
        marker->setPointLabelsFont(labelFont);
        marker->setPointConfiguration(1, QXYSeries::PointConfiguration::LabelVisibility, false);
        chart->addSeries(marker);
        marker->attachAxis(xAxis);
        marker->attachAxis(yAxis);
    }
    m_key = methodologyKey(history, methodologyChanges);
    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

QString SegmentHistoryChart::methodologyKey(const QList<std::pair<QString, int>> &history,
                                           const QList<std::pair<int, QString>> &methodologyChanges)
{
    QStringList lines;
    for (const auto &[index, id] : methodologyChanges)
        if (index > 0 && index < history.size())
            lines.append(tr("%1: %2 from %3").arg(lines.size() + 1).arg(id, history.at(index).first));
    return lines.join(QLatin1Char('\n'));
}

} // namespace owb
