// oversight-workbench [WORKSPACE|CASEFILE] [--demo]

#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Oversight Workbench"));
    QApplication::setOrganizationName(QStringLiteral("Oversight Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(OWB_VERSION));
    // The desktop file names the icon and groups the windows in a task bar.
    QGuiApplication::setDesktopFileName(QStringLiteral("uk.nhs.england.OversightWorkbench"));
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/oversight-workbench-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    owb::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Segmentation and casework for NHS oversight."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("path"), QApplication::translate("main", "A workspace folder or a case file."),
                                 QStringLiteral("[WORKSPACE|CASEFILE]"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QApplication::translate("main", "Open the demo workspace, creating it if needed."));
    parser.addOption(demo);
    parser.process(app);

    owb::MainWindow window;
    window.show();
    if (parser.isSet(demo))
        window.openDemoWorkspace();
    else if (!parser.positionalArguments().isEmpty())
        window.openPath(parser.positionalArguments().first());
    return QApplication::exec();
}
