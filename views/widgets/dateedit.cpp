#include "dateedit.h"

#include "casework/datetext.h"

namespace owb {

DateEdit::DateEdit(QWidget *parent)
    : QLineEdit(parent)
{
    setPlaceholderText(dateHint());
    setAccessibleDescription(tr("A date, such as %1 or 31 Mar 2027").arg(showDate(QDate(2027, 3, 31))));
    // A date that reads is shown in the one format as soon as the user leaves the field.
    connect(this, &QLineEdit::editingFinished, this, [this] {
        const QDate read = readUserDate(text());
        if (read.isValid() && text() != showDate(read))
            setText(showDate(read));
    });
}

QDate DateEdit::date() const
{
    return readUserDate(text());
}

void DateEdit::setDate(const QDate &date)
{
    setText(showDate(date));
}

} // namespace owb
