#pragma once
// What opening a workspace found of an interrupted import or re-assessment
// (File ▸ Methodologies...): what it completed is told in the status bar; a
// read-only workspace that still has some is warned about, since what it
// shows mixes before and after.

class QWidget;

namespace owb {

class Workspace;

void tellInterruptedWork(QWidget *window, Workspace &workspace);

} // namespace owb
