// RFC 4180 reading: quoting, line ends, BOM, positions, and refusals.

#include "data/csvreader.h"

#include <QBuffer>
#include <QTest>

using namespace owb;

namespace {
struct Parsed
{
    QList<QStringList> rows;
    QList<int> lines;
    QString error;
};

Parsed parse(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, QStringLiteral("f.csv"));
    CsvRecord record;
    Parsed parsed;
    while (reader.next(&record)) {
        QStringList row;
        for (const CsvField &field : std::as_const(record.fields))
            row.append(field.text);
        parsed.rows.append(row);
        parsed.lines.append(record.line);
    }
    if (reader.hasError())
        parsed.error = reader.error().toString();
    return parsed;
}
} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void records_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QList<QStringList>>("rows");
        QTest::addColumn<QList<int>>("lines");
        QTest::newRow("plain LF") << QByteArray("a,b\n1,2\n") << QList<QStringList>{{"a", "b"}, {"1", "2"}}
                                  << QList<int>{1, 2};
        QTest::newRow("CRLF, no final newline") << QByteArray("a,b\r\n1,2")
                                                << QList<QStringList>{{"a", "b"}, {"1", "2"}} << QList<int>{1, 2};
        QTest::newRow("lone CR") << QByteArray("a\r1\r") << QList<QStringList>{{"a"}, {"1"}} << QList<int>{1, 2};
        QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBFquarter,x\n") << QList<QStringList>{{"quarter", "x"}}
                             << QList<int>{1};
        QTest::newRow("quoted comma and quote") << QByteArray("\"a,b\",\"say \"\"hi\"\"\"\n")
                                                << QList<QStringList>{{"a,b", "say \"hi\""}} << QList<int>{1};
        QTest::newRow("line break inside quotes") << QByteArray("\"one\r\ntwo\",x\ny,z\n")
                                                  << QList<QStringList>{{"one\r\ntwo", "x"}, {"y", "z"}}
                                                  << QList<int>{1, 3};
        QTest::newRow("empty fields") << QByteArray(",,\n") << QList<QStringList>{{"", "", ""}} << QList<int>{1};
        QTest::newRow("blank lines skipped") << QByteArray("a\n\n\r\nb\n") << QList<QStringList>{{"a"}, {"b"}}
                                             << QList<int>{1, 4};
        QTest::newRow("UTF-8") << QByteArray("caf\xC3\xA9,\xE2\x80\x93\n") << QList<QStringList>{{"caf\u00e9", "\u2013"}}
                               << QList<int>{1};
    }
    void records()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QList<QStringList>, rows);
        QFETCH(QList<int>, lines);
        const Parsed parsed = parse(bytes);
        QCOMPARE(parsed.error, QString());
        QCOMPARE(parsed.rows, rows);
        QCOMPARE(parsed.lines, lines);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("unclosed quote") << QByteArray("a,b\n1,\"2\n3\n")
                                        << QStringLiteral("f.csv:2:3: quoted field is never closed (missing '\"')");
        QTest::newRow("text after quote") << QByteArray("\"a\"b,c\n")
                                          << QStringLiteral("f.csv:1:4: unexpected text after a closing quote (a quote inside a quoted field must be doubled)");
        QTest::newRow("invalid UTF-8") << QByteArray("ok\nab,\xFF\xFE\n")
                                       << QStringLiteral("f.csv:2:4: invalid UTF-8 text (save the file as UTF-8)");
        QTest::newRow("NUL") << QByteArray("ab\x00" "c\n", 5)
                             << QStringLiteral("f.csv:1:3: binary data (NUL byte): not a CSV text file");
        QTest::newRow("huge record") << QByteArray("x,") + QByteArray(CsvReader::kMaxRecordBytes + 10, 'a')
                                     << QStringLiteral("f.csv:1: record longer than 1 MiB");
    }
    void errors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        QCOMPARE(parse(bytes).error, error);
    }

    void fieldPositions()
    {
        QBuffer buffer;
        buffer.setData("h\n\xC3\xA9t\xC3\xA9,\"x\ny\",z\n");
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer, QStringLiteral("f.csv"));
        CsvRecord record;
        QVERIFY(reader.next(&record));
        QVERIFY(reader.next(&record));
        QCOMPARE(record.fields.size(), 3);
        QCOMPARE(record.fields.at(1).line, 2);
        QCOMPARE(record.fields.at(1).column, 5);  // characters, not bytes
        QCOMPARE(record.fields.at(2).line, 3);
        QCOMPARE(record.fields.at(2).column, 4);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
