#pragma once
// `owb demo DIR` and the workbench's "Open the demo workspace".

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

} // namespace owb
