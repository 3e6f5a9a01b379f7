#include "changespanel.h"

#include "delegates/segmentdelegate.h"
#include "exchange/changeswriter.h"
#include "itemmodels/changesmodel.h"
#include "itemmodels/itemroles.h"
#include "widgets/csvexport.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace owb {

ChangesPanel::ChangesPanel(QWidget *parent)
    : QWidget(parent), m_model(new ChangesModel(this)), m_view(new QTableView(this)), m_title(new QLabel(this))
{
    auto *back = new QToolButton(this);
    back->setText(tr("← Portfolio"));
    back->setAutoRaise(true);
    connect(back, &QToolButton::clicked, this, &ChangesPanel::backRequested);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    auto *exportButton = new QPushButton(tr("&Export CSV..."), this);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString name = QStringLiteral("changes-%1.csv")
                                 .arg(QString(m_quarter).replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("-")));
        exportCsv(this, name, [this](QTextStream &out) { writeChangesCsv(out, m_model->entries()); });
    });

    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Changes this quarter"));
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(true);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setItemDelegateForColumn(ChangesModel::From, new SegmentDelegate(m_view));
    m_view->setItemDelegateForColumn(ChangesModel::To, new SegmentDelegate(m_view));
    // The short columns fit their contents; the names and the reason wrap
    // within a width of their own, so that what lies behind a move (the
    // longest text) keeps the rest of the width and reads in a few lines.
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    const int character = m_view->fontMetrics().averageCharWidth();
    for (const auto &[column, characters] : {std::pair{ChangesModel::Name, 32}, std::pair{ChangesModel::PeerType, 16},
                                             std::pair{ChangesModel::Reason, 22}}) {
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        m_view->setColumnWidth(column, characters * character);
    }
    header->setSectionResizeMode(ChangesModel::Detail, QHeaderView::Stretch);
    header->setMinimumSectionSize(6 * character);
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &index) {
                Q_EMIT caseRequested(index.data(PathRole).toString(), index.data(CodeRole).toString());
            });

    auto *top = new QHBoxLayout;
    top->addWidget(back);
    top->addWidget(m_title, 1);
    top->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
}

void ChangesPanel::setEntries(const QList<PortfolioEntry> &entries, const QHash<QString, QString> &peerTypeNames)
{
    m_model->setEntries(entries, peerTypeNames);
    m_quarter = entries.isEmpty() ? QString() : entries.first().quarter;
    QString previous;
    for (const PortfolioEntry &e : entries)
        if (!e.previousQuarter.isEmpty())
            previous = e.previousQuarter;
    m_title->setText(previous.isEmpty()
                         ? tr("No earlier quarter to compare %1 with.").arg(m_quarter)
                         : tr("%n organisation(s) changed segment between %1 and %2", nullptr, m_model->rowCount())
                               .arg(previous, m_quarter));
}

} // namespace owb
