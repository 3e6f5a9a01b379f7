#pragma once
// The six capability areas of one year: the board's self-assessment, the
// region's view, notes and evidence count. setData() pushes an undo command
// through the session; it never writes itself.

#include "casework/casesession.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace owb {

class CapabilityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Area, SelfRating, RegionRating, Notes, Evidence, ColumnCount };

    explicit CapabilityModel(QObject *parent = nullptr);
    void setSession(CaseSession *session, const QString &year);
    QString year() const { return m_year; }
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // An edit was not saved (the session's message; a conflict is its lastConflict()).
    void editFailed(const QString &error);
    // Reading the session's change again was refused (a team workspace's
    // connection lost, a right revoked): the rows stay as they were; the
    // store's message, for the view to say (never thrown out of the slot).
    void readFailed(const QString &error);

private:
    void reload();
    QString ratingName(const QString &id) const;

    QPointer<CaseSession> m_session;
    QString m_year;
    QList<NamedItem> m_areas;
    QList<CapabilityArea> m_rows;
    QList<int> m_evidenceCounts;
    QString m_lastError;
};

} // namespace owb
