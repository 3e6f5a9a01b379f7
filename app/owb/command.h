#pragma once
// Shared plumbing of the `owb` subcommands: option parsing with --help,
// the methodology option, error output and exit codes.

#include "framework/methodology.h"

#include <QCommandLineParser>
#include <QStringList>
#include <memory>
#include <optional>

namespace owb {
class Workspace;
}

namespace owb::cli {

enum ExitCode { Success = 0, InternalError = 1, BadInput = 2 };

struct Command
{
    const char *name;
    const char *synopsis;
    int (*run)(const QStringList &arguments);
};

const QList<Command> &commands();

// Sets up a parser for one subcommand. Returns false (and the exit code in
// *exitCode) when the arguments are wrong or --help was asked for.
bool parseArguments(QCommandLineParser &parser, const QString &command, const QString &synopsis,
                    const QStringList &arguments, int expectedPositional, int *exitCode);

QCommandLineOption methodologyOption();
QCommandLineOption formatOption();
QCommandLineOption quarterOption();
// The built-in methodology, or the one --methodology names; nullopt after
// printing the error.
std::optional<Methodology> loadMethodology(const QCommandLineParser &parser);
// The --quarter option in canonical spelling ("Q1 2026-27" gives "2026/27 Q1"),
// empty when not given; nullopt after printing why the label is not a quarter.
std::optional<QString> quarterValue(const QCommandLineParser &parser);
// "csv" or "json"; nullopt after printing the error.
std::optional<QString> outputFormat(const QCommandLineParser &parser);

void printError(const QString &message);
// "1 thing" or "N things" (`many` holds %1 for the number): the command
// line's words are English only, so its plurals are said here, not by tr().
QString plural(qsizetype n, const QString &one, const QString &many);
// Opens a workspace to read it (store/methodologychange's openForReading):
// completes what an interrupted import or re-assessment left when it may,
// else warns on stderr that what follows mixes old and new.
std::unique_ptr<Workspace> openToRead(const QString &directory);
void printLine(const QString &message);  // to stdout
void writeStdout(const QByteArray &bytes);

int runScore(const QStringList &arguments);
int runSegment(const QStringList &arguments);
int runImport(const QStringList &arguments);
int runPortfolio(const QStringList &arguments);
int runCheck(const QStringList &arguments);
int runDemo(const QStringList &arguments);
int runSpc(const QStringList &arguments);
int runReport(const QStringList &arguments);
int runReconcile(const QStringList &arguments);
int runMethodology(const QStringList &arguments);
int runTeam(const QStringList &arguments);

} // namespace owb::cli
