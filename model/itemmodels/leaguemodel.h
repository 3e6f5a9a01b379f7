#pragma once
// A league table as a read-only table model.

#include "casework/league.h"

#include <QAbstractTableModel>

namespace owb {

class LeagueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Rank, Code, Name, Region, Segment, Average, Deficit, ToNext, ColumnCount };

    explicit LeagueModel(QObject *parent = nullptr);
    void setEntries(const QList<LeagueEntry> &entries);
    const QList<LeagueEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<LeagueEntry> m_entries;
};

} // namespace owb
