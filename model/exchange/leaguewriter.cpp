#include "leaguewriter.h"

#include "csvwriter.h"
#include "fieldformat.h"

#include <QRegularExpression>

namespace owb {

void writeLeagueCsv(QTextStream &out, const QList<LeagueEntry> &entries, const QHash<QString, QString> &peerTypeNames,
                    const QHash<QString, QString> &ratingNames)
{
    writeCsvRow(out, {QStringLiteral("rank"), QStringLiteral("org_code"), QStringLiteral("org_name"),
                      QStringLiteral("region"), QStringLiteral("segment"), QStringLiteral("average_score"),
                      QStringLiteral("deficit"), QStringLiteral("raw_segment"), QStringLiteral("to_next_segment"),
                      QStringLiteral("peer_type"), QStringLiteral("capability"), QStringLiteral("capability_year"),
                      QStringLiteral("casework"), QStringLiteral("needs_action")});
    for (const LeagueEntry &e : entries)
        writeCsvRow(out,
            { csvPositive(e.rank), e.code, e.name, e.region, csvPositive(e.segment), csvHundredths(e.average),
                e.deficit ? QStringLiteral("1") : QStringLiteral("0"), csvPositive(e.rawSegment),
                csvHundredths(e.toNextSegment), peerTypeNames.value(e.peerType, e.peerType),
                ratingNames.value(e.capabilityRating, e.capabilityRating), e.capabilityYear, e.casework, e.needsAction });
}

QString leagueFileName(const QString &quarter, const QString &peerTypeName)
{
    static const QRegularExpression separators(QStringLiteral("[^A-Za-z0-9]+"));
    QStringList parts{QStringLiteral("league"), QString(quarter).replace(separators, QStringLiteral("-"))};
    if (!peerTypeName.isEmpty())
        parts.append(peerTypeName.toLower().replace(separators, QStringLiteral("-")));
    for (QString &part : parts)
        part = part.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    parts.removeAll(QString());
    return parts.join(QLatin1Char('-')) + QStringLiteral(".csv");
}

} // namespace owb
