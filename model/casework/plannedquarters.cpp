#include "plannedquarters.h"

#include <QRegularExpression>

namespace owb {

QStringList quartersAfter(const QString &label, int count)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{4})/(\\d{2}) Q([1-4])$"));
    const QRegularExpressionMatch m = form.match(label.trimmed());
    if (!m.hasMatch())
        return {};
    int year = m.captured(1).toInt();
    int quarter = m.captured(3).toInt();
    QStringList out;
    for (int i = 0; i < count; ++i) {
        if (++quarter > 4) {
            quarter = 1;
            ++year;
        }
        out.append(QStringLiteral("%1/%2 Q%3")
                       .arg(year)
                       .arg((year + 1) % 100, 2, 10, QLatin1Char('0'))
                       .arg(quarter));
    }
    return out;
}

QStringList plannableQuarters(const QStringList &known, int ahead)
{
    return known.isEmpty() ? known : known + quartersAfter(known.last(), ahead);
}

QString firstUnplannedQuarter(const QStringList &plannable, const QString &from, const QStringList &planned)
{
    const qsizetype start = qMax<qsizetype>(0, plannable.indexOf(from));
    for (qsizetype i = 0; i < plannable.size(); ++i) {
        const QString &q = plannable.at((start + i) % plannable.size());
        if (!planned.contains(q))
            return q;
    }
    return from;
}

} // namespace owb
