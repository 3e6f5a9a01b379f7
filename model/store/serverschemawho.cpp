#include "serverschemawho.h"

#include "database.h"

namespace owb {

namespace {

// The seal's signature, as GRANT and REVOKE name it.
constexpr const char *kSeal = "cases.audit_seal(text, integer, text)";

// The "who" columns the clients wrote until now, by table.
constexpr const char *kWhoColumns[][2] = {
    { "cases.note", "author" },
    { "cases.decision", "decided_by" },
    { "national.methodology_file", "added_by" },
    { "national.methodology_log", "actor" },
};

QStringList statements()
{
    QStringList sql {
        // An entry's author is the connection's session user (which SET ROLE
        // and SECURITY DEFINER leave as it is), and a new entry is unsealed.
        QStringLiteral("CREATE FUNCTION cases.audit_entry_who() RETURNS trigger LANGUAGE plpgsql AS $body$"
                       " BEGIN NEW.actor := session_user; NEW.hash := NULL; RETURN NEW; END $body$"),
        QStringLiteral("CREATE TRIGGER audit_entry_who BEFORE INSERT ON cases.audit_log"
                       " FOR EACH ROW EXECUTE FUNCTION cases.audit_entry_who()"),
        // The one change an entry takes after it is written: its hash, once,
        // by the person who made it (the writer seals before it commits).
        QStringLiteral("CREATE FUNCTION %1 RETURNS void LANGUAGE plpgsql SECURITY DEFINER"
                       " SET search_path = pg_catalog, pg_temp AS $body$"
                       " BEGIN"
                       "  UPDATE cases.audit_log SET hash = $3"
                       "   WHERE org_code = $1 AND seq = $2 AND hash IS NULL AND actor = session_user;"
                       "  IF NOT FOUND THEN"
                       "   RAISE EXCEPTION 'audit log entry % of case % is not an unsealed entry of %', $2, "
                       "$1, session_user;"
                       "  END IF;"
                       " END $body$")
            .arg(QString::fromLatin1(kSeal).replace(QStringLiteral("(text, integer, text)"),
                QStringLiteral("(p_org text, p_seq integer, p_hash text)"))),
        QStringLiteral("REVOKE ALL ON FUNCTION %1 FROM PUBLIC").arg(QLatin1String(kSeal)),
        // A record's writer: named by the server on insert, kept on update.
        // A record put back exactly as it was last removed (an undo of its
        // removal, or of the decision that replaced it) keeps its writer:
        // the audit trail's entry for that removal holds it, and ids are never
        // given twice, so nothing new can pass for it.
        QStringLiteral(
            "CREATE FUNCTION owb.writer_is_session_user() RETURNS trigger LANGUAGE plpgsql AS $body$"
            " DECLARE removed jsonb;"
            " BEGIN"
            "  IF TG_OP = 'INSERT' THEN"
            "   SELECT before::jsonb INTO removed FROM cases.audit_log"
            "    WHERE org_code = to_jsonb(NEW) ->> 'org_code' AND table_name = TG_TABLE_NAME"
            "      AND row_key = to_jsonb(NEW) ->> 'id' AND action = 'delete'"
            "    ORDER BY seq DESC LIMIT 1;"
            "   IF removed IS NULL OR NOT to_jsonb(NEW) @> removed THEN"
            "    NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], session_user));"
            "   END IF;"
            "  ELSE"
            "   NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], to_jsonb(OLD) -> "
            "TG_ARGV[0]));"
            "  END IF;"
            "  RETURN NEW;"
            " END $body$"),
    };
    for (const auto &who : kWhoColumns) {
        const QString table = QString::fromLatin1(who[0]);
        sql.append(QStringLiteral("CREATE TRIGGER %1_who BEFORE INSERT OR UPDATE ON %2"
                                  " FOR EACH ROW EXECUTE FUNCTION owb.writer_is_session_user('%3')")
                       .arg(table.section(QLatin1Char('.'), 1), table, QLatin1String(who[1])));
    }
    return sql;
}

} // namespace

void grantAuditWho(Database &db, const QString &editor)
{
    if (db.scalar(QStringLiteral("SELECT to_regprocedure(?) IS NOT NULL"), { QString::fromLatin1(kSeal) })
            .toBool()) {
        db.exec(QStringLiteral("REVOKE ALL ON FUNCTION %1 FROM PUBLIC").arg(QLatin1String(kSeal)));
        db.exec(QStringLiteral("GRANT EXECUTE ON FUNCTION %1 TO %2").arg(QLatin1String(kSeal), editor));
    }
    // Table-wide: a column's UPDATE (actor, hash, as before this step) goes too.
    db.exec(QStringLiteral("REVOKE UPDATE, DELETE, TRUNCATE ON cases.audit_log FROM %1").arg(editor));
}

void refuseUnlessOwner(Database &db, const QString &upgrade)
{
    const QString owners
        = db.scalar(QStringLiteral("SELECT string_agg(DISTINCT pg_get_userbyid(c.relowner), ', ')"
                                   " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                                   " WHERE n.nspname IN ('national', 'cases') AND c.relkind = 'r'"
                                   " AND NOT pg_has_role(current_user, c.relowner, 'USAGE')"))
              .toString();
    if (!owners.isEmpty())
        throw StoreError(
            QStringLiteral("%1: the team workspace needs an upgrade (%2) that only the owner of its tables (%3) can "
                           "make: ask them to run owb team roles with this address once; nothing was changed")
                .arg(db.path(), upgrade, owners));
}

void makeAuditWhoTheServers(Database &db)
{
    refuseUnlessOwner(db, QStringLiteral("the audit trail's authors set by the server"));
    for (const QString &sql : statements())
        db.exec(sql);
    const QString database = db.scalar(QStringLiteral("SELECT current_database()")).toString();
    const QString editor = teamRoles(database).editor;
    if (db.scalar(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ?"), { editor }).toInt() > 0)
        grantAuditWho(db, db.scalar(QStringLiteral("SELECT quote_ident(?)"), { editor }).toString());
}

} // namespace owb
