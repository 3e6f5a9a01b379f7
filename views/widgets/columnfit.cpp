#include "columnfit.h"

#include <QEvent>
#include <QHeaderView>
#include <QRegularExpression>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <algorithm>

namespace owb {

ColumnFitter::ColumnFitter(QTableView *view, const QList<ColumnLimit> &limits, const ColumnLimit &stretch)
    : QObject(view)
    , m_view(view)
    , m_viewport(view->viewport())
    , m_limits(limits)
    , m_stretch(stretch)
{
    for (const ColumnLimit &limit : limits)
        view->horizontalHeader()->setSectionResizeMode(limit.column, QHeaderView::Interactive);
    // Sized here: the header's own stretching squeezes the column to almost
    // nothing when the others take the width.
    view->horizontalHeader()->setSectionResizeMode(stretch.column, QHeaderView::Interactive);
    // Text that does not fit on one line wraps between words; rows grow to it.
    view->setWordWrap(true);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->viewport()->installEventFilter(this);
    // The sorted column's header has the arrow: room for it there, none elsewhere.
    connect(view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, &ColumnFitter::fitLater);
    if (QAbstractItemModel *model = view->model()) {
        connect(model, &QAbstractItemModel::modelReset, this, &ColumnFitter::fitLater);
        connect(model, &QAbstractItemModel::layoutChanged, this, &ColumnFitter::fitLater);
        connect(model, &QAbstractItemModel::rowsInserted, this, &ColumnFitter::fitLater);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ColumnFitter::fitLater);
        connect(model, &QAbstractItemModel::dataChanged, this, &ColumnFitter::fitLater);
    }
}

void ColumnFitter::fitLater()
{
    if (m_pending)
        return;
    m_pending = true;
    QTimer::singleShot(0, this, [this] {
        m_pending = false;
        fit();
    });
}

int ColumnFitter::headerWidth(int column) const
{
    // The header's own hint leaves room for the sort arrow in every column,
    // though only the sorted one shows it: at 1024 pixels that room, column
    // after column, pushed "Last change" off the side. The header's text
    // with the style's margins, and the arrow's room where it is shown.
    const QHeaderView *header = m_view->horizontalHeader();
    const int hint = header->sectionSizeHint(column);
    if (!header->isSortIndicatorShown() || !m_view->model())
        return hint;
    const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    int text = header->fontMetrics().horizontalAdvance(
                   m_view->model()->headerData(column, Qt::Horizontal).toString())
        + 2 * margin + 8;
    if (header->sortIndicatorSection() == column)
        text += header->sizeHint().height() + margin;
    return std::min(hint, text);
}

int ColumnFitter::narrowest(int column, int minimum) const
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    const QFontMetrics metrics = m_view->fontMetrics();
    int word = 0;
    const QAbstractItemModel *model = m_view->model();
    for (int row = 0; model && row < model->rowCount(); ++row)
        for (const QString &part :
            model->index(row, column).data().toString().split(spaces, Qt::SkipEmptyParts))
            word = std::max(word, metrics.horizontalAdvance(part));
    // The cell's margins either side of the text (as the style draws them), and a little air.
    return std::max({ minimum, headerWidth(column), word + 16 });
}

void ColumnFitter::fit()
{
    QHeaderView *header = m_view->horizontalHeader();
    // Public in QAbstractItemView (QTableView makes its override protected).
    auto contents = [&](int section) {
        return std::max(static_cast<const QAbstractItemView *>(m_view)->sizeHintForColumn(section),
            headerWidth(section));
    };
    auto fitted = [&](int section) {
        return section == m_stretch.column
            || std::any_of(m_limits.cbegin(), m_limits.cend(),
                [&](const ColumnLimit &l) { return l.column == section; });
    };
    int others = 0; // the columns sized by the header itself
    for (int section = 0; section < header->count(); ++section)
        if (!header->isSectionHidden(section) && !fitted(section))
            others += header->sectionSize(section);
    // Every fitted column, the stretching one last: what it wants on one line,
    // and the narrowest it can wrap to with nothing cut.
    QList<ColumnLimit> columns = m_limits;
    columns.append(m_stretch);
    QList<int> wants;
    QList<int> floors;
    int excess = others - m_view->viewport()->width();
    for (const ColumnLimit &limit : std::as_const(columns)) {
        floors.append(narrowest(limit.column, limit.minimum));
        wants.append(std::max(
            floors.last(), std::min(contents(limit.column), std::max(limit.minimum, limit.maximum))));
        excess += wants.last();
    }
    // Too narrow: the widest columns give up width first, down to a common
    // width (none below its narrowest), and wrap; short ones stay on one line.
    if (excess > 0) {
        const int room = m_view->viewport()->width() - others;
        // The stretching column (the names people look for) keeps twice the common width.
        auto capOf = [&](qsizetype i, int cap) { return i == wants.size() - 1 ? 2 * cap : cap; };
        auto total = [&](int cap) {
            int sum = 0;
            for (qsizetype i = 0; i < wants.size(); ++i)
                sum += std::max(floors.at(i), std::min(wants.at(i), capOf(i, cap)));
            return sum;
        };
        int low = 0;
        int high = *std::max_element(wants.cbegin(), wants.cend());
        while (low < high) { // the widest cap that fits
            const int mid = (low + high + 1) / 2;
            if (total(mid) <= room)
                low = mid;
            else
                high = mid - 1;
        }
        excess = 0;
        for (qsizetype i = 0; i < wants.size(); ++i) {
            wants[i] = std::max(floors.at(i), std::min(wants.at(i), capOf(i, low)));
            excess += wants.at(i);
        }
        excess -= room;
    }
    // Room to spare goes to the stretching column.
    if (excess < 0)
        wants.last() -= excess;
    for (qsizetype i = 0; i < columns.size(); ++i)
        header->resizeSection(columns.at(i).column, wants.at(i));
    m_view->resizeRowsToContents();
}

bool ColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_viewport && event->type() == QEvent::Resize)
        fitLater();
    return QObject::eventFilter(watched, event);
}

} // namespace owb
