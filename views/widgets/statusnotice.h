#pragma once
// Where the workbench says that something was done (a file written, an import
// finished): a label in the main window's status bar. A temporary status-bar
// message is painted, not exposed, so screen readers could not read it.

#include <QString>

class QMainWindow;
class QWidget;

namespace owb {

// Adds the notice label to the window's status bar (once, at start-up).
void installStatusNotice(QMainWindow *window);
// Shows the message in the notice of the window that `from` belongs to.
void showStatusNotice(QWidget *from, const QString &message);

} // namespace owb
