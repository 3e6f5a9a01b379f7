#pragma once
// A save (or an undo) that met someone else's change to the same record
// (store/storeerror.h's StoreConflict): this user's value and the stored one,
// field by field, and the ways on that remain (its words name only those):
// keep mine (saved again over the record as it is now), take theirs (the case
// already shows it), or edit mine first; for a removal, remove it anyway or
// keep theirs. A short value shows whole on one line; a long or multi-line
// one (a finding's text, a rationale) in a multi-line box sized to it. One row per field this user's step writes on the record (every
// field of a group: a stage change, a milestone marked done), named as the
// forms name it, its values as the screen shows them.

#include "commands/fieldwrite.h"
#include "store/storeerror.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace owb {

class CaseSession;
class Methodology;

// One row of the dialog: the field's label, this user's value (as stored,
// and as shown) and the stored one as shown. A value shown as it is stored
// (free text) can be edited after Edit Mine; a choice or a date stays.
struct ConflictRow
{
    QString label;
    QString mine;
    QString mineShown;
    QString storedShown;
    bool editable = false;
};

// The dialog's rows for a session's conflict fields: labels as the forms
// name the fields, values in the forms' words (choices by name, dates in
// the one date format).
QList<ConflictRow> conflictRows(const Methodology &methodology, const QList<FieldWrite> &fields, bool removed);
// "Due date", "Stage": a record's field as the workbench's forms name it.
QString conflictFieldLabel(const QString &table, const QString &column);

class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { TakeTheirs, KeepMine };

    // `canKeep`: whether this user's values can still be saved (not over a
    // removed record, nor an added or removed one of theirs). `removing`:
    // this user's step removed the record: the rows are the fields someone
    // else changed (as this user saw them, as stored now), and the choice is
    // to remove it anyway (KeepMine) or keep theirs.
    ConflictDialog(const StoreConflict &conflict, const QList<ConflictRow> &rows, bool canKeep,
                   QWidget *parent = nullptr, bool removing = false);

    Choice choice() const { return m_choice; }
    // This user's values as they stand, as stored (edited after Edit Mine).
    QStringList mine() const;

private:
    void editMine();

    Choice m_choice = Choice::TakeTheirs;
    QList<ConflictRow> m_rows;
    QList<QWidget *> m_mine; // a QLineEdit, or a multi-line box for a long value
    QPushButton *m_keep;
    QPushButton *m_edit;
};

// The one place that shows why an edit, undo or redo of `session`'s case
// failed: a conflict it met (someone else changed the record) in the
// conflict dialog, and, while the user keeps theirs and it meets another
// change again, again; anything else in a warning titled `title`. Keep
// Mine writes the user's values over the record as the dialog showed it (a
// new step on the undo stack), Take Theirs leaves the record as it is (the
// failed step is gone from the stack). Returns whether `error` was empty.
bool reportStoreProblem(QWidget *parent, CaseSession *session, const QString &title, const QString &error);

} // namespace owb
