#include "csvreader.h"

#include <QStringDecoder>

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

bool CsvReader::finishField(CsvRecord *record, const QByteArray &raw, int line, int column)
{
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
            QByteArray raw;
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
            } else {
                for (int c = peek(); c != ',' && c != '\n' && c != '\r' && c != kEnd; c = peek()) {
                    if (c == 0)
                        return fail(m_line, m_column, QStringLiteral("binary data (NUL byte): not a CSV text file"));
                    raw.append(char(take()));
                    if (++recordBytes > kMaxRecordBytes)
                        return fail(record->line, 0, QStringLiteral("record longer than 1 MiB"));
                }
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
