#pragma once

#include <QObject>

namespace owb {

// Lets Ctrl+Z and Ctrl+Shift+Z (Ctrl+Y) reach Edit > Undo and Redo while the
// focus is in a text field that has nothing of its own to undo or redo: a
// text editor claims those keys whether or not it can use them, so after
// Ctrl+Return adds a note (and empties the editor) Ctrl+Z did nothing and
// the note stayed. Installed once on the application; owns nothing.
class UndoFallThrough : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace owb
