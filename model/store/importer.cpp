#include "importer.h"

#include "data/textlimits.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace owb {

namespace {
QString sha256Of(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (file.open(QIODevice::ReadOnly))
        hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}
} // namespace

ImportOutcome importMetricFile(const QString &directory, const QString &path,
    const std::optional<Methodology> &methodology, const QString &region, const ImportProgress &progress,
    bool backCast)
{
    ImportOutcome outcome;
    bool creating = Workspace::isAbsentOrEmpty(directory);
    QString regionProblem = textLengthProblem(QStringLiteral("the region"), region, kMaxNameLength);
    if (regionProblem.isEmpty())
        regionProblem = controlCharacterProblem(QStringLiteral("the region"), region);
    if (creating && !regionProblem.isEmpty()) {
        outcome.storeError = QStringLiteral("%1: cannot create a workspace following this region: %2")
                                 .arg(directory, regionProblem);
        return outcome;
    }
    if (!creating && !Workspace::isWorkspace(directory)) {
        const QString why = Workspace::whyNotWorkspace(directory);
        outcome.storeError = why.contains(PeerStore::kFileName + QStringLiteral(" is missing"))
            ? why
            : QStringLiteral("%1: not an Oversight Workbench workspace, and not empty: refusing "
                             "to write there")
                  .arg(directory);
        return outcome;
    }
    try {
        // An existing workspace keeps its methodology unless another is given.
        // It is opened read-only until the file has passed validation.
        const Methodology rules = methodology ? *methodology
            : creating                        ? Methodology::builtIn()
                       : Workspace::open(directory, Database::Mode::ReadOnly)->methodology();
        outcome.methodologyId = rules.id();
        const qint64 size = QFileInfo(path).size();
        const auto dataset
            = MetricFileReader(rules).read(path, &outcome.errors, &outcome.summary, [&](qint64 bytes) {
                  if (progress)
                      progress(ImportStage::Reading, bytes, size);
              });
        if (!dataset)
            return outcome;
        // Another import may have created the workspace while this one read its file.
        creating = creating && !Workspace::isWorkspace(directory);
        const std::unique_ptr<Workspace> workspace
            = creating ? Workspace::create(directory, region) : Workspace::open(directory);
        // The region asked for is never dropped silently: an existing
        // workspace follows what it was created to follow.
        if (!creating && !region.trimmed().isEmpty()
            && workspace->followedRegion().compare(region.trimmed(), Qt::CaseInsensitive) != 0) {
            outcome.storeError
                = QStringLiteral("%1: this workspace follows %2, not %3; the region is chosen when a "
                                 "workspace is created (use a new folder to follow %3)")
                      .arg(directory,
                          workspace->followedRegion().isEmpty() ? QStringLiteral("every region")
                                                                : workspace->followedRegion(),
                          region.trimmed());
            return outcome;
        }
        outcome.created = creating;
        outcome.report = workspace->import(
            *dataset, methodology, path, sha256Of(path), outcome.summary.rows, [&](int done, int total) {
                if (progress)
                    progress(ImportStage::Writing, done, total);
            },
            backCast);
    } catch (const StoreError &error) {
        outcome.storeError = error.message();
    }
    return outcome;
}

} // namespace owb
