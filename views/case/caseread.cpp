#include "caseread.h"

#include "widgets/statusnotice.h"

#include <QCoreApplication>

namespace owb {

void sayNotReadAgain(QWidget *from, const StoreError &error)
{
    // A team workspace's connection lost: the notice says how to get back.
    if (dynamic_cast<const ServerConnectionLost *>(&error))
        showStatusNotice(from,
            QCoreApplication::translate(
                "owb::CaseRead", "Not read again: the connection to the team workspace was lost (File > Reconnect)."),
            true);
    else
        sayNotReadAgain(from, error.message());
}

void sayNotReadAgain(QWidget *from, const QString &message)
{
    showStatusNotice(from, QCoreApplication::translate("owb::CaseRead", "Not read again: %1").arg(message), true);
}

} // namespace owb
