#include "portfoliomodel.h"

#include "dateformat.h"
#include "itemroles.h"
#include "data/quarterlabel.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace owb {

PortfolioModel::PortfolioModel(QObject *parent) : QAbstractTableModel(parent) {}

void PortfolioModel::setEntries(const QList<PortfolioEntry> &entries, const QHash<QString, QString> &peerTypeNames,
                                const QHash<QString, QString> &ratingNames)
{
    beginResetModel();
    m_entries = entries;
    m_peerTypeNames = peerTypeNames;
    m_ratingNames = ratingNames;
    endResetModel();
}

int PortfolioModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int PortfolioModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {
int movementOf(const PortfolioEntry &e)
{
    if (e.methodologyChanged())
        return 0;  // different rules: neither better nor worse
    return e.segment < e.previousSegment ? -1 : e.segment > e.previousSegment ? 1 : 0;
}
} // namespace

QVariant PortfolioModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const PortfolioEntry &e = m_entries.at(index.row());
    const bool segmented = e.segment > 0;
    switch (role) {
    case PathRole:
        return e.path;
    case CodeRole:
        return e.code;
    case PeerTypeRole:
        return e.peerType;
    case SegmentRole:
        return e.segment;
    case MovementRole:
        return e.movement().isEmpty() ? QVariant() : QVariant(movementOf(e));
    case NeedsActionRole:
        return !e.needsAction.isEmpty();
    case FilterTextRole:
        return QStringList{e.code, e.name, m_peerTypeNames.value(e.peerType, e.peerType), e.region}.join(QLatin1Char(' '));
    default:
        break;
    }
    const int column = index.column();
    if (role == SortRole) {
        switch (column) {
        case Segment:
            return segmented ? e.segment : 99;  // unsegmented last
        case Movement:
            return e.movement().isEmpty() ? 99 : movementOf(e);
        case Average:
            return segmented ? e.average : 9999;
        case Rank:
            return e.rank > 0 ? e.rank : 9999;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole && (column == Average || column == Rank))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && (column == Casework || column == NeedsAction) && (e.overdue > 0 || e.offTrajectory > 0))
        return QColor(0xda, 0x29, 0x1c);  // overdue items and a missed plan stand out
    if (role == Qt::ToolTipRole && (column == Name || column == PeerType || column == Casework || column == NeedsAction))
        return data(index, Qt::DisplayRole);
    if (role == Qt::ToolTipRole && column == Capability && !e.capabilityRating.isEmpty())
        return tr("The region's overall view of capability, %1").arg(e.capabilityYear);
    if (role == Qt::ToolTipRole && column == Movement && segmented && !e.movement().isEmpty())
        return data(index, Qt::DisplayRole).toString() + QLatin1String(": ")
               + tr("Segment %1 in %2, %3 in %4").arg(e.previousSegment).arg(e.previousQuarter).arg(e.segment).arg(e.quarter);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (column) {
    case Code:
        return e.code;
    case Name:
        return e.name;
    case PeerType:
        return m_peerTypeNames.value(e.peerType, e.peerType);
    case Segment:
        return segmented ? tr("Segment %1").arg(e.segment) : tr("Not segmented");
    case Movement:
        if (!segmented)
            return tr("Not segmented");  // an ICB has no segment to move from
        if (e.movement().isEmpty())
            return role == Qt::AccessibleTextRole ? tr("No previous segment") : QString();
        if (e.methodologyChanged())
            return methodologyChangeText(e);
        if (movementOf(e) == 0)
            return tr("Unchanged");
        return (movementOf(e) < 0 ? tr("Improved (%1)") : tr("Deteriorated (%1)"))
            .arg(e.changeReason() == QLatin1String("score")        ? tr("score")
                 : e.changeReason() == QLatin1String("decision") ? tr("decision")
                                                                 : tr("finance override"));
    case Average:
        return segmented ? formatHundredths(e.average) : QString();
    case Rank:
        return e.rank > 0 ? tr("%1 of %2").arg(e.rank).arg(e.peerCount) : QString();
    case Capability:
        return m_ratingNames.value(e.capabilityRating, e.capabilityRating);
    case Casework:
        return e.casework;
    case NeedsAction:
        return e.needsAction;
    case LastChange:
        return displayDate(QDateTime::fromString(e.lastChange, Qt::ISODate).toLocalTime().date());
    default:
        return {};
    }
}

QString PortfolioModel::methodologyChangeText(const PortfolioEntry &e)
{
    const QString decision = e.decisionAcrossMethodologies();
    // In the programme in a year without a programme segment: said, beside
    // a segment that is not 5.
    if (decision == QLatin1String("entered the programme") && e.inProgramme && e.segment != 5)
        return tr("Methodology changed; entered the programme (%1 has no programme segment)").arg(yearOfQuarter(e.quarter));
    return decision == QLatin1String("entered the programme") ? tr("Methodology changed; entered the programme")
           : decision == QLatin1String("left the programme")  ? tr("Methodology changed; left the programme")
           : decision == QLatin1String("decision")            ? tr("Methodology changed; decision")
           : e.firstSegmented()                               ? tr("Methodology changed; first segmented")
                                                              : tr("Methodology changed");
}

QVariant PortfolioModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        // The short headers' whole meaning.
        switch (section) {
        case Average:
            return tr("Average metric score (1.00 best, 4.00 worst)");
        case Rank:
            return tr("League rank within the peer type, after the quarter's decisions");
        case Capability:
            return tr("The region's view of the organisation's capability this year");
        case NeedsAction:
            return tr("Segment 4 with no review, a quarter not decided, overdue items, off trajectory");
        case LastChange:
            return tr("When the case file last changed");
        default:
            return {};
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    // Short enough to be read whole at 1280 pixels beside the rest; the
    // tooltip says the rest.
    switch (section) {
    case Code:
        return tr("Code");
    case Name:
        return tr("Organisation");
    case PeerType:
        return tr("Peer type");
    case Segment:
        return tr("Segment");
    case Movement:
        return tr("Movement");
    case Average:
        return tr("Average");
    case Rank:
        return tr("Rank");
    case Capability:
        return tr("Capability");
    case Casework:
        return tr("Casework");
    case NeedsAction:
        return tr("Needs action");
    case LastChange:
        return tr("Last change");
    default:
        return {};
    }
}

} // namespace owb
