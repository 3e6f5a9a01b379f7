#include "caseworkvalues.h"

#include "auditlog.h"
#include "database.h"
#include "framework/methodology.h"

#include <QHash>

namespace owb {

namespace {
ChoiceSet capabilityRatings(const Methodology &methodology)
{
    ChoiceSet set;
    for (const NamedItem &rating : methodology.capabilityRatings())
        set.items.append({rating.id, rating.name});
    return set;
}

// Every distinct value of `column` that has an id in `set` under another
// spelling (or a legacy alias) is rewritten to that id.
void mapColumn(Database &db, const char *table, const char *column, const ChoiceSet &set,
               const QHash<QString, QString> &aliases = {})
{
    const QString t = QLatin1String(table);
    const QString c = QLatin1String(column);
    QSqlQuery q = db.exec(QStringLiteral("SELECT DISTINCT %1 FROM %2").arg(c, t));
    QHash<QString, QString> changes;
    while (q.next()) {
        const QString value = q.value(0).toString();
        QString id = set.match(value);
        if (id.isEmpty())
            id = aliases.value(value.trimmed().toLower());
        if (!id.isEmpty() && id != value)
            changes.insert(value, id);
    }
    for (auto it = changes.cbegin(); it != changes.cend(); ++it)
        db.exec(QStringLiteral("UPDATE %1 SET %2 = ? WHERE %2 = ?").arg(t, c), {it.value(), it.key()});
}
} // namespace

void mapCaseworkValues(Database &db)
{
    const Methodology &methodology = Methodology::builtIn();
    const CaseworkChoices &choices = methodology.casework();
    const qint64 mark = auditlog::lastSeq(db);
    // Before stages, a review was "open" until someone wrote "closed".
    mapColumn(db, "diagnostic_review", "status", choices.reviewStages,
              {{QStringLiteral("open"), choices.reviewStages.firstId()},
               {QStringLiteral("closed"), choices.reviewStages.finalId}});
    mapColumn(db, "diagnostic_review", "recommendation", choices.recommendations);
    mapColumn(db, "diagnostic_review", "decision", choices.decisions);
    mapColumn(db, "diagnostic_review", "capability_conclusion", capabilityRatings(methodology));
    mapColumn(db, "finding", "severity", choices.severities);
    mapColumn(db, "milestone", "status", choices.milestoneStatuses);
    mapColumn(db, "exit_criterion", "status", choices.criterionStatuses);
    auditlog::seal(db, mark, auditlog::currentActor());
}

} // namespace owb
