#include "interruptedwork.h"

#include "store/methodologychange.h"
#include "store/workspace.h"
#include "widgets/statusnotice.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace owb {

void tellInterruptedWork(QWidget *window, Workspace &workspace)
{
    if (const ImportReport &completed = workspace.completedOnOpen(); !completed.quartersCompleted.isEmpty())
        showStatusNotice(window,
            (workspace.completedReassessmentOnOpen() ? QCoreApplication::translate("InterruptedWork",
                 "An interrupted re-assessment was completed on opening (%1): %n case-file quarter(s) "
                 "written.",
                 nullptr, completed.quartersWritten)
                                                     : QCoreApplication::translate("InterruptedWork",
                                                         "An interrupted import was completed on opening "
                                                         "(%1): %n case-file quarter(s) written.",
                                                         nullptr, completed.quartersWritten))
                .arg(completed.quartersCompleted.join(QStringLiteral(", "))));
    else if (workspace.isReadOnly() && !workspace.peers().pendingQuarters().isEmpty()) {
        const QStringList reassessing
            = interruptedReassessment(workspace.directory(), workspace.peers(), workspace.methodologies());
        QMessageBox::warning(window, QCoreApplication::translate("InterruptedWork", "Interrupted work"),
            reassessing.isEmpty() ? QCoreApplication::translate("InterruptedWork",
                "An import into this workspace was interrupted: %1 may be missing from some case files. Open "
                "it where you may change it, with no other instance using it, to complete the import.")
                                        .arg(workspace.peers().pendingQuarters().join(QStringLiteral(", ")))
                                  : QCoreApplication::translate("InterruptedWork",
                                      "A re-assessment (File ▸ Methodologies...) was interrupted: some case "
                                      "files still hold %1 under "
                                      "the methodology it replaced, so segments shown mix both. Open the "
                                      "workspace where you may "
                                      "change it, with no other instance using it, to complete the "
                                      "re-assessment.")
                                        .arg(reassessing.join(QStringLiteral(", "))));
    }
}

} // namespace owb
