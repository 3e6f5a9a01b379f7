#pragma once
// The check that a table shows every header and cell whole (issue 13): the
// clipping test and the portfolio at the window sizes people use.

#include <QFontMetrics>
#include <QHeaderView>
#include <QStyle>
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
        if (view.columnWidth(c) < header->sectionSizeHint(c))
            return QStringLiteral("header %1 is %2 wide, needs %3")
                .arg(view.model()->headerData(c, Qt::Horizontal).toString())
                .arg(view.columnWidth(c))
                .arg(header->sectionSizeHint(c));
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
