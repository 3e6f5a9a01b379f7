#include "command.h"

#include "data/quarterlabel.h"
#include "store/methodologychange.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <cstdio>

namespace owb::cli {

const QList<Command> &commands()
{
    static const QList<Command> list{
        {"score", "Score every metric of every organisation in a metric file", runScore},
        {"segment", "Segment every organisation in a metric file", runSegment},
        {"import", "Import a metric file into a workspace (creating it if needed)", runImport},
        {"portfolio", "List a workspace's case files with their latest segment", runPortfolio},
        {"check", "Check a case file or a whole workspace for damage", runCheck},
        {"spc", "Statistical process control of a series (Making Data Count rules)", runSpc},
        {"reconcile", "Compare a workspace's results with NHS England's published league table", runReconcile},
        {"report", "Write a PDF report of a case or a regional pack of a workspace", runReport},
        {"methodology", "List, show or add the methodology of each year of a workspace", runMethodology},
        {"team", "Set up a team workspace on a PostgreSQL server", runTeam},
        {"demo", "Create the demo workspace in a new folder", runDemo},
    };
    return list;
}

std::unique_ptr<Workspace> openToRead(const QString &directory)
{
    QString said;
    auto workspace = openForReading(directory, &said);
    if (!said.isEmpty())
        printError(said);
    return workspace;
}

void printError(const QString &message)
{
    std::fputs(qPrintable(message + QLatin1Char('\n')), stderr);
}

QString plural(qsizetype n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}

void printLine(const QString &message)
{
    writeStdout((message + QLatin1Char('\n')).toUtf8());
}

void writeStdout(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

bool parseArguments(QCommandLineParser &parser, const QString &command, const QString &synopsis,
                    const QStringList &arguments, int expectedPositional, int *exitCode)
{
    parser.setApplicationDescription(synopsis);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    QStringList argv = arguments;
    argv.prepend(QStringLiteral("owb %1").arg(command));
    if (!parser.parse(argv)) {
        printError(QStringLiteral("owb %1: %2 (see 'owb %1 --help')").arg(command, parser.errorText()));
        *exitCode = BadInput;
        return false;
    }
    if (parser.isSet(help)) {
        // Qt names the binary's path; the usage line should name the command.
        QString text = parser.helpText();
        const qsizetype firstLineEnd = text.indexOf(QLatin1Char('\n'));
        const QString program = QCoreApplication::arguments().constFirst();
        const qsizetype at = text.left(firstLineEnd).indexOf(program);
        if (at >= 0)
            text.replace(at, program.size(), QStringLiteral("owb %1").arg(command));
        writeStdout(text.toUtf8());
        *exitCode = Success;
        return false;
    }
    if (parser.positionalArguments().size() != expectedPositional) {
        printError(QStringLiteral("owb %1: expected %2, got %3 (see 'owb %1 --help')")
                       .arg(command,
                            plural(expectedPositional, QStringLiteral("1 argument"), QStringLiteral("%1 arguments")))
                       .arg(parser.positionalArguments().size()));
        *exitCode = BadInput;
        return false;
    }
    return true;
}

QCommandLineOption methodologyOption()
{
    return {QStringLiteral("methodology"),
            QStringLiteral("Use the methodology JSON in <file> instead of the built-in one."),
            QStringLiteral("file")};
}

QCommandLineOption formatOption()
{
    return {QStringLiteral("format"), QStringLiteral("Output format: csv (default) or json."),
            QStringLiteral("csv|json"), QStringLiteral("csv")};
}

QCommandLineOption quarterOption()
{
    return {QStringLiteral("quarter"), QStringLiteral("Only the quarter labelled <q>."),
            QStringLiteral("q")};
}

std::optional<Methodology> loadMethodology(const QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("methodology"));
    if (path.isEmpty())
        return Methodology::builtIn();
    QString error;
    auto methodology = Methodology::fromFile(path, &error);
    if (!methodology)
        printError(error);
    return methodology;
}

std::optional<QString> quarterValue(const QCommandLineParser &parser)
{
    const QString text = parser.value(QStringLiteral("quarter"));
    if (text.isEmpty())
        return QString();
    QString problem;
    const QString canonical = canonicalQuarter(text, &problem);
    if (canonical.isEmpty())
        printError(QStringLiteral("owb: --quarter: %1").arg(problem));
    if (canonical.isEmpty())
        return std::nullopt;
    return canonical;
}

std::optional<QString> outputFormat(const QCommandLineParser &parser)
{
    const QString format = parser.value(QStringLiteral("format")).toLower();
    if (format == QLatin1String("csv") || format == QLatin1String("json"))
        return format;
    printError(QStringLiteral("owb: --format must be csv or json, not \"%1\"").arg(format));
    return std::nullopt;
}

} // namespace owb::cli
