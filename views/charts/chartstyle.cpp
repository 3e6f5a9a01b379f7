#include "chartstyle.h"

#include <QLegend>
#include <QRegularExpression>

namespace owb::chartstyle {

QString shortQuarter(const QString &quarter)
{
    static const QRegularExpression longYear(QStringLiteral("\\b20(\\d\\d[/-]\\d\\d)\\b"));
    return QString(quarter).replace(longYear, QStringLiteral("\\1"));
}

void apply(QChart *chart, const QString &title)
{
    chart->setTitle(title);
    QFont font = chart->titleFont();
    font.setBold(true);
    chart->setTitleFont(font);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
}

} // namespace owb::chartstyle
