#pragma once
// The step of the team workspace's ladder that makes the audit trail's "who"
// the server's to say (serverschema.h): the person a change is recorded
// against is the connection's session user, whatever the client sends.
// - Every audit entry's actor is set by a BEFORE INSERT trigger to
//   session_user, and arrives unsealed (no hash).
// - Editors may add audit entries (their changes' triggers do) but never
//   change or remove one: an entry is sealed through cases.audit_seal, a
//   SECURITY DEFINER function owned by the workspace's owner that sets the
//   hash of an unsealed entry of the caller's own, once.
// - The other "who" columns written on the server (a note's author, a
//   decision's decided_by, a methodology file's added_by, the register log's
//   actor) are the session user on insert and keep their value on update.
// The owner's `owb team push` copies history with other people's names: it
// disables the tables' triggers inside its own transaction (ALTER TABLE,
// the tables' owner's alone), so these keep what it copies.

#include <QString>

namespace owb {

class Database;

// Applies the step, inside the ladder's transaction. Refused, in plain
// words, unless the connection owns the workspace's tables (only the owner
// may make a SECURITY DEFINER function and change the grants).
void makeAuditWhoTheServers(Database &db);

// Refuses, in plain words naming `upgrade` and the tables' owners, unless
// the connection owns (or may act as the owner of) every table of the
// workspace: the ladder's steps that change functions, triggers, grants or
// constraints are the owner's to make. Changes nothing.
void refuseUnlessOwner(Database &db, const QString &upgrade);

// For grantTeamRoles: the grants of this step for `editor` (quoted): no
// change to audit entries, the seal to call. Idempotent; nothing before the
// step.
void grantAuditWho(Database &db, const QString &editor);

} // namespace owb
