#include "whatifpage.h"

#include "casework/casesession.h"
#include "casework/nationalcache.h"
#include "delegates/valuedelegate.h"
#include "itemmodels/whatifmodel.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace owb {

WhatIfPage::WhatIfPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new WhatIfModel(this))
    , m_table(new QTableView(this))
    , m_summary(new QGridLayout)
    , m_note(new QLabel(this))
    , m_deficit(new QCheckBox(tr("In &deficit or receiving deficit support"), this))
    , m_problems(new QLabel(this))
{
    auto *intro = new QLabel(tr("Type a different value in the <b>What-if value</b> column (choose a band for "
                                "banded metrics; empty for missing), or change whether the trust is in deficit. The "
                                "quarter is assessed again against the same peers; nothing is stored."),
                             this);
    intro->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("What-if metric values"));
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->setItemDelegateForColumn(WhatIfModel::WhatIfValue, new ValueDelegate(m_table));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(WhatIfModel::Metric, QHeaderView::Stretch);
    // A small grid: one row per result, actual beside what-if.
    const QStringList headings{QString(), tr("Actual"), tr("What-if")};
    const QStringList rows { tr("Average score"), tr("Delivery (raw) segment"), tr("Computed segment"),
        tr("Final segment"), tr("League rank") };
    for (int c = 0; c < headings.size(); ++c) {
        auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(headings.at(c)), this);
        m_summary->addWidget(label, 0, c, Qt::AlignRight);
    }
    for (int r = 0; r < rows.size(); ++r) {
        m_summary->addWidget(new QLabel(rows.at(r), this), r + 1, 0);
        for (int c = 1; c < 3; ++c) {
            auto *value = new QLabel(this);
            value->setMinimumWidth(60);
            value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_summary->addWidget(value, r + 1, c, Qt::AlignRight);
        }
    }
    m_summary->setColumnStretch(3, 1);
    auto *reset = new QPushButton(tr("&Reset to actual values"), this);
    connect(reset, &QPushButton::clicked, m_model, &WhatIfModel::resetScenario);
    connect(m_model, &WhatIfModel::resultChanged, this, &WhatIfPage::showSummary);
    // The finance override (framework.md §3 step 3) with the deficit off or on.
    m_deficit->setAccessibleName(tr("What-if: in deficit"));
    m_deficit->setToolTip(tr("Clear to see the segment if this trust were no longer in deficit; tick to see it in deficit"));
    connect(m_deficit, &QCheckBox::toggled, m_model, &WhatIfModel::setDeficit);
    m_problems->setAccessibleName(tr("What-if values not taken"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #da291c"));
    m_problems->setVisible(false);

    m_note->setWordWrap(true);
    m_note->setVisible(false);
    m_summary->addWidget(m_note, int(rows.size()) + 1, 0, 1, 4);
    auto *bottom = new QHBoxLayout;
    bottom->addLayout(m_summary, 1);
    bottom->addWidget(reset, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_deficit);
    layout->addLayout(bottom);
}

void WhatIfPage::setContext(const CaseContext &context)
{
    if (!context.isValid())
        return;
    const auto assessment = context.session->caseFile().assessment(context.quarter);
    m_final = context.session->casework().finalSegmentOf(
        context.quarter, assessment ? assessment->result.segment : 0);
    // Ranked as the league ranks: after the workspace's decisions, this case's
    // own as it stands now.
    QHash<QString, int> decided = context.decided;
    decided.remove(context.session->identity().code);
    if (m_final.decided() && m_final.segment > 0)
        decided.insert(context.session->identity().code, m_final.segment);
    m_model->setQuarter(context.national->methodologyFor(context.quarter), context.national->quarter(context.quarter),
                        context.session->identity().code, decided);
    showSummary();
}

void WhatIfPage::showSummary()
{
    const WhatIfResult &r = m_model->result();
    {
        const QSignalBlocker blocker(m_deficit);
        m_deficit->setChecked(m_model->deficit());
    }
    m_deficit->setEnabled(r.actual.isSegmented());
    const QStringList problems = m_model->problems();
    m_problems->setText(problems.isEmpty() ? QString()
                                           : tr("Not taken (the scores use the last value that was): %1")
                                                 .arg(problems.join(QStringLiteral(" "))));
    m_problems->setVisible(!problems.isEmpty());
    auto average = [](const OrganisationAssessment &a) {
        return a.isSegmented() ? formatHundredths(a.average) : QStringLiteral("\u2013");
    };
    auto number = [](int v) { return v > 0 ? QString::number(v) : QStringLiteral("\u2013"); };
    // A decided segment (a correction, or 5 in the programme) stays whatever
    // the scores: other values move the computed segment only. The rank is the
    // league's after decisions, so it agrees with the league table.
    const bool decided = m_final.decided();
    const QList<std::pair<QString, QString>> values { { average(r.actual), average(r.scenario) },
        { number(r.actual.rawSegment), number(r.scenario.rawSegment) },
        { number(r.actual.segment), number(r.scenario.segment) },
        { number(decided ? m_final.segment : r.actual.segment),
            number(decided ? m_final.segment : r.scenario.segment) },
        { number(r.actualRank), number(r.scenarioRank) } };
    m_note->setText(m_final.source == FinalSegment::Source::Programme
            ? tr("In the Recovery Support Programme: the final segment is 5 until an exit is recorded, "
                 "whatever the scores.")
            : m_final.source == FinalSegment::Source::Correction
            ? tr(
                "The final segment was decided by a correction: other values move the computed segment only.")
            : QString());
    m_note->setVisible(decided);
    for (int row = 0; row < values.size(); ++row) {
        const auto &[actual, scenario] = values.at(row);
        auto *actualLabel = static_cast<QLabel *>(m_summary->itemAtPosition(row + 1, 1)->widget());
        actualLabel->setText(actual);
        auto *label = static_cast<QLabel *>(m_summary->itemAtPosition(row + 1, 2)->widget());
        label->setText(actual == scenario ? scenario : QStringLiteral("<b>%1</b>").arg(scenario));
        // A screen reader hears the value with what it is ("Final segment, Actual: 5").
        const QString rowName
            = static_cast<QLabel *>(m_summary->itemAtPosition(row + 1, 0)->widget())->text();
        actualLabel->setAccessibleName(tr("%1, %2: %3").arg(rowName, tr("Actual"), actual));
        label->setAccessibleName(tr("%1, %2: %3").arg(rowName, tr("What-if"), scenario));
    }
}

} // namespace owb
