#pragma once
// Where the workbench says that something was done (a file written, an import
// finished): a label in the main window's status bar. A temporary status-bar
// message is painted, not exposed, so screen readers could not read it.
// A notice of something done clears itself after a while, or when the user
// goes on to something else; a lasting one (why the workspace is read-only)
// stays while the workspace is open, shown again when a passing one clears.
// A notice longer than the status bar has room for is shown cut short with
// "…", whole in its tip (and so to a screen reader).
//
// A read-only workspace (a folder this user may not change, one another
// instance holds, a team workspace's reader) also shows a lasting
// "Read-only" in the status bar, beside the methodology, whatever notice
// passes, on every page and however narrow the window: its tip says why
// (tester, issue 14: the reason was replaced by "Connected to…" and cut off).

#include <QString>

class QMainWindow;
class QWidget;

namespace owb {

// How long a notice of something done stays (milliseconds).
constexpr int kStatusNoticeMs = 15000;

// Adds the notice label and the read-only indicator to the window's status
// bar (once, at start-up, before the window's own permanent labels).
void installStatusNotice(QMainWindow *window);
// Shows the message in the notice of the window that `from` belongs to.
void showStatusNotice(QWidget *from, const QString &message, bool lasting = false);
// Clears a passing notice of the window that `from` belongs to; `all` clears
// a lasting one too, and the read-only indicator (the workspace it was about
// is closed).
void clearStatusNotice(QWidget *from, bool all = false);
// The workspace is read-only for `why`: the indicator shown, saying `why` as
// its tip and accessible description, and `why` the lasting notice.
void showReadOnly(QWidget *from, const QString &why);

} // namespace owb
