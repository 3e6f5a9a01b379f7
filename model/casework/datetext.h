#pragma once
// The one way a date is read from and shown to a user: typed UK dates
// ("31/03/2027", "31 Mar 2027", "31 March 2027") or ISO ("2027-03-31") are
// read; dates are shown in the user's locale's short format, en_GB when the
// locale says nothing (the C locale). Records store ISO dates.

#include <QDate>
#include <QLocale>
#include <QString>

namespace owb {

// The locale dates are shown in.
QLocale dateLocale();
// A date as typed, or an invalid QDate.
QDate readUserDate(const QString &text);
// A date as shown everywhere; an ISO string that is not a date is shown as it is.
QString showDate(const QDate &date);
QString showDate(const QString &iso);
// How to type one, for messages and placeholders ("dd/mm/yyyy").
QString dateHint();

} // namespace owb
