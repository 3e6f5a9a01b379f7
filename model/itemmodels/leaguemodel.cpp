#include "leaguemodel.h"

#include "itemroles.h"

#include <QColor>
#include <QFont>
#include <limits>

namespace owb {

LeagueModel::LeagueModel(QObject *parent) : QAbstractTableModel(parent) {}

void LeagueModel::setEntries(const QList<LeagueEntry> &entries, const QHash<QString, QString> &ratingNames)
{
    beginResetModel();
    m_entries = entries;
    m_ratingNames = ratingNames;
    endResetModel();
}

void LeagueModel::setHighlightRegion(const QString &region)
{
    if (region == m_highlight)
        return;
    m_highlight = region;
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::FontRole, Qt::BackgroundRole, Qt::AccessibleDescriptionRole});
}

int LeagueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LeagueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LeagueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const LeagueEntry &e = m_entries.at(index.row());
    if (role == SegmentRole)
        return e.segment;
    if (role == CodeRole)
        return e.code;
    if (role == PeerTypeRole)
        return e.peerType;
    const bool highlighted = !m_highlight.isEmpty() && e.region == m_highlight;
    if (role == Qt::FontRole && highlighted) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::BackgroundRole && highlighted)
        return QColor(0xff, 0xeb, 0x99);  // a pale yellow that every segment colour reads on
    if (role == Qt::AccessibleDescriptionRole)
        return highlighted ? tr("In the highlighted region, %1").arg(m_highlight) : QString();
    if (role == SortRole) {
        constexpr int last = std::numeric_limits<int>::max();
        switch (index.column()) {
        case Rank:
            return e.rank > 0 ? e.rank : last;  // unranked last
        case Segment:
            return e.segment > 0 ? e.segment : last;
        case Average:
            return e.average > 0 ? qlonglong(e.average) : qlonglong(last);
        case Deficit:
            return e.deficit ? 1 : 0;
        case ToNext:
            return e.toNextSegment > 0 ? qlonglong(e.toNextSegment) : qlonglong(last);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole && (index.column() == Name || index.column() == Casework))
        return data(index, Qt::DisplayRole);
    if (role == Qt::ToolTipRole && index.column() == Capability && !e.capabilityRating.isEmpty())
        return tr("The region's overall view of capability, %1").arg(e.capabilityYear);
    if (role == Qt::TextAlignmentRole && (index.column() == Rank || index.column() == Average || index.column() == ToNext))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case Rank:
        return e.rank > 0 ? QString::number(e.rank) : QString();
    case Code:
        return e.code;
    case Name:
        return e.name;
    case Region:
        return e.region;
    case Segment:
        return e.segment > 0 ? tr("Segment %1").arg(e.segment) : tr("Not segmented");
    case Average:
        return e.average > 0 ? formatHundredths(e.average) : QString();
    case Deficit:
        return e.deficit ? tr("In deficit") : QString();
    case ToNext:
        return e.toNextSegment > 0 ? formatHundredths(e.toNextSegment) : QString();
    case Capability:
        return m_ratingNames.value(e.capabilityRating, e.capabilityRating);
    case Casework:
        return e.casework;
    default:
        return {};
    }
}

QVariant LeagueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Rank:
        return tr("Rank");
    case Code:
        return tr("Code");
    case Name:
        return tr("Organisation");
    case Region:
        return tr("Region");
    case Segment:
        return tr("Segment");
    case Average:
        return tr("Average score");
    case Deficit:
        return tr("Finances");
    case ToNext:
        return tr("Improvement to next segment");
    case Capability:
        return tr("Capability view");
    case Casework:
        return tr("Casework");
    default:
        return {};
    }
}

} // namespace owb
