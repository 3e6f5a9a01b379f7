#include "cellproblem.h"

#include <QBoxLayout>
#include <QCoreApplication>
#include <QVariantMap>
#include <QLabel>
#include <QPointer>
#include <QScrollArea>
#include <QTimer>
#include <QSignalBlocker>
#include <QTableWidget>

namespace owb {

namespace {
const char *const kLine = "owbCellProblem";
// Every cell refused since the table was filled: "row:column" -> message.
const char *const kProblems = "owbCellProblems";

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
    // Each cell refused and not put right keeps its message (the cell keeps
    // its typed text): one line per cell, named by row and column once
    // there are two or more.
    QVariantMap problems = table->property(kProblems).toMap();
    problems.insert(QStringLiteral("%1:%2").arg(row, 6, 10, QLatin1Char('0')).arg(column, 3, 10, QLatin1Char('0')),
                    message);
    table->setProperty(kProblems, problems);
    QStringList lines;
    for (auto it = problems.cbegin(); it != problems.cend(); ++it) {
        if (problems.size() == 1) {
            lines.append(it.value().toString());
            break;
        }
        const int r = it.key().section(QLatin1Char(':'), 0, 0).toInt();
        const int c = it.key().section(QLatin1Char(':'), 1, 1).toInt();
        const QTableWidgetItem *header = table->horizontalHeaderItem(c);
        lines.append(QCoreApplication::translate("owb::CellProblem", "Row %1, %2: %3")
                         .arg(r + 1)
                         .arg(header ? header->text() : QString::number(c + 1), it.value().toString()));
    }
    QLabel *line = lineUnder(table, true);
    line->setText(lines.join(QLatin1Char('\n')));
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
    table->setProperty(kProblems, QVariant());
    if (QLabel *line = lineUnder(table, false))
        line->hide();
}

} // namespace owb
