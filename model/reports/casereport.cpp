#include "casereport.h"

#include "casework/capability.h"
#include "casework/casesession.h"
#include "casework/casework.h"
#include "casework/datetext.h"
#include "casework/historytext.h"
#include "casework/league.h"
#include "casework/metricview.h"
#include "casework/nationalcache.h"
#include "store/portfolio.h"
#include "casework/segmentexplanation.h"
#include "casework/sentence.h"
#include "casework/trajectory.h"
#include "data/quarterlabel.h"
#include "data/textlimits.h"
#include "itemmodels/portfoliomodel.h"
#include "reportlayout.h"
#include "reviewreport.h"
#include "store/casefile.h"
#include "store/portfolio.h"
#include "store/schemas.h"
#include "store/workspace.h"

#include <QDate>
#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace owb {

namespace {

QColor segmentColour(int segment)
{
    static const QList<QColor> colours{QColor(0xd8, 0xdd, 0xe0), QColor(0x00, 0x7f, 0x3b), QColor(0x78, 0xbe, 0x20),
                                       QColor(0xff, 0xb8, 0x1c), QColor(0xda, 0x29, 0x1c), QColor(0x33, 0x00, 0x72)};
    return colours.value(segment, colours.first());
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// The segment by quarter as coloured dots joined by a line, segment 1 on top.
// Each change of methodology is a dashed line numbered above the plot, and
// named in a numbered key under it: names printed beside the lines would run
// into each other and over the points when two changes are close.
QImage segmentChart(const QList<StoredAssessment> &history)
{
    QList<int> changes;  // the first quarter under other rules
    for (int i = 1; i < history.size(); ++i)
        if (history.at(i).methodologySha256 != history.at(i - 1).methodologySha256)
            changes.append(i);
    const int keyTop = 306;
    const int keyLine = 20;
    QImage image(900, changes.isEmpty() ? 300 : keyTop + keyLine * int(changes.size()) + 6, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QRect plot(60, 34, 770, 230);
    p.setPen(QColor(0xcc, 0xcc, 0xcc));
    QFont font = p.font();
    font.setPixelSize(14);
    p.setFont(font);
    for (int s = 1; s <= 5; ++s) {
        const int y = plot.top() + (s - 1) * plot.height() / 4;
        p.drawLine(plot.left(), y, plot.right(), y);
        p.setPen(Qt::black);
        p.drawText(QRect(10, y - 10, 40, 20), Qt::AlignRight | Qt::AlignVCenter, QString::number(s));
        p.setPen(QColor(0xcc, 0xcc, 0xcc));
    }
    const int n = int(history.size());
    auto xOf = [&](int i) { return plot.left() + (n <= 1 ? plot.width() / 2 : i * plot.width() / (n - 1)); };
    auto yOf = [&](int s) { return plot.top() + (s - 1) * plot.height() / 4; };
    const QColor ink(0x42, 0x55, 0x63);
    QFont small = font;
    small.setPixelSize(12);
    for (int c = 0; c < changes.size(); ++c) {
        const int i = changes.at(c);
        const int x = (xOf(i - 1) + xOf(i)) / 2;
        p.setPen(QPen(ink, 2, Qt::DashLine));
        p.drawLine(x, plot.top() - 8, x, plot.bottom() + 8);
        // Its number above the plot, clear of the points (segment 1's dots
        // start below plot.top() - 9).
        p.setFont(small);
        p.setPen(QPen(ink, 1));
        p.setBrush(Qt::white);
        const QRect badge(x - 10, 2, 20, 20);
        p.drawEllipse(badge);
        p.drawText(badge, Qt::AlignCenter, QString::number(c + 1));
        // The key: "1  Methodology ID from QUARTER", one line each.
        QString name
            = QStringLiteral("%1 from %2")
                  .arg(methodologyChangeName(history.at(i - 1).methodologyId, history.at(i).methodologyId),
                       history.at(i).quarter);
        name[0] = name.at(0).toUpper();
        const int y = keyTop + c * keyLine;
        const QRect keyBadge(plot.left(), y, 18, 18);
        p.drawEllipse(keyBadge);
        p.drawText(keyBadge, Qt::AlignCenter, QString::number(c + 1));
        p.setFont(font);
        p.setPen(Qt::black);
        p.drawText(QRect(plot.left() + 26, y - 1, image.width() - plot.left() - 30, keyLine),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(name, Qt::ElideMiddle, image.width() - plot.left() - 30));
    }
    p.setFont(font);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(0x76, 0x86, 0x92), 2));
    for (int i = 1; i < n; ++i)
        if (history.at(i - 1).result.segment > 0 && history.at(i).result.segment > 0)
            p.drawLine(xOf(i - 1), yOf(history.at(i - 1).result.segment), xOf(i), yOf(history.at(i).result.segment));
    // Quarters in the charts' short form ("23/24 Q1"), as many as fit side
    // by side without touching: every step-th, counted back from the latest.
    const QFontMetrics metrics(font);
    int widest = 0;
    for (const StoredAssessment &a : history)
        widest = std::max(widest, metrics.horizontalAdvance(shortQuarter(a.quarter)));
    const int spacing = n <= 1 ? plot.width() : plot.width() / (n - 1);
    const int step = std::max(1, (widest + 16 + spacing - 1) / std::max(1, spacing));
    for (int i = 0; i < n; ++i) {
        const int s = history.at(i).result.segment;
        p.setPen(Qt::black);
        if ((n - 1 - i) % step == 0) {
            QRect label(xOf(i) - widest / 2 - 8, plot.bottom() + 12, widest + 16, 24);
            label.moveLeft(std::clamp(label.left(), 0, image.width() - label.width())); // never cut by the edge
            p.drawText(label, Qt::AlignCenter, shortQuarter(history.at(i).quarter));
        }
        if (s < 1)
            continue;
        p.setPen(Qt::white);
        p.setBrush(segmentColour(s));
        p.drawEllipse(QPoint(xOf(i), yOf(s)), 9, 9);
    }
    return image;
}

// Domain scores beside the peer medians, as paired horizontal bars (0-4).
QImage domainChart(const QList<std::tuple<QString, double, double>> &domains)
{
    QImage image(900, 60 + 56 * int(domains.size()), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    QFont font = p.font();
    font.setPixelSize(14);
    p.setFont(font);
    const int left = 300;
    const int width = 560;
    for (int i = 0; i < domains.size(); ++i) {
        const auto &[name, score, median] = domains.at(i);
        const int y = 20 + i * 56;
        p.setPen(Qt::black);
        p.drawText(QRect(0, y, left - 10, 44), Qt::AlignRight | Qt::AlignVCenter, name);
        p.fillRect(QRect(left, y, int(width * score / 4.0), 20), QColor(0x00, 0x5e, 0xb8));
        p.fillRect(QRect(left, y + 22, int(width * median / 4.0), 20), QColor(0x76, 0x86, 0x92));
        p.drawText(QRect(left + int(width * score / 4.0) + 6, y, 80, 20), Qt::AlignVCenter, formatScore(score));
        p.drawText(QRect(left + int(width * median / 4.0) + 6, y + 22, 80, 20), Qt::AlignVCenter,
                   QStringLiteral("peers %1").arg(formatScore(median)));
    }
    return image;
}

// The improvement trajectory: each point's planned and actual value in the
// metric's own format (formatMetricMeasure, as the Casework tab shows them),
// in quarter order, a missed plan marked; then where the case stands.
QString trajectorySection(CaseFile &caseFile, CaseworkStore &store, const Methodology &m)
{
    QList<QVariantMap> points = store.records(trajectoryTable());
    std::stable_sort(points.begin(), points.end(), [](const QVariantMap &a, const QVariantMap &b) {
        const int qa = quarterKey(a.value(QStringLiteral("quarter")).toString());
        const int qb = quarterKey(b.value(QStringLiteral("quarter")).toString());
        return qa != qb ? qa < qb
                        : a.value(QStringLiteral("metric_id")).toString() < b.value(QStringLiteral("metric_id")).toString();
    });
    QString html = QStringLiteral("<h3>Improvement trajectory (planned against actual)</h3>");
    if (points.isEmpty())
        return html + QStringLiteral("<p>No trajectory planned yet.</p>");
    QHash<qint64, TrajectoryCheck> checks;
    for (const TrajectoryCheck &check : checkTrajectory(caseFile, m))
        checks.insert(check.id, check);
    QList<QStringList> rows;
    QStringList missed;
    for (const QVariantMap &point : points) {
        const QString metricId = point.value(QStringLiteral("metric_id")).toString();
        const MetricDefinition *metric = m.metric(metricId);
        auto measure = [metric](double value) { return metric ? formatMetricMeasure(*metric, value) : formatMeasure(value); };
        const auto found = checks.constFind(point.value(QStringLiteral("id")).toLongLong());
        const QString planned = found != checks.constEnd() ? measure(found->planned)
                                                           : point.value(QStringLiteral("planned")).toString();
        const bool hasActual = found != checks.constEnd() && found->actual;
        const bool off = hasActual && found->offTrajectory;
        // A quarter out of the programme (from its exit on) is kept, not counted.
        const bool counted = found == checks.constEnd() || found->inProgramme;
        QString against = !counted   ? QStringLiteral("not counted (not in the programme)")
                          : !hasActual ? QStringLiteral("no data yet")
                          : off      ? QStringLiteral("OFF TRAJECTORY")
                                     : QStringLiteral("on trajectory");
        if (off)
            missed.append(QStringLiteral("%1 in %2 (%3 planned, %4 actual)")
                              .arg(metricName(m, metricId), found->quarter, planned, measure(*found->actual)));
        rows.append({metricName(m, metricId),
                     point.value(QStringLiteral("quarter")).toString(), planned,
                     hasActual ? measure(*found->actual) : QStringLiteral("no data yet"), against});
    }
    html += QStringLiteral("<p>%1</p>")
                .arg(escaped(missed.isEmpty() ? QStringLiteral("On trajectory in every quarter with data so far.")
                                              : QStringLiteral("Off trajectory: %1.").arg(missed.join(QStringLiteral("; ")))));
    return html
           + reportTable({QStringLiteral("Metric"), QStringLiteral("Quarter"), QStringLiteral("Planned"),
                          QStringLiteral("Actual"), QStringLiteral("Against plan")},
                         rows);
}

// `newPage`: the section starts a page of its own (each case of the pack).
QString caseSection(Workspace &workspace, NationalCache &national, CaseFile &caseFile, const QString &quarter,
                    bool newPage = false)
{
    const Methodology &m = national.methodologyFor(quarter);  // the quarter's own year's rules
    const CaseIdentity id = caseFile.identity();
    const PeerType *type = m.peerType(id.peerType);
    const QString typeName = type ? type->name : id.peerType;
    QString html = QStringLiteral("<h1%6>%1 %2</h1><p>%3 &middot; %4 &middot; %5</p>")
                       .arg(escaped(id.code), escaped(shownName(id.name)), escaped(typeName),
                           escaped(shownName(id.region)), escaped(quarter),
                           newPage ? QStringLiteral(" style=\"page-break-before: always\"") : QString());
    const auto assessment = caseFile.assessment(quarter);
    const bool casework = caseSchemaVersion(caseFile.database()) >= 3;
    CaseworkStore store(caseFile.scope());
    store.setYearsWithoutProgramme(national.yearsWithoutProgramme());
    const bool inProgramme = casework && store.programmeIn(quarter) > 0;
    // The final segment as every view reads it (CaseworkStore::finalSegmentOf).
    auto finalOf = [&](const QString &q, int computed) {
        return casework ? store.finalSegmentOf(q, computed)
                        : FinalSegment { computed, computed, FinalSegment::Source::Computed, {} };
    };
    if (assessment) {
        const FinalSegment final = finalOf(quarter, assessment->result.segment);
        const int segment = final.segment;
        const SegmentExplanation why = explainSegment(*assessment, typeName, type ? type->notSegmented : QString());
        html += (segment > 0 ? QStringLiteral("<h2>Segment %1: %2</h2>").arg(segment).arg(escaped(m.segmentLabel(segment)))
                             : QStringLiteral("<h2>Not segmented</h2>"))
            + QStringLiteral("<p>%1</p>").arg(escaped(why.howReached));
        if (final.source == FinalSegment::Source::Correction)
            html += QStringLiteral("<p>Decision: corrected from segment %1 to segment %2%3.</p>")
                        .arg(final.computed)
                        .arg(final.segment)
                        .arg(withoutFinalStop(final.rationale).isEmpty()
                                 ? QString()
                                 : QStringLiteral(" (%1)").arg(escaped(withoutFinalStop(final.rationale))));
        else if (final.source != FinalSegment::Source::Programme)
            html += QStringLiteral("<p>%1</p>").arg(escaped(why.toNextSegment));
        if (inProgramme && final.programmeWithoutSegment)
            html += QStringLiteral("<p>In the %1 since %2; %3 has no programme segment, so the programme does not set "
                                   "the segment.</p>")
                        .arg(escaped(national.programmeNameIn(quarter)), escaped(store.field(programmeTable(), store.programmeIn(quarter), QStringLiteral("entry_quarter"))),
                             escaped(yearOfQuarter(quarter)));
        else if (inProgramme)
            html
                += QStringLiteral("<p>In the %1: %2.</p>")
                       .arg(escaped(national.programmeNameIn(quarter)),
                           segment > 0 ? QStringLiteral("segment 5 until an exit is recorded")
                                       : QStringLiteral("equivalent to segment 5 until an exit is recorded"));
        html += QStringLiteral("<p style=\"font-size: 7pt;\">Methodology %1, SHA-256 %2.</p>")
                    .arg(escaped(assessment->methodologyId), assessment->methodologySha256.left(16));
    }
    const bool segmented = m.isSegmented(id.peerType);  // no charts of segments an ICB does not have
    if (segmented) {
        QList<StoredAssessment> history = caseFile.assessments();
        for (StoredAssessment &a : history)
            a.result.segment = finalOf(a.quarter, a.result.segment).segment;
        // Each chart carries its own title, so a heading is never left alone
        // at the foot of a page with its chart on the next.
        html += reportImage(titledChart(segmentChart(history), QStringLiteral("Segment history")), 600);
    }
    if (assessment && segmented) {
        QList<std::tuple<QString, double, double>> domains;
        for (const Domain &d : m.domains())
            for (const DomainResult &r : assessment->result.domains)
                if (r.domainId == d.id && r.score > 0)
                    domains.append({d.name, r.score / 100.0, national.domainMedian(quarter, id.peerType, d.id)});
        html += reportImage(titledChart(domainChart(domains),
                             QStringLiteral("Domain scores beside peer medians (1 best, 4 worst)")),
            600);
    }
    QList<QStringList> metricRowsHtml;
    for (const MetricRow &r : metricRows(caseFile, national, m, id.peerType, workspace.peers().quarters(), quarter))
        // Values as the Metrics tab shows them (formatMetricMeasure): two decimals and the unit.
        metricRowsHtml.append({ r.metric->id, r.metric->name,
            r.value.kind == MetricValue::Kind::Number ? formatMetricMeasure(*r.metric, r.value.number)
                                                      : r.value.toText(),
            targetText(*r.metric),
            r.score > 0 ? formatHundredths(r.score) : QString(),
            // A metric with no peer median (a banded one, the CQC rating) is
            // not compared with peers: said so, not "not yet recorded".
            r.benchmark ? formatMetricMeasure(*r.metric, r.benchmark->median) : QStringLiteral("not compared"),
            r.benchmark && r.benchmark->rank
                ? QStringLiteral("%1 of %2").arg(r.benchmark->rank).arg(r.benchmark->peers)
                : QStringLiteral("not compared") });
    html += QStringLiteral("<h3>Metrics</h3>")
            + reportTable({QStringLiteral("Id"), QStringLiteral("Metric"), QStringLiteral("Value"), QStringLiteral("Standard"),
                     QStringLiteral("Score"), QStringLiteral("Peer median"), QStringLiteral("Rank")},
                    metricRowsHtml);
    if (caseSchemaVersion(caseFile.database()) >= 2) {
        CapabilityStore capability(caseFile.scope());
        const QString year = CaseSession::financialYear(quarter);
        const CapabilityOverall overall = capability.overall(year);
        QList<QStringList> rows;
        const QList<CapabilityArea> areas = capability.areas(year, [&] {
            QStringList ids;
            for (const NamedItem &a : m.capabilityAreas())
                ids.append(a.id);
            return ids;
        }());
        // Ratings are stored as methodology ids; the report shows their names.
        auto rating = [&](const QString &id) { return ratingName(m, id); };
        // An area not assessed yet says so, never a blank cell (an ICB's pages).
        for (qsizetype i = 0; i < areas.size(); ++i)
            rows.append({ m.capabilityAreas().at(i).name, orNotRecorded(rating(areas.at(i).selfRating)),
                orNotRecorded(rating(areas.at(i).regionRating)), orNotRecorded(areas.at(i).notes) });
        html += QStringLiteral("<h3>Capability %1</h3><p>Region's overall view: <b>%2</b>%3. %4</p>")
                    .arg(escaped(year),
                        escaped(overall.rating.isEmpty() ? QStringLiteral("not yet recorded")
                                                         : rating(overall.rating)),
                        overall.decidedOn.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(escaped(showDate(overall.decidedOn))),
                        escaped(overall.rationale))
            + reportTable({ QStringLiteral("Area"), QStringLiteral("Self-assessment"),
                        QStringLiteral("Region's view"), QStringLiteral("Notes") },
                rows);
    }
    if (casework) {
        // Closed sets are stored as the methodology's ids; the report names them.
        const CaseworkChoices &sets = m.casework();
        for (const QVariantMap &review : store.records(reviewTable())) {
            // Only what is recorded: an empty value says so, never "Recommendation: .".
            auto value = [&](const char *column) { return review.value(QString::fromLatin1(column)).toString().trimmed(); };
            html += QStringLiteral("<h3>Diagnostic review (opened %1, %2)</h3><p>%3</p>")
                        .arg(escaped(value("opened_quarter")), escaped(sets.reviewStages.nameOf(value("status"))),
                             escaped(reviewOutcome(review, m).join(QLatin1Char(' '))));
            // The decision's rationale, as the review report prints it.
            if (const QString rationale = value("decision_rationale").trimmed(); !rationale.isEmpty())
                html += QStringLiteral("<p>%1</p>").arg(escaped(labelledValue(QStringLiteral("Rationale"), rationale)));
            const QList<QStringList> rows
                = findingRows(store, caseFile.database(), m, review.value(QStringLiteral("id")));
            // Under their root causes, as the review report prints them: a
            // column of causes would take the finding's room (issue 13).
            for (const auto &[cause, causeRows] : findingsByRootCause(rows, m))
                html += QStringLiteral("<h4>%1</h4>").arg(escaped(cause)) + findingsTable(causeRows);
        }
        if (m.hasSystemCasework(id.peerType) && caseSchemaVersion(caseFile.database()) >= 5) {
            QHash<QString, QVariantMap> answers;
            for (const QVariantMap &a : store.records(systemConsiderationTable(), QStringLiteral("quarter"), quarter))
                answers.insert(a.value(QStringLiteral("consideration_id")).toString(), a);
            QList<QStringList> rows;
            // Answers in words ("Yes", "No"); one not given yet says so.
            for (const SystemConsideration &t : m.systemConsiderations())
                rows.append({t.priority, t.test,
                             orNotRecorded(considerationAnswerName(answers.value(t.id).value(QStringLiteral("answer")).toString())),
                             orNotRecorded(answers.value(t.id).value(QStringLiteral("evidence")).toString().trimmed())});
            html += QStringLiteral("<h3>System considerations, %1</h3>").arg(escaped(quarter))
                    + reportTable({QStringLiteral("Priority"), QStringLiteral("Test"), QStringLiteral("Answer"), QStringLiteral("Evidence")}, rows);
            const QString year = CaseSession::financialYear(quarter);
            QList<QStringList> notes;
            for (const QVariantMap &n : store.records(statutoryAssessmentTable(), QStringLiteral("year"), year))
                notes.append({showDate(n.value(QStringLiteral("assessed_on")).toString()), n.value(QStringLiteral("area")).toString(),
                              n.value(QStringLiteral("summary")).toString(), n.value(QStringLiteral("conclusion")).toString()});
            if (!notes.isEmpty())
                html += QStringLiteral("<h3>Statutory annual assessment, %1</h3>").arg(escaped(year))
                        + reportTable({QStringLiteral("Assessed on"), QStringLiteral("Area"), QStringLiteral("Summary"),
                                 QStringLiteral("Conclusion")},
                                notes);
        }
        // Overdue as every view counts it: on the quarter's last day, or today
        // (the report is of the workspace's latest quarter).
        const QDate asOf = overdueAsOf(quarter, QDate::currentDate(), quarter);
        const QList<QVariantMap> programmes = store.records(programmeTable());
        for (const QVariantMap &programme : programmes) {
            const QString reason = withoutFinalStop(programme.value(QStringLiteral("reason")).toString());
            const QString exitQuarter = programme.value(QStringLiteral("exit_quarter")).toString();
            html += QStringLiteral("<h3>%1 (entered %2%3)</h3><p>%4%5</p>")
                        .arg(escaped(national.programmeNameIn(programme.value(QStringLiteral("entry_quarter")).toString())),
                             escaped(programme.value(QStringLiteral("entry_quarter")).toString()),
                             exitQuarter.isEmpty() ? QString() : QStringLiteral(", left %1").arg(escaped(exitQuarter)),
                             reason.isEmpty() ? QString() : escaped(reason) + QStringLiteral(". "),
                             escaped(labelledValue(QStringLiteral("Improvement director"),
                                                   programme.value(QStringLiteral("improvement_director")).toString())));
            // The transition plan that follows the programme (framework.md §7):
            // on exit always (an empty one says so), before it once agreed.
            const QString plan = programme.value(QStringLiteral("transition_plan")).toString().trimmed();
            if (!exitQuarter.isEmpty())
                html += QStringLiteral("<p>%1 %2</p>")
                            .arg(escaped(labelledValue(QStringLiteral("Left on"),
                                                       showDate(programme.value(QStringLiteral("exit_date")).toString()))),
                                 escaped(labelledValue(QStringLiteral("Transition plan"), plan)));
            else if (!plan.isEmpty())
                html += QStringLiteral("<p>%1</p>").arg(escaped(labelledValue(QStringLiteral("Transition plan"), plan)));
            QList<QStringList> rows;
            for (const QVariantMap &c : store.records(criterionTable(), QStringLiteral("programme_id"), programme.value(QStringLiteral("id")))) {
                const QString status = c.value(QStringLiteral("status")).toString();
                const bool overdue = isOverdue(c, sets.criterionStatuses.finalId, asOf);
                rows.append({c.value(QStringLiteral("description")).toString(),
                             c.value(QStringLiteral("measure")).toString(), c.value(QStringLiteral("target")).toString(),
                             showDate(c.value(QStringLiteral("due_date")).toString()),
                             sets.criterionStatuses.nameOf(status) + (overdue ? QStringLiteral(" (OVERDUE)") : QString())});
            }
            html += rows.isEmpty() ? QStringLiteral("<p>No exit criteria recorded.</p>")
                                   : reportTable({QStringLiteral("Exit criterion"), QStringLiteral("Measure"), QStringLiteral("Target"),
                                                  QStringLiteral("Due"), QStringLiteral("Status")},
                                                 rows);
        }
        // Progress reviews and the trajectory belong to the programme: shown
        // for a case that has been in it, an empty one said in words.
        if (!programmes.isEmpty()) {
            QList<QStringList> meetings;
            for (const QVariantMap &r : store.records(progressReviewTable()))
                meetings.append({showDate(r.value(QStringLiteral("review_date")).toString()),
                                 r.value(QStringLiteral("attendees")).toString(), r.value(QStringLiteral("summary")).toString(),
                                 r.value(QStringLiteral("decisions")).toString()});
            html += QStringLiteral("<h3>Progress reviews</h3>")
                    + (meetings.isEmpty() ? QStringLiteral("<p>No progress reviews recorded yet.</p>")
                                          : reportTable({QStringLiteral("Date"), QStringLiteral("Attendees"),
                                                         QStringLiteral("Summary"), QStringLiteral("Decisions")},
                                                        meetings));
            html += trajectorySection(caseFile, store, m);
        }
        QList<QStringList> milestones;
        for (const QVariantMap &ms : store.records(milestoneTable())) {
            const QString status = ms.value(QStringLiteral("status")).toString();
            const bool overdue = isOverdue(ms, sets.milestoneStatuses.finalId, asOf);
            const QString done = showDate(ms.value(QStringLiteral("done_date")).toString());
            milestones.append({ms.value(QStringLiteral("description")).toString(),
                               orNotRecorded(ms.value(QStringLiteral("owner")).toString()),
                               showDate(ms.value(QStringLiteral("due_date")).toString()),
                               sets.milestoneStatuses.nameOf(status) + (overdue ? QStringLiteral(" (OVERDUE)") : QString()),
                               done.isEmpty() ? QStringLiteral("not yet") : done});
        }
        // Providers in segments 3 to 5 agree a recovery plan with milestones.
        const int finalSegment = assessment ? finalOf(quarter, assessment->result.segment).segment : 0;
        if (!milestones.isEmpty() || finalSegment >= 3)
            html += QStringLiteral("<h3>Recovery plan milestones</h3>")
                    + (milestones.isEmpty()
                           ? QStringLiteral("<p>No recovery plan milestones recorded.</p>")
                           : reportTable({QStringLiteral("Milestone"), QStringLiteral("Owner"), QStringLiteral("Due"),
                                          QStringLiteral("Status"), QStringLiteral("Done on")},
                                         milestones));
    }
    return html;
}

} // namespace

QString caseReportHtml(Workspace &workspace, CaseFile &caseFile)
{
    NationalCache national(workspace.peers(), workspace.methodology());
    const QStringList quarters = workspace.peers().quarters();
    if (quarters.isEmpty())
        throw StoreError(QStringLiteral("%1: the workspace holds no data yet").arg(workspace.directory()));
    return caseSection(workspace, national, caseFile, quarters.last());
}

QString caseReportHtml(Workspace &workspace, const QString &caseFilePath)
{
    return caseReportHtml(workspace, *openReportedCase(workspace, caseFilePath));
}

void writeCaseReport(Workspace &workspace, CaseFile &caseFile, const QString &pdfPath)
{
    writeReportPdf(caseReportHtml(workspace, caseFile), pdfPath, QStringLiteral("Oversight Workbench case report"));
}

void writeCaseReport(Workspace &workspace, const QString &caseFilePath, const QString &pdfPath)
{
    writeCaseReport(workspace, *openReportedCase(workspace, caseFilePath), pdfPath);
}

QString regionalPackHtml(Workspace &workspace)
{
    NationalCache national(workspace.peers(), workspace.methodology());
    const QStringList quarters = workspace.peers().quarters();
    if (quarters.isEmpty())
        throw StoreError(QStringLiteral("%1: the workspace holds no data yet").arg(workspace.directory()));
    const QString quarter = quarters.last();
    QStringList problems;
    QList<PortfolioEntry> entries = loadPortfolio(workspace, quarter, &problems);
    // A pack silently missing a case would mislead: a case file that cannot
    // be read (or is not what its name says) stops it, named.
    if (!problems.isEmpty())
        throw StoreError(problems.join(QLatin1Char('\n')));
    rankPortfolio(entries, national, quarter);
    // The summary says each cell as the portfolio on screen says it (one
    // source of the wording): "Not segmented", "Unchanged", "3 of 58" beside
    // the peer type the rank is within.
    const Methodology &methodology = national.methodologyFor(quarter);
    QHash<QString, QString> peerTypeNames;
    for (const PeerType &type : methodology.peerTypes())
        peerTypeNames.insert(type.id, type.name);
    PortfolioModel model;
    model.setEntries(entries, peerTypeNames);
    static const QList<PortfolioModel::Column> columns{PortfolioModel::Code,    PortfolioModel::Name,
                                                       PortfolioModel::PeerType, PortfolioModel::Segment,
                                                       PortfolioModel::Average,  PortfolioModel::Rank,
                                                       PortfolioModel::Movement, PortfolioModel::Casework};
    QStringList headers;
    for (const PortfolioModel::Column column : columns)
        headers.append(model.headerData(column, Qt::Horizontal).toString());
    QList<QStringList> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (const PortfolioModel::Column column : columns) {
            QString cell = column == PortfolioModel::Name ? shownName(entries.at(row).name)
                                                          : model.index(row, column).data().toString();
            // What the screen leaves blank is not missing, it does not
            // apply: said so rather than the tables' "not yet recorded".
            if (cell.isEmpty() && column == PortfolioModel::Average)
                cell = QStringLiteral("not segmented");
            else if (cell.isEmpty() && column == PortfolioModel::Rank)
                cell = QStringLiteral("not ranked");
            else if (cell.isEmpty() && column == PortfolioModel::Casework)
                cell = QStringLiteral("none");
            cells.append(cell);
        }
        rows.append(cells);
    }
    QString html = QStringLiteral("<h1>Regional pack: %1</h1><p>%2 case files, quarter %3, methodology %4. "
                                  "League ranks are within each peer type.</p>")
                       .arg(escaped(workspace.followedRegion().isEmpty() ? QStringLiteral("all organisations") : workspace.followedRegion()))
                       .arg(entries.size())
                       .arg(escaped(quarter), escaped(methodology.id()))
                   + reportTable(headers, rows);
    for (const PortfolioEntry &e : entries) {
        // A team workspace's cases are named by their code, a folder's by their file.
        html += caseSection(workspace, national, *openReportedCase(workspace, workspace.isTeam() ? e.code : e.path),
                            quarter, true);
    }
    return html;
}

void writeRegionalPack(Workspace &workspace, const QString &pdfPath)
{
    writeReportPdf(regionalPackHtml(workspace), pdfPath, QStringLiteral("Oversight Workbench regional pack"));
}

} // namespace owb
