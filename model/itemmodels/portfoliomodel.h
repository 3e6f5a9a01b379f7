#pragma once
// The workspace's case files for one quarter as a table (read side).

#include "store/portfolio.h"

#include <QAbstractTableModel>

namespace owb {

class PortfolioModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Code, Name, PeerType, Segment, Movement, Average, Rank, Capability, Casework, NeedsAction, LastChange, ColumnCount };

    explicit PortfolioModel(QObject *parent = nullptr);

    // Replaces every row; the hashes map peer type and capability rating ids to names.
    void setEntries(const QList<PortfolioEntry> &entries, const QHash<QString, QString> &peerTypeNames,
                    const QHash<QString, QString> &ratingNames = {});
    const QList<PortfolioEntry> &entries() const { return m_entries; }
    const PortfolioEntry &entry(int row) const { return m_entries.at(row); }
    const QHash<QString, QString> &ratingNames() const { return m_ratingNames; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A move across a change of methodology in words, as the portfolio and
    // the changes view say it: "Methodology changed; entered the programme",
    // "Methodology changed; first segmented", ...
    static QString methodologyChangeText(const PortfolioEntry &e);

private:
    QList<PortfolioEntry> m_entries;
    QHash<QString, QString> m_peerTypeNames;
    QHash<QString, QString> m_ratingNames;
};

} // namespace owb
