#pragma once
// Schema steps that bring quarter labels written by earlier versions
// ("Q1 2025-26", "2025-26 Q1", ...) to their one spelling ("2025/26 Q1"),
// so an older workspace and a new import agree on what a quarter is called.
// Both run inside the upgrade's transaction (see Schema::programs).

#include <QString>
#include <functional>

namespace owb {

class Database;

// How a label is to be spelt: empty to leave it as it is.
using QuarterSpelling = std::function<QString(const QString &label)>;
// canonicalQuarter, for labels it reads.
QString canonicalSpelling(const QString &label);

// peers.owdata: quarters, their organisations and values. Where both
// spellings of a quarter are present, the values already under the one
// spelling win and the quarter is marked pending, so that every case file
// is assessed again from what remains.
void respellPeerQuarters(Database &db);

// A case file: values, assessments (whose digests cover the label, so they
// are recomputed, unless the digest did not match before: a tampered
// assessment stays visible) and every casework table naming a quarter. The
// changes enter the audit trail, sealed as the current user's.
// `spelling` is canonicalSpelling but for tests that write what an older
// version wrote.
void respellCaseFileQuarters(Database &db, const QuarterSpelling &spelling = canonicalSpelling);

} // namespace owb
