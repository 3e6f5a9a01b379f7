#include "orgcode.h"

#include "diagnostic.h"

namespace owb {

QString canonicalOrgCode(const QString &code)
{
    QString result = code.trimmed();
    for (QChar &c : result)
        if (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            c = QChar(c.unicode() - 'a' + 'A');
    return result;
}

QString orgCodeProblem(const QString &code)
{
    if (code.isEmpty())
        return QStringLiteral("empty organisation code");
    for (const QChar c : code) {
        const bool asciiLetterOrDigit = c.unicode() < 128 && c.isLetterOrNumber();
        if (!asciiLetterOrDigit)
            return QStringLiteral("organisation code \"%1\" may hold only letters A-Z and digits 0-9 "
                                  "(an ODS code such as RXX or R0A)")
                .arg(shownValue(code));
    }
    if (code.size() < kMinOrgCodeLength || code.size() > kMaxOrgCodeLength)
        return QStringLiteral("organisation code \"%1\" must be %2 to %3 letters and digits long (an ODS "
                              "code such as RXX or R0A)")
            .arg(shownValue(code))
            .arg(kMinOrgCodeLength)
            .arg(kMaxOrgCodeLength);
    return {};
}

} // namespace owb
