#pragma once
// What the text of a methodology file may hold, checked before and while it
// is read as a methodology (methodology.cpp): each check names where in the
// file the fault is, so that the parser's message can say it in words.

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <utility>

namespace owb {

// The first key an object of `json` holds twice, with the keys of the objects
// around it ("segmentation: cuts: acute"); empty when none is.
QString duplicateKeyIn(const QByteArray &json);
// The first text in `value` holding a control character, as the path to it;
// empty when none does.
QString controlCharacterIn(const QJsonValue &value, const QString &path);
// The first text of `value` marked PLACEHOLDER, as the path to it.
QString placeholderIn(const QJsonValue &value, const QString &path);
// A file over the size limit: its size and the limit in exact bytes.
QString tooLargeMessage(const QString &name, qint64 bytes);
// The longest id a methodology may have (it names files and register entries).
inline constexpr qsizetype kMaxIdLength = 100;
// An id that may name a file and a register entry: letters, digits, ".", "_",
// "-", at most kMaxIdLength characters.
bool isSafeId(const QString &id);
// An invisible formatting character in words, with its code point:
// "U+200B (zero width space), an invisible formatting character"; a
// direction control adds that it makes text read other than it is.
QString formatCharacterText(char32_t c);
// "LINE:COLUMN" of a byte offset of `json` (columns in characters).
QString lineColumnOf(const QByteArray &json, int offset);
// The first invisible formatting character in any text of `value`, with the
// path to it; none: an empty path.
std::pair<QString, char32_t> formatCharacterIn(const QJsonValue &value, const QString &path);

} // namespace owb
