#include "notesmodel.h"

#include "dateformat.h"
#include "itemroles.h"
#include "store/storeerror.h"

#include <QDateTime>
#include <QLocale>

namespace owb {

NotesModel::NotesModel(QObject *parent) : QAbstractTableModel(parent) {}

void NotesModel::setSession(CaseSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (session)
        connect(session, &CaseSession::notesChanged, this, [this] {
            try {
                reload();
            } catch (const StoreError &error) {
                Q_EMIT readFailed(error.message());
            }
        });
    reload();
}

void NotesModel::reload()
{
    // Read before the reset: a refused read leaves the rows as they were.
    QList<Note> notes = m_session ? m_session->notes().notes() : QList<Note>();
    beginResetModel();
    m_notes = std::move(notes);
    endResetModel();
}

int NotesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_notes.size());
}

int NotesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString NotesModel::tagText(const Note &note) const
{
    if (!m_session || note.tag.isEmpty())
        return {};
    const Methodology &m = m_session->methodology();
    if (note.tagKind == QLatin1String("metric")) {
        const MetricDefinition *metric = m.metric(note.tag);
        return metric ? QStringLiteral("%1 %2").arg(metric->id, metric->name) : note.tag;
    }
    for (const Domain &domain : m.domains())
        if (domain.id == note.tag)
            return domain.name;
    return note.tag;
}

QVariant NotesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Note &n = m_notes.at(index.row());
    if (role == FilterTextRole)
        return QStringList{n.author, tagText(n), n.body}.join(QLatin1Char(' '));
    if (role == SortRole && index.column() == When)
        return n.createdAt;
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole
        && role != SortRole)
        return {};
    switch (index.column()) {
    case When:
        return displayMoment(n.createdAt);
    case Author:
        return n.author;
    case Tag:
        return tagText(n);
    case Text:
        return role == Qt::DisplayRole ? QString(n.body).replace(QLatin1Char('\n'), QLatin1Char(' ')) : n.body;
    default:
        return {};
    }
}

bool NotesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_session || role != Qt::EditRole || index.column() != Text || value.toString() == m_notes.at(index.row()).body)
        return false;
    const QString error = m_session->setNoteBody(m_notes.at(index.row()).id, value.toString());
    if (!error.isEmpty())
        Q_EMIT editFailed(error);
    return error.isEmpty();
}

Qt::ItemFlags NotesModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | (index.column() == Text ? Qt::ItemIsEditable : Qt::NoItemFlags);
}

QVariant NotesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("When");
    case Author:
        return tr("Author");
    case Tag:
        return tr("About");
    case Text:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace owb
