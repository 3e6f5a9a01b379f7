#pragma once
// A recovery trajectory against what happened (framework.md §7): each point
// planned for a metric in a quarter, the metric's actual value there, and
// whether the actual misses the plan in the metric's direction (above the
// plan where lower is better, below it where higher is better). A quarter
// with no actual value yet (one planned ahead) misses nothing, and neither
// does a quarter the organisation is not in the programme (before its entry
// quarter, or from its exit quarter on): the trajectory is the programme's
// (framework.md §6, §7), so one missed after the exit is not counted by the
// case, the Overview, the portfolio's needs action or the navigator.

#include "framework/metricvalue.h"

#include <QHash>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace owb {

class CaseFile;
class CaseworkStore;
class Methodology;
struct MetricDefinition;

struct TrajectoryCheck
{
    qint64 id = 0; // the trajectory point's
    QString metricId;
    QString quarter;
    double planned = 0;
    std::optional<double> actual; // absent: no number for that quarter (yet)
    bool inProgramme = false; // the quarter is one the organisation is in the programme
    bool missed = false; // the actual misses the plan, in or out of the programme
    bool offTrajectory = false; // missed in a programme quarter: what counts
};

// A planned value as stored ("62", "62%", "62.5"); empty if it is not a number.
std::optional<double> plannedValue(const QString &text);
// A planned value as it is stored: the plain number ("58.5%" and " 58.50 "
// are stored as "58.5"); text that is not a number as it was (refused by
// plannedValueProblem). The session stores this whichever view typed it.
QString storedPlannedValue(const QString &text);
// Why `text` may not be stored as the planned value of a point for `metric`
// (null: a metric the methodology does not list): not a number, or outside
// the metric's valid range, in plain words naming the metric by the
// methodology's name and the range in its units. Empty when it may be
// stored, or when it is empty (a required field, said as such elsewhere).
// The one rule the form, the table's cell and the session apply
// (fieldValueProblem).
QString plannedValueProblem(const QString &text, const MetricDefinition *metric);
// The methodology a quarter is assessed under (a workspace's register, or
// the built-in one for a case file on its own); null when none is known.
using QuarterMethodology = std::function<const Methodology *(const QString &quarter)>;
// A case's trajectory points whose stored planned value is not a number, or
// (given `methodologyOf`) a number outside its metric's range under the
// methodology of the point's quarter (written by an earlier version, or
// outside the workbench), one line each naming the point, its metric and
// quarter and the range: what `owb check` reports. A metric the quarter's
// methodology does not list is not checked against a range.
QStringList storedPlannedProblems(CaseworkStore &store, const QuarterMethodology &methodologyOf = {},
                                  bool builtInOnItsOwn = false);
// Where a stored value was checked, as `owb check` says it: "in the
// methodology applied to 2026/27 (nof-2026-27)", or, for a case file checked
// on its own (`builtInOnItsOwn`), that the built-in methodology was used
// because the file is checked outside its workspace.
QString methodologyUsedText(const QString &quarter, const Methodology &methodology, bool builtInOnItsOwn);
// A case's stored casework values outside the methodology's lists (a review's
// status, capability conclusion, recommendation or decision; a finding's
// root cause, severity, domains or metrics; an exit criterion's or a
// milestone's status; a trajectory point's metric), written by an earlier
// version or outside the workbench: one line each naming the record (table
// and id), the field and what is wrong, through the same per-field rule the
// forms use (fieldValueProblem), under the methodology of the record's
// quarter (`latestQuarter` for a record with none). What `owb check` reports.
QStringList storedListProblems(CaseworkStore &store, const QuarterMethodology &methodologyOf,
                               bool builtInOnItsOwn = false, const QString &latestQuarter = {});
// Whether `actual` misses `planned` in the metric's direction (a banded
// metric, with no direction, never does).
bool missesPlan(const MetricDefinition &metric, double planned, double actual);
// Every trajectory point of the case (oldest quarter first, as stored), each
// with its actual value and whether it misses. Points whose planned value is
// not a number, or whose metric the methodology does not list, are left out.
QList<TrajectoryCheck> checkTrajectory(CaseFile &file, const Methodology &methodology);
// The same through the case's own casework store (a case session's, whose
// rows it holds: CaseSession::readAgain), the values from `file`.
QList<TrajectoryCheck> checkTrajectory(CaseFile &file, CaseworkStore &store, const Methodology &methodology);
// The same from a case's casework store (one given its rows read ahead) and
// its metric values by quarter (`valuesIn`, asked once per quarter).
using QuarterValues = std::function<QHash<QString, MetricValue>(const QString &quarter)>;
QList<TrajectoryCheck> checkTrajectory(CaseworkStore &store, const Methodology &methodology,
                                       const QuarterValues &valuesIn);
// The points planned for `quarter` that the actual misses: the case is off
// trajectory in that quarter when this is not empty.
QList<TrajectoryCheck> offTrajectoryIn(CaseFile &file, const Methodology &methodology, const QString &quarter);
QList<TrajectoryCheck> offTrajectoryIn(CaseFile &file, CaseworkStore &store, const Methodology &methodology,
                                       const QString &quarter);
QList<TrajectoryCheck> offTrajectoryIn(CaseworkStore &store, const Methodology &methodology, const QString &quarter,
                                       const QuarterValues &valuesIn);
inline bool isOffTrajectory(CaseFile &file, const Methodology &methodology, const QString &quarter)
{
    return !offTrajectoryIn(file, methodology, quarter).isEmpty();
}

} // namespace owb
