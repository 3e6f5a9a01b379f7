#pragma once
// PDF reports (QTextDocument printed by QPdfWriter, charts drawn with
// QPainter so that no display is needed): one case, or a regional pack of
// every case in a workspace with a summary table first.

#include <QString>

namespace owb {

class Workspace;

// Throw StoreError naming the file on failure. The output is written
// through QSaveFile: a failure leaves no half-written PDF.
void writeCaseReport(Workspace &workspace, const QString &caseFilePath, const QString &pdfPath);
void writeRegionalPack(Workspace &workspace, const QString &pdfPath);

} // namespace owb
