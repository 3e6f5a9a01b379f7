#include "dateformat.h"

#include "casework/datetext.h"

#include <QDate>
#include <QDateTime>

namespace owb {

QString displayDate(const QDate &date)
{
    return showDate(date);
}

QString displayMoment(const QDateTime &moment)
{
    if (!moment.isValid())
        return {};
    const QDateTime local = moment.toLocalTime();
    return showDate(local.date()) + QLatin1Char(' ') + local.toString(QStringLiteral("HH:mm"));
}

QString displayMoment(const QString &isoTimestamp)
{
    QDateTime moment = QDateTime::fromString(isoTimestamp, Qt::ISODateWithMs);
    if (!moment.isValid())
        moment = QDateTime::fromString(isoTimestamp, Qt::ISODate);
    return displayMoment(moment);
}

} // namespace owb
