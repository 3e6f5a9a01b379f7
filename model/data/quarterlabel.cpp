#include "quarterlabel.h"

#include <QRegularExpression>

namespace owb {

namespace {
// ASCII digits only: a Unicode digit that looks like a 2 is not one here.
const QString kYears = QStringLiteral("(?<y1>[0-9]{4})\\s*[/-]\\s*(?<y2>[0-9]{2}|[0-9]{4})");
const QString kQuarter = QStringLiteral("(?:q|quarter)\\s*(?<q>[0-9]{1,2})");
const QString kBetween = QStringLiteral("\\s*[-_,]?\\s*");
} // namespace

QString canonicalQuarter(const QString &text, QString *problem)
{
    static const QRegularExpression yearFirst(QStringLiteral("^%1%2%3$").arg(kYears, kBetween, kQuarter),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression quarterFirst(QStringLiteral("^%1%2%3$").arg(kQuarter, kBetween, kYears),
        QRegularExpression::CaseInsensitiveOption);
    // A no-break space or a tab between the parts is still a space.
    QString trimmed = text.trimmed();
    for (QChar &c : trimmed)
        if (c.isSpace())
            c = QLatin1Char(' ');
    QRegularExpressionMatch match = yearFirst.match(trimmed);
    if (!match.hasMatch())
        match = quarterFirst.match(trimmed);
    auto refuse = [&](const QString &why) {
        if (problem)
            *problem = why;
        return QString();
    };
    if (!match.hasMatch())
        return refuse(QStringLiteral("\"%1\" is not a quarter (write the financial year and the quarter, "
                                     "such as 2025/26 Q1)")
                          .arg(text.left(60)));
    const int first = match.captured(u"y1").toInt();
    const QString second = match.captured(u"y2");
    const int quarter = match.captured(u"q").toInt();
    const bool consecutive
        = second.size() == 4 ? second.toInt() == first + 1 : second.toInt() == (first + 1) % 100;
    if (!consecutive)
        return refuse(QStringLiteral("\"%1\" is not a quarter: a financial year is two consecutive years, "
                                     "such as %2/%3")
                          .arg(trimmed)
                          .arg(first)
                          .arg((first + 1) % 100, 2, 10, QLatin1Char('0')));
    if (quarter < 1 || quarter > 4)
        return refuse(QStringLiteral("\"%1\" is not a quarter: a year has quarters Q1 to Q4").arg(trimmed));
    if (first < 2000 || first > 2098)
        return refuse(
            QStringLiteral("\"%1\" is not a quarter this program can hold (years 2000/01 to 2098/99)")
                .arg(trimmed));
    return QStringLiteral("%1/%2 Q%3")
        .arg(first)
        .arg((first + 1) % 100, 2, 10, QLatin1Char('0'))
        .arg(quarter);
}

QString canonicalYear(const QString &text, QString *problem)
{
    static const QRegularExpression year(QStringLiteral("^%1$").arg(kYears));
    const QString trimmed = text.trimmed();
    if (!year.match(trimmed).hasMatch()) {
        if (problem)
            *problem = QStringLiteral("\"%1\" is not a financial year (write it as 2025/26)").arg(text.left(60));
        return {};
    }
    // The quarter reader owns the rules (consecutive years, the range held).
    QString quarterProblem;
    const QString quarter = canonicalQuarter(trimmed + QStringLiteral(" Q1"), &quarterProblem);
    if (quarter.isEmpty()) {
        if (problem)
            *problem = QStringLiteral("\"%1\" is not a financial year (write it as 2025/26)").arg(text.left(60));
        return {};
    }
    return quarter.left(7);
}

QString yearOfQuarter(const QString &label)
{
    return canonicalQuarter(label).left(7);
}

int quarterKey(const QString &label)
{
    const QString canonical = canonicalQuarter(label);
    if (canonical.isEmpty())
        return -1;
    return canonical.left(4).toInt() * 10 + canonical.right(1).toInt();
}

QDate quarterStart(const QString &label)
{
    const int key = quarterKey(label);
    if (key < 0)
        return {};
    const int year = key / 10;
    const int quarter = key % 10;
    // The financial year starts in April: Q1 April, Q2 July, Q3 October, Q4 January.
    return quarter == 4 ? QDate(year + 1, 1, 1) : QDate(year, 4 + 3 * (quarter - 1), 1);
}

QString shortQuarter(const QString &label)
{
    static const QRegularExpression longYear(QStringLiteral("\\b20(\\d\\d[/-]\\d\\d)\\b"));
    return QString(label).replace(longYear, QStringLiteral("\\1"));
}

} // namespace owb
