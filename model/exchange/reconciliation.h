#pragma once
// Reconciliation with NHS England's published league table: per trust, where
// the workbench's computed result differs and why. The published file has
// columns Trust_code, Segment, Average_score, Trust_in_financial_deficit and
// Rank (any order and case; others ignored).

#include "casework/nationalcache.h"
#include "data/diagnostic.h"

#include <QStringList>
#include <QTextStream>
#include <optional>

namespace owb {

struct PublishedResult
{
    QString code;
    int segment = 0;
    Hundredths average = 0;
    bool deficit = false;
    int rank = 0;
    int line = 0;
};

struct ReconciliationRow
{
    PublishedResult published;
    bool found = false;  // the workspace has the trust in that quarter
    int segment = 0;
    Hundredths average = 0;
    bool deficit = false;
    int rank = 0;
    QString difference;  // empty when everything agrees
};

// nullopt with every problem in *errors when the file cannot be read.
std::optional<QList<PublishedResult>> readPublishedLeague(const QString &path, Diagnostics *errors);
// The workspace's side is each trust's final segment and its league rank
// after decisions, as every view shows them: `finalSegments` holds the
// decided ones (decidedSegments(): 5 in the programme, or a correction).
QList<ReconciliationRow> reconcile(NationalCache &national, const QString &quarter, const QList<PublishedResult> &published,
                                   const QHash<QString, int> &finalSegments = {});
// When the published table has rows and none of its trusts is in the
// workspace's data for the quarter (a table of other organisations, or codes
// that match none), that in one plain sentence; else empty. Shown above the
// rows by the panel and on standard error by `owb reconcile`.
QString noneInWorkspace(const QList<ReconciliationRow> &rows, const QString &quarter);
// org_code,published_segment,computed_segment,published_average,computed_average,
// published_deficit,computed_deficit,published_rank,computed_rank,difference
void writeReconciliationCsv(QTextStream &out, const QList<ReconciliationRow> &rows);

} // namespace owb
