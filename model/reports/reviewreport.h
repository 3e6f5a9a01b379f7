#pragma once
// The diagnostic review report (framework.md §7), ready to send to the
// trust's board: scope and team, findings by root cause with their evidence
// and severity, the capability conclusion, the recommendation and the
// region's decision. Labels as the methodology names them; laid out on pages
// by reportlayout, as the case report is.

#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <memory>
#include <utility>

namespace owb {

class CaseFile;
class CaseworkStore;
class Database;
class Methodology;
class Workspace;

// "Team: …", "Scope: …", "Capability conclusion: …", "Recommendation: …",
// "Decision: … on … by …", each a sentence, each always there; a value not
// yet recorded says so (never "Recommendation: .").
// Plain text: the case report and the review report both print it.
QStringList reviewOutcome(const QVariantMap &review, const Methodology &methodology);

// The findings of one review as table rows: root cause, severity (named),
// finding, evidence items ("title (source, date)"), domains (named), metrics
// (named as the methodology names them, OF0023 with its name).
QList<QStringList> findingRows(CaseworkStore &store, const Database &database, const Methodology &methodology,
                               const QVariant &reviewId);

// The findings grouped by root cause, the causes in the methodology's order
// (then any other, as recorded), each cause's rows without the cause: both
// reports print the findings under their causes this way.
QList<std::pair<QString, QList<QStringList>>> findingsByRootCause(const QList<QStringList> &findings,
                                                                 const Methodology &methodology);
// The table of one cause's findings, as both reports print it.
QString findingsTable(const QList<QStringList> &rows);

// The case a report is of, read-only: `caseFilePath` is a case file's path,
// or on a team workspace the organisation's code (as Workspace::openCase).
std::unique_ptr<CaseFile> openReportedCase(Workspace &workspace, const QString &caseFilePath);

// Whether the case file holds a diagnostic review (the latest is reported).
// `caseFile`: a case file, or a case on a team workspace (Workspace::openCase).
bool hasDiagnosticReview(CaseFile &caseFile);
bool hasDiagnosticReview(const QString &caseFilePath);
bool hasDiagnosticReview(Workspace &workspace, const QString &caseFilePath);

// The report of the case's latest diagnostic review, as HTML, and as a PDF
// written whole or not at all. Throw StoreError naming the file, or saying
// that the case has no diagnostic review.
QString reviewReportHtml(Workspace &workspace, CaseFile &caseFile);
QString reviewReportHtml(Workspace &workspace, const QString &caseFilePath);
void writeReviewReport(Workspace &workspace, CaseFile &caseFile, const QString &pdfPath);
void writeReviewReport(Workspace &workspace, const QString &caseFilePath, const QString &pdfPath);

} // namespace owb
