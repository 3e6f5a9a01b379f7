#pragma once
// A case's domain scores beside its peers' medians (lower is better).

#include <QChartView>

class QGraphicsSimpleTextItem;
class QHorizontalBarSeries;

namespace owb {

struct DomainBar
{
    QString name;
    double score = 0;  // 0: not scored
    double peerMedian = 0;
};

class DomainChart : public QChartView
{
    Q_OBJECT
public:
    explicit DomainChart(QWidget *parent = nullptr);
    void setDomains(const QList<DomainBar> &domains, const QString &organisation);

    // What the chart shows, in words (its accessible description): each
    // domain's score and peer median as the workbench writes averages.
    static QString describe(const QList<DomainBar> &domains, const QString &organisation);

private:
    void placeLabels();

    QHorizontalBarSeries *m_series = nullptr;
    QList<DomainBar> m_domains;
    // Each bar's value beside its end, two decimals (Qt's own bar labels
    // drop a final zero: "2.5" for 2.50).
    QList<QGraphicsSimpleTextItem *> m_labels;
};

} // namespace owb
