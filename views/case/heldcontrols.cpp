#include "heldcontrols.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTextEdit>
#include <QWidget>

namespace owb {

namespace {
bool isTextField(const QWidget *control)
{
    return qobject_cast<const QLineEdit *>(control) || qobject_cast<const QPlainTextEdit *>(control)
           || qobject_cast<const QTextEdit *>(control);
}

bool isReadOnly(const QWidget *control)
{
    return control->property("readOnly").toBool();
}

void setReadOnly(QWidget *control, bool readOnly)
{
    control->setProperty("readOnly", readOnly);
}
} // namespace

HeldControls::HeldControls(QObject *parent)
    : QObject(parent)
{
}

void HeldControls::add(QWidget *control)
{
    if (!control || m_controls.contains(control))
        return;
    m_controls.insert(control, Own{});
    connect(control, &QObject::destroyed, this, [this, control] { m_controls.remove(control); });
    if (isHeld())
        hold(control);
}

void HeldControls::add(std::initializer_list<QWidget *> controls)
{
    for (QWidget *control : controls)
        add(control);
}

void HeldControls::setEnabled(QWidget *control, bool on)
{
    if (auto it = m_controls.find(control); it != m_controls.end() && it->held)
        it->enabled = on;
    else
        control->setEnabled(on);
}

void HeldControls::setToolTip(QWidget *control, const QString &tip)
{
    if (auto it = m_controls.find(control); it != m_controls.end() && it->held)
        it->tip = tip;
    else
        control->setToolTip(tip);
}

void HeldControls::setEditTriggers(QAbstractItemView *view, QAbstractItemView::EditTriggers triggers)
{
    if (auto it = m_controls.find(view); it != m_controls.end() && it->held)
        it->triggers = triggers;
    else
        view->setEditTriggers(triggers);
}

std::function<void(QWidget *, bool)> HeldControls::enabler()
{
    return [self = QPointer<HeldControls>(this)](QWidget *control, bool on) {
        if (self)
            self->setEnabled(control, on);
    };
}

void HeldControls::setHeld(const QString &why)
{
    if (why == m_why)
        return;
    m_why = why;
    for (auto it = m_controls.begin(); it != m_controls.end(); ++it) {
        if (isHeld())
            hold(it.key());
        else
            release(it.key());
    }
}

void HeldControls::hold(QWidget *control)
{
    Own &own = m_controls[control];
    if (!own.held) {
        own = Own{};
        own.held = true;
        own.enabled = !control->testAttribute(Qt::WA_Disabled);
        own.tip = control->toolTip();
        own.statusTip = control->statusTip();
        own.description = control->accessibleDescription();
        if (auto *view = qobject_cast<QAbstractItemView *>(control))
            own.triggers = view->editTriggers();
        if (isTextField(control)) {
            own.readOnly = isReadOnly(control);
            own.placeholder = control->property("placeholderText").toString();
            own.ownPalette = control->testAttribute(Qt::WA_SetPalette);
            if (own.ownPalette)
                own.palette = control->palette();
        }
    }
    control->setToolTip(m_why);
    control->setStatusTip(m_why);
    if (auto *view = qobject_cast<QAbstractItemView *>(control)) {
        // Read, scrolled and selected as before; no cell opens an editor.
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    } else if (isTextField(control)) {
        setReadOnly(control, true);
        // A field's description said how to fill it in (a date's format):
        // now what a screen reader says is why it cannot be (tester, issue 14).
        if (!own.description.isEmpty())
            control->setAccessibleDescription(m_why);
        // It looks read-only (tester, issue 14: white, as if it took typing):
        // the window's colour behind the text, as a label's. Fusion draws a
        // read-only field as an editable one, so the palette says it.
        QPalette palette = control->palette();
        for (const auto group : {QPalette::Active, QPalette::Inactive})
            palette.setColor(group, QPalette::Base, palette.color(group, QPalette::Window));
        control->setPalette(palette);
        // Nor an invitation to type ("Write a note (Ctrl+Return adds it)").
        control->setProperty("placeholderText", QString());
    } else {
        control->setEnabled(false);
    }
}

void HeldControls::release(QWidget *control)
{
    Own &own = m_controls[control];
    if (!own.held)
        return;
    control->setToolTip(own.tip);
    control->setStatusTip(own.statusTip);
    if (auto *view = qobject_cast<QAbstractItemView *>(control)) {
        view->setEditTriggers(own.triggers);
    } else if (isTextField(control)) {
        setReadOnly(control, own.readOnly);
        control->setAccessibleDescription(own.description);
        control->setPalette(own.ownPalette ? own.palette : QPalette());
        control->setProperty("placeholderText", own.placeholder);
    } else {
        control->setEnabled(own.enabled);
    }
    own = Own{};
}

} // namespace owb
