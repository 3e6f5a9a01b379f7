#pragma once
// The edit controls of one case page or section, held while its workspace is
// read-only (testers, issue 13/14: a reader filled a whole form and learnt
// only on OK that nothing was changed). The page adds each control that
// changes the case as it makes it, and sets its enabled state, tip and edit
// triggers through here. Held, a button or a choice is disabled, a text
// field read-only (drawn on the window's colour, no caret, no placeholder,
// its text still selectable), a table's cells not editable, each saying why
// as its tip (a field's description too); what the page sets meanwhile is
// kept, and shown once released. The session still refuses every edit
// (CaseSession::isReadOnly): this only stops offering them.

#include <QAbstractItemView>
#include <QHash>
#include <QObject>
#include <QPalette>
#include <QString>
#include <functional>
#include <initializer_list>

class QWidget;

namespace owb {

class HeldControls : public QObject
{
    Q_OBJECT
public:
    explicit HeldControls(QObject *parent);
    // An edit control of the page (held at once if the page is held); it
    // leaves the list when it is deleted.
    void add(QWidget *control);
    void add(std::initializer_list<QWidget *> controls);
    // What the page wants of a control it added: applied now, or kept until released.
    void setEnabled(QWidget *control, bool on);
    void setToolTip(QWidget *control, const QString &tip);
    void setEditTriggers(QAbstractItemView *view, QAbstractItemView::EditTriggers triggers);
    // setEnabled as a function (widgets/rowbuttons), harmless once this is gone.
    std::function<void(QWidget *, bool)> enabler();
    // Holds every control added with `why` as its tip; empty releases them.
    void setHeld(const QString &why);
    QString why() const { return m_why; }
    bool isHeld() const { return !m_why.isEmpty(); }

private:
    // A control as the page set it, while it is held.
    struct Own
    {
        bool held = false;
        bool enabled = true;
        bool readOnly = false;
        QAbstractItemView::EditTriggers triggers = QAbstractItemView::NoEditTriggers;
        QString tip;
        QString statusTip;
        QString description;
        QString placeholder;
        bool ownPalette = false;  // the control set its palette itself
        QPalette palette;
    };
    void hold(QWidget *control);
    void release(QWidget *control);

    QString m_why;
    QHash<QWidget *, Own> m_controls;
};

// A page or section that offers edits of the case: it shows itself held
// (`why` not empty) or offers them again, whatever its context.
class HoldsEdits
{
public:
    virtual ~HoldsEdits() = default;
    virtual void setHeld(const QString &why) = 0;
};

} // namespace owb
