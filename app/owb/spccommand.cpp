// owb spc: Making Data Count charts for analysts' board papers.

#include "command.h"
#include "data/cnumber.h"
#include "data/csvreader.h"
#include "data/metricfilereader.h"
#include "data/orgcode.h"
#include "exchange/spcwriter.h"

#include <QFile>
#include <QJsonDocument>
#include <cmath>

namespace owb::cli {

namespace {
// Reads period,value rows; on errors prints them and returns nullopt.
std::optional<QList<std::pair<QString, double>>> readSeries(const QString &path)
{
    QFile file(path);
    if (const QString problem = inputFileProblem(path); !problem.isEmpty()) {
        printError(QStringLiteral("%1: %2").arg(path, problem));
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        printError(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    CsvReader reader(&file, path);
    CsvRecord record;
    if (!reader.next(&record)) {
        printError(reader.hasError() ? reader.error().toString() : QStringLiteral("%1: the file is empty").arg(path));
        return std::nullopt;
    }
    int periodColumn = -1;
    int valueColumn = -1;
    for (int i = 0; i < record.fields.size(); ++i) {
        const QString name = record.fields.at(i).text.trimmed().toLower();
        if (name == QLatin1String("period"))
            periodColumn = i;
        else if (name == QLatin1String("value"))
            valueColumn = i;
    }
    if (periodColumn < 0 || valueColumn < 0) {
        printError(QStringLiteral("%1:%2: the header needs columns \"period\" and \"value\"").arg(path).arg(record.line));
        return std::nullopt;
    }
    QList<std::pair<QString, double>> series;
    bool ok = true;
    while (reader.next(&record)) {
        if (record.fields.size() <= std::max(periodColumn, valueColumn)) {
            printError(QStringLiteral("%1:%2: expected %3 columns").arg(path).arg(record.line).arg(std::max(periodColumn, valueColumn) + 1));
            ok = false;
            continue;
        }
        const CsvField &field = record.fields.at(valueColumn);
        const auto value = parseCNumber(field.text);
        if (!value) {
            printError(Diagnostic{path, field.line, field.column,
                                  QStringLiteral("\"%1\" is not a number").arg(field.text.trimmed())}.toString());
            ok = false;
            continue;
        }
        // The same bound as a metric's value: beyond it the mean and limits overflow.
        if (std::abs(*value) > MetricDefinition::kAbsurd) {
            printError(Diagnostic{path, field.line, field.column,
                                  QStringLiteral("value %1 is too large to be a real value (at most 1e12 either way)")
                                      .arg(field.text.trimmed())}
                           .toString());
            ok = false;
            continue;
        }
        series.append({record.fields.at(periodColumn).text.trimmed(), *value});
    }
    if (reader.hasError()) {
        printError(reader.error().toString());
        ok = false;
    }
    if (ok && series.isEmpty()) {
        printError(QStringLiteral("%1: no data rows after the header").arg(path));
        ok = false;
    }
    return ok ? std::optional(series) : std::nullopt;
}
} // namespace

int runSpc(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption seriesOption(QStringLiteral("series"), QStringLiteral("A CSV with columns period,value in period order."),
                                          QStringLiteral("file"));
    const QCommandLineOption dataOption(QStringLiteral("data"), QStringLiteral("A metric CSV (with --org and --metric) instead of --series."),
                                        QStringLiteral("file"));
    const QCommandLineOption orgOption(QStringLiteral("org"), QStringLiteral("The organisation's code, with --data."), QStringLiteral("code"));
    const QCommandLineOption metricOption(QStringLiteral("metric"), QStringLiteral("The metric id, with --data."), QStringLiteral("id"));
    const QCommandLineOption directionOption(QStringLiteral("direction"),
                                             QStringLiteral("higher, lower or neither (default: the metric's, or neither)."),
                                             QStringLiteral("higher|lower|neither"));
    const QCommandLineOption targetOption(QStringLiteral("target"), QStringLiteral("A target for the assurance icon (default: the metric's standard)."),
                                          QStringLiteral("x"));
    parser.addOptions({seriesOption, dataOption, orgOption, metricOption, directionOption, targetOption,
                       methodologyOption(), formatOption()});
    int exitCode = Success;
    if (!parseArguments(parser, QStringLiteral("spc"),
                        QStringLiteral("Statistical process control by NHS England's Making Data Count rules: mean, "
                                       "process limits, special-cause points, variation and assurance icons. "
                                       "Fewer than 13 points give a run chart."),
                        arguments, 0, &exitCode))
        return exitCode;
    const auto format = outputFormat(parser);
    if (!format)
        return BadInput;
    if (parser.isSet(seriesOption) == parser.isSet(dataOption)) {
        printError(QStringLiteral("owb spc: give either --series FILE or --data FILE --org CODE --metric ID"));
        return BadInput;
    }

    std::optional<SpcDirection> direction;
    std::optional<double> target;
    QList<std::pair<QString, double>> series;
    if (parser.isSet(seriesOption)) {
        const auto read = readSeries(parser.value(seriesOption));
        if (!read)
            return BadInput;
        series = *read;
    } else {
        if (!parser.isSet(orgOption) || !parser.isSet(metricOption)) {
            printError(QStringLiteral("owb spc: --data needs --org CODE and --metric ID"));
            return BadInput;
        }
        const auto methodology = loadMethodology(parser);
        if (!methodology)
            return BadInput;
        const MetricDefinition *metric = methodology->metric(parser.value(metricOption));
        if (!metric) {
            printError(QStringLiteral("owb spc: metric \"%1\" is not in methodology %2").arg(parser.value(metricOption), methodology->id()));
            return BadInput;
        }
        Diagnostics errors;
        const QString path = parser.value(dataOption);
        const auto dataset = MetricFileReader(*methodology).read(path, &errors);
        for (const Diagnostic &error : std::as_const(errors))
            printError(error.toString());
        if (!dataset)
            return BadInput;
        const QString code = canonicalOrgCode(parser.value(orgOption));  // stored in capitals, as the reader does
        for (const QuarterData &quarter : dataset->quarters) {
            const auto it = quarter.index.constFind(code);
            if (it == quarter.index.cend())
                continue;
            const MetricValue value = quarter.organisations.at(*it).values.value(metric->id);
            if (value.kind == MetricValue::Kind::Number)
                series.append({quarter.label, value.number});
        }
        if (series.isEmpty()) {
            printError(QStringLiteral("%1: no numeric values of %2 for organisation %3").arg(path, metric->id, code));
            return BadInput;
        }
        if (metric->direction)
            direction = *metric->direction == Direction::Higher ? SpcDirection::Higher : SpcDirection::Lower;
        target = metric->standard;
    }

    if (parser.isSet(directionOption)) {
        const QString text = parser.value(directionOption);
        if (text == QLatin1String("higher"))
            direction = SpcDirection::Higher;
        else if (text == QLatin1String("lower"))
            direction = SpcDirection::Lower;
        else if (text == QLatin1String("neither"))
            direction = SpcDirection::Neither;
        else {
            printError(QStringLiteral("owb spc: --direction must be higher, lower or neither, not \"%1\"").arg(text));
            return BadInput;
        }
    }
    if (parser.isSet(targetOption)) {
        target = parseCNumber(parser.value(targetOption));
        if (!target) {
            printError(QStringLiteral("owb spc: --target must be a number, not \"%1\"").arg(parser.value(targetOption)));
            return BadInput;
        }
    }

    const SpcResult result = analyseSpc(series, direction.value_or(SpcDirection::Neither), target);
    if (*format == QLatin1String("json")) {
        writeStdout(QJsonDocument(spcJson(result)).toJson(QJsonDocument::Indented));
    } else {
        QTextStream out(stdout);
        writeSpcCsv(out, result);
    }
    return Success;
}

} // namespace owb::cli
