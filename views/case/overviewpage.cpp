#include "overviewpage.h"

#include "casework/historytext.h"

#include "casework/casesession.h"
#include "casework/casework.h"
#include "casework/nationalcache.h"
#include "casework/metricview.h"
#include "casework/segmentexplanation.h"
#include "casework/trajectory.h"
#include "data/quarterlabel.h"
#include "store/portfolio.h"
#include "casework/sentence.h"
#include "charts/domainchart.h"
#include "charts/segmenthistorychart.h"
#include "delegates/segmentdelegate.h"
#include "itemmodels/dateformat.h"

#include <QCheckBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTableWidget>

namespace owb {

OverviewPage::OverviewPage(QWidget *parent)
    : QWidget(parent),
      m_segment(new QLabel(this)),
      m_segmentLabel(new QLabel(this)),
      m_howReached(new QLabel(this)),
      m_toNext(new QLabel(this)),
      m_provenance(new QLabel(this)),
      m_history(new SegmentHistoryChart(this)),
      m_domains(new DomainChart(this)),
      m_historyTable(new QTableWidget(this)),
      m_domainTable(new QTableWidget(this)),
      m_charts(new QWidget(this))
{
    m_segment->setAlignment(Qt::AlignCenter);
    m_segment->setMinimumSize(120, 72);
    QFont big = m_segment->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_segment->setFont(big);
    QFont labelFont = m_segmentLabel->font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 1.2);
    labelFont.setBold(true);
    m_segmentLabel->setFont(labelFont);
    for (QLabel *label : {m_segmentLabel, m_howReached, m_toNext, m_provenance}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    m_provenance->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto *text = new QVBoxLayout;
    text->addWidget(m_segmentLabel);
    text->addWidget(m_howReached);
    text->addWidget(m_toNext);
    text->addWidget(m_provenance);
    text->addStretch();
    auto *top = new QHBoxLayout;
    top->addWidget(m_segment, 0, Qt::AlignTop);
    top->addLayout(text, 1);
    // The charts' table equivalents, for keyboard and screen-reader users.
    m_historyTable->setAccessibleName(tr("Segment by quarter, as a table"));
    m_historyTable->setColumnCount(4);
    m_historyTable->setHorizontalHeaderLabels({tr("Quarter"), tr("Segment"), tr("Average score"), tr("Methodology")});
    m_domainTable->setAccessibleName(tr("Domain scores, as a table"));
    m_domainTable->setColumnCount(4);
    m_domainTable->setHorizontalHeaderLabels({tr("Domain"), tr("Score"), tr("Domain segment"), tr("Peer median")});
    for (QTableWidget *table : {m_historyTable, m_domainTable}) {
        table->verticalHeader()->hide();
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    }
    auto *historyStack = new QStackedWidget(this);
    // The chart with the numbered key of its changes of methodology under it.
    auto *chartWithKey = new QWidget(this);
    auto *chartColumn = new QVBoxLayout(chartWithKey);
    chartColumn->setContentsMargins(0, 0, 0, 0);
    chartColumn->addWidget(m_history, 1);
    m_historyKey = new QLabel(chartWithKey);
    m_historyKey->setWordWrap(true);
    // No accessible name of its own: a screen reader reads what it says.
    m_historyKey->setAccessibleDescription(tr("Methodology changes in the segment history"));
    m_historyKey->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    chartColumn->addWidget(m_historyKey);
    historyStack->addWidget(chartWithKey);
    historyStack->addWidget(m_historyTable);
    auto *domainStack = new QStackedWidget(this);
    domainStack->addWidget(m_domains);
    domainStack->addWidget(m_domainTable);
    auto *asTables = new QCheckBox(tr("Show the charts as &tables"), this);
    connect(asTables, &QCheckBox::toggled, this, [historyStack, domainStack](bool on) {
        historyStack->setCurrentIndex(on ? 1 : 0);
        domainStack->setCurrentIndex(on ? 1 : 0);
    });

    auto *charts = new QHBoxLayout(m_charts);
    charts->setContentsMargins(0, 0, 0, 0);
    charts->addWidget(historyStack, 1);
    charts->addWidget(domainStack, 1);
    m_asTables = asTables;
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_charts, 1);
    layout->addWidget(asTables, 0, Qt::AlignRight);
    layout->addStretch();
}

void OverviewPage::setContext(const CaseContext &context)
{
    if (!context.isValid())
        return;
    CaseFile &caseFile = context.session->caseFile();
    // The quarter's own year's rules: labels, whether the type is segmented.
    const Methodology &methodology = context.national->methodologyFor(context.quarter);
    const auto assessment = caseFile.assessment(context.quarter);
    const PeerType *type = methodology.peerType(context.session->identity().peerType);
    // The final segment (CaseworkStore::finalSegmentOf), the one the badge,
    // the words and the history all show.
    CaseworkStore &casework = context.session->casework();
    const FinalSegment finalSegment
        = casework.finalSegmentOf(context.quarter, assessment ? assessment->result.segment : 0);
    const int segment = finalSegment.segment;
    m_segment->setText(segment > 0 ? tr("Segment\n%1").arg(segment) : tr("Not\nsegmented"));
    m_segment->setAccessibleName(m_segment->text().replace(QLatin1Char('\n'), QLatin1Char(' ')));
    m_segment->setStyleSheet(QStringLiteral("background: %1; color: %2; border-radius: 10px; padding: 8px;")
                                 .arg(SegmentDelegate::background(segment).name(),
                                      SegmentDelegate::foreground(segment).name()));
    m_segmentLabel->setText(segment > 0              ? methodology.segmentLabel(segment)
                            : type && !type->segmented ? tr("Not segmented in this framework year")
                                                       : tr("No assessment for %1").arg(context.quarter));
    const bool inProgramme = casework.programmeIn(context.quarter) > 0;
    // In the programme in a year that has no programme segment: said, and
    // the segment stays the computed (or corrected) one.
    const QString noProgrammeSegment
        = finalSegment.programmeWithoutSegment
              ? tr("In the %1 since %2; %3 has no programme segment.")
                    .arg(context.national->programmeNameIn(context.quarter),
                         casework.field(programmeTable(), casework.programmeIn(context.quarter),
                                        QStringLiteral("entry_quarter")),
                         yearOfQuarter(context.quarter))
              : QString();
    if (!noProgrammeSegment.isEmpty())
        m_segmentLabel->setText(m_segmentLabel->text() + QLatin1Char('\n') + noProgrammeSegment);
    else if (segment == 0 && inProgramme)
        m_segmentLabel->setText(m_segmentLabel->text() + QLatin1Char('\n')
            + tr("In the %1 (equivalent to segment 5)").arg(context.national->programmeNameIn(context.quarter)));
    if (assessment) {
        const SegmentExplanation explanation = explainSegment(*assessment, context.peerTypeName,
                                                              type ? type->notSegmented : QString());
        m_howReached->setText(explanation.howReached);
        m_toNext->setText(explanation.toNextSegment);
        if (finalSegment.source == FinalSegment::Source::Correction) {
            m_howReached->setText(explanation.howReached + QLatin1Char(' ')
                + tr("Decision: corrected from segment %1 to segment %2 (%3).")
                      .arg(finalSegment.computed)
                      .arg(finalSegment.segment)
                      .arg(withoutFinalStop(finalSegment.rationale)));
            m_toNext->setText(
                tr("Segment %1 is a recorded decision for %2; the scores alone give segment %3.")
                    .arg(finalSegment.segment)
                    .arg(context.quarter)
                    .arg(finalSegment.computed));
        } else if (finalSegment.source == FinalSegment::Source::Programme) {
            m_howReached->setText(explanation.howReached + QLatin1Char(' ')
                + tr("In the %1: segment 5 until an exit is recorded.").arg(methodology.programmeName()));
            m_toNext->setText(tr(
                "No change in the scores moves it out of segment 5: only an exit from the programme does."));
        }
        if (type && !type->segmented)
            m_toNext->setText(tr("Its contextual metrics, with peer quartiles and trends, are on the Metrics tab; the "
                                 "system considerations and the statutory annual assessment are on the System tab."));
        m_provenance->setText(tr("Assessed under methodology %1 (SHA-256 %2...) on %3.")
                                  .arg(assessment->methodologyId, assessment->methodologySha256.left(12),
                                      displayMoment(assessment->computedAt)));
    } else {
        m_howReached->setText(tr("The case file holds no assessment for this quarter."));
        m_toNext->clear();
        m_provenance->clear();
    }

    // A trajectory missed in the quarter stands out here too (casework/trajectory).
    if (inProgramme) {
        QStringList missed;
        const Methodology &methodology = context.session->methodology();
        for (const TrajectoryCheck &off : offTrajectoryIn(caseFile, casework, methodology, context.quarter)) {
            // In the metric's own format, as the Casework tab and the Metrics tab show it.
            const MetricDefinition *metric = methodology.metric(off.metricId);
            const auto shown = [metric](double v) { return metric ? formatMetricMeasure(*metric, v) : formatMeasure(v); };
            missed.append(tr("%1 (%2 planned, %3 actual)").arg(metricName(methodology, off.metricId), shown(off.planned), shown(*off.actual)));
        }
        if (!missed.isEmpty())
            m_howReached->setText(m_howReached->text() + QLatin1Char(' ')
                                  + tr("Off trajectory in %1: %2; see the Casework tab.")
                                        .arg(context.quarter, missed.join(QStringLiteral(", "))));
    }

    // No segment history or domain scores to chart for an organisation the
    // framework does not segment: empty charts would only puzzle.
    const bool charted = !type || type->segmented;
    m_charts->setVisible(charted);
    m_asTables->setVisible(charted);

    QList<std::pair<QString, int>> history;
    QList<std::pair<int, QString>> changes;  // where the methodology changes
    const QList<StoredAssessment> assessments = caseFile.assessments();
    m_historyTable->setRowCount(int(assessments.size()));
    for (int row = 0; row < assessments.size(); ++row) {
        const StoredAssessment &a = assessments.at(row);
        const int shown = casework.finalSegment(a.quarter, a.result.segment);
        history.append({ a.quarter, shown });
        // Where the rules change, the segments on either side are not comparable.
        const bool rulesChanged = row > 0 && assessments.at(row - 1).methodologySha256 != a.methodologySha256;
        if (rulesChanged)
            changes.append({row, methodologyChangeName(assessments.at(row - 1).methodologyId, a.methodologyId)});
        const QStringList cells { a.quarter, shown > 0 ? QString::number(shown) : tr("not segmented"),
            a.result.average > 0 ? formatHundredths(a.result.average) : QString(),
            rulesChanged ? tr("%1 (methodology changed)").arg(a.methodologyId) : a.methodologyId };
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == 2)  // the average reads as a number, as in every other table
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_historyTable->setItem(row, c, item);
        }
    }
    m_history->setHistory(history, changes);
    m_historyKey->setText(m_history->key());
    m_historyKey->setVisible(!m_history->key().isEmpty());

    QList<DomainBar> bars;
    const QString peerType = context.session->identity().peerType;
    for (const Domain &domain : methodology.domains()) {
        DomainBar bar{domain.name, 0, context.national->domainMedian(context.quarter, peerType, domain.id)};
        if (assessment)
            for (const DomainResult &d : assessment->result.domains)
                if (d.domainId == domain.id)
                    bar.score = d.score / 100.0;
        if (bar.score > 0 || bar.peerMedian > 0)
            bars.append(bar);
    }
    m_domainTable->setRowCount(0);
    for (const Domain &domain : methodology.domains()) {
        if (!assessment)
            break;
        for (const DomainResult &d : assessment->result.domains) {
            if (d.domainId != domain.id)
                continue;
            const int row = m_domainTable->rowCount();
            m_domainTable->insertRow(row);
            const double median = context.national->domainMedian(context.quarter, peerType, domain.id);
            const QStringList cells{domain.name, d.score > 0 ? formatHundredths(d.score) : QString(),
                                    d.segment > 0 ? QString::number(d.segment) : QString(),
                                    median > 0 ? formatScore(median) : QString()};
            for (int c = 0; c < cells.size(); ++c) {
                auto *item = new QTableWidgetItem(cells.at(c));
                if (c > 0)  // score, segment and peer median read as numbers
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_domainTable->setItem(row, c, item);
            }
        }
    }
    m_domains->setDomains(bars, context.session->identity().name);
}

} // namespace owb
