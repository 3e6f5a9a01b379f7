#pragma once
// What the team window suites read off the main window: a File menu action
// by its text, the status bar's connection state and its notices, the
// read-only bar's reason.

#include "mainwindow.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

namespace owbtest {

inline QAction *fileAction(owb::MainWindow &window, const QString &text)
{
    for (QAction *action : window.menuBar()->actions().first()->menu()->actions())
        if (action->text() == text)
            return action;
    return nullptr;
}

inline QString teamStatus(owb::MainWindow &window)
{
    auto *label = window.statusBar()->findChild<QLabel *>(QStringLiteral("teamConnection"));
    return label && label->isVisible() ? label->text() : QString();
}

inline QString statusNotices(owb::MainWindow &window)
{
    QStringList texts;
    for (QLabel *label : window.statusBar()->findChildren<QLabel *>())
        if (label->isVisible())
            texts.append(label->text());
    return texts.join(QLatin1Char('\n'));
}

// The reason in the read-only bar above the pages, when it is shown.
inline QString readOnlyReason(owb::MainWindow &window)
{
    auto *reason = window.findChild<QLabel *>(QStringLiteral("readOnlyReason"));
    return reason && reason->isVisible() ? reason->text() : QString();
}

} // namespace owbtest
