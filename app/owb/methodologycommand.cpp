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
    "  add   put FILE in force for the years it declares; without --apply a dry run (which only\n"
    "        reads) lists, for each organisation and quarter whose segment, final segment, average,\n"
    "        raw segment, rank or league rank would change, both before and after, and notes each\n"
    "        recorded decision made on a computed segment that would change\n");

QString segmentText(const StoredAssessment &a)
{
    return a.result.segment > 0 ? QString::number(a.result.segment) : QString();
}

QString averageText(const StoredAssessment &a)
{
    return a.result.average > 0 ? formatHundredths(a.result.average) : QString();
}

QString positiveText(int value)
{
    return value > 0 ? QString::number(value) : QString();
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
                                       "segment, average, raw segment and rank before and after; nothing is "
                                       "written."),
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
    // A dry run only reads: work an interrupted run left is said, not
    // completed (it is completed by --apply, or any writer opening it).
    auto workspace = applying ? Workspace::open(directory, Database::Mode::OpenExisting)
                              : Workspace::open(directory, Database::Mode::ReadOnly);
    QString pending;
    if (!applying && !workspace->isTeam() && !workspace->peers().pendingQuarters().isEmpty()) {
        const QStringList reassessing
            = interruptedReassessment(workspace->directory(), workspace->peers(), workspace->methodologies());
        pending = reassessing.isEmpty()
            ? QStringLiteral("an interrupted import is pending (%1)").arg(workspace->peers().pendingQuarters().join(QStringLiteral(", ")))
            : QStringLiteral("an interrupted re-assessment is pending (%1, under %2)")
                  .arg(reassessing.join(QStringLiteral(", ")),
                       workspace->methodologies().forQuarter(reassessing.first())
                           ? workspace->methodologies().forQuarter(reassessing.first())->id()
                           : QString());
        printError(QStringLiteral("note: %1: %2; this dry run compares with what the case files hold now and "
                                  "completes nothing (owb methodology add --apply, or opening the workspace in the "
                                  "workbench, completes it first)")
                       .arg(workspace->directory(), pending));
    }
    const MethodologyChangePlan plan = planMethodologyChange(*workspace, *methodology);
    // The very file already in force: said, with nothing to apply (as the
    // workbench says it), unless an interrupted run of it is left to complete.
    const bool leftToComplete
        = applying ? !workspace->completedOnOpen().quartersCompleted.isEmpty() : !pending.isEmpty();
    if (plan.alreadyInForce && !leftToComplete) {
        printError(QStringLiteral("%1: %2 is already in force for %3: it is the same file, byte for byte (SHA-256 "
                                  "%4...); there is nothing to apply and nothing was written")
                       .arg(workspace->directory(), methodology->id(), plan.years.join(QStringLiteral(", ")),
                            methodology->sha256().left(12)));
        return Success;
    }
    QTextStream out(stdout);
    writeCsvRow(out, {QStringLiteral("org_code"), QStringLiteral("org_name"), QStringLiteral("quarter"),
                      QStringLiteral("segment_before"), QStringLiteral("segment_after"),
                      QStringLiteral("average_before"), QStringLiteral("average_after"),
                      QStringLiteral("raw_segment_before"), QStringLiteral("raw_segment_after"),
                      QStringLiteral("rank_before"), QStringLiteral("rank_after"),
                      QStringLiteral("final_segment_before"), QStringLiteral("final_segment_after"),
                      QStringLiteral("league_rank_before"), QStringLiteral("league_rank_after"),
                      QStringLiteral("final_segment_reason")});
    const QList<MethodologyChangeRow> changed = plan.changedRows();
    for (const MethodologyChangeRow &row : changed)
        writeCsvRow(out, {row.code, row.name, row.quarter, row.before ? segmentText(*row.before) : QString(),
                          segmentText(row.after), row.before ? averageText(*row.before) : QString(),
                          averageText(row.after), row.before ? positiveText(row.before->result.rawSegment) : QString(),
                          positiveText(row.after.result.rawSegment),
                          row.before ? positiveText(row.before->result.rank) : QString(),
                          positiveText(row.after.result.rank), row.before ? positiveText(row.finalBefore) : QString(),
                          positiveText(row.finalAfter), positiveText(row.leagueRankBefore),
                          positiveText(row.leagueRankAfter), row.finalReasonText()});
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
    // What is listed, said the same way before (a dry run) and after (--apply).
    const auto changesText = [&](bool done) {
        const QString verb = done ? QStringLiteral("changed") : QStringLiteral("would change");
        QString text = changed.isEmpty()
            ? QStringLiteral("no organisation quarter %1 segment, final segment, raw segment, average, rank or league "
                             "rank")
                  .arg(verb)
            : plural(changed.size(), QStringLiteral("1 organisation quarter %1 segment, final segment, raw segment, "
                                                    "average, rank or league rank (listed)"),
                     QStringLiteral("%1 organisation quarters %2 segment, final segment, raw segment, average, rank "
                                    "or league rank (listed)"))
                  .arg(verb);
        if (plan.otherLeagueMoves > 0)
            text += plural(plan.otherLeagueMoves,
                           QStringLiteral(", and 1 organisation quarter the workspace does not follow %1 in the league "
                                          "table"),
                           QStringLiteral(", and %1 organisation quarters the workspace does not follow %2 in the "
                                          "league tables"))
                        .arg(done ? QStringLiteral("moved") : QStringLiteral("would move"));
        return text;
    };
    const QString changes = changesText(false);
    if (!applying) {
        const qsizetype restamped = std::count_if(changed.cbegin(), changed.cend(),
                                                  [](const MethodologyChangeRow &row) { return row.rewritten; });
        const qsizetype onlyStamped = plan.rewrittenCount() - restamped;
        const QString rewritten = plan.quarters.isEmpty()
            ? QStringLiteral("no quarter of %1 is stored yet, so there is nothing to re-assess")
                  .arg(plan.years.size() == 1 ? years : QStringLiteral("those years"))
            : plural(plan.rewrittenCount(), QStringLiteral("1 case-file quarter"),
                     QStringLiteral("%1 case-file quarters"))
                + plural(plan.quarters.size(), QStringLiteral(" in 1 quarter"), QStringLiteral(" in %1 quarters"))
                + QStringLiteral(" would be rewritten")
                + (onlyStamped > 0 ? QStringLiteral(" (%1 of them only to record the new methodology)").arg(onlyStamped)
                                   : QString());
        const QString readOnly = Workspace::readOnlyReason(workspace->directory());
        const QString next = !readOnly.isEmpty()
            ? QStringLiteral("it cannot be applied here: %1").arg(readOnly)
            : QStringLiteral("run again with --apply to make the change");
        printError(QStringLiteral("%1: dry run: %2 for %3%4: %5; %6; nothing was written; %7")
                       .arg(workspace->directory(), methodology->id(), years, replacing, changes, rewritten, next));
        return Success;
    }
    const ImportReport report = workspace->reassess(*methodology);
    // Opening completed what an interrupted run left: told, and counted.
    if (const QString completed = completedWorkText(report); !completed.isEmpty())
        printError(QStringLiteral("note: %1: %2").arg(workspace->directory(), completed));
    // What the interrupted run changed was compared (and listed) by its dry
    // run, before it started: this run compares only with what it found, so
    // it must not say that nothing changed.
    QString outcome = changesText(true);
    if (report.completedReassessment) {
        const QString latest = report.quartersCompleted.isEmpty() ? QString() : report.quartersCompleted.constLast();
        outcome = QStringLiteral("this completed an interrupted re-assessment of %1 (%2), whose changes were listed "
                                 "by its dry run before it started and are not compared again here; see the segments "
                                 "now with owb portfolio %3 --quarter \"%4\"")
                      .arg(plural(report.quartersWritten, QStringLiteral("1 case-file quarter"),
                                  QStringLiteral("%1 case-file quarters")),
                           report.quartersCompleted.join(QStringLiteral(", ")), workspace->directory(), latest)
            + (changed.isEmpty() ? QString() : QStringLiteral("; besides, ") + changesText(true));
    }
    if (plan.quarters.isEmpty() && report.quartersWritten == 0 && !report.completedReassessment) {
        printError(QStringLiteral("%1: %2 is in force for %3%4; no quarter of %5 is stored yet, so nothing was "
                                  "re-assessed")
                       .arg(workspace->directory(), methodology->id(), years, replacing,
                            plan.years.size() == 1 ? years : QStringLiteral("those years")));
        return Success;
    }
    printError(QStringLiteral("%1: %2 is in force for %3%4; %5 re-assessed; %6")
                   .arg(workspace->directory(), methodology->id(), years, replacing,
                        plural(report.quartersWritten, QStringLiteral("1 case-file quarter"),
                               QStringLiteral("%1 case-file quarters")),
                        outcome));
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
