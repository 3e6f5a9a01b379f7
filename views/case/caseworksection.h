#pragma once
// What the Casework tab's sections share (framework.md §7): the case in view,
// a way to say an edit was refused, and the record tables and forms that edit
// one field at a time, each edit one undo step through the session. Each
// section says where it stands for the navigator, shows itself only where it
// applies, and holds its own edit controls on a read-only workspace.

#include "casecontext.h"
#include "heldcontrols.h"
#include "recorddialog.h"

#include "framework/caseworkchoices.h"

#include <QGroupBox>
#include <functional>
#include <QDate>
#include <QHash>

class QFormLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace owb {

struct CaseworkTable;

class CaseworkSection : public QGroupBox, public HoldsEdits
{
    Q_OBJECT
public:
    CaseworkSection(const QString &title, QWidget *parent = nullptr);
    void setContext(const CaseContext &context);
    void setHeld(const QString &why) override { m_held->setHeld(why); }
    // Reads the section again from the case file.
    virtual void reload() = 0;
    // Where the section stands, for the navigator ("Stage: Fieldwork").
    QString standing() const { return m_standing; }
    // Whether the section applies to the case in view.
    bool applies() const { return m_applies; }
    // Sets the table's height to its rows' (within bounds): no cut row, no
    // empty box under a short one.
    static void fitToRows(QTableWidget *table);

Q_SIGNALS:
    // An edit was refused: what went wrong, in plain words.
    void problem(const QString &error);

protected:
    // Emits problem() unless `error` is empty.
    void report(const QString &error);
    // Saves one field of a record; when someone else changed the record
    // meanwhile, shows both values (dialogs/conflictdialog) instead of an error.
    // Empty when stored, else the refusal (already reported).
    QString saveField(const CaseworkTable &table, qint64 id, const QString &column, const QString &value);
    const CaseworkChoices &choices() const;
    // A table of records, named for screen readers, one row selected at a
    // time; its columns fitted to its width (widgets/columnfit: every header
    // and every word whole, longer text wrapped), column `stretch` taking
    // the width left.
    static QTableWidget *makeTable(QWidget *parent, const QStringList &headers, const QString &name, int stretch = 0);
    static QHBoxLayout *buttonRow(std::initializer_list<QWidget *> widgets);
    // One row per record, dates shown in the one format; with a `doneColumn`,
    // a row past its due date whose status is not `doneValue` is red.
    void fillTable(QTableWidget *table, const QList<QVariantMap> &rows, const QStringList &columns,
                   const QString &doneColumn = {}, const QString &doneValue = {});
    // Stores a cell the user edited (a date read as typed, or explained).
    void tableEdited(QTableWidget *table, const CaseworkTable &source, const QStringList &columns, int row, int column);
    // Edits of `table`'s cells go to `source` (held with the section's edits).
    void editsGoTo(QTableWidget *table, const CaseworkTable &source, const QStringList &columns);
    // Removes the selected row's record (one undo step named `undoText`).
    void removeSelected(QTableWidget *table, const CaseworkTable &source, const QString &undoText);
    // The row selected in `table`, or -1 (the row a row action acts on).
    static int selectedRow(const QTableWidget *table);
    // `buttons` act on `table`'s selected row: enabled only while a row is
    // selected (and `allowed`, when given, says yes), kept so as the
    // selection changes and the table is filled again; held with the
    // section's edits.
    void rowActions(QTableWidget *table, const QList<QWidget *> &buttons, std::function<bool()> allowed = {});
    void updateRowActions();
    // Builds a form, one field per column (text, date or choice), that edits
    // the record whose id `recordId` holds when the user finishes with a
    // field; a date that cannot be read is kept and explained in `message`.
    // Its fields are held with the section's edits.
    QHash<QString, QWidget *> buildForm(QFormLayout *form, const CaseworkTable &table, const qint64 *recordId,
                                        const QList<RecordField> &fields, QLabel *message);
    void fillForm(const QHash<QString, QWidget *> &edits, const CaseworkTable &table, qint64 id);
    // A red line under a form, hidden until there is something to say.
    QLabel *makeMessage();
    // A choice column of a table, its choices set again by refreshChoice().
    void choiceColumn(QTableWidget *table, const QStringList &columns, const QString &column,
                      const CaseworkTable &record);
    void refreshChoice(QTableWidget *table, const QStringList &columns, const QString &column, const ChoiceSet &set);
    // A column whose cells store methodology ids (one, or several as "access,
    // safety"), shown by the names `names` gives them, never as stored ids;
    // an id the list lacks is shown as it is.
    void namedColumn(QTableWidget *table, const QStringList &columns, const QString &column,
                     const QList<std::pair<QString, QString>> &names);
    // The id a cell stores (its text where the column is not named).
    static QString storedValue(const QTableWidget *table, int row, int column);
    // The day the red rows and the counts of overdue items are as of (the
    // quarter's last day, or today).
    QDate overdueDay() const;

    struct ColumnNames
    {
        QHash<QString, QString> names;
        const ChoiceSet *set = nullptr; // a closed set: one id a cell, an unknown one marked
    };
    QHash<const QTableWidget *, QHash<int, ColumnNames>> m_names;
    QString shownValue(const QTableWidget *table, int column, const QString &value) const;

    struct RowActions
    {
        QTableWidget *table;
        QList<QWidget *> buttons;
        std::function<bool()> allowed;
    };
    QList<RowActions> m_rowActions;

    // Each form's message line and its text and date fields.
    QHash<QLabel *, QList<QLineEdit *>> m_formFields;

    // The section's edit controls: each added as it is made, its enabled
    // state, tip and edit triggers set through it.
    HeldControls *m_held;
    CaseContext m_context;
    bool m_loading = false;
    QString m_standing;
    bool m_applies = true;
};

} // namespace owb
