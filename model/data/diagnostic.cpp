#include "diagnostic.h"

namespace owb {

QString Diagnostic::toString() const
{
    QString where = file;
    if (line > 0) {
        where += QStringLiteral(":%1").arg(line);
        if (column > 0)
            where += QStringLiteral(":%1").arg(column);
    }
    return QStringLiteral("%1: %2").arg(where, message);
}

QString shownValue(const QString &text)
{
    constexpr qsizetype kShown = 60;
    if (text.size() <= kShown)
        return text;
    return QStringLiteral("%1... (%2 characters)").arg(text.left(kShown - 3)).arg(text.size());
}

} // namespace owb
