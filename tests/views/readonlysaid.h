#pragma once
// The checks that a read-only workspace says so (tester, issue 14): the bar
// above the page, "Read-only" saying why as its tip, and the reason whole
// beside it, within the window at its size; and a held text field that
// looks read-only. Each returns what is wrong, or empty.

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace owbtest {

// A picture of `widget` for a person to look at, when OWB_SCREENSHOT_DIR names a folder.
inline void grabFor(QWidget &widget, const QString &name)
{
    if (qEnvironmentVariableIsSet("OWB_SCREENSHOT_DIR"))
        widget.grab().save(QDir(qEnvironmentVariable("OWB_SCREENSHOT_DIR")).filePath(name + QStringLiteral(".png")));
}

inline QString readOnlyNotSaid(QMainWindow &window, const QString &why)
{
    const auto *bar = window.findChild<QWidget *>(QStringLiteral("readOnlyBar"));
    if (!bar || !bar->isVisible())
        return QStringLiteral("no read-only bar above the page");
    const auto *state = bar->findChild<QLabel *>(QStringLiteral("readOnlyIndicator"));
    if (!state || state->text() != QLatin1String("Read-only") || state->toolTip() != why
        || state->accessibleDescription() != why)
        return QStringLiteral("the bar says \"%1\", its tip \"%2\"").arg(state ? state->text() : QString(),
                                                                       state ? state->toolTip() : QString());
    const auto *reason = bar->findChild<QLabel *>(QStringLiteral("readOnlyReason"));
    if (!reason || !reason->isVisible() || reason->text() != why)
        return QStringLiteral("the bar's reason says \"%1\"").arg(reason ? reason->text() : QString());
    // Whole: within the window, on as many lines as it needs at its width.
    const QRect shown(bar->mapTo(&window, QPoint(0, 0)), bar->size());
    if (!window.rect().contains(shown))
        return QStringLiteral("the bar (%1 wide at x %2) is outside the %3 wide window")
            .arg(shown.width())
            .arg(shown.x())
            .arg(window.width());
    const QRect needs = reason->fontMetrics().boundingRect(QRect(0, 0, reason->contentsRect().width(), 100000),
                                                           Qt::TextWordWrap, why);
    if (needs.height() > reason->contentsRect().height() || needs.width() > reason->contentsRect().width())
        return QStringLiteral("the reason needs %1x%2 and has %3x%4")
            .arg(needs.width())
            .arg(needs.height())
            .arg(reason->contentsRect().width())
            .arg(reason->contentsRect().height());
    return {};
}

// A held field: not editable, drawn on the window's colour rather than the
// white of a field that takes typing.
inline QString looksEditable(const QWidget *field)
{
    bool readOnly = false;
    if (const auto *line = qobject_cast<const QLineEdit *>(field))
        readOnly = line->isReadOnly();
    else if (const auto *text = qobject_cast<const QPlainTextEdit *>(field))
        readOnly = text->isReadOnly();
    else if (const auto *rich = qobject_cast<const QTextEdit *>(field))
        readOnly = rich->isReadOnly();
    const QString what = QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(field->metaObject()->className()),
                                                        field->accessibleName());
    if (!readOnly)
        return what + QStringLiteral(" takes typing");
    if (field->palette().color(QPalette::Base) != field->palette().color(QPalette::Window))
        return what + QStringLiteral(" is drawn on %1, not the window's %2")
                          .arg(field->palette().color(QPalette::Base).name(),
                               field->palette().color(QPalette::Window).name());
    return {};
}

} // namespace owbtest
