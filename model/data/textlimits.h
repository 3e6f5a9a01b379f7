#pragma once
// Limits on text that is stored and shown. A name is drawn in tables,
// reports and exports; a megabyte of it makes a report take minutes and
// tells nobody anything, so longer text is refused where it comes in.

#include <QString>
#include <QTextBoundaryFinder>

namespace owb {

// Organisation names and regions (the longest NHS trust name is under 90 characters).
constexpr qsizetype kMaxNameLength = 200;
// Free text of casework: notes, rationales, findings, evidence descriptions.
constexpr qsizetype kMaxFreeTextLength = 20000;

// The length of `text` as a reader counts it: characters as drawn
// (grapheme clusters), so an emoji or an accented letter is one, whatever
// its number of UTF-16 units.
inline qsizetype visibleLength(const QString &text)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    qsizetype count = 0;
    while (finder.toNextBoundary() > 0)
        ++count;
    return count;
}

// Where the first `count` characters (grapheme clusters) of `text` end.
inline qsizetype visibleEnd(const QString &text, qsizetype count)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    qsizetype end = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const qsizetype next = finder.toNextBoundary();
        if (next < 0)
            break;
        end = next;
    }
    return end;
}

// Empty when `text` fits; otherwise a message naming `what` and the limit.
inline QString textLengthProblem(const QString &what, const QString &text, qsizetype limit)
{
    if (text.size() <= limit) // never more characters than UTF-16 units
        return {};
    const qsizetype length = visibleLength(text);
    if (length <= limit)
        return {};
    return QStringLiteral("%1 is %2 characters long; at most %3 are allowed")
        .arg(what)
        .arg(length)
        .arg(limit);
}

// A name as a report or table shows it: whole up to the limit, else cut with
// an ellipsis (between characters, never inside one), so a name stored
// before there were limits cannot make a report take minutes.
inline QString shownName(const QString &text)
{
    if (text.size() <= kMaxNameLength)
        return text;
    const QString head = text.left(kMaxNameLength * 8); // bounded work on a megabyte of name
    if (head.size() == text.size() && visibleLength(text) <= kMaxNameLength)
        return text;
    return text.left(visibleEnd(head, kMaxNameLength - 1)) + QChar(0x2026);
}

// Empty when `text` holds no control character (an escape sequence would
// rewrite a terminal; a stray NUL or bell is never part of a name; a
// right-to-left override shows "Trust A" as another name);
// otherwise a message naming `what` and the first one.
inline QString controlCharacterProblem(const QString &what, const QString &text)
{
    // Bidirectional overrides and isolates make a name display as another one.
    auto reorders = [](QChar c) {
        return (c.unicode() >= 0x202A && c.unicode() <= 0x202E)
            || (c.unicode() >= 0x2066 && c.unicode() <= 0x2069);
    };
    for (const QChar c : text)
        if (c.category() == QChar::Other_Control || reorders(c))
            return QStringLiteral("%1 holds a control character (U+%2%3); names are plain text")
                .arg(what, QStringLiteral("%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper(),
                    c == QLatin1Char('\t')       ? QStringLiteral(", a tab")
                        : c == QLatin1Char('\n') ? QStringLiteral(", a line break")
                        : c == QLatin1Char('\r') ? QStringLiteral(", a carriage return")
                                                 : QString());
    return {};
}

} // namespace owb
