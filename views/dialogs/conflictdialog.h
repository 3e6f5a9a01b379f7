#pragma once
// A save (or an undo) that met someone else's change to the same record
// (store/storeerror.h's StoreConflict): this user's value and the stored one,
// field by field, and the three ways on: keep mine (saved again over the
// record as it is now), take theirs (the case already shows it), or edit mine
// first. Minimal: one row per field the conflict names.

#include "store/storeerror.h"

#include <QDialog>
#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace owb {

class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { TakeTheirs, KeepMine };

    // `mine`: this user's value of each of the conflict's columns, in order.
    ConflictDialog(const StoreConflict &conflict, const QStringList &mine, QWidget *parent = nullptr);

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

// Shows `error` to the user: a conflict the session's last edit met (its
// message) in the conflict dialog, anything else in a warning titled
// `title`. `keepMine` saves this user's (possibly edited) values again;
// it returns an error message or nothing, shown the same way. Returns false
// when there was an error.
bool showStoreProblem(QWidget *parent, const QString &title, const QString &error,
                      const std::optional<StoreConflict> &conflict, const QStringList &mine,
                      const std::function<QString(const QStringList &mine)> &keepMine);

} // namespace owb
