#include "domainchart.h"

#include "chartstyle.h"
#include "framework/fixedpoint.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QGraphicsSimpleTextItem>
#include <QHorizontalBarSeries>
#include <QValueAxis>

namespace owb {

DomainChart::DomainChart(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(200);
    setAccessibleName(tr("Domain scores chart"));
}

void DomainChart::setDomains(const QList<DomainBar> &domains, const QString &organisation)
{
    auto *chart = new QChart;
    chartstyle::apply(chart, tr("Domain scores (1 best, 4 worst)"));
    auto *own = new QBarSet(organisation);
    own->setColor(chartstyle::kOrganisation);
    auto *peers = new QBarSet(tr("Peer median"));
    peers->setColor(chartstyle::kPeers);
    QStringList names;
    // Horizontal bars draw bottom-up: reverse so the first domain is on top.
    for (auto it = domains.crbegin(); it != domains.crend(); ++it) {
        names.append(it->name);
        *own << it->score;
        *peers << it->peerMedian;
    }
    auto *series = new QHorizontalBarSeries(chart);
    series->append(peers);
    series->append(own);
    chart->addSeries(series);
    auto *categories = new QBarCategoryAxis(chart);
    categories->append(names);
    auto *values = new QValueAxis(chart);
    values->setRange(0, 4);
    values->setTickCount(5);
    values->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(categories, Qt::AlignLeft);
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(categories);
    series->attachAxis(values);
    m_series = series;
    m_domains = domains;
    m_labels.clear();  // owned by the old chart
    for (qsizetype i = 0; i < 2 * domains.size(); ++i) {
        auto *label = new QGraphicsSimpleTextItem(chart);
        label->setZValue(10);
        m_labels.append(label);
    }
    connect(chart, &QChart::plotAreaChanged, this, &DomainChart::placeLabels);
    setAccessibleDescription(describe(domains, organisation));
    QChart *old = this->chart();
    setChart(chart);
    delete old;
    placeLabels();
}

void DomainChart::placeLabels()
{
    if (!m_series || m_labels.size() != 2 * m_domains.size())
        return;
    // Bars are drawn bottom-up (the last domain in category 0); in each
    // category the peers' bar is first, below the organisation's.
    const qsizetype count = m_domains.size();
    const qreal thickness = m_series->barWidth() / 2;
    for (qsizetype i = 0; i < count; ++i) {
        const DomainBar &bar = m_domains.at(i);
        const qreal category = qreal(count - 1 - i);
        const std::pair<double, qreal> values[] = {{bar.score, category + thickness / 2},
                                                   {bar.peerMedian, category - thickness / 2}};
        for (int k = 0; k < 2; ++k) {
            QGraphicsSimpleTextItem *label = m_labels.at(2 * i + k);
            const double value = values[k].first;
            label->setVisible(value > 0);
            if (value <= 0)
                continue;
            label->setText(formatScore(value));
            const QPointF end = chart()->mapToPosition(QPointF(value, values[k].second), m_series);
            const QRectF box = label->boundingRect();
            label->setPos(end.x() + 4, end.y() - box.height() / 2);
        }
    }
}

QString DomainChart::describe(const QList<DomainBar> &domains, const QString &organisation)
{
    QStringList parts;
    for (const DomainBar &bar : domains)
        parts.append(tr("%1: %2 %3, peer median %4")
                         .arg(bar.name, organisation, bar.score > 0 ? formatScore(bar.score) : tr("not scored"),
                              bar.peerMedian > 0 ? formatScore(bar.peerMedian) : tr("none")));
    return parts.isEmpty() ? tr("No domain scores.") : parts.join(QStringLiteral("; ")) + QLatin1Char('.');
}

} // namespace owb
