// owb score and owb segment: a metric file in, the framework's results out.

#include "command.h"
#include "data/metricfilereader.h"
#include "data/quarterlabel.h"
#include "exchange/assessmentwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QTextStream>

namespace owb::cli {

namespace {

using Writer = void (*)(QTextStream &, const Methodology &, const QList<AssessedQuarter> &);
using JsonWriter = QJsonArray (*)(const Methodology &, const QList<AssessedQuarter> &);

// Each quarter under the file that declares its year (--methodology given
// more than once): the metric file is read under each file, and each file's
// quarters are taken from its own reading.
int runByYear(const QString &command, const QCommandLineParser &parser, const QString &path, const QString &format,
              Writer csvWriter, JsonWriter jsonWriter)
{
    QList<Methodology> files;
    QHash<QString, int> byYear;
    for (const QString &file : parser.values(QStringLiteral("methodology"))) {
        QString error;
        const auto methodology = Methodology::fromFile(file, &error);
        if (!methodology) {
            printError(error);
            return BadInput;
        }
        for (const QString &year : methodology->years()) {
            if (byYear.contains(year)) {
                printError(QStringLiteral("owb %1: %2 is declared by two --methodology files (%3 and %4); give "
                                          "one file per year")
                               .arg(command, year, files.at(byYear.value(year)).id(), methodology->id()));
                return BadInput;
            }
            byYear.insert(year, int(files.size()));
        }
        files.append(*methodology);
    }
    const auto chosen = quarterValue(parser);
    if (!chosen)
        return BadInput;
    QMap<int, std::pair<int, AssessedQuarter>> results;  // quarter key -> file, assessment
    QStringList labels;
    for (int i = 0; i < files.size(); ++i) {
        Diagnostics errors;
        MetricFileSummary summary;
        const auto dataset = MetricFileReader(files.at(i)).read(path, &errors, &summary);
        for (const Diagnostic &error : std::as_const(errors))
            printError(error.toString());
        if (!dataset)
            return BadInput;
        bool used = false;
        for (const QuarterData &quarter : dataset->quarters) {
            if (!labels.contains(quarter.label))
                labels.append(quarter.label);
            if (byYear.value(yearOfQuarter(quarter.label), -1) != i)
                continue;
            if (!chosen->isEmpty() && quarter.label != *chosen)
                continue;
            used = true;
            results.insert(quarterKey(quarter.label),
                           {i, AssessedQuarter{quarter.label, assessQuarter(files.at(i), quarter.toInputs())}});
        }
        if (const QString skipped = summary.skippedLine(path, files.at(i).id()); used && !skipped.isEmpty())
            printError(skipped);
    }
    for (const QString &label : std::as_const(labels))
        if (!byYear.contains(yearOfQuarter(label)) && (chosen->isEmpty() || label == *chosen)) {
            printError(QStringLiteral("%1: %2: none of the --methodology files declares %3 (add that year's "
                                      "file with another --methodology)")
                           .arg(path, label, yearOfQuarter(label)));
            return BadInput;
        }
    if (!chosen->isEmpty() && results.isEmpty()) {
        printError(QStringLiteral("%1: no rows for quarter \"%2\"").arg(path, *chosen));
        return BadInput;
    }
    // Each quarter written under its own rules, as one table.
    QJsonArray json;
    QString csv;
    bool first = true;
    for (const auto &[file, assessed] : std::as_const(results)) {
        const QList<AssessedQuarter> one{assessed};
        if (format == QLatin1String("json")) {
            for (const QJsonValue row : jsonWriter(files.at(file), one))
                json.append(row);
            continue;
        }
        QString text;
        QTextStream out(&text);
        csvWriter(out, files.at(file), one);
        out.flush();
        csv += first ? text : text.mid(text.indexOf(QLatin1Char('\n')) + 1);
        first = false;
    }
    if (format == QLatin1String("json"))
        writeStdout(QJsonDocument(json).toJson(QJsonDocument::Indented));
    else
        writeStdout(csv.toUtf8());
    return Success;
}

int runAssessment(const QString &command, const QString &synopsis, const QStringList &arguments,
                  Writer csvWriter, JsonWriter jsonWriter)
{
    QCommandLineParser parser;
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("The metric CSV to read."),
                                  QStringLiteral("file"));
    const QCommandLineOption methodologies(QStringLiteral("methodology"),
        QStringLiteral("Use the methodology JSON in <file> instead of the built-in one; give it once per "
                       "financial year to assess each quarter under the file that declares its year."),
        QStringLiteral("file"));
    parser.addOptions({data, methodologies, quarterOption(), formatOption()});
    int exitCode = Success;
    if (!parseArguments(parser, command, synopsis, arguments, 0, &exitCode))
        return exitCode;
    if (!parser.isSet(data)) {
        printError(QStringLiteral("owb %1: --data FILE is required").arg(command));
        return BadInput;
    }
    if (parser.values(methodologies).size() > 1) {
        const auto format = outputFormat(parser);
        if (!format)
            return BadInput;
        return runByYear(command, parser, parser.value(data), *format, csvWriter, jsonWriter);
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
