// oversight-workbench [WORKSPACE|CASEFILE] [--demo]

#include "mainwindow.h"
#include "store/storeerror.h"
#include "translations.h"
#include "widgets/statusnotice.h"

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
// The last net under the event loop: a read or write the store refuses in a
// slot that does not catch it itself (a team workspace's connection lost, a
// right revoked meanwhile) is said in the window's status bar instead of
// ending the workbench and losing what is typed in an open form. Each known
// path catches its own (case/caseread.h, the session's error strings); the
// test suites run without this net, so they still find a path that does not.
class Workbench : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        try {
            return QApplication::notify(receiver, event);
        } catch (const owb::StoreError &error) {
            qWarning("Not done (an event the workbench did not guard): %s", qPrintable(error.message()));
            for (QWidget *top : topLevelWidgets())
                if (auto *window = qobject_cast<owb::MainWindow *>(top))
                    owb::showStatusNotice(window, translate("main", "Not done: %1").arg(error.message()), true);
            return false;
        }
    }
};
} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app =
        onlyPrints(argc, argv) ? std::make_unique<QCoreApplication>(argc, argv) : std::make_unique<Workbench>(argc, argv);
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
