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
// instance holds, a team workspace's reader) is said in a bar across the top
// of the window, above every page: a bold "Read-only" (its tip and
// accessible description the reason) and the reason beside it, wrapped,
// never cut (tester, issue 14: the reason, shown as a lasting notice, was
// replaced by "Connected to..." and cut off in a narrow status bar). As an
// office suite says a document is open read-only.

#include <QString>

class QLabel;
class QMainWindow;
class QWidget;

namespace owb {

// How long a notice of something done stays (milliseconds).
constexpr int kStatusNoticeMs = 15000;

// Adds the notice label to the window's status bar (once, at start-up).
void installStatusNotice(QMainWindow *window);
// The read-only bar, hidden until showReadOnly: the window lays it out
// above its pages.
QWidget *createReadOnlyBar(QWidget *parent);
// Shows the message in the notice of the window that `from` belongs to.
void showStatusNotice(QWidget *from, const QString &message, bool lasting = false);
// Clears a passing notice of the window that `from` belongs to; `all` clears
// a lasting one too, and hides the read-only bar (the workspace it was about
// is closed).
void clearStatusNotice(QWidget *from, bool all = false);
// The window's workspace is read-only for `why` (empty: not read-only).
void showReadOnly(QWidget *from, const QString &why);
// A label for a lasting status in the status bar (a team workspace's
// connection): where the bar is too narrow for it, drawn cut short with "…"
// at its start, its end (the state) kept (its tip, set by the caller, whole),
// never narrower than `minChars` characters' room.
QLabel *createElidedLabel(int minChars, QWidget *parent);

} // namespace owb
