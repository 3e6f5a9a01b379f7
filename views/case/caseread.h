#pragma once
// A read of the case run from a slot (a session's signal, a queued reload, a
// button): a read the store refuses (a team workspace's connection lost, a
// right revoked meanwhile) is said in the window's status bar, and what is on
// screen stays; it is never thrown out of the event loop, which would end the
// workbench and lose what the user is typing in an open form (tester, issue
// 14: a record form's refused save reloaded the Casework page, whose read
// threw through the form's own event loop).

#include <QWidget>

#include <utility>

#include "store/storeerror.h"

namespace owb {

// Says in the status bar of `from`'s window that what is shown was not read
// again, and why (for a lost connection: how to get back).
void sayNotReadAgain(QWidget *from, const StoreError &error);
// The same for a read refused in a model (its readFailed signal: the store's message).
void sayNotReadAgain(QWidget *from, const QString &message);

// Runs `read`; a StoreError is said (sayNotReadAgain) and false returned.
template <typename Read>
bool readOrSay(QWidget *from, Read &&read)
{
    try {
        std::forward<Read>(read)();
        return true;
    } catch (const StoreError &error) {
        sayNotReadAgain(from, error);
        return false;
    }
}

} // namespace owb
