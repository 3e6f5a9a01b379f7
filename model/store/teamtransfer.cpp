#include "teamtransfer.h"

#include "casefile.h"
#include "database.h"
#include "integritycheck.h"
#include "peerstore.h"
#include "schemas.h"
#include "workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlRecord>

namespace owb {

namespace {

// The case file's own tables, as a new case file of this version has them;
// `membership` is the file's link to its workspace, which on a server is the
// server itself.
QStringList caseTables(Database &file)
{
    QStringList tables;
    QSqlQuery q = file.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"
                                           " AND name NOT IN ('membership') AND name NOT LIKE 'sqlite_%' ORDER BY rowid"));
    while (q.next())
        tables.append(q.value(0).toString());
    return tables;
}

QStringList columnsOf(Database &db, const QString &table)
{
    const QSqlRecord record = db.connection().record(table);
    QStringList columns;
    for (int i = 0; i < record.count(); ++i)
        columns.append(record.fieldName(i));
    return columns;
}

// Copies the rows `select` gives into `table` of `to`, `columns` in that
// order, in batches of multi-row INSERTs (one round trip per batch, not per
// row). `extra`: a constant put first in every row (the organisation code
// going to the server).
qint64 copyRows(QSqlQuery &select, Database &to, const QString &table, const QStringList &columns, const QVariant &extra = {})
{
    const int width = int(columns.size());
    const int perBatch = qMax(1, 500 / width);
    qint64 copied = 0;
    QVariantList values;
    int rows = 0;
    const auto flush = [&] {
        if (rows == 0)
            return;
        QStringList tuples;
        const QString tuple = QLatin1Char('(') + QStringList(width, QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
        for (int i = 0; i < rows; ++i)
            tuples.append(tuple);
        to.exec(QStringLiteral("INSERT INTO %1 (%2) VALUES %3").arg(table, columns.join(QLatin1Char(',')), tuples.join(QLatin1Char(','))),
                values);
        copied += rows;
        values.clear();
        rows = 0;
    };
    const int selected = extra.isValid() ? width - 1 : width;
    while (select.next()) {
        if (extra.isValid())
            values.append(extra);
        // NULL stays NULL (not an empty text, which a number column refuses).
        for (int i = 0; i < selected; ++i)
            values.append(select.isNull(i) ? QVariant() : select.value(i));
        if (++rows == perBatch)
            flush();
    }
    flush();
    return copied;
}

} // namespace

PushReport pushWorkspace(const QString &directory, const ServerAddress &server, const QString &password)
{
    // What goes up must be whole: the same checks as owb check.
    const CheckReport check = checkWorkspace(directory);
    if (!check.clean())
        throw StoreError(QStringLiteral("%1: is not uploaded, because owb check finds problems in it:\n%2")
                             .arg(directory, check.problems.join(QLatin1Char('\n'))));
    auto workspace = Workspace::open(directory, Database::Mode::ReadOnly);
    if (!workspace->peers().pendingQuarters().isEmpty())
        throw StoreError(QStringLiteral("%1: an import into it was interrupted: open it (or import again) to complete "
                                        "it, then upload it")
                             .arg(directory));

    // One connection, one transaction, every table named with its part.
    Database target(server, ServerArea::National, password, Database::Mode::OpenExisting);
    Transaction transaction(target);
    if (target.scalar(QStringLiteral("SELECT (SELECT count(*) FROM national.quarter) + (SELECT count(*) FROM cases.organisation)")).toInt() > 0)
        throw StoreError(QStringLiteral("%1: the team workspace holds data already: upload into a new one (owb team init "
                                        "on an empty database)")
                             .arg(target.path()));
    // The copy is of records and audit entries as they are: the server's
    // audit triggers would add entries of their own, and its "who" triggers
    // would name the owner pushing as the author of everyone's history
    // (serverschemawho.h). ALTER TABLE is the tables' owner's alone, and
    // transactional: a failure leaves them on.
    target.exec(QStringLiteral("SELECT set_config('search_path', 'cases', true)"));
    QSqlQuery triggers = target.exec(QStringLiteral("SELECT DISTINCT event_object_schema || '.' || event_object_table"
                                                    " FROM information_schema.triggers"
                                                    " WHERE trigger_schema IN ('cases', 'national')"));
    QStringList audited;
    while (triggers.next())
        audited.append(triggers.value(0).toString());
    for (const QString &table : audited)
        target.exec(QStringLiteral("ALTER TABLE %1 DISABLE TRIGGER USER").arg(table));

    PushReport report;
    Database &peers = workspace->peers().database();
    for (const QString &table : {QStringLiteral("organisation"), QStringLiteral("quarter"), QStringLiteral("org_quarter"),
                                 QStringLiteral("metric_value"), QStringLiteral("import_log"),
                                 QStringLiteral("methodology_file"), QStringLiteral("methodology_year"),
                                 QStringLiteral("methodology_log"), QStringLiteral("setting")}) {
        const QStringList columns = columnsOf(peers, table);
        // The team workspace keeps its own id; case files exported from it record that one.
        QSqlQuery rows = peers.exec(QStringLiteral("SELECT %1 FROM %2%3")
                                        .arg(columns.join(QLatin1Char(',')), table,
                                             table == QLatin1String("setting") ? QStringLiteral(" WHERE key <> 'workspace_id'")
                                                                               : QString()));
        report.rows += copyRows(rows, target, QStringLiteral("national.") + table, columns);
    }
    report.quarters = target.scalar(QStringLiteral("SELECT count(*) FROM national.quarter")).toInt();

    for (const QString &path : workspace->caseFilePaths()) {
        CaseFile file(path, Database::Mode::ReadOnly);
        const QString code = file.identity().code;
        Database &db = file.database();
        for (const QString &table : caseTables(db)) {
            QStringList columns = columnsOf(db, table);
            columns.removeAll(QStringLiteral("org_code"));
            QSqlQuery rows = db.exec(QStringLiteral("SELECT %1 FROM %2").arg(columns.join(QLatin1Char(',')), table));
            report.rows += copyRows(rows, target, QStringLiteral("cases.") + table,
                                    QStringList{QStringLiteral("org_code")} + columns, code);
        }
        ++report.organisations;
    }
    for (const QString &table : audited)
        target.exec(QStringLiteral("ALTER TABLE %1 ENABLE TRIGGER USER").arg(table));
    transaction.commit();
    return report;
}

qint64 exportCase(const ServerAddress &server, const QString &password, const QString &code, const QString &path)
{
    if (QFileInfo(path).fileName() != CaseFile::fileNameFor(code))
        throw StoreError(QStringLiteral("%1: a case file of %2 must be named %3 (owb check names a file that holds "
                                        "another organisation than its name says)")
                             .arg(path, code, CaseFile::fileNameFor(code)));
    if (QFileInfo::exists(path) || QFileInfo(path).isSymLink())
        throw StoreError(QStringLiteral("%1: is there already: it is not replaced; choose another folder").arg(path));
    Database source(server, ServerArea::Cases, password, Database::Mode::ReadOnly);
    // One snapshot of the case, as a reader sees it between two writers.
    Transaction snapshot(source);
    source.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
    if (source.scalar(QStringLiteral("SELECT count(*) FROM organisation WHERE org_code = ?"), {code}).toInt() == 0)
        throw StoreError(QStringLiteral("%1: the team workspace has no case of %2").arg(source.path(), code));
    const QString workspaceId
        = source.scalar(QStringLiteral("SELECT value FROM national.setting WHERE key = 'workspace_id'")).toString();

    qint64 copied = 0;
    createFileAtomically(path, [&](const QString &temporary) {
        Database file(temporary, caseFileSchema(), Database::Mode::CreateIfMissing);
        Transaction transaction(file);
        // Triggers set aside while the records go in, so that the audit
        // trail is the server's, entry for entry; put back as they were.
        QList<QString> triggerSql;
        QSqlQuery triggers = file.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"));
        QStringList names;
        while (triggers.next()) {
            names.append(triggers.value(0).toString());
            triggerSql.append(triggers.value(1).toString());
        }
        for (const QString &name : names)
            file.exec(QStringLiteral("DROP TRIGGER %1").arg(name));
        for (const QString &table : caseTables(file)) {
            QStringList columns = columnsOf(file, table);
            const bool keyed = columns.contains(QStringLiteral("org_code"));
            QSqlQuery rows = source.exec(QStringLiteral("SELECT %1 FROM %2 WHERE org_code = ?").arg(columns.join(QLatin1Char(',')), table),
                                         {code});
            copied += copyRows(rows, file, table, columns);
            Q_UNUSED(keyed);
        }
        file.exec(QStringLiteral("INSERT INTO membership (id, workspace_id) VALUES (1, ?)"), {workspaceId});
        for (const QString &sql : triggerSql)
            file.exec(sql);
        transaction.commit();
        file.settle();
    });
    snapshot.commit();
    return copied;
}

} // namespace owb
