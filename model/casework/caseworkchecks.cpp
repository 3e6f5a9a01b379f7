// The checks of casework values before they are written: dates in their
// order, values of the methodology's lists, lengths and numbers. Declared in
// casework.h, beside the store that applies them on every write.
#include "casework.h"

#include "data/metricdataset.h"
#include "data/quarterlabel.h"
#include "data/textlimits.h"
#include "casework/datetext.h"
#include "casework/metricview.h"
#include "casework/trajectory.h"
#include "framework/methodology.h"
#include "framework/methodologytext.h"

#include <QCoreApplication>
#include <QMap>
#include <QRegularExpression>

namespace owb {

std::pair<QString, QString> dateOrderProblem(const QVariantMap &values, const QString &changed)
{
    struct Pair
    {
        const char *first;
        const char *later;
        const char *message;
    };
    static const Pair pairs[] = {
        {"start_date", "due_date", QT_TRANSLATE_NOOP("owb::Casework", "The due date %1 is before the start date %2: it must be on or after it.")},
        {"entry_date", "exit_date", QT_TRANSLATE_NOOP("owb::Casework", "The exit date %1 is before the entry date %2: it must be on or after it.")},
        {"start_date", "decision_date", QT_TRANSLATE_NOOP("owb::Casework", "The decision date %1 is before the review's start date %2: it must be on or after it.")},
    };
    auto dateOf = [&values](const char *column) {
        return QDate::fromString(values.value(QLatin1String(column)).toString().left(10), Qt::ISODate);
    };
    auto concerns = [&changed](const char *a, const char *b) {
        return changed.isEmpty() || changed == QLatin1String(a) || changed == QLatin1String(b);
    };
    for (const Pair &pair : pairs) {
        const QDate first = dateOf(pair.first);
        const QDate later = dateOf(pair.later);
        if (concerns(pair.first, pair.later) && first.isValid() && later.isValid() && later < first)
            return {QLatin1String(pair.later),
                    QCoreApplication::translate("owb::Casework", pair.message).arg(showDate(later), showDate(first))};
    }
    // The programme's entry date falls in its entry quarter; its exit is in a
    // later quarter (segment 5 holds from the entry quarter until the exit's).
    const QString entryQuarter = values.value(QStringLiteral("entry_quarter")).toString();
    const QDate quarterFirst = quarterStart(entryQuarter);
    const QDate entry = dateOf("entry_date");
    if (concerns("entry_quarter", "entry_date") && quarterFirst.isValid() && entry.isValid()
        && (entry < quarterFirst || entry > quarterFirst.addMonths(3).addDays(-1)))
        return {QStringLiteral("entry_date"),
                QCoreApplication::translate("owb::Casework", "The entry date %1 is not in the entry quarter %2: it must be from %3 to %4.")
                    .arg(showDate(entry), entryQuarter, showDate(quarterFirst), showDate(quarterFirst.addMonths(3).addDays(-1)))};
    const QString exitQuarter = values.value(QStringLiteral("exit_quarter")).toString();
    // The exit date falls in the exit quarter, as the entry date in the entry quarter.
    const QDate exitFirst = quarterStart(exitQuarter);
    const QDate exit = dateOf("exit_date");
    if (concerns("exit_quarter", "exit_date") && exitFirst.isValid() && exit.isValid()
        && (exit < exitFirst || exit > exitFirst.addMonths(3).addDays(-1)))
        return {QStringLiteral("exit_date"),
                QCoreApplication::translate("owb::Casework", "The exit date %1 is not in the exit quarter %2: it must be from %3 to %4.")
                    .arg(showDate(exit), exitQuarter, showDate(exitFirst), showDate(exitFirst.addMonths(3).addDays(-1)))};
    if (concerns("entry_quarter", "exit_quarter") && quarterKey(entryQuarter) > 0 && quarterKey(exitQuarter) > 0
        && !quarterLessThan(entryQuarter, exitQuarter))
        return {QStringLiteral("exit_quarter"),
                QCoreApplication::translate("owb::Casework", "An exit is recorded in a quarter after the entry quarter %1; %2 is not after it.")
                    .arg(entryQuarter, exitQuarter)};
    return {};
}

std::pair<QString, QString> CaseworkStore::orderProblem(const CaseworkTable &table, const QVariantMap &values,
                                                        const QString &changed)
{
    if (const auto problem = dateOrderProblem(values, changed); !problem.first.isEmpty())
        return problem;
    // A new period in the programme starts after the last one ended.
    if (&table == &programmeTable() && (changed.isEmpty() || changed == QStringLiteral("entry_date"))) {
        const QDate entry = QDate::fromString(values.value(QStringLiteral("entry_date")).toString().left(10), Qt::ISODate);
        const qint64 self = values.value(QStringLiteral("id")).toLongLong();
        for (const QVariantMap &p : read(programmeTable(), {}, {}, false)) {
            const QDate exit = QDate::fromString(p.value(QStringLiteral("exit_date")).toString().left(10), Qt::ISODate);
            if (p.value(QStringLiteral("id")).toLongLong() != self && entry.isValid() && exit.isValid() && entry < exit)
                return {QStringLiteral("entry_date"),
                        QCoreApplication::translate("owb::Casework", "The entry date %1 is before the exit recorded on %2: a new "
                                                                     "period in the programme starts on or after the last one ended.")
                            .arg(showDate(entry), showDate(exit))};
        }
    }
    // An entry date moved later stays on or before what the programme already
    // holds: its exit criteria's due dates and the progress reviews of its period.
    if (&table == &programmeTable() && (changed.isEmpty() || changed == QStringLiteral("entry_date"))) {
        const auto dateIn = [](const QVariantMap &row, const char *column) {
            return QDate::fromString(row.value(QLatin1String(column)).toString().left(10), Qt::ISODate);
        };
        const QDate entry = dateIn(values, "entry_date");
        const qint64 self = values.value(QStringLiteral("id")).toLongLong();
        if (entry.isValid() && self > 0) {
            for (const QVariantMap &c : read(criterionTable(), QStringLiteral("programme_id"), self, false))
                if (const QDate due = dateIn(c, "due_date"); due.isValid() && due < entry)
                    return {QStringLiteral("entry_date"),
                            QCoreApplication::translate("owb::Casework", "The entry date %1 is after the due date %2 of the exit "
                                                                         "criterion \"%3\": it must be on or before it.")
                                .arg(showDate(entry), showDate(due), c.value(QStringLiteral("description")).toString())};
            // Progress reviews belong to the latest period, after any earlier period's exit.
            const QList<QVariantMap> programmes = read(programmeTable(), {}, {}, false);
            if (!programmes.isEmpty() && programmes.last().value(QStringLiteral("id")).toLongLong() == self) {
                QDate earlierExit;
                for (const QVariantMap &p : programmes)
                    if (p.value(QStringLiteral("id")).toLongLong() != self && dateIn(p, "exit_date").isValid())
                        earlierExit = std::max(earlierExit.isValid() ? earlierExit : dateIn(p, "exit_date"), dateIn(p, "exit_date"));
                for (const QVariantMap &r : read(progressReviewTable(), {}, {}, false)) {
                    const QDate held = dateIn(r, "review_date");
                    if (held.isValid() && held < entry && (!earlierExit.isValid() || held >= earlierExit))
                        return {QStringLiteral("entry_date"),
                                QCoreApplication::translate("owb::Casework", "The entry date %1 is after the progress review "
                                                                             "held on %2: it must be on or before it.")
                                    .arg(showDate(entry), showDate(held))};
                }
            }
        }
    }
    // Exit criteria and progress reviews belong to a programme: not before its entry.
    QVariantMap programme;
    QString column;
    if (&table == &criterionTable()) {
        column = QStringLiteral("due_date");
        if (const qint64 of = values.value(QStringLiteral("programme_id")).toLongLong(); of > 0)
            programme = record(programmeTable(), of);
    } else if (&table == &progressReviewTable()) {
        column = QStringLiteral("review_date");
        const QList<QVariantMap> programmes = read(programmeTable(), {}, {}, false);
        if (!programmes.isEmpty())
            programme = programmes.last();
    }
    if (column.isEmpty() || (!changed.isEmpty() && changed != column))
        return {};
    const QDate date = QDate::fromString(values.value(column).toString().left(10), Qt::ISODate);
    const QDate entry = QDate::fromString(programme.value(QStringLiteral("entry_date")).toString().left(10), Qt::ISODate);
    if (date.isValid() && entry.isValid() && date < entry)
        return {column, (&table == &criterionTable()
                             ? QCoreApplication::translate("owb::Casework", "The due date %1 is before the programme's entry date %2: it must be on or after it.")
                             : QCoreApplication::translate("owb::Casework", "The review date %1 is before the programme's entry date %2: it must be on or after it."))
                            .arg(showDate(date), showDate(entry))};
    return {};
}

namespace {

// The field a record's form requires, by what the user calls it; null when
// the field may be left empty.
const char *requiredFieldName(const CaseworkTable &table, const QString &column)
{
    // The fields each record's form asks for, by what the user calls them.
    struct Required
    {
        const CaseworkTable &table;
        const char *column;
        const char *name;
    };
    static const Required required[] = {
        {reviewTable(), "opened_reason", QT_TRANSLATE_NOOP("owb::Casework", "A diagnostic review's reason for opening")},
        {reviewTable(), "team", QT_TRANSLATE_NOOP("owb::Casework", "A diagnostic review's team")},
        {reviewTable(), "scope", QT_TRANSLATE_NOOP("owb::Casework", "A diagnostic review's scope and terms of reference")},
        {reviewTable(), "start_date", QT_TRANSLATE_NOOP("owb::Casework", "A diagnostic review's start date")},
        {reviewTable(), "due_date", QT_TRANSLATE_NOOP("owb::Casework", "A diagnostic review's due date")},
        {findingTable(), "category", QT_TRANSLATE_NOOP("owb::Casework", "A finding's root cause")},
        {findingTable(), "severity", QT_TRANSLATE_NOOP("owb::Casework", "A finding's severity")},
        {findingTable(), "description", QT_TRANSLATE_NOOP("owb::Casework", "A finding's description")},
        {findingEvidenceTable(), "title", QT_TRANSLATE_NOOP("owb::Casework", "An evidence item's title")},
        {findingEvidenceTable(), "evidence_date", QT_TRANSLATE_NOOP("owb::Casework", "An evidence item's date")},
        {programmeTable(), "reason", QT_TRANSLATE_NOOP("owb::Casework", "A programme entry's reason")},
        {programmeTable(), "entry_date", QT_TRANSLATE_NOOP("owb::Casework", "A programme entry's date")},
        {criterionTable(), "description", QT_TRANSLATE_NOOP("owb::Casework", "An exit criterion's description")},
        {criterionTable(), "status", QT_TRANSLATE_NOOP("owb::Casework", "An exit criterion's status")},
        {progressReviewTable(), "review_date", QT_TRANSLATE_NOOP("owb::Casework", "A progress review's date")},
        {progressReviewTable(), "summary", QT_TRANSLATE_NOOP("owb::Casework", "A progress review's summary")},
        {milestoneTable(), "description", QT_TRANSLATE_NOOP("owb::Casework", "A milestone's description")},
        {milestoneTable(), "due_date", QT_TRANSLATE_NOOP("owb::Casework", "A milestone's due date")},
        {milestoneTable(), "status", QT_TRANSLATE_NOOP("owb::Casework", "A milestone's status")},
        {trajectoryTable(), "planned", QT_TRANSLATE_NOOP("owb::Casework", "A planned value")},
    };
    for (const Required &r : required)
        if (&r.table == &table && column == QLatin1String(r.column))
            return r.name;
    return nullptr;
}

} // namespace

bool isRequiredField(const CaseworkTable &table, const QString &column)
{
    return requiredFieldName(table, column) != nullptr;
}

QString fieldValueProblem(const CaseworkTable &table, const QString &column, const QString &value,
                          const QVariantMap &record, const CaseworkChoices &choices)
{
    if (value.trimmed().isEmpty())
        if (const char *name = requiredFieldName(table, column))
            return QCoreApplication::translate("owb::Casework", "%1 is needed: it cannot be left empty.")
                .arg(QCoreApplication::translate("owb::Casework", name));
    // A done date says when a milestone was done: only while it is.
    const QString done = choices.milestoneStatuses.finalId;
    if (&table == &milestoneTable() && column == QLatin1String("done_date") && !value.trimmed().isEmpty()
        && !done.isEmpty() && !isStatus(record.value(QStringLiteral("status")).toString(), done))
        return QCoreApplication::translate("owb::Casework", "A milestone has a done date only while its status is %1: "
                                                            "set the status to %1 first.")
            .arg(choices.milestoneStatuses.nameOf(done));
    return {};
}

namespace {

// A date column as the forms name it, for the messages about its value.
QString dateFieldName(const QString &column)
{
    struct Named
    {
        const char *column;
        const char *name;
    };
    static const Named names[] = {
        {"decision_date", QT_TRANSLATE_NOOP("owb::Casework", "The decision date")},
        {"decided_on", QT_TRANSLATE_NOOP("owb::Casework", "The decision date")},
        {"evidence_date", QT_TRANSLATE_NOOP("owb::Casework", "The evidence item's date")},
        {"review_date", QT_TRANSLATE_NOOP("owb::Casework", "The progress review's date")},
        {"exit_date", QT_TRANSLATE_NOOP("owb::Casework", "The exit date")},
        {"done_date", QT_TRANSLATE_NOOP("owb::Casework", "The date it was done")},
        {"assessed_on", QT_TRANSLATE_NOOP("owb::Casework", "The assessment date")},
        {"start_date", QT_TRANSLATE_NOOP("owb::Casework", "The start date")},
        {"due_date", QT_TRANSLATE_NOOP("owb::Casework", "The due date")},
        {"entry_date", QT_TRANSLATE_NOOP("owb::Casework", "The entry date")},
    };
    for (const Named &n : names)
        if (column == QLatin1String(n.column))
            return QCoreApplication::translate("owb::Casework", n.name);
    return QCoreApplication::translate("owb::Casework", "The date");
}

bool isDateColumn(const QString &column)
{
    return column.endsWith(QLatin1String("_date")) || column == QLatin1String("assessed_on")
           || column == QLatin1String("decided_on");
}

// The dates of something that has happened: never after today.
bool isHappenedColumn(const QString &column)
{
    static const QStringList happened{QStringLiteral("decision_date"), QStringLiteral("decided_on"),
                                      QStringLiteral("evidence_date"), QStringLiteral("review_date"),
                                      QStringLiteral("exit_date"),     QStringLiteral("done_date"),
                                      QStringLiteral("assessed_on")};
    return happened.contains(column);
}

} // namespace

QString valueProblem(const QString &column, const QString &value, const QDate &today)
{
    if (value.size() > kMaxFreeTextLength) {
        const qsizetype length = visibleLength(value);
        if (length > kMaxFreeTextLength)
            return QCoreApplication::translate("owb::Casework", "The text is %1 characters long; at most %2 are allowed: "
                                                                "shorten it by %3.")
                .arg(length)
                .arg(kMaxFreeTextLength)
                .arg(length - kMaxFreeTextLength);
    }
    // A bidirectional override or isolate shows "evil owner" reversed on the
    // screen and in the reports (tester, issue 13/14); the methodology's
    // loader refuses them too.
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char16_t c = value.at(i).unicode();
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
            return QCoreApplication::translate("owb::Casework", "The text holds %1 at character %2: remove it, as it "
                                                                "shows the text in another order than it was typed.")
                .arg(formatCharacterText(c))
                .arg(i + 1);
    }
    if (!isDateColumn(column))
        return {};
    const QDate date = QDate::fromString(value.trimmed().left(10), Qt::ISODate);
    if (!date.isValid())
        return {};
    const QDate earliest = today.addYears(-kDateYearsFromToday);
    const QDate latest = today.addYears(kDateYearsFromToday);
    if (date < earliest || date > latest)
        return QCoreApplication::translate("owb::Casework", "%1 %2 is more than %3 years from today: a date from %4 to "
                                                            "%5 is expected.")
            .arg(dateFieldName(column), showDate(date))
            .arg(kDateYearsFromToday)
            .arg(showDate(earliest), showDate(latest));
    if (isHappenedColumn(column) && date > today)
        return QCoreApplication::translate("owb::Casework", "%1 %2 is after today (%3): it says when something "
                                                            "happened, so it is today or earlier.")
            .arg(dateFieldName(column), showDate(date), showDate(today));
    return {};
}

namespace {
QString namesOf(const ChoiceSet &set)
{
    QStringList names;
    for (const CaseworkChoice &c : set.items)
        names.append(c.name);
    return names.join(QStringLiteral(", "));
}
} // namespace

QList<std::pair<QString, QString>> reviewListProblems(const QVariantMap &review, const Methodology &methodology)
{
    const CaseworkChoices &sets = methodology.casework();
    QList<std::pair<QString, QString>> found;
    const QString conclusion = review.value(QStringLiteral("capability_conclusion")).toString().trimmed();
    bool rated = conclusion.isEmpty();
    QStringList ratings;
    for (const NamedItem &rating : methodology.capabilityRatings()) {
        rated = rated || rating.id == conclusion;
        ratings.append(rating.name);
    }
    if (!rated)
        found.append({QStringLiteral("capability_conclusion"),
                QCoreApplication::translate("owb::Casework", "The capability conclusion \"%1\" is not in the "
                                                             "methodology's list: choose one of %2.")
                    .arg(conclusion, ratings.join(QStringLiteral(", ")))});
    const QString recommendation = review.value(QStringLiteral("recommendation")).toString().trimmed();
    if (!recommendation.isEmpty() && !sets.recommendations.contains(recommendation))
        found.append({QStringLiteral("recommendation"),
                QCoreApplication::translate("owb::Casework", "The recommendation \"%1\" is not in the methodology's "
                                                             "list: choose one of %2.")
                    .arg(recommendation, namesOf(sets.recommendations))});
    const QString decision = review.value(QStringLiteral("decision")).toString().trimmed();
    if (!decision.isEmpty() && !sets.decisions.contains(decision))
        found.append({QStringLiteral("decision"),
                QCoreApplication::translate("owb::Casework", "The decision \"%1\" is not in the methodology's list: "
                                                             "choose one of %2.")
                    .arg(decision, namesOf(sets.decisions))});
    return found;
}

QString fieldValueProblem(const CaseworkTable &table, const QString &column, const QString &value,
                          const QVariantMap &record, const Methodology &methodology, const QDate &today)
{
    if (const QString problem = valueProblem(column, value, today); !problem.isEmpty())
        return problem;
    if (const QString problem = fieldValueProblem(table, column, value, record, methodology.casework()); !problem.isEmpty())
        return problem;
    // An assessment note belongs to its year: assessed from a year before
    // the year starts (an assessment prepared ahead) to the year's end.
    if (&table == &statutoryAssessmentTable() && column == QLatin1String("assessed_on")) {
        const QDate date = QDate::fromString(value.trimmed().left(10), Qt::ISODate);
        const QString year = record.value(QStringLiteral("year")).toString();
        const QDate yearStart = quarterStart(year + QStringLiteral(" Q1"));
        if (date.isValid() && yearStart.isValid()) {
            const QDate from = yearStart.addYears(-1);
            const QDate to = yearStart.addYears(1).addDays(-1);
            if (date < from || date > to)
                return QCoreApplication::translate("owb::Casework", "The assessment date %1 is not in %2: a note for %2 is "
                                                                    "dated from %3 (a year before it starts) to %4, and "
                                                                    "not after today.")
                    .arg(showDate(date), year, showDate(from), showDate(to));
        }
    }
    // A planned value is a number in its metric's range, as a metric file's
    // value is; the metric one the methodology lists.
    if (&table == &trajectoryTable() && column == QLatin1String("planned"))
        return plannedValueProblem(value, methodology.metric(record.value(QStringLiteral("metric_id")).toString()));
    if (&table == &trajectoryTable() && column == QLatin1String("metric_id") && !value.trimmed().isEmpty()
        && !methodology.metric(value.trimmed()))
        return QCoreApplication::translate("owb::Casework", "\"%1\" is not a metric of the methodology: pick one "
                                                            "from its list.")
            .arg(value.trimmed());
    // A closed set's field takes a value of the methodology's list, whichever
    // view sets it (a table's cell, a form, a script): typed free text once
    // let "very bad" through as a severity.
    if (!value.trimmed().isEmpty()) {
        const CaseworkChoices &sets = methodology.casework();
        const ChoiceSet *set = nullptr;
        const char *name = nullptr;
        if (&table == &findingTable() && column == QLatin1String("severity"))
            set = &sets.severities, name = QT_TRANSLATE_NOOP("owb::Casework", "a severity");
        else if (&table == &milestoneTable() && column == QLatin1String("status"))
            set = &sets.milestoneStatuses, name = QT_TRANSLATE_NOOP("owb::Casework", "a milestone status");
        else if (&table == &criterionTable() && column == QLatin1String("status"))
            set = &sets.criterionStatuses, name = QT_TRANSLATE_NOOP("owb::Casework", "an exit criterion status");
        else if (&table == &reviewTable() && column == QLatin1String("status"))
            set = &sets.reviewStages, name = QT_TRANSLATE_NOOP("owb::Casework", "a review status");
        if (set && !set->items.isEmpty() && set->match(value).isEmpty())
            return QCoreApplication::translate("owb::Casework", "\"%1\" is not %2 in the methodology's list: "
                                                                "choose one of %3.")
                .arg(value.trimmed(), QCoreApplication::translate("owb::Casework", name), namesOf(*set));
        // A review's conclusion, recommendation and decision: one of the lists, as reviewListProblems says.
        if (&table == &reviewTable()) {
            QVariantMap changed = record;
            changed.insert(column, value);
            for (const auto &[field, problem] : reviewListProblems(changed, methodology))
                if (field == column)
                    return problem;
        }
        // A finding's domains and metrics are picked from the methodology's lists.
        if (&table == &findingTable()
            && (column == QLatin1String("domains") || column == QLatin1String("metrics"))) {
            static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
            const bool domains = column == QLatin1String("domains");
            QStringList unknown;
            for (const QString &id : value.split(separators, Qt::SkipEmptyParts)) {
                bool listed = false;
                if (domains) {
                    for (const Domain &d : methodology.domains())
                        listed = listed || d.id == id;
                } else {
                    listed = methodology.metric(id) != nullptr;
                }
                if (!listed)
                    unknown.append(id);
            }
            if (!unknown.isEmpty() && domains) {
                QStringList listed;
                for (const Domain &d : methodology.domains())
                    listed.append(QStringLiteral("%1 (%2)").arg(d.id, d.name));
                return QCoreApplication::translate("owb::Casework", "\"%1\" is not a domain of the methodology: pick "
                                                                    "the domains from its list: %2.")
                    .arg(unknown.join(QStringLiteral(", ")), listed.join(QStringLiteral(", ")));
            }
            if (!unknown.isEmpty()) // the metrics are too many to list here: owb methodology show names them
                return QCoreApplication::translate("owb::Casework", "\"%1\" is not a metric of the methodology: pick "
                                                                    "the metrics from its list (owb methodology show "
                                                                    "lists them).")
                    .arg(unknown.join(QStringLiteral(", ")));
        }
        // A finding's root cause is one of the methodology's categories, by name.
        if (&table == &findingTable() && column == QLatin1String("category")
            && !methodology.rootCauseCategories().isEmpty()) {
            QStringList causes;
            bool listed = false;
            for (const NamedItem &c : methodology.rootCauseCategories()) {
                causes.append(c.name);
                listed = listed || c.name.compare(value.trimmed(), Qt::CaseInsensitive) == 0;
            }
            if (!listed)
                return QCoreApplication::translate("owb::Casework", "\"%1\" is not a root cause in the methodology's "
                                                                    "list: choose one of %2.")
                    .arg(value.trimmed(), causes.join(QStringLiteral(", ")));
        }
    }
    // A review moves on, or is decided, only on values of the methodology's lists.
    if (&table == &reviewTable() && column == QLatin1String("status")) {
        if (const auto found = reviewListProblems(record, methodology); !found.isEmpty())
            return found.first().second;
    }
    return {};
}


bool isQuarterLabel(const QString &quarter)
{
    // As the server's rule says (serverschemarules.cpp).
    static const QRegularExpression label(QStringLiteral("^([0-9]{4})/([0-9]{2}) Q[1-4]$"));
    const QRegularExpressionMatch m = label.match(quarter);
    return m.hasMatch() && (m.captured(1).toInt() + 1) % 100 == m.captured(2).toInt();
}

QList<std::pair<QString, QString>> decisionProblems(const QVariantMap &decision)
{
    QList<std::pair<QString, QString>> problems;
    const QString kind = decision.value(QStringLiteral("kind")).toString();
    bool computedRead = false, decidedRead = false;
    // No computed segment stored (NULL): nothing for a confirmation to keep, as the server's rule says.
    const QVariant computedValue = decision.value(QStringLiteral("computed_segment"));
    const int computed = computedValue.isNull() ? 0 : computedValue.toInt(&computedRead);
    const int decided = decision.value(QStringLiteral("decided_segment")).toInt(&decidedRead);
    if (kind != QLatin1String("confirm") && kind != QLatin1String("correction"))
        problems.append({QStringLiteral("kind"),
                         QStringLiteral("\"%1\" is not a kind of decision: one of confirm (Confirm Computed Segment), "
                                        "correction (Record a Correction).")
                             .arg(kind)});
    if (!decidedRead || decided < 1 || decided > 4)
        problems.append({QStringLiteral("decided_segment"),
                         QStringLiteral("\"%1\" is not a segment a decision can set: 1 to 4 (segment 5 is the "
                                        "Recovery Support Programme's).")
                             .arg(decision.value(QStringLiteral("decided_segment")).toString())});
    else if (kind == QLatin1String("confirm") && computedRead && decided != computed)
        problems.append({QStringLiteral("decided_segment"),
                         QStringLiteral("a confirmation keeps the computed segment %1, not %2.").arg(computed).arg(decided)});
    // The workbench records the segment every decision was made on.
    if (computedValue.isNull() || !computedRead)
        problems.append({QStringLiteral("computed_segment"),
                         QStringLiteral("no computed segment is recorded, where the workbench records the segment "
                                        "each decision was made on.")});
    // A correction is recorded with its reason (Record a Correction's Why).
    if (kind == QLatin1String("correction") && decision.value(QStringLiteral("rationale")).toString().trimmed().isEmpty())
        problems.append({QStringLiteral("rationale"),
                         QStringLiteral("a correction gives its reason, and this one's is empty.")});
    const QString quarter = decision.value(QStringLiteral("quarter")).toString();
    if (!isQuarterLabel(quarter))
        problems.append({QStringLiteral("quarter"),
                         QStringLiteral("\"%1\" is not a quarter as the workbench writes one (as 2025/26 Q1: a "
                                        "financial year's two consecutive years, then Q1 to Q4).")
                             .arg(quarter)});
    return problems;
}

QString methodologyUsedText(const QString &quarter, const Methodology &methodology, bool builtInOnItsOwn)
{
    if (builtInOnItsOwn)
        return QStringLiteral("under the built-in methodology (%1), used because the file is checked outside its "
                              "workspace")
            .arg(methodology.id());
    return QStringLiteral("in the methodology applied to %1 (%2)").arg(yearOfQuarter(quarter), methodology.id());
}

namespace {
// The quarter of a day ("2026-05-01" is in "2026/27 Q1"); empty for no date.
QString quarterOfDay(const QString &iso)
{
    const QDate day = QDate::fromString(iso.left(10), Qt::ISODate);
    if (!day.isValid())
        return {};
    const int start = day.month() >= 4 ? day.year() : day.year() - 1;
    return QStringLiteral("%1/%2 Q%3")
        .arg(start)
        .arg((start + 1) % 100, 2, 10, QLatin1Char('0'))
        .arg((day.month() + 8) % 12 / 3 + 1);
}
} // namespace

QStringList storedListProblems(CaseworkStore &store, const QuarterMethodology &methodologyOf, bool builtInOnItsOwn,
                               const QString &latestQuarter)
{
    if (!methodologyOf)
        return {};
    struct Checked
    {
        const CaseworkTable &table;
        const char *record;
        QStringList columns;
    };
    const Checked checked[] = {
        // The status last: its rule reads the whole record (a decided review
        // needs a conclusion), so a problem of another field is named under
        // that field first.
        {reviewTable(), "diagnostic review",
         {QStringLiteral("capability_conclusion"), QStringLiteral("recommendation"), QStringLiteral("decision"),
          QStringLiteral("status")}},
        {findingTable(), "finding",
         {QStringLiteral("category"), QStringLiteral("severity"), QStringLiteral("domains"), QStringLiteral("metrics")}},
        {criterionTable(), "exit criterion", {QStringLiteral("status")}},
        {milestoneTable(), "milestone", {QStringLiteral("status")}},
        {trajectoryTable(), "trajectory point", {QStringLiteral("metric_id")}},
    };
    QStringList problems;
    for (const Checked &c : checked) {
        for (const QVariantMap &row : store.records(c.table)) {
            // The quarter whose methodology the record is checked under: its own,
            // its review's or programme's, its due date's; else the latest.
            QString quarter;
            if (&c.table == &reviewTable())
                quarter = row.value(QStringLiteral("opened_quarter")).toString();
            else if (&c.table == &findingTable())
                quarter = store.record(reviewTable(), row.value(QStringLiteral("review_id")).toLongLong())
                              .value(QStringLiteral("opened_quarter"))
                              .toString();
            else if (&c.table == &criterionTable())
                quarter = store.record(programmeTable(), row.value(QStringLiteral("programme_id")).toLongLong())
                              .value(QStringLiteral("entry_quarter"))
                              .toString();
            else if (&c.table == &milestoneTable())
                quarter = quarterOfDay(row.value(QStringLiteral("due_date")).toString());
            else
                quarter = row.value(QStringLiteral("quarter")).toString();
            if (quarterKey(quarter) < 0)
                quarter = latestQuarter;
            const Methodology *methodology = methodologyOf(quarter);
            if (!methodology)
                continue;
            QStringList seen;
            for (const QString &column : c.columns) {
                const QString value = row.value(column).toString();
                if (value.trimmed().isEmpty())
                    continue; // not set: a list value is still to be chosen
                const QString problem = fieldValueProblem(c.table, column, value, row, *methodology);
                if (problem.isEmpty() || seen.contains(problem))
                    continue;
                seen.append(problem);
                problems.append(QStringLiteral("%1 %2 (table %3, %4): %5 Checked %6; edit it in the case's casework")
                                    .arg(QLatin1String(c.record), row.value(QStringLiteral("id")).toString(),
                                         c.table.name, column, problem,
                                         methodologyUsedText(quarter, *methodology, builtInOnItsOwn)));
            }
        }
    }
    // A quarterly decision is a confirmation of the computed segment or a
    // correction to segment 1 to 4 (segment 5 is the programme's): anything
    // else was written outside the workbench (decisionProblems; the final
    // segment does not count it, and a team workspace's server refuses it).
    const QList<QVariantMap> decisions = store.records(decisionTable());
    // One decision per quarter: two (hand-inserted, or stored by a version
    // that let two people decide at once) leave the quarter's final segment
    // to whichever the workbench reads.
    QMap<QString, QStringList> byQuarter;
    for (const QVariantMap &row : decisions)
        byQuarter[row.value(QStringLiteral("quarter")).toString()].append(
            QStringLiteral("%1 (%2 by %3)")
                .arg(row.value(QStringLiteral("id")).toString(), row.value(QStringLiteral("kind")).toString(),
                     row.value(QStringLiteral("decided_by")).toString()));
    for (auto it = byQuarter.cbegin(); it != byQuarter.cend(); ++it)
        if (it->size() > 1)
            problems.append(QStringLiteral("decisions %1 (table decision, quarter): %2 decisions for %3, where there is "
                                           "one per quarter; none of them counts, so the quarter's segment is the "
                                           "computed one. Remove all but the one that stands, then check again")
                                .arg(it->join(QStringLiteral(", ")))
                                .arg(it->size())
                                .arg(it.key()));
    for (const QVariantMap &row : decisions) {
        QList<std::pair<QString, QString>> found = decisionProblems(row);
        if (const QString problem = store.computedSegmentProblem(row); !problem.isEmpty())
            found.append({QStringLiteral("computed_segment"), problem});
        // A decision in a quarter of the programme is not named: the
        // workbench records one before the entry into that quarter (the
        // region's decision to enter), and the programme decides the segment
        // (5) whatever it says (CaseworkStore::finalSegmentOf).
        for (const auto &[column, problem] : found)
            problems.append(QStringLiteral("decision %1 (table decision, %2): %3 Edit ▸ Undo it in the workbench, or "
                                           "record the quarter's decision again")
                                .arg(row.value(QStringLiteral("id")).toString(), column, problem));
    }
    return problems;
}

} // namespace owb
