#pragma once
// The invented national dataset behind the demo workspace, drawn
// deterministically from resources/demo/demo-profile.json: the same bytes on
// every machine (own normal sampler, since std distributions differ by library).

#include "data/metricdataset.h"
#include "framework/methodology.h"

namespace owb {

struct DemoData
{
    MetricDataset dataset;
    QString region;  // the region the demo workspace follows
    int organisations = 0;
};

DemoData generateDemoData(const Methodology &methodology);

} // namespace owb
