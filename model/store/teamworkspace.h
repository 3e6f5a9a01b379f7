#pragma once
// A team workspace on a PostgreSQL server (serverschema.h): setting one up
// and what it is. The case and national data themselves are read and
// written by the same classes as a folder workspace's files.

#include "database.h"
#include "integritycheck.h"
#include "serveraddress.h"

namespace owb {

struct TeamWorkspaceInfo
{
    int schemaVersion = 0;
    QString workspaceId;
    QString sessionUser;  // who the audit trail records for this connection
    TeamRoles roles;
    int organisations = 0;
};

// Creates the schema and the group roles in an empty database (as its
// owner); refuses a database that is a team workspace already or holds
// another application's tables.
TeamWorkspaceInfo initTeamWorkspace(const ServerAddress &server, const QString &password);

// `owb team roles`: gives a team workspace the group roles of its own
// database's name, and their grants, where they are missing (a database
// copied with CREATE DATABASE ... TEMPLATE, renamed, or restored from
// pg_dump under another name). Idempotent, one transaction. Refused, with
// nothing changed, where the database is not a team workspace or the
// connecting account may not create roles or does not own the workspace.
struct TeamRolesReport
{
    TeamRoles roles;
    QStringList created;  // the roles that were missing
};
TeamRolesReport restoreTeamRoles(const ServerAddress &server, const QString &password);

// `owb check` of a team workspace: its schema (a newer one is refused on
// opening), every case's audit chain, and records that name no case. Read
// in one snapshot, so writers at work are seen before or after, never half.
CheckReport checkTeamWorkspace(const ServerAddress &server, const QString &password);

// What a team workspace is, read-only.
TeamWorkspaceInfo teamWorkspaceInfo(const ServerAddress &server, const QString &password);

} // namespace owb
