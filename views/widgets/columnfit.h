#pragma once
// Sizes the columns of a table so that every header and every cell can be
// read whole: each column wants its contents on one line (within its limits);
// when the window is too narrow for that, the widest columns (the
// stretching one, the organisation's name, too) give up width first, down to
// a common width, and their text wraps between words onto more lines (the
// rows grow to fit), so that short columns stay on one line. A column never gets narrower than its header's
// text or its longest word, so nothing is cut; only when even that does not fit does the table scroll
// sideways. The stretching column takes whatever width is left.

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
    // Owned by `view`; follows its model's resets and the view's width. Turns
    // on the view's word wrap and sizes its rows to their contents.
    ColumnFitter(QTableView *view, const QList<ColumnLimit> &limits, const ColumnLimit &stretch);

    void fit();
    // The narrowest a column can be with nothing cut: its header's text and
    // its longest word (with the cell's margins), at least `minimum`.
    int narrowest(int column, int minimum) const;
    // A header's text whole, with the sort arrow's room only where it is
    // shown (the header's own hint leaves that room in every column).
    int headerWidth(int column) const;

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
