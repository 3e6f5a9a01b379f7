#pragma once
// A value typed into a table cell that cannot be stored (a date that is not
// one) is explained in place, as the forms do (style.md 18): the cell keeps
// what was typed, in red with the reason as its tooltip, and a red line under
// the table says what is wrong and that nothing was saved. Never an alert.

#include <QString>

class QTableWidget;

namespace owb {

// Marks the cell and shows `message` under the table (the line is made the
// first time, in the layout that holds the table).
void showCellProblem(QTableWidget *table, int row, int column, const QString &message);
// Hides the line under the table (a value stored, or the table read again).
void clearCellProblem(QTableWidget *table);

} // namespace owb
