#include "casework.h"

#include "data/metricdataset.h"
#include "data/quarterlabel.h"
#include "casework/datetext.h"
#include "framework/methodology.h"

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

bool isStatus(const QString &stored, const QString &status)
{
    return stored.trimmed().compare(status, Qt::CaseInsensitive) == 0;
}

std::pair<QString, QString> dateOrderProblem(const QVariantMap &values)
{
    struct Pair
    {
        const char *first;
        const char *later;
        const char *message;
    };
    static const Pair pairs[] = {
        {"start_date", "due_date", QT_TRANSLATE_NOOP("owb::Casework", "The due date %1 is before the start date %2: it must be on or after it.")},
        {"entry_date", "exit_date", QT_TRANSLATE_NOOP("owb::Casework", "The exit date %1 is before the entry date %2: it must be on or after it.")},
    };
    for (const Pair &pair : pairs) {
        const QDate first = QDate::fromString(values.value(QLatin1String(pair.first)).toString().left(10), Qt::ISODate);
        const QDate later = QDate::fromString(values.value(QLatin1String(pair.later)).toString().left(10), Qt::ISODate);
        if (first.isValid() && later.isValid() && later < first)
            return {QLatin1String(pair.later),
                    QCoreApplication::translate("owb::Casework", pair.message).arg(showDate(later), showDate(first))};
    }
    return {};
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
void checkColumn(const CaseworkTable &table, const QString &column)
{
    if (!table.columns.contains(column))
        throw StoreError(QStringLiteral("%1: no column %2 may be set").arg(table.name, column));
}
} // namespace

QList<QVariantMap> CaseworkStore::records(const CaseworkTable &table, const QString &whereColumn, const QVariant &value)
{
    if (!whereColumn.isEmpty())
        checkColumn(table, whereColumn);
    // A file read without upgrading (read-only) may predate a column: a
    // milestone's owner arrived with schema 8.
    QStringList columns = table.columns;
    if (&table == &milestoneTable() && m_db.schemaVersion() < 8)
        columns.removeAll(QStringLiteral("owner"));
    QSqlQuery q = whereColumn.isEmpty()
                      ? m_db.exec(QStringLiteral("SELECT id, %1 FROM %2 WHERE org_code = ? ORDER BY id")
                                      .arg(columns.join(QStringLiteral(", ")), table.name),
                                  {m_org})
                      : m_db.exec(QStringLiteral("SELECT id, %1 FROM %2 WHERE org_code = ? AND %3 = ? ORDER BY id")
                                      .arg(columns.join(QStringLiteral(", ")), table.name, whereColumn),
                                  {m_org, value});
    QList<QVariantMap> rows;
    while (q.next()) {
        QVariantMap row;
        const QSqlRecord fields = q.record();
        for (int i = 0; i < fields.count(); ++i)
            row.insert(fields.fieldName(i), q.value(i));
        rows.append(row);
    }
    return rows;
}

QVariantMap CaseworkStore::record(const CaseworkTable &table, qint64 id)
{
    const QList<QVariantMap> rows = records(table);
    for (const QVariantMap &row : rows)
        if (row.value(QStringLiteral("id")).toLongLong() == id)
            return row;
    return {};
}

qint64 CaseworkStore::insert(const CaseworkTable &table, const QVariantMap &values)
{
    // The statement allocates a new record's id itself, within the case, so
    // it works on a table every organisation's case shares (a server); an
    // undone removal is put back with its own id.
    QStringList columns{QStringLiteral("org_code"), QStringLiteral("id")};
    QStringList marks{QStringLiteral("?")};
    QVariantList bindings{m_org};
    const qint64 given = values.value(QStringLiteral("id")).toLongLong();
    if (given > 0) {
        marks.append(QStringLiteral("?"));
        bindings.append(given);
    } else {
        marks.append(QStringLiteral("(SELECT coalesce(max(id), 0) + 1 FROM %1 WHERE org_code = ?)").arg(table.name));
        bindings.append(m_org);
    }
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (it.key() == QLatin1String("id"))
            continue;
        checkColumn(table, it.key());
        columns.append(it.key());
        marks.append(QStringLiteral("?"));
        bindings.append(it.value());
    }
    Transaction transaction(m_db);
    // Through Database::exec, the one place that binds: an empty optional
    // field arrives as a null QString and must be stored as ''.
    const qint64 id = m_db.scalar(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) RETURNING id")
                                      .arg(table.name, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))),
                                  bindings)
                          .toLongLong();
    transaction.commit();
    return id;
}

void CaseworkStore::remove(const CaseworkTable &table, qint64 id)
{
    Transaction transaction(m_db);
    m_db.exec(QStringLiteral("DELETE FROM %1 WHERE org_code = ? AND id = ?").arg(table.name), {m_org, id});
    transaction.commit();
}

QString CaseworkStore::field(const CaseworkTable &table, qint64 id, const QString &column)
{
    checkColumn(table, column);
    return m_db.scalar(QStringLiteral("SELECT %1 FROM %2 WHERE org_code = ? AND id = ?").arg(column, table.name), {m_org, id})
        .toString();
}

void CaseworkStore::setField(const CaseworkTable &table, qint64 id, const QString &column, const QString &value)
{
    checkColumn(table, column);
    Transaction transaction(m_db);
    m_db.exec(QStringLiteral("UPDATE %1 SET %2 = ? WHERE org_code = ? AND id = ?").arg(table.name, column), {value, m_org, id});
    transaction.commit();
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
    if (m_db.schemaVersion() < 4)
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
    const QVariantMap decided = decision(quarter);
    if (decided.value(QStringLiteral("kind")).toString() == QLatin1String("correction")) {
        out.segment = decided.value(QStringLiteral("decided_segment")).toInt();
        out.source = FinalSegment::Source::Correction;
        out.rationale = decided.value(QStringLiteral("rationale")).toString();
    } else if (programmeIn(quarter) > 0) {
        out.segment = 5;
        out.source = FinalSegment::Source::Programme;
    }
    return out;
}

QString CaseworkStore::conflict(const CaseworkTable &table, const QVariantMap &values)
{
    if (const auto [column, problem] = dateOrderProblem(values); !column.isEmpty())
        return problem;
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
    return status(quarter, today, Methodology::builtIn().casework());
}

CaseworkStatus CaseworkStore::status(const QString &quarter, const QDate &today, const CaseworkChoices &choices)
{
    // The status describes the chosen quarter: a review opened in it or
    // before and not closed by its end, the programme the organisation is in
    // during it, and what was overdue at its end, or today when the quarter
    // has not ended yet (a later quarter's due dates are not overdue in an
    // earlier one).
    CaseworkStatus status;
    const QDate start = quarterStart(quarter);
    const QDate end = start.isValid() ? start.addMonths(3).addDays(-1) : today;
    const QDate asOf = std::min(end, today);
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
    auto overdue = [&](const QVariantMap &row, const QString &doneColumn, const QString &doneValue) {
        const QDate due = dateOf(row, QStringLiteral("due_date"));
        if (!due.isValid() || due >= asOf)
            return false;
        if (!isStatus(row.value(doneColumn).toString(), doneValue))
            return true;
        const QDate done = dateOf(row, QStringLiteral("done_date"));
        return done.isValid() && done > asOf;  // done only after the quarter
    };
    for (const QVariantMap &c : records(criterionTable())) {
        // An exit criterion belongs to its programme: it counts in the
        // quarters the organisation is in that programme.
        const qint64 of = c.value(QStringLiteral("programme_id")).toLongLong();
        if (of > 0 && of != programme)
            continue;
        status.overdue += overdue(c, QStringLiteral("status"), choices.criterionStatuses.finalId) ? 1 : 0;
    }
    for (const QVariantMap &m : records(milestoneTable()))
        status.overdue += overdue(m, QStringLiteral("status"), choices.milestoneStatuses.finalId) ? 1 : 0;
    return status;
}

} // namespace owb
