#pragma once
// The step of the team workspace's ladder (version 3, serverschema.h) after
// which the server itself refuses what `owb check` would otherwise only find
// later, whoever writes and however (the workbench, psql, another program):
// - an audit entry that records no change: entries are written only by the
//   case tables' audit triggers, whose functions run as the workspace's
//   owner (SECURITY DEFINER; EXECUTE revoked from everyone, so that nobody
//   attaches them to a table of their own), and an entry inserted by anyone
//   else (an editor at psql) is refused in words. So every entry is the
//   change its trigger saw, to the record it names, in the same statement;
// - a date or a note's time not written as the workbench writes it (a date
//   YYYY-MM-DD or empty; a time YYYY-MM-DDTHH:MM:SSZ, in UTC);
// - a quarterly decision no workbench could record (decisionProblems in
//   casework.h: its kind, its segment, a confirmation's segment, no
//   computed segment, a correction without its reason, a quarter not
//   written as one);
// - a second decision for a quarter, and a decision whose computed segment
//   is not the stored assessment's (CaseworkStore::computedSegmentProblem):
//   a trigger under the case's lock, which leaves rows stored before it as
//   they are (owb check names them). A decision in a quarter of the
//   programme is not refused: the workbench records one before the entry
//   into that quarter, and the programme decides the segment whatever it
//   says.
// Rows stored before the step are neither rewritten nor allowed to stop the
// upgrade: each rule is added NOT VALID (it holds for every row written from
// then on) and validated at once where no row breaks it; owb check names
// the rows that break a rule left unvalidated (serverRuleProblems), and
// owb team roles validates a rule once its rows are put right.

#include "casescope.h"

#include <QList>
#include <QString>
#include <utility>

namespace owb {

class Database;

// Applies the step, inside the ladder's transaction. Refused, in plain
// words, unless the connection owns the workspace's tables.
void makeServerRefuseWhatCheckFinds(Database &db);

// Validates each of the step's rules that no stored row breaks any more
// (the tables' owner's to do; for grantTeamRoles). Nothing before the step.
void validateServerRules(Database &db);

// The rows that break a date or time rule the server has not validated
// (stored before the step): (organisation code, the problem in words naming
// the record, its table and column and what the value should be). The
// decision rules' rows are named by storedListProblems, as in a file.
QList<std::pair<QString, QString>> serverRuleProblems(Database &db);

// The same date and time rules over one case's stored rows, wherever they
// are (a case file: owb check names them, so that a folder owb team push
// would be refused for them says which records first): one line each,
// naming the record, its table and column and what the value should be.
QStringList storedDateProblems(const CaseScope &scope);

// What the server's refusal of a row that breaks one of these rules (a
// check violation's message, naming its constraint) means, in plain words;
// empty for another constraint.
QString serverRuleRefusal(const QString &serverText);

} // namespace owb
