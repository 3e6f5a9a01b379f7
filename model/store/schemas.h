#pragma once
// The schemas of the workspace's two kinds of file. Each is owned here and
// only here; later versions append steps, never edit earlier ones.

#include "schema.h"

namespace owb {

const Schema &caseFileSchema();   // <ODS code>.owcase
// The case-file schema whose tables the statements on cases meet in `db`: a
// case file's own version; on a server (whose own ladder is numbered apart)
// the current one, since its cases part holds every case table as the
// current case file has it. What casework code asks before reading a table
// that older case files lack.
int caseSchemaVersion(const Database &db);
const Schema &peerStoreSchema();  // peers.owdata

// The case file's per-case tables (each with an org_code since schema 9),
// and those whose records a user edits (each with a row_version).
const QStringList &caseTables();
const QStringList &editableTables();

// A case table whose changes the audit trail records: the row's key (an SQL
// expression over ROW., for NEW or OLD) and the columns an entry shows.
struct AuditedTable
{
    const char *table;
    const char *key;
    QList<const char *> columns;
};
// Every audited table as the current schema records it, for the case file's
// triggers and the team server's alike (an entry reads the same on both).
const QList<AuditedTable> &auditedTables();

} // namespace owb
