#pragma once
// The schema of a team workspace on a PostgreSQL server: one database per
// team workspace, in three parts (PostgreSQL schemas):
// - `owb`: the schema version and the workspace's identity;
// - `national`: the national data every peer comparison needs, the import
//   bookkeeping and the methodology register: peers.owdata's tables;
// - `cases`: every organisation's case in shared tables keyed by org_code
//   (the distribution column a sharded PostgreSQL such as Citus would use):
//   a case file's tables, the organisation code leading every key.
// Statements written for a case file or peers.owdata run unchanged on the
// part of the same name (the connection's search path names it).

#include "schema.h"

namespace owb {

class Database;

enum class ServerArea { National, Cases };

QString serverAreaName(ServerArea area);  // "national", "cases"

// The cumulative, transactional ladder of the server's schema (version in
// owb.schema_version). Step 1 creates all three parts and the group roles;
// step 2 makes the audit trail's "who" the server's (serverschemawho.h);
// step 3 makes the server refuse an audit entry that records no change, a
// date written otherwise than the workbench writes it and an impossible
// decision (serverschemarules.h).
const Schema &teamWorkspaceSchema();

// The group roles a team workspace uses, named after its database:
// <db>_reader (reads everything), <db>_editor (also edits casework),
// <db>_importer (also imports national data and assessments). People's own
// login roles are granted one of them.
struct TeamRoles
{
    QString reader, editor, importer;
};
TeamRoles teamRoles(const QString &database);

// On a team workspace's connection, inside the caller's transaction: creates
// the group roles of its database that the server lacks (a workspace copied,
// renamed or restored from a dump under another name has none) and grants
// each what it may do on the workspace's tables, and validates the server's
// rules no stored row breaks any more (serverschemarules.h). Idempotent; returns the
// roles it created. Needs CREATEROLE and the workspace's tables' owner.
QStringList grantTeamRoles(Database &db);

} // namespace owb
