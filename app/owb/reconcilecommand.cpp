// owb reconcile: the workbench's results beside NHS England's published league table.

#include "command.h"
#include "casework/league.h"
#include "store/portfolio.h"
#include "exchange/reconciliation.h"
#include "store/workspace.h"

namespace owb::cli {

int runReconcile(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("The workspace folder."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("NHS England's league table CSV."));
    parser.addOption(quarterOption());
    int exitCode = Success;
    if (!parseArguments(parser, QStringLiteral("reconcile"),
                        QStringLiteral("Compare NHS England's published league table (Trust_code, Segment, Average_score, "
                                       "Trust_in_financial_deficit, Rank) with the workspace's computed results for a "
                                       "quarter (the latest by default), saying per trust where and why they differ."),
                        arguments, 2, &exitCode))
        return exitCode;
    Diagnostics errors;
    const auto published = readPublishedLeague(parser.positionalArguments().at(1), &errors);
    for (const Diagnostic &error : std::as_const(errors))
        printError(error.toString());
    if (!published)
        return BadInput;
    const auto chosen = quarterValue(parser);
    if (!chosen)
        return BadInput;
    try {
        auto workspace = openToRead(parser.positionalArguments().at(0));
        const QStringList quarters = workspace->peers().quarters();
        const QString quarter
            = parser.isSet(quarterOption()) ? *chosen : (quarters.isEmpty() ? QString() : quarters.last());
        if (!quarters.contains(quarter)) {
            printError(QStringLiteral("%1: no quarter \"%2\"").arg(workspace->directory(), quarter));
            return BadInput;
        }
        NationalCache national(workspace->peers(), workspace->methodology());
        QTextStream out(stdout);
        QStringList problems;
        const QHash<QString, int> decided = decidedSegments(loadPortfolio(*workspace, quarter, &problems));
        for (const QString &problem : std::as_const(problems))
            printError(problem);
        const QList<ReconciliationRow> rows = reconcile(national, quarter, *published, decided);
        // Said plainly once, not only as one "not in the workspace" row per trust; the exit code stays 0.
        if (const QString none = noneInWorkspace(rows, quarter); !none.isEmpty())
            printError(QStringLiteral("%1: %2").arg(parser.positionalArguments().at(1), none));
        writeReconciliationCsv(out, rows);
        // A case file that could not be read (or is not what its name says) is named, and fails the run.
        if (!problems.isEmpty())
            return BadInput;
    } catch (const StoreError &error) {
        printError(error.message());
        return BadInput;
    }
    return Success;
}

} // namespace owb::cli
