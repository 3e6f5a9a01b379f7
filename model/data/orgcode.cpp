#include "orgcode.h"

#include "diagnostic.h"

#include <QStringList>

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
    // A code names a file: never one Windows keeps for a device (a workspace
    // copied to a Windows share could not hold it, or would write to the
    // device), nor one that reads, in any case, as a file of the workspace.
    const QString upper = canonicalOrgCode(code);
    static const QStringList devices { QStringLiteral("CON"), QStringLiteral("PRN"), QStringLiteral("AUX"),
        QStringLiteral("NUL") };
    const bool numberedDevice = upper.size() == 4
        && (upper.startsWith(QLatin1String("COM")) || upper.startsWith(QLatin1String("LPT")))
        && upper.at(3).isDigit();
    if (devices.contains(upper) || numberedDevice)
        return QStringLiteral("organisation code \"%1\" is a name Windows keeps for a device, so it cannot name a "
                              "case file (a workspace copied to a Windows folder would break): correct the code")
            .arg(shownValue(code));
    if (upper == QLatin1String("PEERS"))
        return QStringLiteral("organisation code \"%1\" is the name of the workspace's own data file (peers), so it "
                              "cannot name a case file: correct the code")
            .arg(shownValue(code));
    return {};
}

} // namespace owb
