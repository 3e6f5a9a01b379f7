#include "conflictdialog.h"

#include "casework/casesession.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace owb {

ConflictDialog::ConflictDialog(const StoreConflict &conflict, const QStringList &mine, bool canKeep, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Someone Else Changed This Record"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(conflict.removed()
                                 ? tr("Someone else removed this record since you opened it, so your change was not "
                                      "saved.")
                                 : tr("Someone else changed this record since you opened it, so your change was not "
                                      "saved. Keep yours (it replaces theirs), take theirs, or edit yours first."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("<b>Field</b>"), this), 0, 0);
    grid->addWidget(new QLabel(tr("<b>Yours</b>"), this), 0, 1);
    grid->addWidget(new QLabel(tr("<b>Stored now</b>"), this), 0, 2);
    const QStringList columns = conflict.columns();
    for (int i = 0; i < columns.size(); ++i) {
        const QString field = QString(columns.at(i)).replace(QLatin1Char('_'), QLatin1Char(' '));
        grid->addWidget(new QLabel(field, this), i + 1, 0);
        auto *yours = new QLineEdit(mine.value(i), this);
        yours->setReadOnly(true);
        yours->setAccessibleName(tr("Your %1").arg(field));
        yours->setCursorPosition(0);
        grid->addWidget(yours, i + 1, 1);
        m_mine.append(yours);
        auto *stored = new QLineEdit(conflict.removed() ? tr("(removed)") : conflict.stored(), this);
        stored->setReadOnly(true);
        stored->setAccessibleName(tr("Stored %1").arg(field));
        stored->setCursorPosition(0);
        grid->addWidget(stored, i + 1, 2);
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    layout->addLayout(grid);

    auto *buttons = new QDialogButtonBox(this);
    m_keep = buttons->addButton(tr("&Keep Mine"), QDialogButtonBox::AcceptRole);
    m_edit = buttons->addButton(tr("&Edit Mine"), QDialogButtonBox::ActionRole);
    QPushButton *take = buttons->addButton(tr("&Take Theirs"), QDialogButtonBox::RejectRole);
    take->setDefault(true);  // the safe way: nothing is overwritten
    // A removed record cannot be saved over.
    m_keep->setEnabled(canKeep && !conflict.removed() && !columns.isEmpty());
    m_edit->setEnabled(m_keep->isEnabled());
    connect(m_keep, &QPushButton::clicked, this, [this] {
        m_choice = Choice::KeepMine;
        accept();
    });
    connect(take, &QPushButton::clicked, this, [this] {
        m_choice = Choice::TakeTheirs;
        reject();
    });
    connect(m_edit, &QPushButton::clicked, this, &ConflictDialog::editMine);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

void ConflictDialog::editMine()
{
    for (QLineEdit *edit : std::as_const(m_mine))
        edit->setReadOnly(false);
    if (!m_mine.isEmpty()) {
        m_mine.first()->setFocus();
        m_mine.first()->selectAll();
    }
    m_keep->setText(tr("&Save Mine"));
    m_edit->setEnabled(false);
}

QStringList ConflictDialog::mine() const
{
    QStringList values;
    for (const QLineEdit *edit : m_mine)
        values.append(edit->text());
    return values;
}

bool reportStoreProblem(QWidget *parent, CaseSession *session, const QString &title, const QString &error)
{
    if (error.isEmpty())
        return true;
    QString problem = error;
    // The dialog only for the conflict this error reports (the session's last).
    while (session && session->lastConflict() && session->lastConflict()->message() == problem) {
        ConflictDialog dialog(*session->lastConflict(), session->conflictMine(), session->canKeepMine(), parent);
        dialog.exec();
        if (dialog.choice() != ConflictDialog::Choice::KeepMine) {
            session->takeTheirs();
            return false;
        }
        problem = session->keepMine(dialog.mine());
        if (problem.isEmpty())
            return false;
    }
    QMessageBox::warning(parent, title, problem);
    return false;
}

} // namespace owb
