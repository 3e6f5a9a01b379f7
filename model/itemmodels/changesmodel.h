#pragma once
// "Changes this quarter": every organisation whose final segment moved since
// the previous quarter, with the reason (score, finance override, decision)
// and what lies behind it (framework.md §3; issue: quarterly decisions).

#include "store/portfolio.h"

#include <QAbstractTableModel>

namespace owb {

class ChangesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Code, Name, PeerType, From, To, Reason, Detail, ColumnCount };

    explicit ChangesModel(QObject *parent = nullptr);

    // Keeps the entries whose segment moved; the hash maps peer type ids to names.
    void setEntries(const QList<PortfolioEntry> &entries, const QHash<QString, QString> &peerTypeNames);
    const QList<PortfolioEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<PortfolioEntry> m_entries;
    QHash<QString, QString> m_peerTypeNames;
};

} // namespace owb
