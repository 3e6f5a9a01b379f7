#include "leaguepanel.h"

#include "delegates/segmentdelegate.h"
#include "exchange/leaguewriter.h"
#include "framework/methodology.h"
#include "itemmodels/itemroles.h"
#include "itemmodels/leaguemodel.h"
#include "store/portfolio.h"
#include "store/storeerror.h"
#include "widgets/columnfit.h"
#include "widgets/csvexport.h"

#include <QComboBox>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace owb {

LeaguePanel::LeaguePanel(QWidget *parent)
    : QWidget(parent),
      m_peerType(new QComboBox(this)),
      m_region(new QComboBox(this)),
      m_highlight(new QComboBox(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_model(new LeagueModel(this)),
      m_view(new QTableView(this))
{
    auto *back = new QToolButton(this);
    back->setText(tr("← Portfolio"));
    back->setAutoRaise(true);
    connect(back, &QToolButton::clicked, this, &LeaguePanel::backRequested);
    auto *label = new QLabel(tr("League table for &peer type:"), this);
    label->setBuddy(m_peerType);
    m_peerType->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_peerType, &QComboBox::currentIndexChanged, this, &LeaguePanel::refresh);
    // A region's rows only, or all of them with one region's standing out.
    m_region->setAccessibleName(tr("Region filter"));
    m_region->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_highlight->setAccessibleName(tr("Highlight region"));
    m_highlight->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(LeagueModel::Region);
    connect(m_region, &QComboBox::currentIndexChanged, this, &LeaguePanel::applyRegions);
    connect(m_highlight, &QComboBox::currentIndexChanged, this, &LeaguePanel::applyRegions);
    auto *exportButton = new QPushButton(tr("&Export CSV..."), this);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        QList<LeagueEntry> shown;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            shown.append(m_model->entries().at(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
        exportCsv(this, leagueFileName(m_quarter, m_peerType->currentText()),
                  [this, shown](QTextStream &out) { writeLeagueCsv(out, shown, m_peerTypeNames, m_ratingNames); });
    });

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(LeagueModel::Rank, Qt::AscendingOrder);
    m_view->setAccessibleName(tr("League table"));
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setItemDelegateForColumn(LeagueModel::Segment, new SegmentDelegate(m_view));
    // The organisation's name gets the room: the other columns fit what they
    // hold (a near-empty one stays narrow) and wrap between words before the
    // name is cut short (widgets/columnfit, as the portfolio).
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    new ColumnFitter(m_view,
                     {{LeagueModel::Region, 60, 220}, {LeagueModel::Deficit, 60, 160}, {LeagueModel::ToNext, 60, 200},
                      {LeagueModel::Capability, 60, 200}, {LeagueModel::Casework, 60, 260}},
                     {LeagueModel::Name, 180, 420});

    auto *top = new QHBoxLayout;
    top->addWidget(back);
    top->addWidget(label);
    top->addWidget(m_peerType);
    auto *regionLabel = new QLabel(tr("&Region:"), this);
    regionLabel->setBuddy(m_region);
    top->addWidget(regionLabel);
    top->addWidget(m_region);
    auto *highlightLabel = new QLabel(tr("&Highlight:"), this);
    highlightLabel->setBuddy(m_highlight);
    top->addWidget(highlightLabel);
    top->addWidget(m_highlight);
    top->addStretch();
    top->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    // The quarter's own year's methodology (its peer types, thresholds and segments).
    m_methodology = new QLabel(this);
    m_methodology->setWordWrap(true);
    layout->addWidget(m_methodology);
    layout->addWidget(m_view, 1);
}

void LeaguePanel::setSource(NationalCache *national, const Methodology *methodology, const QString &quarter,
                            const QHash<QString, int> &decided, const QList<PortfolioEntry> &portfolio)
{
    m_portfolio = portfolio;
    m_peerTypeNames.clear();
    m_ratingNames.clear();
    if (methodology) {
        for (const PeerType &type : methodology->peerTypes())
            m_peerTypeNames.insert(type.id, type.name);
        for (const NamedItem &rating : methodology->capabilityRatings())
            m_ratingNames.insert(rating.id, rating.name);
    }
    m_national = national;
    m_quarter = quarter;
    m_methodology->setText(methodology ? tr("%1 under %2 (%3)").arg(quarter, methodology->id(), methodology->title())
                                       : QString());
    m_decided = decided;
    const QString current = m_peerType->currentData().toString();
    {
        const QSignalBlocker blocker(m_peerType);
        m_peerType->clear();
        if (methodology)
            for (const PeerType &type : methodology->peerTypes())
                if (type.segmented)  // no league for ICBs in 2025/26
                    m_peerType->addItem(type.name, type.id);
        m_peerType->setCurrentIndex(qMax(0, m_peerType->findData(current)));
    }
    refresh();
}

void LeaguePanel::refresh()
{
    if (!m_national || m_quarter.isEmpty()) {
        m_model->setEntries({});
        fillRegions();
        return;
    }
    QList<LeagueEntry> entries;
    try {
        entries = leagueTable(*m_national, m_quarter, m_peerType->currentData().toString(), m_decided);
    } catch (const StoreError &error) {
        // The national data could not be read (a team workspace's
        // connection lost): said, the table shown kept.
        QMessageBox::warning(this, tr("The league table was not read"), error.message());
        return;
    }
    addCaseworkTo(entries, m_portfolio);
    m_model->setEntries(entries, m_ratingNames);
    fillRegions();
}

// The regions of the rows, keeping the choices made where they still apply.
void LeaguePanel::fillRegions()
{
    QStringList regions;
    for (const LeagueEntry &entry : m_model->entries())
        if (!entry.region.isEmpty() && !regions.contains(entry.region))
            regions.append(entry.region);
    regions.sort(Qt::CaseInsensitive);
    for (auto [box, all] : {std::pair{m_region, tr("All regions")}, std::pair{m_highlight, tr("No highlight")}}) {
        const QString current = box->currentData().toString();
        {
            const QSignalBlocker blocker(box);
            box->clear();
            box->addItem(all, QString());
            for (const QString &region : std::as_const(regions))
                box->addItem(region, region);
            box->setCurrentIndex(qMax(0, box->findData(current)));
        }
    }
    applyRegions();
}

void LeaguePanel::applyRegions()
{
    const QString region = m_region->currentData().toString();
    m_proxy->setFilterRegularExpression(region.isEmpty() ? QString()
                                                         : QLatin1Char('^') + QRegularExpression::escape(region) + QLatin1Char('$'));
    m_model->setHighlightRegion(m_highlight->currentData().toString());
}

} // namespace owb
