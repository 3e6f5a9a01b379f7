#include "notes.h"

#include "casework.h"
#include "store/auditlog.h"

#include <algorithm>

namespace owb {

QList<Note> NoteStore::notes()
{
    QList<Note> list;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT id, created_at, author, tag_kind, tag, body, row_version FROM note"
                                           " WHERE org_code = ? ORDER BY created_at DESC, id DESC"),
                            {m_org});
    while (q.next()) {
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                     q.value(4).toString(), q.value(5).toString(), q.value(6).toLongLong()});
        m_seen.insert(list.last().id, list.last());
    }
    return list;
}

qint64 NoteStore::add(const Note &note)
{
    Transaction transaction(CaseScope{m_db, m_org});
    // A new note's id is allocated within the case by the statement itself.
    Note added = note;
    added.rowVersion = std::max<qint64>(1, note.rowVersion);
    added.id = m_db.scalar(QStringLiteral("INSERT INTO note (org_code, id, created_at, author, tag_kind, tag, body, row_version)"
                                          " VALUES (?, coalesce(?, %1), ?, ?, ?, ?, ?, ?) RETURNING id")
                                .arg(auditlog::newIdExpression(QStringLiteral("note"))),
                           {m_org, note.id > 0 ? QVariant(note.id) : QVariant(), m_org, m_org, note.createdAt, note.author,
                            note.tagKind, note.tag, note.body, added.rowVersion})
                   .toLongLong();
    transaction.commit();
    m_seen.insert(added.id, added);
    m_written.insert(added.id, added.rowVersion);
    return added.id;
}

qint64 NoteStore::seenVersion(qint64 id)
{
    if (const auto seen = m_seen.constFind(id); seen != m_seen.cend())
        return seen->rowVersion;
    return m_db.scalar(QStringLiteral("SELECT row_version FROM note WHERE org_code = ? AND id = ?"), {m_org, id}).toLongLong();
}

void NoteStore::throwConflict(qint64 id, qint64 expectedVersion)
{
    const Note seen = m_seen.value(id);
    const QVariant stored = m_db.scalar(QStringLiteral("SELECT body FROM note WHERE org_code = ? AND id = ?"), {m_org, id});
    throw editConflict(m_db.path(), QStringLiteral("note"), id, QStringLiteral("body"),
                       seen.rowVersion == expectedVersion ? seen.body : QString(), stored.toString(), !stored.isValid(),
                       m_db.scalar(QStringLiteral("SELECT row_version FROM note WHERE org_code = ? AND id = ?"), {m_org, id})
                           .toLongLong());
}

void NoteStore::remove(qint64 id)
{
    remove(id, seenVersion(id));
}

void NoteStore::remove(qint64 id, qint64 expectedVersion)
{
    Transaction transaction(CaseScope{m_db, m_org});
    if (!m_db.scalar(QStringLiteral("DELETE FROM note WHERE org_code = ? AND id = ? AND row_version = ? RETURNING id"),
                     {m_org, id, expectedVersion})
             .isValid())
        throwConflict(id, expectedVersion);
    transaction.commit();
    m_seen.remove(id);
    m_written.remove(id);
}

QString NoteStore::body(qint64 id)
{
    return m_db.scalar(QStringLiteral("SELECT body FROM note WHERE org_code = ? AND id = ?"), {m_org, id}).toString();
}

void NoteStore::setBody(qint64 id, const QString &body)
{
    setBody(id, body, seenVersion(id));
}

qint64 NoteStore::setBody(qint64 id, const QString &body, qint64 expectedVersion)
{
    Transaction transaction(CaseScope{m_db, m_org});
    const QVariant version = m_db.scalar(QStringLiteral("UPDATE note SET body = ?, row_version = row_version + 1"
                                                        " WHERE org_code = ? AND id = ? AND row_version = ? RETURNING row_version"),
                                         {body, m_org, id, expectedVersion});
    if (!version.isValid())
        throwConflict(id, expectedVersion);
    transaction.commit();
    Note &seen = m_seen[id];
    seen.id = id;
    seen.body = body;
    seen.rowVersion = version.toLongLong();
    m_written.insert(id, seen.rowVersion);
    return seen.rowVersion;
}

} // namespace owb
