#pragma once
// The case file's audit trail: every change to the record (who, when, what,
// before and after) appended by triggers in the same transaction as the
// change, then sealed by the workbench into a SHA-256 hash chain before the
// transaction commits. An entry left unsealed, or a link whose hash does not
// follow, is a change made behind the workbench's back.

#include "casescope.h"
#include "database.h"

#include <QList>
#include <QString>

namespace owb {

struct AuditEntry
{
    qint64 seq = 0;
    QString at;
    QString actor;
    QString table;
    QString rowKey;
    QString action;  // insert, update, delete
    QString before;  // JSON, or empty
    QString after;
    QString hash;  // empty: unsealed
};

namespace auditlog {

// The operating-system user: the author of every change made here.
QString currentActor();

// The SQL expression for a new record's id in `table` (its key an id)
// within a case: one above every id its records have had, the removed
// ones too (the trail remembers them), so that an id is never given twice
// and a stale edit or undo aimed at a removed record can never land on a
// newer one. Binds the org_code twice.
QString newIdExpression(const QString &table);

// Each takes the case it reads (a case file's Database& means the one
// organisation it holds): the entries are those with its org_code.
qint64 lastSeq(const CaseScope &scope);
qint64 lastSeq(Database &db);
// Seals the entries after `afterSeq` (those of the current transaction) with
// `actor` as their author; on a server the author is the one the server
// stored (its session user, serverschemawho.h), which `actor` cannot change.
void seal(const CaseScope &scope, qint64 afterSeq, const QString &actor);
void seal(Database &db, qint64 afterSeq, const QString &actor);
// Problems with the chain, the first broken link first; empty when intact.
QStringList verify(const CaseScope &scope);
QStringList verify(Database &db);
// The same over a case's entries already read (entries(scope), newest
// first), so that a view showing them checks the chain without reading it
// again.
QStringList verify(const QList<AuditEntry> &newestFirst);
// Newest first; `table` and `rowKey` filter when not empty.
QList<AuditEntry> entries(const CaseScope &scope, const QString &table = {}, const QString &rowKey = {});
QList<AuditEntry> entries(Database &db, const QString &table = {}, const QString &rowKey = {});

} // namespace auditlog
} // namespace owb
