// libFuzzer: any bytes through the CSV reader, then through the metric-file
// reader under the built-in methodology. Either reads or reports; never
// crashes, hangs or reads out of bounds.

#include "data/csvreader.h"
#include "data/metricfilereader.h"

#include <QBuffer>

using namespace owb;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    {
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer, QStringLiteral("fuzz.csv"));
        CsvRecord record;
        while (reader.next(&record)) {
            for (const CsvField &field : std::as_const(record.fields))
                if (field.line < 1 || field.column < 1)
                    __builtin_trap();  // every field knows where it starts
        }
        if (reader.hasError() && reader.error().toString().isEmpty())
            __builtin_trap();
    }
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    Diagnostics errors;
    MetricFileSummary summary;
    const auto dataset = MetricFileReader(Methodology::builtIn()).read(&buffer, QStringLiteral("fuzz.csv"), &errors, &summary);
    if (!dataset && errors.isEmpty())
        __builtin_trap();  // a refusal always says why
    return 0;
}
