#include "caseworksection.h"
#include "store/storeerror.h"


#include "casework/casesession.h"
#include "casework/datetext.h"
#include "delegates/choicedelegate.h"
#include "itemmodels/itemroles.h"
#include "widgets/cellproblem.h"
#include "widgets/columnfit.h"
#include "widgets/dateedit.h"

#include <QComboBox>
#include <QSignalBlocker>
#include <algorithm>
#include <limits>
#include <QDate>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace owb {

namespace {
bool isDateColumn(const QString &column)
{
    return column.endsWith(QLatin1String("_date"));
}

// On a form's field whose value was refused: the record it was typed for (the
// text is kept while that record is in view) and what is wrong with it.
const char *const kTypedFor = "owbTypedFor";
const char *const kProblem = "owbProblem";
// A choice field's value as last read: shown again when a change is refused.
const char *const kStoredChoice = "owbStoredChoice";
// The line under a field that says what is wrong with it.
const char *const kProblemLine = "owbProblemLine";

// Each field still wrong says its problem on the line under it (beside the
// field, not at the form's foot under another one); the others' lines go,
// and so does the form's line (a choice refused earlier).
void showFormProblems(QLabel *message, const QList<QLineEdit *> &fields)
{
    for (const QLineEdit *field : fields) {
        auto *line = field->property(kProblemLine).value<QLabel *>();
        if (!line)
            continue;
        const bool wrong = field->property(kTypedFor).isValid();
        line->setText(wrong ? field->property(kProblem).toString() : QString());
        line->setVisible(wrong);
    }
    message->clear();
    message->hide();
}
// Fits a table to its rows again once it is shown or resized (its rows
// wrap onto more or fewer lines as its width changes).
class RowFitter : public QObject
{
public:
    explicit RowFitter(QTableWidget *table)
        : QObject(table)
        , m_table(table)
    {
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_table && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
            QTimer::singleShot(0, m_table, [table = m_table] {
                table->resizeRowsToContents();
                CaseworkSection::fitToRows(table);
            });
        return false;
    }

private:
    QTableWidget *m_table;
};
} // namespace

CaseworkSection::CaseworkSection(const QString &title, QWidget *parent)
    : QGroupBox(title, parent)
    , m_held(new HeldControls(this))
{
}

void CaseworkSection::setContext(const CaseContext &context)
{
    // Another case or quarter: nothing typed into this one's forms, nor its
    // problems, carries over.
    if (context.session != m_context.session || context.quarter != m_context.quarter)
        for (auto it = m_formFields.cbegin(); it != m_formFields.cend(); ++it) {
            for (QLineEdit *field : it.value())
                field->setProperty(kTypedFor, QVariant());
            showFormProblems(it.key(), it.value());
        }
    m_context = context;
    if (m_context.isValid())
        reload();
}

void CaseworkSection::report(const QString &error)
{
    if (!error.isEmpty())
        Q_EMIT problem(error);
}

const CaseworkChoices &CaseworkSection::choices() const
{
    return m_context.session ? m_context.session->methodology().casework() : Methodology::builtIn().casework();
}

QTableWidget *CaseworkSection::makeTable(QWidget *parent, const QStringList &headers, const QString &name, int stretch)
{
    auto *table = new QTableWidget(parent);
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setAccessibleName(name);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Tester, issue 14: at 800 pixels the exit criteria's Due column, as
    // wide as each of the others, cut its dates. Each column at least as
    // wide as its header and its longest word; the rest wraps.
    QList<ColumnLimit> limits;
    for (int column = 0; column < headers.size(); ++column)
        if (column != stretch)
            limits.append({column, 0, 320});
    new ColumnFitter(table, limits, {stretch, 0, 0});
    // A long text (a metric's name, an exit criterion) wraps onto as many
    // lines as it needs, never cut to "..." at two.
    table->setWordWrap(true);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // As tall as its rows (tester, issue 13: a findings table squeezed to a
    // scroll box with its third row cut, above an empty one), refitted as
    // rows come and go or wrap onto more lines.
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    fitToRows(table);
    QObject::connect(table->verticalHeader(), &QHeaderView::sectionResized, table, [table] { fitToRows(table); });
    table->installEventFilter(new RowFitter(table));
    QObject::connect(table->model(), &QAbstractItemModel::rowsInserted, table, [table] { fitToRows(table); });
    QObject::connect(table->model(), &QAbstractItemModel::rowsRemoved, table, [table] { fitToRows(table); });
    return table;
}

void CaseworkSection::fitToRows(QTableWidget *table)
{
    // Every row shown up to a dozen or so (then the table scrolls); an
    // empty table keeps room for a row or two.
    constexpr int kMost = 420;
    constexpr int kLeast = 72;
    const int rows = table->verticalHeader()->length();
    const int wanted = 2 * table->frameWidth() + (table->horizontalHeader()->isHidden() ? 0
                                                                  : table->isVisible() ? table->horizontalHeader()->height()
                                                                                       : table->horizontalHeader()->sizeHint().height()) + rows
                       + (table->horizontalScrollBar()->isVisible() ? table->horizontalScrollBar()->height() : 0) + 2;
    table->setFixedHeight(std::clamp(wanted, kLeast, kMost));
}

QHBoxLayout *CaseworkSection::buttonRow(std::initializer_list<QWidget *> widgets)
{
    auto *row = new QHBoxLayout;
    for (QWidget *w : widgets)
        row->addWidget(w);
    row->addStretch();
    return row;
}

QLabel *CaseworkSection::makeMessage()
{
    auto *message = new QLabel(this);
    message->setWordWrap(true);
    message->setStyleSheet(QStringLiteral("color: #da291c;"));
    message->hide();
    return message;
}

void CaseworkSection::choiceColumn(QTableWidget *table, const QStringList &columns, const QString &column,
                                   const CaseworkTable &record)
{
    // Closed sets (style.md 18) as the methodology lists them: free text let
    // "completed" through, which no overdue check recognised. A field the
    // record needs offers no "not set".
    auto *delegate = new ChoiceDelegate(table);
    delegate->setRequired(isRequiredField(record, column));
    table->setItemDelegateForColumn(int(columns.indexOf(column)), delegate);
}

void CaseworkSection::refreshChoice(QTableWidget *table, const QStringList &columns, const QString &column,
                                    const ChoiceSet &set)
{
    if (auto *delegate = qobject_cast<ChoiceDelegate *>(table->itemDelegateForColumn(int(columns.indexOf(column)))))
        delegate->setChoices(set.pairs());
    namedColumn(table, columns, column, set.pairs());
    m_names[table][int(columns.indexOf(column))].set = &set;
}

void CaseworkSection::namedColumn(QTableWidget *table, const QStringList &columns, const QString &column,
                                  const QList<std::pair<QString, QString>> &names)
{
    ColumnNames &named = m_names[table][int(columns.indexOf(column))];
    named.names.clear();
    named.set = nullptr;
    for (const auto &[id, name] : names)
        named.names.insert(id, name);
}

QString CaseworkSection::shownValue(const QTableWidget *table, int column, const QString &value) const
{
    const auto byTable = m_names.constFind(table);
    if (byTable == m_names.cend() || !byTable->contains(column))
        return value;
    const ColumnNames &named = byTable->value(column);
    if (named.set)
        return named.set->nameOf(value);
    // Several ids picked from the methodology, as the reports name them.
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QStringList shown;
    for (const QString &id : value.split(separators, Qt::SkipEmptyParts))
        shown.append(named.names.contains(id) ? named.names.value(id) : notInMethodologyList(id));
    return shown.join(QStringLiteral("; "));
}

QString CaseworkSection::storedValue(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    if (!item)
        return {};
    const QVariant stored = item->data(StoredValueRole);
    return stored.isValid() ? stored.toString() : item->text();
}

QDate CaseworkSection::overdueDay() const
{
    return overdueAsOf(m_context.quarter, QDate::currentDate(), m_context.quarters.value(m_context.quarters.size() - 1));
}

void CaseworkSection::editsGoTo(QTableWidget *table, const CaseworkTable &source, const QStringList &columns)
{
    m_held->add(table);
    connect(table, &QTableWidget::cellChanged, this, [this, table, &source, columns](int row, int column) {
        if (column < columns.size())
            tableEdited(table, source, columns, row, column);
    });
}

void CaseworkSection::removeSelected(QTableWidget *table, const CaseworkTable &source, const QString &undoText)
{
    const int row = selectedRow(table);
    if (row >= 0 && table->item(row, 0))
        report(m_context.session->removeRecord(source, table->item(row, 0)->data(Qt::UserRole).toLongLong(), undoText));
}

int CaseworkSection::selectedRow(const QTableWidget *table)
{
    // The rows selected (a screen reader selects without moving the current cell).
    const QModelIndexList rows = table->selectionModel() ? table->selectionModel()->selectedRows() : QModelIndexList();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void CaseworkSection::rowActions(QTableWidget *table, const QList<QWidget *> &buttons, std::function<bool()> allowed)
{
    for (QWidget *button : buttons)
        m_held->add(button);
    m_rowActions.append({table, buttons, std::move(allowed)});
    connect(table, &QTableWidget::itemSelectionChanged, this, &CaseworkSection::updateRowActions);
    updateRowActions();
}

void CaseworkSection::updateRowActions()
{
    // Tester, issue 13: Remove Milestone was offered with no milestone selected.
    for (const RowActions &actions : std::as_const(m_rowActions)) {
        const bool on = selectedRow(actions.table) >= 0 && (!actions.allowed || actions.allowed());
        for (QWidget *button : actions.buttons)
            m_held->setEnabled(button, on);
    }
}

void CaseworkSection::fillTable(QTableWidget *table, const QList<QVariantMap> &rows, const QStringList &columns,
                                const QString &doneColumn, const QString &doneValue)
{
    table->setRowCount(int(rows.size()));
    clearCellProblem(table);
    const QDate asOf = overdueDay();
    for (int r = 0; r < rows.size(); ++r) {
        const QVariantMap &row = rows.at(r);
        const bool overdue = !doneColumn.isEmpty() && isOverdue(row, doneValue, asOf);
        for (int c = 0; c < columns.size(); ++c) {
            const QString value = row.value(columns.at(c)).toString();
            const QString shown = isDateColumn(columns.at(c)) ? showDate(value) : shownValue(table, c, value);
            auto *item = new QTableWidgetItem(shown);
            item->setData(Qt::UserRole, row.value(QStringLiteral("id")));
            if (shown != value && !isDateColumn(columns.at(c)))
                item->setData(StoredValueRole, value);
            if (overdue) {
                item->setForeground(QColor(0xda, 0x29, 0x1c));
                item->setToolTip(tr("Overdue: due %1")
                                     .arg(showDate(row.value(QStringLiteral("due_date")).toString())));
            }
            table->setItem(r, c, item);
        }
    }
    // As tall as its rows again: a row whose text grew (a finding given more
    // metrics) with the same number of rows was cut at its old height.
    table->resizeRowsToContents();
    fitToRows(table);
    updateRowActions();
}

void CaseworkSection::tableEdited(QTableWidget *table, const CaseworkTable &source, const QStringList &columns, int row,
                                  int column)
{
    if (m_loading || !m_context.session)
        return;
    const qint64 id = table->item(row, column)->data(Qt::UserRole).toLongLong();
    const QString value = table->item(row, column)->text().trimmed();
    const QString name = columns.at(column);
    QString stored = value;
    if (isDateColumn(name) && !value.isEmpty()) {
        const QDate date = readUserDate(value);
        if (!date.isValid()) {
            // Said beside the cell, which keeps what was typed (as the forms do).
            showCellProblem(table, row, column,
                            tr("\"%1\" is not a date: type it as %2 or 31 Mar 2027. Nothing was saved.").arg(value, dateHint()));
            return;
        }
        stored = date.toString(Qt::ISODate);
    }
    QString unread;
    const QString before = m_context.session->storedField(source, id, name, &unread);
    if (!unread.isEmpty()) { // said beside the cell, which keeps what was typed
        showCellProblem(table, row, column, unread + QLatin1Char(' ') + tr("Nothing was saved."));
        return;
    }
    if (stored == before) {
        reload(); // the same value (a date, a choice), shown as it was again
        return;
    }
    // A date out of order (a due date before the start), a required field
    // left empty, is said beside the cell too.
    if (const QString problem = m_context.session->fieldProblem(source, id, name, stored); !problem.isEmpty()) {
        showCellProblem(table, row, column, problem + QLatin1Char(' ') + tr("Nothing was saved."));
        return;
    }
    saveField(source, id, name, stored);
}

QString CaseworkSection::saveField(const CaseworkTable &table, qint64 id, const QString &column, const QString &value)
{
    const QString error = m_context.session->setRecordField(table, id, column, value);
    report(error);
    return error;
}

QHash<QString, QWidget *> CaseworkSection::buildForm(QFormLayout *form, const CaseworkTable &table,
                                                     const qint64 *recordId, const QList<RecordField> &fields,
                                                     QLabel *message)
{
    // A narrow window puts a field under its label rather than scrolling sideways.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    QHash<QString, QWidget *> edits;
    for (const RecordField &spec : fields) {
        const QString column = spec.column;
        QWidget *widget = nullptr;
        // Stores a value unless it is what the record already holds: false
        // when refused (and said).
        auto store = [this, &table, recordId, column](const QString &value) {
            const qint64 id = *recordId;
            if (m_loading || !m_context.session || id == 0)
                return true;
            QString unread;
            if (value == m_context.session->storedField(table, id, column, &unread) && unread.isEmpty())
                return true;
            if (!unread.isEmpty()) {
                report(unread);
                return false;
            }
            return saveField(table, id, column, value).isEmpty();
        };
        if (spec.kind == RecordField::Kind::Choice) {
            auto *box = new QComboBox(this);
            box->addItem(tr("(not set)"), QString());
            for (const auto &[id, name] : spec.choices)
                box->addItem(name, id);
            // The choice as last read, shown again: never left showing what was not saved.
            const auto storedShown = [box] {
                const QSignalBlocker blocker(box);
                box->setCurrentIndex(qMax(0, box->findData(box->property(kStoredChoice))));
            };
            connect(box, &QComboBox::activated, this, [this, box, store, storedShown, message, &table, recordId, column] {
                const QString value = box->currentData().toString();
                // A choice the record needs is not unset: said, and the stored one shown again.
                if (m_context.session && *recordId > 0) {
                    if (const QString problem = m_context.session->fieldProblem(table, *recordId, column, value);
                        !problem.isEmpty()) {
                        // The record unread (a right revoked, the connection
                        // lost): what was read last, not thrown out of the slot.
                        try {
                            reload();
                        } catch (const StoreError &) {
                            storedShown();
                        }
                        message->setText(problem + QLatin1Char(' ') + tr("Nothing was saved."));
                        message->show();
                        return;
                    }
                }
                // Refused (a right revoked, the connection lost).
                if (!store(value))
                    storedShown();
            });
            widget = box;
        } else {
            const bool date = spec.kind == RecordField::Kind::Date;
            QLineEdit *edit = date ? new DateEdit(this) : new QLineEdit(this);
            if (!date)  // a long paste kept whole, refused by the rule at its real length
                edit->setMaxLength(std::numeric_limits<int>::max());
            m_formFields[message].append(edit);
            // A value that cannot be stored (a date that cannot be read or out
            // of order, a required field left empty) stays as typed, with what
            // is wrong said under the form until the field is put right.
            connect(edit, &QLineEdit::editingFinished, this, [this, edit, date, message, store, &table, recordId, column] {
                if (m_loading)
                    return;
                QString value = date ? QString() : edit->text();
                QString problem;
                if (date) {
                    const QDate read = readUserDate(edit->text());
                    if (!edit->text().trimmed().isEmpty() && !read.isValid())
                        problem = tr("\"%1\" is not a date: type it as %2 or 31 Mar 2027.").arg(edit->text(), dateHint());
                    else if (read.isValid())
                        value = read.toString(Qt::ISODate);
                }
                if (problem.isEmpty() && m_context.session && *recordId > 0) {
                    QString unread;
                    if (value != m_context.session->storedField(table, *recordId, column, &unread) || !unread.isEmpty())
                        problem = unread.isEmpty() ? m_context.session->fieldProblem(table, *recordId, column, value) : unread;
                }
                const QList<QLineEdit *> fields = m_formFields.value(message);
                if (!problem.isEmpty()) {
                    edit->setProperty(kTypedFor, *recordId);
                    edit->setProperty(kProblem, problem + QLatin1Char(' ') + tr("Nothing was saved."));
                    showFormProblems(message, fields);
                    return;
                }
                edit->setProperty(kTypedFor, QVariant());
                showFormProblems(message, fields);
                store(value);
            });
            widget = edit;
        }
        if (spec.kind == RecordField::Kind::Choice)
            widget->setAccessibleDescription(spec.label); // a combo box is named by its current text
        else
            widget->setAccessibleName(spec.label);
        auto *label = new QLabel(spec.label + QLatin1Char(':'), this);
        label->setBuddy(widget);
        if (auto *edit = qobject_cast<QLineEdit *>(widget)) {
            // What is wrong with the field directly under it.
            QLabel *line = makeMessage();
            edit->setProperty(kProblemLine, QVariant::fromValue(line));
            auto *column = new QVBoxLayout;
            column->setSpacing(2);
            column->addWidget(edit);
            column->addWidget(line);
            form->addRow(label, column);
        } else {
            form->addRow(label, widget);
        }
        m_held->add(widget);
        edits.insert(column, widget);
    }
    return edits;
}

void CaseworkSection::fillForm(const QHash<QString, QWidget *> &edits, const CaseworkTable &table, qint64 id)
{
    const QVariantMap record = id > 0 ? m_context.session->casework().record(table, id) : QVariantMap();
    for (auto it = edits.cbegin(); it != edits.cend(); ++it) {
        const QString value = record.value(it.key()).toString();
        if (auto *box = qobject_cast<QComboBox *>(it.value())) {
            // A stored value not in the methodology's list is kept and shown as such.
            int index = box->findData(value);
            if (index < 0) {
                box->addItem(tr("%1 (not in the methodology's list)").arg(value), value);
                index = box->count() - 1;
            }
            box->setCurrentIndex(index);
            box->setProperty(kStoredChoice, value);
        } else if (auto *edit = qobject_cast<QLineEdit *>(it.value())) {
            // What the user typed and was refused stays while its record is in view.
            if (edit->property(kTypedFor).isValid() && edit->property(kTypedFor).toLongLong() == id && id > 0)
                continue;
            edit->setProperty(kTypedFor, QVariant());
            if (auto *date = qobject_cast<DateEdit *>(edit)) {
                if (date->date().toString(Qt::ISODate) != value || date->text().isEmpty() != value.isEmpty())
                    date->setText(showDate(value));
            } else if (edit->text() != value) {
                edit->setText(value);
            }
        }
    }
    for (auto it = m_formFields.cbegin(); it != m_formFields.cend(); ++it)
        showFormProblems(it.key(), it.value());
}

} // namespace owb
