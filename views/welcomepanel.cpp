#include "welcomepanel.h"

#include "store/serveraddress.h"
#include "store/storeerror.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace owb {

namespace {
// A readable line length for the start page's text, in average characters.
constexpr int kColumnChars = 80;

QLabel *heading(const QString &text, qreal scale, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    label->setFont(font);
    label->setWordWrap(true);
    return label;
}

QCommandLinkButton *startButton(const QString &title, const QString &description, QWidget *parent)
{
    auto *button = new QCommandLinkButton(title, description, parent);
    button->setAccessibleDescription(description);
    return button;
}

// Enter and Return press a start button, as they do in a dialog (outside one
// a push button only answers the space bar).
class EnterPresses : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key == Qt::Key_Return || key == Qt::Key_Enter) {
                static_cast<QAbstractButton *>(watched)->animateClick();
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }
};
} // namespace

WelcomePanel::WelcomePanel(QWidget *parent)
    : QWidget(parent), m_recentColumn(new QVBoxLayout), m_enterPresses(new EnterPresses(this))
{
    // The style draws no focus frame around a command link: a person moving
    // through the page with Tab must see where they are.
    setStyleSheet(QStringLiteral("QCommandLinkButton:focus { border: 2px solid palette(highlight); "
                                 "border-radius: 4px; }"));
    // The column scrolls rather than clips: at 200% scaling in a small window
    // every line stays readable. Labels wrap to the column's width, which the
    // layout gives them as height-for-width (no alignment flags on the column:
    // an aligned item gets its size hint, and wrapped text then overlaps).
    auto *column = new QWidget;
    column->setMaximumWidth(column->fontMetrics().averageCharWidth() * kColumnChars);
    auto *layout = new QVBoxLayout(column);
    layout->setSpacing(column->fontMetrics().height() / 2);

    layout->addWidget(heading(tr("Oversight Workbench"), 2.0, column));
    auto *intro = new QLabel(tr("Segmentation, peer benchmarking and casework for the NHS Oversight Framework: "
                                "every trust's segment and the metrics behind it, compared with its national peers, "
                                "beside the region's capability assessments, diagnostic reviews and Recovery Support "
                                "Programme casework. Open a workspace to begin."),
                             column);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    layout->addSpacing(column->fontMetrics().height());
    layout->addWidget(heading(tr("Start"), 1.25, column));
    auto *demo = startButton(tr("Open the demo workspace"),
                             tr("An invented national dataset with the case files of one region, to try every view."),
                             column);
    auto *open = startButton(tr("Open a workspace folder..."),
                             tr("A folder of case files that you or a colleague made before."), column);
    auto *create = startButton(tr("Create a workspace from a metric file..."),
                               tr("Import a CSV of metric values (ours or NHS England's published layout) into a "
                                  "new folder, following every organisation or one region."),
                               column);
    connect(demo, &QCommandLinkButton::clicked, this, &WelcomePanel::openDemoRequested);
    connect(open, &QCommandLinkButton::clicked, this, &WelcomePanel::openWorkspaceRequested);
    connect(create, &QCommandLinkButton::clicked, this, &WelcomePanel::createFromCsvRequested);
    for (QCommandLinkButton *button : {demo, open, create}) {
        button->installEventFilter(m_enterPresses);
        layout->addWidget(button);
    }

    layout->addSpacing(column->fontMetrics().height());
    layout->addWidget(heading(tr("Recent workspaces"), 1.25, column));
    layout->addLayout(m_recentColumn);
    layout->addStretch(1);

    auto *page = new QWidget;
    auto *row = new QHBoxLayout(page);
    row->addStretch(1);
    row->addWidget(column, 100);
    row->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    setRecentWorkspaces({});
}

void WelcomePanel::setRecentWorkspaces(const QStringList &directories)
{
    while (QLayoutItem *item = m_recentColumn->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    auto *parent = m_recentColumn->parentWidget();
    if (directories.isEmpty()) {
        auto *none = new QLabel(tr("None yet: the workspaces you open will be listed here, to reopen with one click."),
                                parent);
        none->setWordWrap(true);
        m_recentColumn->addWidget(none);
        return;
    }
    for (const QString &directory : directories) {
        if (isServerUrl(directory)) {
            // A team workspace, remembered as its URL (never with a password).
            QString title = directory;
            try {
                title = parseServerUrl(directory).displayName();
            } catch (const StoreError &) {
            }
            auto *button = startButton(title, directory, parent);
            button->setAccessibleName(tr("Reopen %1").arg(title));
            connect(button, &QCommandLinkButton::clicked, this, [this, directory] { Q_EMIT recentRequested(directory); });
            button->installEventFilter(m_enterPresses);
            m_recentColumn->addWidget(button);
            continue;
        }
        const QString shown = QDir::toNativeSeparators(directory);
        const QFileInfo info(QDir::cleanPath(directory)); // "G/", remembered by an earlier version, is named "G"
        const bool present = info.isDir();
        auto *button = startButton(info.fileName(),
                                   present         ? shown
                                   : info.exists() ? tr("%1 (not a folder)").arg(shown)
                                                   : tr("%1 (no longer there)").arg(shown),
                                   parent);
        button->setEnabled(present);
        button->setAccessibleName(tr("Reopen %1").arg(info.fileName()));
        connect(button, &QCommandLinkButton::clicked, this, [this, directory] { Q_EMIT recentRequested(directory); });
        button->installEventFilter(m_enterPresses);
        m_recentColumn->addWidget(button);
    }
}

} // namespace owb
