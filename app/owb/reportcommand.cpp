// owb report: a PDF of one case, or a regional pack of a whole workspace.

#include "command.h"
#include "reports/casereport.h"
#include "reports/reviewreport.h"
#include "store/workspace.h"

#include <QFileInfo>

namespace owb::cli {

int runReport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("A case file, or a workspace folder for the regional pack."));
    const QCommandLineOption pdf(QStringLiteral("pdf"), QStringLiteral("The PDF to write."), QStringLiteral("out.pdf"));
    parser.addOption(pdf);
    const QCommandLineOption review(QStringLiteral("review"),
                                    QStringLiteral("Write the case's diagnostic review report instead (scope and team, "
                                                   "findings by root cause, capability conclusion, recommendation and "
                                                   "decision)."));
    parser.addOption(review);
    int exitCode = Success;
    if (!parseArguments(parser, QStringLiteral("report"),
                        QStringLiteral("Write a PDF report of a case (overview, charts, metrics, capability, diagnostic "
                                       "findings, programme status), of every case in a workspace with a summary first, "
                                       "or (--review) of a case's diagnostic review."),
                        arguments, 1, &exitCode))
        return exitCode;
    if (!parser.isSet(pdf)) {
        printError(QStringLiteral("owb report: --pdf OUT.pdf is required"));
        return BadInput;
    }
    const QString path = parser.positionalArguments().at(0);
    const QFileInfo info(path);
    try {
        if (info.isDir() && parser.isSet(review)) {
            printError(QStringLiteral("owb report --review: %1 is a workspace folder; give the case file of the "
                                      "review").arg(path));
            return BadInput;
        } else if (info.isDir()) {
            auto workspace = openToRead(path);
            writeRegionalPack(*workspace, parser.value(pdf));
        } else {
            if (!info.exists()) {
                printError(QStringLiteral("%1: no such case file").arg(path));
                return BadInput;
            }
            auto workspace = openToRead(info.absolutePath());
            if (parser.isSet(review))
                writeReviewReport(*workspace, info.absoluteFilePath(), parser.value(pdf));
            else
                writeCaseReport(*workspace, info.absoluteFilePath(), parser.value(pdf));
        }
    } catch (const StoreError &error) {
        printError(error.message());
        return BadInput;
    }
    printLine(QStringLiteral("%1: written").arg(parser.value(pdf)));
    return Success;
}

} // namespace owb::cli
