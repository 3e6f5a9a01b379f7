#include "domainchart.h"

#include "chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
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
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(3);
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
    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

} // namespace owb
