#include "historypage.h"

#include "casework/casesession.h"
#include "framework/methodology.h"
#include "framework/fixedpoint.h"
#include "itemmodels/dateformat.h"
#include "casework/datetext.h"
#include "store/auditlog.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace owb {

namespace {
// Columns kept for integrity, not for reading (hashes, digests, file contents).
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

// A stored value as the workbench shows it: scores and averages from
// hundredths (framework/fixedpoint), times in the one format, and the ids of
// the methodology's lists (ratings, areas, casework sets) by their names.
QString valueText(const Methodology &m, const QString &table, const QString &column, const QJsonValue &value)
{
    if (value.isDouble() && (column == QLatin1String("average") || column == QLatin1String("score")))
        return formatHundredths(Hundredths(value.toDouble()));
    const QString text = value.toVariant().toString();
    if (text.isEmpty())
        return text;
    if (column.endsWith(QLatin1String("_at")))
        return displayMoment(text);
    // Dates as every date is shown (casework/datetext); a value that is no date stays as it is.
    if (column == QLatin1String("date") || column.endsWith(QLatin1String("_date")) || column.endsWith(QLatin1String("_on")))
        return showDate(text);
    if (column.endsWith(QLatin1String("rating")) || column == QLatin1String("capability_conclusion"))
        return nameIn(m.capabilityRatings(), text);
    if (column == QLatin1String("area_id") || (column == QLatin1String("area") && table.startsWith(QLatin1String("capability"))))
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
    return text;
}

// "decided segment: 4 → 3; rationale: …" from the before and after JSON
// objects; a field left empty is left out.
QString changeText(const Methodology &m, const AuditEntry &e)
{
    const QJsonObject before = QJsonDocument::fromJson(e.before.toUtf8()).object();
    const QJsonObject after = QJsonDocument::fromJson(e.after.toUtf8()).object();
    QStringList parts;
    QStringList keys = before.keys() + after.keys();
    keys.removeDuplicates();
    for (const QString &key : std::as_const(keys)) {
        if (isInternal(key))
            continue;
        const QString from = valueText(m, e.table, key, before.value(key));
        const QString to = valueText(m, e.table, key, after.value(key));
        if (e.action == QLatin1String("update") && from == to)
            continue;
        if (e.action == QLatin1String("insert")) {
            if (!to.isEmpty())
                parts.append(QStringLiteral("%1: %2").arg(columnName(key), to));
        } else if (e.action == QLatin1String("delete")) {
            if (!from.isEmpty())
                parts.append(QStringLiteral("%1: %2").arg(columnName(key), from));
        } else {
            parts.append(QStringLiteral("%1: %2 → %3")
                             .arg(columnName(key), from.isEmpty() ? QObject::tr("(empty)") : from,
                                  to.isEmpty() ? QObject::tr("(empty)") : to));
        }
    }
    return parts.join(QStringLiteral("; "));
}
} // namespace

HistoryPage::HistoryPage(QWidget *parent)
    : QWidget(parent), m_filter(new QLineEdit(this)), m_table(new QTableWidget(this)), m_integrity(new QLabel(this))
{
    m_filter->setPlaceholderText(tr("Filter by record, e.g. note, milestone 3, capability_area"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter the history"));
    connect(m_filter, &QLineEdit::textChanged, this, &HistoryPage::reload);
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("Record"), tr("Change"), tr("What changed")});
    m_table->setAccessibleName(tr("History of the case"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_integrity->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_integrity);
}

void HistoryPage::setContext(const CaseContext &context)
{
    if (context.session && context.session != m_context.session) {
        for (auto signal : {&CaseSession::capabilityChanged, &CaseSession::notesChanged, &CaseSession::caseworkChanged})
            connect(context.session, signal, this, &HistoryPage::reload, Qt::UniqueConnection);
    }
    m_context = context;
    reload();
}

QString HistoryPage::actionText(const QString &action)
{
    if (action == QLatin1String("insert"))
        return tr("added");
    if (action == QLatin1String("update"))
        return tr("changed");
    if (action == QLatin1String("delete"))
        return tr("removed");
    return action;
}

void HistoryPage::reload()
{
    if (!m_context.session)
        return;
    Database &db = m_context.session->caseFile().database();
    const QString filter = m_filter->text().trimmed();
    QList<AuditEntry> entries;
    for (const AuditEntry &e : auditlog::entries(db)) {
        const QString record = QStringLiteral("%1 %2").arg(e.table, e.rowKey);
        if (filter.isEmpty() || record.contains(filter, Qt::CaseInsensitive))
            entries.append(e);
    }
    m_table->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const AuditEntry &e = entries.at(row);
        const QStringList cells { displayMoment(e.at),
            e.actor.isEmpty() ? tr("(outside the workbench)") : e.actor,
            QStringLiteral("%1 %2").arg(
                QString(e.table).replace(QLatin1Char('_'), QLatin1Char(' ')), e.rowKey),
            actionText(e.action), changeText(m_context.session->methodology(), e) };
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(c == 4 ? cells.at(c) : QString());
            m_table->setItem(row, c, item);
        }
    }
    const QStringList problems = auditlog::verify(db);
    m_integrity->setText(problems.isEmpty()
                             ? tr("The audit trail is intact: every entry is sealed in an unbroken hash chain.")
                             : tr("The audit trail is damaged: %1").arg(problems.first()));
    m_integrity->setStyleSheet(problems.isEmpty() ? QString() : QStringLiteral("color: #da291c; font-weight: bold;"));
}

} // namespace owb
