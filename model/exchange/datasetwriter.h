#pragma once
// Writes a dataset as our long CSV (quarter,org_code,org_name,org_type,
// metric_id,value,region), finances as DEFICIT / DEFICIT_SUPPORT rows.

#include "data/metricdataset.h"
#include "framework/methodology.h"

#include <QTextStream>

namespace owb {

void writeDatasetCsv(QTextStream &out, const MetricDataset &dataset, const Methodology &methodology);

} // namespace owb
