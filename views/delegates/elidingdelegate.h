#pragma once
// Text that does not fit its cell is elided where it says least (in the
// middle for "Improved (finance override)", at the right otherwise), and the
// cell's tooltip then holds the whole text, before any tooltip of the model's.

#include <QStyledItemDelegate>

namespace owb {

class ElidingDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ElidingDelegate(Qt::TextElideMode mode, QObject *parent = nullptr)
        : QStyledItemDelegate(parent), m_mode(mode)
    {
    }

    // Whether the cell's text is cut at the size `option` gives it.
    bool isElided(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    // The tooltip the cell shows: the whole text when it is cut, then the model's own.
    QString toolTip(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    Qt::TextElideMode m_mode;
};

} // namespace owb
