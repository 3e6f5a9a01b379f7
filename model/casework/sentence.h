#pragma once
// Joining words a user typed into the workbench's own sentences: a rationale,
// a reason or a recommendation may already end in a full stop, and the
// sentence around it must not add a second one ("the region agrees.).").

#include <QString>

namespace owb {

// The text without its closing full stops and spaces ("agrees. " -> "agrees"),
// to be placed before the sentence's own full stop or bracket. A closing "?"
// or "!" is kept: it is the writer's, and a stop after it reads as one.
inline QString withoutFinalStop(const QString &text)
{
    QString out = text.trimmed();
    while (out.endsWith(QLatin1Char('.')) && !out.endsWith(QLatin1String("...")))
        out.chop(1);
    return out.trimmed();
}

} // namespace owb
