#include "serverschemarules.h"

#include "database.h"
#include "schemas.h"
#include "serverschemawho.h"

#include <QDate>
#include <QRegularExpression>

namespace owb {

namespace {

enum class Kind { Date, Time, DecisionKind, DecidedSegment, Confirmation, Recorded, Reason, Quarter };

struct Rule
{
    const char *table; // in the cases part
    const char *column;
    Kind kind;
};

// Every date and moment a case table keeps as text (as a case file does),
// and what a quarterly decision may be. An assessment's computed_at and the
// national part's moments are left to the importers, who write them alone.
constexpr Rule kRules[] = {
    { "note", "created_at", Kind::Time },
    { "capability_overall", "decided_on", Kind::Date },
    { "capability_evidence", "evidence_date", Kind::Date },
    { "diagnostic_review", "start_date", Kind::Date },
    { "diagnostic_review", "due_date", Kind::Date },
    { "diagnostic_review", "decision_date", Kind::Date },
    { "finding_evidence", "evidence_date", Kind::Date },
    { "programme", "entry_date", Kind::Date },
    { "programme", "exit_date", Kind::Date },
    { "exit_criterion", "due_date", Kind::Date },
    { "milestone", "due_date", Kind::Date },
    { "milestone", "done_date", Kind::Date },
    { "decision", "decided_on", Kind::Date },
    { "progress_review", "review_date", Kind::Date },
    { "statutory_assessment", "assessed_on", Kind::Date },
    { "decision", "kind", Kind::DecisionKind },
    { "decision", "decided_segment", Kind::DecidedSegment },
    { "decision", "computed_segment", Kind::Confirmation },
    { "decision", "computed_segment", Kind::Recorded },
    { "decision", "rationale", Kind::Reason },
    { "decision", "quarter", Kind::Quarter },
};

QString tableOf(const Rule &rule)
{
    return QString::fromLatin1(rule.table);
}
QString columnOf(const Rule &rule)
{
    return QString::fromLatin1(rule.column);
}

// What names a record of the rule's table within its case: its id, or a
// capability decision's year.
QString keyOf(const Rule &rule)
{
    return tableOf(rule) == QLatin1String("capability_overall") ? QStringLiteral("year")
                                                                : QStringLiteral("id");
}

QString constraintName(const Rule &rule)
{
    static const char *const suffix[]
        = { "is_a_date", "is_a_time", "is_a_kind", "is_1_to_4", "kept_by_a_confirmation", "is_recorded",
              "given_by_a_correction", "is_a_quarter" };
    return QStringLiteral("%1_%2_%3")
        .arg(tableOf(rule), columnOf(rule), QLatin1String(suffix[int(rule.kind)]));
}

QString expression(const Rule &rule)
{
    const QString column = columnOf(rule);
    switch (rule.kind) {
    case Kind::Date:
        return QStringLiteral("%1 = '' OR owb.is_iso_date(%1)").arg(column);
    case Kind::Time:
        return QStringLiteral("owb.is_iso_time(%1)").arg(column);
    case Kind::DecisionKind:
        return QStringLiteral("kind IN ('confirm', 'correction')");
    case Kind::DecidedSegment:
        return QStringLiteral("decided_segment BETWEEN 1 AND 4");
    case Kind::Confirmation:
        return QStringLiteral("kind <> 'confirm' OR decided_segment = computed_segment");
    case Kind::Recorded:
        return QStringLiteral("computed_segment IS NOT NULL");
    case Kind::Reason:
        return QStringLiteral("kind <> 'correction' OR rationale ~ '[^[:space:]]'");
    case Kind::Quarter:
        // As isQuarterLabel (casework.h); the years read only once the form holds.
        return QStringLiteral("CASE WHEN quarter ~ '^[0-9]{4}/[0-9]{2} Q[1-4]$'"
                              " THEN (substr(quarter, 1, 4)::integer + 1) % 100 = substr(quarter, 6, 2)::integer"
                              " ELSE false END");
    }
    return {};
}

// What a value of the rule's column should be, after "is not".
QString expected(const Rule &rule)
{
    switch (rule.kind) {
    case Kind::Date:
        return QStringLiteral("a date as the workbench writes it (YYYY-MM-DD, or empty)");
    case Kind::Time:
        return QStringLiteral("a time as the workbench writes it (YYYY-MM-DDTHH:MM:SSZ, in UTC)");
    case Kind::DecisionKind:
        return QStringLiteral("a kind of decision (confirm or correction)");
    case Kind::DecidedSegment:
        return QStringLiteral(
            "a segment a decision can set (1 to 4; segment 5 is the Recovery Support Programme's)");
    case Kind::Confirmation:
        return QStringLiteral("the segment a confirmation keeps (its computed segment)");
    case Kind::Recorded:
        return QStringLiteral("recorded (the segment the decision was made on)");
    case Kind::Reason:
        return QStringLiteral("given (a correction gives its reason)");
    case Kind::Quarter:
        return QStringLiteral("a quarter as the workbench writes it (2025/26 Q1: two consecutive years, Q1 to Q4)");
    }
    return {};
}

QStringList statements()
{
    QStringList sql {
        // A date as the workbench writes it, a real day; a time the same,
        // in UTC to the second (a thousandth allowed, as the audit trail's).
        QStringLiteral(
            "CREATE FUNCTION owb.is_iso_date(value text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE STRICT"
            " SET search_path = pg_catalog AS $body$"
            " BEGIN"
            "  IF value !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN RETURN false; END IF;"
            "  RETURN to_char(make_date(substr(value, 1, 4)::integer, substr(value, 6, 2)::integer,"
            "   substr(value, 9, 2)::integer), 'YYYY-MM-DD') = value;"
            " EXCEPTION WHEN others THEN RETURN false;"
            " END $body$"),
        QStringLiteral(
            "CREATE FUNCTION owb.is_iso_time(value text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE STRICT"
            " SET search_path = pg_catalog AS $body$"
            " BEGIN"
            "  RETURN value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
            "(\\.[0-9]{1,3})?Z$' AND owb.is_iso_date(left(value, 10));"
            " END $body$"),
        // An audit entry is added only by the owner's trigger functions,
        // which the server calls on a change; one inserted by anyone else
        // records no change and is refused.
        QStringLiteral(
            "CREATE FUNCTION cases.audit_entry_from_a_change() RETURNS trigger LANGUAGE plpgsql AS $body$"
            " BEGIN"
            "  IF NOT pg_has_role(current_user, (SELECT relowner FROM pg_catalog.pg_class WHERE oid = "
            "TG_RELID),"
            "   'USAGE') THEN"
            "   RAISE EXCEPTION 'the audit trail records the changes made to a case''s records, written by "
            "the "
            "server as each change is made: % may not add entry % to case % by hand; nothing was changed',"
            "    session_user, NEW.seq, NEW.org_code;"
            "  END IF;"
            "  RETURN NEW;"
            " END $body$"),
        QStringLiteral("CREATE TRIGGER audit_entry_from_a_change BEFORE INSERT ON cases.audit_log"
                       " FOR EACH ROW EXECUTE FUNCTION cases.audit_entry_from_a_change()"),
        // One decision per quarter, and its computed segment the one the
        // workbench records: the stored assessment's, unless that was
        // computed after the decision's day (a re-assessment since: the
        // decision stands, to review). Under the case's lock (the one the
        // workbench takes, PostgresDialect::lockCase), so that two writers
        // at once cannot both find the quarter free. A trigger, not a unique
        // index, so that two decisions stored before it (owb check names
        // them) stay as the step's other rules leave old rows.
        QStringLiteral(
            "CREATE FUNCTION cases.decision_as_recorded() RETURNS trigger LANGUAGE plpgsql AS $body$"
            " DECLARE other record; assessed record;"
            " BEGIN"
            "  PERFORM pg_advisory_xact_lock(1331118663, hashtext(NEW.org_code));"
            "  SELECT id, kind, decided_by INTO other FROM cases.decision"
            "   WHERE org_code = NEW.org_code AND quarter = NEW.quarter AND id <> NEW.id LIMIT 1;"
            "  IF FOUND THEN"
            "   RAISE EXCEPTION 'case %: a decision for % is already recorded (decision %, % by %); there is one "
            "decision per quarter; nothing was changed', NEW.org_code, NEW.quarter, other.id, other.kind, "
            "other.decided_by USING ERRCODE = 'check_violation';"
            "  END IF;"
            "  SELECT segment, left(computed_at, 10) AS day INTO assessed FROM cases.assessment"
            "   WHERE org_code = NEW.org_code AND quarter = NEW.quarter;"
            "  IF FOUND AND assessed.segment IS NOT NULL AND NEW.computed_segment <> assessed.segment"
            "   AND (NEW.decided_on = '' OR NEW.decided_on >= assessed.day) THEN"
            "   RAISE EXCEPTION 'case %: decision % for % names computed segment %, but the quarter''s assessment "
            "(computed %) has segment %, the one the workbench records; nothing was changed', NEW.org_code, NEW.id, "
            "NEW.quarter, NEW.computed_segment, assessed.day, assessed.segment USING ERRCODE = 'check_violation';"
            "  END IF;"
            "  RETURN NEW;"
            " END $body$"),
        QStringLiteral("CREATE TRIGGER decision_as_recorded BEFORE INSERT OR UPDATE OF org_code, quarter,"
                       " computed_segment ON cases.decision"
                       " FOR EACH ROW EXECUTE FUNCTION cases.decision_as_recorded()"),
    };
    for (const AuditedTable &a : auditedTables()) {
        const QString function = QStringLiteral("cases.audit_%1()").arg(QLatin1String(a.table));
        sql << QStringLiteral("ALTER FUNCTION %1 SECURITY DEFINER SET search_path = pg_catalog, pg_temp")
                   .arg(function)
            << QStringLiteral("REVOKE ALL ON FUNCTION %1 FROM PUBLIC").arg(function);
    }
    for (const Rule &rule : kRules)
        sql << QStringLiteral("ALTER TABLE cases.%1 ADD CONSTRAINT %2 CHECK (%3) NOT VALID")
                   .arg(tableOf(rule), constraintName(rule), expression(rule));
    return sql;
}

// The rules the server holds but has not validated: rows stored before them
// may break them.
QList<const Rule *> unvalidated(Database &db)
{
    QStringList names;
    QSqlQuery q
        = db.exec(QStringLiteral("SELECT conname FROM pg_catalog.pg_constraint c"
                                 " JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace"
                                 " WHERE n.nspname = 'cases' AND c.contype = 'c' AND NOT c.convalidated"));
    while (q.next())
        names.append(q.value(0).toString());
    QList<const Rule *> rules;
    for (const Rule &rule : kRules)
        if (names.contains(constraintName(rule)))
            rules.append(&rule);
    return rules;
}

} // namespace

void makeServerRefuseWhatCheckFinds(Database &db)
{
    refuseUnlessOwner(db,
        QStringLiteral("the server refusing audit entries, dates and decisions owb check would find "
                       "wrong"));
    for (const QString &sql : statements())
        db.exec(sql);
    validateServerRules(db);
}

void validateServerRules(Database &db)
{
    for (const Rule *rule : unvalidated(db)) {
        const qint64 breaking = db.scalar(QStringLiteral("SELECT count(*) FROM cases.%1 WHERE NOT (%2)")
                                              .arg(tableOf(*rule), expression(*rule)))
                                    .toLongLong();
        if (breaking == 0)
            db.exec(QStringLiteral("ALTER TABLE cases.%1 VALIDATE CONSTRAINT %2")
                        .arg(tableOf(*rule), constraintName(*rule)));
    }
}

QList<std::pair<QString, QString>> serverRuleProblems(Database &db)
{
    QList<std::pair<QString, QString>> problems;
    for (const Rule *rule : unvalidated(db)) {
        if (rule->kind != Kind::Date && rule->kind != Kind::Time)
            continue;
        QSqlQuery q = db.exec(
            QStringLiteral("SELECT org_code, %4, %1 FROM cases.%2 WHERE NOT (%3) ORDER BY org_code, %4")
                .arg(columnOf(*rule), tableOf(*rule), expression(*rule), keyOf(*rule)));
        while (q.next())
            problems.append({ q.value(0).toString(),
                QStringLiteral(
                    "%1 %2 (table %3, %4): \"%5\" is not %6; stored before the server refused such values, "
                    "it was kept: correct the record or remove it, then run owb team roles so that the "
                    "server holds every %3 record to the rule")
                    .arg(tableOf(*rule).replace(QLatin1Char('_'), QLatin1Char(' ')), q.value(1).toString(),
                        tableOf(*rule), columnOf(*rule), q.value(2).toString(), expected(*rule)) });
    }
    return problems;
}

QStringList storedDateProblems(const CaseScope &scope)
{
    // As owb.is_iso_date and owb.is_iso_time say on the server.
    static const QRegularExpression date(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    static const QRegularExpression time(QStringLiteral(
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,3})?Z$"));
    const auto isDate = [](const QString &value) {
        const QDate day = QDate::fromString(value.left(10), QStringLiteral("yyyy-MM-dd"));
        return day.isValid() && day.year() >= 1;
    };
    Database &db = scope.db;
    QStringList problems;
    for (const Rule &rule : kRules) {
        if (rule.kind != Kind::Date && rule.kind != Kind::Time)
            continue;
        if (!db.dialect().tableExists(db, tableOf(rule))
            || !db.dialect().columnExists(db, tableOf(rule), columnOf(rule)))
            continue;
        QSqlQuery q = db.exec(QStringLiteral("SELECT %3, %1 FROM %2 WHERE org_code = ? ORDER BY %3")
                                  .arg(columnOf(rule), tableOf(rule), keyOf(rule)),
            { scope.org });
        while (q.next()) {
            const QString value = q.value(1).toString();
            const bool fine = rule.kind == Kind::Date
                ? value.isEmpty() || (date.match(value).hasMatch() && isDate(value))
                : time.match(value).hasMatch() && isDate(value);
            if (!fine)
                problems.append(
                    QStringLiteral("%1 %2 (table %3, %4): \"%5\" is not %6; a team workspace's server "
                                   "refuses it (owb team push would too): correct the record or remove it")
                        .arg(tableOf(rule).replace(QLatin1Char('_'), QLatin1Char(' ')), q.value(0).toString(),
                            tableOf(rule), columnOf(rule), value, expected(rule)));
        }
    }
    return problems;
}

QString serverRuleRefusal(const QString &serverText)
{
    // The decision trigger's refusals (statements()), by their words.
    if (serverText.contains(QLatin1String("there is one decision per quarter")))
        return QStringLiteral("the server refuses a second decision for a quarter: there is one decision per quarter");
    if (serverText.contains(QLatin1String("the one the workbench records")))
        return QStringLiteral("the server refuses a decision whose computed segment is not the segment of its "
                              "quarter's assessment, the one the workbench records");
    static const QRegularExpression named(QStringLiteral("check constraint \"(\\w+)\""));
    const QString name = named.match(serverText).captured(1);
    for (const Rule &rule : kRules) {
        if (name.isEmpty() || name != constraintName(rule))
            continue;
        if (rule.kind == Kind::Confirmation)
            return QStringLiteral(
                "the server refuses a confirmation of the computed segment whose decided segment is "
                "another");
        return QStringLiteral("the server refuses a %1 record whose %2 is not %3")
            .arg(tableOf(rule).replace(QLatin1Char('_'), QLatin1Char(' ')),
                QString(columnOf(rule)).replace(QLatin1Char('_'), QLatin1Char(' ')), expected(rule));
    }
    return {};
}

} // namespace owb
