#pragma once
// PDF reports (HTML laid out on pages by reportlayout, charts drawn with
// QPainter so that no display is needed): one case, or a regional pack of
// every case in a workspace with a summary table first.

#include <QString>

namespace owb {

class CaseFile;
class Workspace;

// The report of one case as the PDF holds it (HTML for QTextDocument), for
// the latest quarter of the workspace.
// `caseFile`: a case file, or a case on a team workspace (Workspace::openCase);
// `caseFilePath`: a case file's path, or on a team workspace the
// organisation's code (reviewreport.h, openReportedCase).
QString caseReportHtml(Workspace &workspace, CaseFile &caseFile);
QString caseReportHtml(Workspace &workspace, const QString &caseFilePath);

// Throw StoreError naming the file on failure. The output is written whole
// or not at all (store/filewrite): a failure leaves no half-written PDF and
// any earlier file as it was.
void writeCaseReport(Workspace &workspace, CaseFile &caseFile, const QString &pdfPath);
void writeCaseReport(Workspace &workspace, const QString &caseFilePath, const QString &pdfPath);
// The pack's text: a summary of every case file as the portfolio says it,
// then each case's report on a page of its own.
QString regionalPackHtml(Workspace &workspace);
void writeRegionalPack(Workspace &workspace, const QString &pdfPath);

} // namespace owb
