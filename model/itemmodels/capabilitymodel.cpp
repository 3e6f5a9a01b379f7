#include "capabilitymodel.h"

#include "itemroles.h"
#include "store/storeerror.h"

#include <QHash>

namespace owb {

CapabilityModel::CapabilityModel(QObject *parent) : QAbstractTableModel(parent) {}

void CapabilityModel::setSession(CaseSession *session, const QString &year)
{
    beginResetModel();
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_year = year;
    m_areas = session ? session->methodology().capabilityAreas() : QList<NamedItem>();
    if (session)
        connect(session, &CaseSession::capabilityChanged, this, [this] {
            try {
                reload();
            } catch (const StoreError &error) {
                Q_EMIT readFailed(error.message());
                return;
            }
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        });
    reload();
    endResetModel();
}

void CapabilityModel::reload()
{
    if (!m_session) {
        m_rows.clear();
        m_evidenceCounts.clear();
        return;
    }
    // Read whole before anything shown changes: a refused read leaves the
    // rows as they were.
    QStringList ids;
    for (const NamedItem &area : std::as_const(m_areas))
        ids.append(area.id);
    auto rows = m_session->capability().areas(m_year, ids);
    // The year's evidence in one statement, counted by area.
    QHash<QString, int> counts;
    for (const EvidenceItem &item : m_session->capability().evidence(m_year))
        counts[item.areaId] += 1;
    QList<int> evidenceCounts;
    for (const QString &id : std::as_const(ids))
        evidenceCounts.append(counts.value(id));
    m_rows = std::move(rows);
    m_evidenceCounts = std::move(evidenceCounts);
}

int CapabilityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CapabilityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CapabilityModel::ratingName(const QString &id) const
{
    if (!m_session || id.isEmpty())
        return {};
    for (const NamedItem &rating : m_session->methodology().capabilityRatings())
        if (rating.id == id)
            return rating.name;
    return id;
}

QVariant CapabilityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const CapabilityArea &row = m_rows.at(index.row());
    if (role == CodeRole)
        return row.areaId;
    const bool display = role == Qt::DisplayRole || role == Qt::AccessibleTextRole || role == Qt::ToolTipRole;
    switch (index.column()) {
    case Area:
        return display ? QVariant(m_areas.at(index.row()).name) : QVariant();
    case SelfRating:
        return role == Qt::EditRole ? QVariant(row.selfRating) : display ? QVariant(ratingName(row.selfRating)) : QVariant();
    case RegionRating:
        return role == Qt::EditRole ? QVariant(row.regionRating) : display ? QVariant(ratingName(row.regionRating)) : QVariant();
    case Notes:
        return role == Qt::EditRole || display ? QVariant(row.notes) : QVariant();
    case Evidence:
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return display ? QVariant(m_evidenceCounts.at(index.row())) : QVariant();
    default:
        return {};
    }
}

bool CapabilityModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_session || role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const CapabilityArea::Field field = index.column() == SelfRating   ? CapabilityArea::SelfRating
                                        : index.column() == RegionRating ? CapabilityArea::RegionRating
                                                                         : CapabilityArea::Notes;
    if (data(index, Qt::EditRole).toString() == value.toString())
        return false;
    // The session's signal refreshes this model once the command has run.
    m_lastError = m_session->setCapabilityArea(m_year, m_rows.at(index.row()).areaId, field, value.toString());
    if (!m_lastError.isEmpty())
        Q_EMIT editFailed(m_lastError);
    return m_lastError.isEmpty();
}

Qt::ItemFlags CapabilityModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    const bool editable = index.column() == SelfRating || index.column() == RegionRating || index.column() == Notes;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | (editable ? Qt::ItemIsEditable : Qt::NoItemFlags);
}

QVariant CapabilityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Area:
        return tr("Area");
    case SelfRating:
        return tr("Board self-assessment");
    case RegionRating:
        return tr("Region's view");
    case Notes:
        return tr("Notes");
    case Evidence:
        return tr("Evidence");
    default:
        return {};
    }
}

} // namespace owb
