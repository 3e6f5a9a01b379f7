#include "dateformat.h"

#include <QDate>
#include <QDateTime>

namespace owb {

QString displayDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString displayMoment(const QDateTime &moment)
{
    return moment.isValid() ? moment.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString displayMoment(const QString &isoTimestamp)
{
    QDateTime moment = QDateTime::fromString(isoTimestamp, Qt::ISODateWithMs);
    if (!moment.isValid())
        moment = QDateTime::fromString(isoTimestamp, Qt::ISODate);
    return displayMoment(moment);
}

} // namespace owb
