// The workspace's methodology years: which file assesses which quarter, and
// what an import may register (store/methodologyregister holds the register).

#include "data/metricdataset.h"
#include "data/quarterlabel.h"
#include "importer.h"
#include "workspace.h"

#include <optional>

#include <QMap>
#include <algorithm>

namespace owb {

namespace {
// What the store says of a failure, told of a re-assessment: its general
// advice ("an interrupted import or re-assessment completes where it
// stopped") becomes how this one completes, or that nothing was changed.
QString reassessmentStopped(QString message, bool started)
{
    const QString completes = started
        ? QStringLiteral("the re-assessment stopped part way; opening the workspace in the workbench, or running "
                         "owb methodology add with --apply again, completes it")
        : QStringLiteral("the re-assessment was not started, and nothing was changed");
    const QString importAdvice = QStringLiteral("(an interrupted import or re-assessment completes where it stopped)");
    if (message.contains(importAdvice))
        return message.replace(importAdvice, QStringLiteral("(%1)").arg(completes));
    return QStringLiteral("%1 (%2)").arg(message, completes);
}
} // namespace

void Workspace::reloadMethodologies()
{
    m_register->reload();
    const Methodology *latest = m_register->latest();
    m_methodology = latest ? *latest : Methodology::builtIn();
}

QList<Workspace::PlannedRules> Workspace::rulesToRegister(
    const MetricDataset &dataset, const QList<Methodology> &given, bool backCast) const
{
    QList<PlannedRules> result;
    const auto rulesOf = [&](const QString &year) -> const Methodology * {
        for (const PlannedRules &p : result)
            if (p.year == year)
                return &p.methodology;
        return m_register->forYear(year);
    };
    if (const QString twice = sameYearTwice(m_directory, given, {}); !twice.isEmpty())
        throw StoreError(twice);
    for (const Methodology &file : given) {
        if (const QString conflict = m_register->idConflict(file, m_directory); !conflict.isEmpty())
            throw StoreError(conflict);
        for (const QString &year : file.years()) {
            const Methodology *current = m_register->forYear(year);
            if (!current) {
                result.append({year, file, YearBasis::Declared});
            } else if (current->sha256() != file.sha256()) {
                throw StoreError(
                    QStringLiteral("%1: %2 is assessed under the methodology %3 (SHA-256 %4...); importing with "
                                   "another file for %2 (%5, SHA-256 %6...) would re-assess it: nothing was "
                                   "imported. To re-assess %2, see what would change with owb methodology "
                                   "add %1 FILE, then run it again with --apply")
                        .arg(m_directory, year, current->id(), current->sha256().left(12), file.id(),
                             file.sha256().left(12)));
            }
        }
    }
    QMap<QString, QString> missing;  // year -> its first quarter in the file
    for (const QuarterData &quarter : dataset.quarters) {
        const QString year = yearOfQuarter(quarter.label);
        if (rulesOf(year))
            continue;
        // A year no given file and no register covers takes the built-in
        // file's rules when that file declares the year (as a new workspace
        // always has).
        if (Methodology::builtIn().declaresYear(year)) {
            result.append({year, Methodology::builtIn(), YearBasis::Declared});
            continue;
        }
        if (!missing.contains(year) || quarterLessThan(quarter.label, missing.value(year)))
            missing.insert(year, quarter.label);
    }
    // Back-casting: an earlier year takes the rules of the first later year that has some.
    // Without a file given, the built-in file's own years count as later
    // years (and are registered with it).
    if (backCast && given.isEmpty() && !missing.isEmpty())
        for (const QString &year : Methodology::builtIn().years())
            if (!rulesOf(year))
                result.append({year, Methodology::builtIn(), YearBasis::Declared});
    QStringList unassessable;  // every quarter of the file whose year has no rules, in period order
    for (auto it = missing.cbegin(); it != missing.cend(); ++it) {
        const Methodology *later = nullptr;
        if (backCast) {
            QStringList years;
            for (const RegisteredYear &y : m_register->years())
                years.append(y.year);
            for (const PlannedRules &p : std::as_const(result))
                years.append(p.year);
            std::sort(years.begin(), years.end());
            for (const QString &year : std::as_const(years))
                if (year > it.key() && (later = rulesOf(year)))
                    break;
        }
        if (!later) {
            for (const QuarterData &quarter : dataset.quarters)
                if (yearOfQuarter(quarter.label) == it.key() && !unassessable.contains(quarter.label))
                    unassessable.append(quarter.label);
            continue;
        }
        result.append({it.key(), *later, YearBasis::BackCast});
    }
    if (!unassessable.isEmpty()) {
        std::sort(unassessable.begin(), unassessable.end(), quarterLessThan);
        throw NoMethodologyError(m_directory, unassessable);
    }
    return result;
}

void Workspace::registerMethodology(const Methodology &methodology, const QString &year, YearBasis basis)
{
    const Methodology *current = m_register->forYear(year);
    if (current && current->sha256() != methodology.sha256())
        throw StoreError(QStringLiteral("%1: %2 is already assessed under the methodology %3; re-assessing it is "
                                        "owb methodology add")
                             .arg(m_directory, year, current->id()));
    if (current)
        return;
    try {
        Transaction transaction(m_peers->database());
        m_register->put(methodology, year, basis);
        transaction.commit();
    } catch (...) {
        reloadMethodologies();
        throw;
    }
    reloadMethodologies();
}

ImportReport Workspace::reassess(const Methodology &methodology, const Progress &progress)
{
    if (methodology.years().isEmpty())
        throw StoreError(QStringLiteral("%1: the methodology %2 declares no \"years\"")
                             .arg(m_directory, methodology.id()));
    if (const QString conflict = m_register->idConflict(methodology, m_directory); !conflict.isEmpty())
        throw StoreError(conflict);
    // On a server, one transaction as an import is (see import()).
    std::optional<Transaction> whole;
    beginNationalChange(whole);
    QStringList quarters;
    for (const QString &quarter : m_peers->quarters())
        if (methodology.declaresYear(yearOfQuarter(quarter)))
            quarters.append(quarter);
    ImportReport report;
    bool started = false;  // the register changed and the quarters marked pending: completable
    try {
        {
            Transaction transaction(m_peers->database());
            for (const QString &year : methodology.years())
                m_register->put(methodology, year, YearBasis::Declared);
            m_peers->markPending(quarters);
            transaction.commit();
        }
        started = !whole;
        reloadMethodologies();
        report = completePendingWork(progress);
        if (whole)
            whole->commit();
    } catch (const StoreError &error) {
        whole.reset();
        reloadMethodologies();
        // A full disk (or another failure) part way is a re-assessment's,
        // not an import's: said so, with how it completes.
        throw StoreError(reassessmentStopped(error.message(), started));
    } catch (...) {
        whole.reset();
        reloadMethodologies();
        throw;
    }
    report.quartersChanged = quarters;
    // What opening completed of an interrupted import or re-assessment is
    // part of what this did: told, not lost.
    const ImportReport &earlier = m_completedOnOpen;
    report.caseFilesCreated += earlier.caseFilesCreated;
    report.caseFilesUpdated += earlier.caseFilesUpdated;
    report.quartersWritten += earlier.quartersWritten;
    report.quartersCompleted = earlier.quartersCompleted;
    report.completedReassessment = !earlier.quartersCompleted.isEmpty() && m_completedReassessment;
    m_completedOnOpen = {};
    return report;
}

} // namespace owb
