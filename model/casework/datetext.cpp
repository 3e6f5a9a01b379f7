#include "datetext.h"

#include <QStringList>

namespace owb {

QLocale dateLocale()
{
    const QLocale locale;
    return locale.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedKingdom) : locale;
}

namespace {
QString displayFormat()
{
    // Four-digit years: a two-digit year is ambiguous across centuries.
    QString format = dateLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return format;
}
} // namespace

QDate readUserDate(const QString &text)
{
    const QString t = text.simplified();
    if (t.isEmpty())
        return {};
    QDate date = QDate::fromString(t, Qt::ISODate);
    if (date.isValid())
        return date;
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    const QLocale user = dateLocale();
    static const QStringList formats{QStringLiteral("d/M/yyyy"), QStringLiteral("d.M.yyyy"), QStringLiteral("d-M-yyyy"),
                                     QStringLiteral("d MMM yyyy"), QStringLiteral("d MMMM yyyy"),
                                     QStringLiteral("d-MMM-yyyy"), QStringLiteral("d MMM, yyyy")};
    for (const QString &format : formats) {
        date = uk.toDate(t, format);
        if (date.isValid())
            return date;
    }
    for (const QString &format : {displayFormat(), user.dateFormat(QLocale::LongFormat)}) {
        date = user.toDate(t, format);
        if (date.isValid())
            return date;
    }
    return {};
}

QString showDate(const QDate &date)
{
    return date.isValid() ? dateLocale().toString(date, displayFormat()) : QString();
}

QString showDate(const QString &iso)
{
    const QDate date = QDate::fromString(iso, Qt::ISODate);
    return date.isValid() ? showDate(date) : iso;
}

QString dateHint()
{
    return displayFormat().toLower();
}

} // namespace owb
