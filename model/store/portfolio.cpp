#include "portfolio.h"

#include "casefile.h"
#include "casework/casework.h"

#include <QDate>
#include "data/metricdataset.h"

namespace owb {

QString PortfolioEntry::movement() const
{
    if (segment == 0 || previousSegment == 0)
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
    if (decided || previousDecided)
        return QStringLiteral("decision");
    if (rawSegment != previousRawSegment)
        return QStringLiteral("score");
    return QStringLiteral("finance override");
}

QList<PortfolioEntry> loadPortfolio(Workspace &workspace, QString quarter, QStringList *problems)
{
    const QStringList quarters = workspace.peers().quarters();
    if (quarter.isEmpty() && !quarters.isEmpty())
        quarter = quarters.last();
    const qsizetype position = quarters.indexOf(quarter);
    const QString previous = position > 0 ? quarters.at(position - 1) : QString();

    QList<PortfolioEntry> entries;
    for (const QString &path : workspace.caseFilePaths()) {
        try {
            CaseFile caseFile(path, Database::Mode::ReadOnly);
            const CaseIdentity identity = caseFile.identity();
            PortfolioEntry entry;
            entry.path = path;
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
            }
            if (const auto before = previous.isEmpty() ? std::nullopt : caseFile.assessment(previous)) {
                entry.previousQuarter = previous;
                entry.previousSegment = before->result.segment;
                entry.previousRawSegment = before->result.rawSegment;
                entry.previousDeficit = before->result.deficit;
            }
            entry.lastChange = caseFile.database()
                                   .scalar(QStringLiteral("SELECT max(computed_at) FROM assessment"))
                                   .toString();
            // Capability arrived with schema 2; an older file simply has none yet.
            if (caseFile.database().schemaVersion() >= 2) {
                QSqlQuery q = caseFile.database().exec(
                    QStringLiteral("SELECT rating, year FROM capability_overall WHERE rating <> ''"
                                   " ORDER BY year DESC LIMIT 1"));
                if (q.next()) {
                    entry.capabilityRating = q.value(0).toString();
                    entry.capabilityYear = q.value(1).toString();
                }
            }
            // Casework arrived with schema 3: the programme makes the segment 5.
            if (caseFile.database().schemaVersion() >= 3) {
                CaseworkStore casework(caseFile.database());
                const CaseworkStatus status = casework.status(quarter, QDate::currentDate());
                entry.casework = status.summary();
                entry.overdue = status.overdue;
                entry.inProgramme = status.inProgramme;
                const int computed = entry.segment;
                entry.segment = casework.finalSegment(quarter, computed);
                entry.decided = entry.segment != computed;
                const int previousComputed = entry.previousSegment;
                entry.previousSegment = casework.finalSegment(previous, previousComputed);
                entry.previousDecided = entry.previousSegment != previousComputed;
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
