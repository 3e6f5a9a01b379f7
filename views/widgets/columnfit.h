#pragma once
// Sizes some columns of a table to their contents within limits, and keeps
// the stretching column (the organisation's name) readable: it is never
// narrower than its contents (up to its maximum, and never below its
// minimum) and takes whatever width is left. When the window is too narrow
// for every column's contents, the fitted columns give up width in the order
// they are listed, each down to its minimum, and their text elides (with the
// whole text in a tooltip, delegates/elidingdelegate); the stretching column
// never gives way (the table scrolls sideways before it would).

#include <QList>
#include <QObject>
#include <QPointer>
#include <QWidget>

class QTableView;

namespace owb {

struct ColumnLimit
{
    int column = 0;
    int minimum = 0;
    int maximum = 0;
};

class ColumnFitter : public QObject
{
    Q_OBJECT
public:
    // Owned by `view`; follows its model's resets and the view's width.
    ColumnFitter(QTableView *view, const QList<ColumnLimit> &limits, const ColumnLimit &stretch);

    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitLater();

    QTableView *m_view;
    // Compared, never called: while the view is destroyed its children
    // (the viewport among them) still send events, and the view is by then
    // no longer a QAbstractScrollArea.
    QPointer<QWidget> m_viewport;
    QList<ColumnLimit> m_limits;
    ColumnLimit m_stretch;
    bool m_pending = false;
};

} // namespace owb
