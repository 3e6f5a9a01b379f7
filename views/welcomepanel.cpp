#include "welcomepanel.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace owb {

WelcomePanel::WelcomePanel(QWidget *parent) : QWidget(parent)
{
    auto *title = new QLabel(tr("Oversight Workbench"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("Segmentation, peer benchmarking and casework for the NHS Oversight Framework. "
                                "Open a workspace to begin."),
                             this);
    intro->setWordWrap(true);

    auto *demo = new QPushButton(tr("Open the &demo workspace"), this);
    demo->setToolTip(tr("An invented national dataset with the case files of one region"));
    auto *open = new QPushButton(tr("&Open a workspace folder..."), this);
    auto *create = new QPushButton(tr("&Create a workspace from a metric file..."), this);
    for (QPushButton *button : {demo, open, create})
        button->setMinimumHeight(button->sizeHint().height() * 3 / 2);
    connect(demo, &QPushButton::clicked, this, &WelcomePanel::openDemoRequested);
    connect(open, &QPushButton::clicked, this, &WelcomePanel::openWorkspaceRequested);
    connect(create, &QPushButton::clicked, this, &WelcomePanel::createFromCsvRequested);

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(16);
    column->addWidget(demo);
    column->addWidget(open);
    column->addWidget(create);
    auto *box = new QWidget(this);
    box->setLayout(column);
    box->setMaximumWidth(520);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(box, 0, Qt::AlignHCenter);
    layout->addStretch(2);
}

} // namespace owb
