#include "peerstore.h"

#include "schemas.h"
#include "valuecolumns.h"

#include <QDateTime>
#include <algorithm>

namespace owb {

PeerStore::PeerStore(const QString &path, Database::Mode mode)
    : m_db(std::make_unique<Database>(path, peerStoreSchema(), mode))
{
}

PeerStore::PeerStore(std::unique_ptr<Database> national) : m_db(std::move(national)) {}

QString PeerStore::setting(const QString &key)
{
    return m_db->scalar(QStringLiteral("SELECT value FROM setting WHERE key = ?"), {key}).toString();
}

void PeerStore::setSetting(const QString &key, const QString &value)
{
    m_db->exec(QStringLiteral("INSERT INTO setting (key, value) VALUES (?, ?)"
                             " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
              {key, value});
}

bool PeerStore::sameAsStored(const QString &quarter, const OrganisationQuarter &org)
{
    QSqlQuery q = m_db->exec(QStringLiteral("SELECT peer_type, deficit, deficit_support FROM org_quarter"
                                           " WHERE quarter = ? AND org_code = ?"),
                            {quarter, org.code});
    if (!q.next() || q.value(0).toString() != org.peerType || q.value(1).toBool() != org.deficit
        || q.value(2).toBool() != org.deficitSupport)
        return false;
    QSqlQuery values = m_db->exec(QStringLiteral("SELECT metric_id, kind, number, label FROM metric_value"
                                                " WHERE quarter = ? AND org_code = ?"),
                                 {quarter, org.code});
    int count = 0;
    while (values.next()) {
        ++count;
        const auto it = org.values.constFind(values.value(0).toString());
        if (it == org.values.cend() || !it->sameAs(valueFromColumns(values, 1)))
            return false;
    }
    return count == org.values.size();
}

QStringList PeerStore::apply(const MetricDataset &dataset)
{
    QStringList changed;
    for (const QuarterData &quarter : dataset.quarters) {
        m_db->exec(QStringLiteral("INSERT INTO quarter (label, pending) VALUES (?, 0) ON CONFLICT (label) DO NOTHING"),
                  {quarter.label});
        bool quarterChanged = false;
        for (const OrganisationQuarter &org : quarter.organisations) {
            m_db->exec(QStringLiteral("INSERT INTO organisation (code, name, region) VALUES (?, ?, ?)"
                                     " ON CONFLICT (code) DO UPDATE SET"
                                     "  name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE organisation.name END,"
                                     "  region = CASE WHEN excluded.region <> '' THEN excluded.region"
                                     "   ELSE organisation.region END"),
                      {org.code, org.name, org.region});
            if (sameAsStored(quarter.label, org))
                continue;
            quarterChanged = true;
            m_db->exec(QStringLiteral("DELETE FROM org_quarter WHERE quarter = ? AND org_code = ?"),
                      {quarter.label, org.code});
            m_db->exec(QStringLiteral("INSERT INTO org_quarter (quarter, org_code, peer_type, deficit,"
                                     " deficit_support) VALUES (?, ?, ?, ?, ?)"),
                      {quarter.label, org.code, org.peerType, org.deficit ? 1 : 0, org.deficitSupport ? 1 : 0});
            for (auto it = org.values.cbegin(); it != org.values.cend(); ++it) {
                const ValueColumns v = columnsFor(it.value());
                m_db->exec(QStringLiteral("INSERT INTO metric_value (quarter, org_code, metric_id, kind, number,"
                                         " label) VALUES (?, ?, ?, ?, ?, ?)"),
                          {quarter.label, org.code, it.key(), v.kind, v.number, v.label});
            }
        }
        if (quarterChanged)
            changed.append(quarter.label);
    }
    markPending(changed);
    return changed;
}

void PeerStore::markPending(const QStringList &quarters)
{
    for (const QString &quarter : quarters)
        m_db->exec(QStringLiteral("UPDATE quarter SET pending = 1 WHERE label = ?"), {quarter});
}

void PeerStore::markDone(const QString &quarter)
{
    m_db->exec(QStringLiteral("UPDATE quarter SET pending = 0 WHERE label = ?"), {quarter});
}

void PeerStore::logImport(const QString &file, const QString &sha256, int rows, int quartersChanged)
{
    // The id as SQLite gives a rowid (the next one), spelt so that a server takes it too.
    m_db->exec(QStringLiteral("INSERT INTO import_log (id, imported_at, file, sha256, rows, quarters_changed)"
                             " VALUES ((SELECT coalesce(max(id), 0) + 1 FROM import_log), ?, ?, ?, ?, ?)"),
              {QDateTime::currentDateTimeUtc().toString(Qt::ISODate), file, sha256, rows, quartersChanged});
}

namespace {
QStringList sortedLabels(QSqlQuery q)
{
    QStringList labels;
    while (q.next())
        labels.append(q.value(0).toString());
    std::sort(labels.begin(), labels.end(), quarterLessThan);
    return labels;
}
} // namespace

QStringList PeerStore::quarters()
{
    return sortedLabels(m_db->exec(QStringLiteral("SELECT label FROM quarter")));
}

QStringList PeerStore::pendingQuarters()
{
    return sortedLabels(m_db->exec(QStringLiteral("SELECT label FROM quarter WHERE pending = 1")));
}

QuarterData PeerStore::loadQuarter(const QString &label)
{
    QuarterData quarter;
    quarter.label = label;
    QSqlQuery orgs = m_db->exec(QStringLiteral("SELECT q.org_code, o.name, o.region, q.peer_type, q.deficit,"
                                              " q.deficit_support FROM org_quarter q"
                                              " JOIN organisation o ON o.code = q.org_code"
                                              " WHERE q.quarter = ? ORDER BY q.org_code"),
                               {label});
    while (orgs.next()) {
        OrganisationQuarter &org = quarter.organisation(orgs.value(0).toString());
        org.name = orgs.value(1).toString();
        org.region = orgs.value(2).toString();
        org.peerType = orgs.value(3).toString();
        org.deficit = orgs.value(4).toBool();
        org.deficitSupport = orgs.value(5).toBool();
    }
    QSqlQuery values = m_db->exec(QStringLiteral("SELECT org_code, metric_id, kind, number, label"
                                                " FROM metric_value WHERE quarter = ?"),
                                 {label});
    while (values.next())
        quarter.organisation(values.value(0).toString()).values.insert(values.value(1).toString(),
                                                                       valueFromColumns(values, 2));
    return quarter;
}

QHash<QString, OrganisationInfo> PeerStore::organisations()
{
    QHash<QString, OrganisationInfo> result;
    QSqlQuery q = m_db->exec(QStringLiteral("SELECT code, name, region FROM organisation"));
    while (q.next())
        result.insert(q.value(0).toString(), {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return result;
}

} // namespace owb
