#pragma once
// How the workbench writes a date or a moment, in one place: as the casework
// forms take dates (YYYY-MM-DD), so one screen never shows "16 Feb 2026"
// beside "2026-04-13".

#include <QString>

class QDate;
class QDateTime;

namespace owb {

QString displayDate(const QDate &date); // "2026-04-13"
QString displayMoment(const QDateTime &moment); // "2026-04-13 09:41", local time
// From a stored ISO 8601 timestamp (UTC or with an offset); empty if it is none.
QString displayMoment(const QString &isoTimestamp);

} // namespace owb
