#include "statusnotice.h"

#include <QCoreApplication>
#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>

namespace owb {

namespace {
const QString kNoticeName = QStringLiteral("statusNotice");
}

void installStatusNotice(QMainWindow *window)
{
    auto *label = new QLabel(window->statusBar());
    label->setObjectName(kNoticeName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    window->statusBar()->addWidget(label, 1);
}

void showStatusNotice(QWidget *from, const QString &message)
{
    auto *window = qobject_cast<QMainWindow *>(from ? from->window() : nullptr);
    if (!window)
        return;
    if (auto *label = window->statusBar()->findChild<QLabel *>(kNoticeName))
        label->setText(message);
}

} // namespace owb
