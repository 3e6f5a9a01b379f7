#include "portfoliofilter.h"

#include "itemroles.h"

namespace owb {

PortfolioFilter::PortfolioFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

// Qt 6.4 has no begin/endFilterChange: invalidateFilter() is the way.
void PortfolioFilter::setPeerType(const QString &peerType)
{
    m_peerType = peerType;
    invalidateFilter();
}

void PortfolioFilter::setSegment(int segment)
{
    m_segment = segment;
    invalidateFilter();
}

void PortfolioFilter::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void PortfolioFilter::setNeedsActionOnly(bool only)
{
    m_needsActionOnly = only;
    invalidateFilter();
}

bool PortfolioFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_peerType.isEmpty() && index.data(PeerTypeRole).toString() != m_peerType)
        return false;
    if (m_needsActionOnly && !index.data(NeedsActionRole).toBool())
        return false;
    if (m_segment == kChanged) {
        const QVariant movement = index.data(MovementRole);
        if (!movement.isValid() || movement.toInt() == 0)
            return false;
    } else if (m_segment >= 0 && index.data(SegmentRole).toInt() != m_segment) {
        return false;
    }
    return m_text.isEmpty() || index.data(FilterTextRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace owb
