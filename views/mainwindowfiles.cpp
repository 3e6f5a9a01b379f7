// The window's File menu actions that bring data in or write it out:
// importing a metric file (into a folder, a new folder or a team workspace),
// the case and review reports and the regional pack, and the register of
// methodologies. The rest of the window is mainwindow.cpp.
#include "mainwindow.h"

#include "case/caseview.h"
#include "casework/casesession.h"
#include "data/orgcode.h"
#include "dialogs/importprogress.h"
#include "dialogs/methodologiesdialog.h"
#include "reports/casereport.h"
#include "reports/reviewreport.h"
#include "store/casefile.h"
#include "store/methodologychange.h"
#include "store/storeerror.h"
#include "store/workspace.h"
#include "team/teamconnection.h"
#include "widgets/statusnotice.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QStackedWidget>
#include <QTimer>

namespace owb {

void MainWindow::chooseImport()
{
    if (!m_workspace)
        return;
    // A team member who may not import is told so before choosing a file
    // (and a server that cannot be asked, why).
    QString why;
    try {
        why = m_workspace->whyMayNotImport();
    } catch (const StoreError &error) {
        why = error.message();
    }
    if (!why.isEmpty()) {
        QMessageBox::warning(this, tr("Import refused"), why);
        return;
    }
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Metric File"), QString(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void MainWindow::exportReport(Report report)
{
    if (!m_workspace)
        return;
    const bool wholeWorkspace = report == Report::RegionalPack;
    CaseSession *session = m_caseView->context().session;
    if (!wholeWorkspace && (!session || m_stack->currentWidget() != m_caseView)) {
        showError(tr("No case open"), tr("Open a case first, or export the regional pack."));
        return;
    }
    // The code comes from the case file: only a valid one may become part of a file name.
    const QString code = wholeWorkspace ? QString() : session->identity().code;
    const QString kind = report == Report::Review ? QStringLiteral("review") : QStringLiteral("report");
    const QString suggested = wholeWorkspace      ? QStringLiteral("regional-pack.pdf")
                              : isValidOrgCode(code) ? QStringLiteral("%1-%2.pdf").arg(code, kind)
                                                     : QStringLiteral("case-%1.pdf").arg(kind);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export PDF"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    try {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        if (report == Report::RegionalPack)
            writeRegionalPack(*m_workspace, path);
        else if (report == Report::Review)
            writeReviewReport(*m_workspace, session->caseFile(), path);
        else
            writeCaseReport(*m_workspace, session->caseFile(), path);
        QApplication::restoreOverrideCursor();
        showStatusNotice(this, tr("Written %1").arg(QDir::toNativeSeparators(path)));
    } catch (const StoreError &error) {
        QApplication::restoreOverrideCursor();
        showError(tr("The report was not written"), error.message());
    }
}

void MainWindow::chooseNewWorkspaceFromCsv()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("New Workspace from Metric File"), QString(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString directory = QFileDialog::getExistingDirectory(this, tr("Choose an Empty Folder for the Workspace"));
    if (directory.isEmpty())
        return;
    if (!Workspace::isAbsentOrEmpty(directory)) {
        showError(tr("Cannot create a workspace"), tr("%1 is not empty. Choose an empty folder.").arg(directory));
        return;
    }
    bool ok = false;
    const QString region = QInputDialog::getText(this, tr("Region"),
                                                 tr("Follow only the organisations of this region (leave empty to follow all):"),
                                                 QLineEdit::Normal, QString(), &ok);
    if (ok)
        importFile(path, directory, region);
}

bool MainWindow::importFile(const QString &path, const QString &newWorkspace, const QString &region)
{
    if (newWorkspace.isEmpty() && m_workspace && m_workspace->isTeam())
        return importIntoTeam(path);
    const QString directory = newWorkspace.isEmpty() && m_workspace ? m_workspace->directory() : newWorkspace;
    if (directory.isEmpty())
        return false;
    // Into the open workspace, the import writes on its own connections: let
    // go of ours once the file has passed validation (a refused file leaves
    // the workspace open, with its undo history), and take it up again.
    const bool intoCurrent = newWorkspace.isEmpty();
    const QString quarter = currentQuarter();
    bool closed = false;
    const auto letGo = [&] {
        if (intoCurrent) {
            closeWorkspace();
            closed = true;
        }
    };
    ImportOutcome outcome = importWithProgress(this, directory, path, region, letGo);
    // A new workspace for years the built-in file does not cover: the user
    // gives each year's methodology file, and the workspace is created with
    // them all (the built-in file keeps its own year).
    QList<Methodology> given;
    while (!intoCurrent && !outcome.yearsWithoutMethodology.isEmpty()) {
        const QList<Methodology> more = askForMethodologies(this, path, outcome, given);
        // Cancelled: nothing was created, and there is nothing to report.
        if (more.isEmpty())
            return false;
        given += more;
        outcome = importWithProgress(this, directory, path, region, letGo, given);
    }
    // The workspace is open again before the problems are shown: a refusal is
    // read over the workspace it left as it was, not over the start page.
    if ((closed || outcome.ok()) && openPath(directory) && m_quarter->findText(quarter) >= 0)
        m_quarter->setCurrentText(quarter);
    showImportProblems(this, path, outcome);
    tellImported(path, outcome, false);
    return outcome.ok();
}

bool MainWindow::importIntoTeam(const QString &path)
{
    // The team workspace stays open on its connections (no password asked
    // again); the import is one server transaction on them. A refusal (no
    // importer rights, a bad file) leaves the window as it was, undo
    // history included; a success shows everything read again.
    const QString quarter = currentQuarter();
    m_teamCheck->stop();
    const ImportOutcome outcome = importIntoOpenWorkspace(this, *m_workspace, path);
    if (outcome.ok()) {
        std::unique_ptr<Workspace> team = std::move(m_workspace);
        showTeam(std::move(team));
        if (m_quarter->findText(quarter) >= 0)
            m_quarter->setCurrentText(quarter);
    } else {
        m_teamCheck->start();
    }
    showImportProblems(this, path, outcome);
    tellImported(path, outcome, true);
    return outcome.ok();
}

void MainWindow::tellImported(const QString &path, const ImportOutcome &outcome, bool team)
{
    if (!outcome.ok())
        return;
    QString notice = team ? tr("Imported %1: %n row(s); cases created %2, updated %3", nullptr, outcome.summary.rows)
                          : tr("Imported %1: %n row(s); case files created %2, updated %3", nullptr,
                               outcome.summary.rows);
    notice = notice.arg(QFileInfo(path).fileName()).arg(outcome.report.caseFilesCreated).arg(outcome.report.caseFilesUpdated);
    // Rows of unknown metrics were skipped: the notice names them.
    if (outcome.summary.skippedUnknown > 0)
        notice += QLatin1String(". ")
                  + tr("Rows skipped, of metrics not in the methodology: %1")
                        .arg(outcome.summary.unknownMetrics.mid(0, 8).join(QStringLiteral(", ")));
    showStatusNotice(this, notice);
}

void MainWindow::showMethodologies()
{
    if (!m_workspace)
        return;
    MethodologiesDialog dialog([this] { return m_workspace.get(); },
                               [this](const Methodology &methodology) { return applyMethodology(methodology); }, this);
    dialog.exec();
}

int MainWindow::applyMethodology(const Methodology &methodology)
{
    // Like an import: let go of the workspace (its case sessions too), make
    // the change on a connection of its own, then open it again. A team
    // workspace (many writers) keeps its connections: no password to ask again.
    const QString directory = m_workspace->directory();
    const QString quarter = currentQuarter();
    std::unique_ptr<Workspace> team;
    if (m_workspace->isTeam()) {
        m_team.reset();
        team = std::move(m_workspace);
    }
    closeWorkspace();
    ImportReport report;
    QString problem;
    try {
        report = reassessWithProgress(this, directory, team.get(), methodology);
    } catch (const StoreError &error) {
        problem = error.message();
    }
    if (team)
        showTeam(std::move(team));
    if ((m_workspace || openPath(directory)) && m_quarter->findText(quarter) >= 0)
        m_quarter->setCurrentText(quarter);
    if (!problem.isEmpty())
        throw StoreError(problem);
    showStatusNotice(this, tr("%1 is in force for %2; %n case-file quarter(s) re-assessed", nullptr,
                              report.quartersWritten)
                               .arg(methodology.id(), methodology.years().join(QStringLiteral(", "))));
    return report.quartersWritten;
}

} // namespace owb
