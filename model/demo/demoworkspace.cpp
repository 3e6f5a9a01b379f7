#include "demoworkspace.h"

#include "demodata.h"
#include "exchange/datasetwriter.h"
#include "casework/capability.h"
#include "casework/casesession.h"
#include "casework/notes.h"
#include "store/casefile.h"
#include "store/importer.h"

#include <QDir>
#include <QSaveFile>
#include <QTextStream>

namespace owb {

namespace {
// Capability views and a note per case, so that the demo looks like a region
// at work. Derived from each case's latest segment: the same every time.
void addDemoCasework(const QString &directory, const Methodology &methodology)
{
    const QList<NamedItem> ratings = methodology.capabilityRatings();  // best first
    const QList<NamedItem> areas = methodology.capabilityAreas();
    for (const QString &path : Workspace::open(directory, Database::Mode::ReadOnly)->caseFilePaths()) {
        CaseFile caseFile(path, Database::Mode::OpenExisting);
        const QList<StoredAssessment> history = caseFile.assessments();
        if (history.isEmpty() || ratings.size() < 4)
            continue;
        const StoredAssessment &latest = history.last();
        const QString year = CaseSession::financialYear(latest.quarter);
        const int segment = std::max(1, latest.result.segment);
        const int overall = std::min(int(ratings.size()) - 1, segment - 1);
        CapabilityStore capability(caseFile.database());
        for (qsizetype i = 0; i < areas.size(); ++i) {
            // The board sees itself a little better than the region does.
            const int region = std::clamp(overall + int((i + segment) % 3) - 1, 0, int(ratings.size()) - 1);
            capability.setAreaField(year, areas.at(i).id, CapabilityArea::SelfRating, ratings.at(std::max(0, region - 1)).id);
            capability.setAreaField(year, areas.at(i).id, CapabilityArea::RegionRating, ratings.at(region).id);
        }
        capability.setOverallField(year, CapabilityOverall::Rating, ratings.at(overall).id);
        capability.setOverallField(year, CapabilityOverall::Rationale,
                                   QStringLiteral("Triangulated from the board's self-assessment, the delivery record "
                                                  "since %1 and the latest CQC findings.")
                                       .arg(history.first().quarter));
        capability.setOverallField(year, CapabilityOverall::DecidedOn, QStringLiteral("2026-02-16"));
        NoteStore(caseFile.database())
            .add({0, QStringLiteral("2026-02-16T10:00:00Z"), QStringLiteral("demo"), QString(), QString(),
                  QStringLiteral("Quarterly review meeting held; segment %1 discussed with the executive team.")
                      .arg(latest.result.segment)});
    }
}
} // namespace

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

    addDemoCasework(directory, methodology);
    return {demo.region, demo.organisations, int(demo.dataset.quarters.size()), int(Workspace::open(directory, Database::Mode::ReadOnly)->caseFilePaths().size())};
}

} // namespace owb
