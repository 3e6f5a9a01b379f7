#include "statusnotice.h"

#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>
#include <QTimer>

namespace owb {

namespace {
const QString kNoticeName = QStringLiteral("statusNotice");
const char *const kLasting = "lastingNotice"; // shown again when a passing one clears

void clearPassing(QLabel *label)
{
    label->setText(label->property(kLasting).toString());
}

QLabel *noticeOf(QWidget *from)
{
    auto *window = qobject_cast<QMainWindow *>(from ? from->window() : nullptr);
    return window ? window->statusBar()->findChild<QLabel *>(kNoticeName) : nullptr;
}
} // namespace

void installStatusNotice(QMainWindow *window)
{
    auto *label = new QLabel(window->statusBar());
    label->setObjectName(kNoticeName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *timer = new QTimer(label);
    timer->setSingleShot(true);
    timer->setInterval(kStatusNoticeMs);
    QObject::connect(timer, &QTimer::timeout, label, [label] { clearPassing(label); });
    window->statusBar()->addWidget(label, 1);
}

void showStatusNotice(QWidget *from, const QString &message, bool lasting)
{
    QLabel *label = noticeOf(from);
    if (!label)
        return;
    label->setText(message);
    if (lasting) {
        label->setProperty(kLasting, message);
        label->setToolTip(message);  // whole, where the status bar cuts it short
    }
    else if (auto *timer = label->findChild<QTimer *>())
        timer->start();
}

void clearStatusNotice(QWidget *from, bool all)
{
    QLabel *label = noticeOf(from);
    if (label && all) {
        label->setProperty(kLasting, QString());
        label->setToolTip(QString());
    }
    if (label)
        clearPassing(label);
}

} // namespace owb
