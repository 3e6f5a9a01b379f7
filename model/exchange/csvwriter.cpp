#include "csvwriter.h"

#include "data/cnumber.h"

namespace owb {

namespace {
bool looksLikeFormula(const QString &text)
{
    // Spreadsheets skip leading spaces and read full-width signs (U+FF0B
    // plus, U+FF0D minus, U+FF1D equals, U+FF20 at) as the ASCII ones; a
    // leading | (U+FF5C full-width) starts the old DDE form.
    static const QString formulaStarts = QStringLiteral("=+-@|\t\r\n\uFF0B\uFF0D\uFF1D\uFF20\uFF5C");
    qsizetype first = 0;
    while (first < text.size() && text.at(first) == QLatin1Char(' '))
        ++first;
    if (first == text.size() || !formulaStarts.contains(text.at(first)))
        return false;
    return !parseCNumber(text).has_value(); // "-3.5" is a number, not a formula
}
} // namespace

QString csvField(const QString &text)
{
    const QString safe = looksLikeFormula(text) ? QLatin1Char('\'') + text : text;
    const bool needsQuotes = safe.contains(QLatin1Char(',')) || safe.contains(QLatin1Char('"'))
        || safe.contains(QLatin1Char('\n')) || safe.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return safe;
    QString escaped = safe;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

void writeCsvRow(QTextStream &out, const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out << ',';
        out << csvField(fields.at(i));
    }
    out << '\n';
}

} // namespace owb
