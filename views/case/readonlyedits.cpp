#include "readonlyedits.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QEvent>
#include <QLineEdit>
#include <QPalette>
#include <QPlainTextEdit>
#include <QString>
#include <QTextEdit>
#include <QWidget>

namespace owb {

namespace {
const char *const kNotAnEdit = "owbNotAnEdit";
const char *const kHeld = "owbHeld";        // held now, with its own tip kept in:
const char *const kOwnTip = "owbOwnTip";
const char *const kOwnStatusTip = "owbOwnStatusTip";
const char *const kOwnDescription = "owbOwnDescription";
const char *const kOwnTriggers = "owbOwnTriggers";
const char *const kOwnReadOnly = "owbOwnReadOnly";
const char *const kOwnEnabled = "owbOwnEnabled";
const char *const kOwnPalette = "owbOwnPalette";  // the palette the field set itself, if any
const char *const kOwnPlaceholder = "owbOwnPlaceholder";

// A held text field looks read-only (tester, issue 14: white, as if it took
// typing): the window's colour behind the text, as a label's, and no caret;
// its text can still be selected and copied. Fusion draws a read-only field
// as an editable one, so the palette says it.
void lookReadOnly(QWidget *field)
{
    if (!field->property(kOwnPalette).isValid())
        field->setProperty(kOwnPalette, field->testAttribute(Qt::WA_SetPalette) ? QVariant(field->palette())
                                                                                 : QVariant(false));
    QPalette palette = field->palette();
    for (const auto group : {QPalette::Active, QPalette::Inactive})
        palette.setColor(group, QPalette::Base, palette.color(group, QPalette::Window));
    field->setPalette(palette);
    // Nor an invitation to type ("Write a note (Ctrl+Return adds it)").
    if (!field->property(kOwnPlaceholder).isValid())
        field->setProperty(kOwnPlaceholder, field->property("placeholderText"));
    field->setProperty("placeholderText", QString());
}

void lookAsBefore(QWidget *field)
{
    const QVariant own = field->property(kOwnPalette);
    field->setProperty(kOwnPalette, QVariant());
    if (own.isValid())
        field->setPalette(own.typeId() == QMetaType::QPalette ? own.value<QPalette>() : QPalette());
    if (const QVariant placeholder = field->property(kOwnPlaceholder); placeholder.isValid()) {
        field->setProperty("placeholderText", placeholder);
        field->setProperty(kOwnPlaceholder, QVariant());
    }
}

// Disables a held control again whenever the page enables it (a row selected,
// a section reloaded): the page need not know the workspace is read-only.
class KeepDisabled : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::EnabledChange)
            if (auto *widget = qobject_cast<QWidget *>(watched); widget && widget->isEnabled() && isHeld(widget))
                widget->setEnabled(false);
        return false;
    }
};

KeepDisabled *keeper()
{
    static auto *instance = new KeepDisabled;
    return instance;
}

bool isEditControl(const QWidget *widget)
{
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QComboBox *>(widget)
           || qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QPlainTextEdit *>(widget)
           || qobject_cast<const QTextEdit *>(widget) || qobject_cast<const QAbstractItemView *>(widget);
}

bool notAnEdit(const QWidget *widget)
{
    for (const QWidget *w = widget; w; w = w->parentWidget())
        if (w->property(kNotAnEdit).toBool())
            return true;
    // Parts of another control, held with it or changing nothing: a combo
    // box's own line edit, a line edit's clear button, a table's corner button.
    const QWidget *parent = widget->parentWidget();
    return qobject_cast<const QComboBox *>(parent) || qobject_cast<const QLineEdit *>(parent)
           || qobject_cast<const QAbstractItemView *>(parent);
}

void hold(QWidget *widget, const QString &why)
{
    if (!isHeld(widget)) {
        widget->setProperty(kOwnTip, widget->toolTip());
        widget->setProperty(kOwnStatusTip, widget->statusTip());
        widget->setProperty(kOwnDescription, widget->accessibleDescription());
    }
    widget->setProperty(kHeld, true);
    widget->setToolTip(why);
    widget->setStatusTip(why);
    // A field's description said how to fill it in (a date's format): now
    // what a screen reader says is why it cannot be (tester, issue 14).
    if (qobject_cast<QLineEdit *>(widget) && !widget->accessibleDescription().isEmpty())
        widget->setAccessibleDescription(why);
    if (auto *line = qobject_cast<QLineEdit *>(widget)) {
        if (!line->property(kOwnReadOnly).isValid())
            line->setProperty(kOwnReadOnly, line->isReadOnly());
        line->setReadOnly(true);
        lookReadOnly(line);
    } else if (auto *text = qobject_cast<QPlainTextEdit *>(widget)) {
        if (!text->property(kOwnReadOnly).isValid())
            text->setProperty(kOwnReadOnly, text->isReadOnly());
        text->setReadOnly(true);
        lookReadOnly(text);
    } else if (auto *rich = qobject_cast<QTextEdit *>(widget)) {
        if (!rich->property(kOwnReadOnly).isValid())
            rich->setProperty(kOwnReadOnly, rich->isReadOnly());
        rich->setReadOnly(true);
        lookReadOnly(rich);
    } else if (auto *view = qobject_cast<QAbstractItemView *>(widget)) {
        // Read, scrolled and selected as before; no cell opens an editor.
        if (!view->property(kOwnTriggers).isValid())
            view->setProperty(kOwnTriggers, int(view->editTriggers()));
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    } else {
        if (!widget->property(kOwnEnabled).isValid())
            widget->setProperty(kOwnEnabled, widget->isEnabled());
        widget->installEventFilter(keeper());
        widget->setEnabled(false);
    }
}

void release(QWidget *widget)
{
    if (!isHeld(widget))
        return;
    widget->setProperty(kHeld, QVariant());
    widget->setToolTip(widget->property(kOwnTip).toString());
    widget->setStatusTip(widget->property(kOwnStatusTip).toString());
    if (qobject_cast<QLineEdit *>(widget) && !widget->accessibleDescription().isEmpty())
        widget->setAccessibleDescription(widget->property(kOwnDescription).toString());
    const QVariant ownReadOnly = widget->property(kOwnReadOnly);
    widget->setProperty(kOwnReadOnly, QVariant());
    lookAsBefore(widget);
    if (auto *line = qobject_cast<QLineEdit *>(widget)) {
        line->setReadOnly(ownReadOnly.toBool());
    } else if (auto *text = qobject_cast<QPlainTextEdit *>(widget)) {
        text->setReadOnly(ownReadOnly.toBool());
    } else if (auto *rich = qobject_cast<QTextEdit *>(widget)) {
        rich->setReadOnly(ownReadOnly.toBool());
    } else if (auto *view = qobject_cast<QAbstractItemView *>(widget)) {
        // A table the page set otherwise since (a decided review's) keeps it.
        if (view->editTriggers() == QAbstractItemView::NoEditTriggers)
            view->setEditTriggers(QAbstractItemView::EditTriggers(view->property(kOwnTriggers).toInt()));
        view->setProperty(kOwnTriggers, QVariant());
    } else {
        // As it was when held; the page sets its own state again as it is filled.
        widget->removeEventFilter(keeper());
        widget->setEnabled(widget->property(kOwnEnabled).toBool());
        widget->setProperty(kOwnEnabled, QVariant());
    }
}
} // namespace

void markNotAnEdit(QWidget *control)
{
    control->setProperty(kNotAnEdit, true);
}

bool isHeld(const QWidget *control)
{
    return control->property(kHeld).toBool();
}

void holdEdits(QWidget *page, const QString &why)
{
    const QList<QWidget *> widgets = page->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!isEditControl(widget) || notAnEdit(widget))
            continue;
        if (why.isEmpty())
            release(widget);
        else
            hold(widget, why);
    }
}

} // namespace owb
