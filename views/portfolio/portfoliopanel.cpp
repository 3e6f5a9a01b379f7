#include "portfoliopanel.h"

#include "delegates/segmentdelegate.h"
#include "exchange/portfoliowriter.h"
#include "itemmodels/itemroles.h"
#include "itemmodels/portfoliofilter.h"
#include "itemmodels/portfoliomodel.h"
#include "widgets/columnfit.h"
#include "widgets/csvexport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace owb {

PortfolioPanel::PortfolioPanel(QWidget *parent)
    : QWidget(parent),
      m_model(new PortfolioModel(this)),
      m_proxy(new PortfolioFilter(this)),
      m_view(new QTableView(this)),
      m_filter(new QLineEdit(this)),
      m_peerType(new QComboBox(this)),
      m_segment(new QComboBox(this)),
      m_needsAction(new QCheckBox(tr("&Needs action"), this)),
      m_count(new QLabel(this)),
      m_empty(new QLabel(this))
{
    m_empty->setWordWrap(true);
    m_empty->hide();
    m_proxy->setSourceModel(m_model);

    m_filter->setPlaceholderText(tr("Filter by code, name, peer type or region"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter case files"));
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text);
        updateCount();
    });
    // Ctrl+F to the filter; Enter there opens the only match, or takes the
    // keyboard to the first of several.
    auto *find = new QShortcut(QKeySequence::Find, this, m_filter, qOverload<>(&QLineEdit::setFocus),
        Qt::WidgetWithChildrenShortcut);
    find->setObjectName(QStringLiteral("findShortcut"));
    m_filter->setToolTip(tr("Filter (%1); Enter opens the only match or moves to the first")
                             .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        if (m_proxy->rowCount() == 0)
            return;
        const QModelIndex first = m_proxy->index(0, 0);
        if (m_proxy->rowCount() == 1) {
            Q_EMIT caseActivated(first.data(PathRole).toString(), first.data(CodeRole).toString());
            return;
        }
        m_view->setCurrentIndex(first);
        m_view->setFocus();
    });
    m_peerType->setAccessibleName(tr("Peer type filter"));
    connect(m_peerType, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setPeerType(m_peerType->currentData().toString());
        updateCount();
    });
    m_segment->setAccessibleName(tr("Segment filter"));
    m_segment->addItem(tr("All segments"), -1);
    for (int segment = 1; segment <= 5; ++segment)
        m_segment->addItem(tr("Segment %1").arg(segment), segment);
    m_segment->addItem(tr("Not segmented"), 0);
    m_segment->addItem(tr("Changed this quarter"), PortfolioFilter::kChanged);
    connect(m_segment, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setSegment(m_segment->currentData().toInt());
        updateCount();
    });
    // The trusts the region has to act on this quarter (casework/needsaction
    // says why; the column shows it).
    m_needsAction->setAccessibleName(tr("Needs action only"));
    m_needsAction->setToolTip(tr("Show only the organisations that need action this quarter: segment 4 with no diagnostic "
                                 "review, a segment-4 quarter not yet decided, overdue items or off trajectory"));
    connect(m_needsAction, &QCheckBox::toggled, this, [this](bool only) {
        m_proxy->setNeedsActionOnly(only);
        updateCount();
    });
    auto *exportButton = new QPushButton(tr("&Export CSV..."), this);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        QList<PortfolioEntry> shown;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            shown.append(m_model->entry(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
        exportCsv(this, portfolioFileName(shown),
                  [this, &shown](QTextStream &out) { writePortfolioCsv(out, shown, m_model->ratingNames()); });
    });

    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Case files"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(PortfolioModel::Code, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    // Every header and cell read whole: the columns fit their contents, and
    // where the window is too narrow for one line each, the widest text
    // columns wrap between words first (rows grow; widgets/columnfit).
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    new ColumnFitter(m_view,
                     {{PortfolioModel::PeerType, 60, 240}, {PortfolioModel::Capability, 60, 200},
                      {PortfolioModel::Movement, 80, 260}, {PortfolioModel::LastChange, 60, 160},
                      {PortfolioModel::Casework, 80, 320}, {PortfolioModel::NeedsAction, 80, 320}},
                     {PortfolioModel::Name, 140, 360});
    m_view->setItemDelegateForColumn(PortfolioModel::Segment, new SegmentDelegate(m_view));
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT caseActivated(index.data(PathRole).toString(), index.data(CodeRole).toString());
    });

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_peerType);
    filters->addWidget(m_segment);
    filters->addWidget(m_needsAction);
    filters->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_empty);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);
}

void PortfolioPanel::setEntries(const QList<PortfolioEntry> &entries, const QHash<QString, QString> &peerTypeNames,
                                const QHash<QString, QString> &ratingNames)
{
    m_model->setEntries(entries, peerTypeNames, ratingNames);
    const QString current = m_peerType->currentData().toString();
    const QSignalBlocker blocker(m_peerType);
    m_peerType->clear();
    m_peerType->addItem(tr("All peer types"), QString());
    QStringList ids = peerTypeNames.keys();
    ids.sort();
    for (const QString &id : std::as_const(ids))
        m_peerType->addItem(peerTypeNames.value(id), id);
    m_peerType->setCurrentIndex(qMax(0, m_peerType->findData(current)));
    updateCount();
}

void PortfolioPanel::updateCount()
{
    m_count->setText((m_team ? tr("%1 of %n case(s) shown", nullptr, m_model->rowCount())
                             : tr("%1 of %n case file(s) shown", nullptr, m_model->rowCount()))
                         .arg(m_proxy->rowCount()));
    // Filtered to nothing: say so and what to change, not an empty grid.
    QStringList filters;
    // The typed text quoted up to 40 characters: a long one with no spaces
    // cannot wrap, and once widened the window to 32,767 pixels.
    QString typed = m_filter->text().trimmed();
    if (typed.size() > 40) {
        qsizetype cut = 40;
        if (typed.at(cut - 1).isHighSurrogate())
            --cut;
        typed = typed.left(cut) + QChar(0x2026);
    }
    if (!typed.isEmpty())
        filters.append(tr("\"%1\"").arg(typed));
    if (!m_peerType->currentData().toString().isEmpty())
        filters.append(m_peerType->currentText());
    if (m_segment->currentData().toInt() != -1)
        filters.append(m_segment->currentText());
    if (m_needsAction->isChecked())
        filters.append(tr("needs action"));
    const bool none = m_model->rowCount() > 0 && m_proxy->rowCount() == 0;
    m_empty->setText(none ? tr("No organisation matches %1. Clear the filter or choose another to see the %n case "
                               "file(s).",
                               nullptr, m_model->rowCount())
                                .arg(filters.join(tr(", ")))
                          : QString());
    m_empty->setVisible(none);
}

} // namespace owb
