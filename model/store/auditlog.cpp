#include "auditlog.h"

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

#include <QCryptographicHash>

namespace owb::auditlog {

namespace {
constexpr const char *kColumns = "seq, at, actor, table_name, row_key, action, before, after, hash";

AuditEntry entryFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
            q.value(8).toString()};
}

QString linkHash(const QString &previous, const AuditEntry &e)
{
    const QString text = QStringList{previous, QString::number(e.seq), e.at, e.actor, e.table, e.rowKey, e.action,
                                     e.before, e.after}
                             .join(QChar(0x1f));
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// A scope with a null org is a whole case file read by the schema ladder
// (before schema 9 gave audit_log an org_code) or by a file-only tool.
QString inCase(const CaseScope &scope)
{
    return scope.org.isNull() ? QStringLiteral("1 = 1") : QStringLiteral("org_code = ?");
}

QVariantList keys(const CaseScope &scope, const QVariantList &more = {})
{
    return (scope.org.isNull() ? QVariantList() : QVariantList{scope.org}) + more;
}

bool hasAuditLog(Database &db)
{
    // A server's cases part always has one (and asking would cost a round trip per write).
    return db.isServer() || db.dialect().tableExists(db, QStringLiteral("audit_log"));
}
} // namespace

QString currentActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
#ifdef Q_OS_UNIX
    // Services and some terminals run without USER: ask the account database.
    if (user.isEmpty())
        if (const passwd *account = getpwuid(getuid()); account && account->pw_name)
            user = QString::fromLocal8Bit(account->pw_name);
#endif
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

QString newIdExpression(const QString &table)
{
    return QStringLiteral("(SELECT max(used) + 1 FROM (SELECT coalesce(max(id), 0) AS used FROM %1 WHERE org_code = ?"
                          " UNION ALL SELECT coalesce(max(CAST(row_key AS INTEGER)), 0) FROM audit_log"
                          " WHERE org_code = ? AND table_name = '%1') AS ids)")
        .arg(table);
}

qint64 lastSeq(Database &db)
{
    return lastSeq(CaseScope{db, QString()});
}

qint64 lastSeq(const CaseScope &scope)
{
    Database &db = scope.db;
    return hasAuditLog(db)
        ? db.scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM audit_log WHERE %1").arg(inCase(scope)), keys(scope))
              .toLongLong()
        : 0;
}

void seal(Database &db, qint64 afterSeq, const QString &actor)
{
    seal(CaseScope{db, QString()}, afterSeq, actor);
}

void seal(const CaseScope &scope, qint64 afterSeq, const QString &actor)
{
    Database &db = scope.db;
    if (!hasAuditLog(db))
        return;
    QString previous = db.scalar(QStringLiteral("SELECT hash FROM audit_log WHERE %1 AND seq <= ?"
                                                " ORDER BY seq DESC LIMIT 1").arg(inCase(scope)),
                                 keys(scope, {afterSeq}))
                           .toString();
    QSqlQuery q = db.exec(QStringLiteral("SELECT %1 FROM audit_log WHERE %2 AND seq > ? ORDER BY seq")
                              .arg(QLatin1String(kColumns), inCase(scope)),
                          keys(scope, {afterSeq}));
    QList<AuditEntry> fresh;
    while (q.next())
        fresh.append(entryFrom(q));
    for (AuditEntry &e : fresh) {
        if (db.isServer()) {
            // The server wrote the actor (its session user) and lets nobody
            // change an entry: the hash covers the entry as stored, set by
            // the owner's function on an unsealed entry of this user's, once
            // (one sealed by a savepoint's commit inside this transaction
            // stays as it is).
            if (!e.hash.isEmpty()) {
                previous = e.hash;
                continue;
            }
            e.hash = linkHash(previous, e);
            db.exec(QStringLiteral("SELECT cases.audit_seal(?, ?, ?)"), {scope.org, e.seq, e.hash});
        } else {
            e.actor = actor;
            e.hash = linkHash(previous, e);
            db.exec(QStringLiteral("UPDATE audit_log SET actor = ?, hash = ? WHERE %1 AND seq = ?").arg(inCase(scope)),
                    QVariantList{e.actor, e.hash} + keys(scope, {e.seq}));
        }
        previous = e.hash;
    }
}

QStringList verify(Database &db)
{
    return verify(CaseScope{db, QString()});
}

QStringList verify(const CaseScope &scope)
{
    Database &db = scope.db;
    QStringList problems;
    if (!hasAuditLog(db))
        return problems;
    QSqlQuery q = db.exec(QStringLiteral("SELECT %1 FROM audit_log WHERE %2 ORDER BY seq").arg(QLatin1String(kColumns), inCase(scope)),
                          keys(scope));
    QList<AuditEntry> newestFirst;
    while (q.next())
        newestFirst.prepend(entryFrom(q));
    return verify(newestFirst);
}

QStringList verify(const QList<AuditEntry> &newestFirst)
{
    QStringList problems;
    QString previous;
    qint64 expectedSeq = 0;
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it) {
        const AuditEntry &e = *it;
        const QString what = QStringLiteral("audit log entry %1 (%2 %3 %4)").arg(e.seq).arg(e.action, e.table, e.rowKey);
        if (expectedSeq > 0 && e.seq != expectedSeq + 1)
            problems.append(QStringLiteral("the audit log has a gap before entry %1: entries were removed").arg(e.seq));
        if (e.hash.isEmpty())
            problems.append(QStringLiteral("%1 was not made by the workbench: the case file was edited behind its back").arg(what));
        else if (e.hash != linkHash(previous, e))
            problems.append(QStringLiteral("%1: the hash chain is broken here (the entry or the one before it was altered)").arg(what));
        previous = e.hash;
        expectedSeq = e.seq;
    }
    return problems;
}

QList<AuditEntry> entries(Database &db, const QString &table, const QString &rowKey)
{
    return entries(CaseScope{db, QString()}, table, rowKey);
}

QList<AuditEntry> entries(const CaseScope &scope, const QString &table, const QString &rowKey)
{
    Database &db = scope.db;
    QList<AuditEntry> list;
    if (!hasAuditLog(db))
        return list;
    QSqlQuery q = db.exec(QStringLiteral("SELECT %1 FROM audit_log WHERE %2 AND (? = '' OR table_name = ?)"
                                         " AND (? = '' OR row_key = ?) ORDER BY seq DESC")
                              .arg(QLatin1String(kColumns), inCase(scope)),
                          keys(scope, {table, table, rowKey, rowKey}));
    while (q.next())
        list.append(entryFrom(q));
    return list;
}

} // namespace owb::auditlog
