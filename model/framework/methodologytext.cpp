#include "methodologytext.h"

#include "methodology.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

namespace owb {

// The first key an object of `json` holds twice, with the keys of the
// objects around it ("segmentation: cuts: acute"); empty when none is.
// QJsonDocument keeps the last of two equal keys silently, so this reads the
// text itself: strings (with their escapes), objects and arrays.
QString duplicateKeyIn(const QByteArray &json)
{
    struct Frame
    {
        bool object = false;
        bool expectKey = false;
        QString name;  // the key this object or array is the value of
        QString lastKey;
        QSet<QString> keys;
    };
    QList<Frame> stack;
    const qsizetype n = json.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = json.at(i);
        if (c == '"') {
            qsizetype j = i + 1;
            bool escaped = false;
            for (; j < n && json.at(j) != '"'; ++j)
                if (json.at(j) == '\\') {
                    escaped = true;
                    ++j;
                }
            if (!stack.isEmpty() && stack.last().object && stack.last().expectKey) {
                const QByteArray raw = json.mid(i, j - i + 1);
                // A key with escapes is decoded so that "a" and "\u0061" are one key.
                const QString key = escaped ? QJsonDocument::fromJson("[" + raw + "]").array().at(0).toString()
                                            : QString::fromUtf8(raw.mid(1, raw.size() - 2));
                Frame &top = stack.last();
                if (top.keys.contains(key)) {
                    QStringList path;
                    for (const Frame &f : std::as_const(stack))
                        if (!f.name.isEmpty())
                            path.append(f.name);
                    path.append(key);
                    return path.join(QStringLiteral(": "));
                }
                top.keys.insert(key);
                top.lastKey = key;
                top.expectKey = false;
            }
            i = j;
        } else if (c == '{' || c == '[') {
            Frame frame;
            frame.object = c == '{';
            frame.expectKey = frame.object;
            if (!stack.isEmpty())
                frame.name = stack.last().object ? stack.last().lastKey : QString();
            stack.append(frame);
        } else if (c == '}' || c == ']') {
            if (!stack.isEmpty())
                stack.removeLast();
        } else if (c == ',' && !stack.isEmpty() && stack.last().object) {
            stack.last().expectKey = true;
        }
    }
    return {};
}

// The first text in `value` holding a control character (a line break or a
// tab only where `multiline`), as the path to it; empty when none does.
QString controlCharacterIn(const QJsonValue &value, const QString &path)
{
    const auto bad = [](const QString &text) {
        for (const QChar ch : text)
            if ((ch.unicode() < 0x20 && ch != QLatin1Char('\n') && ch != QLatin1Char('\t')) || ch.unicode() == 0x7f
                || (ch.unicode() >= 0x80 && ch.unicode() < 0xa0))
                return true;
        return false;
    };
    if (value.isString())
        return bad(value.toString()) ? (path.isEmpty() ? QStringLiteral("(top level)") : path) : QString();
    const auto join = [&](const QString &key) { return path.isEmpty() ? key : path + QStringLiteral(": ") + key; };
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (bad(it.key()))
                return join(it.key().toHtmlEscaped().left(40));
            if (const QString found = controlCharacterIn(it.value(), join(it.key())); !found.isEmpty())
                return found;
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            if (const QString found = controlCharacterIn(array.at(i), join(QString::number(i + 1)));
                !found.isEmpty())
                return found;
    }
    return {};
}

// The first text of `value` marked PLACEHOLDER (the shipped template's
// mark for a value still to be filled in), as the path to it; "source",
// which tells how to fill the template in, does not count.
QString placeholderIn(const QJsonValue &value, const QString &path)
{
    const QLatin1String mark("PLACEHOLDER");
    if (value.isString())
        return value.toString().contains(mark) ? path : QString();
    const auto join = [&](const QString &key) { return path.isEmpty() ? key : path + QStringLiteral(": ") + key; };
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (path.isEmpty() && it.key() == QLatin1String("source"))
                continue;
            if (const QString found = placeholderIn(it.value(), join(it.key())); !found.isEmpty())
                return found;
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            if (const QString found = placeholderIn(array.at(i), join(QString::number(i + 1))); !found.isEmpty())
                return found;
    }
    return {};
}

// A file over the size limit, its size and the limit in exact bytes (a size
// in MB rounded to one place says "2.0 MB" of a file just over 2 MB).
QString tooLargeMessage(const QString &name, qint64 bytes)
{
    const QLocale c = QLocale::c();
    return QStringLiteral("%1: the file is %2 bytes; a methodology file is at most %3 bytes (2 MiB; the built-in one "
                          "is under 100 KB), so it was not read: is it the right file?")
        .arg(name, c.toString(bytes), c.toString(Methodology::kMaxFileBytes));
}

bool isSafeId(const QString &id)
{
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9._-]+$"));
    return id.size() <= kMaxIdLength && token.match(id).hasMatch() && id != QLatin1String(".")
        && id != QLatin1String("..");
}

QString formatCharacterText(char32_t c)
{
    struct Named
    {
        char32_t c;
        const char *name;
        bool direction;
    };
    static constexpr Named kNames[] = {
        {0x00AD, "soft hyphen", false},
        {0x061C, "Arabic letter mark", true},
        {0x180E, "Mongolian vowel separator", false},
        {0x200B, "zero width space", false},
        {0x200C, "zero width non-joiner", false},
        {0x200D, "zero width joiner", false},
        {0x200E, "left-to-right mark", true},
        {0x200F, "right-to-left mark", true},
        {0x202A, "left-to-right embedding", true},
        {0x202B, "right-to-left embedding", true},
        {0x202C, "pop directional formatting", true},
        {0x202D, "left-to-right override", true},
        {0x202E, "right-to-left override", true},
        {0x2060, "word joiner", false},
        {0x2066, "left-to-right isolate", true},
        {0x2067, "right-to-left isolate", true},
        {0x2068, "first strong isolate", true},
        {0x2069, "pop directional isolate", true},
        {0xFEFF, "zero width no-break space (byte order mark)", false},
    };
    const QString code = QStringLiteral("U+%1").arg(QString::number(uint(c), 16).toUpper().rightJustified(4, QLatin1Char('0')));
    for (const Named &named : kNames)
        if (named.c == c)
            return QStringLiteral("%1 (%2), an invisible formatting character%3")
                .arg(code, QLatin1String(named.name),
                     named.direction ? QStringLiteral(" that changes the direction text is read in") : QString());
    return QStringLiteral("%1, an invisible formatting character").arg(code);
}

QString lineColumnOf(const QByteArray &json, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < json.size(); ++i) {
        if (json.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((json.at(i) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return QStringLiteral("%1:%2").arg(line).arg(column);
}
// The first invisible formatting character (Unicode category Cf: bidi
// embeddings, overrides and isolates, zero-width characters, soft hyphens)
// in any text of `value`, with the path to it; none: an empty path.
std::pair<QString, char32_t> formatCharacterIn(const QJsonValue &value, const QString &path)
{
    const auto bad = [](const QString &text) -> char32_t {
        for (const char32_t c : text.toUcs4())
            if (QChar::category(c) == QChar::Other_Format)
                return c;
        return 0;
    };
    const auto join = [&](const QString &key) { return path.isEmpty() ? key : path + QStringLiteral(": ") + key; };
    if (value.isString()) {
        const char32_t c = bad(value.toString());
        return {c ? (path.isEmpty() ? QStringLiteral("(top level)") : path) : QString(), c};
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (const char32_t c = bad(it.key()))
                return {join(QStringLiteral("a key")), c};
            if (auto found = formatCharacterIn(it.value(), join(it.key())); !found.first.isEmpty())
                return found;
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            if (auto found = formatCharacterIn(array.at(i), join(QString::number(i + 1))); !found.first.isEmpty())
                return found;
    }
    return {};
}

} // namespace owb
