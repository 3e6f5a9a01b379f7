#include "methodologychange.h"

#include "casefile.h"
#include "casework/casework.h"
#include "casework/league.h"
#include "data/orgcode.h"
#include "data/quarterlabel.h"
#include "framework/assessment.h"
#include "methodologyregister.h"
#include "peerstore.h"
#include "storeerror.h"
#include "workspacelock.h"
#include "data/metricdataset.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <map>

namespace owb {

bool MethodologyChangeRow::changesResult() const
{
    return !before || before->result.segment != after.result.segment
           || before->result.rawSegment != after.result.rawSegment
           || std::abs(before->result.average - after.result.average) > 1e-9 || before->result.rank != after.result.rank
           || finalBefore != finalAfter || leagueRankBefore != leagueRankAfter;
}

QString MethodologyChangeRow::finalReasonText() const
{
    switch (finalReason) {
    case FinalReason::None:
        return {};
    case FinalReason::NoProgrammeSegment:
        return QStringLiteral("no programme segment in %1").arg(yearOfQuarter(quarter));
    case FinalReason::ProgrammeSegment:
        return QStringLiteral("programme segment 5 in %1").arg(yearOfQuarter(quarter));
    }
    return {};
}

int MethodologyChangePlan::rewrittenCount() const
{
    return int(std::count_if(rows.cbegin(), rows.cend(), [](const MethodologyChangeRow &row) { return row.rewritten; }));
}

QList<MethodologyChangeRow> MethodologyChangePlan::changedRows() const
{
    QList<MethodologyChangeRow> changed;
    for (const MethodologyChangeRow &row : rows)
        if (row.changesResult())
            changed.append(row);
    return changed;
}

namespace {
// The decision recorded for the row's quarter when it was made on a computed
// segment other than the one the re-assessment gives.
std::optional<MethodologyDecisionRow> decisionOn(CaseFile &caseFile, const MethodologyChangeRow &row)
{
    CaseworkStore casework(caseFile.scope());
    const QVariantMap decided = casework.decision(row.quarter);
    if (decided.isEmpty())
        return std::nullopt;
    const int decidedOn = decided.value(QStringLiteral("computed_segment")).toInt();
    if (decidedOn <= 0 || decidedOn == row.after.result.segment)
        return std::nullopt;
    return MethodologyDecisionRow{row.code, row.name, row.quarter, decided.value(QStringLiteral("kind")).toString(),
                                  decidedOn, decided.value(QStringLiteral("decided_segment")).toInt(),
                                  row.after.result.segment, decided.value(QStringLiteral("decided_by")).toString(),
                                  decided.value(QStringLiteral("decided_on")).toString()};
}
} // namespace

MethodologyChangePlan planMethodologyChange(Workspace &workspace, const Methodology &methodology)
{
    if (const QString conflict = workspace.methodologies().idConflict(methodology, workspace.directory());
        !conflict.isEmpty())
        throw StoreError(conflict);
    MethodologyChangePlan plan;
    plan.years = methodology.years();
    plan.alreadyInForce = !plan.years.isEmpty();
    for (const QString &year : std::as_const(plan.years)) {
        const Methodology *current = workspace.methodologies().forYear(year);
        if (!current || current->sha256() != methodology.sha256())
            plan.alreadyInForce = false;
        if (current && current->sha256() != methodology.sha256())
            plan.replaced.append(QStringLiteral("%1: %2").arg(year, current->id()));
    }
    for (const QString &quarter : workspace.peers().quarters())
        if (methodology.declaresYear(yearOfQuarter(quarter)))
            plan.quarters.append(quarter);

    const QHash<QString, OrganisationInfo> organisations = workspace.peers().organisations();
    // A team workspace's cases are on the server, one connection for all.
    const QStringList teamCases = workspace.isTeam() ? workspace.caseCodes() : QStringList();
    // The final segment depends on the year's rules too: a year whose new
    // file has no programme segment has no 5 (or, the other way, gets one).
    const QSet<QString> withoutBefore = workspace.methodologies().yearsWithoutProgramme();
    QSet<QString> withoutAfter = withoutBefore;
    for (const QString &year : std::as_const(plan.years)) {
        if (methodology.hasProgramme())
            withoutAfter.remove(year);
        else
            withoutAfter.insert(year);
    }
    std::map<QString, QList<MethodologyChangeRow>> byCode;  // in code order, then quarter order
    std::map<QString, QList<MethodologyDecisionRow>> decisions;
    for (const QString &label : std::as_const(plan.quarters)) {
        const QuarterData quarter = workspace.peers().loadQuarter(label);
        const Methodology *current = workspace.methodologyFor(label);
        // As the league and the portfolio rank it now (NationalCache), and after.
        const QuarterAssessment assessedBefore
            = assessQuarter(current ? *current : workspace.methodology(), quarter.toInputs());
        const QuarterAssessment assessment = assessQuarter(methodology, quarter.toInputs());
        QList<MethodologyChangeRow> quarterRows;
        QHash<QString, int> decidedBefore;  // final segments a decision set, as decidedSegments gives them
        QHash<QString, int> decidedAfter;
        QHash<QString, QString> peerTypes;  // of the followed organisations, by code
        for (qsizetype i = 0; i < quarter.organisations.size(); ++i) {
            const OrganisationQuarter &org = quarter.organisations.at(i);
            const OrganisationInfo info = organisations.value(org.code);
            if (!isValidOrgCode(org.code) || !workspace.follows(info))
                continue;
            MethodologyChangeRow row{org.code, info.name, label, std::nullopt,
                                     StoredAssessment::from(methodology, label, assessment, i)};
            peerTypes.insert(org.code, assessment.organisations.at(i).peerType);
            std::unique_ptr<CaseFile> caseFile;
            if (workspace.isTeam()) {
                if (teamCases.contains(org.code))
                    caseFile = workspace.openCase(org.code);
            } else if (const QString path = workspace.caseFilePath(org.code); QFileInfo(path).isFile()) {
                caseFile = std::make_unique<CaseFile>(path, Database::Mode::ReadOnly);
            }
            row.finalAfter = row.after.result.segment;
            if (caseFile) {
                row.before = caseFile->assessment(label);
                if (row.before && row.before->result.segment != row.after.result.segment)
                    if (auto decision = decisionOn(*caseFile, row))
                        decisions[org.code].append(*decision);
                CaseworkStore casework(caseFile->scope());
                if (row.before) {
                    casework.setYearsWithoutProgramme(withoutBefore);
                    const FinalSegment final = casework.finalSegmentOf(label, row.before->result.segment);
                    row.finalBefore = final.segment;
                    if (final.segment != row.before->result.segment)
                        decidedBefore.insert(org.code, final.segment);
                }
                casework.setYearsWithoutProgramme(withoutAfter);
                const FinalSegment final = casework.finalSegmentOf(label, row.after.result.segment);
                row.finalAfter = final.segment;
                if (final.segment != row.after.result.segment)
                    decidedAfter.insert(org.code, final.segment);
                const bool hadNoProgramme = withoutBefore.contains(yearOfQuarter(label));
                if (row.before && final.programmeWithoutSegment && !hadNoProgramme)
                    row.finalReason = MethodologyChangeRow::FinalReason::NoProgrammeSegment;
                else if (row.before && hadNoProgramme && final.source == FinalSegment::Source::Programme)
                    row.finalReason = MethodologyChangeRow::FinalReason::ProgrammeSegment;
            }
            row.rewritten = !row.before || row.before->digest() != row.after.digest();
            quarterRows.append(row);
        }
        // League ranks after decisions, per peer type, before and after.
        QHash<QString, QHash<QString, int>> ranksBefore;
        QHash<QString, QHash<QString, int>> ranksAfter;
        auto rankIn = [](QHash<QString, QHash<QString, int>> &cache, const QuarterAssessment &a, const QString &peerType,
                         const QHash<QString, int> &decided, const QString &code) {
            if (!cache.contains(peerType))
                cache.insert(peerType, ranksAfterDecisions(a, peerType, decided));
            return cache[peerType].value(code);
        };
        QSet<QString> followed;
        for (MethodologyChangeRow &row : quarterRows) {
            followed.insert(row.code);
            const QString peerType = peerTypes.value(row.code);
            if (row.before && row.before->result.rank > 0)
                row.leagueRankBefore = rankIn(ranksBefore, assessedBefore, peerType, decidedBefore, row.code);
            if (row.after.result.rank > 0)
                row.leagueRankAfter = rankIn(ranksAfter, assessment, peerType, decidedAfter, row.code);
            if (row.rewritten || row.changesResult())
                byCode[row.code].append(row);
        }
        // The league tables list every organisation nationally.
        for (qsizetype i = 0; i < assessment.organisations.size(); ++i) {
            const OrganisationAssessment &org = assessment.organisations.at(i);
            if (followed.contains(org.code) || i >= assessedBefore.organisations.size())
                continue;
            const int before = assessedBefore.organisations.at(i).rank > 0
                ? rankIn(ranksBefore, assessedBefore, assessedBefore.organisations.at(i).peerType, decidedBefore, org.code)
                : 0;
            const int after = org.rank > 0 ? rankIn(ranksAfter, assessment, org.peerType, decidedAfter, org.code) : 0;
            if (before != after)
                ++plan.otherLeagueMoves;
        }
    }
    for (auto &[code, rows] : byCode)
        plan.rows += rows;
    for (auto &[code, rows] : decisions)
        plan.decisions += rows;
    return plan;
}

ImportReport applyMethodologyChange(
    Workspace &workspace, const Methodology &methodology, const Workspace::Progress &progress)
{
    return workspace.reassess(methodology, progress);
}

QStringList interruptedReassessment(const QString &directory, PeerStore &peers,
                                    const MethodologyRegister &methodologies, Database::Mode mode)
{
    QStringList quarters;
    const QStringList pending = peers.pendingQuarters();
    if (pending.isEmpty())
        return quarters;
    const QDir dir(directory);
    const QStringList names = dir.entryList({QStringLiteral("*") + CaseFile::kSuffix}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        try {
            CaseFile caseFile(dir.filePath(name), mode);
            for (const QString &label : pending) {
                if (quarters.contains(label))
                    continue;
                const Methodology *rules = methodologies.forQuarter(label);
                const auto stored = caseFile.assessment(label);
                if (rules && stored && stored->methodologySha256 != rules->sha256())
                    quarters.append(label);
            }
        } catch (const StoreError &) {
            continue;  // a damaged case file is another problem, told by owb check
        }
        if (quarters.size() == pending.size())
            break;
    }
    std::sort(quarters.begin(), quarters.end(), quarterLessThan);
    return quarters;
}

QString interruptedWorkWarning(Workspace &workspace)
{
    if (workspace.isTeam())
        return {};
    const QStringList pending = workspace.peers().pendingQuarters();
    if (pending.isEmpty())
        return {};
    const QStringList reassessing
        = interruptedReassessment(workspace.directory(), workspace.peers(), workspace.methodologies());
    if (!reassessing.isEmpty())
        return QStringLiteral("warning: %1: a re-assessment (owb methodology add) was interrupted: some case files "
                              "still hold %2 under the methodology it replaced, so what follows mixes both. Open the "
                              "workspace where you may change it (the workbench, or owb methodology add again) to "
                              "complete it")
            .arg(workspace.directory(), reassessing.join(QStringLiteral(", ")));
    return QStringLiteral("warning: %1: an import was interrupted: %2 may be missing from some case files. Open the "
                          "workspace where you may change it (the workbench, or import again) to complete it")
        .arg(workspace.directory(), pending.join(QStringLiteral(", ")));
}

std::unique_ptr<Workspace> openForReading(const QString &directory, QString *said)
{
    auto workspace = Workspace::open(directory, Database::Mode::ReadOnly);
    if (workspace->isTeam() || workspace->peers().pendingQuarters().isEmpty())
        return workspace;
    if (Workspace::readOnlyReason(directory).isEmpty() && !WorkspaceLock::isHeld(directory)) {
        try {
            workspace.reset();
            auto writable = Workspace::open(directory, Database::Mode::OpenExisting);
            if (said)
                *said = QStringLiteral("note: %1: %2").arg(writable->directory(), [&] {
                    ImportReport report = writable->completedOnOpen();
                    report.completedReassessment = writable->completedReassessmentOnOpen();
                    return completedWorkText(report);
                }());
            writable.reset();
            return Workspace::open(directory, Database::Mode::ReadOnly);
        } catch (const WorkspaceInUse &) {
            workspace = Workspace::open(directory, Database::Mode::ReadOnly);  // taken meanwhile: read as it is
        }
    }
    if (said)
        *said = interruptedWorkWarning(*workspace);
    return workspace;
}

QString completedWorkText(const ImportReport &report)
{
    if (report.quartersCompleted.isEmpty())
        return {};
    // English only, as the command line that prints it.
    return QStringLiteral("an interrupted %1 was completed (%2): %3 written")
        .arg(report.completedReassessment ? QStringLiteral("re-assessment") : QStringLiteral("import"),
             report.quartersCompleted.join(QStringLiteral(", ")),
             report.quartersWritten == 1 ? QStringLiteral("1 case-file quarter")
                                         : QStringLiteral("%1 case-file quarters").arg(report.quartersWritten));
}

} // namespace owb
