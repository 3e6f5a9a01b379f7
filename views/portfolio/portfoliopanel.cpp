#include "portfoliopanel.h"

#include "delegates/segmentdelegate.h"
#include "itemmodels/itemroles.h"
#include "itemmodels/portfoliomodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace owb {

PortfolioPanel::PortfolioPanel(QWidget *parent)
    : QWidget(parent),
      m_model(new PortfolioModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this)),
      m_filter(new QLineEdit(this)),
      m_count(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_proxy->setFilterRole(FilterTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setPlaceholderText(tr("Filter by code, name, peer type or region"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter case files"));
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        updateCount();
    });

    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Case files"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(PortfolioModel::Code, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(PortfolioModel::Name, QHeaderView::Stretch);
    m_view->setItemDelegateForColumn(PortfolioModel::Segment, new SegmentDelegate(m_view));
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT caseActivated(index.data(PathRole).toString());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);
}

void PortfolioPanel::setEntries(const QList<PortfolioEntry> &entries, const QHash<QString, QString> &peerTypeNames)
{
    m_model->setEntries(entries, peerTypeNames);
    updateCount();
}

void PortfolioPanel::updateCount()
{
    m_count->setText(tr("%n case file(s) shown", nullptr, m_proxy->rowCount()));
}

} // namespace owb
