#pragma once
// The schemas of the workspace's two kinds of file. Each is owned here and
// only here; later versions append steps, never edit earlier ones.

#include "schema.h"

namespace owb {

const Schema &caseFileSchema();   // <ODS code>.owcase
const Schema &peerStoreSchema();  // peers.owdata

// The case file's per-case tables (each with an org_code since schema 9),
// and those whose records a user edits (each with a row_version).
const QStringList &caseTables();
const QStringList &editableTables();

} // namespace owb
