#include "notes.h"

namespace owb {

QList<Note> NoteStore::notes()
{
    QList<Note> list;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT id, created_at, author, tag_kind, tag, body FROM note"
                                           " WHERE org_code = ? ORDER BY created_at DESC, id DESC"),
                            {m_org});
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                     q.value(4).toString(), q.value(5).toString()});
    return list;
}

qint64 NoteStore::add(const Note &note)
{
    Transaction transaction(m_db);
    // A new note's id is allocated within the case by the statement itself.
    const qint64 id = m_db.scalar(QStringLiteral("INSERT INTO note (org_code, id, created_at, author, tag_kind, tag, body)"
                                                 " VALUES (?, coalesce(?, (SELECT coalesce(max(id), 0) + 1 FROM note"
                                                 " WHERE org_code = ?)), ?, ?, ?, ?, ?) RETURNING id"),
                                  {m_org, note.id > 0 ? QVariant(note.id) : QVariant(), m_org, note.createdAt, note.author,
                                   note.tagKind, note.tag, note.body})
                          .toLongLong();
    transaction.commit();
    return id;
}

void NoteStore::remove(qint64 id)
{
    Transaction transaction(m_db);
    m_db.exec(QStringLiteral("DELETE FROM note WHERE org_code = ? AND id = ?"), {m_org, id});
    transaction.commit();
}

QString NoteStore::body(qint64 id)
{
    return m_db.scalar(QStringLiteral("SELECT body FROM note WHERE org_code = ? AND id = ?"), {m_org, id}).toString();
}

void NoteStore::setBody(qint64 id, const QString &body)
{
    Transaction transaction(m_db);
    m_db.exec(QStringLiteral("UPDATE note SET body = ? WHERE org_code = ? AND id = ?"), {body, m_org, id});
    transaction.commit();
}

} // namespace owb
