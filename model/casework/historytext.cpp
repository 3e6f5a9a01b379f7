#include "historytext.h"

#include "casework/casework.h"
#include "casework/datetext.h"
#include "casework/nationalcache.h"
#include "casework/metricview.h"
#include "casework/trajectory.h"
#include "data/quarterlabel.h"
#include "framework/fixedpoint.h"
#include "framework/methodology.h"
#include "itemmodels/dateformat.h"
#include "store/auditlog.h"

#include <QCoreApplication>
#include <QSet>
#include <QJsonDocument>
#include <QRegularExpression>

namespace owb {

namespace {

// Columns kept for integrity, not for reading (hashes, digests, file contents, record ids).
bool isInternal(const QString &column)
{
    return column.endsWith(QLatin1String("sha256")) || column.endsWith(QLatin1String("digest"))
        || column.endsWith(QLatin1String("hash")) || column == QLatin1String("content")
        || column == QLatin1String("id")
        || (column.endsWith(QLatin1String("_id")) && column != QLatin1String("area_id")
            && column != QLatin1String("metric_id") && column != QLatin1String("consideration_id"));
}

// A column as people say it: "decided segment", not "decided_segment"; an
// id column by what it names ("area", not "area id").
QString columnName(const QString &column)
{
    QString name = column;
    if (name.endsWith(QLatin1String("_id")))
        name.chop(3);
    return name.replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString nameIn(const QList<NamedItem> &items, const QString &id)
{
    for (const NamedItem &item : items)
        if (item.id == id)
            return item.name;
    return id;
}

} // namespace

// A metric as the forms' pickers name it: "OF0023 % waiting 18 weeks or less".
QString metricName(const Methodology &m, const QString &id)
{
    const MetricDefinition *metric = m.metric(id);
    return metric ? QStringLiteral("%1 %2").arg(id, metric->name) : notInMethodologyList(id);
}

QString ratingName(const Methodology &m, const QString &id)
{
    if (id.isEmpty())
        return id;
    for (const NamedItem &rating : m.capabilityRatings())
        if (rating.id == id)
            return rating.name;
    return notInMethodologyList(id);
}

QString domainName(const Methodology &m, const QString &id)
{
    for (const Domain &d : m.domains())
        if (d.id == id)
            return d.name;
    return notInMethodologyList(id);
}

QString namedList(const QString &ids, const std::function<QString(const QString &)> &nameOf)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QStringList names;
    for (const QString &id : ids.split(separators, Qt::SkipEmptyParts))
        names.append(nameOf(id));
    return names.join(QStringLiteral("; "));
}

QString historyValueText(const Methodology &m, const QString &table, const QString &column,
    const QJsonValue &value, const QJsonObject &row)
{
    if (value.isDouble() && (column == QLatin1String("average") || column == QLatin1String("score")))
        return formatHundredths(Hundredths(value.toDouble()));
    const QString text = value.toVariant().toString();
    if (text.isEmpty())
        return text;
    if (column.endsWith(QLatin1String("_at")))
        return displayMoment(text);
    // Dates as every date is shown (casework/datetext); a value that is no date stays as it is.
    if (column == QLatin1String("date") || column.endsWith(QLatin1String("_date"))
        || column.endsWith(QLatin1String("_on")))
        return showDate(text);
    // A planned value in its metric's own format, as the trajectory table and the reports show it.
    if (column == QLatin1String("planned")) {
        const auto planned = plannedValue(text);
        if (!planned)
            return text;
        const MetricDefinition *metric = m.metric(row.value(QStringLiteral("metric_id")).toString());
        return metric ? formatMetricMeasure(*metric, *planned) : formatMeasure(*planned);
    }
    if (column == QLatin1String("deficit"))
        return considerationAnswerName(value.toVariant().toBool() || text == QLatin1String("yes")
                ? QStringLiteral("yes")
                : QStringLiteral("no"));
    if (column == QLatin1String("answer"))
        return considerationAnswerName(text);
    if (column == QLatin1String("peer_type")) {
        const PeerType *type = m.peerType(text);
        return type ? type->name : text;
    }
    if (column == QLatin1String("metric_id")
        || (column == QLatin1String("metrics") && table == QLatin1String("finding")))
        return namedList(text, [&](const QString &id) { return metricName(m, id); });
    if (column == QLatin1String("domains") && table == QLatin1String("finding"))
        return namedList(text, [&](const QString &id) { return domainName(m, id); });
    if (column == QLatin1String("consideration_id")) {
        for (const SystemConsideration &test : m.systemConsiderations())
            if (test.id == text)
                return test.priority;
        return text;
    }
    if (table == QLatin1String("note")) {
        const QString kind = row.value(QStringLiteral("tag_kind")).toString();
        if (column == QLatin1String("tag_kind"))
            return kind == QLatin1String("metric") ? QCoreApplication::translate("owb::History", "Metric")
                : kind == QLatin1String("domain")  ? QCoreApplication::translate("owb::History", "Domain")
                                                   : text;
        if (column == QLatin1String("tag"))
            return kind == QLatin1String("metric") ? metricName(m, text)
                : kind == QLatin1String("domain")  ? domainName(m, text)
                                                   : text;
    }
    if (table == QLatin1String("decision") && column == QLatin1String("kind"))
        return text == QLatin1String("correction") ? QCoreApplication::translate("owb::History", "correction")
            : text == QLatin1String("confirm")
            ? QCoreApplication::translate("owb::History", "computed segment confirmed")
            : text;
    if (column.endsWith(QLatin1String("rating")) || column == QLatin1String("capability_conclusion"))
        return nameIn(m.capabilityRatings(), text);
    if (column == QLatin1String("area_id")
        || (column == QLatin1String("area") && table.startsWith(QLatin1String("capability"))))
        return nameIn(m.capabilityAreas(), text);
    const CaseworkChoices &sets = m.casework();
    if (column == QLatin1String("recommendation"))
        return sets.recommendations.nameOf(text);
    if (column == QLatin1String("decision") && table == QLatin1String("diagnostic_review"))
        return sets.decisions.nameOf(text);
    if (column == QLatin1String("severity"))
        return sets.severities.nameOf(text);
    if (column == QLatin1String("status")) {
        if (table == QLatin1String("diagnostic_review"))
            return sets.reviewStages.nameOf(text);
        if (table == QLatin1String("milestone"))
            return sets.milestoneStatuses.nameOf(text);
        if (table == QLatin1String("exit_criterion"))
            return sets.criterionStatuses.nameOf(text);
    }
    // Any other number (a segment, a rank) as an integer when it is one, never "3.0".
    if (value.isDouble() && value.toDouble() == double(qint64(value.toDouble())))
        return QString::number(qint64(value.toDouble()));
    return text;
}

QString historyRecordText(const Methodology &m, const QString &table, const QString &rowKey)
{
    QString key = rowKey;
    if (table == QLatin1String("capability_area")) { // "2025/26/strategy"
        const qsizetype cut = key.lastIndexOf(QLatin1Char('/'));
        if (cut > 0)
            key = QStringLiteral("%1 %2").arg(key.left(cut), nameIn(m.capabilityAreas(), key.mid(cut + 1)));
    }
    return QStringLiteral("%1 %2").arg(QString(table).replace(QLatin1Char('_'), QLatin1Char(' ')), key);
}

QString historyChangeText(const Methodology &m, const AuditEntry &e)
{
    const QJsonObject before = QJsonDocument::fromJson(e.before.toUtf8()).object();
    const QJsonObject after = QJsonDocument::fromJson(e.after.toUtf8()).object();
    QStringList parts;
    QStringList keys = before.keys() + after.keys();
    keys.removeDuplicates();
    for (const QString &key : std::as_const(keys)) {
        if (isInternal(key))
            continue;
        const QString from = historyValueText(m, e.table, key, before.value(key), before);
        const QString to = historyValueText(m, e.table, key, after.value(key), after);
        if (e.action == QLatin1String("update") && from == to)
            continue;
        if (e.action == QLatin1String("insert")) {
            if (!to.isEmpty())
                parts.append(QStringLiteral("%1: %2").arg(columnName(key), to));
        } else if (e.action == QLatin1String("delete")) {
            if (!from.isEmpty())
                parts.append(QStringLiteral("%1: %2").arg(columnName(key), from));
        } else {
            parts.append(
                QStringLiteral("%1: %2 → %3")
                    .arg(columnName(key),
                        from.isEmpty() ? QCoreApplication::translate("owb::History", "(empty)") : from,
                        to.isEmpty() ? QCoreApplication::translate("owb::History", "(empty)") : to));
        }
    }
    return parts.join(QStringLiteral("; "));
}

namespace {
QJsonObject rowOf(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}
} // namespace

bool isReassessment(const AuditEntry &removed, const AuditEntry &added)
{
    if (removed.table != QLatin1String("assessment") || added.table != removed.table
        || removed.rowKey != added.rowKey || removed.action != QLatin1String("delete")
        || added.action != QLatin1String("insert"))
        return false;
    const QString before = rowOf(removed.before).value(QStringLiteral("methodology_id")).toString();
    const QString after = rowOf(added.after).value(QStringLiteral("methodology_id")).toString();
    return !after.isEmpty() && before != after;
}

QHash<qint64, MethodologyReissue> reissuedAssessments(const QList<AuditEntry> &entries,
                                                      const QList<MethodologyReissue> &reissues)
{
    QHash<qint64, MethodologyReissue> found;
    QHash<QString, AuditEntry> removedLast;  // quarter -> its assessment's latest removal
    QSet<QString> claimed;  // quarter + re-issue moment: one rewrite each
    for (auto it = entries.crbegin(); it != entries.crend(); ++it) {  // oldest first
        const AuditEntry &e = *it;
        if (e.table != QLatin1String("assessment"))
            continue;
        if (e.action == QLatin1String("delete")) {
            removedLast.insert(e.rowKey, e);
            continue;
        }
        const auto removed = removedLast.constFind(e.rowKey);
        if (e.action != QLatin1String("insert") || removed == removedLast.cend())
            continue;
        const QJsonObject before = rowOf(removed->before);
        const QJsonObject after = rowOf(e.after);
        const QString id = after.value(QStringLiteral("methodology_id")).toString();
        // The same id stored again with other contents: the first such
        // rewrite since a re-issue of that id was put in force for the year.
        if (id.isEmpty() || before.value(QStringLiteral("methodology_id")).toString() != id
            || before.value(QStringLiteral("digest")) == after.value(QStringLiteral("digest")))
            continue;
        for (const MethodologyReissue &r : reissues) {
            const QString key = e.rowKey + QLatin1Char('|') + r.at;
            if (r.id == id && r.year == yearOfQuarter(e.rowKey) && r.at.left(19) <= e.at.left(19) && !claimed.contains(key)) {
                claimed.insert(key);
                found.insert(e.seq, r);
                break;
            }
        }
        removedLast.remove(e.rowKey);
    }
    return found;
}

QHash<qint64, qsizetype> reassessedRemovals(const QList<AuditEntry> &entries,
                                            const QHash<qint64, MethodologyReissue> &reissued)
{
    QHash<qint64, qsizetype> pairs;
    QSet<qsizetype> taken;
    for (qsizetype row = 0; row < entries.size(); ++row) {
        const AuditEntry &e = entries.at(row);
        if (e.action != QLatin1String("insert"))
            continue;
        // The same record's latest entry before this one: its removal, when
        // this is a re-assessment.
        for (qsizetype earlier = row + 1; earlier < entries.size(); ++earlier) {
            const AuditEntry &removed = entries.at(earlier);
            if (removed.table != e.table || removed.rowKey != e.rowKey)
                continue;
            if (!taken.contains(earlier) && removed.action == QLatin1String("delete")
                && (isReassessment(removed, e) || reissued.contains(e.seq))) {
                pairs.insert(e.seq, earlier);
                taken.insert(earlier);
            }
            break;
        }
    }
    return pairs;
}

std::pair<int, int> reassessedFinalSegments(CaseworkStore &casework, const NationalCache *national,
                                            const AuditEntry &removed, const AuditEntry &added)
{
    const QSet<QString> years = casework.yearsWithoutProgramme();
    const QString year = yearOfQuarter(added.rowKey);
    const auto finalUnder = [&](const QJsonObject &row) {
        QSet<QString> without = years;
        if (national && !national->programmeSegmentUnder(row.value(QStringLiteral("methodology_sha256")).toString()))
            without.insert(year);
        else
            without.remove(year);
        casework.setYearsWithoutProgramme(without);
        const int final = casework.finalSegment(added.rowKey, row.value(QStringLiteral("segment")).toInt());
        casework.setYearsWithoutProgramme(years);
        return final;
    };
    // After: under the file in force now (the casework's years as set).
    return {finalUnder(rowOf(removed.before)),
            casework.finalSegment(added.rowKey, rowOf(added.after).value(QStringLiteral("segment")).toInt())};
}

QString reassessmentText(const AuditEntry &removed, const AuditEntry &added, const QString &title,
                         const MethodologyReissue *reissue, int finalBefore, int finalAfter, bool programmeSegmentAfter)
{
    const QJsonObject before = rowOf(removed.before);
    const QJsonObject after = rowOf(added.after);
    const QString id = after.value(QStringLiteral("methodology_id")).toString();
    const bool named = !title.isEmpty() && title != id;
    QString text;
    if (reissue) {
        // The same id, another file: the year's methodology was re-issued.
        const QString on = showDate(reissue->at.left(10));
        text = named ? QCoreApplication::translate("owb::History",
                                                   "re-assessed under %1 (%2 re-issued %3, file changed: SHA-256 %4... in place of %5...)")
                           .arg(title, id, on, reissue->sha256.left(12), reissue->replacedSha256.left(12))
                     : QCoreApplication::translate("owb::History",
                                                   "re-assessed under %1 (re-issued %2, file changed: SHA-256 %3... in place of %4...)")
                           .arg(id, on, reissue->sha256.left(12), reissue->replacedSha256.left(12));
    } else {
        text = named ? QCoreApplication::translate("owb::History", "re-assessed under %1 (%2)").arg(title, id)
                     : QCoreApplication::translate("owb::History", "re-assessed under %1").arg(id);
        text += QCoreApplication::translate("owb::History", ", in place of %1")
                    .arg(before.value(QStringLiteral("methodology_id")).toString());
    }
    const auto shown = [](const QJsonValue &v) {
        return v.isNull() || v.isUndefined() ? QCoreApplication::translate("owb::History", "none")
                                              : QString::number(v.toInt());
    };
    text += QStringLiteral("; ")
            + QCoreApplication::translate("owb::History", "segment: %1 → %2")
                  .arg(shown(before.value(QStringLiteral("segment"))), shown(after.value(QStringLiteral("segment"))));
    // The final segment (a programme's 5, a correction) where it moved other
    // than the computed one: a re-issue without a programme segment, say.
    if (finalBefore > 0 && finalAfter > 0 && finalBefore != finalAfter
        && (finalBefore != before.value(QStringLiteral("segment")).toInt()
            || finalAfter != after.value(QStringLiteral("segment")).toInt())) {
        text += QStringLiteral("; ")
                + QCoreApplication::translate("owb::History", "final segment: %1 → %2").arg(finalBefore).arg(finalAfter);
        if (!programmeSegmentAfter)
            text += QLatin1Char(' ')
                    + QCoreApplication::translate("owb::History", "(no programme segment in %1)").arg(yearOfQuarter(added.rowKey));
    }
    // The average before and after, and the rest of the assessment where it
    // changed (the removal is not shown apart).
    const Methodology &any = Methodology::builtIn();
    for (const QString &column : {QStringLiteral("average"), QStringLiteral("rank"), QStringLiteral("raw_segment"),
                                  QStringLiteral("deficit")}) {
        const QJsonValue was = before.value(column);
        const QJsonValue is = after.value(column);
        if (column != QLatin1String("average") && was == is)
            continue;
        const auto value = [&](const QJsonValue &v) {
            const QString text = historyValueText(any, QStringLiteral("assessment"), column, v, after);
            return text.isEmpty() ? QCoreApplication::translate("owb::History", "none") : text;
        };
        text += QStringLiteral("; %1: %2 → %3").arg(columnName(column), value(was), value(is));
    }
    return text;
}

} // namespace owb
