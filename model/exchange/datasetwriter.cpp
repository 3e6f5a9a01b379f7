#include "datasetwriter.h"

#include "csvwriter.h"

namespace owb {

void writeDatasetCsv(QTextStream &out, const MetricDataset &dataset, const Methodology &methodology)
{
    writeCsvRow(out, {QStringLiteral("quarter"), QStringLiteral("org_code"), QStringLiteral("org_name"),
                      QStringLiteral("org_type"), QStringLiteral("metric_id"), QStringLiteral("value"),
                      QStringLiteral("region")});
    for (const QuarterData &quarter : dataset.quarters) {
        for (const OrganisationQuarter &org : quarter.organisations) {
            auto row = [&](const QString &metric, const QString &value) {
                writeCsvRow(out, {quarter.label, org.code, org.name, org.peerType, metric, value, org.region});
            };
            row(Methodology::kDeficit, org.deficit ? QStringLiteral("1") : QStringLiteral("0"));
            if (org.deficitSupport)
                row(Methodology::kDeficitSupport, QStringLiteral("1"));
            for (const MetricDefinition &metric : methodology.metrics()) {
                const auto it = org.values.constFind(metric.id);
                if (it != org.values.cend())
                    row(metric.id, it->toText());
            }
        }
    }
}

} // namespace owb
