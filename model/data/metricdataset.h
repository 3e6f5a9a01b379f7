#pragma once
// The metric values of a file (or a store), organised by quarter and
// organisation, ready for the framework: plain values, no I/O.

#include "framework/assessment.h"
#include "framework/metricvalue.h"

#include <QHash>
#include <QList>
#include <QString>

namespace owb {

struct OrganisationQuarter
{
    QString code;
    QString name;
    QString region;
    QString peerType;  // peer type id
    bool deficit = false;
    bool deficitSupport = false;
    QHash<QString, MetricValue> values;  // applicable methodology metrics only

    bool inDeficit() const { return deficit || deficitSupport; }
};

struct QuarterData
{
    QString label;
    QList<OrganisationQuarter> organisations;
    QHash<QString, qsizetype> index;  // org code -> position

    OrganisationQuarter &organisation(const QString &code);
    QList<OrganisationInput> toInputs() const;
};

struct MetricDataset
{
    QList<QuarterData> quarters;  // in period order

    QuarterData &quarter(const QString &label);
    const QuarterData *findQuarter(const QString &label) const;
    void sortQuarters();
};

// Orders quarter labels by period (any spelling canonicalQuarter reads);
// labels that are not quarters sort after, by text.
bool quarterLessThan(const QString &a, const QString &b);

} // namespace owb
