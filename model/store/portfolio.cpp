#include "portfolio.h"
#include "schemas.h"

#include "casefile.h"
#include "casework/casework.h"
#include "casework/needsaction.h"
#include "casework/trajectory.h"

#include <QDate>
#include "data/metricdataset.h"

namespace owb {

QString PortfolioEntry::movement() const
{
    if (segment == 0)
        return {};
    // Under other rules, even from a quarter that did not segment it (an
    // ICB in 2025/26, segmented in 2026/27): never improved or deteriorated.
    if (methodologyChanged() && !previousQuarter.isEmpty())
        return QStringLiteral("methodology-changed");
    if (previousSegment == 0)
        return {};
    if (segment < previousSegment)
        return QStringLiteral("improved");
    if (segment > previousSegment)
        return QStringLiteral("deteriorated");
    return QStringLiteral("unchanged");
}

QString PortfolioEntry::changeReason() const
{
    if (segment == 0 || previousSegment == 0 || segment == previousSegment)
        return {};
    if (methodologyChanged())
        return QStringLiteral("methodology changed");
    if (decided || previousDecided)
        return QStringLiteral("decision");
    if (rawSegment != previousRawSegment)
        return QStringLiteral("score");
    return QStringLiteral("finance override");
}

QString PortfolioEntry::decisionAcrossMethodologies() const
{
    if (!methodologyChanged() || segment == previousSegment || !(decided || previousDecided))
        return {};
    if (inProgramme && segment == 5 && previousSegment != 5)
        return QStringLiteral("entered the programme");
    if (!inProgramme && previousSegment == 5)
        return QStringLiteral("left the programme");
    return QStringLiteral("decision");
}

QString PortfolioEntry::changeDetail() const
{
    const QString reason = changeReason();
    if (reason.isEmpty())
        return {};
    if (reason == QLatin1String("decision"))
        return decisionDetail;
    if (reason == QLatin1String("methodology changed")) {
        const QString rules = QStringLiteral("%1 assessed under %2, %3 under %4")
                                  .arg(previousQuarter, previousMethodologyId, quarter, methodologyId);
        // A decision (a programme entry, say) moved it too: named first.
        if (!decisionAcrossMethodologies().isEmpty() && !decisionDetail.isEmpty())
            return QStringLiteral("%1; %2").arg(decisionDetail, rules);
        return rules;
    }
    if (reason == QLatin1String("score")) {
        QString text = QStringLiteral("average %1 \u2192 %2 (computed segment %3 \u2192 %4)")
                           .arg(formatHundredths(previousAverage), formatHundredths(average))
                           .arg(previousRawSegment)
                           .arg(rawSegment);
        if (segment != rawSegment)
            text += QStringLiteral("; in deficit, so segment %1").arg(segment);
        return text;
    }
    return deficit ? QStringLiteral("in deficit: held at segment %1 though its scores give %2").arg(segment).arg(rawSegment)
                   : QStringLiteral("no longer in deficit: its scores give segment %1").arg(segment);
}

namespace {
// The decision that set this quarter's segment, or undid the previous one.
QString decisionDetail(CaseworkStore &casework, const QString &quarter, const QString &previous, const QString &programme)
{
    const QVariantMap decided = casework.decision(quarter);
    if (decided.value(QStringLiteral("kind")).toString() == QLatin1String("correction"))
        return QStringLiteral("correction by %1 on %2: %3")
            .arg(decided.value(QStringLiteral("decided_by")).toString(), decided.value(QStringLiteral("decided_on")).toString(),
                 decided.value(QStringLiteral("rationale")).toString());
    const qint64 now = casework.programmeIn(quarter);
    const qint64 before = previous.isEmpty() ? 0 : casework.programmeIn(previous);
    if (now > 0 && now != before) {
        const QVariantMap p = casework.record(programmeTable(), now);
        return QStringLiteral("%1 entry (%2, %3): %4")
            .arg(programme, p.value(QStringLiteral("entry_quarter")).toString(), p.value(QStringLiteral("entry_date")).toString(),
                 p.value(QStringLiteral("reason")).toString());
    }
    if (now == 0 && before > 0) {
        const QVariantMap p = casework.record(programmeTable(), before);
        return QStringLiteral("exit from the %1 (%2, %3)")
            .arg(programme, p.value(QStringLiteral("exit_quarter")).toString(), p.value(QStringLiteral("exit_date")).toString());
    }
    if (now > 0)
        return QStringLiteral("in the %1 since %2")
            .arg(programme, casework.record(programmeTable(), now).value(QStringLiteral("entry_quarter")).toString());
    const QVariantMap earlier = previous.isEmpty() ? QVariantMap() : casework.decision(previous);
    if (earlier.value(QStringLiteral("kind")).toString() == QLatin1String("correction"))
        return QStringLiteral("%1 was a correction; %2 is as computed").arg(previous, quarter);
    return {};
}
} // namespace

QList<PortfolioEntry> loadPortfolio(Workspace &workspace, QString quarter, QStringList *problems)
{
    const QStringList quarters = workspace.peers().quarters();
    if (quarter.isEmpty() && !quarters.isEmpty())
        quarter = quarters.last();
    const qsizetype position = quarters.indexOf(quarter);
    const QString previous = position > 0 ? quarters.at(position - 1) : QString();

    QList<PortfolioEntry> entries;
    // A folder's case files as they lie (a stray name is reported, named),
    // a server's cases by code.
    const QStringList cases = workspace.isTeam() ? workspace.caseCodes() : workspace.caseFilePaths();
    for (const QString &which : cases) {
        try {
            const std::unique_ptr<CaseFile> opened = workspace.isTeam()
                ? workspace.openCase(which, Database::Mode::ReadOnly)
                : std::make_unique<CaseFile>(which, Database::Mode::ReadOnly);
            CaseFile &caseFile = *opened;
            const CaseIdentity identity = caseFile.identity();
            PortfolioEntry entry;
            // A case file's path; on a server the workspace's address (open
            // the case with Workspace::openCase(code)).
            entry.path = caseFile.path();
            entry.code = identity.code;
            entry.name = identity.name;
            entry.peerType = identity.peerType;
            entry.region = identity.region;
            if (const auto current = caseFile.assessment(quarter)) {
                entry.quarter = quarter;
                entry.segment = current->result.segment;
                entry.average = current->result.average;
                entry.rank = current->result.rank;
                entry.peerCount = current->peerCount;
                entry.deficit = current->result.deficit;
                entry.rawSegment = current->result.rawSegment;
                entry.methodologyId = current->methodologyId;
                entry.methodologySha256 = current->methodologySha256;
            }
            if (const auto before = previous.isEmpty() ? std::nullopt : caseFile.assessment(previous)) {
                entry.previousQuarter = previous;
                entry.previousSegment = before->result.segment;
                entry.previousRawSegment = before->result.rawSegment;
                entry.previousDeficit = before->result.deficit;
                entry.previousAverage = before->result.average;
                entry.previousMethodologyId = before->methodologyId;
                entry.previousMethodologySha256 = before->methodologySha256;
            }
            entry.lastChange = caseFile.database()
                                   .scalar(QStringLiteral("SELECT max(computed_at) FROM assessment WHERE org_code = ?"),
                                       { caseFile.orgCode() })
                                   .toString();
            // Capability arrived with schema 2; an older file simply has none yet.
            if (caseSchemaVersion(caseFile.database()) >= 2) {
                QSqlQuery q = caseFile.database().exec(
                    QStringLiteral("SELECT rating, year FROM capability_overall WHERE org_code = ? AND rating <> ''"
                                   " ORDER BY year DESC LIMIT 1"),
                    { caseFile.orgCode() });
                if (q.next()) {
                    entry.capabilityRating = q.value(0).toString();
                    entry.capabilityYear = q.value(1).toString();
                }
            }
            // Casework arrived with schema 3: the programme makes the segment 5.
            if (caseSchemaVersion(caseFile.database()) >= 3) {
                CaseworkStore casework(caseFile.scope());
                const CaseworkStatus status = casework.status(quarter, QDate::currentDate(), workspace.methodology().casework());
                entry.overdue = status.overdue;
                entry.inProgramme = status.inProgramme;
                const int computed = entry.segment;
                entry.segment = casework.finalSegment(quarter, computed);
                entry.decided = entry.segment != computed;
                const int previousComputed = entry.previousSegment;
                entry.previousSegment = casework.finalSegment(previous, previousComputed);
                entry.previousDecided = entry.previousSegment != previousComputed;
                const Methodology *rules = workspace.methodologyFor(quarter);
                const int offTrajectory
                    = int(offTrajectoryIn(caseFile, rules ? *rules : workspace.methodology(), quarter).size());
                entry.offTrajectory = offTrajectory;
                const NeedsAction needs = needsAction(casework, quarter, entry.segment, status, offTrajectory, computed);
                entry.needsAction = needs.words();
                entry.casework = caseworkSummary(status, needs);
                entry.decisionDetail = decisionDetail(casework, quarter, previous, workspace.methodology().programmeName());
            }
            entries.append(entry);
        } catch (const StoreError &error) {
            if (problems)
                problems->append(error.message());
        }
    }
    return entries;
}

} // namespace owb
