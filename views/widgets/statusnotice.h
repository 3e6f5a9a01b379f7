#pragma once
// Where the workbench says that something was done (a file written, an import
// finished): a label in the main window's status bar. A temporary status-bar
// message is painted, not exposed, so screen readers could not read it.
// A notice of something done clears itself after a while, or when the user
// goes on to something else; a lasting one (why the workspace is read-only)
// stays while the workspace is open, shown again when a passing one clears.

#include <QString>

class QMainWindow;
class QWidget;

namespace owb {

// How long a notice of something done stays (milliseconds).
constexpr int kStatusNoticeMs = 15000;

// Adds the notice label to the window's status bar (once, at start-up).
void installStatusNotice(QMainWindow *window);
// Shows the message in the notice of the window that `from` belongs to.
void showStatusNotice(QWidget *from, const QString &message, bool lasting = false);
// Clears a passing notice of the window that `from` belongs to; `all` clears
// a lasting one too (the workspace it was about is closed).
void clearStatusNotice(QWidget *from, bool all = false);

} // namespace owb
