#pragma once
// The check that a table shows every header and cell whole (issue 13): the
// clipping test and the portfolio at the window sizes people use.

#include <QFontMetrics>
#include <QHeaderView>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QTableView>

// Every header whole, every cell's words whole on lines within its row:
// what is cut, or empty.
inline QString nothingCut(const QTableView &view)
{
    const QHeaderView *header = view.horizontalHeader();
    const QFontMetrics metrics(view.font());
    const int margin = 2 * (view.style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, &view) + 1);
    for (int c = 0; c < view.model()->columnCount(); ++c) {
        if (view.isColumnHidden(c))
            continue;
        // The header's label as the style lays it out in the section (less
        // the sort arrow where it is shown): the text fits it whole.
        QStyleOptionHeader option;
        option.initFrom(header);
        option.section = c;
        option.orientation = Qt::Horizontal;
        option.state |= QStyle::State_Horizontal;
        option.text = view.model()->headerData(c, Qt::Horizontal).toString();
        option.rect = QRect(0, 0, view.columnWidth(c), header->height());
        if (header->isSortIndicatorShown() && header->sortIndicatorSection() == c)
            option.sortIndicator = header->sortIndicatorOrder() == Qt::AscendingOrder ? QStyleOptionHeader::SortDown
                                                                                        : QStyleOptionHeader::SortUp;
        const QRect label = header->style()->subElementRect(QStyle::SE_HeaderLabel, &option, header);
        const int needs = header->fontMetrics().horizontalAdvance(option.text);
        if (needs > label.width())
            return QStringLiteral("header %1 is %2 wide, its text needs %3 in a label of %4")
                .arg(option.text)
                .arg(view.columnWidth(c))
                .arg(needs)
                .arg(label.width());
        for (int r = 0; r < view.model()->rowCount(); ++r) {
            const QString text = view.model()->index(r, c).data().toString();
            const int room = view.columnWidth(c) - margin;
            const QRect needs = metrics.boundingRect(QRect(0, 0, room, 100000), Qt::TextWordWrap, text);
            if (needs.width() > room || needs.height() > view.rowHeight(r))
                return QStringLiteral("\"%1\" needs %2x%3 in a %4x%5 cell")
                    .arg(text)
                    .arg(needs.width())
                    .arg(needs.height())
                    .arg(room)
                    .arg(view.rowHeight(r));
        }
    }
    return {};
}
