#include "caseworkchoices.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace owb {

bool ChoiceSet::contains(const QString &id) const
{
    for (const CaseworkChoice &c : items)
        if (c.id == id)
            return true;
    return false;
}

QString ChoiceSet::nameOf(const QString &id) const
{
    if (id.isEmpty())
        return {};
    for (const CaseworkChoice &c : items)
        if (c.id == id)
            return c.name;
    return notInMethodologyList(id);
}

QString notInMethodologyList(const QString &value)
{
    return QCoreApplication::translate("owb::ChoiceSet", "%1 (not in the methodology's list)").arg(value);
}

QString ChoiceSet::match(const QString &value) const
{
    const QString wanted = value.trimmed();
    for (const CaseworkChoice &c : items)
        if (c.id.compare(wanted, Qt::CaseInsensitive) == 0 || c.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return c.id;
    return {};
}

QList<std::pair<QString, QString>> ChoiceSet::pairs() const
{
    QList<std::pair<QString, QString>> out;
    for (const CaseworkChoice &c : items)
        out.append({c.id, c.name});
    return out;
}

namespace {
bool readSet(const QJsonObject &object, const QString &key, ChoiceSet *out, QString *where, QString *what)
{
    *where = QStringLiteral("casework: %1").arg(key);
    const QJsonValue value = object.value(key);
    if (!value.isArray() || value.toArray().isEmpty()) {
        *what = QStringLiteral("must be a non-empty array of {\"id\", \"name\"}");
        return false;
    }
    out->items.clear();
    out->finalId.clear();
    QSet<QString> seen;
    for (const QJsonValue item : value.toArray()) {
        const QJsonObject o = item.toObject();
        CaseworkChoice choice{o.value(QStringLiteral("id")).toString().trimmed(),
                              o.value(QStringLiteral("name")).toString().trimmed()};
        if (choice.id.isEmpty()) {
            *what = QStringLiteral("every item needs an \"id\"");
            return false;
        }
        if (seen.contains(choice.id.toLower())) {
            *what = QStringLiteral("duplicate id \"%1\"").arg(choice.id);
            return false;
        }
        seen.insert(choice.id.toLower());
        if (choice.name.isEmpty())
            choice.name = choice.id;
        const QJsonValue final = o.value(QStringLiteral("final"));
        if (!final.isUndefined() && !final.isBool()) {
            *what = QStringLiteral("\"final\" must be true or false (item \"%1\")").arg(choice.id);
            return false;
        }
        if (final.toBool()) {
            if (!out->finalId.isEmpty()) {
                *what = QStringLiteral("only one item may be \"final\"");
                return false;
            }
            out->finalId = choice.id;
        }
        out->items.append(choice);
    }
    return true;
}
} // namespace

bool readCaseworkChoices(const QJsonValue &value, CaseworkChoices *out, QString *where, QString *what)
{
    if (!value.isObject()) {
        *where = QStringLiteral("casework");
        *what = QStringLiteral("must be an object");
        return false;
    }
    const QJsonObject object = value.toObject();
    CaseworkChoices read;
    if (!readSet(object, QStringLiteral("review_stages"), &read.reviewStages, where, what)
        || !readSet(object, QStringLiteral("recommendations"), &read.recommendations, where, what)
        || !readSet(object, QStringLiteral("decisions"), &read.decisions, where, what)
        || !readSet(object, QStringLiteral("finding_severities"), &read.severities, where, what)
        || !readSet(object, QStringLiteral("milestone_statuses"), &read.milestoneStatuses, where, what)
        || !readSet(object, QStringLiteral("exit_criterion_statuses"), &read.criterionStatuses, where, what))
        return false;
    // A review closes at its last stage, a milestone when done, a criterion
    // when met: each workflow needs the value that ends it.
    for (const auto &[key, set] : {std::pair{QStringLiteral("review_stages"), &read.reviewStages},
                                   std::pair{QStringLiteral("milestone_statuses"), &read.milestoneStatuses},
                                   std::pair{QStringLiteral("exit_criterion_statuses"), &read.criterionStatuses}}) {
        if (set->finalId.isEmpty()) {
            *where = QStringLiteral("casework: %1").arg(key);
            *what = QStringLiteral("one item must be marked \"final\": true (the value that closes it)");
            return false;
        }
    }
    if (read.reviewStages.finalId != read.reviewStages.items.last().id) {
        *where = QStringLiteral("casework: review_stages");
        *what = QStringLiteral("the \"final\" stage must be the last");
        return false;
    }
    *out = read;
    return true;
}

} // namespace owb
