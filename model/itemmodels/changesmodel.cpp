#include "changesmodel.h"

#include "itemroles.h"
#include "portfoliomodel.h"

namespace owb {

ChangesModel::ChangesModel(QObject *parent) : QAbstractTableModel(parent) {}

void ChangesModel::setEntries(const QList<PortfolioEntry> &entries, const QHash<QString, QString> &peerTypeNames)
{
    beginResetModel();
    m_entries.clear();
    for (const PortfolioEntry &entry : entries)
        if (!entry.changeReason().isEmpty())
            m_entries.append(entry);
    m_peerTypeNames = peerTypeNames;
    endResetModel();
}

int ChangesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ChangesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChangesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const PortfolioEntry &e = m_entries.at(index.row());
    const int column = index.column();
    if (role == PathRole)
        return e.path;
    if (role == CodeRole)
        return e.code;
    if (role == SegmentRole && (column == From || column == To))
        return column == From ? e.previousSegment : e.segment;
    if (role == Qt::ToolTipRole && column == Detail)
        return e.changeDetail();
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (column) {
    case Code:
        return e.code;
    case Name:
        return e.name;
    case PeerType:
        return m_peerTypeNames.value(e.peerType, e.peerType);
    case From:
        return e.previousSegment > 0 ? tr("Segment %1").arg(e.previousSegment) : tr("Not segmented");
    case To:
        return tr("Segment %1").arg(e.segment);
    case Reason:
        if (e.changeReason() == QLatin1String("methodology changed"))
            return PortfolioModel::methodologyChangeText(e);
        return e.changeReason() == QLatin1String("score")      ? tr("Score")
               : e.changeReason() == QLatin1String("decision") ? tr("Decision")
                                                               : tr("Finance override");
    case Detail:
        return e.changeDetail();
    default:
        return {};
    }
}

QVariant ChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Code:
        return tr("Code");
    case Name:
        return tr("Organisation");
    case PeerType:
        return tr("Peer type");
    case From:
        return tr("Was");
    case To:
        return tr("Now");
    case Reason:
        return tr("Reason");
    case Detail:
        return tr("What lies behind it");
    default:
        return {};
    }
}

} // namespace owb
