#pragma once
// A league table as a read-only table model: numbers sort as numbers
// (SortRole), and the rows of one region can be highlighted.

#include "casework/league.h"

#include <QAbstractTableModel>

namespace owb {

class LeagueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Rank, Code, Name, Region, Segment, Average, Deficit, ToNext, Capability, Casework, ColumnCount };

    explicit LeagueModel(QObject *parent = nullptr);
    // `ratingNames` maps capability rating ids to the methodology's names.
    void setEntries(const QList<LeagueEntry> &entries, const QHash<QString, QString> &ratingNames = {});
    // Rows of `region` stand out (bold, shaded, and said in their accessible
    // description); empty: none.
    void setHighlightRegion(const QString &region);
    QString highlightRegion() const { return m_highlight; }
    const QList<LeagueEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<LeagueEntry> m_entries;
    QHash<QString, QString> m_ratingNames;
    QString m_highlight;
};

} // namespace owb
