#include "serverschema.h"

#include "database.h"
#include "schemas.h"
#include "serverschemarules.h"
#include "serverschemawho.h"

#include <QUuid>

namespace owb {

namespace {

// The row as SQLite's json_object writes it in a case file: compact, in
// column order, so that an entry reads the same wherever it was made.
QString rowJson(const AuditedTable &a, const QString &row)
{
    QStringList pairs;
    for (const char *column : a.columns)
        pairs.append(QStringLiteral("'\"%1\":' || coalesce(to_json(%2.%1)::text, 'null')").arg(QString::fromLatin1(column), row));
    return QStringLiteral("'{' || %1 || '}'").arg(pairs.join(QStringLiteral(" || ',' || ")));
}

// One trigger function per table, as the case file has three triggers per
// table: an entry without actor and hash, numbered within its case (the
// writer holds the case's lock), sealed by the writer before it commits.
QStringList auditTrigger(const AuditedTable &a)
{
    const QString table = QString::fromLatin1(a.table);
    const QString key = QString::fromLatin1(a.key);
    const QString entry = QStringLiteral(
        "INSERT INTO cases.audit_log (org_code, seq, at, table_name, row_key, action, before, after)"
        " VALUES (%1.org_code,"
        " (SELECT coalesce(max(seq), 0) + 1 FROM cases.audit_log WHERE org_code = %1.org_code),"
        " %7, '%2', (%3)::text, '%4', %5, %6);")
                              .replace(QStringLiteral("%7"), postgresDialect().nowText());
    const QString body
        = QStringLiteral("IF TG_OP = 'INSERT' THEN %1 RETURN NEW;"
                         " ELSIF TG_OP = 'UPDATE' THEN %2 RETURN NEW;"
                         " ELSE %3 RETURN OLD; END IF;")
              .arg(entry.arg(QStringLiteral("NEW"), table, QString(key).replace(QStringLiteral("ROW."), QStringLiteral("NEW.")),
                             QStringLiteral("insert"), QStringLiteral("NULL"), rowJson(a, QStringLiteral("NEW"))),
                   entry.arg(QStringLiteral("NEW"), table, QString(key).replace(QStringLiteral("ROW."), QStringLiteral("NEW.")),
                             QStringLiteral("update"), rowJson(a, QStringLiteral("OLD")), rowJson(a, QStringLiteral("NEW"))),
                   entry.arg(QStringLiteral("OLD"), table, QString(key).replace(QStringLiteral("ROW."), QStringLiteral("OLD.")),
                             QStringLiteral("delete"), rowJson(a, QStringLiteral("OLD")), QStringLiteral("NULL")));
    return {QStringLiteral("CREATE FUNCTION cases.audit_%1() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN %2 END $body$")
                .arg(table, body),
            QStringLiteral("CREATE TRIGGER audit_%1 AFTER INSERT OR UPDATE OR DELETE ON cases.%1"
                           " FOR EACH ROW EXECUTE FUNCTION cases.audit_%1()")
                .arg(table)};
}

QStringList versionOne()
{
    QStringList sql{
        QStringLiteral("CREATE SCHEMA owb"),
        QStringLiteral("CREATE SCHEMA national"),
        QStringLiteral("CREATE SCHEMA cases"),
        QStringLiteral("CREATE TABLE owb.schema_version ("
                       " id integer PRIMARY KEY CHECK (id = 1), application_id integer NOT NULL,"
                       " version integer NOT NULL)"),

        // national: peers.owdata's tables, as they are in the file.
        QStringLiteral("CREATE TABLE national.setting (key text PRIMARY KEY, value text NOT NULL)"),
        QStringLiteral("CREATE TABLE national.organisation ("
                       " code text PRIMARY KEY, name text NOT NULL, region text NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE TABLE national.quarter (label text PRIMARY KEY, pending integer NOT NULL DEFAULT 1)"),
        QStringLiteral("CREATE TABLE national.org_quarter ("
                       " quarter text NOT NULL REFERENCES national.quarter(label),"
                       " org_code text NOT NULL REFERENCES national.organisation(code),"
                       " peer_type text NOT NULL, deficit integer NOT NULL, deficit_support integer NOT NULL,"
                       " PRIMARY KEY (quarter, org_code))"),
        QStringLiteral("CREATE TABLE national.metric_value ("
                       " quarter text NOT NULL, org_code text NOT NULL, metric_id text NOT NULL,"
                       " kind integer NOT NULL, number double precision, label text,"
                       " PRIMARY KEY (quarter, org_code, metric_id),"
                       " FOREIGN KEY (quarter, org_code) REFERENCES national.org_quarter(quarter, org_code)"
                       "  ON DELETE CASCADE)"),
        QStringLiteral("CREATE TABLE national.import_log ("
                       " id integer PRIMARY KEY, imported_at text NOT NULL, file text NOT NULL, sha256 text NOT NULL,"
                       " rows integer NOT NULL, quarters_changed integer NOT NULL)"),
        QStringLiteral("CREATE TABLE national.methodology_file ("
                       " id integer PRIMARY KEY, methodology_id text NOT NULL, title text NOT NULL, years text NOT NULL,"
                       " sha256 text NOT NULL UNIQUE, source text NOT NULL, added_by text NOT NULL,"
                       " added_at text NOT NULL)"),
        QStringLiteral("CREATE TABLE national.methodology_year ("
                       " year text PRIMARY KEY, file integer NOT NULL REFERENCES national.methodology_file(id),"
                       " basis text NOT NULL CHECK (basis IN ('declared', 'back-cast', 'assessed')),"
                       " since text NOT NULL)"),
        QStringLiteral("CREATE TABLE national.methodology_log ("
                       " id integer PRIMARY KEY, at text NOT NULL, actor text NOT NULL, year text NOT NULL,"
                       " file integer NOT NULL REFERENCES national.methodology_file(id),"
                       " replaced integer REFERENCES national.methodology_file(id), basis text NOT NULL)"),

        // cases: a case file's tables, keyed by organisation.
        QStringLiteral("CREATE TABLE cases.organisation ("
                       " org_code text PRIMARY KEY, id integer NOT NULL DEFAULT 1,"
                       " code text NOT NULL CHECK (code = org_code), name text NOT NULL,"
                       " peer_type text NOT NULL, region text NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE TABLE cases.metric_value ("
                       " org_code text NOT NULL, quarter text NOT NULL, metric_id text NOT NULL,"
                       " kind integer NOT NULL, number double precision, label text,"
                       " PRIMARY KEY (org_code, quarter, metric_id))"),
        QStringLiteral("CREATE TABLE cases.assessment ("
                       " org_code text NOT NULL, quarter text NOT NULL,"
                       " methodology_id text NOT NULL, methodology_sha256 text NOT NULL,"
                       " method text NOT NULL, finance_cap integer NOT NULL,"
                       " peer_type text NOT NULL, peer_count integer NOT NULL,"
                       " cut1 double precision, cut2 double precision, cut3 double precision,"
                       " average integer, metrics_scored integer NOT NULL,"
                       " raw_segment integer, deficit integer NOT NULL, segment integer, rank integer,"
                       " computed_at text NOT NULL, digest text NOT NULL,"
                       " PRIMARY KEY (org_code, quarter))"),
        QStringLiteral("CREATE TABLE cases.metric_score ("
                       " org_code text NOT NULL, quarter text NOT NULL,"
                       " position integer NOT NULL, metric_id text NOT NULL, domain text NOT NULL,"
                       " kind integer NOT NULL, number double precision, label text,"
                       " score integer NOT NULL, weight_num integer NOT NULL, weight_den integer NOT NULL,"
                       " PRIMARY KEY (org_code, quarter, metric_id),"
                       " FOREIGN KEY (org_code, quarter) REFERENCES cases.assessment ON DELETE CASCADE)"),
        QStringLiteral("CREATE TABLE cases.domain_score ("
                       " org_code text NOT NULL, quarter text NOT NULL,"
                       " position integer NOT NULL, domain_id text NOT NULL,"
                       " score integer, segment integer,"
                       " cut1 double precision, cut2 double precision, cut3 double precision,"
                       " PRIMARY KEY (org_code, quarter, domain_id),"
                       " FOREIGN KEY (org_code, quarter) REFERENCES cases.assessment ON DELETE CASCADE)"),
        QStringLiteral("CREATE TABLE cases.capability_area ("
                       " org_code text NOT NULL, year text NOT NULL, area_id text NOT NULL,"
                       " self_rating text NOT NULL DEFAULT '', region_rating text NOT NULL DEFAULT '',"
                       " notes text NOT NULL DEFAULT '', row_version integer NOT NULL DEFAULT 1,"
                       " PRIMARY KEY (org_code, year, area_id))"),
        QStringLiteral("CREATE TABLE cases.capability_evidence ("
                       " org_code text NOT NULL, id integer NOT NULL, year text NOT NULL, area_id text NOT NULL,"
                       " title text NOT NULL, evidence_date text NOT NULL DEFAULT '', source text NOT NULL DEFAULT '',"
                       " file_name text, file_data bytea, file_sha256 text, row_version integer NOT NULL DEFAULT 1,"
                       " PRIMARY KEY (org_code, id))"),
        QStringLiteral("CREATE TABLE cases.capability_overall ("
                       " org_code text NOT NULL, year text NOT NULL, rating text NOT NULL DEFAULT '',"
                       " rationale text NOT NULL DEFAULT '', decided_on text NOT NULL DEFAULT '',"
                       " row_version integer NOT NULL DEFAULT 1, PRIMARY KEY (org_code, year))"),
        QStringLiteral("CREATE TABLE cases.note ("
                       " org_code text NOT NULL, id integer NOT NULL, created_at text NOT NULL, author text NOT NULL,"
                       " tag_kind text NOT NULL DEFAULT '', tag text NOT NULL DEFAULT '', body text NOT NULL,"
                       " row_version integer NOT NULL DEFAULT 1, PRIMARY KEY (org_code, id))"),
        QStringLiteral("CREATE TABLE cases.diagnostic_review ("
                       " org_code text NOT NULL, id integer NOT NULL, opened_quarter text NOT NULL,"
                       " opened_reason text NOT NULL DEFAULT '', team text NOT NULL DEFAULT '',"
                       " scope text NOT NULL DEFAULT '', start_date text NOT NULL DEFAULT '',"
                       " due_date text NOT NULL DEFAULT '', status text NOT NULL DEFAULT 'open',"
                       " capability_conclusion text NOT NULL DEFAULT '', recommendation text NOT NULL DEFAULT '',"
                       " decision text NOT NULL DEFAULT '', decision_date text NOT NULL DEFAULT '',"
                       " decision_maker text NOT NULL DEFAULT '', decision_rationale text NOT NULL DEFAULT '',"
                       " row_version integer NOT NULL DEFAULT 1, PRIMARY KEY (org_code, id))"),
        QStringLiteral("CREATE TABLE cases.finding ("
                       " org_code text NOT NULL, id integer NOT NULL, review_id integer NOT NULL,"
                       " category text NOT NULL, description text NOT NULL, evidence text NOT NULL DEFAULT '',"
                       " severity text NOT NULL DEFAULT '', domains text NOT NULL DEFAULT '',"
                       " metrics text NOT NULL DEFAULT '', row_version integer NOT NULL DEFAULT 1,"
                       " PRIMARY KEY (org_code, id),"
                       " FOREIGN KEY (org_code, review_id) REFERENCES cases.diagnostic_review ON DELETE CASCADE)"),
        QStringLiteral("CREATE TABLE cases.finding_evidence ("
                       " org_code text NOT NULL, id integer NOT NULL, finding_id integer NOT NULL,"
                       " title text NOT NULL, source text NOT NULL DEFAULT '', evidence_date text NOT NULL DEFAULT '',"
                       " row_version integer NOT NULL DEFAULT 1, PRIMARY KEY (org_code, id),"
                       " FOREIGN KEY (org_code, finding_id) REFERENCES cases.finding ON DELETE CASCADE)"),
        QStringLiteral("CREATE TABLE cases.programme ("
                       " org_code text NOT NULL, id integer NOT NULL, entry_quarter text NOT NULL,"
                       " entry_date text NOT NULL, reason text NOT NULL DEFAULT '',"
                       " improvement_director text NOT NULL DEFAULT '', exit_quarter text NOT NULL DEFAULT '',"
                       " exit_date text NOT NULL DEFAULT '', transition_plan text NOT NULL DEFAULT '',"
                       " row_version integer NOT NULL DEFAULT 1, PRIMARY KEY (org_code, id))"),
        QStringLiteral("CREATE TABLE cases.exit_criterion ("
                       " org_code text NOT NULL, id integer NOT NULL, programme_id integer NOT NULL,"
                       " description text NOT NULL, measure text NOT NULL DEFAULT '', target text NOT NULL DEFAULT '',"
                       " due_date text NOT NULL DEFAULT '', status text NOT NULL DEFAULT 'not met',"
                       " evidence text NOT NULL DEFAULT '', row_version integer NOT NULL DEFAULT 1,"
                       " PRIMARY KEY (org_code, id),"
                       " FOREIGN KEY (org_code, programme_id) REFERENCES cases.programme ON DELETE CASCADE)"),
        QStringLiteral("CREATE TABLE cases.milestone ("
                       " org_code text NOT NULL, id integer NOT NULL, description text NOT NULL,"
                       " due_date text NOT NULL, done_date text NOT NULL DEFAULT '', status text NOT NULL DEFAULT 'open',"
                       " owner text NOT NULL DEFAULT '', row_version integer NOT NULL DEFAULT 1,"
                       " PRIMARY KEY (org_code, id))"),
        QStringLiteral("CREATE TABLE cases.decision ("
                       " org_code text NOT NULL, id integer NOT NULL, quarter text NOT NULL, kind text NOT NULL,"
                       " computed_segment integer, decided_segment integer NOT NULL,"
                       " rationale text NOT NULL DEFAULT '', decided_by text NOT NULL DEFAULT '',"
                       " decided_on text NOT NULL DEFAULT '', row_version integer NOT NULL DEFAULT 1,"
                       " PRIMARY KEY (org_code, id))"),
        QStringLiteral("CREATE TABLE cases.progress_review ("
                       " org_code text NOT NULL, id integer NOT NULL, review_date text NOT NULL,"
                       " attendees text NOT NULL DEFAULT '', summary text NOT NULL DEFAULT '',"
                       " decisions text NOT NULL DEFAULT '', row_version integer NOT NULL DEFAULT 1,"
                       " PRIMARY KEY (org_code, id))"),
        QStringLiteral("CREATE TABLE cases.trajectory_point ("
                       " org_code text NOT NULL, id integer NOT NULL, metric_id text NOT NULL, quarter text NOT NULL,"
                       " planned text NOT NULL, row_version integer NOT NULL DEFAULT 1, PRIMARY KEY (org_code, id))"),
        QStringLiteral("CREATE TABLE cases.system_consideration ("
                       " org_code text NOT NULL, id integer NOT NULL, quarter text NOT NULL,"
                       " consideration_id text NOT NULL,"
                       " answer text NOT NULL DEFAULT '' CHECK (answer IN ('', 'yes', 'no')),"
                       " evidence text NOT NULL DEFAULT '', row_version integer NOT NULL DEFAULT 1,"
                       " PRIMARY KEY (org_code, id), UNIQUE (org_code, quarter, consideration_id))"),
        QStringLiteral("CREATE TABLE cases.statutory_assessment ("
                       " org_code text NOT NULL, id integer NOT NULL, year text NOT NULL,"
                       " assessed_on text NOT NULL DEFAULT '', assessor text NOT NULL DEFAULT '',"
                       " area text NOT NULL DEFAULT '', summary text NOT NULL DEFAULT '',"
                       " conclusion text NOT NULL DEFAULT '', row_version integer NOT NULL DEFAULT 1,"
                       " PRIMARY KEY (org_code, id))"),
        // The audit trail: one chain per case, numbered within it; the
        // key is the backstop that makes a race fail rather than fork.
        QStringLiteral("CREATE TABLE cases.audit_log ("
                       " org_code text NOT NULL, seq integer NOT NULL, at text NOT NULL,"
                       " actor text DEFAULT session_user, table_name text NOT NULL, row_key text NOT NULL,"
                       " action text NOT NULL, before text, after text, hash text,"
                       " PRIMARY KEY (org_code, seq))"),
    };
    for (const AuditedTable &a : auditedTables())
        sql += auditTrigger(a);
    return sql;
}

// The workspace's own id (as peers.owdata's: case files exported from it
// record it), then the group roles.
void initialise(Database &db)
{
    db.exec(QStringLiteral("INSERT INTO national.setting (key, value) VALUES ('workspace_id', ?)"),
            {QUuid::createUuid().toString(QUuid::WithoutBraces)});
    grantTeamRoles(db);
}

} // namespace

QStringList grantTeamRoles(Database &db)
{
    const QString database = db.scalar(QStringLiteral("SELECT current_database()")).toString();
    const TeamRoles roles = teamRoles(database);
    auto ident = [&db](const QString &name) { return db.scalar(QStringLiteral("SELECT quote_ident(?)"), {name}).toString(); };
    QStringList created;
    for (const QString &role : {roles.reader, roles.editor, roles.importer}) {
        if (db.scalar(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ?"), {role}).toInt() == 0) {
            db.exec(QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(ident(role)));
            created.append(role);
        }
    }
    const QString reader = ident(roles.reader), editor = ident(roles.editor), importer = ident(roles.importer);
    db.exec(QStringLiteral("GRANT %1 TO %2").arg(reader, editor));
    db.exec(QStringLiteral("GRANT %1 TO %2").arg(editor, importer));
    for (const char *schema : {"owb", "national", "cases"})
        db.exec(QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(QLatin1String(schema), reader));
    for (const char *schema : {"owb", "national", "cases"})
        db.exec(QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA %1 TO %2").arg(QLatin1String(schema), reader));
    // Editors change casework: every case table but the national values and
    // assessments an import writes; the audit trail only grows.
    db.exec(QStringLiteral("GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA cases TO %1").arg(editor));
    for (const char *table : {"organisation", "metric_value", "assessment", "metric_score", "domain_score"})
        db.exec(QStringLiteral("REVOKE INSERT, UPDATE, DELETE ON cases.%1 FROM %2").arg(QLatin1String(table), editor));
    // An entry is never changed or removed by an editor; the writer seals it
    // through the owner's function (serverschemawho.h).
    grantAuditWho(db, editor);
    // A rule added over rows that broke it holds once they are put right.
    validateServerRules(db);
    // Importers write national data, the register and assessments.
    db.exec(QStringLiteral("GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA national TO %1").arg(importer));
    for (const char *table : {"organisation", "metric_value", "assessment", "metric_score", "domain_score"})
        db.exec(QStringLiteral("GRANT INSERT, UPDATE, DELETE ON cases.%1 TO %2").arg(QLatin1String(table), importer));
    return created;
}

QString serverAreaName(ServerArea area)
{
    return area == ServerArea::National ? QStringLiteral("national") : QStringLiteral("cases");
}

TeamRoles teamRoles(const QString &database)
{
    return {database + QStringLiteral("_reader"), database + QStringLiteral("_editor"),
            database + QStringLiteral("_importer")};
}

const Schema &teamWorkspaceSchema()
{
    static const Schema schema{
        QStringLiteral("team workspace"),
        0x4F574254, // "OWBT"
        {versionOne(), {}, {}},
        {{0, initialise}, {1, makeAuditWhoTheServers}, {2, makeServerRefuseWhatCheckFinds}},
    };
    return schema;
}

} // namespace owb
