// owb: Oversight Workbench on the command line, for batch work and scripts.
// Exit codes: 0 success, 2 bad input or usage, 1 internal error.

#include "command.h"
#include "translations.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <exception>
#include <memory>

using namespace owb::cli;

namespace {
QtMessageHandler qtHandler = nullptr;

// Without a desktop session (cron, ssh) Qt warns on every report that
// XDG_RUNTIME_DIR is not set, then uses a folder of its own: nothing for the
// user to do, so that one line is not shown; every other message is.
void quietHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    if (qtHandler)
        qtHandler(type, context, message);
}

int usage(bool asError)
{
    QString text = QStringLiteral("Usage: owb COMMAND [OPTIONS]\n\nCommands:\n");
    for (const Command &command : commands())
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(command.name).leftJustified(10), QString::fromLatin1(command.synopsis));
    text += QStringLiteral("\n'owb COMMAND --help' describes a command's options.\n");
    if (asError) {
        printError(text.trimmed());
        return BadInput;
    }
    writeStdout(text.toUtf8());
    return Success;
}
} // namespace

int main(int argc, char *argv[])
{
    // Reports lay out text and draw charts, which needs fonts: a GUI
    // application on the offscreen platform, so no display is required.
    const bool drawing = argc > 1 && qstrcmp(argv[1], "report") == 0;
    qtHandler = qInstallMessageHandler(quietHandler);
    if (drawing && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app = drawing ? std::make_unique<QGuiApplication>(argc, argv)
                                                          : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("owb"));
    owb::installTranslations(*app);
    QCoreApplication::setOrganizationName(QStringLiteral("Oversight Workbench"));
    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty())
        return usage(true);
    const QString name = arguments.takeFirst();
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help"))
        return usage(false);
    if (name == QLatin1String("--version") || name == QLatin1String("-v")) {
        printLine(QStringLiteral("owb %1").arg(QStringLiteral(OWB_VERSION)));
        return Success;
    }
    for (const Command &command : commands()) {
        if (name == QLatin1String(command.name)) {
            try {
                return command.run(arguments);
            } catch (const std::exception &e) {
                printError(QStringLiteral("owb %1: internal error: %2").arg(name, QString::fromUtf8(e.what())));
                return InternalError;
            }
        }
    }
    printError(QStringLiteral("owb: unknown command \"%1\"").arg(name));
    return usage(true);
}
