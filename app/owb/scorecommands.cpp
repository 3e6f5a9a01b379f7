// owb score and owb segment: a metric file in, the framework's results out.

#include "command.h"
#include "data/metricfilereader.h"
#include "data/quarterlabel.h"
#include "exchange/assessmentwriter.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QTextStream>

namespace owb::cli {

namespace {

using Writer = void (*)(QTextStream &, const Methodology &, const QList<AssessedQuarter> &);
using JsonWriter = QJsonArray (*)(const Methodology &, const QList<AssessedQuarter> &);

// The files a quarter may be assessed under: each --methodology given, or
// the built-in one, which covers only the years it declares.
struct YearFiles
{
    QList<Methodology> files;
    QStringList paths;  // as given; empty for the built-in file
    QHash<QString, int> byYear;  // financial year -> index in files
};

std::optional<YearFiles> yearFiles(const QString &command, const QStringList &paths)
{
    YearFiles result;
    if (paths.isEmpty()) {
        result.files.append(Methodology::builtIn());
        result.paths.append(QString());
    }
    for (const QString &path : paths) {
        QString error;
        const auto methodology = Methodology::fromFile(path, &error);
        if (!methodology) {
            printError(error);
            return std::nullopt;
        }
        result.files.append(*methodology);
        result.paths.append(path);
    }
    for (int i = 0; i < result.files.size(); ++i)
        for (const QString &year : result.files.at(i).years()) {
            if (result.byYear.contains(year)) {
                const QString &first = result.paths.at(result.byYear.value(year));
                if (first == result.paths.at(i)) {
                    printError(QStringLiteral("owb %1: %2 was given twice: give each --methodology file once")
                                   .arg(command, first));
                    return std::nullopt;
                }
                printError(QStringLiteral("owb %1: %2 and %3 both declare %4: give one --methodology file per "
                                          "financial year")
                               .arg(command, result.paths.at(result.byYear.value(year)), result.paths.at(i), year));
                return std::nullopt;
            }
            result.byYear.insert(year, i);
        }
    return result;
}

// What to say when the quarters of a year have no file: the quarters, their
// year, and the file to give.
QString missingYearMessage(const QString &path, const QStringList &quarters, const QString &year,
                           const YearFiles &given)
{
    const QString which = quarters.size() == 1
        ? QStringLiteral("quarter %1 is").arg(quarters.first())
        : QStringLiteral("quarters %1 are").arg(quarters.join(QStringLiteral(", ")));
    if (given.paths.first().isEmpty())
        return QStringLiteral("%1: %2 in %3, which the built-in methodology (%4, for %5) does not cover: pass a "
                              "--methodology file for %3")
            .arg(path, which, year, given.files.first().id(), given.files.first().years().join(QStringLiteral(", ")));
    QStringList each;
    for (int i = 0; i < given.files.size(); ++i)
        each.append(QStringLiteral("%1 declares %2")
                        .arg(given.paths.at(i), given.files.at(i).years().join(QStringLiteral(", "))));
    return QStringLiteral("%1: %2 in %3, which none of the --methodology files declares (%4): pass a --methodology "
                          "file for %3")
        .arg(path, which, year, each.join(QStringLiteral("; ")));
}

// Each quarter under the file that declares its year: the metric file is
// read under each file, and each file's quarters are taken from its own
// reading. Nothing is written unless every quarter asked for has its file.
int runByYear(const QString &command, const QCommandLineParser &parser, const QString &path, const QString &format,
              Writer csvWriter, JsonWriter jsonWriter)
{
    const auto given = yearFiles(command, parser.values(QStringLiteral("methodology")));
    if (!given)
        return BadInput;
    const QList<Methodology> &files = given->files;
    const auto chosen = quarterValue(parser);
    if (!chosen)
        return BadInput;
    QMap<int, std::pair<int, AssessedQuarter>> results;  // quarter key -> file, assessment
    QMap<QString, QStringList> missing;  // year -> its quarters that no file declares
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
            if (!chosen->isEmpty() && quarter.label != *chosen)
                continue;
            const QString year = yearOfQuarter(quarter.label);
            if (!given->byYear.contains(year)) {
                if (!missing[year].contains(quarter.label))
                    missing[year].append(quarter.label);
                continue;
            }
            if (given->byYear.value(year) != i)
                continue;
            used = true;
            results.insert(quarterKey(quarter.label),
                           {i, AssessedQuarter{quarter.label, assessQuarter(files.at(i), quarter.toInputs())}});
        }
        if (const QString skipped = summary.skippedLine(path, files.at(i).id()); used && !skipped.isEmpty())
            printError(skipped);
    }
    if (!missing.isEmpty()) {
        for (auto it = missing.cbegin(); it != missing.cend(); ++it)
            printError(missingYearMessage(path, it.value(), it.key(), *given));
        return BadInput;
    }
    if (!chosen->isEmpty() && results.isEmpty()) {
        printError(QStringLiteral("%1: no rows for quarter \"%2\"").arg(path, *chosen));
        return BadInput;
    }
    // Consecutive quarters of one file written together, each under its own
    // rules, as one table: one file gives exactly what it gives alone.
    QList<std::pair<int, QList<AssessedQuarter>>> runs;
    for (const auto &[file, assessed] : std::as_const(results)) {
        if (runs.isEmpty() || runs.last().first != file)
            runs.append(std::pair<int, QList<AssessedQuarter>>{file, {}});
        runs.last().second.append(assessed);
    }
    if (runs.isEmpty())
        runs.append(std::pair<int, QList<AssessedQuarter>>{0, {}});
    QJsonArray json;
    QString csv;
    for (qsizetype r = 0; r < runs.size(); ++r) {
        const auto &[file, quarters] = runs.at(r);
        if (format == QLatin1String("json")) {
            for (const QJsonValue row : jsonWriter(files.at(file), quarters))
                json.append(row);
            continue;
        }
        QString text;
        QTextStream out(&text);
        csvWriter(out, files.at(file), quarters);
        out.flush();
        csv += r == 0 ? text : text.mid(text.indexOf(QLatin1Char('\n')) + 1);
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
        QStringLiteral("Use the methodology JSON in <file> instead of the built-in one (which covers only its own "
                       "years); give it once per financial year to assess each quarter under the file that declares "
                       "its year."),
        QStringLiteral("file"));
    parser.addOptions({data, methodologies, quarterOption(), formatOption()});
    int exitCode = Success;
    if (!parseArguments(parser, command, synopsis, arguments, 0, &exitCode))
        return exitCode;
    if (!parser.isSet(data)) {
        printError(QStringLiteral("owb %1: --data FILE is required").arg(command));
        return BadInput;
    }
    const auto format = outputFormat(parser);
    if (!format)
        return BadInput;
    return runByYear(command, parser, parser.value(data), *format, csvWriter, jsonWriter);
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
