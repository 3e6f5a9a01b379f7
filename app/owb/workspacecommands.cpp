// owb import, portfolio, check and demo: commands over a workspace folder.

#include "casework/league.h"
#include "command.h"
#include "store/teamworkspace.h"
#include "data/metricfilereader.h"
#include "demo/demoworkspace.h"
#include "exchange/portfoliowriter.h"
#include "store/integritycheck.h"
#include "store/importer.h"
#include "store/portfolio.h"
#include "store/workspace.h"
#include "store/workspacelock.h"

#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

namespace owb::cli {

int runImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("The workspace folder (created if absent or empty)."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The metric CSV to import."));
    const QCommandLineOption region(QStringLiteral("region"),
                                    QStringLiteral("When creating the workspace, follow only the organisations of <region>."),
                                    QStringLiteral("region"));
    const QCommandLineOption backCast(QStringLiteral("back-cast"),
        QStringLiteral("Assess quarters of a year that has no methodology under the first later year's "
                       "methodology, recorded in the register as a back-cast (otherwise they are refused)."));
    const QCommandLineOption methodologies(QStringLiteral("methodology"),
        QStringLiteral("Register the methodology JSON in <file> for the years it declares that have none (the "
                       "built-in file covers its own year); give it once per financial year."),
        QStringLiteral("file"));
    parser.addOptions({methodologies, region, backCast});
    int exitCode = Success;
    if (!parseArguments(parser, QStringLiteral("import"),
                        QStringLiteral("Validate a metric file, store its national values in the workspace and "
                                       "bring every followed case file up to date. Nothing is written if the "
                                       "file has any error."),
                        arguments, 2, &exitCode))
        return exitCode;
    const QString directory = parser.positionalArguments().at(0);
    const QString path = parser.positionalArguments().at(1);
    // One file per year: two declaring the same year are refused, naming both.
    QList<Methodology> given;
    for (const QString &file : parser.values(methodologies)) {
        QString error;
        const auto methodology = Methodology::fromFile(file, &error);
        if (!methodology) {
            printError(error);
            return BadInput;
        }
        given.append(*methodology);
    }
    if (const QString twice = sameYearTwice(QStringLiteral("owb import"), given, parser.values(methodologies));
        !twice.isEmpty()) {
        printError(twice);
        return BadInput;
    }
    if (const QString warning = WorkspaceLock::networkFileSystemWarning(directory); !warning.isEmpty())
        printError(QStringLiteral("warning: ") + warning);
    const ImportOutcome outcome = importMetricFile(directory, path, given, parser.value(region), {},
                                                    parser.isSet(backCast));
    for (const Diagnostic &error : outcome.errors)
        printError(error.toString());
    if (!outcome.storeError.isEmpty())
        printError(outcome.storeError);
    // Rows of unknown metrics are skipped, not errors; named whether or not the file was refused.
    if (const QString skipped = outcome.summary.skippedLine(path, outcome.methodologyId);
        !skipped.isEmpty())
        printError(skipped);
    if (!outcome.ok())
        return BadInput;
    const ImportReport &report = outcome.report;
    for (const QString &code : report.refusedCodes)
        printError(QStringLiteral("warning: %1: the organisation code \"%2\" was stored by an earlier version; it is "
                                  "not a valid code, so it is ranked among its peers but has no case file")
                       .arg(directory, code.left(60)));
    // Rows taken in and rows left out, counted apart: a skipped row was not imported.
    const int skippedRows = outcome.summary.skippedUnknown + outcome.summary.skippedNotApplicable;
    // An interrupted import that this one completed is told with it: the case
    // files counted include what completing it wrote.
    const QString completed = report.quartersCompleted.isEmpty()
        ? QString()
        : QStringLiteral("; an interrupted %1 was completed: %2")
              .arg(report.completedReassessment ? QStringLiteral("re-assessment") : QStringLiteral("import"),
                   report.quartersCompleted.join(QStringLiteral(", ")));
    // A team workspace holds cases, not case files.
    printLine(QStringLiteral("%1: imported %2 rows, skipped %3; quarters changed: %4%5; %8 created %6, updated %7")
                  .arg(directory)
                  .arg(outcome.summary.rows - skippedRows)
                  .arg(skippedRows)
                  .arg(report.quartersChanged.isEmpty() ? QStringLiteral("none")
                                                        : report.quartersChanged.join(QStringLiteral(", ")),
                      completed)
                  .arg(report.caseFilesCreated)
                  .arg(report.caseFilesUpdated)
                  .arg(isServerUrl(directory) ? QStringLiteral("cases") : QStringLiteral("case files")));
    return Success;
}

int runPortfolio(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("The workspace folder."));
    parser.addOptions({quarterOption(), formatOption()});
    int exitCode = Success;
    if (!parseArguments(parser, QStringLiteral("portfolio"),
                        QStringLiteral("List the workspace's case files with their segment, average, rank "
                                       "and movement since the previous quarter."),
                        arguments, 1, &exitCode))
        return exitCode;
    const auto format = outputFormat(parser);
    if (!format)
        return BadInput;
    const auto chosen = quarterValue(parser);
    if (!chosen)
        return BadInput;
    try {
        auto workspace = openToRead(parser.positionalArguments().at(0));
        const QString quarter = *chosen;
        if (!quarter.isEmpty() && !workspace->peers().quarters().contains(quarter)) {
            printError(QStringLiteral("%1: no quarter \"%2\" (the workspace has %3)")
                           .arg(workspace->directory(), quarter,
                                workspace->peers().quarters().join(QStringLiteral(", "))));
            return BadInput;
        }
        QStringList problems;
        QList<PortfolioEntry> entries = loadPortfolio(*workspace, quarter, &problems);
        // Capability ratings by the names the quarter's methodology gives
        // them, as the workbench's portfolio and its export say them.
        QHash<QString, QString> ratings;
        if (!workspace->peers().quarters().isEmpty()) {
            NationalCache national(workspace->peers(), workspace->methodology());
            const QString shown = quarter.isEmpty() ? workspace->peers().quarters().last() : quarter;
            rankPortfolio(entries, national, shown);
            for (const NamedItem &rating : national.methodologyFor(shown).capabilityRatings())
                ratings.insert(rating.id, rating.name);
        }
        for (const QString &problem : std::as_const(problems))
            printError(problem);
        if (*format == QLatin1String("json")) {
            writeStdout(QJsonDocument(portfolioJson(entries, ratings)).toJson(QJsonDocument::Indented));
        } else {
            QTextStream out(stdout);
            writePortfolioCsv(out, entries, ratings);
        }
        return problems.isEmpty() ? Success : BadInput;
    } catch (const StoreError &error) {
        printError(error.message());
        return BadInput;
    }
}

int runCheck(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 QStringLiteral("A workspace folder, a case file, or a team workspace (postgresql://...)."));
    int exitCode = Success;
    if (!parseArguments(parser, QStringLiteral("check"),
                        QStringLiteral("Check SQLite integrity, schema version and internal consistency. "
                                       "Exit 0 when clean, 2 with every problem listed."),
                        arguments, 1, &exitCode))
        return exitCode;
    const QString path = parser.positionalArguments().at(0);
    // A team workspace is checked case by case on its server.
    const bool server = isServerUrl(path);
    CheckReport report;
    try {
        report = server ? checkTeamWorkspace(parseServerUrl(path), QString()) : checkPath(path);
    } catch (const StoreError &error) {
        printError(QStringLiteral("owb check: %1").arg(error.message()));
        return BadInput;
    }
    const QString checked = server
        ? plural(report.filesChecked, QStringLiteral("1 case"), QStringLiteral("%1 cases"))
        : plural(report.filesChecked, QStringLiteral("1 file"), QStringLiteral("%1 files"));
    for (const QString &problem : report.problems)
        printError(problem);
    for (const QString &note : report.notes)
        printLine(QStringLiteral("note: %1").arg(note));
    if (report.clean())
        printLine(QStringLiteral("%1: %2 checked, clean").arg(path, checked));
    else
        printError(QStringLiteral("%1: %2 in %3 checked")
                       .arg(path,
                            plural(report.problems.size(), QStringLiteral("1 problem"), QStringLiteral("%1 problems")),
                            checked));
    return report.clean() ? Success : BadInput;
}

int runDemo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("A folder that does not exist or is empty."));
    int exitCode = Success;
    if (!parseArguments(parser, QStringLiteral("demo"),
                        QStringLiteral("Create the demo workspace: an invented national dataset and the case "
                                       "files of one region."),
                        arguments, 1, &exitCode))
        return exitCode;
    const QString directory = parser.positionalArguments().at(0);
    if (isServerUrl(directory)) {
        printError(QStringLiteral("%1: owb demo makes a folder workspace; to try the demo on a server, make it in a "
                                  "folder and upload it with owb team push FOLDER URL")
                       .arg(directory));
        return BadInput;
    }
    if (!Workspace::isAbsentOrEmpty(directory)) {
        printError(QStringLiteral("%1: the folder is not empty; owb demo needs a new or empty folder").arg(directory));
        return BadInput;
    }
    try {
        const DemoSummary summary = createDemoWorkspace(directory);
        printLine(QStringLiteral("%1: demo workspace with %2 organisations nationally, %3 quarters, "
                                 "%4 case files (%5 region)")
                      .arg(directory)
                      .arg(summary.organisations)
                      .arg(summary.quarters)
                      .arg(summary.caseFiles)
                      .arg(summary.region));
    } catch (const StoreError &error) {
        printError(error.message());
        return BadInput;
    }
    return Success;
}

} // namespace owb::cli
