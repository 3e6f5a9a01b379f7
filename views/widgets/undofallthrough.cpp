#include "undofallthrough.h"

#include <QAbstractSpinBox>
#include <optional>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace owb {

namespace {
// Whether the field would use the key itself; a widget that is not a text
// field keeps the key (nullopt means: not ours to judge).
std::optional<bool> fieldCanUse(QObject *watched, bool undo)
{
    if (auto *line = qobject_cast<QLineEdit *>(watched))
        return !line->isReadOnly() && (undo ? line->isUndoAvailable() : line->isRedoAvailable());
    if (auto *plain = qobject_cast<QPlainTextEdit *>(watched))
        return !plain->isReadOnly()
               && (undo ? plain->document()->isUndoAvailable() : plain->document()->isRedoAvailable());
    if (auto *rich = qobject_cast<QTextEdit *>(watched))
        return !rich->isReadOnly()
               && (undo ? rich->document()->isUndoAvailable() : rich->document()->isRedoAvailable());
    if (qobject_cast<QAbstractSpinBox *>(watched) || qobject_cast<QComboBox *>(watched)) {
        auto *line = static_cast<QWidget *>(watched)->findChild<QLineEdit *>(QString(), Qt::FindDirectChildrenOnly);
        if (line)
            return !line->isReadOnly() && (undo ? line->isUndoAvailable() : line->isRedoAvailable());
    }
    return std::nullopt;
}
} // namespace

bool UndoFallThrough::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride)
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    const bool undo = key->matches(QKeySequence::Undo);
    // Redo is Ctrl+Shift+Z or Ctrl+Y on every desktop (the window's Edit > Redo).
    const QKeyCombination combination = key->keyCombination();
    const bool redo = key->matches(QKeySequence::Redo)
                      || combination == QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z)
                      || combination == QKeyCombination(Qt::ControlModifier, Qt::Key_Y);
    if (!undo && !redo)
        return false;
    const std::optional<bool> canUse = fieldCanUse(watched, undo);
    if (!canUse || *canUse)
        return false;
    // Not accepted: the field does not claim the key, so the window's
    // shortcut (Edit > Undo or Redo) gets it.
    event->ignore();
    return true;
}

} // namespace owb
