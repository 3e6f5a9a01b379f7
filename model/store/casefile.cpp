#include "casefile.h"

#include "auditlog.h"
#include "casescope.h"
#include "data/metricdataset.h"
#include "framework/scoring.h"
#include "schemas.h"
#include "valuecolumns.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QDir>
#include <QFileInfo>
#include <algorithm>

namespace owb {

namespace {
QHash<QString, QString> &workspaceIds()
{
    static QHash<QString, QString> ids;
    return ids;
}

QMutex &workspaceIdsMutex()
{
    static QMutex mutex;
    return mutex;
}

QVariant cutValue(const std::optional<CutPoints> &cuts, int which)
{
    const CutPoints c = cuts.value_or(CutPoints {});
    const double value = which == 1 ? c.t1 : which == 2 ? c.t2 : c.t3;
    return cuts.has_value() ? QVariant(value) : QVariant();
}

std::optional<CutPoints> cutsFrom(const QSqlQuery &q, int first)
{
    if (q.value(first).isNull())
        return std::nullopt;
    return CutPoints { q.value(first).toDouble(), q.value(first + 1).toDouble(),
        q.value(first + 2).toDouble() };
}

// An assessment's own row, as assessmentFrom reads it.
const QString kAssessmentColumns = QStringLiteral(
    "methodology_id, methodology_sha256, method, finance_cap, peer_type, peer_count, cut1, cut2, cut3, average,"
    " metrics_scored, raw_segment, deficit, segment, rank, computed_at");

StoredAssessment assessmentFrom(const QSqlQuery &q, int first)
{
    StoredAssessment a;
    a.methodologyId = q.value(first).toString();
    a.methodologySha256 = q.value(first + 1).toString();
    a.method = q.value(first + 2).toString();
    a.financeCap = q.value(first + 3).toInt();
    a.result.peerType = q.value(first + 4).toString();
    a.peerCount = q.value(first + 5).toInt();
    a.cuts = cutsFrom(q, first + 6);
    a.result.average = q.value(first + 9).toInt();
    a.result.metricsScored = q.value(first + 10).toInt();
    a.result.rawSegment = q.value(first + 11).toInt();
    a.result.deficit = q.value(first + 12).toBool();
    a.result.segment = q.value(first + 13).toInt();
    a.result.rank = q.value(first + 14).toInt();
    a.computedAt = q.value(first + 15).toString();
    return a;
}

QVariant nullIfZero(int value)
{
    return value > 0 ? QVariant(value) : QVariant();
}
} // namespace

CaseFile::CaseFile(Database &server, const QString &org, Database::Mode mode)
    : m_db(server)
    , m_org(org)
{
    if (!server.isServer())
        throw StoreError(QStringLiteral("%1: not a team workspace").arg(server.path()));
    if (mode != Database::Mode::CreateIfMissing && identity().code.isEmpty())
        throw StoreError(QStringLiteral("%1: the team workspace holds no case for organisation %2 (import its data "
                                        "first, or check the code)")
                             .arg(server.path(), org));
}

CaseFile::CaseFile(const QString &path, Database::Mode mode)
    : m_file(std::make_unique<Database>(path, caseFileSchema(), mode))
    , m_db(*m_file)
{
    // Every transaction through this case file seals the audit entries its
    // changes produced; see auditlog.h.
    // Its organisation, read once: what every statement names, and what the
    // name check below compares. A file of no version yet is blank (one of
    // ours without a version is refused on opening) and holds none.
    if (m_db.schemaVersion() > 0) {
        QSqlQuery q = m_db.exec(QStringLiteral("SELECT code, name, peer_type, region FROM organisation"));
        if (q.next())
            m_opened = {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()};
    }
    m_org = m_opened.code.isNull() ? QStringLiteral("") : m_opened.code;
    m_db.setTransactionHooks([this] { m_auditMark = auditlog::lastSeq(scope()); },
        [this] { auditlog::seal(scope(), m_auditMark, auditlog::currentActor()); });
    // The one check on the way in, for every reader and writer (portfolio,
    // report, reconcile, the workbench, import): a case file holding another
    // organisation than its name says is never taken for that organisation.
    if (const QString mismatch = nameMismatch(path, m_opened.code); !mismatch.isEmpty())
        throw StoreError(mismatch);
    QString expected;
    {
        const QMutexLocker locker(&workspaceIdsMutex());
        expected = workspaceIds().value(QDir::cleanPath(QFileInfo(path).absolutePath()));
    }
    if (const QString problem = membershipProblem(expected); !problem.isEmpty())
        throw StoreError(problem);
}

void CaseFile::registerWorkspace(const QString &directory, const QString &workspaceId)
{
    const QMutexLocker locker(&workspaceIdsMutex());
    workspaceIds().insert(QDir::cleanPath(QFileInfo(directory).absoluteFilePath()), workspaceId);
}

QString CaseFile::workspaceId()
{
    if (m_db.isServer())
        return {}; // the database is the workspace
    if (m_db.schemaVersion() < 7)
        return {};
    return m_db.scalar(QStringLiteral("SELECT workspace_id FROM membership")).toString();
}

QString CaseFile::membershipProblem(const QString &expected)
{
    const QString own = workspaceId();
    if (expected.isEmpty() || own.isEmpty() || own == expected)
        return {};
    return QStringLiteral("%1: belongs to another workspace than the %2 beside it (workspace %3, not %4): one of "
                          "them was copied in from elsewhere. It is not read or written; move the stray file out of "
                          "the folder (this case file, or %2 if every case file says the same)")
        .arg(path(), QStringLiteral("peers.owdata"), own.left(8), expected.left(8));
}

QString CaseFile::nameMismatch(const QString &path, const QString &code)
{
    const QFileInfo info(path);
    // The name is a promise inside a workspace (beside its peers.owdata); a
    // case file looked at on its own, under any name, is only what it holds.
    if (!info.fileName().endsWith(kSuffix)
        || !QFileInfo::exists(info.dir().filePath(QStringLiteral("peers.owdata"))))
        return {};
    const QString named = info.fileName().chopped(kSuffix.size());
    if (code.isEmpty() || code == named)
        return {};
    return QStringLiteral(
        "%1: holds organisation %2, but its name says %3 (a copy saved under another name?): "
        "it is not written into; move it out of the workspace or give it its right name")
        .arg(path, code, named);
}

CaseIdentity CaseFile::identity()
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT code, name, peer_type, region FROM organisation WHERE org_code = ?"),
        { m_org });
    if (!q.next())
        return {};
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString() };
}

void CaseFile::holdReads(bool hold)
{
    m_holdReads = hold;
    forgetReads();
}

void CaseFile::forgetReads()
{
    m_heldAssessments.reset();
    m_heldValues.reset();
}

const QHash<QString, StoredAssessment> *CaseFile::heldAssessments()
{
    if (!m_holdReads)
        return nullptr;
    if (!m_heldAssessments)
        m_heldAssessments = readAssessments(scope());
    return &*m_heldAssessments;
}

QStringList CaseFile::quarters()
{
    QStringList labels;
    if (const auto *held = heldAssessments()) {
        labels = held->keys();
        std::sort(labels.begin(), labels.end(), quarterLessThan);
        return labels;
    }
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT quarter FROM assessment WHERE org_code = ?"), { m_org });
    while (q.next())
        labels.append(q.value(0).toString());
    std::sort(labels.begin(), labels.end(), quarterLessThan);
    return labels;
}

QHash<QString, MetricValue> CaseFile::metricValues(const QString &quarter)
{
    if (m_holdReads) {
        if (!m_heldValues) {
            // Every quarter's values in one statement.
            QHash<QString, QHash<QString, MetricValue>> byQuarter;
            QSqlQuery q = m_db.exec(QStringLiteral("SELECT quarter, metric_id, kind, number, label FROM metric_value "
                                                   "WHERE org_code = ?"),
                                    {m_org});
            while (q.next())
                byQuarter[q.value(0).toString()].insert(q.value(1).toString(), valueFromColumns(q, 2));
            m_heldValues = byQuarter;
        }
        return m_heldValues->value(quarter);
    }
    QHash<QString, MetricValue> values;
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT metric_id, kind, number, label FROM metric_value "
                                           "WHERE org_code = ? AND quarter = ?"),
        { m_org, quarter });
    while (q.next())
        values.insert(q.value(0).toString(), valueFromColumns(q, 1));
    return values;
}

std::optional<StoredAssessment> CaseFile::assessment(const QString &quarter)
{
    if (const auto *held = heldAssessments()) {
        const auto found = held->constFind(quarter);
        return found != held->cend() ? std::optional(*found) : std::nullopt;
    }
    return readAssessment(scope(), quarter);
}

QHash<QString, StoredAssessment> CaseFile::readAssessments(const CaseScope &scope)
{
    Database &db = scope.db;
    QHash<QString, StoredAssessment> byQuarter;
    QSqlQuery q = db.exec(QStringLiteral("SELECT quarter, %1 FROM assessment WHERE org_code = ?").arg(kAssessmentColumns),
                          {scope.org});
    while (q.next()) {
        StoredAssessment a = assessmentFrom(q, 1);
        a.quarter = q.value(0).toString();
        a.result.code = scope.org;
        byQuarter.insert(a.quarter, a);
    }
    QSqlQuery metrics = db.exec(QStringLiteral("SELECT quarter, metric_id, domain, kind, number, label, score, weight_num,"
                                               " weight_den FROM metric_score WHERE org_code = ? ORDER BY quarter, position"),
                                {scope.org});
    while (metrics.next()) {
        const auto a = byQuarter.find(metrics.value(0).toString());
        if (a == byQuarter.end())
            continue;
        a->result.metrics.append({metrics.value(1).toString(), metrics.value(2).toString(), valueFromColumns(metrics, 3),
                                  metrics.value(6).toInt(),
                                  Rational{metrics.value(7).toLongLong(), metrics.value(8).toLongLong()}});
    }
    QSqlQuery domains = db.exec(QStringLiteral("SELECT quarter, domain_id, score, segment, cut1, cut2, cut3 FROM domain_score"
                                               " WHERE org_code = ? ORDER BY quarter, position"),
                                {scope.org});
    while (domains.next()) {
        const auto a = byQuarter.find(domains.value(0).toString());
        if (a == byQuarter.end())
            continue;
        a->result.domains.append({domains.value(1).toString(), domains.value(2).toInt(), domains.value(3).toInt()});
        if (const auto cuts = cutsFrom(domains, 4))
            a->domainCuts.insert(domains.value(1).toString(), *cuts);
    }
    return byQuarter;
}

std::optional<StoredAssessment> CaseFile::readAssessment(Database &db, const QString &quarter)
{
    // The ladder's programs run before schema 9 gave the tables an
    // org_code: in a file, every row is its one organisation's.
    return readAssessment(CaseScope{db, QString()}, quarter);
}

std::optional<StoredAssessment> CaseFile::readAssessment(const CaseScope &scope, const QString &quarter)
{
    Database &db = scope.db;
    const bool scoped = !scope.org.isNull();
    const QString which = scoped ? QStringLiteral("org_code = ? AND quarter = ?") : QStringLiteral("quarter = ?");
    const QVariantList keys = scoped ? QVariantList{scope.org, quarter} : QVariantList{quarter};
    QSqlQuery q = db.exec(QStringLiteral("SELECT %1 FROM assessment WHERE %2").arg(kAssessmentColumns, which), keys);
    if (!q.next())
        return std::nullopt;
    StoredAssessment a = assessmentFrom(q, 0);
    a.quarter = quarter;
    a.result.code = scoped ? scope.org : db.scalar(QStringLiteral("SELECT code FROM organisation")).toString();

    QSqlQuery metrics = db.exec(
        QStringLiteral("SELECT metric_id, domain, kind, number, label, score, weight_num, weight_den"
                       " FROM metric_score WHERE %1 ORDER BY position").arg(which),
        keys);
    while (metrics.next())
        a.result.metrics.append({metrics.value(0).toString(), metrics.value(1).toString(),
                                 valueFromColumns(metrics, 2), metrics.value(5).toInt(),
                                 Rational{metrics.value(6).toLongLong(), metrics.value(7).toLongLong()}});
    QSqlQuery domains
        = db.exec(QStringLiteral("SELECT domain_id, score, segment, cut1, cut2, cut3 FROM domain_score"
                                 " WHERE %1 ORDER BY position").arg(which),
            keys);
    while (domains.next()) {
        a.result.domains.append(
            { domains.value(0).toString(), domains.value(1).toInt(), domains.value(2).toInt() });
        if (const auto cuts = cutsFrom(domains, 3))
            a.domainCuts.insert(domains.value(0).toString(), *cuts);
    }
    return a;
}

QHash<QString, QHash<QString, StoredAssessment>> CaseFile::readAssessmentHeads(Database &db, const QString &org)
{
    QHash<QString, QHash<QString, StoredAssessment>> cases;
    // Without an organisation: every case's in one statement with no
    // binding (one round trip on a server).
    const QString sql = QStringLiteral("SELECT org_code, quarter, %1 FROM assessment%2")
                            .arg(kAssessmentColumns, org.isEmpty() ? QString() : QStringLiteral(" WHERE org_code = ?"));
    QSqlQuery q = org.isEmpty() ? db.exec(sql) : db.exec(sql, {org});
    while (q.next()) {
        StoredAssessment a = assessmentFrom(q, 2);
        a.quarter = q.value(1).toString();
        a.result.code = q.value(0).toString();
        cases[a.result.code].insert(a.quarter, a);
    }
    return cases;
}

QList<StoredAssessment> CaseFile::assessments()
{
    const auto *held = heldAssessments();
    const QHash<QString, StoredAssessment> read = held ? QHash<QString, StoredAssessment>() : readAssessments(scope());
    const QHash<QString, StoredAssessment> &byQuarter = held ? *held : read;
    QStringList labels = byQuarter.keys();
    std::sort(labels.begin(), labels.end(), quarterLessThan);
    QList<StoredAssessment> list;
    for (const QString &quarter : std::as_const(labels))
        list.append(byQuarter.value(quarter));
    return list;
}

bool CaseFile::sameQuarter(const QuarterRecord &record)
{
    const QString stored = m_db.scalar(QStringLiteral("SELECT digest FROM assessment WHERE org_code = ? AND quarter = ?"),
                                   { m_org, record.assessment.quarter })
                               .toString();
    if (stored != record.assessment.digest())
        return false;
    const QHash<QString, MetricValue> values = metricValues(record.assessment.quarter);
    if (values.size() != record.values.size())
        return false;
    for (auto it = record.values.cbegin(); it != record.values.cend(); ++it)
        if (!values.contains(it.key()) || !values.value(it.key()).sameAs(it.value()))
            return false;
    return true;
}

void CaseFile::writeQuarter(const QuarterRecord &record)
{
    const StoredAssessment &a = record.assessment;
    const QString &quarter = a.quarter;
    m_db.exec(QStringLiteral("DELETE FROM metric_value WHERE org_code = ? AND quarter = ?"), { m_org, quarter });
    for (auto it = record.values.cbegin(); it != record.values.cend(); ++it) {
        const ValueColumns v = columnsFor(it.value());
        m_db.exec(QStringLiteral("INSERT INTO metric_value (org_code, quarter, metric_id, kind, number, label)"
                                 " VALUES (?, ?, ?, ?, ?, ?)"),
            { m_org, quarter, it.key(), v.kind, v.number, v.label });
    }
    // Its metric and domain scores go with it (ON DELETE CASCADE).
    m_db.exec(QStringLiteral("DELETE FROM assessment WHERE org_code = ? AND quarter = ?"), { m_org, quarter });
    m_db.exec(QStringLiteral("INSERT INTO assessment (org_code, quarter, methodology_id, methodology_sha256, method,"
                             " finance_cap, peer_type, peer_count, cut1, cut2, cut3, average,"
                             " metrics_scored, raw_segment, deficit, segment, rank, computed_at, digest)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        { m_org, quarter, a.methodologyId, a.methodologySha256, a.method, a.financeCap, a.result.peerType,
            a.peerCount, cutValue(a.cuts, 1), cutValue(a.cuts, 2), cutValue(a.cuts, 3),
            nullIfZero(a.result.average), a.result.metricsScored, nullIfZero(a.result.rawSegment),
            a.result.deficit ? 1 : 0, nullIfZero(a.result.segment), nullIfZero(a.result.rank),
            a.computedAt.isEmpty() ? QDateTime::currentDateTimeUtc().toString(Qt::ISODate) : a.computedAt,
            a.digest() });
    for (qsizetype i = 0; i < a.result.metrics.size(); ++i) {
        const MetricResult &m = a.result.metrics.at(i);
        const ValueColumns v = columnsFor(m.value);
        m_db.exec(QStringLiteral("INSERT INTO metric_score (org_code, quarter, position, metric_id, domain, kind,"
                                 " number, label, score, weight_num, weight_den)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            { m_org, quarter, int(i), m.metricId, m.domain, v.kind, v.number, v.label, m.score, m.weight.num,
                m.weight.den });
    }
    for (qsizetype i = 0; i < a.result.domains.size(); ++i) {
        const DomainResult &d = a.result.domains.at(i);
        const auto cut = a.domainCuts.constFind(d.domainId);
        const std::optional<CutPoints> cuts
            = cut == a.domainCuts.cend() ? std::nullopt : std::optional<CutPoints>(*cut);
        m_db.exec(QStringLiteral("INSERT INTO domain_score (org_code, quarter, position, domain_id, score, segment,"
                                 " cut1, cut2, cut3) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            { m_org, quarter, int(i), d.domainId, nullIfZero(d.score), nullIfZero(d.segment), cutValue(cuts, 1),
                cutValue(cuts, 2), cutValue(cuts, 3) });
    }
}

int CaseFile::write(const CaseIdentity &identity, const QList<QuarterRecord> &quarters, const QString &workspaceId)
{
    if (m_db.isServer() && identity.code != m_org)
        throw StoreError(QStringLiteral("%1: the case of %2 cannot hold organisation %3")
                             .arg(path(), m_org, identity.code));
    forgetReads();
    Transaction transaction(scope());
    if (const QString problem = membershipProblem(workspaceId); !problem.isEmpty())
        throw StoreError(problem);
    if (!m_db.isServer() && !workspaceId.isEmpty() && this->workspaceId() != workspaceId)
        m_db.exec(QStringLiteral("INSERT INTO membership (id, workspace_id) VALUES (1, ?)"
                                 " ON CONFLICT (id) DO UPDATE SET workspace_id = excluded.workspace_id"),
            { workspaceId });
    const QString stored = this->identity().code;
    if (!stored.isEmpty() && stored != identity.code)
        throw StoreError(
            QStringLiteral("%1: holds organisation %2, not %3: it is not written into; move it out of "
                           "the workspace or give it its right name")
                .arg(path(), stored, identity.code));
    if (const QString mismatch = m_db.isServer() ? QString() : nameMismatch(path(), identity.code);
        !mismatch.isEmpty())
        throw StoreError(mismatch);
    m_org = identity.code; // a new file's organisation, from here on
    if (this->identity() != identity)
        m_db.exec(QStringLiteral("INSERT INTO organisation (org_code, id, code, name, peer_type, region)"
                                 " VALUES (?, 1, ?, ?, ?, ?) ON CONFLICT (org_code) DO UPDATE SET"
                                 " name = excluded.name, peer_type = excluded.peer_type, region = excluded.region"),
            { m_org, identity.code, identity.name, identity.peerType, identity.region });
    int changed = 0;
    for (const QuarterRecord &record : quarters) {
        if (sameQuarter(record))
            continue;
        writeQuarter(record);
        ++changed;
    }
    transaction.commit();
    return changed;
}

QStringList CaseFile::consistencyProblems()
{
    QStringList problems;
    problems += auditlog::verify(scope());
    // On a server every case is in the same tables: only this one's rows count.
    const int organisations = m_db.isServer()
        ? m_db.scalar(QStringLiteral("SELECT count(*) FROM organisation WHERE org_code = ?"), {m_org}).toInt()
        : m_db.scalar(QStringLiteral("SELECT count(*) FROM organisation")).toInt();
    if (organisations != 1)
        problems.append(QStringLiteral("expected one organisation record, found %1").arg(organisations));
    // A case file holds one organisation's case: a record naming another
    // (or none) was put there behind the workbench's back.
    if (!m_db.isServer() && m_db.schemaVersion() >= 9)
        for (const QString &table : caseTables()) {
            const int foreign
                = m_db.scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE org_code <> ?").arg(table), { m_org }).toInt();
            if (foreign > 0)
                problems.append(QStringLiteral("%1: %2 record(s) name another organisation than %3 (edited outside the "
                                               "workbench?)")
                                    .arg(table)
                                    .arg(foreign)
                                    .arg(m_org));
        }
    for (const QString &quarter : quarters()) {
        const StoredAssessment a = *assessment(quarter);
        const QString where = QStringLiteral("assessment %1").arg(quarter);
        const QString stored
            = m_db.scalar(QStringLiteral("SELECT digest FROM assessment WHERE org_code = ? AND quarter = ?"), { m_org, quarter })
                  .toString();
        if (stored != a.digest())
            problems.append(
                QStringLiteral("%1: contents do not match their digest (edited outside the workbench?)")
                    .arg(where));
        QList<Hundredths> scores;
        QList<Rational> weights;
        int scored = 0;
        for (const MetricResult &m : a.result.metrics) {
            scores.append(m.score);
            weights.append(m.weight);
            scored += m.score > 0 ? 1 : 0;
            if (m.score != 0 && (m.score < 100 || m.score > 400))
                problems.append(QStringLiteral("%1: metric %2 has score %3 outside 1.00-4.00")
                                    .arg(where, m.metricId, formatHundredths(m.score)));
        }
        if (weightedAverage(scores, weights) != a.result.average)
            problems.append(QStringLiteral("%1: average %2 does not follow from its metric scores (%3)")
                                .arg(where, formatHundredths(a.result.average),
                                    formatHundredths(weightedAverage(scores, weights))));
        if (scored != a.result.metricsScored)
            problems.append(QStringLiteral("%1: metrics_scored is %2 but %3 metrics have scores")
                                .arg(where)
                                .arg(a.result.metricsScored)
                                .arg(scored));
        if (a.result.isSegmented()) {
            if (!a.cuts || segmentFor(a.result.average, *a.cuts) != a.result.rawSegment)
                problems.append(
                    QStringLiteral("%1: raw segment %2 does not follow from the average and cut points")
                        .arg(where)
                        .arg(a.result.rawSegment));
            else if (applyFinanceOverride(a.result.rawSegment, a.result.deficit, a.financeCap)
                != a.result.segment)
                problems.append(
                    QStringLiteral("%1: segment %2 does not follow from raw segment %3 and finances")
                        .arg(where)
                        .arg(a.result.segment)
                        .arg(a.result.rawSegment));
        } else if (a.result.rawSegment != 0 || a.result.segment != 0 || a.result.rank != 0) {
            problems.append(QStringLiteral("%1: segmented without an average").arg(where));
        }
    }
    return problems;
}

} // namespace owb
