#include "csvreader.h"

#include <QStringDecoder>
#include <algorithm>

namespace owb {

namespace {
constexpr qint64 kChunk = 1 << 20;
constexpr int kEnd = -1;
} // namespace

CsvReader::CsvReader(QIODevice *device, QString displayName)
    : m_device(device), m_name(std::move(displayName))
{
}

int CsvReader::peek()
{
    if (m_pos >= m_buffer.size()) {
        m_buffer = m_device->read(kChunk);
        m_pos = 0;
        if (m_buffer.isEmpty())
            return kEnd;
    }
    return static_cast<unsigned char>(m_buffer.at(m_pos));
}

int CsvReader::take()
{
    const int c = peek();
    if (c == kEnd)
        return kEnd;
    ++m_pos;
    ++m_consumed;
    if (c == '\n') {
        ++m_line;
        m_column = 1;
    } else if (c == '\r') {
        // CRLF counts once (at the LF); a lone CR ends a line by itself.
        if (peek() != '\n') {
            ++m_line;
            m_column = 1;
        }
    } else if ((c & 0xC0) != 0x80) {
        ++m_column;  // count characters, not UTF-8 continuation bytes
    }
    return c;
}

bool CsvReader::fail(int line, int column, const QString &message)
{
    m_error = {m_name, line, column, message};
    return false;
}

bool CsvReader::readUnquoted(QByteArray *raw, qsizetype *recordBytes, int recordLine)
{
    // The hot path: scan the buffer for the end of the field in bulk.
    while (peek() != kEnd) {
        const char *begin = m_buffer.constData() + m_pos;
        const char *end = m_buffer.constData() + m_buffer.size();
        const char *p = begin;
        int characters = 0;
        while (p < end && *p != ',' && *p != '\n' && *p != '\r' && *p != '\0') {
            characters += (*p & 0xC0) != 0x80;
            ++p;
        }
        const qsizetype length = p - begin;
        raw->append(begin, length);
        m_pos += length;
        m_consumed += length;
        m_column += characters;
        *recordBytes += length;
        if (*recordBytes > kMaxRecordBytes)
            return fail(recordLine, 0, QStringLiteral("record longer than 1 MiB"));
        if (p < end) {
            if (*p == '\0')
                return fail(m_line, m_column, QStringLiteral("binary data (NUL byte): not a CSV text file"));
            return true;
        }
    }
    return true;
}

bool CsvReader::finishField(CsvRecord *record, const QByteArray &raw, int line, int column)
{
    const bool ascii = std::all_of(raw.cbegin(), raw.cend(), [](char c) { return (c & 0x80) == 0; });
    if (ascii) {
        record->fields.append({QString::fromLatin1(raw), line, column});
        return true;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(raw);
    if (decoder.hasError())
        return fail(line, column, QStringLiteral("invalid UTF-8 text (save the file as UTF-8)"));
    record->fields.append({std::move(text), line, column});
    return true;
}

bool CsvReader::next(CsvRecord *record)
{
    if (hasError())
        return false;
    if (m_atStart) {
        m_atStart = false;
        if (peek() == 0xEF) {
            const QByteArray bom("\xEF\xBB\xBF");
            if (m_buffer.mid(m_pos, 3) == bom) {
                m_pos += 3;
                m_consumed += 3;
            }
        }
    }

    for (;;) {
        record->fields.clear();
        record->line = m_line;
        if (peek() == kEnd)
            return false;
        qsizetype recordBytes = 0;
        bool endOfRecord = false;
        while (!endOfRecord) {
            const int fieldLine = m_line;
            const int fieldColumn = m_column;
            QByteArray &raw = m_field;
            raw.resize(0);  // keeps its capacity: no allocation per field
            if (peek() == '"') {
                take();
                for (;;) {
                    const int c = take();
                    if (c == kEnd)
                        return fail(fieldLine, fieldColumn,
                                    QStringLiteral("quoted field is never closed (missing '\"')"));
                    if (c == '"') {
                        if (peek() == '"') {
                            take();
                            raw.append('"');
                            continue;
                        }
                        break;
                    }
                    if (c == 0)
                        return fail(m_line, m_column, QStringLiteral("binary data (NUL byte): not a CSV text file"));
                    raw.append(char(c));
                    if (++recordBytes > kMaxRecordBytes)
                        return fail(record->line, 0, QStringLiteral("record longer than 1 MiB"));
                }
                const int after = peek();
                if (after != ',' && after != '\n' && after != '\r' && after != kEnd)
                    return fail(m_line, m_column,
                                QStringLiteral("unexpected text after a closing quote (a quote inside a quoted field must be doubled)"));
            } else if (!readUnquoted(&raw, &recordBytes, record->line)) {
                return false;
            }
            if (!finishField(record, raw, fieldLine, fieldColumn))
                return false;
            const int c = take();
            if (c == '\r' && peek() == '\n')
                take();
            endOfRecord = c != ',';
        }
        const bool blank = record->fields.size() == 1 && record->fields.first().text.isEmpty();
        if (!blank)
            return true;
    }
}

} // namespace owb
