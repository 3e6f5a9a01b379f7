// owb score and owb segment: a metric file in, the framework's results out.

#include "command.h"
#include "data/metricfilereader.h"
#include "exchange/assessmentwriter.h"

#include <QJsonDocument>
#include <QTextStream>

namespace owb::cli {

namespace {

using Writer = void (*)(QTextStream &, const Methodology &, const QList<AssessedQuarter> &);
using JsonWriter = QJsonArray (*)(const Methodology &, const QList<AssessedQuarter> &);

int runAssessment(const QString &command, const QString &synopsis, const QStringList &arguments,
                  Writer csvWriter, JsonWriter jsonWriter)
{
    QCommandLineParser parser;
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("The metric CSV to read."),
                                  QStringLiteral("file"));
    parser.addOptions({data, methodologyOption(), quarterOption(), formatOption()});
    int exitCode = Success;
    if (!parseArguments(parser, command, synopsis, arguments, 0, &exitCode))
        return exitCode;
    if (!parser.isSet(data)) {
        printError(QStringLiteral("owb %1: --data FILE is required").arg(command));
        return BadInput;
    }
    const auto methodology = loadMethodology(parser);
    const auto format = outputFormat(parser);
    if (!methodology || !format)
        return BadInput;

    Diagnostics errors;
    MetricFileSummary summary;
    const QString path = parser.value(data);
    const auto dataset = MetricFileReader(*methodology).read(path, &errors, &summary);
    for (const Diagnostic &error : std::as_const(errors))
        printError(error.toString());
    if (!dataset)
        return BadInput;
    if (const QString skipped = summary.skippedLine(path, methodology->id()); !skipped.isEmpty())
        printError(skipped);

    const auto chosen = quarterValue(parser);
    if (!chosen)
        return BadInput;
    QList<AssessedQuarter> results;
    const QString only = *chosen;
    for (const QuarterData &quarter : dataset->quarters)
        if (only.isEmpty() || quarter.label == only)
            results.append({quarter.label, assessQuarter(*methodology, quarter.toInputs())});
    if (!only.isEmpty() && results.isEmpty()) {
        printError(QStringLiteral("%1: no rows for quarter \"%2\"").arg(path, only));
        return BadInput;
    }

    if (*format == QLatin1String("json")) {
        writeStdout(QJsonDocument(jsonWriter(*methodology, results)).toJson(QJsonDocument::Indented));
    } else {
        QTextStream out(stdout);
        csvWriter(out, *methodology, results);
    }
    return Success;
}

} // namespace

int runScore(const QStringList &arguments)
{
    return runAssessment(QStringLiteral("score"),
                         QStringLiteral("One row per organisation and applicable scored metric: "
                                        "quarter,org_type,org_code,metric_id,value,score,weight"),
                         arguments, writeScoresCsv, scoresJson);
}

int runSegment(const QStringList &arguments)
{
    return runAssessment(QStringLiteral("segment"),
                         QStringLiteral("One row per organisation and quarter: quarter,org_type,org_code,"
                                        "metrics_scored,average_score,raw_segment,deficit,segment,rank"),
                         arguments, writeSegmentsCsv, segmentsJson);
}

} // namespace owb::cli
