#pragma once
// How the workbench writes a moment, in one place, with its date as every
// date is shown (casework/datetext: the user's locale, en_GB by default), so
// one screen never shows "16/02/2026" beside "2026-04-13".

#include <QString>

class QDate;
class QDateTime;

namespace owb {

QString displayDate(const QDate &date); // "13/04/2026" (casework/datetext's showDate)
QString displayMoment(const QDateTime &moment); // "13/04/2026 09:41", local time
// From a stored ISO 8601 timestamp (UTC or with an offset); empty if it is none.
QString displayMoment(const QString &isoTimestamp);

} // namespace owb
