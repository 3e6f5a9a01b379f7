#include "statusnotice.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QLabel>
#include <QMainWindow>
#include <QPainter>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>

namespace owb {

namespace {
const QString kNoticeName = QStringLiteral("statusNotice");
const QString kReadOnlyName = QStringLiteral("readOnlyIndicator");
const char *const kLasting = "lastingNotice"; // shown again when a passing one clears

// A notice as long as it is: drawn cut short with "…" where the status bar
// is narrower, its text (the accessible name) and its tip whole.
class NoticeLabel : public QLabel
{
public:
    using QLabel::QLabel;

    bool isCut() const { return fontMetrics().horizontalAdvance(text()) > contentsRect().width(); }

    // The tip says the whole notice where it is cut short.
    void sayWhole()
    {
        const QString tip = isCut() ? text() : QString();
        setToolTip(tip);
        setAccessibleDescription(tip);
    }

    QSize minimumSizeHint() const override
    {
        // Never wider than a few words: the window may be as narrow as the page allows.
        QSize size = QLabel::minimumSizeHint();
        size.setWidth(std::min(size.width(), fontMetrics().averageCharWidth() * 8));
        return size;
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        if (!isCut()) {
            QLabel::paintEvent(event);
            return;
        }
        QPainter painter(this);
        const QRect room = contentsRect();
        style()->drawItemText(&painter, room, int(alignment()), palette(), isEnabled(),
                              fontMetrics().elidedText(text(), Qt::ElideRight, room.width()), foregroundRole());
    }

    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        sayWhole();
    }
};

void setNotice(QLabel *label, const QString &text)
{
    label->setText(text);
    if (auto *notice = dynamic_cast<NoticeLabel *>(label))
        notice->sayWhole();
}

void clearPassing(QLabel *label)
{
    setNotice(label, label->property(kLasting).toString());
}

QStatusBar *statusBarOf(QWidget *from)
{
    auto *window = qobject_cast<QMainWindow *>(from ? from->window() : nullptr);
    return window ? window->statusBar() : nullptr;
}

QLabel *noticeOf(QWidget *from)
{
    QStatusBar *bar = statusBarOf(from);
    return bar ? bar->findChild<QLabel *>(kNoticeName) : nullptr;
}

QLabel *readOnlyOf(QWidget *from)
{
    QStatusBar *bar = statusBarOf(from);
    return bar ? bar->findChild<QLabel *>(kReadOnlyName) : nullptr;
}
} // namespace

void installStatusNotice(QMainWindow *window)
{
    auto *label = new NoticeLabel(window->statusBar());
    label->setObjectName(kNoticeName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *timer = new QTimer(label);
    timer->setSingleShot(true);
    timer->setInterval(kStatusNoticeMs);
    QObject::connect(timer, &QTimer::timeout, label, [label] { clearPassing(label); });
    window->statusBar()->addWidget(label, 1);

    // Said as the window's title says it ("[read-only]"), in a frame of its
    // own so that it reads as a state, not a message.
    auto *readOnly = new QLabel(QCoreApplication::translate("owb::StatusNotice", "Read-only"), window->statusBar());
    readOnly->setObjectName(kReadOnlyName);
    readOnly->setFrameShape(QFrame::StyledPanel);
    readOnly->setMargin(1);
    QFont bold = readOnly->font();
    bold.setBold(true);
    readOnly->setFont(bold);
    readOnly->hide();
    window->statusBar()->addPermanentWidget(readOnly);
}

void showStatusNotice(QWidget *from, const QString &message, bool lasting)
{
    QLabel *label = noticeOf(from);
    if (!label)
        return;
    setNotice(label, message);
    if (lasting)
        label->setProperty(kLasting, message);
    else if (auto *timer = label->findChild<QTimer *>())
        timer->start();
}

void clearStatusNotice(QWidget *from, bool all)
{
    QLabel *label = noticeOf(from);
    if (label && all)
        label->setProperty(kLasting, QString());
    if (label)
        clearPassing(label);
    if (all)
        showReadOnly(from, QString());
}

void showReadOnly(QWidget *from, const QString &why)
{
    if (QLabel *readOnly = readOnlyOf(from)) {
        readOnly->setToolTip(why);
        readOnly->setAccessibleDescription(why);
        readOnly->setVisible(!why.isEmpty());
    }
    if (!why.isEmpty())
        showStatusNotice(from, why, true);
}

} // namespace owb
