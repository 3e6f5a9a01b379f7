#pragma once
// The schema step (case file version 8) that brings the free text earlier
// versions stored in casework's closed sets to the ids of the built-in
// methodology's sets (caseworkchoices.h): "Open" or "open" review status to
// the first stage, "closed" to the last, "HIGH" severity to "high", a
// capability conclusion written as "Limited confidence" to "limited". A value
// that matches nothing is kept as it was, and shown as not in the list.
// Runs inside the upgrade's transaction; the changes enter the audit trail,
// sealed as the current user's.

namespace owb {

class Database;

void mapCaseworkValues(Database &db);

} // namespace owb
