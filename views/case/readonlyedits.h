#pragma once
// A read-only workspace offers no edit (testers, issue 13/14: a reader filled
// a whole form and learnt only on OK that nothing was changed). Every control
// of a case page that changes the case is held: a button or a choice is
// disabled, a text field read-only (drawn on the window's colour, no caret,
// its text still selectable), a table's cells not editable, each saying
// why (the workspace's read-only reason) as its tip. The session still
// refuses every edit (CaseSession::isReadOnly): this only stops offering them.

class QString;
class QWidget;

namespace owb {

// Marks a control of a case page that changes nothing (a filter, a year
// chooser, Save Attachment As...): left as it is on a read-only workspace.
void markNotAnEdit(QWidget *control);
// Holds every edit control under `page` with `why` as its tip, kept held
// however the page enables it again (a row selected); an empty `why`
// releases them as they were.
void holdEdits(QWidget *page, const QString &why);
// Whether holdEdits holds `control` now.
bool isHeld(const QWidget *control);

} // namespace owb
