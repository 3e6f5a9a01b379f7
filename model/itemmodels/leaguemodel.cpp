#include "leaguemodel.h"

#include "itemroles.h"

namespace owb {

LeagueModel::LeagueModel(QObject *parent) : QAbstractTableModel(parent) {}

void LeagueModel::setEntries(const QList<LeagueEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
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
    default:
        return {};
    }
}

} // namespace owb
