#include "notes.h"

namespace owb {

QList<Note> NoteStore::notes()
{
    QList<Note> list;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT id, created_at, author, tag_kind, tag, body FROM note"
                                           " ORDER BY created_at DESC, id DESC"));
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                     q.value(4).toString(), q.value(5).toString()});
    return list;
}

qint64 NoteStore::add(const Note &note)
{
    Transaction transaction(m_db);
    m_db.exec(QStringLiteral("INSERT INTO note (id, created_at, author, tag_kind, tag, body) VALUES (?, ?, ?, ?, ?, ?)"),
              {note.id > 0 ? QVariant(note.id) : QVariant(), note.createdAt, note.author, note.tagKind, note.tag,
               note.body});
    const qint64 id = m_db.scalar(QStringLiteral("SELECT last_insert_rowid()")).toLongLong();
    transaction.commit();
    return id;
}

void NoteStore::remove(qint64 id)
{
    Transaction transaction(m_db);
    m_db.exec(QStringLiteral("DELETE FROM note WHERE id = ?"), {id});
    transaction.commit();
}

QString NoteStore::body(qint64 id)
{
    return m_db.scalar(QStringLiteral("SELECT body FROM note WHERE id = ?"), {id}).toString();
}

void NoteStore::setBody(qint64 id, const QString &body)
{
    Transaction transaction(m_db);
    m_db.exec(QStringLiteral("UPDATE note SET body = ? WHERE id = ?"), {body, id});
    transaction.commit();
}

} // namespace owb
