#pragma once
// Importing a metric file into a workspace, the whole of it: validate the
// file (nothing is written if anything is wrong), create the workspace if
// the folder is absent or empty, store and assess. Shared by `owb import`
// and the workbench's import, so both validate and report alike.

#include "data/metricfilereader.h"
#include "workspace.h"

#include <functional>
#include <optional>

namespace owb {

struct ImportOutcome
{
    Diagnostics errors;  // every problem in the file (nothing written)
    QString storeError;  // a problem with the workspace itself
    MetricFileSummary summary;
    ImportReport report;
    bool created = false;
    QString methodologyId;  // the rules the file was read under
    // A new workspace refused because these years of the file have no
    // methodology (nothing was created): give the years' file and try again.
    QStringList yearsWithoutMethodology;
    // An import into a workspace refused because these quarters' years have
    // no methodology in its register (storeError says so, for the command line).
    QStringList quartersWithoutMethodology;

    bool ok() const { return errors.isEmpty() && storeError.isEmpty(); }
};

enum class ImportStage { Reading, Writing };
using ImportProgress = std::function<void(ImportStage stage, qint64 done, qint64 total)>;

// `methodologies`: files to register for the years they declare that have
// none, at most one per year (none: the workspace's register); a year no
// file and no register covers takes the built-in file when it declares it. `region`: whom a new workspace follows. `backCast`: see
// Workspace::import. `beforeWriting` is called once the file has passed
// validation, before the workspace is opened for writing (the workbench lets
// go of it then, so a refused file leaves the open workspace as it was).
ImportOutcome importMetricFile(const QString &directory, const QString &path,
                               const QList<Methodology> &methodologies, const QString &region = {},
                               const ImportProgress &progress = {}, bool backCast = false,
                               const std::function<void()> &beforeWriting = {});

// The two halves of an import into a workspace already open (the
// workbench's team workspace, whose connections stay open), each filling
// `outcome` as importMetricFile does. readMetricFile validates `path` under
// `rules` and touches no database, so it may run on another thread;
// importDataset writes the dataset on the workspace's own connections (on a
// server one transaction, importers only), on the thread that opened it.
// Empty, or why `methodologies` cannot be given together: two declare the
// same year (named by `names`, else by their ids), or one file is given twice.
QString sameYearTwice(const QString &where, const QList<Methodology> &methodologies, const QStringList &names);

std::optional<MetricDataset> readMetricFile(const Methodology &rules, const QString &path, ImportOutcome &outcome,
                                            const ImportProgress &progress = {});
void importDataset(Workspace &workspace, const MetricDataset &dataset, const QString &path, ImportOutcome &outcome,
                   const ImportProgress &progress = {});

} // namespace owb
