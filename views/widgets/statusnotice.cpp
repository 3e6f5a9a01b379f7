#include "statusnotice.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QPainter>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>

namespace owb {

namespace {
const QString kNoticeName = QStringLiteral("statusNotice");
const QString kReadOnlyBarName = QStringLiteral("readOnlyBar");
const QString kReadOnlyName = QStringLiteral("readOnlyIndicator");
const QString kReasonName = QStringLiteral("readOnlyReason");
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

// A lasting status (a team workspace's connection): its tip says it whole
// always (the caller sets it), drawn cut short with "…" at its start where
// the status bar is narrower (its state and the role to ask for, at its end,
// kept), never below `minChars` characters' room (tester, issue 14: "access
// withdrawn: ask for the owb_north_e" cut mid-word at 800 px).
class ElidedLabel : public QLabel
{
public:
    ElidedLabel(int minChars, QWidget *parent) : QLabel(parent), m_minChars(minChars) {}

    QSize minimumSizeHint() const override
    {
        QSize size = QLabel::minimumSizeHint();
        size.setWidth(std::min(size.width(), fontMetrics().averageCharWidth() * m_minChars
                                                 + contentsMargins().left() + contentsMargins().right()));
        return size;
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        const QRect room = contentsRect();
        if (fontMetrics().horizontalAdvance(text()) <= room.width()) {
            QLabel::paintEvent(event);
            return;
        }
        QPainter painter(this);
        style()->drawItemText(&painter, room, int(alignment()), palette(), isEnabled(),
                              fontMetrics().elidedText(text(), Qt::ElideLeft, room.width()), foregroundRole());
    }

private:
    int m_minChars;
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

QWidget *readOnlyBarOf(QWidget *from)
{
    QWidget *window = from ? from->window() : nullptr;
    return window ? window->findChild<QWidget *>(kReadOnlyBarName) : nullptr;
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

QWidget *createReadOnlyBar(QWidget *parent)
{
    auto *bar = new QFrame(parent);
    bar->setObjectName(kReadOnlyBarName);
    bar->setFrameShape(QFrame::StyledPanel);
    // Tinted with the selection colour, as a desktop's message bar is: set
    // apart from the page, its text the window's.
    QPalette palette = bar->palette();
    const QColor window = palette.color(QPalette::Window);
    const QColor tint = palette.color(QPalette::Highlight);
    const auto mix = [](int a, int b) { return (a * 4 + b) / 5; };
    palette.setColor(QPalette::Window,
                     QColor(mix(window.red(), tint.red()), mix(window.green(), tint.green()), mix(window.blue(), tint.blue())));
    bar->setPalette(palette);
    bar->setAutoFillBackground(true);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(8, 4, 8, 4);
    row->setSpacing(8);
    auto *state = new QLabel(QCoreApplication::translate("owb::StatusNotice", "Read-only"), bar);
    state->setObjectName(kReadOnlyName);
    QFont bold = state->font();
    bold.setBold(true);
    state->setFont(bold);
    row->addWidget(state, 0, Qt::AlignTop);
    auto *reason = new QLabel(bar);
    reason->setObjectName(kReasonName);
    reason->setTextFormat(Qt::PlainText);
    reason->setWordWrap(true);  // never cut, however narrow the window
    reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    reason->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    row->addWidget(reason, 1);
    bar->hide();
    return bar;
}

void showReadOnly(QWidget *from, const QString &why)
{
    QWidget *bar = readOnlyBarOf(from);
    if (!bar)
        return;
    auto *state = bar->findChild<QLabel *>(kReadOnlyName);
    state->setToolTip(why);
    state->setAccessibleDescription(why);
    bar->findChild<QLabel *>(kReasonName)->setText(why);
    bar->setVisible(!why.isEmpty());
}

QLabel *createElidedLabel(int minChars, QWidget *parent)
{
    return new ElidedLabel(minChars, parent);
}

} // namespace owb
