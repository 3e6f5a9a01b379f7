#include "segmentdelegate.h"

#include "itemmodels/itemroles.h"

#include <QApplication>
#include <QPainter>

namespace owb {

QColor SegmentDelegate::background(int segment)
{
    // NHS identity colours: green (1), light green (2), warm yellow (3), red (4), purple (5).
    switch (segment) {
    case 1:
        return QColor(0x00, 0x7f, 0x3b);
    case 2:
        return QColor(0x78, 0xbe, 0x20);
    case 3:
        return QColor(0xff, 0xb8, 0x1c);
    case 4:
        return QColor(0xda, 0x29, 0x1c);
    case 5:
        return QColor(0x33, 0x00, 0x72);
    default:
        return QColor(0xd8, 0xdd, 0xe0);
    }
}

QColor SegmentDelegate::foreground(int segment)
{
    return segment == 1 || segment == 4 || segment == 5 ? Qt::white : QColor(0x21, 0x2b, 0x32);
}

void SegmentDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QWidget *widget = const_cast<QWidget *>(option.widget);
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const int segment = index.data(SegmentRole).toInt();
    const QFontMetrics metrics(opt.font);
    const int height = metrics.height() + 4;
    const int width = metrics.horizontalAdvance(text) + 16;
    QRect badge(opt.rect.left() + 4, opt.rect.center().y() - height / 2, width, height);
    badge = badge.intersected(opt.rect.adjusted(2, 1, -2, -1));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(background(segment));
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setPen(foreground(segment));
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

QSize SegmentDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    return {size.width() + 16, qMax(size.height(), option.fontMetrics.height() + 8)};
}

} // namespace owb
