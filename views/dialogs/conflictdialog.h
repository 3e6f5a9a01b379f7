#pragma once
// A save (or an undo) that met someone else's change to the same record
// (store/storeerror.h's StoreConflict): this user's value and the stored one,
// field by field, and the three ways on: keep mine (saved again over the
// record as it is now), take theirs (the case already shows it), or edit mine
// first. Minimal: one row per field the conflict names.

#include "store/storeerror.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace owb {

class CaseSession;

class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { TakeTheirs, KeepMine };

    // `mine`: this user's value of each of the conflict's columns, in order;
    // `canKeep`: whether they can still be saved (not over a removed record,
    // nor an added or removed one of theirs).
    ConflictDialog(const StoreConflict &conflict, const QStringList &mine, bool canKeep, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    // This user's values as they stand (edited after Edit Mine).
    QStringList mine() const;

private:
    void editMine();

    Choice m_choice = Choice::TakeTheirs;
    QList<QLineEdit *> m_mine;
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
