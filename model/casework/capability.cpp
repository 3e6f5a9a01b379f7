#include "capability.h"

#include "casework.h"
#include "store/auditlog.h"

#include <QCryptographicHash>
#include <algorithm>

namespace owb {

namespace {
QString areaColumn(CapabilityArea::Field field)
{
    switch (field) {
    case CapabilityArea::SelfRating:
        return QStringLiteral("self_rating");
    case CapabilityArea::RegionRating:
        return QStringLiteral("region_rating");
    case CapabilityArea::Notes:
        break;
    }
    return QStringLiteral("notes");
}

QString overallColumn(CapabilityOverall::Field field)
{
    switch (field) {
    case CapabilityOverall::Rating:
        return QStringLiteral("rating");
    case CapabilityOverall::Rationale:
        return QStringLiteral("rationale");
    case CapabilityOverall::DecidedOn:
        break;
    }
    return QStringLiteral("decided_on");
}
} // namespace

QStringList CapabilityStore::years()
{
    QStringList years;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT year FROM capability_area WHERE org_code = ?"
                                           " UNION SELECT year FROM capability_overall WHERE org_code = ?"
                                           " UNION SELECT year FROM capability_evidence WHERE org_code = ?"),
                            {m_org, m_org, m_org});
    while (q.next())
        years.append(q.value(0).toString());
    std::sort(years.begin(), years.end());
    return years;
}

QList<CapabilityArea> CapabilityStore::areas(const QString &year, const QStringList &areaIds)
{
    QList<CapabilityArea> result;
    for (const QString &id : areaIds) {
        result.append({id, {}, {}, {}});
        m_seen.insert(QStringLiteral("area/%1/%2").arg(year, id), 0); // none yet
    }
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT area_id, self_rating, region_rating, notes, row_version FROM capability_area"
                                           " WHERE org_code = ? AND year = ?"),
                            {m_org, year});
    while (q.next()) {
        const qsizetype at = areaIds.indexOf(q.value(0).toString());
        if (at >= 0) {
            result[at] = {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()};
            m_seen.insert(QStringLiteral("area/%1/%2").arg(year, q.value(0).toString()), q.value(4).toLongLong());
        }
    }
    return result;
}

QString CapabilityStore::areaField(const QString &year, const QString &areaId, CapabilityArea::Field field)
{
    return m_db
        .scalar(QStringLiteral("SELECT %1 FROM capability_area WHERE org_code = ? AND year = ? AND area_id = ?")
                    .arg(areaColumn(field)),
                {m_org, year, areaId})
        .toString();
}

void CapabilityStore::setAreaField(const QString &year, const QString &areaId, CapabilityArea::Field field,
                                   const QString &value)
{
    setAreaField(year, areaId, field, value, areaVersion(year, areaId));
}

qint64 CapabilityStore::areaVersion(const QString &year, const QString &areaId)
{
    return m_db
        .scalar(QStringLiteral("SELECT row_version FROM capability_area WHERE org_code = ? AND year = ? AND area_id = ?"),
                {m_org, year, areaId})
        .toLongLong();
}

qint64 CapabilityStore::setAreaField(const QString &year, const QString &areaId, CapabilityArea::Field field,
                                     const QString &value, qint64 expectedVersion)
{
    // The column name comes from the enum above, never from input. A record
    // nobody has made yet is made; one changed since expectedVersion is not
    // touched (the DO UPDATE's WHERE), so nothing comes back.
    const QString column = areaColumn(field);
    Transaction transaction(CaseScope{m_db, m_org});
    const QVariant version = m_db.scalar(
        QStringLiteral("INSERT INTO capability_area (org_code, year, area_id, %1) VALUES (?, ?, ?, ?)"
                       " ON CONFLICT (org_code, year, area_id) DO UPDATE SET %1 = excluded.%1,"
                       " row_version = capability_area.row_version + 1 WHERE capability_area.row_version = ?"
                       " RETURNING row_version")
            .arg(column),
        {m_org, year, areaId, value, expectedVersion});
    if (!version.isValid())
        throw editConflict(m_db.path(), QStringLiteral("capability_area"), 0, column, QString(),
                           areaField(year, areaId, field), false, areaVersion(year, areaId));
    transaction.commit();
    m_written.insert(QStringLiteral("area/%1/%2").arg(year, areaId), version.toLongLong());
    m_seen.insert(QStringLiteral("area/%1/%2").arg(year, areaId), version.toLongLong());
    return version.toLongLong();
}

CapabilityOverall CapabilityStore::overall(const QString &year)
{
    QSqlQuery q = m_db.exec(
        QStringLiteral("SELECT rating, rationale, decided_on, row_version FROM capability_overall WHERE org_code = ? AND year = ?"),
        {m_org, year});
    const bool found = q.next();
    m_seen.insert(QStringLiteral("overall/%1").arg(year), found ? q.value(3).toLongLong() : 0);
    if (!found)
        return {};
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
}

QString CapabilityStore::overallField(const QString &year, CapabilityOverall::Field field)
{
    return m_db
        .scalar(QStringLiteral("SELECT %1 FROM capability_overall WHERE org_code = ? AND year = ?").arg(overallColumn(field)),
                {m_org, year})
        .toString();
}

void CapabilityStore::setOverallField(const QString &year, CapabilityOverall::Field field, const QString &value)
{
    setOverallField(year, field, value, overallVersion(year));
}

qint64 CapabilityStore::overallVersion(const QString &year)
{
    return m_db.scalar(QStringLiteral("SELECT row_version FROM capability_overall WHERE org_code = ? AND year = ?"), {m_org, year})
        .toLongLong();
}

qint64 CapabilityStore::setOverallField(const QString &year, CapabilityOverall::Field field, const QString &value,
                                        qint64 expectedVersion)
{
    const QString column = overallColumn(field);
    Transaction transaction(CaseScope{m_db, m_org});
    const QVariant version = m_db.scalar(
        QStringLiteral("INSERT INTO capability_overall (org_code, year, %1) VALUES (?, ?, ?)"
                       " ON CONFLICT (org_code, year) DO UPDATE SET %1 = excluded.%1,"
                       " row_version = capability_overall.row_version + 1 WHERE capability_overall.row_version = ?"
                       " RETURNING row_version")
            .arg(column),
        {m_org, year, value, expectedVersion});
    if (!version.isValid())
        throw editConflict(m_db.path(), QStringLiteral("capability_overall"), 0, column, QString(), overallField(year, field),
                           false, overallVersion(year));
    transaction.commit();
    m_written.insert(QStringLiteral("overall/%1").arg(year), version.toLongLong());
    m_seen.insert(QStringLiteral("overall/%1").arg(year), version.toLongLong());
    return version.toLongLong();
}

QList<EvidenceItem> CapabilityStore::evidence(const QString &year, const QString &areaId)
{
    QList<EvidenceItem> items;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT id, year, area_id, title, evidence_date, source, file_name,"
                                           " file_sha256, length(file_data), row_version FROM capability_evidence"
                                           " WHERE org_code = ? AND year = ? AND (? = '' OR area_id = ?)"
                                           " ORDER BY evidence_date, id"),
                            {m_org, year, areaId, areaId});
    while (q.next())
        items.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                      q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
                      q.value(8).toLongLong(), q.value(9).toLongLong()});
    return items;
}

QByteArray CapabilityStore::evidenceFile(qint64 id)
{
    return m_db.scalar(QStringLiteral("SELECT file_data FROM capability_evidence WHERE org_code = ? AND id = ?"), {m_org, id})
        .toByteArray();
}

qint64 CapabilityStore::addEvidence(const EvidenceItem &item, const QByteArray &fileData)
{
    if (fileData.size() > kMaxAttachmentBytes)
        throw StoreError(QStringLiteral("%1: the attachment is larger than %2 MB").arg(item.fileName).arg(kMaxAttachmentBytes >> 20));
    const bool hasFile = !item.fileName.isEmpty();
    const QString sha = hasFile ? QString::fromLatin1(QCryptographicHash::hash(fileData, QCryptographicHash::Sha256).toHex())
                                : QString();
    Transaction transaction(CaseScope{m_db, m_org});
    // A new item's id is allocated within the case by the statement itself.
    const qint64 id
        = m_db.scalar(QStringLiteral("INSERT INTO capability_evidence (org_code, id, year, area_id, title, evidence_date,"
                                     " source, file_name, file_data, file_sha256, row_version) VALUES (?, coalesce(?, %1),"
                                     " ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                          .arg(auditlog::newIdExpression(QStringLiteral("capability_evidence"))),
                      {m_org, item.id > 0 ? QVariant(item.id) : QVariant(), m_org, m_org, item.year, item.areaId, item.title,
                       item.date, item.source, hasFile ? QVariant(item.fileName) : QVariant(),
                       hasFile ? QVariant(fileData) : QVariant(), hasFile ? QVariant(sha) : QVariant(),
                       std::max<qint64>(1, item.rowVersion)})
              .toLongLong();
    transaction.commit();
    m_written.insert(QStringLiteral("evidence/%1").arg(id), std::max<qint64>(1, item.rowVersion));
    return id;
}

void CapabilityStore::removeEvidence(qint64 id)
{
    removeEvidence(id, m_db.scalar(QStringLiteral("SELECT row_version FROM capability_evidence WHERE org_code = ? AND id = ?"),
                                   {m_org, id})
                           .toLongLong());
}

void CapabilityStore::removeEvidence(qint64 id, qint64 expectedVersion)
{
    Transaction transaction(CaseScope{m_db, m_org});
    if (!m_db.scalar(QStringLiteral("DELETE FROM capability_evidence WHERE org_code = ? AND id = ? AND row_version = ?"
                                    " RETURNING id"),
                     {m_org, id, expectedVersion})
             .isValid()) {
        const QVariant stored
            = m_db.scalar(QStringLiteral("SELECT title FROM capability_evidence WHERE org_code = ? AND id = ?"), {m_org, id});
        throw editConflict(m_db.path(), QStringLiteral("capability_evidence"), id, QString(), QString(), stored.toString(),
                           !stored.isValid());
    }
    transaction.commit();
    m_written.remove(QStringLiteral("evidence/%1").arg(id));
}

qint64 CapabilityStore::writtenEvidenceVersion(qint64 id)
{
    const auto written = m_written.constFind(QStringLiteral("evidence/%1").arg(id));
    if (written != m_written.cend())
        return *written;
    return m_db.scalar(QStringLiteral("SELECT row_version FROM capability_evidence WHERE org_code = ? AND id = ?"), {m_org, id})
        .toLongLong();
}

} // namespace owb
