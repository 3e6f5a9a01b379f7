#pragma once
// A date field that reads what a user types ("31/03/2027", "31 Mar 2027",
// "2027-03-31") and shows it in the one display format (casework/datetext).
// What cannot be read is kept as typed, for the form to explain.

#include <QDate>
#include <QLineEdit>

namespace owb {

class DateEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit DateEdit(QWidget *parent = nullptr);
    // Invalid when empty or unreadable.
    QDate date() const;
    void setDate(const QDate &date);
};

} // namespace owb
