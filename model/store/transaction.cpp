// Transaction (database.h): a write on one connection, a savepoint inside
// another, and on a server a case's lock and its audit seal.

#include "database.h"

#include "auditlog.h"
#include "casescope.h"

#include <QSqlQuery>

namespace owb {

void Transaction::begin()
{
    // SQLite: the write lock now, not at the first write. PostgreSQL: rows
    // are locked as they are written, and a case's writers queue on the
    // case's lock (Dialect::lockCase). One begun inside another on the same
    // connection is a savepoint of it: the outermost commits the whole.
    if (m_db.m_transactionDepth > 0) {
        m_savepoint = QStringLiteral("owb_%1").arg(m_db.m_transactionDepth);
        m_db.exec(QStringLiteral("SAVEPOINT ") + m_savepoint);
    } else {
        m_db.exec(m_db.dialect().beginWrite());
        m_db.m_partFailed = false;
    }
    ++m_db.m_transactionDepth;
}

Transaction::Transaction(Database &db)
    : m_db(db)
{
    begin();
    if (!m_savepoint.isEmpty())
        return;
    try {
        m_db.runAfterBegin();
    } catch (...) {
        end(false); // no destructor runs for this one
        throw;
    }
}

Transaction::Transaction(const CaseScope &scope)
    : m_db(scope.db)
{
    begin();
    try {
        if (!m_db.isServer()) {
            if (m_savepoint.isEmpty())
                m_db.runAfterBegin(); // the case file's own hooks seal its one case
            return;
        }
        m_db.dialect().lockCase(m_db, scope.org);
        m_org = scope.org;
        m_sealsCase = true;
        m_auditMark = auditlog::lastSeq(scope);
    } catch (...) {
        end(false);
        throw;
    }
}

void Transaction::end(bool commit)
{
    QSqlQuery query(m_db.connection());
    if (m_savepoint.isEmpty()) {
        if (commit)
            m_db.exec(QStringLiteral("COMMIT"));
        else
            query.exec(QStringLiteral("ROLLBACK"));
    } else {
        if (commit) {
            m_db.exec(QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint);
        } else {
            query.exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + m_savepoint);
            query.exec(QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint);
            m_db.m_partFailed = true; // the enclosing one must not commit a part
        }
    }
    m_done = true;
    --m_db.m_transactionDepth;
}

Transaction::~Transaction()
{
    if (!m_done)
        end(false);
}

void Transaction::commit()
{
    if (m_savepoint.isEmpty() && m_db.m_partFailed)
        throw StoreError(QStringLiteral("%1: part of the change failed, so none of it was saved").arg(m_db.path()));
    if (m_sealsCase)
        auditlog::seal(CaseScope{m_db, m_org}, m_auditMark, m_db.sessionUser());
    else if (m_savepoint.isEmpty())
        m_db.runBeforeCommit();
    end(true);
}

} // namespace owb
