#pragma once
// PDF reports (HTML laid out on pages by reportlayout, charts drawn with
// QPainter so that no display is needed): one case, or a regional pack of
// every case in a workspace with a summary table first.

#include <QString>
#include <memory>

namespace owb {

class CaseFile;
class Workspace;

// `caseFilePath` below: a case file of a folder workspace, or, in a team
// workspace, the organisation's code. Opened read-only, through the
// workspace for a team one.
std::unique_ptr<CaseFile> openReportedCase(Workspace &workspace, const QString &caseFilePath);

// The report of one case as the PDF holds it (HTML for QTextDocument), for
// the latest quarter of the workspace.
QString caseReportHtml(Workspace &workspace, const QString &caseFilePath);

// Throw StoreError naming the file on failure. The output is written whole
// or not at all (store/filewrite): a failure leaves no half-written PDF and
// any earlier file as it was.
void writeCaseReport(Workspace &workspace, const QString &caseFilePath, const QString &pdfPath);
// The pack's text: a summary of every case file as the portfolio says it,
// then each case's report on a page of its own.
QString regionalPackHtml(Workspace &workspace);
void writeRegionalPack(Workspace &workspace, const QString &pdfPath);

} // namespace owb
