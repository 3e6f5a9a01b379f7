#include "importprogress.h"

#include "store/methodologychange.h"
#include "store/storeerror.h"
#include "store/workspace.h"
#include "data/quarterlabel.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEventLoop>
#include <QFileDialog>
#include <QMessageBox>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

namespace owb {

ImportOutcome importWithProgress(QWidget *parent, const QString &directory, const QString &path, const QString &region,
                                 const std::function<void()> &beforeWriting,
                                 const QList<Methodology> &methodologies)
{
    QProgressDialog progress(QApplication::translate("owb::Import", "Reading %1...").arg(QFileInfo(path).fileName()),
                             QString(), 0, 1000, parent);
    progress.setWindowTitle(QApplication::translate("owb::Import", "Importing"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setValue(0);

    ImportOutcome outcome;
    QEventLoop loop;
    // The worker opens its own database connections; progress comes back queued.
    QThread *worker = QThread::create([&] {
        outcome = importMetricFile(directory, path, methodologies, region,
                                   [&progress](ImportStage stage, qint64 done, qint64 total) {
                                       const int value = total > 0 ? int(done * 500 / total) : 0;
                                       const bool writing = stage == ImportStage::Writing;
                                       QMetaObject::invokeMethod(&progress, [&progress, value, writing] {
                                           if (writing)
                                               progress.setLabelText(QApplication::translate(
                                                   "owb::Import", "Bringing case files up to date..."));
                                           progress.setValue(writing ? 500 + value : value);
                                       }, Qt::QueuedConnection);
                                   },
                                   /*backCast=*/false,
                                   [&] {
                                       if (beforeWriting)
                                           QMetaObject::invokeMethod(&progress, beforeWriting,
                                                                     Qt::BlockingQueuedConnection);
                                   });
    });
    QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    worker->wait();
    delete worker;
    progress.setValue(1000);
    return outcome;
}

ImportOutcome importIntoOpenWorkspace(QWidget *parent, Workspace &workspace, const QString &path)
{
    ImportOutcome outcome;
    try {
        if (const QString why = workspace.whyMayNotImport(); !why.isEmpty()) {
            outcome.storeError = why;
            return outcome;
        }
    } catch (const StoreError &error) {
        outcome.storeError = error.message();
        return outcome;
    }
    const Methodology rules = workspace.methodology();
    QProgressDialog progress(QApplication::translate("owb::Import", "Reading %1...").arg(QFileInfo(path).fileName()),
                             QString(), 0, 1000, parent);
    progress.setWindowTitle(QApplication::translate("owb::Import", "Importing"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setValue(0);
    std::optional<MetricDataset> dataset;
    QEventLoop loop;
    // Reading touches no database: on a worker, progress coming back queued.
    QThread *worker = QThread::create([&] {
        dataset = readMetricFile(rules, path, outcome, [&progress](ImportStage, qint64 done, qint64 total) {
            const int value = total > 0 ? int(done * 500 / total) : 0;
            QMetaObject::invokeMethod(&progress, [&progress, value] { progress.setValue(value); },
                                      Qt::QueuedConnection);
        });
    });
    QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    worker->wait();
    delete worker;
    if (dataset) {
        // Writing goes through the workspace's connections, which live on this thread.
        progress.setLabelText(QApplication::translate("owb::Import", "Writing to the team workspace..."));
        importDataset(workspace, *dataset, path, outcome, [&progress](ImportStage, qint64 done, qint64 total) {
            progress.setValue(500 + (total > 0 ? int(done * 500 / total) : 0));
        });
    }
    progress.setValue(1000);
    return outcome;
}

ImportReport reassessWithProgress(QWidget *parent, const QString &directory, Workspace *team,
                                  const Methodology &methodology)
{
    QProgressDialog progress(QApplication::translate("owb::Import", "Re-assessing under %1: bringing case files up to "
                                                                     "date...")
                                 .arg(methodology.id()),
                             QString(), 0, 0, parent);
    progress.setWindowTitle(QApplication::translate("owb::Import", "Applying Methodology"));
    progress.setAccessibleName(QApplication::translate("owb::Import", "Applying Methodology"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setMinimumWidth(420);
    progress.setValue(0);
    const auto show = [&progress](int done, int total) {
        progress.setMaximum(std::max(total, 1));
        progress.setValue(done);
        progress.setLabelText(QApplication::translate("owb::Import", "Re-assessing: %1 of %n case file(s) brought up "
                                                                     "to date...",
                                                      nullptr, total)
                                  .arg(done));
    };
    ImportReport report;
    if (team) {
        report = applyMethodologyChange(*team, methodology, show);
        return report;
    }
    QString problem;
    QEventLoop loop;
    // The worker opens the workspace on connections of its own; progress comes back queued.
    QThread *worker = QThread::create([&] {
        try {
            auto workspace = Workspace::open(directory, Database::Mode::OpenExisting);
            report = applyMethodologyChange(*workspace, methodology, [&progress, &show](int done, int total) {
                QMetaObject::invokeMethod(&progress, [show, done, total] { show(done, total); }, Qt::QueuedConnection);
            });
        } catch (const StoreError &error) {
            problem = error.message();
        }
    });
    QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    worker->wait();
    delete worker;
    if (!problem.isEmpty())
        throw StoreError(problem);
    return report;
}

QList<Methodology> askForMethodologies(QWidget *parent, const QString &path, const ImportOutcome &outcome,
                                      const QList<Methodology> &given)
{
    QList<Methodology> chosen;
    const auto covered = [&](const QString &year) {
        for (const Methodology &file : given + chosen)
            if (file.declaresYear(year))
                return true;
        return false;
    };
    // One question per year without a file; a file declaring several years
    // answers for each of them.
    for (const QString &year : outcome.yearsWithoutMethodology) {
        if (covered(year))
            continue;
        QStringList have = Methodology::builtIn().years();
        for (const Methodology &file : given + chosen)
            have += file.years();
        have.sort();
        // A refused file (unreadable, or for another year) is said, and the
        // question asked again: the user chooses another file or cancels.
        for (;;) {
            QMessageBox ask(QMessageBox::Question, QApplication::translate("owb::Import", "Methodology Needed"),
                            QApplication::translate("owb::Import",
                                                    "%1 holds quarters of %2, and a new workspace has a methodology only "
                                                    "for %3. Choose the methodology file for %2 to create the workspace "
                                                    "with it; nothing has been created yet.")
                                .arg(QFileInfo(path).fileName(), year, have.join(QStringLiteral(", "))),
                            QMessageBox::Cancel, parent);
            QPushButton *choose = ask.addButton(QApplication::translate("owb::Import", "Choose Methodology File..."),
                                                QMessageBox::AcceptRole);
            choose->setAccessibleName(QApplication::translate("owb::Import", "Choose Methodology File..."));
            ask.setDefaultButton(choose);
            ask.exec();
            if (ask.clickedButton() != choose)
                return {};
            const QString file = QFileDialog::getOpenFileName(
                parent, QApplication::translate("owb::Import", "Methodology File for %1").arg(year), QString(),
                QApplication::translate("owb::Import", "Methodology files (*.json);;All files (*)"));
            if (file.isEmpty())
                return {};
            QString error;
            auto methodology = Methodology::fromFile(file, &error);
            if (methodology && !methodology->declaresYear(year))
                error = QApplication::translate("owb::Import",
                                                "%1 declares %2, not %3: choose the methodology file whose \"years\" "
                                                "include %3. Nothing has been created.")
                            .arg(file, methodology->years().join(QStringLiteral(", ")), year);
            if (!error.isEmpty()) {
                QMessageBox::warning(parent, QApplication::translate("owb::Import", "Methodology refused"), error);
                continue;
            }
            chosen.append(*methodology);
            break;
        }
    }
    return chosen;
}

namespace {
// A quarter whose year has no methodology, told in the workbench's terms
// (the command line's message names its own commands).
QString noMethodologyInWorkbench(const QStringList &quarters)
{
    QStringList years;
    for (const QString &quarter : quarters)
        if (!years.contains(yearOfQuarter(quarter)))
            years.append(yearOfQuarter(quarter));
    const QString text = quarters.size() == 1
        ? QApplication::translate("owb::Import",
                                  "%1: the workspace has no methodology for %2, so the quarter cannot be assessed. "
                                  "Add the methodology file for %2 first (File ▸ Methodologies..., then Add "
                                  "Methodology File..., a file whose \"years\" include %2), then import this file "
                                  "again.")
        : QApplication::translate("owb::Import",
                                  "%1: the workspace has no methodology for %2, so those quarters cannot be assessed. "
                                  "Add the methodology file for %2 first (File ▸ Methodologies..., then Add "
                                  "Methodology File..., a file whose \"years\" include %2), then import this file "
                                  "again.");
    return text.arg(quarters.join(QStringLiteral(", ")), years.join(QStringLiteral(" or ")));
}
} // namespace

void showImportProblems(QWidget *parent, const QString &path, const ImportOutcome &outcome)
{
    if (outcome.ok())
        return;
    QDialog dialog(parent);
    dialog.setWindowTitle(QApplication::translate("owb::Import", "Import refused"));
    QStringList lines;
    for (const Diagnostic &error : outcome.errors)
        lines.append(error.toString());
    if (!outcome.quartersWithoutMethodology.isEmpty())
        lines.append(noMethodologyInWorkbench(outcome.quartersWithoutMethodology));
    else if (!outcome.storeError.isEmpty())
        lines.append(outcome.storeError);
    // Rows of metrics the methodology does not have are skipped, not errors:
    // named all the same, so that no line of the file goes unmentioned.
    if (const QString skipped = outcome.summary.skippedLine(path, outcome.methodologyId); !skipped.isEmpty())
        lines.append(skipped);
    auto *intro = new QLabel(QApplication::translate("owb::Import",
                                                     "%1 was not imported, and nothing was changed. Problems found:",
                                                     nullptr)
                                 .arg(QFileInfo(path).fileName()),
                             &dialog);
    intro->setWordWrap(true);
    auto *list = new QPlainTextEdit(lines.join(QLatin1Char('\n')), &dialog);
    list->setReadOnly(true);
    // Long lines wrap at the dialog's edge: no line needs horizontal scrolling to be read.
    list->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    list->setAccessibleName(QApplication::translate("owb::Import", "Problems"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QPushButton *copy = buttons->addButton(QApplication::translate("owb::Import", "&Copy"), QDialogButtonBox::ActionRole);
    QObject::connect(copy, &QPushButton::clicked, list, [list] { QApplication::clipboard()->setText(list->toPlainText()); });
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(intro);
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    dialog.resize(760, 360);
    dialog.exec();
}

} // namespace owb
