#include "schemas.h"

namespace owb {

const Schema &caseFileSchema()
{
    static const Schema schema{
        QStringLiteral("case file"),
        0x4F574243,  // "OWBC"
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
                QStringLiteral("CREATE TABLE metric_score ("
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
                QStringLiteral("CREATE TABLE capability_area ("
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
        },
    };
    return schema;
}

const Schema &peerStoreSchema()
{
    static const Schema schema{
        QStringLiteral("workspace data file"),
        0x4F574244,  // "OWBD"
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
                               " pending INTEGER NOT NULL DEFAULT 1)"),  // 1: case files not yet updated
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
        },
    };
    return schema;
}

} // namespace owb
