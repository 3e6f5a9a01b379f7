#pragma once
// Paints a segment as a coloured badge from SegmentRole; the text stays the
// model's (so sorting, copying and screen readers see words, not colours).

#include <QColor>
#include <QStyledItemDelegate>

namespace owb {

class SegmentDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QColor background(int segment);
    static QColor foreground(int segment);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace owb
