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
};

class NoteStore
{
public:
    explicit NoteStore(Database &db) : NoteStore(caseFileScope(db)) {}
    explicit NoteStore(const CaseScope &scope) : m_db(scope.db), m_org(scope.org) {}

    QList<Note> notes();  // newest first
    // Adds a note (with `note.id` when restoring an undone removal); returns its id.
    qint64 add(const Note &note);
    void remove(qint64 id);
    QString body(qint64 id);
    void setBody(qint64 id, const QString &body);

private:
    Database &m_db;
    QString m_org;
};

} // namespace owb
