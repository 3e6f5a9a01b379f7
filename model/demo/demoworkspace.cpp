#include "demoworkspace.h"

#include "demodata.h"
#include "exchange/datasetwriter.h"
#include "store/importer.h"

#include <QDir>
#include <QSaveFile>
#include <QTextStream>

namespace owb {

DemoSummary createDemoWorkspace(const QString &directory)
{
    const Methodology &methodology = Methodology::builtIn();
    const DemoData demo = generateDemoData(methodology);
    Workspace::create(directory, demo.region);  // empty, following the demo region

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
    const ImportOutcome outcome = importMetricFile(directory, csvPath, methodology);
    if (!outcome.ok())
        throw StoreError(!outcome.storeError.isEmpty() ? outcome.storeError : outcome.errors.first().toString());

    return {demo.region, demo.organisations, int(demo.dataset.quarters.size()), int(Workspace::open(directory, Database::Mode::ReadOnly)->caseFilePaths().size())};
}

} // namespace owb
