#include "cellproblem.h"

#include <QBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QTableWidget>

namespace owb {

namespace {
const char *const kLine = "owbCellProblem";

// The box layout (at any depth) under `layout` that holds `widget`.
QBoxLayout *holding(QLayout *layout, QWidget *widget)
{
    if (!layout)
        return nullptr;
    if (auto *box = qobject_cast<QBoxLayout *>(layout); box && box->indexOf(widget) >= 0)
        return box;
    for (int i = 0; i < layout->count(); ++i)
        if (QBoxLayout *found = holding(layout->itemAt(i)->layout(), widget))
            return found;
    return nullptr;
}

QLabel *lineUnder(QTableWidget *table, bool make)
{
    if (auto *line = table->property(kLine).value<QLabel *>())
        return line;
    if (!make || !table->parentWidget())
        return nullptr;
    auto *line = new QLabel(table->parentWidget());
    line->setWordWrap(true);
    line->setStyleSheet(QStringLiteral("color: #da291c;"));
    if (QBoxLayout *box = holding(table->parentWidget()->layout(), table))
        box->insertWidget(box->indexOf(table) + 1, line);
    table->setProperty(kLine, QVariant::fromValue(line));
    return line;
}
} // namespace

void showCellProblem(QTableWidget *table, int row, int column, const QString &message)
{
    if (QTableWidgetItem *item = table->item(row, column)) {
        // Styling the cell is no edit of it.
        const QSignalBlocker blocker(table);
        item->setForeground(QColor(0xda, 0x29, 0x1c));
        item->setToolTip(message);
    }
    QLabel *line = lineUnder(table, true);
    line->setText(message);
    line->show();
}

void clearCellProblem(QTableWidget *table)
{
    if (QLabel *line = lineUnder(table, false))
        line->hide();
}

} // namespace owb
