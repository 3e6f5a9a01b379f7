#pragma once
// Runs an import on a worker thread behind a progress dialog (reading the
// file, then bringing case files up to date), and reports problems with
// every file and line, saying that nothing was changed.

#include "store/importer.h"

class QWidget;

namespace owb {

// `beforeWriting` runs on the caller's thread once the file has passed
// validation: the caller must close its own connections to the workspace
// there (or before). A refused file never gets that far.
// `methodologies`: files to register for their years (a new workspace's
// years that the built-in file does not cover), one per year.
ImportOutcome importWithProgress(QWidget *parent, const QString &directory, const QString &path,
                                 const QString &region = {}, const std::function<void()> &beforeWriting = {},
                                 const QList<Methodology> &methodologies = {});

// A new workspace was refused for years of its file that have no
// methodology (outcome.yearsWithoutMethodology): asks the user for each
// such year's methodology file (beside the `given` ones) and reads it.
// A refused file (unreadable, or for another year) is said in a message
// box naming the file and fault, and the question is asked again. Nothing
// when the user cancels.
QList<Methodology> askForMethodologies(QWidget *parent, const QString &path, const ImportOutcome &outcome,
                                       const QList<Methodology> &given);

// Imports into a workspace the window holds open and keeps open (a team
// workspace: its connections and password stay): refused at once, in plain
// words, for a member who may not import; the file read and validated on a
// worker thread, then written on the workspace's own connections (one
// server transaction) behind the same progress dialog.
ImportOutcome importIntoOpenWorkspace(QWidget *parent, Workspace &workspace, const QString &path);

// Puts a methodology file in force and re-assesses its years' quarters
// (applyMethodologyChange) behind a progress dialog that counts the case
// files brought up to date. It has no Cancel button: the change is made
// crash-safe like an import, so once it starts it is completed. A folder
// workspace (`team` null) is opened and changed on a worker thread, the
// window staying responsive; a team workspace, whose connections belong to
// this thread, is changed here, the dialog updated between case files.
// Throws StoreError as applyMethodologyChange does.
ImportReport reassessWithProgress(QWidget *parent, const QString &directory, Workspace *team,
                                  const Methodology &methodology);

// Shows every problem of a failed import; returns at once for a success.
void showImportProblems(QWidget *parent, const QString &path, const ImportOutcome &outcome);

} // namespace owb
