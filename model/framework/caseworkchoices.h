#pragma once
// The closed sets of casework (framework.md §7) as methodology data, so that a
// region can adapt them without a release: the diagnostic review's stages,
// recommendations and regional decisions, finding severities, milestone and
// exit criterion statuses. Records store a choice's id; a stored value that is
// not in the set (an older file, another methodology) is kept and shown as it
// was, never lost.

#include <QJsonValue>
#include <QList>
#include <QString>
#include <utility>

namespace owb {

struct CaseworkChoice
{
    QString id;
    QString name;
};

struct ChoiceSet
{
    QList<CaseworkChoice> items;
    QString finalId; // the value that closes its record (decided, done, met); may be empty

    bool contains(const QString &id) const;
    QString firstId() const { return items.isEmpty() ? QString() : items.first().id; }
    // The name of a stored value; one not in the set is shown as it is, marked.
    QString nameOf(const QString &id) const;
    // The set's id of a value typed or stored in another spelling: an id or a
    // name, whatever the case and surrounding spaces; empty if none.
    QString match(const QString &value) const;
    QList<std::pair<QString, QString>> pairs() const;
};

struct CaseworkChoices
{
    ChoiceSet reviewStages;
    ChoiceSet recommendations;
    ChoiceSet decisions;
    ChoiceSet severities;
    ChoiceSet milestoneStatuses;
    ChoiceSet criterionStatuses;
};

// A stored value that none of the methodology's lists holds, as every table,
// form and report shows it: "OF9999 (not in the methodology's list)".
QString notInMethodologyList(const QString &value);

// Reads the methodology's "casework" object. On a fault returns false with
// *where ("casework: review_stages") and *what set.
bool readCaseworkChoices(const QJsonValue &value, CaseworkChoices *out, QString *where, QString *what);

} // namespace owb
