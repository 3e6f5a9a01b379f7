#pragma once
// Reads a long-format metric CSV (ours or NHS England's published one) against
// a methodology, validating the whole file before anything uses it.
//
// Columns (any order, any case, extras ignored): quarter, org_code, org_name,
// org_type, metric_id, value, optional region; or NHS England's Quarter,
// Trust_code, Trust_name, Trust_type, Metric_ID, Value, Region.

#include "diagnostic.h"
#include "framework/methodology.h"
#include "metricdataset.h"

#include <QIODevice>
#include <QStringList>
#include <functional>
#include <optional>

namespace owb {

struct MetricFileSummary
{
    int rows = 0;  // data rows read
    int skippedUnknown = 0;  // rows whose metric is not in the methodology
    QStringList unknownMetrics;  // their ids, sorted
    int skippedNotApplicable = 0;  // rows for metrics that do not apply to the type

    // One line for stderr, or empty when nothing was skipped.
    QString skippedLine(const QString &file, const QString &methodologyId) const;
};

class MetricFileReader
{
public:
    // Errors beyond this many are counted, not listed.
    static constexpr int kMaxListedErrors = 100;
    using Progress = std::function<void(qint64 bytesRead)>;

    explicit MetricFileReader(const Methodology &methodology) : m_methodology(methodology) {}

    // On any error returns nullopt with every problem in *errors.
    std::optional<MetricDataset> read(const QString &path, Diagnostics *errors,
                                      MetricFileSummary *summary = nullptr,
                                      const Progress &progress = {}) const;
    std::optional<MetricDataset> read(QIODevice *device, const QString &displayName,
                                      Diagnostics *errors, MetricFileSummary *summary = nullptr,
                                      const Progress &progress = {}) const;

private:
    const Methodology &m_methodology;
};

} // namespace owb
