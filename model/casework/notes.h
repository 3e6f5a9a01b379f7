#pragma once
// Timestamped notes on a case, with author and an optional tag to a domain
// or a metric.

#include "store/casescope.h"
#include "store/database.h"

#include <QList>
#include <QString>

namespace owb {

struct Note
{
    qint64 id = 0;
    QString createdAt;  // ISO 8601 UTC
    QString author;
    QString tagKind;  // "domain", "metric" or empty
    QString tag;  // the domain or metric id
    QString body;
    qint64 rowVersion = 0; // as read; 0: a new note
};

class NoteStore
{
public:
    explicit NoteStore(Database &db) : NoteStore(caseFileScope(db)) {}
    explicit NoteStore(const CaseScope &scope) : m_db(scope.db), m_org(scope.org) {}

    QList<Note> notes();  // newest first
    // Adds a note (with `note.id` and `note.rowVersion` when restoring an
    // undone removal); returns its id.
    qint64 add(const Note &note);
    // Removes or edits the note as this user last read it (or at the row
    // version given; the edit returns the new one); throws StoreConflict when
    // someone else changed or removed it since.
    void remove(qint64 id);
    void remove(qint64 id, qint64 expectedVersion);
    QString body(qint64 id);
    void setBody(qint64 id, const QString &body);
    qint64 setBody(qint64 id, const QString &body, qint64 expectedVersion);
    // The row version this user last saw of a note (read now if never read).
    qint64 seenVersion(qint64 id);
    // The row version this store last wrote to a note (else its seen version).
    qint64 writtenVersion(qint64 id) { return m_written.value(id, seenVersion(id)); }

    // What the store remembers of the versions this user saw and wrote,
    // put back when a transaction that wrote through it rolls back.
    struct Memory
    {
        QHash<qint64, Note> seen;
        QHash<qint64, qint64> written;
    };
    Memory memory() const { return {m_seen, m_written}; }
    void restore(const Memory &memory)
    {
        m_seen = memory.seen;
        m_written = memory.written;
    }

private:
    [[noreturn]] void throwConflict(qint64 id, qint64 expectedVersion);

    Database &m_db;
    QString m_org;
    QHash<qint64, Note> m_seen; // as this user last read or wrote them
    QHash<qint64, qint64> m_written; // id -> the row version this store last wrote
};

} // namespace owb
