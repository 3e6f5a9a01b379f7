#pragma once
// The checks that a read-only workspace says so (tester, issue 14): the
// status bar's lasting "Read-only", saying why as its tip, and the reason's
// notice whole or whole in its tip, within the window at its size; and a
// held text field that looks read-only. Each returns what is wrong, or empty.

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QStatusBar>
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
    QStatusBar *bar = window.statusBar();
    const auto *indicator = bar->findChild<QLabel *>(QStringLiteral("readOnlyIndicator"));
    if (!indicator || !indicator->isVisible())
        return QStringLiteral("no \"Read-only\" in the status bar");
    if (indicator->text() != QLatin1String("Read-only") || indicator->toolTip() != why
        || indicator->accessibleDescription() != why)
        return QStringLiteral("the indicator says \"%1\", its tip \"%2\"").arg(indicator->text(), indicator->toolTip());
    const QRect shown = QRect(indicator->mapTo(&window, QPoint(0, 0)), indicator->size());
    if (indicator->width() < indicator->sizeHint().width() || !window.rect().contains(shown))
        return QStringLiteral("the indicator is cut: %1 wide at x %2 of a %3 wide window (needs %4)")
            .arg(indicator->width())
            .arg(shown.x())
            .arg(window.width())
            .arg(indicator->sizeHint().width());
    const auto *notice = bar->findChild<QLabel *>(QStringLiteral("statusNotice"));
    if (!notice || !notice->isVisible() || notice->text() != why)
        return QStringLiteral("the notice says \"%1\"").arg(notice ? notice->text() : QString());
    const bool whole = notice->fontMetrics().horizontalAdvance(why) <= notice->contentsRect().width();
    if (!whole && (notice->toolTip() != why || notice->accessibleDescription() != why))
        return QStringLiteral("the notice is cut at %1 wide (needs %2) and its tip is \"%3\"")
            .arg(notice->contentsRect().width())
            .arg(notice->fontMetrics().horizontalAdvance(why))
            .arg(notice->toolTip());
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
