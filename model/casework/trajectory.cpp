#include "trajectory.h"
#include "store/schemas.h"

#include "casework.h"
#include "data/cnumber.h"
#include "data/quarterlabel.h"
#include "framework/methodology.h"
#include "store/casefile.h"

#include <QCoreApplication>

namespace owb {

std::optional<double> plannedValue(const QString &text)
{
    QString digits = text.trimmed();
    if (digits.endsWith(QLatin1Char('%')))
        digits.chop(1);
    return parseCNumber(digits.trimmed());
}

QString storedPlannedValue(const QString &text)
{
    const auto number = plannedValue(text);
    return number ? plainNumber(*number) : text;
}

QString plannedValueProblem(const QString &text, const MetricDefinition *metric)
{
    if (text.trimmed().isEmpty())
        return {};
    const auto number = plannedValue(text);
    if (!number)
        return QCoreApplication::translate("owb::Casework", "\"%1\" is not a number: type the planned value as a "
                                                            "number, such as 62.5.")
            .arg(text.trimmed());
    if (!metric || metric->inRange(*number))
        return {};
    if (metric->rangeText().isEmpty())
        return QCoreApplication::translate("owb::Casework", "Too large to be a real value for %1 (%2).")
            .arg(metric->name, metric->id);
    if (metric->units.isEmpty())
        return QCoreApplication::translate("owb::Casework", "%1 (%2) is from %3: %4 is outside that range.")
            .arg(metric->name, metric->id, metric->rangeText(), plainNumber(*number));
    return QCoreApplication::translate("owb::Casework", "%1 (%2) is from %3 (%4): %5 is outside that range.")
        .arg(metric->name, metric->id, metric->rangeText(), metric->units, plainNumber(*number));
}

QStringList storedPlannedProblems(CaseworkStore &store, const QuarterMethodology &methodologyOf, bool builtInOnItsOwn)
{
    QStringList problems;
    for (const QVariantMap &point : store.records(trajectoryTable())) {
        const QString planned = point.value(QStringLiteral("planned")).toString();
        if (planned.trimmed().isEmpty())
            problems.append(QStringLiteral("trajectory point %1 (%2, %3): the planned value is empty, so the chart "
                                           "and the trajectory checks leave it out; remove the point in the case's "
                                           "Improvement trajectory and add it again with its planned value")
                                .arg(point.value(QStringLiteral("id")).toString(),
                                     point.value(QStringLiteral("metric_id")).toString(),
                                     point.value(QStringLiteral("quarter")).toString()));
        else if (!plannedValue(planned))
            problems.append(QStringLiteral("trajectory point %1 (%2, %3): the planned value \"%4\" is not a number, so "
                                           "the chart and the trajectory checks leave it out; remove the point in the "
                                           "case's Improvement trajectory and add it again")
                                .arg(point.value(QStringLiteral("id")).toString(),
                                     point.value(QStringLiteral("metric_id")).toString(),
                                     point.value(QStringLiteral("quarter")).toString(), planned));
        else if (const QString quarter = point.value(QStringLiteral("quarter")).toString(); methodologyOf) {
            const Methodology *methodology = methodologyOf(quarter);
            const MetricDefinition *metric
                = methodology ? methodology->metric(point.value(QStringLiteral("metric_id")).toString()) : nullptr;
            const double value = *plannedValue(planned);
            if (!metric || metric->inRange(value))
                continue;
            const QString where = methodologyUsedText(quarter, *methodology, builtInOnItsOwn);
            const QString found
                = metric->rangeText().isEmpty()
                      ? QStringLiteral("is too large to be a real value of %1 %2").arg(metric->name, where)
                      : QStringLiteral("is outside the range of %1, %2%3, %4")
                            .arg(metric->name, metric->rangeText(),
                                 metric->units.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(metric->units), where);
            problems.append(QStringLiteral("trajectory point %1 (%2, %3): the planned value %4 %5; edit the planned "
                                           "value in the case's Improvement trajectory")
                                .arg(point.value(QStringLiteral("id")).toString(), metric->id, quarter,
                                     plainNumber(value), found));
        }
    }
    return problems;
}

bool missesPlan(const MetricDefinition &metric, double planned, double actual)
{
    if (!metric.direction)
        return false;
    // Values within the framework's tolerance of the plan meet it.
    constexpr double tolerance = 1e-9;
    return *metric.direction == Direction::Lower ? actual > planned + tolerance : actual < planned - tolerance;
}

QList<TrajectoryCheck> checkTrajectory(CaseFile &file, const Methodology &methodology)
{
    CaseworkStore store(file.scope());
    return checkTrajectory(file, store, methodology);
}

QList<TrajectoryCheck> checkTrajectory(CaseFile &file, CaseworkStore &store, const Methodology &methodology)
{
    if (caseSchemaVersion(file.database()) < 4) // no trajectory before schema 4
        return {};
    return checkTrajectory(store, methodology, [&file](const QString &quarter) { return file.metricValues(quarter); });
}

QList<TrajectoryCheck> checkTrajectory(CaseworkStore &store, const Methodology &methodology,
                                       const QuarterValues &valuesIn)
{
    QList<TrajectoryCheck> checks;
    QHash<QString, QHash<QString, MetricValue>> values; // by quarter
    QHash<QString, bool> inProgramme; // by quarter
    for (const QVariantMap &point : store.records(trajectoryTable())) {
        TrajectoryCheck check;
        check.id = point.value(QStringLiteral("id")).toLongLong();
        check.metricId = point.value(QStringLiteral("metric_id")).toString();
        check.quarter = point.value(QStringLiteral("quarter")).toString();
        const auto planned = plannedValue(point.value(QStringLiteral("planned")).toString());
        const MetricDefinition *metric = methodology.metric(check.metricId);
        if (!planned || !metric)
            continue;
        check.planned = *planned;
        if (!values.contains(check.quarter))
            values.insert(check.quarter, valuesIn(check.quarter));
        const MetricValue actual = values.value(check.quarter).value(check.metricId);
        if (!inProgramme.contains(check.quarter))
            inProgramme.insert(check.quarter, store.programmeIn(check.quarter) != 0);
        check.inProgramme = inProgramme.value(check.quarter);
        if (actual.kind == MetricValue::Kind::Number) {
            check.actual = actual.number;
            check.missed = missesPlan(*metric, check.planned, actual.number);
            check.offTrajectory = check.missed && check.inProgramme;
        }
        checks.append(check);
    }
    return checks;
}

namespace {
QList<TrajectoryCheck> offIn(const QList<TrajectoryCheck> &checks, const QString &quarter)
{
    QList<TrajectoryCheck> off;
    for (const TrajectoryCheck &check : checks)
        if (check.quarter == quarter && check.offTrajectory)
            off.append(check);
    return off;
}
} // namespace

QList<TrajectoryCheck> offTrajectoryIn(CaseFile &file, const Methodology &methodology, const QString &quarter)
{
    return offIn(checkTrajectory(file, methodology), quarter);
}

QList<TrajectoryCheck> offTrajectoryIn(CaseFile &file, CaseworkStore &store, const Methodology &methodology,
                                       const QString &quarter)
{
    return offIn(checkTrajectory(file, store, methodology), quarter);
}

QList<TrajectoryCheck> offTrajectoryIn(CaseworkStore &store, const Methodology &methodology, const QString &quarter,
                                       const QuarterValues &valuesIn)
{
    return offIn(checkTrajectory(store, methodology, valuesIn), quarter);
}

} // namespace owb
