#include "importer.h"

#include "data/metricdataset.h"
#include "data/quarterlabel.h"
#include "data/textlimits.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <algorithm>

namespace owb {

namespace {
// The years of `dataset` a new workspace would have no methodology for: the
// given files' years, and the built-in file's.
bool coversYear(const QList<Methodology> &given, const QString &year)
{
    if (Methodology::builtIn().declaresYear(year))
        return true;
    return std::any_of(given.cbegin(), given.cend(), [&](const Methodology &m) { return m.declaresYear(year); });
}

QStringList yearsWithoutRules(const MetricDataset &dataset, const QList<Methodology> &given)
{
    QStringList years;
    for (const QuarterData &quarter : dataset.quarters)
        if (const QString year = yearOfQuarter(quarter.label); !coversYear(given, year) && !years.contains(year))
            years.append(year);
    std::sort(years.begin(), years.end());
    return years;
}

QString newWorkspaceWithoutRules(const QString &directory, const QString &path, const MetricDataset &dataset,
                                 const QList<Methodology> &given, const QStringList &years)
{
    QStringList quarters;
    for (const QuarterData &quarter : dataset.quarters)
        if (years.contains(yearOfQuarter(quarter.label)))
            quarters.append(quarter.label);
    std::sort(quarters.begin(), quarters.end(), quarterLessThan);
    QStringList covered;  // "2025/26 (the built-in file, nof-2025-26)", "2026/27 (nof-2026-27)"
    // A given file for the built-in file's year is the one registered for it.
    for (const QString &year : Methodology::builtIn().years())
        if (std::none_of(given.cbegin(), given.cend(), [&](const Methodology &m) { return m.declaresYear(year); }))
            covered.append(QStringLiteral("%1 (the built-in file, %2)").arg(year, Methodology::builtIn().id()));
    for (const Methodology &rules : given)
        for (const QString &year : rules.years())
            covered.append(QStringLiteral("%1 (%2)").arg(year, rules.id()));
    return QStringLiteral("%1: %2 holds %3, and a new workspace has a methodology only for %4, so %5 cannot be "
                          "assessed; nothing was created. Give the methodology file for %6 with the data: owb import "
                          "--methodology FILE %1 %2 (once per year; in the workbench, File ▸ New Workspace from "
                          "Metric File... asks for it), a file whose \"years\" include %6")
        .arg(directory, path, quarters.join(QStringLiteral(", ")), covered.join(QStringLiteral(", ")),
             quarters.size() == 1 ? QStringLiteral("that quarter") : QStringLiteral("those quarters"),
             years.join(QStringLiteral(" and ")));
}

QString sha256Of(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (file.open(QIODevice::ReadOnly))
        hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}
} // namespace

std::optional<MetricDataset> readMetricFile(const Methodology &rules, const QString &path, ImportOutcome &outcome,
                                            const ImportProgress &progress)
{
    outcome.methodologyId = rules.id();
    const qint64 size = QFileInfo(path).size();
    return MetricFileReader(rules).read(path, &outcome.errors, &outcome.summary, [&](qint64 bytes) {
        if (progress)
            progress(ImportStage::Reading, bytes, size);
    });
}

void importDataset(Workspace &workspace, const MetricDataset &dataset, const QString &path, ImportOutcome &outcome,
                   const ImportProgress &progress)
{
    try {
        outcome.report = workspace.import(dataset, QList<Methodology>(), path, sha256Of(path), outcome.summary.rows,
                                          [&](int done, int total) {
                                              if (progress)
                                                  progress(ImportStage::Writing, done, total);
                                          });
    } catch (const NoMethodologyError &error) {
        outcome.storeError = error.message();
        outcome.quartersWithoutMethodology = error.quarters();
    } catch (const StoreError &error) {
        outcome.storeError = error.message();
    }
}

QString sameYearTwice(const QString &where, const QList<Methodology> &methodologies, const QStringList &names)
{
    for (qsizetype i = 0; i < methodologies.size(); ++i)
        for (qsizetype j = 0; j < i; ++j)
            for (const QString &year : methodologies.at(i).years())
                if (methodologies.at(j).declaresYear(year)) {
                    // The same file twice is a slip in the command, not two files at odds.
                    const bool sameFile = names.isEmpty()
                        ? methodologies.at(i).sha256() == methodologies.at(j).sha256()
                        : names.value(i) == names.value(j);
                    if (sameFile)
                        return QStringLiteral("%1: %2 was given twice: give each methodology file once. Nothing was "
                                              "changed")
                            .arg(where, names.value(i, methodologies.at(i).id()));
                    return QStringLiteral("%1: %2 and %3 both declare %4: give one methodology file per financial "
                                          "year. Nothing was changed")
                        .arg(where, names.value(j, methodologies.at(j).id()), names.value(i, methodologies.at(i).id()),
                             year);
                }
    return {};
}

ImportOutcome importMetricFile(const QString &directory, const QString &path,
    const QList<Methodology> &methodologies, const QString &region, const ImportProgress &progress,
    bool backCast, const std::function<void()> &beforeWriting)
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
    if (const QString twice = sameYearTwice(directory, methodologies, {}); !twice.isEmpty()) {
        outcome.storeError = twice;
        return outcome;
    }
    try {
        // An existing workspace keeps its methodology unless another is given.
        // It is opened read-only until the file has passed validation; a team
        // member who may not import is told so before the file is read.
        std::unique_ptr<Workspace> existing;
        if (!creating && (methodologies.isEmpty() || isServerUrl(directory))) {
            existing = Workspace::open(directory, Database::Mode::ReadOnly);
            if (const QString why = existing->whyMayNotImport(); !why.isEmpty()) {
                outcome.storeError = why;
                return outcome;
            }
        }
        // The file is read under the given file of the latest year (its
        // catalogue is the newest), as a workspace reads under its latest.
        const auto latestGiven = std::max_element(methodologies.cbegin(), methodologies.cend(),
            [](const Methodology &a, const Methodology &b) { return a.years().value(0) < b.years().value(0); });
        const Methodology rules = latestGiven != methodologies.cend() ? *latestGiven
            : creating                                              ? Methodology::builtIn()
                                                                    : existing->methodology();
        existing.reset();
        const auto dataset = readMetricFile(rules, path, outcome, progress);
        if (!dataset)
            return outcome;
        // A new workspace follows a region this file holds: a misspelt one
        // would follow nobody, silently.
        if (creating && !region.trimmed().isEmpty()) {
            QSet<QString> regions;
            bool found = false;
            for (const QuarterData &quarter : dataset->quarters)
                for (const OrganisationQuarter &organisation : quarter.organisations) {
                    if (!organisation.region.isEmpty())
                        regions.insert(organisation.region);
                    found = found || organisation.region.compare(region.trimmed(), Qt::CaseInsensitive) == 0;
                }
            if (!found) {
                QStringList names(regions.cbegin(), regions.cend());
                std::sort(names.begin(), names.end());
                outcome.storeError = names.isEmpty()
                    ? QStringLiteral("%1: no row names a region (no region column), so the workspace cannot "
                                     "follow \"%2\": import without --region to follow every organisation")
                          .arg(path, region.trimmed())
                    : QStringLiteral("%1: no organisation in this file is in region \"%2\"; the file holds %3. "
                                     "Check the spelling; nothing was created")
                          .arg(path, region.trimmed(), names.join(QStringLiteral(", ")));
                return outcome;
            }
        }
        // A new workspace has the given file's years, else the built-in
        // file's: a year outside them is refused before anything is created.
        if (creating && !backCast) {
            const QStringList missing = yearsWithoutRules(*dataset, methodologies);
            if (!missing.isEmpty()) {
                outcome.yearsWithoutMethodology = missing;
                outcome.storeError = newWorkspaceWithoutRules(directory, path, *dataset, methodologies, missing);
                return outcome;
            }
        }
        if (beforeWriting)
            beforeWriting();
        // Another import may have created the workspace while this one read its file.
        creating = creating && !Workspace::isWorkspace(directory);
        const bool folderExisted = QFileInfo::exists(directory);
        std::unique_ptr<Workspace> workspace
            = creating ? Workspace::create(directory, region) : Workspace::open(directory);
        // A refused creation leaves the folder as it was: absent, or empty.
        const auto undoCreation = [&] {
            if (!creating)
                return;
            workspace.reset();
            QDir dir(directory);
            if (!folderExisted)
                dir.removeRecursively();
            else
                for (const QFileInfo &entry : dir.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
                    entry.isDir() && !entry.isSymLink() ? QDir(entry.filePath()).removeRecursively()
                                                        : QFile::remove(entry.filePath());
        };
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
        try {
            outcome.report = workspace->import(
                *dataset, methodologies, path, sha256Of(path), outcome.summary.rows, [&](int done, int total) {
                    if (progress)
                        progress(ImportStage::Writing, done, total);
                },
                backCast);
        } catch (const StoreError &) {
            // Refused before any national value was stored (no methodology
            // for a year, say): a new workspace is not left half made.
            if (creating && workspace->peers().quarters().isEmpty()) {
                undoCreation();
                outcome.created = false;
            }
            throw;
        }
    } catch (const NoMethodologyError &error) {
        outcome.storeError = error.message();
        outcome.quartersWithoutMethodology = error.quarters();
    } catch (const StoreError &error) {
        outcome.storeError = error.message();
    }
    return outcome;
}

} // namespace owb
