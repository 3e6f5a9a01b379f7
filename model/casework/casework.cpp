#include "casework.h"

#include "store/auditlog.h"
#include "store/schemas.h"

#include "data/metricdataset.h"
#include "data/quarterlabel.h"
#include "casework/datetext.h"
#include "casework/metricview.h"
#include "casework/trajectory.h"
#include "framework/methodology.h"
#include "data/textlimits.h"

#include <QCoreApplication>
#include <algorithm>
#include <QSqlError>
#include <QSqlRecord>

namespace owb {

const CaseworkTable &reviewTable()
{
    static const CaseworkTable table{
        QStringLiteral("diagnostic_review"),
        {QStringLiteral("opened_quarter"), QStringLiteral("opened_reason"), QStringLiteral("team"), QStringLiteral("scope"),
         QStringLiteral("start_date"), QStringLiteral("due_date"), QStringLiteral("status"),
         QStringLiteral("capability_conclusion"), QStringLiteral("recommendation"), QStringLiteral("decision"),
         QStringLiteral("decision_date"), QStringLiteral("decision_maker"), QStringLiteral("decision_rationale")}};
    return table;
}

const CaseworkTable &findingTable()
{
    static const CaseworkTable table{
        QStringLiteral("finding"),
        {QStringLiteral("review_id"), QStringLiteral("category"), QStringLiteral("description"), QStringLiteral("evidence"),
         QStringLiteral("severity"), QStringLiteral("domains"), QStringLiteral("metrics")}};
    return table;
}

const CaseworkTable &programmeTable()
{
    static const CaseworkTable table{
        QStringLiteral("programme"),
        {QStringLiteral("entry_quarter"), QStringLiteral("entry_date"), QStringLiteral("reason"),
         QStringLiteral("improvement_director"), QStringLiteral("exit_quarter"), QStringLiteral("exit_date"),
         QStringLiteral("transition_plan")}};
    return table;
}

const CaseworkTable &criterionTable()
{
    static const CaseworkTable table{
        QStringLiteral("exit_criterion"),
        {QStringLiteral("programme_id"), QStringLiteral("description"), QStringLiteral("measure"), QStringLiteral("target"),
         QStringLiteral("due_date"), QStringLiteral("status"), QStringLiteral("evidence")}};
    return table;
}

const CaseworkTable &milestoneTable()
{
    static const CaseworkTable table{
        QStringLiteral("milestone"),
        {QStringLiteral("description"), QStringLiteral("due_date"), QStringLiteral("done_date"), QStringLiteral("status"),
         QStringLiteral("owner")}};
    return table;
}

const CaseworkTable &decisionTable()
{
    static const CaseworkTable table{
        QStringLiteral("decision"),
        {QStringLiteral("quarter"), QStringLiteral("kind"), QStringLiteral("computed_segment"),
         QStringLiteral("decided_segment"), QStringLiteral("rationale"), QStringLiteral("decided_by"),
         QStringLiteral("decided_on")}};
    return table;
}

const CaseworkTable &progressReviewTable()
{
    static const CaseworkTable table{
        QStringLiteral("progress_review"),
        {QStringLiteral("review_date"), QStringLiteral("attendees"), QStringLiteral("summary"), QStringLiteral("decisions")}};
    return table;
}

const CaseworkTable &systemConsiderationTable()
{
    static const CaseworkTable table{QStringLiteral("system_consideration"),
                                     {QStringLiteral("quarter"), QStringLiteral("consideration_id"), QStringLiteral("answer"),
                                      QStringLiteral("evidence")}};
    return table;
}

const CaseworkTable &statutoryAssessmentTable()
{
    static const CaseworkTable table{QStringLiteral("statutory_assessment"),
                                     {QStringLiteral("year"), QStringLiteral("assessed_on"), QStringLiteral("assessor"),
                                      QStringLiteral("area"), QStringLiteral("summary"), QStringLiteral("conclusion")}};
    return table;
}

const CaseworkTable &findingEvidenceTable()
{
    static const CaseworkTable table{QStringLiteral("finding_evidence"),
                                     {QStringLiteral("finding_id"), QStringLiteral("title"), QStringLiteral("source"),
                                      QStringLiteral("evidence_date")}};
    return table;
}

const CaseworkTable &trajectoryTable()
{
    static const CaseworkTable table{QStringLiteral("trajectory_point"),
                                     {QStringLiteral("metric_id"), QStringLiteral("quarter"), QStringLiteral("planned")}};
    return table;
}

QString considerationAnswerName(const QString &answer)
{
    if (answer == QLatin1String("yes"))
        return QCoreApplication::translate("owb::Casework", "Yes");
    if (answer == QLatin1String("no"))
        return QCoreApplication::translate("owb::Casework", "No");
    return answer;
}

bool isStatus(const QString &stored, const QString &status)
{
    return stored.trimmed().compare(status, Qt::CaseInsensitive) == 0;
}

QDate dayIn(const QString &quarter, const QDate &today)
{
    const QDate start = quarterStart(quarter);
    if (!start.isValid())
        return today;
    return std::clamp(today, start, start.addMonths(3).addDays(-1));
}

QDate overdueAsOf(const QString &quarter, const QDate &today, const QString &latestQuarter)
{
    if (!latestQuarter.isEmpty() && quarterKey(quarter) >= quarterKey(latestQuarter))
        return today;
    const QDate start = quarterStart(quarter);
    const QDate end = start.isValid() ? start.addMonths(3).addDays(-1) : today;
    return std::min(end, today);
}

bool isOverdue(const QVariantMap &row, const QString &doneValue, const QDate &asOf)
{
    const QDate due = QDate::fromString(row.value(QStringLiteral("due_date")).toString().left(10), Qt::ISODate);
    if (!due.isValid() || due >= asOf)
        return false;
    if (!isStatus(row.value(QStringLiteral("status")).toString(), doneValue))
        return true;
    const QDate done = QDate::fromString(row.value(QStringLiteral("done_date")).toString().left(10), Qt::ISODate);
    return done.isValid() && done > asOf;  // done only after the day counted on
}

QString CaseworkStatus::summary() const
{
    QStringList parts;
    if (inProgramme)
        parts.append(QCoreApplication::translate("owb::Casework", "In the programme"));
    if (reviewOpen)
        parts.append(QCoreApplication::translate("owb::Casework", "Diagnostic review open"));
    if (overdue > 0)
        parts.append(QCoreApplication::translate("owb::Casework", "%n overdue", nullptr, overdue));
    return parts.join(QStringLiteral("; "));
}

namespace {
QString seenKey(const CaseworkTable &table, qint64 id)
{
    return table.name + QLatin1Char('/') + QString::number(id);
}

// "finding", "exit criterion": what a user calls a record of the table.
QString recordNoun(const QString &table)
{
    static const QHash<QString, const char *> nouns{
        {QStringLiteral("diagnostic_review"), QT_TRANSLATE_NOOP("owb::Casework", "diagnostic review")},
        {QStringLiteral("finding"), QT_TRANSLATE_NOOP("owb::Casework", "finding")},
        {QStringLiteral("finding_evidence"), QT_TRANSLATE_NOOP("owb::Casework", "evidence item")},
        {QStringLiteral("programme"), QT_TRANSLATE_NOOP("owb::Casework", "programme record")},
        {QStringLiteral("exit_criterion"), QT_TRANSLATE_NOOP("owb::Casework", "exit criterion")},
        {QStringLiteral("milestone"), QT_TRANSLATE_NOOP("owb::Casework", "milestone")},
        {QStringLiteral("decision"), QT_TRANSLATE_NOOP("owb::Casework", "decision")},
        {QStringLiteral("progress_review"), QT_TRANSLATE_NOOP("owb::Casework", "progress review")},
        {QStringLiteral("trajectory_point"), QT_TRANSLATE_NOOP("owb::Casework", "trajectory point")},
        {QStringLiteral("system_consideration"), QT_TRANSLATE_NOOP("owb::Casework", "system consideration")},
        {QStringLiteral("statutory_assessment"), QT_TRANSLATE_NOOP("owb::Casework", "statutory assessment")},
        {QStringLiteral("note"), QT_TRANSLATE_NOOP("owb::Casework", "note")},
        {QStringLiteral("capability_area"), QT_TRANSLATE_NOOP("owb::Casework", "capability area")},
        {QStringLiteral("capability_overall"), QT_TRANSLATE_NOOP("owb::Casework", "overall capability view")},
        {QStringLiteral("capability_evidence"), QT_TRANSLATE_NOOP("owb::Casework", "evidence item")},
    };
    const char *noun = nouns.value(table);
    return noun ? QCoreApplication::translate("owb::Casework", noun) : QString(table).replace(QLatin1Char('_'), QLatin1Char(' '));
}

void checkColumn(const CaseworkTable &table, const QString &column)
{
    if (!table.columns.contains(column))
        throw StoreError(QStringLiteral("%1: no column %2 may be set").arg(table.name, column));
}
} // namespace

StoreConflict editConflict(const QString &path, const QString &table, qint64 id, const QString &column,
                           const QString &expected, const QString &stored, bool removed, qint64 storedVersion)
{
    const QString noun = recordNoun(table);
    QString what;
    if (removed)
        what = QCoreApplication::translate("owb::Casework", "Someone else removed this %1 since you opened it.").arg(noun);
    else if (!column.isEmpty() && expected != stored && !expected.isEmpty())
        what = QCoreApplication::translate("owb::Casework",
                                           "Someone else changed this %1's %2 to \"%3\" since you opened it "
                                           "(you saw \"%4\").")
                   .arg(noun, QString(column).replace(QLatin1Char('_'), QLatin1Char(' ')), stored, expected);
    else if (!column.isEmpty() && expected != stored)
        what = QCoreApplication::translate("owb::Casework", "Someone else changed this %1's %2 to \"%3\" since you opened it.")
                   .arg(noun, QString(column).replace(QLatin1Char('_'), QLatin1Char(' ')), stored);
    else
        what = QCoreApplication::translate("owb::Casework", "Someone else changed this %1 since you opened it.").arg(noun);
    return StoreConflict(QCoreApplication::translate("owb::Casework",
                                                     "%1: %2 Your change was not saved; the case has been reloaded "
                                                     "so that you see it as it is now.")
                             .arg(path, what),
                         table, id, column.isEmpty() ? QStringList() : QStringList{column}, expected, stored, removed,
                         storedVersion);
}

namespace {
// "b corrected 2025/26 Q1 to segment 3 meanwhile (on 1 Apr 2026): "why"."
QString decisionNow(const QString &quarter, const QVariantMap &now)
{
    QString what;
    if (now.value(QStringLiteral("kind")).toString() == QLatin1String("correction"))
        what = QCoreApplication::translate("owb::Casework", "%1 corrected %2 to segment %3 meanwhile (on %4): \"%5\".")
                   .arg(now.value(QStringLiteral("decided_by")).toString(), quarter,
                        now.value(QStringLiteral("decided_segment")).toString(),
                        showDate(now.value(QStringLiteral("decided_on")).toString()),
                        now.value(QStringLiteral("rationale")).toString());
    else
        what = QCoreApplication::translate("owb::Casework",
                                           "%1 confirmed the computed segment %2 for %3 meanwhile (on %4).")
                   .arg(now.value(QStringLiteral("decided_by")).toString(),
                        now.value(QStringLiteral("decided_segment")).toString(), quarter,
                        showDate(now.value(QStringLiteral("decided_on")).toString()));
    return what;
}
} // namespace

StoreConflict decisionReplaced(const QString &path, const QString &quarter, const QVariantMap &now, qint64 id)
{
    const QString what
        = now.isEmpty()
              ? QCoreApplication::translate("owb::Casework", "The decision for %1 that you saw was taken back "
                                                             "meanwhile: the quarter has none now.")
                    .arg(quarter)
              : QCoreApplication::translate("owb::Casework", "The decision for %1 that you saw was replaced: %2 The "
                                                             "decision for %1 is now theirs, and it stands.")
                    .arg(quarter, decisionNow(quarter, now));
    return StoreConflict(QCoreApplication::translate("owb::Casework",
                                                     "%1: %2 Your undo was not applied; the case has been reloaded so "
                                                     "that you see it as it is now.")
                             .arg(path, what),
                         decisionTable().name, id, {}, QString(), QString(), true);
}

QString decidedMeanwhile(const QString &quarter, const QVariantMap &now)
{
    QString what;
    if (now.isEmpty())
        what = QCoreApplication::translate("owb::Casework", "The decision for %1 that you saw was taken back "
                                                            "meanwhile: the quarter has none now.")
                   .arg(quarter);
    else
        what = decisionNow(quarter, now);
    return what + QLatin1Char(' ')
           + QCoreApplication::translate("owb::Casework",
                                         "There is one decision per quarter, so yours was not saved; the case now "
                                         "shows the quarter as it is stored. Decide again if yours should replace it.");
}

namespace {
// A file read without upgrading (read-only) may predate a column: a
// milestone's owner arrived with schema 8.
QStringList readableColumns(const Database &db, const CaseworkTable &table)
{
    QStringList columns = table.columns;
    if (&table == &milestoneTable() && caseSchemaVersion(db) < 8)
        columns.removeAll(QStringLiteral("owner"));
    return columns;
}
} // namespace

QHash<QString, CaseworkRows> CaseworkStore::readAhead(Database &db, const QString &org,
                                                      const QList<const CaseworkTable *> &tables)
{
    QHash<QString, CaseworkRows> cases;
    for (const CaseworkTable *table : tables) {
        QStringList names{QStringLiteral("id"), QStringLiteral("row_version")};
        names += readableColumns(db, *table);
        // Without an organisation every case's rows come in one statement
        // (no binding, so a server runs it in one round trip).
        const QString sql = QStringLiteral("SELECT org_code, %1 FROM %2%3 ORDER BY org_code, id")
                                .arg(names.join(QStringLiteral(", ")), table->name,
                                     org.isEmpty() ? QString() : QStringLiteral(" WHERE org_code = ?"));
        QSqlQuery q = org.isEmpty() ? db.exec(sql) : db.exec(sql, {org});
        if (!org.isEmpty())
            cases[org][table->name]; // read, even when it has none
        while (q.next()) {
            QVariantMap row;
            for (int i = 0; i < names.size(); ++i)
                row.insert(names.at(i), q.value(i + 1));
            cases[q.value(0).toString()][table->name].append(row);
        }
    }
    return cases;
}

QList<QVariantMap> CaseworkStore::records(const CaseworkTable &table, const QString &whereColumn, const QVariant &value)
{
    return read(table, whereColumn, value, true);
}

QList<QVariantMap> CaseworkStore::read(const CaseworkTable &table, const QString &whereColumn, const QVariant &value,
                                       bool seen)
{
    if (!whereColumn.isEmpty())
        checkColumn(table, whereColumn);
    // Held reads: the whole table for the case once, then from its rows.
    if (m_holdReads && !m_rows.contains(table.name))
        m_rows.insert(table.name, readAhead(m_db, m_org, {&table}).value(m_org).value(table.name));
    if (const auto ahead = m_rows.constFind(table.name); ahead != m_rows.cend()) {
        QList<QVariantMap> rows;
        for (const QVariantMap &row : *ahead) {
            if (!whereColumn.isEmpty() && row.value(whereColumn).toString() != value.toString())
                continue;
            if (seen)
                remember(table, row);
            rows.append(row);
        }
        return rows;
    }
    const QStringList columns = readableColumns(m_db, table);
    QSqlQuery q = whereColumn.isEmpty()
                      ? m_db.exec(QStringLiteral("SELECT id, row_version, %1 FROM %2 WHERE org_code = ? ORDER BY id")
                                      .arg(columns.join(QStringLiteral(", ")), table.name),
                                  {m_org})
                      : m_db.exec(QStringLiteral("SELECT id, row_version, %1 FROM %2 WHERE org_code = ? AND %3 = ? ORDER BY id")
                                      .arg(columns.join(QStringLiteral(", ")), table.name, whereColumn),
                                  {m_org, value});
    QList<QVariantMap> rows;
    while (q.next()) {
        QVariantMap row;
        const QSqlRecord fields = q.record();
        for (int i = 0; i < fields.count(); ++i)
            row.insert(fields.fieldName(i), q.value(i));
        if (seen)
            remember(table, row);
        rows.append(row);
    }
    return rows;
}

QVariantMap CaseworkStore::record(const CaseworkTable &table, qint64 id)
{
    // A check of the record as it is now (a date order, an undo's copy):
    // not what the user saw, so the versions remembered stay.
    const QList<QVariantMap> rows = read(table, QString(), QVariant(), false);
    for (const QVariantMap &row : rows)
        if (row.value(QStringLiteral("id")).toLongLong() == id)
            return row;
    return {};
}

qint64 CaseworkStore::insert(const CaseworkTable &table, const QVariantMap &values)
{
    // The statement allocates a new record's id itself, within the case, so
    // it works on a table every organisation's case shares (a server), and
    // never gives an id twice; an undone removal is put back with its own id.
    QStringList columns{QStringLiteral("org_code"), QStringLiteral("id")};
    QStringList marks{QStringLiteral("?")};
    QVariantList bindings{m_org};
    const qint64 given = values.value(QStringLiteral("id")).toLongLong();
    const qint64 version = std::max<qint64>(1, values.value(QStringLiteral("row_version")).toLongLong());
    columns.append(QStringLiteral("row_version"));
    if (given > 0) {
        marks.append(QStringLiteral("?"));
        bindings.append(given);
    } else {
        marks.append(auditlog::newIdExpression(table.name));
        bindings << m_org << m_org;
    }
    marks.append(QStringLiteral("?"));
    bindings.append(version);
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (it.key() == QLatin1String("id") || it.key() == QLatin1String("row_version"))
            continue;
        checkColumn(table, it.key());
        columns.append(it.key());
        marks.append(QStringLiteral("?"));
        bindings.append(it.value());
    }
    forgetTable(table);
    Transaction transaction(CaseScope{m_db, m_org});
    // One decision per quarter, checked by the write itself under the case's
    // lock: a second one (two people deciding at once, a redo after someone
    // else decided) is refused, never stored beside the first.
    if (&table == &decisionTable()) {
        QSqlQuery stored = m_db.exec(QStringLiteral("SELECT kind, decided_segment, rationale, decided_by, decided_on "
                                                    "FROM decision WHERE org_code = ? AND quarter = ? ORDER BY id DESC"),
                                     {m_org, values.value(QStringLiteral("quarter"))});
        if (stored.next()) {
            QVariantMap now;
            const QSqlRecord fields = stored.record();
            for (int i = 0; i < fields.count(); ++i)
                now.insert(fields.fieldName(i), stored.value(i));
            throw StoreRefused(decidedMeanwhile(values.value(QStringLiteral("quarter")).toString(), now));
        }
    }
    // Through Database::exec, the one place that binds: an empty optional
    // field arrives as a null QString and must be stored as ''.
    const qint64 id = m_db.scalar(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) RETURNING id")
                                      .arg(table.name, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))),
                                  bindings)
                          .toLongLong();
    transaction.commit();
    QVariantMap row = values;
    row.insert(QStringLiteral("id"), id);
    row.insert(QStringLiteral("row_version"), version);
    remember(table, row);
    m_written.insert(seenKey(table, id), version);
    return id;
}

qint64 CaseworkStore::writtenVersion(const CaseworkTable &table, qint64 id)
{
    const auto written = m_written.constFind(seenKey(table, id));
    return written != m_written.cend() ? *written : seenVersion(table, id);
}

void CaseworkStore::remember(const CaseworkTable &table, const QVariantMap &row)
{
    m_seen.insert(seenKey(table, row.value(QStringLiteral("id")).toLongLong()), row);
}

qint64 CaseworkStore::seenVersion(const CaseworkTable &table, qint64 id)
{
    const auto seen = m_seen.constFind(seenKey(table, id));
    if (seen != m_seen.cend())
        return seen->value(QStringLiteral("row_version")).toLongLong();
    return m_db.scalar(QStringLiteral("SELECT row_version FROM %1 WHERE org_code = ? AND id = ?").arg(table.name), {m_org, id})
        .toLongLong();
}

void CaseworkStore::throwConflict(const CaseworkTable &table, qint64 id, const QString &column, qint64 expectedVersion)
{
    // What this user saw (when the store read that version) against what is stored now.
    const QVariantMap seen = m_seen.value(seenKey(table, id));
    const QString expected = seen.value(QStringLiteral("row_version")).toLongLong() == expectedVersion
                                 ? seen.value(column).toString()
                                 : QString();
    const QVariant stored = column.isEmpty()
                                ? m_db.scalar(QStringLiteral("SELECT id FROM %1 WHERE org_code = ? AND id = ?").arg(table.name),
                                              {m_org, id})
                                : m_db.scalar(QStringLiteral("SELECT %1 FROM %2 WHERE org_code = ? AND id = ?")
                                                  .arg(column, table.name),
                                              {m_org, id});
    // This user's decision for a quarter replaced by someone else's: theirs
    // named (a removed record has no field to compare).
    if (&table == &decisionTable() && !stored.isValid() && !seen.value(QStringLiteral("quarter")).toString().isEmpty()) {
        const QString quarter = seen.value(QStringLiteral("quarter")).toString();
        QVariantMap now;
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT kind, decided_segment, rationale, decided_by, decided_on FROM %1"
                                               " WHERE org_code = ? AND quarter = ? ORDER BY id DESC LIMIT 1")
                                    .arg(table.name),
                                {m_org, quarter});
        if (q.next())
            for (int i = 0; i < 5; ++i)
                now.insert(q.record().fieldName(i), q.value(i));
        throw decisionReplaced(m_db.path(), quarter, now, id);
    }
    const qint64 version =
        m_db.scalar(QStringLiteral("SELECT row_version FROM %1 WHERE org_code = ? AND id = ?").arg(table.name), {m_org, id})
            .toLongLong();
    throw editConflict(m_db.path(), table.name, id, column, expected, stored.toString(), !stored.isValid(), version);
}

void CaseworkStore::remove(const CaseworkTable &table, qint64 id)
{
    remove(table, id, seenVersion(table, id));
}

void CaseworkStore::remove(const CaseworkTable &table, qint64 id, qint64 expectedVersion)
{
    forgetTable(table);
    Transaction transaction(CaseScope{m_db, m_org});
    const QVariant removed = m_db.scalar(
        QStringLiteral("DELETE FROM %1 WHERE org_code = ? AND id = ? AND row_version = ? RETURNING id").arg(table.name),
        {m_org, id, expectedVersion});
    if (!removed.isValid())
        throwConflict(table, id, QString(), expectedVersion);
    transaction.commit();
    m_seen.remove(seenKey(table, id));
    m_written.remove(seenKey(table, id));
}

QString CaseworkStore::field(const CaseworkTable &table, qint64 id, const QString &column)
{
    checkColumn(table, column);
    return m_db.scalar(QStringLiteral("SELECT %1 FROM %2 WHERE org_code = ? AND id = ?").arg(column, table.name), {m_org, id})
        .toString();
}

QString CaseworkStore::seenField(const CaseworkTable &table, qint64 id, const QString &column)
{
    checkColumn(table, column);
    const auto seen = m_seen.constFind(seenKey(table, id));
    return seen != m_seen.cend() ? seen->value(column).toString() : field(table, id, column);
}

void CaseworkStore::setField(const CaseworkTable &table, qint64 id, const QString &column, const QString &value)
{
    setField(table, id, column, value, seenVersion(table, id));
}

qint64 CaseworkStore::setField(const CaseworkTable &table, qint64 id, const QString &column, const QString &value,
                               qint64 expectedVersion)
{
    checkColumn(table, column);
    forgetTable(table);
    Transaction transaction(CaseScope{m_db, m_org});
    // A value the record already holds is no change: nothing written, no audit entry.
    if (QSqlQuery now = m_db.exec(QStringLiteral("SELECT %1 FROM %2 WHERE org_code = ? AND id = ? AND row_version = ?")
                                      .arg(column, table.name),
                                  {m_org, id, expectedVersion});
        now.next() && now.value(0).toString() == value)
        return expectedVersion;
    const QVariant version = m_db.scalar(QStringLiteral("UPDATE %1 SET %2 = ?, row_version = row_version + 1"
                                                        " WHERE org_code = ? AND id = ? AND row_version = ? RETURNING row_version")
                                             .arg(table.name, column),
                                         {value, m_org, id, expectedVersion});
    if (!version.isValid())
        throwConflict(table, id, column, expectedVersion);
    transaction.commit();
    QVariantMap &seen = m_seen[seenKey(table, id)];
    seen.insert(QStringLiteral("id"), id);
    seen.insert(column, value);
    seen.insert(QStringLiteral("row_version"), version);
    m_written.insert(seenKey(table, id), version.toLongLong());
    return version.toLongLong();
}

qint64 CaseworkStore::setFields(const CaseworkTable &table, qint64 id, const QStringList &columns,
                                const QStringList &values, qint64 expectedVersion)
{
    if (columns.isEmpty())
        return expectedVersion;
    QStringList sets;
    QVariantList bound;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        checkColumn(table, columns.at(i));
        sets.append(QStringLiteral("%1 = ?").arg(columns.at(i)));
        bound.append(values.value(i));
    }
    forgetTable(table);
    Transaction transaction(CaseScope{m_db, m_org});
    bound << m_org << id << expectedVersion;
    const QVariant version = m_db.scalar(QStringLiteral("UPDATE %1 SET %2, row_version = row_version + 1"
                                                        " WHERE org_code = ? AND id = ? AND row_version = ? RETURNING row_version")
                                             .arg(table.name, sets.join(QStringLiteral(", "))),
                                         bound);
    if (!version.isValid())
        throwConflict(table, id, columns.first(), expectedVersion);
    transaction.commit();
    QVariantMap &seen = m_seen[seenKey(table, id)];
    seen.insert(QStringLiteral("id"), id);
    for (qsizetype i = 0; i < columns.size(); ++i)
        seen.insert(columns.at(i), values.value(i));
    seen.insert(QStringLiteral("row_version"), version);
    m_written.insert(seenKey(table, id), version.toLongLong());
    return version.toLongLong();
}

bool CaseworkStore::hasProgrammeSegment(const QString &quarter) const
{
    return !m_yearsWithoutProgramme.contains(yearOfQuarter(quarter));
}

qint64 CaseworkStore::programmeIn(const QString &quarter)
{
    for (const QVariantMap &p : records(programmeTable())) {
        const QString entry = p.value(QStringLiteral("entry_quarter")).toString();
        const QString exit = p.value(QStringLiteral("exit_quarter")).toString();
        // Segment 5 from the entry quarter on, until the quarter of exit.
        if (!quarterLessThan(quarter, entry) && (exit.isEmpty() || quarterLessThan(quarter, exit)))
            return p.value(QStringLiteral("id")).toLongLong();
    }
    return 0;
}

QVariantMap CaseworkStore::decision(const QString &quarter)
{
    if (caseSchemaVersion(m_db) < 4)
        return {};
    const QList<QVariantMap> rows = records(decisionTable(), QStringLiteral("quarter"), quarter);
    return rows.isEmpty() ? QVariantMap() : rows.last();
}

FinalSegment CaseworkStore::finalSegmentOf(const QString &quarter, int computed)
{
    FinalSegment out;
    out.segment = out.computed = computed;
    if (computed <= 0)
        return out;
    // Every provider in the programme is in segment 5 until it exits
    // (framework.md, step 4), whatever was decided for the quarter before it
    // entered.
    // A year without a programme segment has no segment 5: there the
    // computed segment, or a correction, stands.
    // The quarter's last decision that a workbench could have recorded: one
    // written outside it (a segment 7, a "confirmation" of another segment)
    // is named by owb check and counts for nothing here.
    // Two or more for one quarter (inserted by hand: there is one per
    // quarter) leave it undecided, none counting, as owb check says.
    QVariantMap decided;
    if (caseSchemaVersion(m_db) >= 4) {
        const QList<QVariantMap> rows = records(decisionTable(), QStringLiteral("quarter"), quarter);
        if (rows.size() > 1)
            out.decisions = int(rows.size());
        for (auto row = rows.crbegin(); row != rows.crend() && decided.isEmpty() && out.decisions == 0; ++row) {
            // (The assessment is read only for a decision on another computed segment: rare.)
            const bool other = row->value(QStringLiteral("computed_segment")).toInt() != computed;
            if (decisionProblems(*row).isEmpty() && (!other || computedSegmentProblem(*row).isEmpty()))
                decided = *row;
            else if (out.impossibleDecision == 0)
                out.impossibleDecision = row->value(QStringLiteral("id")).toLongLong();
        }
    }
    if (const int on = decided.value(QStringLiteral("computed_segment")).toInt(); on > 0 && on != computed)
        out.decidedOn = on;
    const bool inProgramme = programmeIn(quarter) > 0;
    out.programmeWithoutSegment = inProgramme && !hasProgrammeSegment(quarter);
    if (inProgramme && !out.programmeWithoutSegment) {
        out.segment = 5;
        out.source = FinalSegment::Source::Programme;
    } else if (decided.value(QStringLiteral("kind")).toString() == QLatin1String("correction")) {
        out.segment = decided.value(QStringLiteral("decided_segment")).toInt();
        out.source = FinalSegment::Source::Correction;
        out.rationale = decided.value(QStringLiteral("rationale")).toString();
    }
    return out;
}

QString CaseworkStore::computedSegmentProblem(const QVariantMap &decision)
{
    const QVariant recorded = decision.value(QStringLiteral("computed_segment"));
    const QString quarter = decision.value(QStringLiteral("quarter")).toString();
    if (recorded.isNull())
        return {};
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT segment, computed_at FROM assessment WHERE org_code = ? AND quarter = ?"),
                            {m_org, quarter});
    if (!q.next() || q.value(0).isNull() || q.value(0).toInt() == recorded.toInt())
        return {};
    const QString assessed = q.value(1).toString().left(10);
    const QString on = decision.value(QStringLiteral("decided_on")).toString();
    // Re-assessed since (an import the same day as the decision included:
    // a date cannot tell the order within a day): the decision stands, to review.
    if (!on.isEmpty() && on <= assessed)
        return {};
    return QStringLiteral("its computed segment %1 is not the segment %2 of %3's assessment (computed %4, before the "
                          "decision%5), where the workbench records the segment the decision was made on.")
        .arg(recorded.toString(), q.value(0).toString(), quarter, assessed,
             on.isEmpty() ? QString() : QStringLiteral(" of %1").arg(on));
}

QString CaseworkStore::conflict(const CaseworkTable &table, const QVariantMap &values, const Methodology *methodology)
{
    if (const auto [column, problem] = orderProblem(table, values); !column.isEmpty())
        return problem;
    if (&table == &trajectoryTable()) {
        // One planned value per metric and quarter.
        const QString metric = values.value(QStringLiteral("metric_id")).toString();
        const QString quarter = values.value(QStringLiteral("quarter")).toString();
        for (const QVariantMap &p : read(trajectoryTable(), QStringLiteral("metric_id"), metric, false))
            if (p.value(QStringLiteral("quarter")).toString() == quarter) {
                QString planned = p.value(QStringLiteral("planned")).toString();
                const MetricDefinition *definition = methodology ? methodology->metric(metric) : nullptr;
                if (const auto number = plannedValue(planned); number && definition)
                    planned = formatMetricMeasure(*definition, *number);
                return QCoreApplication::translate("owb::Casework", "%1 already has a planned value for %2 (%3); there is one per "
                                                                    "metric and quarter: remove that point first to plan another.")
                    .arg(metric, quarter, planned);
            }
    }
    if (&table == &decisionTable()) {
        const QString quarter = values.value(QStringLiteral("quarter")).toString();
        const QVariantMap earlier = decision(quarter);
        if (!earlier.isEmpty())
            return QCoreApplication::translate("owb::Casework", "A decision for %1 is already recorded (%2 by %3 on %4); there is one decision per "
                      "quarter.")
                .arg(quarter, earlier.value(QStringLiteral("kind")).toString(),
                    earlier.value(QStringLiteral("decided_by")).toString(),
                    earlier.value(QStringLiteral("decided_on")).toString());
    }
    if (&table == &programmeTable()) {
        const QString quarter = values.value(QStringLiteral("entry_quarter")).toString();
        if (!hasProgrammeSegment(quarter))
            return QCoreApplication::translate("owb::Casework", "%1 has no programme segment (its methodology names no "
                                                                "programme and has no segment 5), so there is no entry into "
                                                                "the programme to record in %2.")
                .arg(yearOfQuarter(quarter), quarter);
        if (const qint64 in = programmeIn(quarter); in > 0)
            return QCoreApplication::translate("owb::Casework", "The organisation is already in the programme in %1 (since %2).")
                .arg(quarter, field(programmeTable(), in, QStringLiteral("entry_quarter")));
        for (const QVariantMap &p : records(programmeTable())) {
            const QString entry = p.value(QStringLiteral("entry_quarter")).toString();
            if (quarterLessThan(quarter, entry))
                return QCoreApplication::translate("owb::Casework", "The organisation enters the programme in %1; an entry in %2 would overlap it.")
                    .arg(entry, quarter);
        }
    }
    return {};
}

CaseworkStatus CaseworkStore::status(const QString &quarter, const QDate &today)
{
    return status(quarter, today, Methodology::builtIn().casework(), QString());
}

CaseworkStatus CaseworkStore::status(const QString &quarter, const QDate &today, const CaseworkChoices &choices,
                                     const QString &latestQuarter)
{
    // The status describes the chosen quarter: a review opened in it or
    // before and not closed by its end, the programme the organisation is in
    // during it, and what was overdue at its end, or today when the quarter
    // has not ended yet (a later quarter's due dates are not overdue in an
    // earlier one).
    CaseworkStatus status;
    const QDate asOf = overdueAsOf(quarter, today, latestQuarter);
    auto dateOf = [](const QVariantMap &row, const QString &column) {
        return QDate::fromString(row.value(column).toString().left(10), Qt::ISODate);
    };
    for (const QVariantMap &r : records(reviewTable())) {
        const QString opened = r.value(QStringLiteral("opened_quarter")).toString();
        if (!opened.isEmpty() && quarterKey(opened) > 0 && quarterLessThan(quarter, opened))
            continue;  // opened after the chosen quarter
        const QDate decided = dateOf(r, QStringLiteral("decision_date"));
        const bool closed = isStatus(r.value(QStringLiteral("status")).toString(), choices.reviewStages.finalId)
                            && (!decided.isValid() || decided <= asOf);
        status.reviewOpen |= !closed;
    }
    const qint64 programme = programmeIn(quarter);
    status.inProgramme = programme > 0;
    for (const QVariantMap &c : records(criterionTable())) {
        // An exit criterion belongs to its programme: it counts in the
        // quarters the organisation is in that programme.
        const qint64 of = c.value(QStringLiteral("programme_id")).toLongLong();
        if (of > 0 && of != programme)
            continue;
        status.overdueCriteria += isOverdue(c, choices.criterionStatuses.finalId, asOf) ? 1 : 0;
    }
    for (const QVariantMap &m : records(milestoneTable()))
        status.overdueMilestones += isOverdue(m, choices.milestoneStatuses.finalId, asOf) ? 1 : 0;
    status.overdue = status.overdueCriteria + status.overdueMilestones;
    return status;
}

} // namespace owb
