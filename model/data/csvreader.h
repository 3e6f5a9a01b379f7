#pragma once
// A streaming RFC 4180 reader: UTF-8 with or without BOM, LF, CRLF or CR line
// ends, quoted fields with commas, doubled quotes and line breaks. It keeps
// one record in memory at a time, so a file of any size is read in bounded
// memory, and remembers where each field starts for error messages.

#include "diagnostic.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QString>

namespace owb {

struct CsvField
{
    QString text;
    int line = 0;
    int column = 0;  // in characters, 1-based
};

struct CsvRecord
{
    int line = 0;  // where the record starts
    QList<CsvField> fields;
};

class CsvReader
{
public:
    // Longest record accepted; longer ones are an error, not a memory spike.
    static constexpr qsizetype kMaxRecordBytes = 1 << 20;

    CsvReader(QIODevice *device, QString displayName);

    // Reads the next non-blank record. Returns false at the end of the file or
    // on an error that makes the rest unreadable (then error() is set).
    bool next(CsvRecord *record);
    const Diagnostic &error() const { return m_error; }
    bool hasError() const { return !m_error.message.isEmpty(); }
    qint64 bytesRead() const { return m_consumed; }

private:
    int peek();
    int take();
    bool fail(int line, int column, const QString &message);
    // Reads an unquoted field's bytes; false after fail() on an error.
    bool readUnquoted(QByteArray *raw, qsizetype *recordBytes, int recordLine);
    bool finishField(CsvRecord *record, const QByteArray &raw, int line, int column);

    QIODevice *m_device;
    QString m_name;
    QByteArray m_buffer;
    QByteArray m_field;  // the field being read
    qsizetype m_pos = 0;
    qint64 m_consumed = 0;
    bool m_atStart = true;
    int m_line = 1;
    int m_column = 1;
    Diagnostic m_error;
};

} // namespace owb
