#include "reconciliation.h"

#include <QCoreApplication>
#include <algorithm>

#include "csvwriter.h"
#include "casework/league.h"
#include "casework/segmentexplanation.h"
#include "fieldformat.h"
#include "data/csvreader.h"
#include "data/orgcode.h"

#include <QFile>
#include <cmath>

namespace owb {

std::optional<QList<PublishedResult>> readPublishedLeague(const QString &path, Diagnostics *errors)
{
    QFile file(path);
    if (const QString problem = inputFileProblem(path); !problem.isEmpty()) {
        errors->append({path, 0, 0, problem});
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        errors->append({path, 0, 0, QStringLiteral("cannot read: %1").arg(file.errorString())});
        return std::nullopt;
    }
    CsvReader reader(&file, path);
    CsvRecord record;
    if (!reader.next(&record)) {
        errors->append(reader.hasError() ? reader.error() : Diagnostic{path, 0, 0, QStringLiteral("the file is empty")});
        return std::nullopt;
    }
    const QStringList wanted{QStringLiteral("trust_code"), QStringLiteral("segment"), QStringLiteral("average_score"),
                             QStringLiteral("trust_in_financial_deficit"), QStringLiteral("rank")};
    QList<int> columns(wanted.size(), -1);
    for (int i = 0; i < record.fields.size(); ++i) {
        const qsizetype at = wanted.indexOf(record.fields.at(i).text.trimmed().toLower());
        if (at >= 0)
            columns[at] = i;
    }
    for (qsizetype c = 0; c < wanted.size(); ++c)
        if (columns.at(c) < 0)
            errors->append({path, record.line, 0, QStringLiteral("missing required column \"%1\"").arg(wanted.at(c))});
    if (!errors->isEmpty())
        return std::nullopt;

    QStringList header;
    for (const CsvField &field : record.fields)
        header.append(field.text.trimmed());
    QList<PublishedResult> results;
    while (reader.next(&record)) {
        // A short or long row is refused as every other reader refuses it, never read with blanks.
        if (record.fields.size() < header.size()) {
            const CsvField &last = record.fields.last();
            errors->append({path, last.line, last.column + int(last.text.size()),
                QStringLiteral("this row ends after %1 of the header's %2 columns: no %3 (every row needs a field "
                               "for every column, empty when there is no value)")
                    .arg(record.fields.size())
                    .arg(header.size())
                    .arg(shownValue(header.at(record.fields.size())))});
            continue;
        }
        if (record.fields.size() > header.size()) {
            const CsvField &extra = record.fields.at(header.size());
            errors->append({path, extra.line, extra.column,
                QStringLiteral("this row has %1 fields but the header has %2 columns (a value with a comma in it "
                               "must be in double quotes)")
                    .arg(record.fields.size())
                    .arg(header.size())});
            continue;
        }
        auto field = [&](int c) -> CsvField {
            const int i = columns.at(c);
            return i < record.fields.size() ? record.fields.at(i) : CsvField{QString(), record.line, 0};
        };
        PublishedResult r;
        r.line = record.line;
        r.code = field(0).text.trimmed();
        if (const QString problem = orgCodeProblem(r.code); !problem.isEmpty())
            errors->append({path, field(0).line, field(0).column, problem});
        r.code = canonicalOrgCode(r.code);
        bool ok = false;
        r.segment = field(1).text.trimmed().toInt(&ok);
        if (!ok || r.segment < 1 || r.segment > 5)
            errors->append({path, field(1).line, field(1).column, QStringLiteral("\"%1\" is not a segment from 1 to 5").arg(field(1).text)});
        const double average = field(2).text.trimmed().toDouble(&ok);
        // Average scores lie between 1.00 and 4.00; anything else (1e308, inf) is not one.
        if (!ok || !std::isfinite(average) || average < 1 || average > 4)
            errors->append({path, field(2).line, field(2).column, QStringLiteral("\"%1\" is not an average score").arg(field(2).text)});
        r.average = Hundredths(std::llround(average * 100));
        const QString deficit = field(3).text.trimmed().toLower();
        if (deficit != QLatin1String("yes") && deficit != QLatin1String("no"))
            errors->append({path, field(3).line, field(3).column, QStringLiteral("\"%1\" is not Yes or No").arg(field(3).text)});
        r.deficit = deficit == QLatin1String("yes");
        // Empty: no rank published (not compared). Anything else is a rank or refused,
        // never silently read as "none".
        const QString rank = field(4).text.trimmed();
        r.rank = rank.isEmpty() ? 0 : rank.toInt(&ok);
        if (!rank.isEmpty() && (!ok || r.rank < 1))
            errors->append({path, field(4).line, field(4).column,
                QStringLiteral("\"%1\" is not a rank (a whole number from 1, or empty when none is published)")
                    .arg(shownValue(field(4).text))});
        results.append(r);
    }
    if (reader.hasError())
        errors->append(reader.error());
    if (!errors->isEmpty())
        return std::nullopt;
    return results;
}

QString noneInWorkspace(const QList<ReconciliationRow> &rows, const QString &quarter)
{
    if (rows.isEmpty() || std::any_of(rows.cbegin(), rows.cend(), [](const ReconciliationRow &r) { return r.found; }))
        return {};
    return QCoreApplication::translate("owb::Reconciliation",
                                       "No trust of the published table (%1 rows) is in the workspace's data for %2: "
                                       "its codes match none of the workspace's organisations. Check that the table is "
                                       "the one published for this workspace's data and quarter.")
        .arg(rows.size())
        .arg(quarter);
}

namespace {
// The quarter's own method and cut points for the organisation's peer type,
// in the words the Overview uses (thresholds named, or the peer quartiles).
QString cutsHere(NationalCache &national, const QString &quarter, const QuarterAssessment &assessment,
                 qsizetype index)
{
    const Methodology &rules = national.methodologyFor(quarter);
    const StoredAssessment stored = StoredAssessment::from(rules, quarter, assessment, index);
    if (!stored.cuts)
        return QString();
    const PeerType *type = rules.peerType(stored.result.peerType);
    return segmentationBasis(stored.method, quarter, *stored.cuts, stored.peerCount,
                             type ? type->name : stored.result.peerType);
}
} // namespace

QList<ReconciliationRow> reconcile(NationalCache &national, const QString &quarter, const QList<PublishedResult> &published,
                                   const QHash<QString, int> &finalSegments)
{
    const QuarterData &data = national.quarter(quarter);
    const QuarterAssessment &assessment = national.assessment(quarter);
    // League ranks after decisions, one table per peer type met.
    QHash<QString, QHash<QString, int>> leagueRanks;
    const auto rankOf = [&](const OrganisationAssessment &org) {
        if (!leagueRanks.contains(org.peerType)) {
            QHash<QString, int> &ranks = leagueRanks[org.peerType];
            const QList<LeagueEntry> table = leagueTable(national, quarter, org.peerType, finalSegments);
            for (const LeagueEntry &entry : table)
                ranks.insert(entry.code, entry.rank);
        }
        return leagueRanks.value(org.peerType).value(org.code, org.rank);
    };
    QList<ReconciliationRow> rows;
    for (const PublishedResult &p : published) {
        ReconciliationRow row;
        row.published = p;
        const qsizetype index = data.index.value(p.code, -1);
        if (index < 0) {
            row.difference = QStringLiteral("not in the workspace's data for %1").arg(quarter);
            rows.append(row);
            continue;
        }
        const OrganisationAssessment &org = assessment.organisations.at(index);
        row.found = true;
        row.segment = org.isSegmented() ? finalSegments.value(org.code, org.segment) : org.segment;
        row.average = org.average;
        row.deficit = org.deficit;
        row.rank = rankOf(org);
        QStringList why;
        const bool decided = row.segment != org.segment;
        if (decided && row.segment != p.segment)
            why.append(QStringLiteral("segment %1 here by a decision (%2; computed %3), %4 published")
                           .arg(row.segment)
                           .arg(row.segment == 5 ? QStringLiteral("the Recovery Support Programme")
                                                 : QStringLiteral("a recorded correction"))
                           .arg(org.segment)
                           .arg(p.segment));
        if (org.average != p.average)
            why.append(QStringLiteral("average %1 here, %2 published: the metric values or the methodology differ")
                           .arg(formatHundredths(org.average), formatHundredths(p.average)));
        if (org.deficit != p.deficit)
            why.append(QStringLiteral("deficit %1 here, %2 published: the finance override applies differently")
                           .arg(org.deficit ? QStringLiteral("yes") : QStringLiteral("no"),
                                p.deficit ? QStringLiteral("yes") : QStringLiteral("no")));
        if (!decided && row.segment != p.segment && org.average == p.average && org.deficit == p.deficit)
            why.append(QStringLiteral("segment %1 here, %2 published with the same average: the cut points differ "
                                      "(here %3; NHS England may have used other cuts)")
                           .arg(row.segment)
                           .arg(p.segment)
                           .arg(cutsHere(national, quarter, assessment, index)));
        else if (row.segment != p.segment && why.isEmpty())
            why.append(QStringLiteral("segment %1 here, %2 published").arg(row.segment).arg(p.segment));
        // A rank is a result too: the same segment and average can still rank
        // differently when the peer set or the ties differ.
        if (p.rank > 0 && row.rank != p.rank)
            why.append(QStringLiteral("rank %1 here, %2 published%3")
                           .arg(row.rank)
                           .arg(p.rank)
                           .arg(why.isEmpty() ? QStringLiteral(": the peers ranked or their results differ")
                                              : QString()));
        row.difference = why.join(QStringLiteral("; "));
        rows.append(row);
    }
    return rows;
}

void writeReconciliationCsv(QTextStream &out, const QList<ReconciliationRow> &rows)
{
    writeCsvRow(out, {QStringLiteral("org_code"), QStringLiteral("published_segment"), QStringLiteral("computed_segment"),
                      QStringLiteral("published_average"), QStringLiteral("computed_average"),
                      QStringLiteral("published_deficit"), QStringLiteral("computed_deficit"),
                      QStringLiteral("published_rank"), QStringLiteral("computed_rank"), QStringLiteral("difference")});
    for (const ReconciliationRow &r : rows)
        writeCsvRow(out,
            { r.published.code, csvPositive(r.published.segment), csvPositive(r.segment),
                formatHundredths(r.published.average),
                r.found && r.average > 0 ? formatHundredths(r.average) : QString(),
                r.published.deficit ? QStringLiteral("1") : QStringLiteral("0"),
                r.found ? (r.deficit ? QStringLiteral("1") : QStringLiteral("0")) : QString(),
                csvPositive(r.published.rank), csvPositive(r.rank), r.difference });
}

} // namespace owb
