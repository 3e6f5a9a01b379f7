#include "recorddialog.h"

#include "casework/casesession.h"
#include "casework/casework.h"
#include "dialogs/conflictdialog.h"
#include "casework/datetext.h"
#include "widgets/dateedit.h"

#include <QComboBox>
#include <limits>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QCloseEvent>
#include <QKeyEvent>
#include <QShowEvent>
#include <QSpinBox>
#include <QVBoxLayout>

namespace owb {

namespace {
QWidget *makeField(const RecordField &spec, QWidget *parent)
{
    switch (spec.kind) {
    case RecordField::Kind::Text: {
        auto *edit = new QLineEdit(parent);
        // Not QLineEdit's 32,767: a longer paste kept whole, so that the rule
        // (kMaxFreeTextLength) refuses it saying its real length.
        edit->setMaxLength(std::numeric_limits<int>::max());
        edit->setText(spec.initial.toString());
        return edit;
    }
    case RecordField::Kind::Paragraph: {
        auto *edit = new QPlainTextEdit(spec.initial.toString(), parent);
        edit->setTabChangesFocus(true); // keyboard-complete: Tab leaves the field
        edit->setMinimumHeight(70);
        return edit;
    }
    case RecordField::Kind::Date: {
        auto *edit = new DateEdit(parent);
        edit->setDate(spec.initial.toDate());
        return edit;
    }
    case RecordField::Kind::Choice: {
        auto *box = new QComboBox(parent);
        if (!spec.required || spec.mustChoose)
            box->addItem(QCoreApplication::translate("owb::RecordDialog", "(not set)"), QString());
        for (const auto &[id, name] : spec.choices)
            box->addItem(name, id);
        const QString initial = spec.initial.toString();
        int index = box->findData(initial);
        if (index < 0 && !initial.isEmpty()) {
            // A stored value not in the methodology's list is kept and shown as such.
            box->addItem(QCoreApplication::translate("owb::RecordDialog", "%1 (not in the methodology's list)").arg(initial),
                         initial);
            index = box->count() - 1;
        }
        box->setCurrentIndex(qMax(0, index));
        return box;
    }
    case RecordField::Kind::Number: {
        auto *spin = new QSpinBox(parent);
        if (!spec.choices.isEmpty())
            spin->setRange(spec.choices.first().first.toInt(), spec.choices.last().first.toInt());
        spin->setValue(spec.initial.toInt());
        return spin;
    }
    case RecordField::Kind::Ticks: {
        auto *list = new QListWidget(parent);
        const QStringList ticked = spec.initial.toStringList();
        for (const auto &[id, name] : spec.choices) {
            auto *item = new QListWidgetItem(name, list);
            item->setData(Qt::UserRole, id);
            item->setCheckState(ticked.contains(id) ? Qt::Checked : Qt::Unchecked);
        }
        // Room for the names in full and up to eight rows at once (a scroll bar
        // beyond); Space ticks the current row, the arrow keys move.
        list->setUniformItemSizes(true);
        list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        const int row = list->count() > 0 ? list->sizeHintForRow(0) : list->fontMetrics().height() + 6;
        list->setMinimumHeight(row * int(qMin<qsizetype>(qMax<qsizetype>(list->count(), 3), 8)) + 2 * list->frameWidth() + 4);
        list->setMinimumWidth(qMin(list->sizeHintForColumn(0) + 2 * list->frameWidth() + 24, 640));
        // A short list (the domains) takes no more than its rows; a long one (the metrics) the rest.
        if (list->count() <= 8)
            list->setMaximumHeight(list->minimumHeight());
        list->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        if (list->count() > 0)
            list->setCurrentRow(0, QItemSelectionModel::NoUpdate);
        return list;
    }
    }
    return nullptr;
}
} // namespace

RecordDialog::RecordDialog(const QString &title, const QString &intro, const QList<RecordField> &fields, QWidget *parent)
    : QDialog(parent)
    , m_specs(fields)
{
    setWindowTitle(title);
    setAccessibleName(title);
    auto *layout = new QVBoxLayout(this);
    if (!intro.isEmpty()) {
        auto *label = new QLabel(intro, this);
        label->setWordWrap(true);
        layout->addWidget(label);
    }
    auto *form = new QFormLayout;
    for (const RecordField &spec : fields) {
        QWidget *field = makeField(spec, this);
        const QString name = spec.label;
        // On Linux a combo box is named by its current text; its label is its description.
        if (spec.kind == RecordField::Kind::Choice)
            field->setAccessibleDescription(name);
        else
            field->setAccessibleName(name);
        auto *label = new QLabel((spec.required ? tr("%1 (required):") : tr("%1:")).arg(name), this);
        label->setBuddy(field);
        auto *message = new QLabel(this);
        message->setWordWrap(true);
        message->setStyleSheet(QStringLiteral("color: #da291c;"));
        message->hide();
        auto *cell = new QVBoxLayout;
        cell->setContentsMargins(0, 0, 0, 0);
        if (auto *spin = qobject_cast<QSpinBox *>(field)) {
            auto *row = new QHBoxLayout;
            auto *meaning = new QLabel(this);
            // Wrapped: a long name never takes the width its field's label needs.
            meaning->setWordWrap(true);
            const auto choices = spec.choices;
            auto show = [meaning, choices](int value) {
                for (const auto &[id, text] : choices)
                    if (id.toInt() == value)
                        meaning->setText(text);
            };
            show(spin->value());
            connect(spin, &QSpinBox::valueChanged, meaning, show);
            row->addWidget(spin);
            row->addWidget(meaning, 1);
            cell->addLayout(row);
        } else {
            cell->addWidget(field);
        }
        cell->addWidget(message);
        form->addRow(label, cell);
        m_fields.insert(spec.column, field);
        m_messages.insert(spec.column, message);
    }
    layout->addLayout(form);
    // Why OK did not store the record (setSave), above the buttons: read
    // before pressing OK again.
    m_refusal = new QLabel(this);
    m_refusal->setObjectName(QStringLiteral("refusal"));
    m_refusal->setWordWrap(true);
    m_refusal->setTextFormat(Qt::PlainText);
    m_refusal->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_refusal->setStyleSheet(QStringLiteral("color: #da291c;"));
    m_refusal->hide();
    layout->addWidget(m_refusal);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &RecordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RecordDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

QVariantMap RecordDialog::values() const
{
    QVariantMap out;
    for (const RecordField &spec : m_specs) {
        QWidget *field = m_fields.value(spec.column);
        switch (spec.kind) {
        case RecordField::Kind::Text:
            out.insert(spec.column, static_cast<QLineEdit *>(field)->text().trimmed());
            break;
        case RecordField::Kind::Paragraph:
            out.insert(spec.column, static_cast<QPlainTextEdit *>(field)->toPlainText().trimmed());
            break;
        case RecordField::Kind::Date: {
            const QDate date = static_cast<DateEdit *>(field)->date();
            out.insert(spec.column, date.isValid() ? date.toString(Qt::ISODate) : QString());
            break;
        }
        case RecordField::Kind::Choice:
            out.insert(spec.column, static_cast<QComboBox *>(field)->currentData().toString());
            break;
        case RecordField::Kind::Number:
            out.insert(spec.column, static_cast<QSpinBox *>(field)->value());
            break;
        case RecordField::Kind::Ticks: {
            auto *list = static_cast<QListWidget *>(field);
            QStringList ticked;
            for (int i = 0; i < list->count(); ++i)
                if (list->item(i)->checkState() == Qt::Checked)
                    ticked.append(list->item(i)->data(Qt::UserRole).toString());
            out.insert(spec.column, ticked.join(QStringLiteral(", ")));
            break;
        }
        }
    }
    return out;
}

QHash<QString, QString> RecordDialog::problems() const
{
    const QVariantMap read = values();
    QHash<QString, QString> found;
    auto add = [&found](const QString &column, const QString &message) {
        if (!column.isEmpty() && !message.isEmpty() && !found.contains(column))
            found.insert(column, message);
    };
    for (const RecordField &spec : m_specs) {
        QWidget *field = m_fields.value(spec.column);
        if (spec.kind == RecordField::Kind::Date) {
            const QString typed = static_cast<DateEdit *>(field)->text().trimmed();
            if (!typed.isEmpty() && read.value(spec.column).toString().isEmpty())
                add(spec.column, tr("\"%1\" is not a date: type it as %2 or 31 Mar 2027.").arg(typed, dateHint()));
            else if (typed.isEmpty() && spec.required)
                add(spec.column, tr("A date is needed: type it as %1.").arg(dateHint()));
        } else if (spec.required && read.value(spec.column).toString().isEmpty()) {
            add(spec.column, tr("%1 is needed.").arg(spec.label));
        }
        // The model's rules for the value (text length, dates), beside the field.
        const QString value = read.value(spec.column).toString();
        if (m_table) {
            QVariantMap record = m_record;
            for (auto it = read.cbegin(); it != read.cend(); ++it)
                record.insert(it.key(), it.value());
            add(spec.column, fieldValueProblem(*m_table, spec.column, value, record, *m_methodology));
        } else {
            add(spec.column, valueProblem(spec.column, value));
        }
    }
    // A due date before its start, an exit before its entry: said beside the
    // later date unless that date is itself wrong.
    const auto [later, order] = dateOrderProblem(read);
    add(later, order);
    for (const Check &check : m_checks) {
        const auto [column, message] = check(read);
        add(column, message);
    }
    return found;
}

QWidget *RecordDialog::showProblems()
{
    const QHash<QString, QString> found = problems();
    // The form's own height, read before any message shows: a message label
    // shown lays the form out at once, taller.
    if (m_plainHeight < 0)
        m_plainHeight = height();
    QWidget *first = nullptr;
    for (const RecordField &spec : m_specs) {
        QLabel *label = m_messages.value(spec.column);
        const QString message = found.value(spec.column);
        if (label) {
            label->setText(message);
            label->setVisible(!message.isEmpty());
        }
        if (!message.isEmpty() && !first)
            first = m_fields.value(spec.column);
    }
    fitHeight();
    return first;
}

void RecordDialog::fitHeight()
{
    // Room for the messages, and back to the form's own height as they go.
    layout()->activate();
    // At the form's own width: its size hint wraps the labels at another
    // width, taller than they are here, and left a gap where the messages were.
    const int wanted = hasHeightForWidth() ? heightForWidth(width()) : sizeHint().height();
    resize(width(), qMax(m_plainHeight, wanted));
    // Grown downwards it may pass the screen's foot, OK and Cancel with it:
    // moved up so that the whole form stays on the screen.
    if (const QScreen *where = screen()) {
        const QRect room = where->availableGeometry();
        const QRect frame = frameGeometry();
        if (frame.bottom() > room.bottom())
            move(x(), qMax(room.top(), room.bottom() - frame.height() + 1));
    }
}

QString RecordDialog::refusal() const
{
    return m_refusal->isHidden() ? QString() : m_refusal->text();
}

void RecordDialog::showRefusal(const QString &error)
{
    if (m_plainHeight < 0)
        m_plainHeight = height();
    m_refusal->setText(error.isEmpty() ? QString()
                                       : tr("Not saved: %1\nEverything you typed is still here: press OK to try again, "
                                            "or Cancel.")
                                             .arg(error));
    m_refusal->setVisible(!error.isEmpty());
    fitHeight();
}

void RecordDialog::accept()
{
    if (!m_checked) {
        m_checked = true;
        // From now on a message goes (or changes) as its field is edited.
        auto follow = [this] { showProblems(); };
        for (QWidget *field : std::as_const(m_fields)) {
            if (auto *edit = qobject_cast<QLineEdit *>(field))
                connect(edit, &QLineEdit::textChanged, this, follow);
            else if (auto *text = qobject_cast<QPlainTextEdit *>(field))
                connect(text, &QPlainTextEdit::textChanged, this, follow);
            else if (auto *box = qobject_cast<QComboBox *>(field))
                connect(box, &QComboBox::currentIndexChanged, this, follow);
            else if (auto *spin = qobject_cast<QSpinBox *>(field))
                connect(spin, &QSpinBox::valueChanged, this, follow);
            else if (auto *list = qobject_cast<QListWidget *>(field))
                connect(list, &QListWidget::itemChanged, this, follow);
            // A DateEdit is a QLineEdit (widgets/dateedit.h) or holds one.
            for (QLineEdit *inner : field->findChildren<QLineEdit *>())
                connect(inner, &QLineEdit::textChanged, this, follow);
        }
    }
    if (QWidget *first = showProblems()) {
        first->setFocus();
        return; // the dialog stays, with everything typed
    }
    if (m_save) {
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        const QString error = m_save(values());
        QGuiApplication::restoreOverrideCursor();
        if (!error.isEmpty() && m_session && m_session->lastConflict() && m_session->lastConflict()->message() == error) {
            // Someone else changed the record: their values beside these in
            // the conflict dialog, which keeps these (Keep Mine, Edit Mine).
            showRefusal({});
            reportStoreProblem(this, m_session, tr("The change was not saved"), error);
        } else if (!error.isEmpty()) {
            // Nothing was stored: the form stays, with everything typed.
            showRefusal(error);
            return;
        }
        m_refusal->hide();
    }
    QDialog::accept();
}

void RecordDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    // Filled by the caller before it is shown (an edit's form): what was
    // there then is what nothing typed means.
    if (!m_shown)
        m_shown = values();
}

bool RecordDialog::mayDiscard()
{
    if (!m_shown || values() == *m_shown)
        return true;
    QMessageBox ask(QMessageBox::Question, tr("Discard Changes"), tr("Discard what you typed in this form?"),
                    QMessageBox::NoButton, this);
    ask.setInformativeText(tr("Nothing from this form (%1) has been stored yet.").arg(windowTitle()));
    QPushButton *discard = ask.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    QPushButton *keep = ask.addButton(tr("Keep Editing"), QMessageBox::RejectRole);
    ask.setDefaultButton(keep);
    ask.setEscapeButton(keep);
    ask.exec();
    return ask.clickedButton() == discard;
}

void RecordDialog::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Cancel) && !mayDiscard()) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void RecordDialog::closeEvent(QCloseEvent *event)
{
    if (event->spontaneous() && !mayDiscard()) {
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

} // namespace owb
