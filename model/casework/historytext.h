#pragma once
// What an entry of a case's audit trail changed, in the words and formats the
// forms and tables show (the History tab reads it): a planned value in its
// metric's format ("3.00%"), scores from hundredths, dates and times in the
// one format, and ids (peer types, metrics, domains, ratings, areas, closed
// sets, system considerations) by the methodology's names. Columns kept for
// integrity (hashes, digests, record ids) are left out.

#include "store/methodologyregister.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <functional>

namespace owb {

class Methodology;
struct AuditEntry;
class CaseworkStore;
class NationalCache;

// A stored value of `column` in a row of `table` as people read it; `row` is
// the whole row (a planned value needs its metric).
QString historyValueText(const Methodology &methodology, const QString &table, const QString &column,
    const QJsonValue &value, const QJsonObject &row = {});
// The record an entry is about: "milestone 3", "capability area 2025/26
// Quality of care" (an area by its name, not its id).
QString historyRecordText(const Methodology &methodology, const QString &table, const QString &rowKey);
// "decided segment: 4 → 3; rationale: …"; a field left empty is left out.
QString historyChangeText(const Methodology &methodology, const AuditEntry &entry);

// Whether `added` (an assessment stored) replaced `removed` (the same
// quarter's assessment, taken away just before) under another methodology
// file: a re-assessment (owb methodology add, File ▸ Methodologies...).
bool isReassessment(const AuditEntry &removed, const AuditEntry &added);
// The assessments (by the seq of the entry that stored them) stored again
// under a re-issue of the same methodology id (MethodologyRegister::reissues):
// the first rewrite of the quarter, with other contents, since the re-issue
// was put in force for its year; later rewrites (new data) are not.
// `entries`: a case's audit entries, newest first.
QHash<qint64, MethodologyReissue> reissuedAssessments(const QList<AuditEntry> &entries,
                                                      const QList<MethodologyReissue> &reissues);
// The re-assessments among a case's entries (newest first): the seq of each
// assessment stored again under another methodology file, or under a
// re-issue (`reissued`, from reissuedAssessments), -> the index in `entries`
// of the removal it replaced. The History shows each as one "re-assessed"
// entry, the removal folded into it.
QHash<qint64, qsizetype> reassessedRemovals(const QList<AuditEntry> &entries,
                                            const QHash<qint64, MethodologyReissue> &reissued);
// "re-assessed under NHS Oversight Framework 2026/27 (nof-2026-27), in place
// of nof-2025-26; segment: 4 → 3; average: 2.79 → 2.41; rank: 80 → 75", or
// with `reissue` "re-assessed under NHS Oversight Framework 2026/27
// (nof-2026-27 re-issued 24/11/2026, file changed: SHA-256 … in place of
// …); segment: 4 → 3; average: …" (before and after: the segment and
// average always, the rank, raw segment and deficit where they changed);
// `title` empty when not known.
// The final segment (after decisions) of a re-assessed quarter under the
// file before and the file after: the programme's 5 only under a file with
// a programme segment (`national` null: every file has one); after, under
// the years `casework` is set with (the files in force now).
std::pair<int, int> reassessedFinalSegments(CaseworkStore &casework, const NationalCache *national,
                                            const AuditEntry &removed, const AuditEntry &added);
// `finalBefore`/`finalAfter`: the final segment (after decisions) under
// each file, said when it differs from the computed one's move ("final
// segment: 5 → 2 (no programme segment in 2026/27)"); 0 when not known.
QString reassessmentText(const AuditEntry &removed, const AuditEntry &added, const QString &title,
                         const MethodologyReissue *reissue = nullptr, int finalBefore = 0, int finalAfter = 0,
                         bool programmeSegmentAfter = true);

// A finding's picks by their names, as the forms' pickers show them (the
// History tab and the reports): a metric "OF0023 Waiting 18 weeks…", a domain
// by its name, and a stored list ("OF0023, OF0025") joined with "; ".
QString metricName(const Methodology &methodology, const QString &id);
QString domainName(const Methodology &methodology, const QString &id);
// A capability rating by the methodology's name; one it does not list is
// marked (notInMethodologyList); empty stays empty.
QString ratingName(const Methodology &methodology, const QString &id);
QString namedList(const QString &ids, const std::function<QString(const QString &)> &nameOf);

} // namespace owb
