#include "metricdataset.h"

#include <QRegularExpression>
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

namespace {
int periodKey(const QString &label)
{
    static const QRegularExpression year(QStringLiteral("(?<!\\d)(\\d{4})(?!\\d)"));
    static const QRegularExpression quarter(QStringLiteral("\\bQ([1-4])\\b|(?<=\\d)Q([1-4])\\b"),
                                            QRegularExpression::CaseInsensitiveOption);
    const auto y = year.match(label);
    const auto q = quarter.match(label);
    if (!y.hasMatch() || !q.hasMatch())
        return -1;
    const int number = (q.captured(1).isEmpty() ? q.captured(2) : q.captured(1)).toInt();
    return y.captured(1).toInt() * 10 + number;
}
} // namespace

bool quarterLessThan(const QString &a, const QString &b)
{
    const int ka = periodKey(a);
    const int kb = periodKey(b);
    if ((ka < 0) != (kb < 0))
        return ka >= 0;
    if (ka != kb)
        return ka < kb;
    return a < b;
}

} // namespace owb
