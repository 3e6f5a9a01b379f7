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
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("A case file, a workspace folder for the regional pack, or a team workspace's URL."));
    const QCommandLineOption pdf(QStringLiteral("pdf"), QStringLiteral("The PDF to write."), QStringLiteral("out.pdf"));
    parser.addOption(pdf);
    const QCommandLineOption review(QStringLiteral("review"),
                                    QStringLiteral("Write the case's diagnostic review report instead (scope and team, "
                                                   "findings by root cause, capability conclusion, recommendation and "
                                                   "decision)."));
    parser.addOption(review);
    const QCommandLineOption caseOption(QStringLiteral("case"),
                                        QStringLiteral("With a team workspace's URL: the organisation whose case to "
                                                       "report (without it, the regional pack of every case)."),
                                        QStringLiteral("code"));
    parser.addOption(caseOption);
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
        if (isServerUrl(path)) {
            auto workspace = Workspace::open(path, Database::Mode::ReadOnly);
            const QString code = parser.value(caseOption).trimmed();
            if (code.isEmpty() && parser.isSet(review)) {
                printError(QStringLiteral("owb report --review: %1 is a team workspace; name the case with --case CODE")
                               .arg(path));
                return BadInput;
            }
            if (code.isEmpty())
                writeRegionalPack(*workspace, parser.value(pdf));
            else if (parser.isSet(review))
                writeReviewReport(*workspace, code, parser.value(pdf));
            else
                writeCaseReport(*workspace, code, parser.value(pdf));
        } else if (parser.isSet(caseOption)) {
            printError(QStringLiteral("owb report --case: only with a team workspace's URL; give a folder's case "
                                      "file itself instead"));
            return BadInput;
        } else if (info.isDir() && parser.isSet(review)) {
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
