#include "metricdataset.h"

#include "quarterlabel.h"

#include <algorithm>

namespace owb {

OrganisationQuarter &QuarterData::organisation(const QString &code)
{
    const auto it = index.constFind(code);
    if (it != index.cend())
        return organisations[*it];
    index.insert(code, organisations.size());
    organisations.append(OrganisationQuarter{});
    organisations.last().code = code;
    return organisations.last();
}

QList<OrganisationInput> QuarterData::toInputs() const
{
    QList<OrganisationInput> inputs;
    inputs.reserve(organisations.size());
    for (const OrganisationQuarter &org : organisations)
        inputs.append({org.code, org.peerType, org.inDeficit(), org.values});
    return inputs;
}

QuarterData &MetricDataset::quarter(const QString &label)
{
    for (QuarterData &q : quarters)
        if (q.label == label)
            return q;
    quarters.append(QuarterData{});
    quarters.last().label = label;
    return quarters.last();
}

const QuarterData *MetricDataset::findQuarter(const QString &label) const
{
    for (const QuarterData &q : quarters)
        if (q.label == label)
            return &q;
    return nullptr;
}

void MetricDataset::sortQuarters()
{
    std::stable_sort(quarters.begin(), quarters.end(),
                     [](const QuarterData &a, const QuarterData &b) { return quarterLessThan(a.label, b.label); });
}

bool quarterLessThan(const QString &a, const QString &b)
{
    const int ka = quarterKey(a);
    const int kb = quarterKey(b);
    if ((ka < 0) != (kb < 0))
        return ka >= 0;
    if (ka != kb)
        return ka < kb;
    return a < b;
}

} // namespace owb
