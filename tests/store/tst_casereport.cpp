// The case report's text: empty review values said in words, values as the methodology names them.

#include "casework/casesession.h"
#include "casework/casework.h"
#include "casework/datetext.h"
#include "casework/metricview.h"
#include "casework/plannedquarters.h"
#include "demo/demoworkspace.h"
#include "framework/methodology.h"
#include "casework/historytext.h"
#include "reports/casereport.h"
#include "reports/reportlayout.h"
#include "reports/reviewreport.h"
#include "store/casefile.h"
#include "store/workspace.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextTable>
#include <QSet>

#include "workspacefixture.h"

using namespace owb;
using namespace owbtest;

class TestCaseReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { OWB_BACKEND_READY(); }

    // "Recommendation: . Decision: ." is never printed; ratings are named as
    // the methodology names them; headers may wrap between words only.
    void reviewAndCapabilityInWords()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString demo = dir.filePath(QStringLiteral("demo"));
        createDemoWorkspace(demo);
        // Reasons typed with their own full stop (issue 11 retest: "sustained
        // segment 4.. Improvement director").
        bool sawProgramme = false;
        for (const QFileInfo &file : QDir(demo).entryInfoList({QStringLiteral("*.owcase")})) {
            CaseSession session(file.filePath(), Methodology::builtIn());
            for (const QVariantMap &p : session.casework().records(programmeTable())) {
                QCOMPARE(session.setRecordField(programmeTable(), p.value(QStringLiteral("id")).toLongLong(),
                                                QStringLiteral("reason"), QStringLiteral("Sustained segment 4.")),
                         QString());
                // Left empty in the form (issue 13: "Improvement director: .").
                QCOMPARE(session.setRecordField(programmeTable(), p.value(QStringLiteral("id")).toLongLong(),
                                                QStringLiteral("improvement_director"), QString()),
                         QString());
                sawProgramme = true;
            }
        }
        QVERIFY(sawProgramme);
        WorkspaceUnderTest under;
        Workspace *workspace = &under.open(demo);
        bool sawReview = false;
        bool sawRating = false;
        bool sawDirector = false;
        bool sawBands = false;
        bool sawDirection = false;
        int percentRows = 0;
        for (const QString &code : workspace->caseCodes()) {
            const QString path = reportedCase(*workspace, code);
            const QString html = caseReportHtml(*workspace, path);
            QVERIFY2(!html.contains(QStringLiteral(": .")), qPrintable(path));
            QVERIFY(!html.contains(QStringLiteral(" nowrap")));
            // Sentences joined to text that ends in a full stop get no second one.
            QVERIFY2(!html.contains(QRegularExpression(QStringLiteral("[^.]\\.\\.(?!\\.)|\\.\\)\\."))), qPrintable(path));
            QVERIFY2(!html.contains(QStringLiteral("()")), qPrintable(path)); // an empty date in brackets
            // One date format in the report (issue 13, item 5): no "(2026-02-16)" beside "Started: 13/04/2026".
            const QRegularExpression iso(QStringLiteral("\\b20\\d\\d-\\d\\d-\\d\\d\\b"));
            QVERIFY2(!html.contains(iso), qPrintable(path + QLatin1Char(' ') + iso.match(html).captured()));
            QVERIFY2(!html.contains(QStringLiteral("<p>.")), qPrintable(path));
            sawDirector |= html.contains(QStringLiteral("Improvement director: not yet recorded."));
            if (html.contains(QStringLiteral("<h3>Diagnostic review"))) {
                sawReview = true;
                QVERIFY(html.contains(QStringLiteral("Recommendation: not yet recorded.")));
                QVERIFY(html.contains(QStringLiteral("Decision: not yet recorded.")));
            }
            // The Value column: two decimals in every row that holds a number.
            static const QRegularExpression valueCell(
                QStringLiteral("<tr><td>([A-Z0-9-]+)</td><td>[^<]*</td><td>(-?[0-9][0-9,.]*)%?</td>"));
            for (auto match = valueCell.globalMatch(html); match.hasNext();) {
                const QString value = match.next().captured(2);
                QVERIFY2(QRegularExpression(QStringLiteral("^-?[0-9,]+\\.[0-9]{2}$")).match(value).hasMatch(),
                    qPrintable(value));
            }
            // A percentage's standard and peer median carry its unit and two
            // decimals as its value does (one formatter: "≤ 1.00%", "1.90%").
            static const QRegularExpression percentRow(QStringLiteral(
                "<tr><td>[A-Z0-9-]+</td><td>[^<]*</td><td>-?[0-9,.]+%</td><td>([^<]*)</td><td>[^<]*</td><td>([^<]*)</td>"));
            for (auto match = percentRow.globalMatch(html); match.hasNext();) {
                const auto row = match.next();
                ++percentRows;
                QVERIFY2(row.captured(1).isEmpty() || QRegularExpression(QStringLiteral("^((\u2265|\u2264|floor) ?-?[0-9,]+\\.[0-9]{2}%|(higher|lower) is better$)")).match(row.captured(1)).hasMatch(),
                         qPrintable(row.captured(1)));
                QVERIFY2(row.captured(2).isEmpty()
                             || QRegularExpression(QStringLiteral("^-?[0-9,]+\\.[0-9]{2}%$")).match(row.captured(2)).hasMatch(),
                         qPrintable(row.captured(2)));
            }
            // A banded metric's standard names its bands, best first; one without
            // a standard says which way is better (the tester saw "bands" and blanks).
            QVERIFY2(!html.contains(QStringLiteral("<td>bands</td>")), qPrintable(path));
            sawBands |= html.contains(QStringLiteral("<td>Outstanding / Good / Requires improvement / Inadequate</td>"));
            sawDirection |= html.contains(QRegularExpression(QStringLiteral("<td>(higher|lower) is better</td>")));
            // Ratings by their names, never their ids.
            QVERIFY2(
                !html.contains(QRegularExpression(QStringLiteral("<td>(high|moderate|limited|low)</td>"))),
                qPrintable(path));
            sawRating |= html.contains(
                QRegularExpression(QStringLiteral("<td>(High|Moderate|Limited|Low) confidence</td>")));
        }
        QVERIFY(sawReview);
        QVERIFY(sawRating);
        QVERIFY(sawDirector);
        QVERIFY(sawBands);
        QVERIFY(sawDirection);
        QVERIFY(percentRows > 0);
    }

    // The diagnostic review report (issue 13): scope and team, every finding
    // under its root cause with its evidence and severity named, the
    // capability conclusion, recommendation and decision named as the
    // methodology names them; a case without a review is refused in words.
    // The regional pack's summary says each cell as the portfolio on screen
    // does (issue 11): the rank out of its peer type beside the peer type,
    // "Not segmented" for an ICB, "Unchanged" with its capital.
    void regionalPackSummaryAsOnScreen()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString demo = dir.filePath(QStringLiteral("demo"));
        createDemoWorkspace(demo);
        WorkspaceUnderTest under;
        Workspace *workspace = &under.open(demo);
        const QString html = regionalPackHtml(*workspace);
        const QString summary = html.left(html.indexOf(QStringLiteral("page-break-before")));
        QVERIFY(summary.contains(QStringLiteral("\">Peer type</th>")));
        static const QRegularExpression row(QStringLiteral("<tr>((?:<td>[^<]*</td>){8})</tr>"));
        static const QRegularExpression cell(QStringLiteral("<td>([^<]*)</td>"));
        // ICBs are segmented in the demo's latest quarter (2026/27) and
        // not in a 2025/26 quarter; the pack follows the year's methodology.
        const QString latest = workspace->peers().quarters().last();
        bool icbsSegmented = false;
        for (const PeerType &type : workspace->methodologyFor(latest)->peerTypes())
            icbsSegmented |= type.id == QLatin1String("icb") && type.segmented;
        int icbs = 0;
        int notSegmented = 0;
        int ranked = 0;
        for (auto match = row.globalMatch(summary); match.hasNext();) {
            QStringList cells;
            for (auto c = cell.globalMatch(match.next().captured(1)); c.hasNext();)
                cells.append(c.next().captured(1));
            const QString &segment = cells.at(3);
            const QString &rank = cells.at(5);
            const QString &movement = cells.at(6);
            icbs += cells.at(2).contains(QStringLiteral("Integrated care board"), Qt::CaseInsensitive) ? 1 : 0;
            if (segment == QStringLiteral("Not segmented")) {
                ++notSegmented;
                QCOMPARE(movement, QStringLiteral("Not segmented"));
                QCOMPARE(rank, QString());
                continue;
            }
            QVERIFY2(QRegularExpression(QStringLiteral("^Segment [1-5]$")).match(segment).hasMatch(), qPrintable(segment));
            QVERIFY2(QRegularExpression(QStringLiteral("^[0-9]+ of [0-9]+$")).match(rank).hasMatch(), qPrintable(rank));
            QVERIFY2(movement.isEmpty() || movement.at(0).isUpper(), qPrintable(movement));
            QVERIFY(!cells.at(2).isEmpty());  // the peer type the rank is within
            ++ranked;
        }
        QVERIFY(icbs > 0);
        QCOMPARE(notSegmented, icbsSegmented ? 0 : icbs);
        QVERIFY(ranked > 10);
    }

    // The Recovery Support Programme's casework a reader needs (issue 13):
    // progress reviews, the trajectory (planned against actual, a missed plan
    // marked, values in the metric's format), the transition plan on exit,
    // the review's scope and a milestone's done date; a section that applies
    // but holds nothing says so in words. Cases found by their situation.
    void programmeCaseworkInTheReport()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString demo = dir.filePath(QStringLiteral("demo"));
        createDemoWorkspace(demo);
        WorkspaceUnderTest under;
        Workspace &workspace = under.open(demo);
        const QStringList quarters = workspace.peers().quarters();
        const QStringList paths = workspace.caseCodes();
        const QString latest = quarters.last();
        const Methodology &m = Methodology::builtIn();
        auto report = [&](const QString &code) { return caseReportHtml(workspace, reportedCase(workspace, code)); };
        auto edit = [&](const QString &code) { return workspace.openCase(code, Database::Mode::OpenExisting); };
        // A trust in the programme now, and one that can leave it this quarter.
        QString trust;
        QString leaver;
        for (const QString &path : std::as_const(paths)) {
            CaseSession session(edit(path), m);
            for (const QVariantMap &p : session.casework().records(programmeTable())) {
                if (!p.value(QStringLiteral("exit_quarter")).toString().isEmpty())
                    continue;
                if (trust.isEmpty() && m.isSegmented(session.identity().peerType))
                    trust = path;
                if (leaver.isEmpty() && p.value(QStringLiteral("entry_quarter")).toString() != latest)
                    leaver = path;
            }
        }
        QVERIFY(!trust.isEmpty());
        QVERIFY(!leaver.isEmpty());

        QString html = report(trust);
        QVERIFY2(html.contains(QStringLiteral("<h3>Progress reviews</h3><p>No progress reviews recorded yet.</p>")),
                 qPrintable(html.right(3000)));
        QVERIFY(html.contains(QStringLiteral("<h3>Improvement trajectory (planned against actual)</h3><p>No trajectory planned yet.</p>")));

        const MetricDefinition *metric = nullptr;
        double actual = 0;
        {
            CaseSession session(edit(trust), m);
            const QVariantMap programme = session.casework().records(programmeTable()).last();
            QCOMPARE(session.addRecord(progressReviewTable(),
                                       {{QStringLiteral("review_date"), programme.value(QStringLiteral("entry_date"))},
                                        {QStringLiteral("attendees"), QStringLiteral("Improvement director, chief executive")},
                                        {QStringLiteral("summary"), QStringLiteral("Discharge hub behind plan")},
                                        {QStringLiteral("decisions"), QStringLiteral("Weekly discharge huddle")}},
                                       QStringLiteral("Add progress review")),
                     QString());
            // A plan this quarter's actual misses, and one a quarter ahead (no data yet).
            const auto values = session.caseFile().metricValues(latest);
            for (const MetricDefinition *candidate : m.scoredMetricsFor(session.identity().peerType))
                // Lower is better and above zero: half the actual is a plan it misses, inside any range.
                if (candidate->direction == Direction::Lower && values.value(candidate->id).kind == MetricValue::Kind::Number
                    && values.value(candidate->id).number > 0) {
                    metric = candidate;
                    actual = values.value(candidate->id).number;
                    break;
                }
            QVERIFY(metric);
            const QString missed = QString::number(actual / 2, 'f', 2);
            const QString ahead = quartersAfter(latest, 1).value(0);
            for (const auto &[quarter, planned] :
                 {std::pair{latest, missed}, std::pair{ahead, QStringLiteral("3.0")}})
                QCOMPARE(session.addRecord(trajectoryTable(),
                                           {{QStringLiteral("metric_id"), metric->id}, {QStringLiteral("quarter"), quarter},
                                            {QStringLiteral("planned"), planned}},
                                           QStringLiteral("Add trajectory point")),
                         QString());
            html = report(trust);
            QVERIFY(html.contains(QStringLiteral("<td>Discharge hub behind plan</td>")));
            QVERIFY(html.contains(QStringLiteral("<td>%1</td>").arg(showDate(programme.value(QStringLiteral("entry_date")).toString()))));
            const QString missedText = formatMetricMeasure(*metric, missed.toDouble());
            const QString offLine = QStringLiteral("Off trajectory: %1 in %2 (%3 planned, %4 actual).")
                                        .arg(QStringLiteral("%1 %2").arg(metric->id, metric->name), latest, missedText,
                                             formatMetricMeasure(*metric, actual)); // by its name (issue 13)
            QVERIFY2(html.contains(QStringLiteral("<p>%1</p>").arg(offLine.toHtmlEscaped())),
                     qPrintable(html.right(3000)));
            QVERIFY(html.contains(QStringLiteral("<td>%1</td><td>%2</td><td>%3</td><td>OFF TRAJECTORY</td>")
                                      .arg(latest, missedText, formatMetricMeasure(*metric, actual))));
            // The plan ahead in the metric's format, never "3.0".
            QVERIFY(html.contains(QStringLiteral("<td>%1</td><td>%2</td><td>no data yet</td><td>no data yet</td>")
                                      .arg(ahead, formatMetricMeasure(*metric, 3.0))));
        }
        // The transition plan on exit.
        {
            CaseSession session(edit(leaver), m);
            QCOMPARE(session.recordExit(latest, QStringLiteral("Support moves to the regional team for two quarters.")),
                     QString());
        }
        html = report(leaver);
        QVERIFY2(html.contains(QStringLiteral("Transition plan: Support moves to the regional team for two quarters.")),
                 qPrintable(html.right(3000)));
        QVERIFY(html.contains(QStringLiteral(", left %1)</h3>").arg(latest)));

        // The review's scope, and a milestone's done date, wherever the demo has them.
        int scopes = 0;
        int doneDates = 0;
        for (const QString &path : std::as_const(paths)) {
            const auto caseFile = workspace.openCase(path);
            CaseworkStore store(caseFile->scope());
            const QList<QVariantMap> reviews = store.records(reviewTable());
            const QList<QVariantMap> milestones = store.records(milestoneTable());
            if (reviews.isEmpty() && milestones.isEmpty())
                continue;
            const QString text = report(path);
            for (const QVariantMap &r : reviews) {
                QVERIFY(text.contains(labelledValue(QStringLiteral("Scope"), r.value(QStringLiteral("scope")).toString()).toHtmlEscaped()));
                ++scopes;
            }
            if (!milestones.isEmpty())
                QVERIFY(text.contains(QStringLiteral("\">Done on</th>")));
            for (const QVariantMap &ms : milestones) {
                const QString done = ms.value(QStringLiteral("done_date")).toString();
                if (done.isEmpty())
                    continue;
                QVERIFY(text.contains(QStringLiteral("<td>%1</td></tr>").arg(showDate(done))));
                ++doneDates;
            }
        }
        QVERIFY(scopes > 0);
        QVERIFY(doneDates > 0);
    }

    // The regional pack's ICB pages (issue 13): the capability and system
    // consideration cells say their value in words ("Yes", "No", a rating's
    // name) or "not yet recorded", never a blank cell or a stored "yes".
    // The exit criteria with their measure and target, and the decision with
    // its rationale, as the review report prints it (issue 13 retest).
    void criteriaMeasuresAndDecisionRationale()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString demo = dir.filePath(QStringLiteral("demo"));
        createDemoWorkspace(demo);
        const Methodology &m = Methodology::builtIn();
        const CaseworkChoices &sets = m.casework();
        QString criterionCase;
        QString reviewCase;
        for (const QFileInfo &file : QDir(demo).entryInfoList({QStringLiteral("*.owcase")})) {
            CaseSession session(file.filePath(), m);
            const QList<QVariantMap> criteria = session.casework().records(criterionTable());
            if (criterionCase.isEmpty() && !criteria.isEmpty()) {
                const qint64 id = criteria.first().value(QStringLiteral("id")).toLongLong();
                QCOMPARE(session.setRecordFields(criterionTable(), id,
                                                 {{QStringLiteral("measure"), QStringLiteral("Board effectiveness review")},
                                                  {QStringLiteral("target"), QStringLiteral("Rated effective")}},
                                                 QStringLiteral("Edit exit criterion")),
                         QString());
                criterionCase = session.identity().code;
            }
            const QList<QVariantMap> reviews = session.casework().records(reviewTable());
            if (reviewCase.isEmpty() && !reviews.isEmpty()) {
                const qint64 id = reviews.first().value(QStringLiteral("id")).toLongLong();
                QCOMPARE(session.setRecordFields(
                             reviewTable(), id,
                             {{QStringLiteral("capability_conclusion"), m.capabilityRatings().first().id},
                              {QStringLiteral("recommendation"), sets.recommendations.firstId()},
                              {QStringLiteral("decision"), sets.decisions.firstId()},
                              {QStringLiteral("decision_date"), QDate::currentDate().toString(Qt::ISODate)},
                              {QStringLiteral("decision_maker"), QStringLiteral("Regional director")},
                              {QStringLiteral("decision_rationale"), QStringLiteral("Leadership capacity needs support")},
                              {QStringLiteral("status"), sets.reviewStages.finalId}},
                             QStringLiteral("Record the regional decision")),
                         QString());
                reviewCase = session.identity().code;
            }
        }
        QVERIFY(!criterionCase.isEmpty());
        QVERIFY(!reviewCase.isEmpty());
        WorkspaceUnderTest under;
        Workspace &workspace = under.open(demo);
        const QString criteria = caseReportHtml(workspace, reportedCase(workspace, criterionCase));
        QVERIFY2(criteria.contains(QStringLiteral("Measure")) && criteria.contains(QStringLiteral("Target")),
                 qPrintable(criteria.right(3000)));
        QVERIFY(criteria.contains(QStringLiteral("<td>Board effectiveness review</td>")));
        QVERIFY(criteria.contains(QStringLiteral("<td>Rated effective</td>")));
        const QString decided = caseReportHtml(workspace, reportedCase(workspace, reviewCase));
        QVERIFY2(decided.contains(QStringLiteral("Rationale: Leadership capacity needs support")),
                 qPrintable(decided.right(3000)));
    }

    void regionalPackIcbPagesInWords()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString demo = dir.filePath(QStringLiteral("demo"));
        createDemoWorkspace(demo);
        WorkspaceUnderTest under;
        Workspace *workspace = &under.open(demo);
        const QString html = regionalPackHtml(*workspace);
        int considerationTables = 0;
        int answers = 0;
        // Each table from its heading to the next heading.
        for (const QString &heading : {QStringLiteral("<h3>Capability "), QStringLiteral("<h3>System considerations")}) {
            for (qsizetype at = html.indexOf(heading); at >= 0; at = html.indexOf(heading, at + 1)) {
                const qsizetype end = html.indexOf(QRegularExpression(QStringLiteral("<h[123]")), at + 4);
                const QString table = html.mid(at, end < 0 ? -1 : end - at);
                QVERIFY2(!table.contains(QStringLiteral("<td></td>")), qPrintable(table));
                QVERIFY2(!table.contains(QRegularExpression(QStringLiteral("<td>(yes|no)</td>"))), qPrintable(table));
                if (heading.contains(QLatin1String("System"))) {
                    ++considerationTables;
                    answers += int(table.count(QRegularExpression(QStringLiteral("<td>(Yes|No)</td>"))));
                }
            }
        }
        QVERIFY(considerationTables > 0);
        QVERIFY(answers > 0);
        QVERIFY(html.contains(QStringLiteral("<td>not yet recorded</td>")));
    }

    void reviewReport()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString demo = dir.filePath(QStringLiteral("demo"));
        createDemoWorkspace(demo);
        WorkspaceUnderTest under;
        Workspace *workspace = &under.open(demo);
        int reviews = 0;
        int domains = 0;
        int metrics = 0;
        for (const QString &code : workspace->caseCodes()) {
            const QString path = reportedCase(*workspace, code);
            if (!workspace->isTeam())
                QCOMPARE(hasDiagnosticReview(*workspace, path), hasDiagnosticReview(path));
            if (!hasDiagnosticReview(*workspace, path)) {
                QVERIFY_THROWS_EXCEPTION(StoreError, reviewReportHtml(*workspace, path));
                continue;
            }
            ++reviews;
            const QString html = reviewReportHtml(*workspace, path);
            for (const char *heading : {"<h2>Scope and team</h2>", "<h2>Findings by root cause</h2>",
                                        "<h2>Capability conclusion</h2>", "<h2>Recommendation and decision</h2>"})
                QVERIFY2(html.contains(QLatin1String(heading)), heading);
            QVERIFY(!html.contains(QStringLiteral(": .")));
            const auto caseFile = openReportedCase(*workspace, path);
            CaseworkStore store(caseFile->scope());
            const Methodology &m = Methodology::builtIn();
            for (const QVariantMap &f : store.records(findingTable())) {
                const QString cause = f.value(QStringLiteral("category")).toString();
                const qsizetype causeAt = html.indexOf(QStringLiteral("<h3>%1</h3>").arg(cause.toHtmlEscaped()));
                const qsizetype findingAt = html.indexOf(f.value(QStringLiteral("description")).toString().toHtmlEscaped());
                QVERIFY2(causeAt > 0 && findingAt > causeAt, qPrintable(cause));
                const QString severity = f.value(QStringLiteral("severity")).toString();
                if (!severity.isEmpty())
                    QVERIFY(html.contains(QStringLiteral("<td>%1</td>").arg(m.casework().severities.nameOf(severity))));
                for (const QVariantMap &e : store.records(findingEvidenceTable(), QStringLiteral("finding_id"),
                                                          f.value(QStringLiteral("id"))))
                    QVERIFY(html.contains(e.value(QStringLiteral("title")).toString().toHtmlEscaped()));
                // The finding's domains by their names, in both reports (the tester: "neither PDF lists them").
                for (const QString &domain : f.value(QStringLiteral("domains")).toString().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
                    QString name;
                    for (const Domain &d : m.domains())
                        if (d.id == domain)
                            name = d.name;
                    QVERIFY2(!name.isEmpty(), qPrintable(domain));
                    QVERIFY2(html.contains(name.toHtmlEscaped()), qPrintable(name));
                    QVERIFY2(caseReportHtml(*workspace, path).contains(name.toHtmlEscaped()), qPrintable(name));
                    ++domains;
                }
                // Its metrics by their names too, in both reports (round 3, item 9: bare "OF0023" in the case report).
                for (const QString &metric : f.value(QStringLiteral("metrics")).toString().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
                    const QString named = metricName(m, metric);
                    QVERIFY2(named != metric, qPrintable(metric));
                    QVERIFY2(html.contains(named.toHtmlEscaped()), qPrintable(named));
                    QVERIFY2(caseReportHtml(*workspace, path).contains(named.toHtmlEscaped()), qPrintable(named));
                    ++metrics;
                }
            }
            // The case report's review says the capability conclusion as the review report does.
            QVERIFY(caseReportHtml(*workspace, path).contains(QStringLiteral("Capability conclusion: ")));
            QTemporaryDir out;
            const QString pdf = out.filePath(QStringLiteral("review.pdf"));
            writeReviewReport(*workspace, path, pdf);
            QFile file(pdf);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.read(5), QByteArray("%PDF-"));
        }
        QVERIFY(reviews > 0);
        QVERIFY(domains > 0);
        QVERIFY(metrics > 0);
    }
};

QTEST_MAIN(TestCaseReport)
#include "tst_casereport.moc"
