#pragma once
// What the window tests share: one temporary folder per test executable
// holding the demo workspace ("demo", made once; tests that edit it leave it
// changed) and an untouched second one ("pristine") that private copies come
// from; and a check that a grab of the window shows something drawn.
// On either back end (../store/casefixture.h): with OWB_TEST_BACKEND=postgres
// the window opens the demo as a team workspace instead, each time on a
// database of its own copied from a template (the pristine folder uploaded
// once through owb team push's code), dropped with the fixture. The tests
// reach the demo through open(), openWorkspace() and the cases by code, so
// that the same test runs against both.
// Header-only: each test executable includes it once.

#include "../store/casefixture.h"
#include "data/quarterlabel.h"
#include "demo/demoworkspace.h"
#include "mainwindow.h"
#include "team/teamworkspacedialog.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QSet>
#include <QString>
#include <QTemporaryDir>
#include <QTimer>

namespace owbtest {

// True when an image has more than a handful of distinct colours.
inline bool looksRendered(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    return colours.size() > 8;
}

class DemoFolder
{
public:
    ~DemoFolder()
    {
        try {
            for (const owb::ServerAddress &server : std::as_const(m_servers))
                dropServerDatabase(server);
            if (!m_template.database.isEmpty())
                dropServerDatabase(m_template);
        } catch (const owb::StoreError &error) {
            qWarning("%s", qPrintable(error.message()));
        }
    }

    // Makes "demo" and "pristine" (and on a server the template uploaded
    // from "pristine"); false when the temporary folder cannot be made.
    bool create()
    {
        if (!m_dir.isValid())
            return false;
        owb::createDemoWorkspace(filePath(QStringLiteral("demo")));
        owb::createDemoWorkspace(filePath(QStringLiteral("pristine")));
        if (onServer())
            m_template = upload(filePath(QStringLiteral("pristine")));
        return true;
    }

    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // A private copy of the demo workspace's files, as the demo makes them.
    QString copyOfDemo(const QString &name) const
    {
        const QDir demo(m_dir.filePath(QStringLiteral("pristine")));
        const QString copy = m_dir.filePath(name);
        QDir().mkpath(copy);
        for (const QString &file : demo.entryList(QDir::Files))
            QFile::copy(demo.filePath(file), QDir(copy).filePath(file));
        return copy;
    }

    // Where a test opens the demo: the folder `name` ("demo", shared, or a
    // private copy); on a server, a new team workspace copied from the
    // pristine demo, as its URL.
    QString where(const QString &name = QStringLiteral("demo"))
    {
        if (!onServer())
            return name == QLatin1String("demo") ? filePath(name) : copyOfDemo(name);
        owb::ServerAddress server = createServerDatabase(QStringLiteral("owbdemo"), m_template.database);
        m_servers.append(server);
        return server.url();
    }

    // Opens the demo in `window` as a user does: File > Open Workspace on
    // the folder, or on a server the team workspace's URL, answering the
    // Open Team Workspace dialog (no keyring here; the test cluster trusts
    // the account, so any password connects).
    bool open(owb::MainWindow &window, const QString &name = QStringLiteral("demo"))
    {
        return openIn(window, where(name));
    }

    static bool openIn(owb::MainWindow &window, const QString &location)
    {
        if (!owb::isServerUrl(location))
            return window.openPath(location);
        QTimer timer;
        timer.setInterval(20);
        QObject::connect(&timer, &QTimer::timeout, &timer, [&timer] {
            if (auto *dialog = qobject_cast<owb::TeamWorkspaceDialog *>(QApplication::activeModalWidget())) {
                timer.stop();
                dialog->setRememberPassword(false);
                for (auto *field : dialog->findChildren<QLineEdit *>())
                    if (field->accessibleName() == QLatin1String("Password"))
                        field->setText(QStringLiteral("test"));
                dialog->accept();
            }
        });
        timer.start();
        const bool wasActive = window.isActiveWindow();
        const bool opened = window.openPath(location);
        // The offscreen platform gives activation back to no one after a
        // modal dialog (a desktop's window manager gives it to the window).
        if (wasActive && !window.isActiveWindow()) {
            QApplication::setActiveWindow(&window);
            if (!QTest::qWaitForWindowActive(&window))
                qWarning("the window is not active again after the Open Team Workspace dialog");
        }
        return opened;
    }

    // The demo as the model opens it, without a window: the folder,
    // read-only; on a server a new team workspace copied from the pristine
    // demo (opened for writing unless `serverMode` says otherwise).
    std::unique_ptr<owb::Workspace> openWorkspace(const QString &name = QStringLiteral("demo"),
                                                  owb::Database::Mode serverMode = owb::Database::Mode::OpenExisting)
    {
        if (!onServer())
            return owb::Workspace::open(filePath(name), owb::Database::Mode::ReadOnly);
        return owb::Workspace::openTeam(owb::parseServerUrl(where(name)), {}, serverMode);
    }

    // A folder workspace the test made (changed as it needs) uploaded into
    // a new team workspace, as its URL; the folder itself on files.
    QString asTested(const QString &directory)
    {
        if (!onServer())
            return directory;
        const owb::ServerAddress server = upload(directory);
        m_servers.append(server);
        return server.url();
    }

private:
    static owb::ServerAddress upload(const QString &directory)
    {
        const owb::ServerAddress server = createServerDatabase(QStringLiteral("owbdemo"));
        owb::initTeamWorkspace(server, {});
        owb::pushWorkspace(directory, server, {});
        return server;
    }

    QTemporaryDir m_dir;
    owb::ServerAddress m_template;
    QList<owb::ServerAddress> m_servers;
};

// Moves the window to `quarter` with View ▸ Earlier/Later Quarter, as a user would.
inline bool goToQuarter(owb::MainWindow &window, const QString &quarter)
{
    for (int i = 0; i < 64 && window.currentQuarter() != quarter; ++i) {
        const bool earlier = owb::quarterKey(window.currentQuarter()) > owb::quarterKey(quarter);
        const QString text = earlier ? QStringLiteral("&Earlier Quarter") : QStringLiteral("La&ter Quarter");
        for (QAction *action : window.findChildren<QAction *>())
            if (action->text() == text)
                action->trigger();
        QCoreApplication::processEvents();
    }
    return window.currentQuarter() == quarter;
}

} // namespace owbtest
