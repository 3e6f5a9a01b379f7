// libFuzzer: any bytes as a methodology file. Either a valid methodology
// whose lookups work, or a message naming the file; never a crash.

#include "framework/methodology.h"

using namespace owb;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto methodology = Methodology::fromJson(bytes, QStringLiteral("fuzz.json"), &error);
    if (!methodology) {
        if (!error.startsWith(QStringLiteral("fuzz.json")))
            __builtin_trap();
        return 0;
    }
    for (const PeerType &type : methodology->peerTypes()) {
        (void)methodology->scoredMetricsFor(type.id);
        (void)methodology->isSegmented(type.id);
        if (methodology->resolvePeerType(type.id) == nullptr)
            __builtin_trap();
    }
    for (const MetricDefinition &metric : methodology->metrics())
        if (methodology->metric(metric.id) == nullptr)
            __builtin_trap();
    return 0;
}
