#include "whatifpage.h"

#include "casework/casesession.h"
#include "casework/nationalcache.h"
#include "itemmodels/whatifmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace owb {

WhatIfPage::WhatIfPage(QWidget *parent)
    : QWidget(parent), m_model(new WhatIfModel(this)), m_table(new QTableView(this)), m_summary(new QLabel(this))
{
    auto *intro = new QLabel(tr("Type a different value in the <b>What-if value</b> column (a band label for "
                                "banded metrics, empty for missing). The quarter is assessed again against the "
                                "same peers; nothing is stored."),
                             this);
    intro->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("What-if metric values"));
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(WhatIfModel::Metric, QHeaderView::Stretch);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAccessibleName(tr("What-if result"));
    auto *reset = new QPushButton(tr("&Reset to actual values"), this);
    connect(reset, &QPushButton::clicked, m_model, &WhatIfModel::resetScenario);
    connect(m_model, &WhatIfModel::resultChanged, this, &WhatIfPage::showSummary);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(reset, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
}

void WhatIfPage::setContext(const CaseContext &context)
{
    if (!context.isValid())
        return;
    m_model->setQuarter(context.session->methodology(), context.national->quarter(context.quarter),
                        context.session->identity().code);
}

void WhatIfPage::showSummary()
{
    const WhatIfResult &r = m_model->result();
    auto average = [](const OrganisationAssessment &a) {
        return a.isSegmented() ? formatHundredths(a.average) : QStringLiteral("\u2013");
    };
    auto number = [](int v) { return v > 0 ? QString::number(v) : QStringLiteral("\u2013"); };
    auto row = [](const QString &label, const QString &actual, const QString &scenario) {
        const bool changed = actual != scenario;
        return QStringLiteral("<tr><td>%1</td><td align=right>%2</td><td align=right>%3%4%5</td></tr>")
            .arg(label, actual, changed ? QStringLiteral("<b>") : QString(), scenario,
                 changed ? QStringLiteral("</b>") : QString());
    };
    m_summary->setText(QStringLiteral("<table cellspacing=0 cellpadding=3><tr><th></th><th>%1</th><th>%2</th></tr>")
                           .arg(tr("Actual"), tr("What-if"))
                       + row(tr("Average score"), average(r.actual), average(r.scenario))
                       + row(tr("Delivery (raw) segment"), number(r.actual.rawSegment), number(r.scenario.rawSegment))
                       + row(tr("Segment"), number(r.actual.segment), number(r.scenario.segment))
                       + row(tr("League rank"), number(r.actual.rank), number(r.scenario.rank))
                       + QStringLiteral("</table>"));
}

} // namespace owb
