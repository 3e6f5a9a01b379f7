#include "leaguepanel.h"

#include "delegates/segmentdelegate.h"
#include "exchange/leaguewriter.h"
#include "framework/methodology.h"
#include "itemmodels/leaguemodel.h"
#include "widgets/csvexport.h"

#include <QComboBox>
#include <QRegularExpression>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace owb {

LeaguePanel::LeaguePanel(QWidget *parent)
    : QWidget(parent), m_peerType(new QComboBox(this)), m_model(new LeagueModel(this)), m_view(new QTableView(this))
{
    auto *back = new QToolButton(this);
    back->setText(tr("← Portfolio"));
    back->setAutoRaise(true);
    connect(back, &QToolButton::clicked, this, &LeaguePanel::backRequested);
    auto *label = new QLabel(tr("League table for &peer type:"), this);
    label->setBuddy(m_peerType);
    m_peerType->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_peerType, &QComboBox::currentIndexChanged, this, &LeaguePanel::refresh);
    auto *exportButton = new QPushButton(tr("&Export CSV..."), this);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString name = QStringLiteral("league-%1-%2.csv")
                                 .arg(m_peerType->currentData().toString(), QString(m_quarter).replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("-")));
        exportCsv(this, name, [this](QTextStream &out) { writeLeagueCsv(out, m_model->entries()); });
    });

    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("League table"));
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setItemDelegateForColumn(LeagueModel::Segment, new SegmentDelegate(m_view));
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(LeagueModel::Name, QHeaderView::Stretch);

    auto *top = new QHBoxLayout;
    top->addWidget(back);
    top->addWidget(label);
    top->addWidget(m_peerType);
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
                            const QHash<QString, int> &decided)
{
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
        return;
    }
    m_model->setEntries(leagueTable(*m_national, m_quarter, m_peerType->currentData().toString(), m_decided));
}

} // namespace owb
