#include "demoworkspace.h"

#include "data/metricfilereader.h"
#include "demodata.h"
#include "exchange/datasetwriter.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSaveFile>
#include <QTextStream>

namespace owb {

DemoSummary createDemoWorkspace(const QString &directory)
{
    const Methodology &methodology = Methodology::builtIn();
    const DemoData demo = generateDemoData(methodology);
    auto workspace = Workspace::create(directory, demo.region);

    const QString csvPath = QDir(directory).filePath(QStringLiteral("national-metrics.csv"));
    QSaveFile file(csvPath);
    if (!file.open(QIODevice::WriteOnly))
        throw StoreError(QStringLiteral("%1: cannot write: %2").arg(csvPath, file.errorString()));
    {
        QTextStream out(&file);
        writeDatasetCsv(out, demo.dataset, methodology);
    }
    if (!file.commit())
        throw StoreError(QStringLiteral("%1: cannot write: %2").arg(csvPath, file.errorString()));

    // Import the file as a user would, so that the demo proves the whole path.
    Diagnostics errors;
    MetricFileSummary summary;
    const auto dataset = MetricFileReader(methodology).read(csvPath, &errors, &summary);
    if (!dataset)
        throw StoreError(errors.isEmpty() ? csvPath : errors.first().toString());
    QFile reread(csvPath);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (reread.open(QIODevice::ReadOnly))
        hash.addData(&reread);
    workspace->import(*dataset, methodology, csvPath, QString::fromLatin1(hash.result().toHex()), summary.rows);

    return {demo.region, demo.organisations, int(dataset->quarters.size()), int(workspace->caseFilePaths().size())};
}

} // namespace owb
