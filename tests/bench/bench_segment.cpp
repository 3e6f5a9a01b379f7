// Benchmark (not a test): times `owb segment` on 250 organisations x 40
// metrics x 12 quarters, beside `sqlite3 :memory: ".import --csv FILE t"` on
// the same file as the floor to beat. Prints medians of several runs.
//
// Usage: bench_segment [RUNS]

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

namespace {
constexpr int kOrganisations = 250;
constexpr int kMetrics = 40;
constexpr int kQuarters = 12;

void writeMethodology(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    QTextStream out(&file);
    out << R"({"id": "bench", "years": ["2023/24", "2024/25", "2025/26"], "peer_types": [{"id": "acute"}, {"id": "mhc"}],
 "domains": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}], "metrics": [)";
    for (int m = 0; m < kMetrics; ++m) {
        out << (m ? ",\n" : "\n") << QStringLiteral(R"( {"id": "M%1", "domain": "%2", "applies_to": ["acute", "mhc"], "range": [null, null], "direction": "%3")")
                                         .arg(m, 2, 10, QLatin1Char('0'))
                                         .arg(QChar(u'a' + m % 4))
                                         .arg(m % 2 ? QStringLiteral("higher") : QStringLiteral("lower"));
        if (m % 5 == 0)
            out << R"(, "standard": 60)";
        if (m % 7 == 0)
            out << R"(, "weight": "1/3")";
        out << "}";
    }
    out << "],\n \"segmentation\": {\"method\": \"peer-quartiles\"}}\n";
}

void writeData(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    QTextStream out(&file);
    QRandomGenerator random(42);
    out << "quarter,org_code,org_name,org_type,metric_id,value\n";
    for (int q = 0; q < kQuarters; ++q)
        for (int o = 0; o < kOrganisations; ++o)
            for (int m = 0; m < kMetrics; ++m)
                out << QStringLiteral("%1/%2 Q%3,R%4,Trust %4,%5,M%6,%7\n")
                           .arg(2023 + q / 4)
                           .arg((24 + q / 4) % 100)
                           .arg(q % 4 + 1)
                           .arg(o, 3, 10, QLatin1Char('0'))
                           .arg(o % 5 ? QStringLiteral("acute") : QStringLiteral("mhc"))
                           .arg(m, 2, 10, QLatin1Char('0'))
                           .arg(random.bounded(1000) / 10.0);
}

double medianMs(const QString &program, const QStringList &arguments, int runs)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QProcess process;
        process.setStandardOutputFile(QProcess::nullDevice());
        QElapsedTimer timer;
        timer.start();
        process.start(program, arguments);
        process.waitForFinished(-1);
        times.append(timer.nsecsElapsed() / 1e6);
        if (process.exitCode() != 0)
            qFatal("%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 5;
    QTemporaryDir dir;
    const QString methodology = dir.filePath(QStringLiteral("bench.json"));
    const QString data = dir.filePath(QStringLiteral("bench.csv"));
    writeMethodology(methodology);
    writeData(data);
    std::printf("%d organisations x %d metrics x %d quarters = %d rows, %.1f MB\n", kOrganisations, kMetrics,
                kQuarters, kOrganisations * kMetrics * kQuarters, QFile(data).size() / 1e6);
    const double segment = medianMs(QStringLiteral(OWB_BIN),
                                    {QStringLiteral("segment"), QStringLiteral("--data"), data,
                                     QStringLiteral("--methodology"), methodology},
                                    runs);
    std::printf("owb segment:                        median %8.1f ms over %d runs\n", segment, runs);
    const QString sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite.isEmpty()) {
        std::printf("sqlite3 not found: no floor measured\n");
        return 0;
    }
    const double floor = medianMs(sqlite, {QStringLiteral(":memory:"), QStringLiteral(".import --csv %1 t").arg(data)}, runs);
    std::printf("sqlite3 :memory: .import --csv:     median %8.1f ms over %d runs\n", floor, runs);
    std::printf("ratio: %.2f\n", segment / floor);
    return 0;
}
