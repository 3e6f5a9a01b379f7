// oversight-workbench [WORKSPACE|CASEFILE] [--demo]

#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <memory>

namespace {
struct Options
{
    QCommandLineParser parser;
    QCommandLineOption demo{QStringLiteral("demo"),
                            QApplication::translate("main", "Open the demo workspace, creating it if needed.")};

    Options()
    {
        parser.setApplicationDescription(QApplication::translate("main", "Segmentation and casework for NHS oversight."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addPositionalArgument(QStringLiteral("path"),
                                     QApplication::translate("main", "A workspace folder or a case file."),
                                     QStringLiteral("[WORKSPACE|CASEFILE]"));
        parser.addOption(demo);
    }
};

// --help and --version print and leave: they must work where no display
// is (over ssh, in a script), so they need no windowing system.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        for (const char *flag : {"-h", "--help", "-?", "--help-all", "-v", "--version"})
            if (qstrcmp(argv[i], flag) == 0)
                return true;
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app =
        onlyPrints(argc, argv) ? std::make_unique<QCoreApplication>(argc, argv) : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Oversight Workbench"));
    QCoreApplication::setOrganizationName(QStringLiteral("Oversight Workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OWB_VERSION));
    owb::installTranslations(*app);
    Options options;
    options.parser.process(*app); // exits after --help or --version

    // The desktop file names the icon and groups the windows in a task bar.
    QGuiApplication::setDesktopFileName(QStringLiteral("uk.nhs.england.OversightWorkbench"));
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/oversight-workbench-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);

    owb::MainWindow window;
    window.show();
    // The window takes the keyboard at start, its shortcuts (Ctrl+Z, Ctrl+Shift+Z, Ctrl+F) with
    // it, also where no window manager gives it focus (a bare X session, a kiosk).
    window.activateWindow();
    if (options.parser.isSet(options.demo))
        window.openDemoWorkspace();
    else if (!options.parser.positionalArguments().isEmpty())
        window.openPath(options.parser.positionalArguments().first());
    return QCoreApplication::exec();
}
