// owb report: a PDF of one case, or a regional pack of a whole workspace.

#include "command.h"
#include "reports/casereport.h"
#include "store/workspace.h"

#include <QFileInfo>

namespace owb::cli {

int runReport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("A case file, or a workspace folder for the regional pack."));
    const QCommandLineOption pdf(QStringLiteral("pdf"), QStringLiteral("The PDF to write."), QStringLiteral("out.pdf"));
    parser.addOption(pdf);
    int exitCode = Success;
    if (!parseArguments(parser, QStringLiteral("report"),
                        QStringLiteral("Write a PDF report of a case (overview, charts, metrics, capability, diagnostic "
                                       "findings, programme status), or of every case in a workspace with a summary first."),
                        arguments, 1, &exitCode))
        return exitCode;
    if (!parser.isSet(pdf)) {
        printError(QStringLiteral("owb report: --pdf OUT.pdf is required"));
        return BadInput;
    }
    const QString path = parser.positionalArguments().at(0);
    const QFileInfo info(path);
    try {
        if (info.isDir()) {
            auto workspace = Workspace::open(path, Database::Mode::ReadOnly);
            writeRegionalPack(*workspace, parser.value(pdf));
        } else {
            if (!info.exists()) {
                printError(QStringLiteral("%1: no such case file").arg(path));
                return BadInput;
            }
            auto workspace = Workspace::open(info.absolutePath(), Database::Mode::ReadOnly);
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
