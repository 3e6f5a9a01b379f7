#pragma once
// The schemas of the workspace's two kinds of file. Each is owned here and
// only here; later versions append steps, never edit earlier ones.

#include "schema.h"

namespace owb {

const Schema &caseFileSchema();   // <ODS code>.owcase
const Schema &peerStoreSchema();  // peers.owdata

} // namespace owb
