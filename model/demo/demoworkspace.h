#pragma once
// `owb demo DIR` and the workbench's "Open the demo workspace".

#include "framework/methodology.h"

#include <QString>

namespace owb {

struct DemoSummary
{
    QString region;
    int organisations = 0;
    int quarters = 0;
    int caseFiles = 0;
};

// Creates the demo workspace in an absent or empty folder: the invented
// national file (kept beside the case files as national-metrics.csv, so that
// `owb score` can be tried on it) imported into a workspace following one
// region. Throws StoreError.
DemoSummary createDemoWorkspace(const QString &directory);

// The demo's 2026/27 methodology (resources/demo/nof-2026-27-demo.json): the
// 2026/27 method with invented thresholds, labelled DEMO in its id and title.
const Methodology &demoMethodology();

} // namespace owb
