#pragma once
// A case's domain scores beside its peers' medians (lower is better).

#include <QChartView>

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
};

} // namespace owb
