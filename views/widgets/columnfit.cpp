#include "columnfit.h"

#include <QEvent>
#include <QHeaderView>
#include <QTableView>
#include <QTimer>
#include <algorithm>

namespace owb {

ColumnFitter::ColumnFitter(QTableView *view, const QList<ColumnLimit> &limits, const ColumnLimit &stretch)
    : QObject(view), m_view(view), m_viewport(view->viewport()), m_limits(limits), m_stretch(stretch)
{
    for (const ColumnLimit &limit : limits)
        view->horizontalHeader()->setSectionResizeMode(limit.column, QHeaderView::Interactive);
    // Sized here: the header's own stretching squeezes the column to almost
    // nothing when the others take the width.
    view->horizontalHeader()->setSectionResizeMode(stretch.column, QHeaderView::Interactive);
    view->viewport()->installEventFilter(this);
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

void ColumnFitter::fit()
{
    QHeaderView *header = m_view->horizontalHeader();
    // Public in QAbstractItemView (QTableView makes its override protected).
    auto contents = [&](int section) {
        return std::max(static_cast<const QAbstractItemView *>(m_view)->sizeHintForColumn(section),
                        header->sectionSizeHint(section));
    };
    auto fitted = [&](int section) {
        return section == m_stretch.column
               || std::any_of(m_limits.cbegin(), m_limits.cend(), [&](const ColumnLimit &l) { return l.column == section; });
    };
    int others = 0; // the columns sized by the header itself
    for (int section = 0; section < header->count(); ++section)
        if (!header->isSectionHidden(section) && !fitted(section))
            others += header->sectionSize(section);
    // The stretching column's names are never cut: it wins over every fitted column.
    const int stretchWants = std::clamp(contents(m_stretch.column), m_stretch.minimum,
                                        std::max(m_stretch.minimum, m_stretch.maximum));
    const int room = m_view->viewport()->width() - others - stretchWants;
    QList<int> wants;
    int excess = -room;
    for (const ColumnLimit &limit : std::as_const(m_limits)) {
        wants.append(std::clamp(contents(limit.column), limit.minimum, std::max(limit.minimum, limit.maximum)));
        excess += wants.last();
    }
    // Too narrow: the columns give up width in the order given, each down to its minimum.
    for (qsizetype i = 0; i < m_limits.size() && excess > 0; ++i) {
        const int give = std::min(excess, wants.at(i) - m_limits.at(i).minimum);
        wants[i] -= give;
        excess -= give;
    }
    for (qsizetype i = 0; i < m_limits.size(); ++i)
        header->resizeSection(m_limits.at(i).column, wants.at(i));
    // What is left goes to the stretching column.
    header->resizeSection(m_stretch.column, stretchWants + std::max(0, -excess));
}

bool ColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_viewport && event->type() == QEvent::Resize)
        fitLater();
    return QObject::eventFilter(watched, event);
}

} // namespace owb
