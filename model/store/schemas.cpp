#include "schemas.h"

#include "caseworkvalues.h"
#include "database.h"
#include "dialect.h"
#include "methodologyregister.h"
#include "quarterrespelling.h"

#include <QUuid>

namespace owb {

namespace {

using Audited = AuditedTable;

// json_object(...) of a row's columns, for NEW or OLD.
QString rowJson(const Audited &a, const QString &row)
{
    QStringList pairs;
    for (const char *column : a.columns)
        pairs.append(QStringLiteral("'%1', %2.%1").arg(QString::fromLatin1(column), row));
    return QStringLiteral("json_object(%1)").arg(pairs.join(QStringLiteral(", ")));
}

// Three triggers per table, each appending one entry per row: `insert` is
// the audit_log INSERT with %1 table, %2 row key, %3 action, %4 before, %5
// after and (schema 9) %6 the row (NEW or OLD) whose org_code it records.
QStringList triggersWith(const Audited &a, const QString &insert)
{
    QStringList sql;
    const QString key = QString::fromLatin1(a.key);
    const QString table = QString::fromLatin1(a.table);
    const auto body = [&](const QString &row, const QString &action, const QString &before, const QString &after) {
        return QString(insert).replace(QStringLiteral("%6"), row).arg(
            table, QString(key).replace(QStringLiteral("ROW."), row + QLatin1Char('.')), action, before, after);
    };
    sql << QStringLiteral("CREATE TRIGGER audit_%1_insert AFTER INSERT ON %1 BEGIN %2 END")
               .arg(table, body(QStringLiteral("NEW"), QStringLiteral("insert"), QStringLiteral("NULL"),
                                rowJson(a, QStringLiteral("NEW"))));
    sql << QStringLiteral("CREATE TRIGGER audit_%1_update AFTER UPDATE ON %1 BEGIN %2 END")
               .arg(table, body(QStringLiteral("NEW"), QStringLiteral("update"), rowJson(a, QStringLiteral("OLD")),
                                rowJson(a, QStringLiteral("NEW"))));
    sql << QStringLiteral("CREATE TRIGGER audit_%1_delete AFTER DELETE ON %1 BEGIN %2 END")
               .arg(table, body(QStringLiteral("OLD"), QStringLiteral("delete"), rowJson(a, QStringLiteral("OLD")),
                                QStringLiteral("NULL")));
    return sql;
}

// Three triggers per table append who-less, hash-less entries; the
// workbench seals them (actor and hash chain) before its transaction
// commits, so an entry left unsealed is a change made behind its back.
// (Earlier versions' steps: their text never changes.)
QStringList auditTriggers(const Audited &a)
{
    return triggersWith(a, QStringLiteral("INSERT INTO audit_log (at, table_name, row_key, action, before, after)"
                                          " VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), '%1', %2, '%3', %4, %5);"));
}

// Schema 9: the same entries (the same JSON, so every chain still verifies),
// also naming the organisation (audit_log.org_code).
QStringList auditTriggersWithOrg(const Audited &a)
{
    return triggersWith(a, QStringLiteral("INSERT INTO audit_log (org_code, at, table_name, row_key, action, before, after)"
                                          " VALUES (%6.org_code, %7, '%1', %2, '%3', %4, %5);")
                               .replace(QStringLiteral("%7"), sqliteDialect().nowText()));
}

QStringList versionThree()
{
    QStringList sql{
        QStringLiteral("CREATE TABLE diagnostic_review ("
                       " id INTEGER PRIMARY KEY, opened_quarter TEXT NOT NULL, opened_reason TEXT NOT NULL DEFAULT '',"
                       " team TEXT NOT NULL DEFAULT '', scope TEXT NOT NULL DEFAULT '',"
                       " start_date TEXT NOT NULL DEFAULT '', due_date TEXT NOT NULL DEFAULT '',"
                       " status TEXT NOT NULL DEFAULT 'open', capability_conclusion TEXT NOT NULL DEFAULT '',"
                       " recommendation TEXT NOT NULL DEFAULT '', decision TEXT NOT NULL DEFAULT '',"
                       " decision_date TEXT NOT NULL DEFAULT '', decision_maker TEXT NOT NULL DEFAULT '',"
                       " decision_rationale TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE TABLE finding ("
                       " id INTEGER PRIMARY KEY,"
                       " review_id INTEGER NOT NULL REFERENCES diagnostic_review(id) ON DELETE CASCADE,"
                       " category TEXT NOT NULL, description TEXT NOT NULL, evidence TEXT NOT NULL DEFAULT '',"
                       " severity TEXT NOT NULL DEFAULT '', domains TEXT NOT NULL DEFAULT '',"
                       " metrics TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE TABLE programme ("
                       " id INTEGER PRIMARY KEY, entry_quarter TEXT NOT NULL, entry_date TEXT NOT NULL,"
                       " reason TEXT NOT NULL DEFAULT '', improvement_director TEXT NOT NULL DEFAULT '',"
                       " exit_quarter TEXT NOT NULL DEFAULT '', exit_date TEXT NOT NULL DEFAULT '',"
                       " transition_plan TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE TABLE exit_criterion ("
                       " id INTEGER PRIMARY KEY,"
                       " programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,"
                       " description TEXT NOT NULL, measure TEXT NOT NULL DEFAULT '', target TEXT NOT NULL DEFAULT '',"
                       " due_date TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'not met',"
                       " evidence TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE TABLE milestone ("
                       " id INTEGER PRIMARY KEY, description TEXT NOT NULL, due_date TEXT NOT NULL,"
                       " done_date TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'open')"),
        QStringLiteral("CREATE TABLE audit_log ("
                       " seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT,"
                       " table_name TEXT NOT NULL, row_key TEXT NOT NULL, action TEXT NOT NULL,"
                       " before TEXT, after TEXT, hash TEXT)"),
    };
    const QList<Audited> audited{
        {"organisation", "ROW.code", {"code", "name", "peer_type", "region"}},
        {"assessment", "ROW.quarter", {"quarter", "methodology_id", "average", "raw_segment", "deficit", "segment", "rank", "digest"}},
        {"capability_area", "ROW.year || '/' || ROW.area_id", {"year", "area_id", "self_rating", "region_rating", "notes"}},
        {"capability_overall", "ROW.year", {"year", "rating", "rationale", "decided_on"}},
        {"capability_evidence", "ROW.id", {"id", "year", "area_id", "title", "evidence_date", "source", "file_name", "file_sha256"}},
        {"note", "ROW.id", {"id", "created_at", "author", "tag_kind", "tag", "body"}},
        {"diagnostic_review", "ROW.id", {"id", "opened_quarter", "opened_reason", "team", "scope", "start_date", "due_date", "status",
                                         "capability_conclusion", "recommendation", "decision", "decision_date", "decision_maker",
                                         "decision_rationale"}},
        {"finding", "ROW.id", {"id", "review_id", "category", "description", "evidence", "severity", "domains", "metrics"}},
        {"programme", "ROW.id", {"id", "entry_quarter", "entry_date", "reason", "improvement_director", "exit_quarter", "exit_date",
                                 "transition_plan"}},
        {"exit_criterion", "ROW.id", {"id", "programme_id", "description", "measure", "target", "due_date", "status", "evidence"}},
        {"milestone", "ROW.id", {"id", "description", "due_date", "done_date", "status"}},
    };
    for (const Audited &a : audited)
        sql += auditTriggers(a);
    return sql;
}

QStringList versionFour()
{
    QStringList sql{QStringLiteral("CREATE TABLE decision ("
                                   " id INTEGER PRIMARY KEY, quarter TEXT NOT NULL, kind TEXT NOT NULL,"
                                   " computed_segment INTEGER, decided_segment INTEGER NOT NULL,"
                                   " rationale TEXT NOT NULL DEFAULT '', decided_by TEXT NOT NULL DEFAULT '',"
                                   " decided_on TEXT NOT NULL DEFAULT '')")};
    sql += auditTriggers({"decision", "ROW.id", {"id", "quarter", "kind", "computed_segment", "decided_segment",
                                                 "rationale", "decided_by", "decided_on"}});
    // Programme progress reviews, and the improvement trajectory: the value
    // planned for a metric in a quarter (the actual comes from the data).
    sql << QStringLiteral("CREATE TABLE progress_review ("
                          " id INTEGER PRIMARY KEY, review_date TEXT NOT NULL, attendees TEXT NOT NULL DEFAULT '',"
                          " summary TEXT NOT NULL DEFAULT '', decisions TEXT NOT NULL DEFAULT '')")
        << QStringLiteral("CREATE TABLE trajectory_point ("
                          " id INTEGER PRIMARY KEY, metric_id TEXT NOT NULL, quarter TEXT NOT NULL,"
                          " planned TEXT NOT NULL)");
    sql += auditTriggers({"progress_review", "ROW.id", {"id", "review_date", "attendees", "summary", "decisions"}});
    sql += auditTriggers({"trajectory_point", "ROW.id", {"id", "metric_id", "quarter", "planned"}});
    return sql;
}

// ICB casework (framework.md §6) and evidence items behind review findings.
QStringList versionFive()
{
    QStringList sql;
    sql << QStringLiteral("CREATE TABLE system_consideration ("
                          " id INTEGER PRIMARY KEY, quarter TEXT NOT NULL, consideration_id TEXT NOT NULL,"
                          " answer TEXT NOT NULL DEFAULT '' CHECK (answer IN ('', 'yes', 'no')),"
                          " evidence TEXT NOT NULL DEFAULT '',"
                          " UNIQUE (quarter, consideration_id))")
        << QStringLiteral("CREATE TABLE statutory_assessment ("
                          " id INTEGER PRIMARY KEY, year TEXT NOT NULL, assessed_on TEXT NOT NULL DEFAULT '',"
                          " assessor TEXT NOT NULL DEFAULT '', area TEXT NOT NULL DEFAULT '',"
                          " summary TEXT NOT NULL DEFAULT '', conclusion TEXT NOT NULL DEFAULT '')")
        << QStringLiteral("CREATE TABLE finding_evidence ("
                          " id INTEGER PRIMARY KEY,"
                          " finding_id INTEGER NOT NULL REFERENCES finding(id) ON DELETE CASCADE,"
                          " title TEXT NOT NULL, source TEXT NOT NULL DEFAULT '',"
                          " evidence_date TEXT NOT NULL DEFAULT '')");
    sql += auditTriggers({"system_consideration", "ROW.id", {"id", "quarter", "consideration_id", "answer", "evidence"}});
    sql += auditTriggers({"statutory_assessment", "ROW.id", {"id", "year", "assessed_on", "assessor", "area", "summary", "conclusion"}});
    sql += auditTriggers({"finding_evidence", "ROW.id", {"id", "finding_id", "title", "source", "evidence_date"}});
    return sql;
}

// A milestone's owner (issue 13); its audit triggers record the new column.
QStringList versionEight()
{
    QStringList sql{QStringLiteral("ALTER TABLE milestone ADD COLUMN owner TEXT NOT NULL DEFAULT ''"),
                    QStringLiteral("DROP TRIGGER audit_milestone_insert"), QStringLiteral("DROP TRIGGER audit_milestone_update"),
                    QStringLiteral("DROP TRIGGER audit_milestone_delete")};
    sql += auditTriggers({"milestone", "ROW.id", {"id", "description", "due_date", "done_date", "status", "owner"}});
    return sql;
}

// Schema 9 (issue 14): one set of statements for case files and a team
// server. Every case table names its organisation (org_code, constant in a
// file: the organisation's code), editable records carry a row_version, and
// the audit triggers record the organisation too. The triggers are dropped
// before the org_code is filled in, so the upgrade itself adds no audit
// entry and every chain verifies as before; primary keys stay (a server
// keys by (org_code, id)); the upsert targets get a unique index that
// includes org_code, so an upsert says ON CONFLICT (org_code, ...) on both.
QStringList versionNine()
{
    QStringList sql;
    const QList<Audited> &audited = auditedTables();
    for (const Audited &a : audited)
        for (const char *event : {"insert", "update", "delete"})
            sql << QStringLiteral("DROP TRIGGER audit_%1_%2").arg(QLatin1String(a.table), QLatin1String(event));
    for (const QString &table : caseTables()) {
        sql << QStringLiteral("ALTER TABLE %1 ADD COLUMN org_code TEXT NOT NULL DEFAULT ''").arg(table)
            << QStringLiteral("UPDATE %1 SET org_code = coalesce((SELECT code FROM organisation), '')").arg(table);
        if (editableTables().contains(table))
            sql << QStringLiteral("ALTER TABLE %1 ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1").arg(table);
    }
    sql << QStringLiteral("CREATE UNIQUE INDEX organisation_case ON organisation (org_code)")
        << QStringLiteral("CREATE UNIQUE INDEX capability_area_case ON capability_area (org_code, year, area_id)")
        << QStringLiteral("CREATE UNIQUE INDEX capability_overall_case ON capability_overall (org_code, year)")
        << QStringLiteral("CREATE UNIQUE INDEX system_consideration_case ON system_consideration (org_code, quarter, consideration_id)");
    for (const Audited &a : audited)
        sql += auditTriggersWithOrg(a);
    return sql;
}

// A reader of a case file older than schema 9 (readers never upgrade) reads
// it through the same statements as a current one: temporary views of the
// same names (the temp schema is searched first) add org_code (the file's
// organisation), row_version (1) and a milestone's owner (''). Nothing is
// written to the file.
void readCaseFileAsCurrent(Database &db)
{
    const Dialect &dialect = db.dialect();
    for (const QString &table : caseTables()) {
        if (!dialect.tableExists(db, table) || dialect.columnExists(db, table, QStringLiteral("org_code")))
            continue;
        QStringList added{QStringLiteral("coalesce((SELECT code FROM main.organisation), '') AS org_code")};
        if (editableTables().contains(table))
            added << QStringLiteral("1 AS row_version");
        if (table == QLatin1String("milestone") && !dialect.columnExists(db, table, QStringLiteral("owner")))
            added << QStringLiteral("'' AS owner");
        db.exec(QStringLiteral("CREATE TEMP VIEW %1 AS SELECT *, %2 FROM main.%1").arg(table, added.join(QStringLiteral(", "))));
    }
}

} // namespace

// The case's tables (every one a server holds per organisation), and those a
// user edits record by record (optimistic locking: row_version).
const QStringList &caseTables()
{
    static const QStringList tables{
        QStringLiteral("organisation"), QStringLiteral("metric_value"), QStringLiteral("assessment"),
        QStringLiteral("metric_score"), QStringLiteral("domain_score"), QStringLiteral("capability_area"),
        QStringLiteral("capability_evidence"), QStringLiteral("capability_overall"), QStringLiteral("note"),
        QStringLiteral("diagnostic_review"), QStringLiteral("finding"), QStringLiteral("programme"),
        QStringLiteral("exit_criterion"), QStringLiteral("milestone"), QStringLiteral("audit_log"),
        QStringLiteral("decision"), QStringLiteral("progress_review"), QStringLiteral("trajectory_point"),
        QStringLiteral("system_consideration"), QStringLiteral("statutory_assessment"), QStringLiteral("finding_evidence")};
    return tables;
}

const QStringList &editableTables()
{
    static const QStringList tables{
        QStringLiteral("capability_area"), QStringLiteral("capability_evidence"), QStringLiteral("capability_overall"),
        QStringLiteral("note"), QStringLiteral("diagnostic_review"), QStringLiteral("finding"), QStringLiteral("programme"),
        QStringLiteral("exit_criterion"), QStringLiteral("milestone"), QStringLiteral("decision"),
        QStringLiteral("progress_review"), QStringLiteral("trajectory_point"), QStringLiteral("system_consideration"),
        QStringLiteral("statutory_assessment"), QStringLiteral("finding_evidence")};
    return tables;
}

// Every audited table with the columns its entries record as of schema 8.
// The lists stay as they are, so the JSON of every entry, and with it every
// existing hash chain, is unchanged by schema 9.
const QList<AuditedTable> &auditedTables()
{
    static const QList<AuditedTable> tables{
        {"organisation", "ROW.code", {"code", "name", "peer_type", "region"}},
        {"assessment", "ROW.quarter", {"quarter", "methodology_id", "average", "raw_segment", "deficit", "segment", "rank", "digest"}},
        {"capability_area", "ROW.year || '/' || ROW.area_id", {"year", "area_id", "self_rating", "region_rating", "notes"}},
        {"capability_overall", "ROW.year", {"year", "rating", "rationale", "decided_on"}},
        {"capability_evidence", "ROW.id", {"id", "year", "area_id", "title", "evidence_date", "source", "file_name", "file_sha256"}},
        {"note", "ROW.id", {"id", "created_at", "author", "tag_kind", "tag", "body"}},
        {"diagnostic_review", "ROW.id", {"id", "opened_quarter", "opened_reason", "team", "scope", "start_date", "due_date", "status",
                                         "capability_conclusion", "recommendation", "decision", "decision_date", "decision_maker",
                                         "decision_rationale"}},
        {"finding", "ROW.id", {"id", "review_id", "category", "description", "evidence", "severity", "domains", "metrics"}},
        {"programme", "ROW.id", {"id", "entry_quarter", "entry_date", "reason", "improvement_director", "exit_quarter", "exit_date",
                                 "transition_plan"}},
        {"exit_criterion", "ROW.id", {"id", "programme_id", "description", "measure", "target", "due_date", "status", "evidence"}},
        {"milestone", "ROW.id", {"id", "description", "due_date", "done_date", "status", "owner"}},
        {"decision", "ROW.id", {"id", "quarter", "kind", "computed_segment", "decided_segment", "rationale", "decided_by", "decided_on"}},
        {"progress_review", "ROW.id", {"id", "review_date", "attendees", "summary", "decisions"}},
        {"trajectory_point", "ROW.id", {"id", "metric_id", "quarter", "planned"}},
        {"system_consideration", "ROW.id", {"id", "quarter", "consideration_id", "answer", "evidence"}},
        {"statutory_assessment", "ROW.id", {"id", "year", "assessed_on", "assessor", "area", "summary", "conclusion"}},
        {"finding_evidence", "ROW.id", {"id", "finding_id", "title", "source", "evidence_date"}},
    };
    return tables;
}

int caseSchemaVersion(const Database &db)
{
    return db.isServer() ? caseFileSchema().currentVersion() : db.schemaVersion();
}

const Schema &caseFileSchema()
{
    static const Schema schema {
        QStringLiteral("case file"),
        0x4F574243, // "OWBC"
        {
            // Version 1: identity, metric values, and each quarter's
            // self-contained assessment (architecture: an old decision can
            // always be explained as it was made).
            {
                QStringLiteral("CREATE TABLE organisation ("
                               " id INTEGER PRIMARY KEY CHECK (id = 1),"
                               " code TEXT NOT NULL, name TEXT NOT NULL,"
                               " peer_type TEXT NOT NULL, region TEXT NOT NULL DEFAULT '')"),
                QStringLiteral("CREATE TABLE metric_value ("
                               " quarter TEXT NOT NULL, metric_id TEXT NOT NULL,"
                               " kind INTEGER NOT NULL, number REAL, label TEXT,"
                               " PRIMARY KEY (quarter, metric_id))"),
                QStringLiteral("CREATE TABLE assessment ("
                               " quarter TEXT PRIMARY KEY,"
                               " methodology_id TEXT NOT NULL, methodology_sha256 TEXT NOT NULL,"
                               " method TEXT NOT NULL, finance_cap INTEGER NOT NULL,"
                               " peer_type TEXT NOT NULL, peer_count INTEGER NOT NULL,"
                               " cut1 REAL, cut2 REAL, cut3 REAL,"
                               " average INTEGER, metrics_scored INTEGER NOT NULL,"
                               " raw_segment INTEGER, deficit INTEGER NOT NULL,"
                               " segment INTEGER, rank INTEGER,"
                               " computed_at TEXT NOT NULL, digest TEXT NOT NULL)"),
                QStringLiteral(
                    "CREATE TABLE metric_score ("
                    " quarter TEXT NOT NULL REFERENCES assessment(quarter) ON DELETE CASCADE,"
                    " position INTEGER NOT NULL, metric_id TEXT NOT NULL, domain TEXT NOT NULL,"
                    " kind INTEGER NOT NULL, number REAL, label TEXT,"
                    " score INTEGER NOT NULL, weight_num INTEGER NOT NULL, weight_den INTEGER NOT NULL,"
                    " PRIMARY KEY (quarter, metric_id))"),
                QStringLiteral("CREATE TABLE domain_score ("
                               " quarter TEXT NOT NULL REFERENCES assessment(quarter) ON DELETE CASCADE,"
                               " position INTEGER NOT NULL, domain_id TEXT NOT NULL,"
                               " score INTEGER, segment INTEGER, cut1 REAL, cut2 REAL, cut3 REAL,"
                               " PRIMARY KEY (quarter, domain_id))"),
            },
            // Version 2: capability assessments (per financial year) and notes.
            {
                QStringLiteral(
                    "CREATE TABLE capability_area ("
                    " year TEXT NOT NULL, area_id TEXT NOT NULL,"
                    " self_rating TEXT NOT NULL DEFAULT '', region_rating TEXT NOT NULL DEFAULT '',"
                    " notes TEXT NOT NULL DEFAULT '',"
                    " PRIMARY KEY (year, area_id))"),
                QStringLiteral("CREATE TABLE capability_evidence ("
                               " id INTEGER PRIMARY KEY, year TEXT NOT NULL, area_id TEXT NOT NULL,"
                               " title TEXT NOT NULL, evidence_date TEXT NOT NULL DEFAULT '',"
                               " source TEXT NOT NULL DEFAULT '',"
                               " file_name TEXT, file_data BLOB, file_sha256 TEXT)"),
                QStringLiteral("CREATE TABLE capability_overall ("
                               " year TEXT PRIMARY KEY, rating TEXT NOT NULL DEFAULT '',"
                               " rationale TEXT NOT NULL DEFAULT '', decided_on TEXT NOT NULL DEFAULT '')"),
                QStringLiteral("CREATE TABLE note ("
                               " id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, author TEXT NOT NULL,"
                               " tag_kind TEXT NOT NULL DEFAULT '', tag TEXT NOT NULL DEFAULT '',"
                               " body TEXT NOT NULL)"),
            },
            // Version 3: diagnostic reviews, the Recovery Support Programme,
            // recovery milestones, and the hash-chained audit log that every
            // change to the record feeds through triggers.
            versionThree(),
            // Version 4: each quarter's reviewed segmentation decision.
            versionFour(),
            // Version 5: ICB system considerations and statutory assessment
            // notes; evidence items on findings.
            versionFive(),
            // Version 6: quarter labels in their one spelling ("2025/26 Q1").
            {},
            // Version 7: the workspace the file belongs to (the id in its
            // peers.owdata); empty until a writer of that workspace adopts it.
            {
                QStringLiteral("CREATE TABLE membership ("
                               " id INTEGER PRIMARY KEY CHECK (id = 1), workspace_id TEXT NOT NULL)"),
            },
            // Version 8: casework's closed sets stored as the methodology's
            // ids (review stages, severities, statuses; caseworkvalues.h);
            // milestones have an owner.
            versionEight(),
            // Version 9: org_code on every case table, row_version on every
            // edited record, the audit trail naming the organisation.
            versionNine(),
        },
        { { 5, [](Database &db) { respellCaseFileQuarters(db); } }, { 7, mapCaseworkValues } },
        readCaseFileAsCurrent,
    };
    return schema;
}

const Schema &peerStoreSchema()
{
    static const Schema schema {
        QStringLiteral("workspace data file"),
        0x4F574244, // "OWBD"
        {
            // Version 1: the national values every peer comparison needs, and
            // the bookkeeping that makes an interrupted import completable.
            {
                QStringLiteral("CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
                QStringLiteral("CREATE TABLE organisation ("
                               " code TEXT PRIMARY KEY, name TEXT NOT NULL,"
                               " region TEXT NOT NULL DEFAULT '')"),
                QStringLiteral("CREATE TABLE quarter ("
                               " label TEXT PRIMARY KEY,"
                               " pending INTEGER NOT NULL DEFAULT 1)"), // 1: case files not yet updated
                QStringLiteral("CREATE TABLE org_quarter ("
                               " quarter TEXT NOT NULL REFERENCES quarter(label),"
                               " org_code TEXT NOT NULL REFERENCES organisation(code),"
                               " peer_type TEXT NOT NULL,"
                               " deficit INTEGER NOT NULL, deficit_support INTEGER NOT NULL,"
                               " PRIMARY KEY (quarter, org_code))"),
                QStringLiteral("CREATE TABLE metric_value ("
                               " quarter TEXT NOT NULL, org_code TEXT NOT NULL, metric_id TEXT NOT NULL,"
                               " kind INTEGER NOT NULL, number REAL, label TEXT,"
                               " PRIMARY KEY (quarter, org_code, metric_id),"
                               " FOREIGN KEY (quarter, org_code) REFERENCES org_quarter(quarter, org_code)"
                               "  ON DELETE CASCADE)"),
                QStringLiteral("CREATE TABLE import_log ("
                               " id INTEGER PRIMARY KEY, imported_at TEXT NOT NULL,"
                               " file TEXT NOT NULL, sha256 TEXT NOT NULL, rows INTEGER NOT NULL,"
                               " quarters_changed INTEGER NOT NULL)"),
            },
            // Version 2: quarter labels in their one spelling ("2025/26 Q1").
            {},
            // Version 3: the workspace's own id, which every case file of it
            // records, so files of two workspaces are never mixed.
            {},
            // Version 4: the register of methodologies, one in force per year
            // (store/methodologyregister).
            MethodologyRegister::schemaStep(),
        },
        { { 1, respellPeerQuarters },
            { 2,
                [](Database &db) {
                    db.exec(QStringLiteral("INSERT OR IGNORE INTO setting (key, value) VALUES ('workspace_id', ?)"),
                        { QUuid::createUuid().toString(QUuid::WithoutBraces) });
                } },
            { 3, MethodologyRegister::upgrade } },
        {}, // readAsCurrent: none
    };
    return schema;
}

} // namespace owb
