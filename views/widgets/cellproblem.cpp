#include "cellproblem.h"

#include <QBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QScrollArea>
#include <QTimer>
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
    // The red cell is not hidden under the selection's colour: the cell
    // leaves the selection (the current row stays the current one).
    if (QItemSelectionModel *selection = table->selectionModel()) {
        const QSignalBlocker blocker(table);
        selection->select(table->model()->index(row, column), QItemSelectionModel::Deselect);
    }
    table->scrollToItem(table->item(row, column));
    // Under a tall table the line may be below the page in view: once laid
    // out, the page scrolls to show it where the user is.
    QPointer<QLabel> shown(line);
    QTimer::singleShot(0, line, [shown] {
        if (!shown || !shown->isVisible())
            return;
        for (QWidget *w = shown->parentWidget(); w; w = w->parentWidget())
            if (auto *area = qobject_cast<QScrollArea *>(w)) {
                area->ensureWidgetVisible(shown, 20, 20);
                break;
            }
    });
}

void clearCellProblem(QTableWidget *table)
{
    if (QLabel *line = lineUnder(table, false))
        line->hide();
}

} // namespace owb
