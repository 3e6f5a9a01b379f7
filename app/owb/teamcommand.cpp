// owb team init, roles, push, export: team workspaces on a PostgreSQL server.

#include "command.h"
#include "store/teamtransfer.h"
#include "store/teamworkspace.h"

namespace owb::cli {

namespace {
const QString kUsage = QStringLiteral(
    "Usage: owb team init URL\n"
    "       owb team roles URL\n"
    "       owb team push FOLDER URL\n"
    "       owb team export URL CODE FILE.owcase\n"
    "\n"
    "Team workspaces: a workspace held in a PostgreSQL database that a whole team works in at once.\n"
    "  init  set up an empty database (URL such as postgresql://server/owb_north) as a team\n"
    "        workspace: its schema and the group roles people are granted\n"
    "\n"
    "The password is never part of the URL: libpq takes it from PGPASSWORD or ~/.pgpass, or\n"
    "uses Kerberos or peer authentication. TLS options go in the URL (?sslmode=verify-full&sslrootcert=FILE).\n");

int runInit(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("The database, as postgresql://server/database."));
    int exitCode = Success;
    if (!parseArguments(parser, QStringLiteral("team init"),
                        QStringLiteral("Set up an empty PostgreSQL database as a team workspace."), arguments, 1,
                        &exitCode))
        return exitCode;
    ServerAddress server;
    TeamWorkspaceInfo info;
    try {
        server = parseServerUrl(parser.positionalArguments().at(0));
        info = initTeamWorkspace(server, QString());
    } catch (const StoreError &error) {
        printError(QStringLiteral("owb team init: %1").arg(error.message()));
        return BadInput;
    }
    printLine(QStringLiteral("Team workspace set up in %1 (schema %2, workspace id %3).")
                  .arg(server.url())
                  .arg(info.schemaVersion)
                  .arg(info.workspaceId));
    printLine(QStringLiteral("Group roles: %1 (reads), %2 (also edits casework), %3 (also imports national data).")
                  .arg(info.roles.reader, info.roles.editor, info.roles.importer));
    printLine(QStringLiteral("Give each person a login role and one of them, for example:\n"
                             "  CREATE ROLE alice LOGIN PASSWORD '...'; GRANT %1 TO alice;")
                  .arg(info.roles.editor));
    return Success;
}
int runRoles(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("The team workspace, as postgresql://server/database."));
    int exitCode = Success;
    if (!parseArguments(parser, QStringLiteral("team roles"),
                        QStringLiteral("Create a team workspace's missing group roles and grant them its tables."), arguments,
                        1, &exitCode))
        return exitCode;
    ServerAddress server;
    TeamRolesReport report;
    try {
        server = parseServerUrl(parser.positionalArguments().at(0));
        report = restoreTeamRoles(server, QString());
    } catch (const StoreError &error) {
        printError(QStringLiteral("owb team roles: %1").arg(error.message()));
        return BadInput;
    }
    printLine(report.created.isEmpty()
                  ? QStringLiteral("The group roles of %1 were there already; their grants are renewed.").arg(server.url())
                  : QStringLiteral("Created %1 for %2, and granted the workspace's tables.")
                        .arg(report.created.join(QStringLiteral(", ")), server.url()));
    printLine(QStringLiteral("Group roles: %1 (reads), %2 (also edits casework), %3 (also imports national data).")
                  .arg(report.roles.reader, report.roles.editor, report.roles.importer));
    printLine(QStringLiteral("Give each person one of them again, for example:\n  GRANT %1 TO alice;").arg(report.roles.editor));
    return Success;
}

int runPush(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FOLDER"), QStringLiteral("The folder workspace."));
    parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("The team workspace, as postgresql://server/database."));
    int exitCode = Success;
    if (!parseArguments(parser, QStringLiteral("team push"),
                        QStringLiteral("Upload a folder workspace into a new team workspace."), arguments, 2, &exitCode))
        return exitCode;
    try {
        const ServerAddress server = parseServerUrl(parser.positionalArguments().at(1));
        const PushReport report = pushWorkspace(parser.positionalArguments().at(0), server, QString());
        printLine(QStringLiteral("Uploaded %1 case(s) and %2 quarter(s) of national data into %3 (%4 records).")
                      .arg(report.organisations)
                      .arg(report.quarters)
                      .arg(server.url())
                      .arg(report.rows));
    } catch (const StoreError &error) {
        printError(QStringLiteral("owb team push: %1").arg(error.message()));
        return BadInput;
    }
    return Success;
}

int runExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("The team workspace, as postgresql://server/database."));
    parser.addPositionalArgument(QStringLiteral("CODE"), QStringLiteral("The organisation's ODS code."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The case file to write, CODE.owcase."));
    int exitCode = Success;
    if (!parseArguments(parser, QStringLiteral("team export"),
                        QStringLiteral("Write one case of a team workspace as a case file."), arguments, 3, &exitCode))
        return exitCode;
    const QStringList args = parser.positionalArguments();
    try {
        const ServerAddress server = parseServerUrl(args.at(0));
        const qint64 records = exportCase(server, QString(), args.at(1), args.at(2));
        printLine(QStringLiteral("Wrote the case of %1 to %2 (%3 records).").arg(args.at(1), args.at(2)).arg(records));
    } catch (const StoreError &error) {
        printError(QStringLiteral("owb team export: %1").arg(error.message()));
        return BadInput;
    }
    return Success;
}
} // namespace

int runTeam(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    if (sub == QLatin1String("init"))
        return runInit(arguments.mid(1));
    if (sub == QLatin1String("roles"))
        return runRoles(arguments.mid(1));
    if (sub == QLatin1String("push"))
        return runPush(arguments.mid(1));
    if (sub == QLatin1String("export"))
        return runExport(arguments.mid(1));
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        writeStdout(kUsage.toUtf8());
        return Success;
    }
    printError(sub.isEmpty() ? kUsage.trimmed()
                             : QStringLiteral("owb team: unknown subcommand \"%1\"\n\n%2").arg(sub, kUsage.trimmed()));
    return BadInput;
}

} // namespace owb::cli
