#pragma once
// A plain-text editor that reports when the user has finished editing
// (focus leaves it), like QLineEdit::editingFinished: one edit, one command.

#include <QPlainTextEdit>

namespace owb {

class CommitTextEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    using QPlainTextEdit::QPlainTextEdit;

Q_SIGNALS:
    void editingFinished(const QString &text);

protected:
    void focusOutEvent(QFocusEvent *event) override
    {
        QPlainTextEdit::focusOutEvent(event);
        Q_EMIT editingFinished(toPlainText());
    }
};

} // namespace owb
