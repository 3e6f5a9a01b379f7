#include "recorddialog.h"

#include "casework/casework.h"
#include "casework/datetext.h"
#include "widgets/dateedit.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace owb {

namespace {
QWidget *makeField(const RecordField &spec, QWidget *parent)
{
    switch (spec.kind) {
    case RecordField::Kind::Text: {
        auto *edit = new QLineEdit(spec.initial.toString(), parent);
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
        if (!spec.required)
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
        list->setMinimumHeight(90);
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

void RecordDialog::complain(const QString &column, const QString &message)
{
    QLabel *label = m_messages.value(column);
    if (!label)
        return;
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void RecordDialog::accept()
{
    const QVariantMap read = values();
    QWidget *first = nullptr;
    for (const RecordField &spec : m_specs) {
        QString message;
        QWidget *field = m_fields.value(spec.column);
        if (spec.kind == RecordField::Kind::Date) {
            const QString typed = static_cast<DateEdit *>(field)->text().trimmed();
            if (!typed.isEmpty() && read.value(spec.column).toString().isEmpty())
                message = tr("\"%1\" is not a date: type it as %2 or 31 Mar 2027.").arg(typed, dateHint());
            else if (typed.isEmpty() && spec.required)
                message = tr("A date is needed: type it as %1.").arg(dateHint());
        } else if (spec.required && read.value(spec.column).toString().isEmpty()) {
            message = tr("%1 is needed.").arg(spec.label);
        }
        complain(spec.column, message);
        if (!message.isEmpty() && !first)
            first = field;
    }
    if (!first) {  // a due date before its start, an exit before its entry
        const auto [column, message] = dateOrderProblem(read);
        if (!column.isEmpty()) {
            complain(column, message);
            first = m_fields.value(column);
        }
    }
    if (!first && m_check) {
        const auto [column, message] = m_check(read);
        if (!column.isEmpty()) {
            complain(column, message);
            first = m_fields.value(column);
        }
    }
    if (first) {
        first->setFocus();
        layout()->activate(); // room for the messages
        resize(width(), qMax(height(), sizeHint().height()));
        return; // the dialog stays, with everything typed
    }
    QDialog::accept();
}

} // namespace owb
