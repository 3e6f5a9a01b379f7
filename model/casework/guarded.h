#pragma once
// CaseSession's edits (casesession.cpp, casesessionsteps.cpp) return their
// error instead of throwing: a store that cannot be read or written (a team
// workspace whose connection was lost, a case file gone) refuses the edit in
// words, and nothing was changed.

#include "store/storeerror.h"

#include <QString>

namespace owb {

template<class F> QString guarded(F &&edit)
{
    try {
        return edit();
    } catch (const StoreError &error) {
        return error.message();
    }
}

} // namespace owb
