#include "portfolio.h"
#include "schemas.h"

#include "casefile.h"
#include "caseparallel.h"
#include "casework/casework.h"
#include "casework/needsaction.h"
#include "casework/trajectory.h"
#include "casework/datetext.h"
#include "valuecolumns.h"

#include <QCoreApplication>
#include <QDate>

#include <exception>
#include <functional>
#include <optional>
#include <vector>
#include "data/quarterlabel.h"
#include "methodologyregister.h"
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
    if (firstSegmented())
        return QStringLiteral("methodology changed");
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
    if (!methodologyChanged() || previousQuarter.isEmpty() || segment == 0)
        return {};
    // The one rule for naming a programme entry: its entry quarter is this one.
    if (inProgramme && programmeEntryQuarter == quarter)
        return QStringLiteral("entered the programme");
    if (previousInProgramme && !inProgramme)
        return QStringLiteral("left the programme");
    // Staying in the programme decides both quarters' segments, but no
    // decision was taken across the change; a correction was.
    const bool corrected = (decided && !inProgramme) || (previousDecided && !previousInProgramme);
    if (corrected && segment != previousSegment)
        return QStringLiteral("decision");
    return {};
}

QString methodologyChangeName(const QString &previousId, const QString &id)
{
    return previousId == id ? QCoreApplication::translate("owb::Methodology", "re-issue of %1").arg(id)
                            : QCoreApplication::translate("owb::Methodology", "methodology %1").arg(id);
}

namespace {
// Two quarters under the same id and different files: which is the
// re-issue (the later file), named with its date and SHA-256.
QString reissueDetail(const PortfolioEntry &e)
{
    const bool currentLater = e.methodologyIssued >= e.previousMethodologyIssued;
    const QString issued = currentLater ? e.methodologyIssued : e.previousMethodologyIssued;
    const QString sha = (currentLater ? e.methodologySha256 : e.previousMethodologySha256).left(4);
    const QString reissued = issued.isEmpty()
        ? QStringLiteral("%1 re-issued (SHA-256 %2\u2026)").arg(e.methodologyId, sha)
        : QStringLiteral("%1 re-issued %2 (SHA-256 %3\u2026)").arg(e.methodologyId, showDate(issued.left(10)), sha);
    return currentLater ? QStringLiteral("%1 under %2, %3 under its earlier issue").arg(e.quarter, reissued, e.previousQuarter)
                        : QStringLiteral("%1 under its earlier issue, %2 under %3").arg(e.quarter, e.previousQuarter, reissued);
}
} // namespace

QString PortfolioEntry::changeDetail() const
{
    const QString reason = changeReason();
    // The segment did not move across a change of methodology, but a
    // programme entry or exit did happen (in a year without a programme
    // segment, say): the decision is named, with both quarters' rules.
    if (reason.isEmpty() && movement() == QLatin1String("methodology-changed") && !decisionDetail.isEmpty()
        && !decisionAcrossMethodologies().isEmpty())
        return QStringLiteral("%1; %2").arg(decisionDetail,
                                            previousMethodologyId == methodologyId
                                                ? reissueDetail(*this)
                                                : QStringLiteral("%1 assessed under %2, %3 under %4")
                                                      .arg(previousQuarter, previousMethodologyId, quarter, methodologyId));
    if (reason.isEmpty())
        return {};
    if (reason == QLatin1String("decision"))
        return decisionDetail;
    if (reason == QLatin1String("methodology changed")) {
        const QString rules = firstSegmented()
            ? (methodologyTitle.isEmpty() || methodologyTitle == methodologyId
                   ? QStringLiteral("first segmented under %1").arg(methodologyId)
                   : QStringLiteral("first segmented under %1 (%2)").arg(methodologyTitle, methodologyId))
                  + QStringLiteral("; %1, assessed under %2, was not segmented").arg(previousQuarter, previousMethodologyId)
            : previousMethodologyId == methodologyId
            ? reissueDetail(*this)
            : QStringLiteral("%1 assessed under %2, %3 under %4")
                  .arg(previousQuarter, previousMethodologyId, quarter, methodologyId);
        // A decision (a programme entry, say) moved it too, or holds a first
        // segment at 5: named first.
        if ((!decisionAcrossMethodologies().isEmpty() || (firstSegmented() && inProgramme)) && !decisionDetail.isEmpty())
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
QString decisionDetail(CaseworkStore &casework, const QString &quarter, const QString &previous,
                       const std::function<QString(const QString &)> &programmeNameIn)
{
    // The programme is named as its entry year's methodology names it.
    auto nameOf = [&](qint64 id) {
        return programmeNameIn(casework.record(programmeTable(), id).value(QStringLiteral("entry_quarter")).toString());
    };
    const QVariantMap decided = casework.decision(quarter);
    if (decided.value(QStringLiteral("kind")).toString() == QLatin1String("correction"))
        return QStringLiteral("correction by %1 on %2: %3")
            .arg(decided.value(QStringLiteral("decided_by")).toString(), decided.value(QStringLiteral("decided_on")).toString(),
                 decided.value(QStringLiteral("rationale")).toString());
    const qint64 now = casework.programmeIn(quarter);
    const qint64 before = previous.isEmpty() ? 0 : casework.programmeIn(previous);
    // In the programme in a year without a programme segment: said beside it.
    const QString noSegment = now > 0 && !casework.hasProgrammeSegment(quarter)
                                  ? QStringLiteral("; %1 has no programme segment").arg(yearOfQuarter(quarter))
                                  : QString();
    if (now > 0 && now != before) {
        const QVariantMap p = casework.record(programmeTable(), now);
        return QStringLiteral("%1 entry (%2, %3): %4%5")
            .arg(nameOf(now), p.value(QStringLiteral("entry_quarter")).toString(), p.value(QStringLiteral("entry_date")).toString(),
                 p.value(QStringLiteral("reason")).toString(), noSegment);
    }
    if (now == 0 && before > 0) {
        const QVariantMap p = casework.record(programmeTable(), before);
        return QStringLiteral("exit from the %1 (%2, %3)")
            .arg(nameOf(before), p.value(QStringLiteral("exit_quarter")).toString(), p.value(QStringLiteral("exit_date")).toString());
    }
    if (now > 0)
        return QStringLiteral("in the %1 since %2%3")
            .arg(nameOf(now), casework.record(programmeTable(), now).value(QStringLiteral("entry_quarter")).toString(),
                 noSegment);
    const QVariantMap earlier = previous.isEmpty() ? QVariantMap() : casework.decision(previous);
    if (earlier.value(QStringLiteral("kind")).toString() == QLatin1String("correction"))
        return QStringLiteral("%1 was a correction; %2 is as computed").arg(previous, quarter);
    return {};
}
} // namespace

namespace {
// The casework tables the portfolio's columns are computed from.
const QList<const CaseworkTable *> &portfolioTables()
{
    static const QList<const CaseworkTable *> tables{&reviewTable(),    &programmeTable(), &criterionTable(),
                                                     &milestoneTable(), &decisionTable(),  &trajectoryTable()};
    return tables;
}

// What the portfolio reads of cases, each table once: one case file's case
// (`org`), or with an empty `org` every case of a team workspace, whose case
// tables are shared and keyed by organisation. The statements are the same
// for both; without an organisation they have no binding, so each is one
// round trip to a server however many cases, metrics or records there are.
struct CasesRead
{
    QHash<QString, CaseIdentity> identities;
    QHash<QString, QHash<QString, StoredAssessment>> assessments; // by quarter
    QHash<QString, std::pair<QString, QString>> capability; // the latest rated year: rating, year
    QHash<QString, CaseworkRows> casework;
    // quarter -> metric -> value, of the metrics and quarters with a trajectory point
    QHash<QString, QHash<QString, QHash<QString, MetricValue>>> planned;
};

CasesRead readCases(Database &db, const QString &org, const CaseIdentity *opened = nullptr)
{
    CasesRead read;
    const bool one = !org.isEmpty();
    auto run = [&](const QString &sql) { return one ? db.exec(sql, {org}) : db.exec(sql); };
    // A case file's identity was read as it was opened (its name checked against it).
    if (one && opened) {
        read.identities.insert(org, *opened);
    } else {
        QSqlQuery identities = run(QStringLiteral("SELECT org_code, code, name, peer_type, region FROM organisation%1")
                                       .arg(one ? QStringLiteral(" WHERE org_code = ?") : QString()));
        while (identities.next())
            read.identities.insert(identities.value(0).toString(),
                                   {identities.value(1).toString(), identities.value(2).toString(),
                                    identities.value(3).toString(), identities.value(4).toString()});
    }
    read.assessments = CaseFile::readAssessmentHeads(db, org);
    const int version = caseSchemaVersion(db);
    // Capability arrived with schema 2; an older file simply has none yet.
    if (version >= 2) {
        QSqlQuery q = run(QStringLiteral("SELECT org_code, rating, year FROM capability_overall WHERE rating <> ''%1"
                                         " ORDER BY org_code, year DESC")
                              .arg(one ? QStringLiteral(" AND org_code = ?") : QString()));
        while (q.next())
            if (!read.capability.contains(q.value(0).toString()))
                read.capability.insert(q.value(0).toString(), {q.value(1).toString(), q.value(2).toString()});
    }
    // Casework arrived with schema 3, decisions and trajectories with 4.
    if (version >= 3) {
        QList<const CaseworkTable *> tables = portfolioTables();
        if (version < 4) {
            tables.removeAll(&decisionTable());
            tables.removeAll(&trajectoryTable());
        }
        read.casework = CaseworkStore::readAhead(db, org, tables);
    }
    if (version >= 4) {
        QSqlQuery q = run(QStringLiteral("SELECT v.org_code, v.quarter, v.metric_id, v.kind, v.number, v.label"
                                         " FROM metric_value v JOIN trajectory_point t ON t.org_code = v.org_code"
                                         " AND t.quarter = v.quarter AND t.metric_id = v.metric_id%1")
                              .arg(one ? QStringLiteral(" WHERE v.org_code = ?") : QString()));
        while (q.next())
            read.planned[q.value(0).toString()][q.value(1).toString()].insert(q.value(2).toString(),
                                                                              valueFromColumns(q, 3));
    }
    return read;
}

// What an entry needs of the workspace, resolved once before any case is read:
// the folder's case files are read on several threads, which never touch the
// workspace itself.
struct PortfolioRules
{
    const Methodology &workspace;
    const Methodology &quarter; // the quarter's own methodology, else the workspace's
    const MethodologyRegister &methodologies; // read only (const), from any thread
    QSet<QString> yearsWithoutProgramme;
    QString latestQuarter; // the workspace's: its overdue items are counted on today
};

// One case's entry from what readCases read: the same for a case file and a
// server's case.
PortfolioEntry entryFor(const PortfolioRules &rules, Database &db, const CasesRead &read, const QString &code,
                        const QString &quarter, const QString &previous)
{
    const CaseIdentity identity = read.identities.value(code);
    PortfolioEntry entry;
    // A case file's path; on a server the workspace's address (open the
    // case with Workspace::openCase(code)).
    entry.path = db.path();
    entry.code = identity.code;
    entry.name = identity.name;
    entry.peerType = identity.peerType;
    entry.region = identity.region;
    const QHash<QString, StoredAssessment> assessments = read.assessments.value(code);
    if (const auto current = assessments.constFind(quarter); current != assessments.cend()) {
        entry.quarter = quarter;
        entry.segment = current->result.segment;
        entry.average = current->result.average;
        entry.rank = current->result.rank;
        entry.peerCount = current->peerCount;
        entry.deficit = current->result.deficit;
        entry.rawSegment = current->result.rawSegment;
        entry.methodologyId = current->methodologyId;
        entry.methodologySha256 = current->methodologySha256;
        entry.methodologyTitle = rules.quarter.id() == entry.methodologyId ? rules.quarter.title() : entry.methodologyId;
    }
    if (const auto before = previous.isEmpty() ? assessments.cend() : assessments.constFind(previous);
        before != assessments.cend()) {
        entry.previousQuarter = previous;
        entry.previousSegment = before->result.segment;
        entry.previousRawSegment = before->result.rawSegment;
        entry.previousDeficit = before->result.deficit;
        entry.previousAverage = before->result.average;
        entry.previousMethodologyId = before->methodologyId;
        entry.previousMethodologySha256 = before->methodologySha256;
    }
    for (const RegisteredFile &file : rules.methodologies.files()) {
        if (file.methodology.sha256() == entry.methodologySha256)
            entry.methodologyIssued = file.addedAt;
        if (file.methodology.sha256() == entry.previousMethodologySha256)
            entry.previousMethodologyIssued = file.addedAt;
    }
    for (const StoredAssessment &a : assessments)
        if (a.computedAt > entry.lastChange)
            entry.lastChange = a.computedAt;
    if (const auto capability = read.capability.constFind(code); capability != read.capability.cend()) {
        entry.capabilityRating = capability->first;
        entry.capabilityYear = capability->second;
    }
    // Casework arrived with schema 3: the programme makes the segment 5.
    if (caseSchemaVersion(db) >= 3) {
        CaseworkRows rows = read.casework.value(code);
        for (const CaseworkTable *table : portfolioTables())
            rows[table->name]; // a table with no rows for the case was read too
        CaseworkStore casework(CaseScope{db, code}, rows);
        casework.setYearsWithoutProgramme(rules.yearsWithoutProgramme);
        const CaseworkStatus status = casework.status(quarter, QDate::currentDate(), rules.workspace.casework(), rules.latestQuarter);
        entry.overdue = status.overdue;
        entry.inProgramme = status.inProgramme;
        const int computed = entry.segment;
        entry.segment = casework.finalSegment(quarter, computed);
        entry.decided = entry.segment != computed;
        const int previousComputed = entry.previousSegment;
        entry.previousSegment = casework.finalSegment(previous, previousComputed);
        entry.previousDecided = entry.previousSegment != previousComputed;
        const QHash<QString, QHash<QString, MetricValue>> planned = read.planned.value(code);
        const int offTrajectory = int(offTrajectoryIn(casework, rules.quarter, quarter,
                                                      [&planned](const QString &q) { return planned.value(q); })
                                          .size());
        entry.offTrajectory = offTrajectory;
        const NeedsAction needs = needsAction(casework, quarter, entry.segment, status, offTrajectory, computed);
        entry.needsAction = needs.words();
        entry.casework = caseworkSummary(status, needs);
        entry.decisionDetail = decisionDetail(casework, quarter, previous, [&rules](const QString &entered) {
            return rules.methodologies.programmeNameIn(entered);
        });
        if (const qint64 programme = casework.programmeIn(quarter); programme > 0)
            entry.programmeEntryQuarter =
                casework.record(programmeTable(), programme).value(QStringLiteral("entry_quarter")).toString();
        entry.previousInProgramme = !previous.isEmpty() && casework.programmeIn(previous) > 0;
    }
    return entry;
}
} // namespace

QList<PortfolioEntry> loadPortfolio(Workspace &workspace, QString quarter, QStringList *problems)
{
    const QStringList quarters = workspace.peers().quarters();
    if (quarter.isEmpty() && !quarters.isEmpty())
        quarter = quarters.last();
    const qsizetype position = quarters.indexOf(quarter);
    const QString previous = position > 0 ? quarters.at(position - 1) : QString();

    const Methodology *own = workspace.methodologyFor(quarter);
    const PortfolioRules rules{workspace.methodology(), own ? *own : workspace.methodology(), workspace.methodologies(),
                               workspace.methodologies().yearsWithoutProgramme(),
                               quarters.isEmpty() ? QString() : quarters.last()};
    QList<PortfolioEntry> entries;
    if (Database *server = workspace.isTeam() ? workspace.casesDatabase() : nullptr) {
        // A server's cases: every table read once for all of them.
        const CasesRead read = readCases(*server, QString());
        for (const QString &code : workspace.caseCodes())
            entries.append(entryFor(rules, *server, read, code, quarter, previous));
        return entries;
    }
    // A folder's case files as they lie (a stray name is reported, named),
    // each opened and its tables read once. Opening a case file is mostly
    // SQLite reading its schema, so the files are shared out between threads,
    // each with its own connections; the entries keep the folder's order.
    const QStringList paths = workspace.caseFilePaths();
    const auto count = std::size_t(paths.size());
    std::vector<std::optional<PortfolioEntry>> read(count);
    std::vector<QString> failed(count);
    const std::vector<std::exception_ptr> crashed = forEachCaseInParallel(count, [&](std::size_t i) {
        try {
            CaseFile caseFile(paths.at(qsizetype(i)), Database::Mode::ReadOnly);
            const CasesRead cases = readCases(caseFile.database(), caseFile.orgCode(), &caseFile.identityWhenOpened());
            read[i] = entryFor(rules, caseFile.database(), cases, caseFile.orgCode(), quarter, previous);
        } catch (const StoreError &error) {
            failed[i] = error.message();
        }
    });
    for (std::size_t i = 0; i < count; ++i) {
        if (crashed[i])
            std::rethrow_exception(crashed[i]);
        if (read[i])
            entries.append(std::move(*read[i]));
        else if (problems)
            problems->append(failed[i]);
    }
    return entries;
}

} // namespace owb
