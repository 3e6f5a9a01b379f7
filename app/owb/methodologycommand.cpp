// owb methodology list | show | add: the workspace's register of methodologies.

#include "command.h"
#include "data/quarterlabel.h"
#include "exchange/csvwriter.h"
#include "store/methodologychange.h"
#include "store/workspacelock.h"

#include <QTextStream>

namespace owb::cli {

namespace {
const QString kUsage = QStringLiteral(
    "Usage: owb methodology list WORKSPACE\n"
    "       owb methodology show WORKSPACE YEAR\n"
    "       owb methodology add WORKSPACE FILE [--apply]\n"
    "\n"
    "The workspace's register of methodologies: each financial year is assessed under one file.\n"
    "  list  the years with the file in force for each (id, basis, SHA-256, who added it, when)\n"
    "  show  print the methodology file in force for YEAR (such as 2026/27)\n"
    "  add   put FILE in force for the years it declares; without --apply a dry run lists, for each\n"
    "        organisation and quarter whose segment or average would change, both before and after,\n"
    "        and notes each recorded decision made on a computed segment that would change\n");

QString segmentText(const StoredAssessment &a)
{
    return a.result.segment > 0 ? QString::number(a.result.segment) : QString();
}

QString averageText(const StoredAssessment &a)
{
    return a.result.average > 0 ? formatHundredths(a.result.average) : QString();
}

int runList(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("The workspace folder."));
    int exitCode = Success;
    if (!parseArguments(parser, QStringLiteral("methodology list"),
                        QStringLiteral("List the workspace's register of methodologies: for each financial "
                                       "year, the file in force."),
                        arguments, 1, &exitCode))
        return exitCode;
    auto workspace = Workspace::open(parser.positionalArguments().at(0), Database::Mode::ReadOnly);
    QTextStream out(stdout);
    writeCsvRow(out, {QStringLiteral("year"), QStringLiteral("methodology_id"), QStringLiteral("basis"),
                      QStringLiteral("declared_years"), QStringLiteral("sha256"), QStringLiteral("added_by"),
                      QStringLiteral("added_at"), QStringLiteral("title")});
    const MethodologyRegister &reg = workspace->methodologies();
    for (const RegisteredYear &year : reg.years()) {
        const RegisteredFile *file = reg.file(year.file);
        if (!file)
            continue;
        writeCsvRow(out, {year.year, file->methodology.id(), MethodologyRegister::basisName(year.basis),
                          file->methodology.years().join(QLatin1Char(' ')), file->methodology.sha256(),
                          file->addedBy, file->addedAt, file->methodology.title()});
    }
    return Success;
}

int runShow(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("The workspace folder."));
    parser.addPositionalArgument(QStringLiteral("YEAR"), QStringLiteral("A financial year, such as 2026/27."));
    int exitCode = Success;
    if (!parseArguments(parser, QStringLiteral("methodology show"),
                        QStringLiteral("Print the methodology file in force for a financial year."), arguments, 2,
                        &exitCode))
        return exitCode;
    QString problem;
    const QString year = canonicalYear(parser.positionalArguments().at(1), &problem);
    if (year.isEmpty()) {
        printError(QStringLiteral("owb methodology show: %1").arg(problem));
        return BadInput;
    }
    auto workspace = Workspace::open(parser.positionalArguments().at(0), Database::Mode::ReadOnly);
    const Methodology *methodology = workspace->methodologies().forYear(year);
    if (!methodology) {
        printError(QStringLiteral("%1: no methodology is registered for %2 (see owb methodology list; add one "
                                  "with owb methodology add)")
                       .arg(workspace->directory(), year));
        return BadInput;
    }
    writeStdout(methodology->source());
    return Success;
}

int runAdd(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("The workspace folder."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The methodology JSON."));
    const QCommandLineOption apply(QStringLiteral("apply"),
        QStringLiteral("Make the change: register FILE for its years and re-assess their quarters (without it, "
                       "only list what would change)."));
    parser.addOption(apply);
    int exitCode = Success;
    if (!parseArguments(parser, QStringLiteral("methodology add"),
                        QStringLiteral("Put a methodology file in force for the years it declares. Without "
                                       "--apply, list for each organisation and quarter that would change the "
                                       "segment and average before and after; nothing is written."),
                        arguments, 2, &exitCode))
        return exitCode;
    const QString directory = parser.positionalArguments().at(0);
    QString error;
    const auto methodology = Methodology::fromFile(parser.positionalArguments().at(1), &error);
    if (!methodology) {
        printError(error);
        return BadInput;
    }
    if (!Workspace::isWorkspace(directory)) {
        printError(Workspace::whyNotWorkspace(directory));
        return BadInput;
    }
    const bool applying = parser.isSet(apply);
    if (applying)
        if (const QString warning = WorkspaceLock::networkFileSystemWarning(directory); !warning.isEmpty())
            printError(QStringLiteral("warning: ") + warning);
    auto workspace = applying ? Workspace::open(directory, Database::Mode::OpenExisting) : openToRead(directory);
    const MethodologyChangePlan plan = planMethodologyChange(*workspace, *methodology);
    QTextStream out(stdout);
    writeCsvRow(out, {QStringLiteral("org_code"), QStringLiteral("org_name"), QStringLiteral("quarter"),
                      QStringLiteral("segment_before"), QStringLiteral("segment_after"),
                      QStringLiteral("average_before"), QStringLiteral("average_after")});
    const QList<MethodologyChangeRow> changed = plan.changedRows();
    for (const MethodologyChangeRow &row : changed)
        writeCsvRow(out, {row.code, row.name, row.quarter, row.before ? segmentText(*row.before) : QString(),
                          segmentText(row.after), row.before ? averageText(*row.before) : QString(),
                          averageText(row.after)});
    out.flush();
    const QString years = plan.years.join(QStringLiteral(", "));
    const QString replacing = plan.replaced.isEmpty()
        ? QString()
        : QStringLiteral(" (replacing %1)").arg(plan.replaced.join(QStringLiteral("; ")));
    // Decisions stay as recorded; the case then asks for each to be reviewed.
    for (const MethodologyDecisionRow &d : plan.decisions)
        printError(QStringLiteral("note: %1 %2 %3: the %4 recorded by %5 on %6 was made when the computed segment was "
                                  "%7; %8 the computed segment %9. The decision is kept as recorded; review it in the "
                                  "case's Casework tab")
                       .arg(d.code, d.name, d.quarter,
                            d.kind == QLatin1String("correction")
                                ? QStringLiteral("correction to segment %1").arg(d.decidedSegment)
                                : QStringLiteral("confirmation"),
                            d.decidedBy, d.decidedOnDate)
                       .arg(d.decidedOn)
                       .arg(applying ? QStringLiteral("it is now") : QStringLiteral("this would make"))
                       .arg(d.after));
    const QString changes = changed.isEmpty()
        ? QStringLiteral("no organisation quarter would change segment or average")
        : QStringLiteral("%1 organisation quarter(s) would change segment or average (listed)").arg(changed.size());
    if (!applying) {
        printError(QStringLiteral("%1: dry run: %2 for %3%4: %5; %6 case-file quarter(s) in %7 quarter(s) would be "
                                  "re-assessed; nothing was written. Run again with --apply to make the change")
                       .arg(workspace->directory(), methodology->id(), years, replacing, changes)
                       .arg(plan.rows.size())
                       .arg(plan.quarters.size()));
        return Success;
    }
    const ImportReport report = workspace->reassess(*methodology);
    // Opening completed what an interrupted run left: told, and counted.
    if (const QString completed = completedWorkText(report); !completed.isEmpty())
        printError(QStringLiteral("note: %1: %2").arg(workspace->directory(), completed));
    printError(QStringLiteral("%1: %2 is in force for %3%4; %5 case-file quarter(s) re-assessed, %6 of them with "
                              "another segment or average")
                   .arg(workspace->directory(), methodology->id(), years, replacing)
                   .arg(report.quartersWritten)
                   .arg(changed.size()));
    return Success;
}
} // namespace

int runMethodology(const QStringList &arguments)
{
    QStringList rest = arguments;
    const QString sub = rest.isEmpty() ? QString() : rest.takeFirst();
    try {
        if (sub == QLatin1String("list"))
            return runList(rest);
        if (sub == QLatin1String("show"))
            return runShow(rest);
        if (sub == QLatin1String("add"))
            return runAdd(rest);
    } catch (const StoreError &error) {
        printError(error.message());
        return BadInput;
    }
    if (sub == QLatin1String("-h") || sub == QLatin1String("--help")) {
        writeStdout(kUsage.toUtf8());
        return Success;
    }
    printError(QStringLiteral("owb methodology: expected list, show or add (see 'owb methodology --help')"));
    return BadInput;
}

} // namespace owb::cli
