#include "chartstyle.h"

#include "data/quarterlabel.h"

#include <QLegend>
#include <QRegularExpression>

namespace owb::chartstyle {

QString shortQuarter(const QString &quarter)
{
    return owb::shortQuarter(quarter); // the reports' charts label quarters the same way
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
