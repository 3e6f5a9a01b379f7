#pragma once
// A case's notes, newest first. Editing a note's text pushes an undo command.

#include "casework/casesession.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace owb {

class NotesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { When, Author, Tag, Text, ColumnCount };

    explicit NotesModel(QObject *parent = nullptr);
    void setSession(CaseSession *session);
    const Note &note(int row) const { return m_notes.at(row); }

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
    QString tagText(const Note &note) const;

    QPointer<CaseSession> m_session;
    QList<Note> m_notes;
};

} // namespace owb
