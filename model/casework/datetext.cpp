#include "datetext.h"

#include <QRegularExpression>
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

// A month typed as a word: the full name or any beginning of it of three
// letters or more, in English or the user's language, any case. Read by hand
// because Qt's en_GB data abbreviates September "Sept", so "Sep" (as people
// type it, and as spreadsheets print it) fails its "MMM" format.
int monthFromWord(const QString &word)
{
    if (word.size() < 3)
        return 0;
    for (const QLocale &locale : {QLocale(QLocale::English, QLocale::UnitedKingdom), dateLocale()}) {
        for (int month = 1; month <= 12; ++month) {
            const QString name = locale.monthName(month, QLocale::LongFormat);
            if (name.startsWith(word, Qt::CaseInsensitive)
                || locale.monthName(month, QLocale::ShortFormat).compare(word, Qt::CaseInsensitive) == 0)
                return month;
        }
    }
    return 0;
}

// "30 Sep 2026", "30-Sept-2026", "30 September, 2026"
QDate readDayMonthWordYear(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{1,2})[ -](\\p{L}+)\\.?,?[ -](\\d{4})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    const int month = monthFromWord(match.captured(2));
    return month ? QDate(match.captured(3).toInt(), month, match.captured(1).toInt()) : QDate();
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
    date = readDayMonthWordYear(t);
    if (date.isValid())
        return date;
    static const QStringList formats{QStringLiteral("d/M/yyyy"), QStringLiteral("d.M.yyyy"), QStringLiteral("d-M-yyyy")};
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
