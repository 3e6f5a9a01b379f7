// What a workspace's stored assessments add up to: the portfolio's movement
// and needs action (model, filter, CSV, JSON), the league (sorting, a region
// highlighted, the programme ranked after segment 4, its CSV), ICBs reported
// but not segmented, and each year assessed under its own methodology (a
// later year's file, a refused replacement, a deliberate re-assessment that
// changes only what its dry run lists). Import and the files themselves are
// tst_workspace's.

#include "casework/casesession.h"
#include "casework/datetext.h"
#include "casework/historytext.h"
#include "casework/league.h"
#include "casework/nationalcache.h"
#include "casework/needsaction.h"
#include "casework/segmentexplanation.h"
#include "exchange/changeswriter.h"
#include "exchange/leaguewriter.h"
#include "exchange/portfoliowriter.h"
#include "itemmodels/changesmodel.h"
#include "itemmodels/itemroles.h"
#include "itemmodels/leaguemodel.h"
#include "itemmodels/portfoliofilter.h"
#include "itemmodels/portfoliomodel.h"
#include "store/auditlog.h"
#include "store/casefile.h"
#include "store/integritycheck.h"
#include "store/methodologychange.h"
#include "store/portfolio.h"
#include "store/workspace.h"
#include "workspacefixture.h"

#include <QColor>
#include <QAbstractItemModelTester>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSortFilterProxyModel>
#include <QMap>
#include <QDir>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace owb;
using namespace owbtest;

namespace {
// Every row of every stored assessment (with its metric and domain scores),
// by case and quarter ("RA1.owcase/2025/26 Q1"): the bytes of each column as
// stored, in a case file or on a server.
QMap<QString, QStringList> assessmentRows(Workspace &workspace)
{
    QMap<QString, QStringList> result;
    for (const QString &code : workspace.caseCodes()) {
        const auto caseFile = workspace.openCase(code);
        for (const char *table : {"assessment", "metric_score", "domain_score"}) {
            QSqlQuery q = caseFile->database().exec(
                QStringLiteral("SELECT * FROM %1 WHERE org_code = ?").arg(QLatin1String(table)), {code});
            while (q.next()) {
                QStringList columns;
                for (int i = 0; i < q.record().count(); ++i)
                    columns.append(q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
                result[code + QStringLiteral(".owcase/") + q.value(QStringLiteral("quarter")).toString()].append(
                    QLatin1String(table) + QLatin1Char(':') + columns.join(QLatin1Char('|')));
            }
        }
    }
    for (QStringList &rows : result)
        rows.sort();
    return result;
}

// The national part as stored: a folder's peers.owdata byte for byte, or
// every row of a team workspace's national tables.
QByteArray nationalState(Workspace &workspace)
{
    Database &db = workspace.peers().database();
    if (!workspace.isTeam()) {
        QFile file(db.path());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    QByteArray state;
    QSqlQuery tables = db.exec(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                              "'national' AND table_type = 'BASE TABLE' ORDER BY 1"));
    QStringList names;
    while (tables.next())
        names.append(tables.value(0).toString());
    for (const QString &name : std::as_const(names))
        state += name.toUtf8() + ':'
                 + db.scalar(QStringLiteral("SELECT coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') "
                                            "FROM national.%1 t").arg(name)).toString().toUtf8() + '\n';
    return state;
}

// The workspace opened again as a reader opens it.
std::unique_ptr<Workspace> reopened(Workspace &workspace)
{
    return workspace.isTeam() ? Workspace::openTeam(workspace.server(), {})
                              : Workspace::open(workspace.directory(), Database::Mode::ReadOnly);
}

// Who the register and the audit trail name as this test's author.
QString author(Workspace &workspace)
{
    return workspace.isTeam() ? workspace.sessionUser() : auditlog::currentActor();
}

// The built-in catalogue with thresholds instead of peer quartiles, for `year`.
std::optional<Methodology> thresholdsFile(const QString &year)
{
    QByteArray json = Methodology::builtIn().source();
    json.replace("\"id\": \"nof-2025-26\"", "\"id\": \"t-" + QString(year).replace(QLatin1Char('/'), QLatin1Char('-')).toUtf8() + "\"");
    json.replace("\"years\": [\"2025/26\"]", "\"years\": [\"" + year.toUtf8() + "\"]");
    json.replace("\"segmentation\": {\"method\": \"peer-quartiles\"}",
                 "\"segmentation\": {\"method\": \"thresholds\", \"cuts\": {\"acute\": [1.5, 2.5, 3.5], "
                 "\"mhc\": [1.5, 2.5, 3.5], \"ambulance\": [1.5, 2.5, 3.5]}}");
    QString error;
    auto parsed = Methodology::fromJson(json, QStringLiteral("t.json"), &error);
    if (!parsed)
        qWarning("%s", qPrintable(error));
    return parsed;
}
} // namespace

class TestPortfolio : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { OWB_BACKEND_READY(); }

    void portfolioMovement()
    {
        WorkspaceUnderTest under;
        Workspace *workspace = &under.with(kData);
        QStringList problems;
        const QList<PortfolioEntry> entries = loadPortfolio(*workspace, {}, &problems);
        QCOMPARE(problems, QStringList());
        QCOMPARE(entries.size(), 4);
        const PortfolioEntry &ra1 = entries.at(0);
        QCOMPARE(ra1.code, QStringLiteral("RA1"));
        QCOMPARE(ra1.quarter, QStringLiteral("2025/26 Q2"));
        QCOMPARE(ra1.previousQuarter, QStringLiteral("2025/26 Q1"));
        QCOMPARE(ra1.movement(), QStringLiteral("deteriorated"));
        const QList<PortfolioEntry> first = loadPortfolio(*workspace, QStringLiteral("2025/26 Q1"), &problems);
        QCOMPARE(first.at(0).movement(), QString());
    }

    // What needs action (issue 13): segment 4 with no review, a segment-4
    // quarter with no decision, overdue items; in words, once, for the
    // portfolio's column and filter and `owb portfolio`.
    void needsActionInThePortfolio()
    {
        WorkspaceUnderTest under;
        Workspace *workspace = &under.with(kData);
        const QString quarter = QStringLiteral("2025/26 Q2");
        auto needs = [&] {
            QStringList problems;
            QMap<QString, QString> out;
            for (const PortfolioEntry &e : loadPortfolio(*workspace, quarter, &problems))
                out.insert(e.code, e.needsAction);
            return out;
        };
        const QString none;
        QCOMPARE(needs(), (QMap<QString, QString>{{"RA1", "Segment 4, no review; quarter not decided"}, {"RA2", none}, {"RA3", none}, {"RM1", none}}));
        // The Casework cell is never blank where something is due (issue 13, item 14).
        auto caseworkOf = [&](const QString &code) {
            QStringList problems;
            for (const PortfolioEntry &e : loadPortfolio(*workspace, quarter, &problems))
                if (e.code == code)
                    return e.casework;
            return QString();
        };
        QCOMPARE(caseworkOf(QStringLiteral("RA1")), QStringLiteral("Segment 4, no review"));
        QCOMPARE(caseworkOf(QStringLiteral("RA2")), none);
        {
            CaseSession ra1(workspace->openCase(QStringLiteral("RA1"), Database::Mode::OpenExisting), Methodology::builtIn());
            // A review opened only in a later quarter was not there in this one.
            QCOMPARE(ra1.addRecord(reviewTable(), {{QStringLiteral("opened_quarter"), QStringLiteral("2025/26 Q3")}, {QStringLiteral("status"), QStringLiteral("scoping")}},
                                   QStringLiteral("Open")), QString());
            QCOMPARE(needs().value("RA1"), QStringLiteral("Segment 4, no review; quarter not decided"));
            QCOMPARE(ra1.addRecord(reviewTable(), {{QStringLiteral("opened_quarter"), quarter}, {QStringLiteral("status"), QStringLiteral("scoping")}},
                                   QStringLiteral("Open")), QString());
            QCOMPARE(needs().value("RA1"), QStringLiteral("Quarter not decided"));
            QCOMPARE(caseworkOf(QStringLiteral("RA1")), QStringLiteral("Diagnostic review open"));
            QCOMPARE(ra1.recordDecision(quarter, false, 4, QString()), QString());
            QCOMPARE(needs().value("RA1"), none);
        }
        {
            // Any segment: milestones overdue at the quarter's end.
            CaseSession ra2(workspace->openCase(QStringLiteral("RA2"), Database::Mode::OpenExisting), Methodology::builtIn());
            for (const char *due : {"2025-07-15", "2025-08-01", "2026-03-01"})
                QCOMPARE(ra2.addRecord(milestoneTable(), {{QStringLiteral("description"), QStringLiteral("Plan")}, {QStringLiteral("due_date"), QLatin1String(due)},
                                                          {QStringLiteral("status"), QStringLiteral("open")}},
                                       QStringLiteral("Add")), QString());
        }
        QCOMPARE(needs().value("RA2"), QStringLiteral("2 overdue"));

        // The model's column and role, the filter, and the CSV's last column.
        QStringList problems;
        const QList<PortfolioEntry> entries = loadPortfolio(*workspace, quarter, &problems);
        PortfolioModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(entries, {});
        PortfolioFilter filter;
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        QCOMPARE(model.headerData(PortfolioModel::NeedsAction, Qt::Horizontal).toString(), QStringLiteral("Needs action"));
        QCOMPARE(filter.rowCount(), 4);
        filter.setNeedsActionOnly(true);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, PortfolioModel::Code).data().toString(), QStringLiteral("RA2"));
        QCOMPARE(filter.index(0, PortfolioModel::NeedsAction).data().toString(), QStringLiteral("2 overdue"));
        QCOMPARE(filter.index(0, PortfolioModel::NeedsAction).data(Qt::ToolTipRole).toString(), QStringLiteral("2 overdue"));
        QVERIFY(filter.index(0, 0).data(NeedsActionRole).toBool());
        filter.setNeedsActionOnly(false);
        QCOMPARE(filter.rowCount(), 4);
        // Overdue items and a missed plan stand out alike (the tester saw "1 off trajectory" in black).
        const QColor red(0xda, 0x29, 0x1c);
        QList<PortfolioEntry> offPlan = entries;
        for (PortfolioEntry &e : offPlan) {
            e.overdue = 0;
            e.offTrajectory = e.code == QLatin1String("RA3") ? 1 : 0;
        }
        model.setEntries(offPlan, {});
        for (int row = 0; row < model.rowCount(); ++row) {
            const bool off = model.index(row, PortfolioModel::Code).data().toString() == QLatin1String("RA3");
            for (const int column : {int(PortfolioModel::NeedsAction), int(PortfolioModel::Casework)})
                QCOMPARE(model.index(row, column).data(Qt::ForegroundRole).value<QColor>() == red, off);
        }
        model.setEntries(entries, {});
        QString csv;
        QTextStream out(&csv);
        writePortfolioCsv(out, entries);
        out.flush();
        // The contract's columns in their places, then the league table's
        // capability and casework, last (issue 13).
        QVERIFY2(csv.startsWith(QStringLiteral("org_code,org_name,org_type,quarter,segment,average_score,rank,previous_segment,movement,needs_action,movement_detail,"
                                               "capability,capability_year,casework\n")),
                 qPrintable(csv));
        QVERIFY2(csv.contains(QStringLiteral(",2 overdue,")), qPrintable(csv));
        QCOMPARE(portfolioJson(entries).at(1).toObject().value(QStringLiteral("needs_action")).toString(), QStringLiteral("2 overdue"));
    }

    // The portfolio's CSV has the capability and casework the league table's
    // CSV has (issue 13): the rating by the methodology's name, its year and
    // the casework in words, as the last three columns; JSON has them too.
    void portfolioCsvCapabilityAndCasework()
    {
        PortfolioEntry e;
        e.code = QStringLiteral("RA1");
        e.name = QStringLiteral("Alpha");
        e.peerType = QStringLiteral("acute");
        e.quarter = QStringLiteral("2025/26 Q4");
        e.segment = 4;
        e.average = 312;
        e.capabilityRating = QStringLiteral("limited");
        e.capabilityYear = QStringLiteral("2025/26");
        e.casework = QStringLiteral("Diagnostic review open; 2 overdue");
        PortfolioEntry plain = e;
        plain.code = QStringLiteral("RA2");
        plain.capabilityRating.clear();
        plain.capabilityYear.clear();
        plain.casework.clear();
        const QHash<QString, QString> ratings{{QStringLiteral("limited"), QStringLiteral("Limited confidence")}};
        QString csv;
        QTextStream out(&csv);
        writePortfolioCsv(out, {e, plain}, ratings);
        out.flush();
        const QStringList lines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0).split(QLatin1Char(',')).mid(0, 11), portfolioColumns().mid(0, 11));
        QCOMPARE(lines.at(0).split(QLatin1Char(',')).mid(11),
                 QStringList({QStringLiteral("capability"), QStringLiteral("capability_year"), QStringLiteral("casework")}));
        QVERIFY2(lines.at(1).endsWith(QStringLiteral(",Limited confidence,2025/26,Diagnostic review open; 2 overdue")),
                 qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).endsWith(QStringLiteral(",,,")), qPrintable(lines.at(2)));
        const QJsonObject json = portfolioJson({e}, ratings).at(0).toObject();
        QCOMPARE(json.value(QStringLiteral("capability")).toString(), QStringLiteral("Limited confidence"));
        QCOMPARE(json.value(QStringLiteral("capability_year")).toString(), QStringLiteral("2025/26"));
        QCOMPARE(json.value(QStringLiteral("casework")).toString(), QStringLiteral("Diagnostic review open; 2 overdue"));
    }

    // The league (issue 13): sorted as numbers, a region highlighted, the
    // workspace's capability and casework beside the national rows, and a
    // CSV that names the peer type as the methodology does.
    void leagueSortsHighlightsAndExports()
    {
        WorkspaceUnderTest under;
        Workspace *workspace = &under.with(kData);
        const QString quarter = QStringLiteral("2025/26 Q2");
        NationalCache national(workspace->peers(), Methodology::builtIn());
        QStringList problems;
        const QList<PortfolioEntry> portfolio = loadPortfolio(*workspace, quarter, &problems);
        QList<LeagueEntry> entries = leagueTable(national, quarter, QStringLiteral("acute"), decidedSegments(portfolio));
        addCaseworkTo(entries, portfolio);
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.last().code, QStringLiteral("RA1"));
        QCOMPARE(entries.last().needsAction, QStringLiteral("Segment 4, no review; quarter not decided"));
        QCOMPARE(entries.first().peerType, QStringLiteral("acute"));

        LeagueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(entries);
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(SortRole);
        proxy.sort(LeagueModel::Average, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, LeagueModel::Code).data().toString(), QStringLiteral("RA1"));
        QCOMPARE(model.index(0, LeagueModel::Rank).data(SortRole).toInt(), 1);
        model.setHighlightRegion(QStringLiteral("London"));
        for (int row = 0; row < model.rowCount(); ++row) {
            const bool london = model.index(row, LeagueModel::Region).data().toString() == QLatin1String("London");
            QCOMPARE(model.index(row, LeagueModel::Code).data(Qt::FontRole).isValid(), london);
            QCOMPARE(model.index(row, LeagueModel::Code).data(Qt::AccessibleDescriptionRole).toString().isEmpty(), !london);
        }

        QString csv;
        QTextStream out(&csv);
        writeLeagueCsv(out, entries, {{QStringLiteral("acute"), QStringLiteral("Acute trust")}});
        out.flush();
        QVERIFY2(csv.startsWith(QStringLiteral("rank,org_code,org_name,region,segment,average_score,deficit,raw_segment,"
                                               "to_next_segment,peer_type,capability,capability_year,casework,needs_action\n")),
                 qPrintable(csv));
        QVERIFY2(csv.contains(QStringLiteral(",Acute trust,,,\"Segment 4, no review\",\"Segment 4, no review; quarter not decided\"\n")), qPrintable(csv));
        QCOMPARE(leagueFileName(quarter, QStringLiteral("Mental health and community trust")),
                 QStringLiteral("league-2025-26-Q2-mental-health-and-community-trust.csv"));
    }

    // Segment 5 (the programme) ranks after segment 4, in the league and in
    // the portfolio's rank (framework.md §3, League tables).
    void programmeRanksAfterSegmentFour()
    {
        WorkspaceUnderTest under;
        Workspace *workspace = &under.with(kData);
        const QString quarter = QStringLiteral("2025/26 Q2");
        NationalCache national(workspace->peers(), Methodology::builtIn());
        auto ranks = [&](const QHash<QString, int> &decided) {
            QStringList order;
            for (const LeagueEntry &e : leagueTable(national, quarter, QStringLiteral("acute"), decided))
                order.append(QStringLiteral("%1:%2:%3").arg(e.code).arg(e.segment).arg(e.rank));
            return order;
        };
        QCOMPARE(ranks({}), (QStringList{"RA3:1:1", "RA2:2:2", "RA1:4:3"}));
        {
            CaseSession session(workspace->openCase(QStringLiteral("RA3"), Database::Mode::OpenExisting), Methodology::builtIn());
            QCOMPARE(session.addRecord(programmeTable(),
                                       {{QStringLiteral("entry_quarter"), quarter}, {QStringLiteral("entry_date"), QStringLiteral("2025-08-01")}, {QStringLiteral("reason"), QStringLiteral("test")}},
                                       QStringLiteral("Enter")),
                     QString());
        }
        QStringList problems;
        QList<PortfolioEntry> entries = loadPortfolio(*workspace, quarter, &problems);
        QCOMPARE(problems, QStringList());
        const QHash<QString, int> decided = decidedSegments(entries);
        QCOMPARE(decided, (QHash<QString, int>{{QStringLiteral("RA3"), 5}}));
        QCOMPARE(ranks(decided), (QStringList{"RA2:2:1", "RA1:4:2", "RA3:5:3"}));
        rankPortfolio(entries, national, quarter);
        QHash<QString, int> portfolioRanks;
        for (const PortfolioEntry &e : std::as_const(entries))
            portfolioRanks.insert(e.code, e.rank);
        QCOMPARE(portfolioRanks.value(QStringLiteral("RA3")), 3);
        QCOMPARE(portfolioRanks.value(QStringLiteral("RA1")), 2);
        QCOMPARE(portfolioRanks.value(QStringLiteral("RM1")), 1);  // alone in its peer type

        // The change this quarter says it was a decision, and which.
        QList<PortfolioEntry> changes;
        for (const PortfolioEntry &e : std::as_const(entries))
            if (!e.changeReason().isEmpty())
                changes.append(e);
        QString csv;
        QTextStream out(&csv);
        writeChangesCsv(out, changes);
        out.flush();
        QVERIFY2(csv.startsWith(QStringLiteral("org_code,org_name,org_type,quarter,previous_quarter,previous_segment,"
                                               "segment,reason,detail\n")),
                 qPrintable(csv));
        QVERIFY2(csv.contains(QStringLiteral("RA3,Gamma,acute,2025/26 Q2,2025/26 Q1,4,5,decision,"
                                             "\"Recovery Support Programme entry (2025/26 Q2, 2025-08-01): test\"\n")),
                 qPrintable(csv));
    }

    // ICBs are followed and reported, but not segmented in 2025/26.
    void icbIsReportedNotSegmented()
    {
        WorkspaceUnderTest under;
        Workspace *workspace = &under.with(kData + "2025/26 Q2,QA1,North ICB,ICB,ICB-RTT18,58.5,Midlands\n"
                                       "2025/26 Q2,QA2,South ICB,ICB,ICB-RTT18,61.0,London\n");
        const auto icb = workspace->openCase(QStringLiteral("QA1"));
        QCOMPARE(icb->identity().peerType, QStringLiteral("icb"));
        const auto assessment = icb->assessment(QStringLiteral("2025/26 Q2"));
        QVERIFY(assessment);
        QVERIFY(!assessment->result.isSegmented());
        QCOMPARE(assessment->result.segment, 0);
        QStringList problems;
        const QList<PortfolioEntry> entries = loadPortfolio(*workspace, {}, &problems);
        const auto it = std::find_if(entries.cbegin(), entries.cend(), [](const PortfolioEntry &e) { return e.code == QLatin1String("QA1"); });
        QVERIFY(it != entries.cend());
        QCOMPARE(it->segment, 0);
        QCOMPARE(it->rank, 0);
        NationalCache national(workspace->peers(), Methodology::builtIn());
        QCOMPARE(national.peerValues(QStringLiteral("2025/26 Q2"), QStringLiteral("icb"), QStringLiteral("ICB-RTT18")),
                 (QList<double>{58.5, 61.0}));
    }

    // Each year is assessed under its own file: registering a later year's
    // file leaves every stored row of the earlier year as it was, a file
    // that would replace a year's rules is refused, and a quarter whose year
    // has no methodology is refused before anything is written.
    void methodologyYearsAreSeparate()
    {
        WorkspaceUnderTest under;  // either back end
        Workspace *workspace = &under.with(kData);
        QCOMPARE(workspace->methodologies().years().size(), 1);
        QCOMPARE(workspace->methodologies().years().first().year, QStringLiteral("2025/26"));
        QCOMPARE(workspace->methodologies().files().first().methodology.sha256(), Methodology::builtIn().sha256());
        const QMap<QString, QStringList> before = assessmentRows(*workspace);

        const auto later = thresholdsFile(QStringLiteral("2026/27"));
        QVERIFY(later);
        const QByteArray q1 = "quarter,org_code,org_name,org_type,metric_id,value\n"
                              "2026-27 Q1,RA1,Alpha,acute,OF0023,50\n"
                              "2026-27 Q1,RA2,Beta,acute,OF0023,70\n";
        const ImportReport report = importInto(*workspace, q1, *later);
        QCOMPARE(report.quartersChanged, QStringList{QStringLiteral("2026/27 Q1")});
        QCOMPARE(report.quartersWritten, 2);
        QMap<QString, QStringList> after = assessmentRows(*workspace);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(after.value(it.key()), it.value());  // row by row, byte for byte
        const auto ra1Case = workspace->openCase(QStringLiteral("RA1"));
        CaseFile &ra1 = *ra1Case;
        QCOMPARE(ra1.assessment(QStringLiteral("2026/27 Q1"))->method, QStringLiteral("thresholds"));
        QCOMPARE(ra1.assessment(QStringLiteral("2026/27 Q1"))->methodologyId, QStringLiteral("t-2026-27"));
        QCOMPARE(ra1.assessment(QStringLiteral("2025/26 Q1"))->methodologyId, QStringLiteral("nof-2025-26"));
        QCOMPARE(workspace->methodologyFor(QStringLiteral("2026/27 Q4"))->sha256(), later->sha256());
        QCOMPARE(workspace->methodology().sha256(), later->sha256());  // the latest year's
        // Movement across the change of rules is neither better nor worse.
        QStringList problems;
        const QList<PortfolioEntry> entries = loadPortfolio(*workspace, QStringLiteral("2026/27 Q1"), &problems);
        QCOMPARE(problems, QStringList());
        int changedRules = 0;
        for (const PortfolioEntry &e : entries) {
            if (e.segment == 0 || e.previousSegment == 0)
                continue;
            ++changedRules;
            QCOMPARE(e.movement(), QStringLiteral("methodology-changed"));
            QVERIFY(e.changeReason().isEmpty() || e.changeReason() == QLatin1String("methodology changed"));
            if (!e.changeReason().isEmpty())
                QCOMPARE(e.changeDetail(), QStringLiteral("2025/26 Q2 assessed under nof-2025-26, 2026/27 Q1 under t-2026-27"));
        }
        QVERIFY(changedRules >= 2);
        // The overview explains a segment in its year's terms.
        const QString why = explainSegment(*ra1.assessment(QStringLiteral("2026/27 Q1")), QStringLiteral("Acute trust"), {}).howReached;
        QVERIFY2(why.contains(QStringLiteral("against the 2026/27 thresholds 1.50 / 2.50 / 3.50 for Acute trust → segment")),
                 qPrintable(why));
        // The national cache assesses each quarter under its year's rules.
        NationalCache national(workspace->peers(), Methodology::builtIn());
        QCOMPARE(national.methodologyFor(QStringLiteral("2026/27 Q1")).sha256(), later->sha256());
        QCOMPARE(national.methodologyFor(QStringLiteral("2025/26 Q1")).sha256(), Methodology::builtIn().sha256());
        QCOMPARE(national.assessment(QStringLiteral("2026/27 Q1")).organisations.first().segment,
                 ra1.assessment(QStringLiteral("2026/27 Q1"))->result.segment);

        // Another file for 2025/26 would re-assess it: refused, nothing written.
        const auto replacement = thresholdsFile(QStringLiteral("2025/26"));
        const QByteArray peersBefore = nationalState(*workspace);
        try {
            importInto(*workspace, kData, *replacement);
            QFAIL("a file replacing a year's methodology was accepted");
        } catch (const StoreError &error) {
            QVERIFY2(error.message().contains(QStringLiteral("owb methodology add")), qPrintable(error.message()));
        }
        QCOMPARE(nationalState(*workspace), peersBefore);
        QCOMPARE(assessmentRows(*workspace), after);

        // Data of a year without a methodology: refused, naming the quarter.
        try {
            importInto(*workspace, "quarter,org_code,org_name,org_type,metric_id,value\n"
                                   "2027/28 Q1,RA1,Alpha,acute,OF0023,50\n");
            QFAIL("a quarter without a methodology was accepted");
        } catch (const StoreError &error) {
            QVERIFY2(error.message().contains(QStringLiteral("2027/28 Q1: the workspace has no methodology for 2027/28")),
                     qPrintable(error.message()));
            QVERIFY(error.message().contains(QStringLiteral("owb methodology add")));
        }
        QCOMPARE(assessmentRows(*workspace), after);
        // Every quarter whose year has none is named, in one refusal (issue 12).
        try {
            importInto(*workspace, "quarter,org_code,org_name,org_type,metric_id,value\n"
                                   "2025/26 Q3,RA1,Alpha,acute,OF0023,50\n"
                                   "2028/29 Q1,RA1,Alpha,acute,OF0023,50\n"
                                   "2024/25 Q4,RA1,Alpha,acute,OF0023,50\n");
            QFAIL("quarters without a methodology were accepted");
        } catch (const StoreError &error) {
            QVERIFY2(error.message().contains(QStringLiteral(
                         "2024/25 Q4, 2028/29 Q1: the workspace has no methodology for 2024/25 or 2028/29, so those "
                         "quarters cannot be assessed")),
                     qPrintable(error.message()));
            QVERIFY(error.message().contains(QStringLiteral("File ▸ Methodologies...")));
        }
        QCOMPARE(assessmentRows(*workspace), after);

        // A later quarter of a registered year takes that year's file, and
        // the register survives reopening.
        importInto(*workspace, "quarter,org_code,org_name,org_type,metric_id,value\n"
                               "2026/27 Q2,RA1,Alpha,acute,OF0023,55\n");
        auto again = reopened(*workspace);
        QCOMPARE(again->methodologies().years().size(), 2);
        QCOMPARE(again->methodologies().years().at(1).basis, YearBasis::Declared);
        QCOMPARE(again->methodologies().files().at(1).addedBy, author(*workspace));
        QCOMPARE(again->openCase(QStringLiteral("RA1"))->assessment(QStringLiteral("2026/27 Q2"))->methodologyId,
                 QStringLiteral("t-2026-27"));
        after = assessmentRows(*workspace);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(after.value(it.key()), it.value());
    }

    // A workspace whose 2025/26 file was back-cast to 2024/25 (as the demo's
    // register): a re-issue of 2025/26 keeping its id is a re-issue, not a
    // clash with "other years". Only the year it declares is re-assessed;
    // the back-cast year keeps the file it was assessed under, byte for
    // byte, and the register still shows that file for it. The History
    // says each re-assessed quarter once, with before and after (issue 12).
    void reissueKeepingItsIdBesideBackCastYears()
    {
        OWB_FILE_ONLY("imports into the workspace again, which a team workspace does not do in this version (it is uploaded with owb team push)");
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        QByteArray data = kData;
        data += "2024/25 Q4,RA1,Alpha,acute,OF0023,40,Midlands\n"
                "2024/25 Q4,RA2,Beta,acute,OF0023,45,London\n"
                "2024/25 Q4,RA3,Gamma,acute,OF0023,57,Midlands\n";
        workspace->import(parse(data, Methodology::builtIn()), std::nullopt, QStringLiteral("t.csv"),
                          QStringLiteral("sha"), 1, {}, /*backCast=*/true);
        QCOMPARE(workspace->methodologies().entry(QStringLiteral("2024/25"))->basis, YearBasis::BackCast);
        const QMap<QString, QStringList> before = assessmentRows(*workspace);

        QByteArray json = Methodology::builtIn().source();
        json.replace("\"title\": \"", "\"title\": \"Re-issued ");
        json.replace("\"segmentation\": {\"method\": \"peer-quartiles\"}",
                     "\"segmentation\": {\"method\": \"thresholds\", \"cuts\": {\"acute\": [1.5, 2.5, 3.5], "
                     "\"mhc\": [1.5, 2.5, 3.5], \"ambulance\": [1.5, 2.5, 3.5]}}");
        QString error;
        const auto reissued = Methodology::fromJson(json, QStringLiteral("r.json"), &error);
        QVERIFY2(reissued, qPrintable(error));
        QCOMPARE(reissued->id(), Methodology::builtIn().id());
        QCOMPARE(workspace->methodologies().idConflict(*reissued, workspace->directory()), QString());
        const MethodologyChangePlan plan = planMethodologyChange(*workspace, *reissued);
        QCOMPARE(plan.quarters, (QStringList{QStringLiteral("2025/26 Q1"), QStringLiteral("2025/26 Q2")}));
        workspace->reassess(*reissued);
        QCOMPARE(workspace->methodologies().forYear(QStringLiteral("2025/26"))->sha256(), reissued->sha256());
        QCOMPARE(workspace->methodologies().forYear(QStringLiteral("2024/25"))->sha256(),
                 Methodology::builtIn().sha256());
        QCOMPARE(workspace->methodologies().forYear(QStringLiteral("2024/25"))->source(), Methodology::builtIn().source());
        const QMap<QString, QStringList> after = assessmentRows(*workspace);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            if (it.key().endsWith(QStringLiteral("2024/25 Q4")))
                QCOMPARE(after.value(it.key()), it.value());
        QVERIFY(checkWorkspace(workspace->directory()).clean());

        // The same id declared for another year with other content is still
        // refused, with an id that is not the old one with its year again.
        QByteArray clash = json;
        clash.replace("\"years\": [\"2025/26\"]", "\"years\": [\"2026/27\"]");
        const auto other = Methodology::fromJson(clash, QStringLiteral("c.json"), &error);
        QVERIFY2(other, qPrintable(error));
        const QString refused = workspace->methodologies().idConflict(*other, workspace->directory());
        QVERIFY2(refused.contains(QStringLiteral("already registered for 2025/26 with other content"))
                     && refused.contains(QStringLiteral("(such as nof-2025-26-2026-27)")),
                 qPrintable(refused));
        QByteArray sameYear = json;
        sameYear.replace("\"years\": [\"2025/26\"]", "\"years\": [\"2025/26\", \"2026/27\"]");
        sameYear.replace("\"title\": \"", "\"title\": \"Other ");
        const auto both = Methodology::fromJson(sameYear, QStringLiteral("b.json"), &error);
        QVERIFY2(both, qPrintable(error));
        QCOMPARE(workspace->methodologies().idConflict(*both, workspace->directory()), QString());

        // History: one entry per re-assessed quarter, its removal folded in.
        CaseFile ra1(workspace->caseFilePath(QStringLiteral("RA1")), Database::Mode::ReadOnly);
        const QList<AuditEntry> entries = auditlog::entries(ra1.database(), QStringLiteral("assessment"), QStringLiteral("2025/26 Q1"));
        const auto reissued1 = reissuedAssessments(entries, workspace->methodologies().reissues());
        const QHash<qint64, qsizetype> folded = reassessedRemovals(entries, reissued1);
        QCOMPARE(folded.size(), 1);
        QVERIFY(folded.contains(entries.at(0).seq));
        QCOMPARE(entries.at(folded.value(entries.at(0).seq)).action, QStringLiteral("delete"));
        const QString said = reassessmentText(entries.at(folded.value(entries.at(0).seq)), entries.at(0),
                                              reissued->title(), &*reissued1.constFind(entries.at(0).seq));
        QVERIFY2(said.contains(QStringLiteral("; segment: ")) && said.contains(QStringLiteral("; average: ")),
                 qPrintable(said));
        // An assessment stored for the first time stays "added": nothing folded into it.
        const QList<AuditEntry> first = auditlog::entries(ra1.database(), QStringLiteral("assessment"), QStringLiteral("2024/25 Q4"));
        QVERIFY(reassessedRemovals(first, {}).isEmpty());
    }

    // Re-assessing one year deliberately: the dry run lists exactly the
    // case-file quarters the change then rewrites, with their segment and
    // average after; every other row (the other year) stays byte for byte.
    // On either back end (a team workspace's change is one transaction on the
    // server), with the re-issue's words for the History tab.
    void reassessingAYearChangesOnlyWhatTheDryRunSays()
    {
        WorkspaceUnderTest under;  // either back end
        Workspace *workspace = &under.with(kData);
        const QByteArray q1 = "quarter,org_code,org_name,org_type,metric_id,value\n"
                              "2026/27 Q1,RA1,Alpha,acute,OF0023,50\n"
                              "2026/27 Q1,RA2,Beta,acute,OF0023,70\n"
                              "2026/27 Q1,RA3,Gamma,acute,OF0023,61\n";
        importInto(*workspace, q1, *thresholdsFile(QStringLiteral("2026/27")));
        const QMap<QString, QStringList> before = assessmentRows(*workspace);
        const QByteArray peersBefore = nationalState(*workspace);

        QByteArray json = thresholdsFile(QStringLiteral("2026/27"))->source();
        json.replace("[1.5, 2.5, 3.5], \"mhc\"", "[2.5, 3.0, 3.5], \"mhc\"");
        QString error;
        const auto reissued = Methodology::fromJson(json, QStringLiteral("r.json"), &error);
        QVERIFY2(reissued, qPrintable(error));
        const MethodologyChangePlan plan = planMethodologyChange(*workspace, *reissued);
        QCOMPARE(nationalState(*workspace), peersBefore);  // a dry run writes nothing
        QCOMPARE(assessmentRows(*workspace), before);
        QCOMPARE(plan.quarters, QStringList{QStringLiteral("2026/27 Q1")});
        QCOMPARE(plan.replaced, QStringList{QStringLiteral("2026/27: t-2026-27")});
        QCOMPARE(plan.rows.size(), 3);

        const ImportReport report = workspace->reassess(*reissued);
        QCOMPARE(report.quartersWritten, int(plan.rows.size()));
        QSet<QString> listed;
        for (const MethodologyChangeRow &row : plan.rows) {
            listed.insert(row.code + QStringLiteral(".owcase/") + row.quarter);
            const auto stored = workspace->openCase(row.code)->assessment(row.quarter);
            QVERIFY(stored);
            QCOMPARE(stored->digest(), row.after.digest());
            QCOMPARE(stored->result.segment, row.after.result.segment);
            QCOMPARE(stored->result.average, row.after.result.average);
            QCOMPARE(row.before->methodologyId, QStringLiteral("t-2026-27"));
        }
        const QMap<QString, QStringList> after = assessmentRows(*workspace);
        QCOMPARE(after.keys(), before.keys());
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (listed.contains(it.key()))
                QVERIFY(after.value(it.key()) != it.value());
            else
                QCOMPARE(after.value(it.key()), it.value());  // 2025/26: byte for byte
        }
        QCOMPARE(workspace->methodologies().forYear(QStringLiteral("2026/27"))->sha256(), reissued->sha256());
        QCOMPARE(checkProblems(*workspace), QStringList());
        // The change is in each affected case's audit trail.
        const auto ra1 = workspace->openCase(QStringLiteral("RA1"));
        QList<AuditEntry> entries = auditlog::entries(ra1->scope(), QStringLiteral("assessment"), QStringLiteral("2026/27 Q1"));
        QCOMPARE(entries.first().actor, author(*workspace));
        // The same id re-issued with other contents: the History tab's words
        // say it was re-issued and that the file changed (newest first).
        const QList<MethodologyReissue> reissues = workspace->methodologies().reissues();
        QCOMPARE(reissues.size(), 1);
        QCOMPARE(reissues.first().id, QStringLiteral("t-2026-27"));
        QCOMPARE(reissues.first().sha256, reissued->sha256());
        QVERIFY(entries.size() >= 2);
        QVERIFY(!isReassessment(entries.at(1), entries.at(0)));  // not another file
        QHash<qint64, MethodologyReissue> found = reissuedAssessments(entries, reissues);
        QCOMPARE(found.size(), 1);
        QVERIFY(found.contains(entries.at(0).seq));
        const QString said = reassessmentText(entries.at(1), entries.at(0), reissued->title(), &found[entries.at(0).seq]);
        QVERIFY2(said.startsWith(QStringLiteral("re-assessed under %1 (t-2026-27 re-issued %2, file changed: SHA-256 %3... in "
                                                "place of %4...); segment: ")
                                     .arg(reissued->title(), showDate(reissues.first().at.left(10)), reissued->sha256().left(12),
                                          thresholdsFile(QStringLiteral("2026/27"))->sha256().left(12))),
                 qPrintable(said));
        // Applying again changes nothing.
        QVERIFY(planMethodologyChange(*workspace, *reissued).rows.isEmpty());
        // New data for the quarter under the same file is an ordinary rewrite, not a re-assessment.
        importInto(*workspace,
                   "quarter,org_code,org_name,org_type,metric_id,value\n"
                   "2026/27 Q1,RA1,Alpha,acute,OF0023,20\n"
                   "2026/27 Q1,RA2,Beta,acute,OF0023,70\n"
                   "2026/27 Q1,RA3,Gamma,acute,OF0023,61\n",
                   *reissued);
        entries = auditlog::entries(ra1->scope(), QStringLiteral("assessment"), QStringLiteral("2026/27 Q1"));
        QVERIFY(entries.size() >= 4);
        QVERIFY(!isReassessment(entries.at(1), entries.at(0)));
        found = reissuedAssessments(entries, reissues);
        QCOMPARE(found.size(), 1);  // still only the re-issue's rewrite
        QVERIFY(!found.contains(entries.at(0).seq));
    }

    // A re-assessment stopped after some case files (as a kill would stop
    // it): owb check calls it a re-assessment, a reader that may write
    // completes it first and says so with the count of case-file quarters
    // written, one that may not gets a warning (issue 12).
    void interruptedReassessmentIsToldAndCompleted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws"));
        auto workspace = Workspace::create(path);
        importInto(*workspace, kData);
        QByteArray json = thresholdsFile(QStringLiteral("2025/26"))->source();
        json.replace("\"acute\": [1.5, 2.5, 3.5]", "\"acute\": [1.01, 1.02, 1.03]");
        QString error;
        const auto reissued = Methodology::fromJson(json, QStringLiteral("r.json"), &error);
        QVERIFY2(reissued, qPrintable(error));
        const int toWrite = int(planMethodologyChange(*workspace, *reissued).rows.size());
        QVERIFY(toWrite > 2);
        struct Stop {};
        try {
            workspace->reassess(*reissued, [](int done, int) {
                if (done == 1)
                    throw Stop{};
            });
            QFAIL("the re-assessment was not stopped");
        } catch (const Stop &) {
        }
        workspace.reset();
        // A dry run only reads: it says what is pending and writes nothing
        // (every file byte for byte, none added).
        {
            const auto snapshot = [&path] {
                QMap<QString, QByteArray> files;
                for (const QFileInfo &info : QDir(path).entryInfoList(QDir::Files | QDir::Hidden)) {
                    QFile f(info.filePath());
                    if (f.open(QIODevice::ReadOnly))
                        files.insert(info.fileName(), f.readAll());
                }
                return files;
            };
            QFile file(dir.filePath(QStringLiteral("r.json")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(json);
            file.close();
            const auto before = snapshot();
            QProcess dry;
            dry.start(QStringLiteral(OWB_BIN), {QStringLiteral("methodology"), QStringLiteral("add"), path, file.fileName()});
            QVERIFY(dry.waitForFinished(120000));
            const QString err = QString::fromUtf8(dry.readAllStandardError());
            QCOMPARE(dry.exitCode(), 0);
            QVERIFY2(err.contains(QStringLiteral("an interrupted re-assessment is pending (2025/26 Q1, 2025/26 Q2, under t-2025-26)"))
                         && err.contains(QStringLiteral("nothing was written")) && !err.contains(QStringLiteral("was completed")),
                     qPrintable(err));
            QVERIFY(snapshot() == before);
        }
        {
            auto reader = Workspace::open(path, Database::Mode::ReadOnly);
            QVERIFY(!interruptedReassessment(path, reader->peers(), reader->methodologies()).isEmpty());
            QVERIFY2(interruptedWorkWarning(*reader).contains(QStringLiteral("a re-assessment (owb methodology add) was interrupted")),
                     qPrintable(interruptedWorkWarning(*reader)));
        }
        const CheckReport check = checkWorkspace(path);
        QVERIFY2(check.notes.join(QLatin1Char('\n')).contains(QStringLiteral("a re-assessment (owb methodology add) was interrupted")),
                 qPrintable(check.notes.join(QLatin1Char('\n'))));
        QString said;
        auto reader = openForReading(path, &said);
        QVERIFY2(said.contains(QStringLiteral("an interrupted re-assessment was completed (2025/26 Q1, 2025/26 Q2): ")),
                 qPrintable(said));
        QVERIFY(reader->peers().pendingQuarters().isEmpty());
        QVERIFY(planMethodologyChange(*reader, *reissued).rows.isEmpty());
        said.clear();
        openForReading(path, &said);
        QCOMPARE(said, QString());
    }

    // A programme entry between quarters of different methodologies is still
    // named: the movement stays methodology-changed, the reason and detail
    // say the programme was entered (issue 12).
    void programmeEntryAcrossMethodologies()
    {
        PortfolioEntry e;
        e.code = QStringLiteral("RZB");
        e.quarter = QStringLiteral("2026/27 Q1");
        e.previousQuarter = QStringLiteral("2025/26 Q4");
        e.segment = 5;
        e.previousSegment = 4;
        e.inProgramme = true;
        e.programmeEntryQuarter = e.quarter;
        e.decided = true;
        e.methodologyId = QStringLiteral("b");
        e.methodologySha256 = QStringLiteral("bb");
        e.previousMethodologyId = QStringLiteral("a");
        e.previousMethodologySha256 = QStringLiteral("aa");
        e.decisionDetail = QStringLiteral("Recovery Support Programme entry (2026/27 Q1, 2026-05-01): failing");
        QCOMPARE(e.movement(), QStringLiteral("methodology-changed"));
        QCOMPARE(e.changeReason(), QStringLiteral("methodology changed"));
        QCOMPARE(e.decisionAcrossMethodologies(), QStringLiteral("entered the programme"));
        QCOMPARE(e.changeDetail(), e.decisionDetail + QStringLiteral("; 2025/26 Q4 assessed under a, 2026/27 Q1 under b"));
        ChangesModel changes;
        changes.setEntries({e}, {});
        QCOMPARE(changes.index(0, ChangesModel::Reason).data().toString(),
                 QStringLiteral("Methodology changed; entered the programme"));
        // In the programme since an earlier quarter: no entry this quarter.
        e.programmeEntryQuarter = QStringLiteral("2025/26 Q1");
        e.previousInProgramme = true;
        e.previousSegment = 5;
        e.previousDecided = true;
        QCOMPARE(e.decisionAcrossMethodologies(), QString());
        QCOMPARE(e.changeReason(), QString());
        e.decided = false;
        e.inProgramme = false;
        e.previousInProgramme = false;
        e.previousDecided = false;
        e.previousSegment = 4;
        e.segment = 3;
        QCOMPARE(e.decisionAcrossMethodologies(), QString());
        QCOMPARE(e.changeDetail(), QStringLiteral("2025/26 Q4 assessed under a, 2026/27 Q1 under b"));
    }

    // A year whose methodology has no programme segment ("programme_name":
    // null, no label 5): an organisation in the programme since an earlier
    // year is not segment 5 there (the computed segment, or a correction,
    // stands) and the portfolio says why; entering the programme, or a
    // correction to segment 5, in such a year is refused and writes nothing.
    // On either back end: the year's file is imported into the team workspace
    // as into the folder, and the server's portfolio reads the same register.
    void yearWithoutProgrammeSegment()
    {
        WorkspaceUnderTest under;
        Workspace *workspace = &under.with(kData);
        QByteArray json = thresholdsFile(QStringLiteral("2026/27"))->source();
        json.replace(",\n    \"5\": \"Recovery Support Programme\"", "");
        json.replace("\"programme_name\": \"Recovery Support Programme\"", "\"programme_name\": null");
        QString error;
        const auto without = Methodology::fromJson(json, QStringLiteral("n.json"), &error);
        QVERIFY2(without, qPrintable(error));
        QVERIFY(!without->hasProgramme());
        importInto(*workspace,
                   "quarter,org_code,org_name,org_type,metric_id,value\n"
                   "2026/27 Q1,RA1,Alpha,acute,OF0023,50\n"
                   "2026/27 Q1,RA2,Beta,acute,OF0023,70\n"
                   "2026/27 Q1,RA3,Gamma,acute,OF0023,61\n",
                   *without);
        QCOMPARE(workspace->methodologies().yearsWithoutProgramme(), QSet<QString>{QStringLiteral("2026/27")});
        QCOMPARE(workspace->methodologies().programmeNameIn(QStringLiteral("2026/27 Q1")),
                 QStringLiteral("Recovery Support Programme"));  // the earlier year's name for it
        const QString before = workspace->peers().quarters().at(workspace->peers().quarters().size() - 2);
        const QString quarter = QStringLiteral("2026/27 Q1");
        QVERIFY(before.startsWith(QStringLiteral("2025/26")));

        CaseSession session(workspace->openCase(QStringLiteral("RA1"), Database::Mode::OpenExisting), workspace->methodology());
        session.casework().setYearsWithoutProgramme(workspace->methodologies().yearsWithoutProgramme());
        const int computed = session.caseFile().assessment(quarter)->result.segment;
        QVERIFY(computed >= 1 && computed <= 4);
        // Entering in the year without a programme segment is refused, in words, and writes nothing.
        const QString refused = session.enterProgramme(quarter, QStringLiteral("failing"), QString());
        QVERIFY2(refused.contains(QStringLiteral("2026/27 has no programme segment")), qPrintable(refused));
        QVERIFY(session.casework().records(programmeTable()).isEmpty());
        QVERIFY(!session.casework().conflict(programmeTable(), {{QStringLiteral("entry_quarter"), quarter}}).isEmpty());
        // Entered in 2025/26: segment 5 there, the computed segment in 2026/27.
        QCOMPARE(session.enterProgramme(before, QStringLiteral("failing"), QString()), QString());
        QCOMPARE(session.casework().finalSegment(before, 4), 5);
        const FinalSegment final = session.casework().finalSegmentOf(quarter, computed);
        QCOMPARE(final.segment, computed);
        QCOMPARE(final.source, FinalSegment::Source::Computed);
        QVERIFY(final.programmeWithoutSegment);
        QVERIFY(session.casework().programmeIn(quarter) > 0);  // still in it: said in words
        // No correction to a segment 5 the year does not have; a confirmation is recorded.
        const QString five = session.recordDecision(quarter, true, 5, QStringLiteral("why"));
        QVERIFY2(five.contains(QStringLiteral("2026/27 has no programme segment")), qPrintable(five));
        QCOMPARE(session.recordDecision(quarter, false, 0, QString()), QString());
        QCOMPARE(session.casework().finalSegment(quarter, computed), computed);
        // The programme still decides the earlier year.
        QVERIFY(!session.recordDecision(before, false, 0, QString()).isEmpty());

        // A workspace reader without the years (the default) would say 5: the
        // portfolio, its detail and the league read the register.
        QCOMPARE(CaseworkStore(session.caseFile().scope()).finalSegment(quarter, computed), 5);
        for (const PortfolioEntry &entry : loadPortfolio(*workspace, quarter, nullptr)) {
            if (entry.code != QStringLiteral("RA1"))
                continue;
            QCOMPARE(entry.segment, computed);
            QVERIFY(!entry.decided);
            QCOMPARE(entry.previousSegment, 5);
            QVERIFY2(entry.decisionDetail.contains(QStringLiteral("in the Recovery Support Programme since %1; 2026/27 has "
                                                                  "no programme segment").arg(before)),
                     qPrintable(entry.decisionDetail));
            QCOMPARE(entry.movement(), QStringLiteral("methodology-changed"));
        }
        for (const PortfolioEntry &entry : loadPortfolio(*workspace, before, nullptr))
            if (entry.code == QStringLiteral("RA1"))
                QCOMPARE(entry.segment, 5);
    }

    // A re-issue that takes a year's programme segment away: nothing computed
    // changes, but the final segment of an organisation in the programme
    // moves from 5 to its computed one, and other trusts' league ranks after
    // decisions move. The dry run lists exactly what the portfolio of that
    // quarter shows changed after the apply, with the reason (issue 12).
    void dryRunListsFinalSegmentAndLeagueRankChanges()
    {
        OWB_FILE_ONLY("imports into the workspace again, which a team workspace does not do in this version (it is uploaded with owb team push)");
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        importInto(*workspace, kData);
        const QString quarter = QStringLiteral("2026/27 Q1");
        importInto(*workspace,
                   "quarter,org_code,org_name,org_type,metric_id,value\n"
                   "2026/27 Q1,RA1,Alpha,acute,OF0023,70\n"
                   "2026/27 Q1,RA2,Beta,acute,OF0023,50\n"
                   "2026/27 Q1,RA3,Gamma,acute,OF0023,61\n",
                   *thresholdsFile(QStringLiteral("2026/27")));
        {
            CaseSession session(workspace->caseFilePath(QStringLiteral("RA1")), workspace->methodology());
            QCOMPARE(session.enterProgramme(QStringLiteral("2025/26 Q2"), QStringLiteral("failing"), QString()), QString());
        }
        // The portfolio of the quarter as shown: final segment and league rank.
        auto shown = [&](Workspace &ws) {
            QList<PortfolioEntry> entries = loadPortfolio(ws, quarter, nullptr);
            NationalCache national(ws.peers(), ws.methodology());
            rankPortfolio(entries, national, quarter);
            QMap<QString, std::pair<int, int>> byCode;
            for (const PortfolioEntry &entry : entries)
                byCode.insert(entry.code, {entry.segment, entry.rank});
            return byCode;
        };
        const QMap<QString, std::pair<int, int>> before = shown(*workspace);
        QCOMPARE(before.value(QStringLiteral("RA1")).first, 5);

        QByteArray json = thresholdsFile(QStringLiteral("2026/27"))->source();
        json.replace(",\n    \"5\": \"Recovery Support Programme\"", "");
        json.replace("\"programme_name\": \"Recovery Support Programme\"", "\"programme_name\": null");
        QString error;
        const auto without = Methodology::fromJson(json, QStringLiteral("n.json"), &error);
        QVERIFY2(without, qPrintable(error));
        const MethodologyChangePlan plan = planMethodologyChange(*workspace, *without);
        QMap<QString, MethodologyChangeRow> listed;
        for (const MethodologyChangeRow &row : plan.changedRows())
            listed.insert(row.code, row);
        const MethodologyChangeRow ra1 = listed.value(QStringLiteral("RA1"));
        QCOMPARE(ra1.finalBefore, 5);
        QCOMPARE(ra1.finalAfter, ra1.after.result.segment);
        QCOMPARE(ra1.finalReason, MethodologyChangeRow::FinalReason::NoProgrammeSegment);
        QCOMPARE(ra1.finalReasonText(), QStringLiteral("no programme segment in 2026/27"));
        QCOMPARE(ra1.before->result.segment, ra1.after.result.segment);  // nothing computed changes
        QVERIFY(listed.size() >= 2);  // another trust's league rank moves

        const ImportReport report = workspace->reassess(*without);
        QCOMPARE(report.quartersWritten, plan.rewrittenCount());
        workspace.reset();
        auto reopened = Workspace::open(dir.filePath(QStringLiteral("ws")), Database::Mode::ReadOnly);
        const QMap<QString, std::pair<int, int>> after = shown(*reopened);
        QCOMPARE(after.keys(), before.keys());
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            const std::pair<int, int> now = after.value(it.key());
            const bool moved = now != it.value();
            // Nothing computed changes: listed is exactly what moved.
            QVERIFY2(moved == listed.contains(it.key()), qPrintable(it.key()));
            if (!listed.contains(it.key()))
                continue;
            const MethodologyChangeRow &row = listed.value(it.key());
            QCOMPARE(row.finalBefore, it.value().first);
            QCOMPARE(row.finalAfter, now.first);
            QCOMPARE(row.leagueRankBefore, it.value().second);
            QCOMPARE(row.leagueRankAfter, now.second);
        }
        QVERIFY(planMethodologyChange(*reopened, *without).changedRows().isEmpty());
    }

    // The dry run lists every stored change: a row whose segment and average
    // stay but whose raw segment or league rank moves is listed (issue 12).
    void dryRunListsRankAndRawSegmentChanges()
    {
        StoredAssessment before;
        before.result.segment = 3;
        before.result.rawSegment = 2;
        before.result.average = 231;
        before.result.rank = 7;
        MethodologyChangeRow row{QStringLiteral("RA1"), QStringLiteral("Alpha"), QStringLiteral("2026/27 Q1"), before, before};
        QVERIFY(!row.changesResult());
        row.after.result.rank = 8;
        QVERIFY(row.changesResult());
        row.after = before;
        row.after.result.rawSegment = 3;
        QVERIFY(row.changesResult());
        MethodologyChangePlan plan;
        plan.rows = {row};
        QCOMPARE(plan.changedRows().size(), 1);
    }

    // An organisation the previous quarter's methodology did not segment (an
    // ICB), segmented under the new one: a change of methodology, listed with
    // the words "first segmented under" the new title; an ICB in the
    // programme since an earlier year did not enter it this quarter (issue 12).
    void firstSegmentedUnderNewMethodology()
    {
        PortfolioEntry e;
        e.code = QStringLiteral("ZHQ");
        e.quarter = QStringLiteral("2026/27 Q1");
        e.previousQuarter = QStringLiteral("2025/26 Q4");
        e.segment = 5;
        e.previousSegment = 0;
        e.inProgramme = true;
        e.previousInProgramme = true;
        e.programmeEntryQuarter = QStringLiteral("2025/26 Q1");
        e.decided = true;
        e.methodologyId = QStringLiteral("b");
        e.methodologyTitle = QStringLiteral("Rules B");
        e.methodologySha256 = QStringLiteral("bb");
        e.previousMethodologyId = QStringLiteral("a");
        e.previousMethodologySha256 = QStringLiteral("aa");
        e.decisionDetail = QStringLiteral("in the Recovery Support Programme since 2025/26 Q1");
        QCOMPARE(e.movement(), QStringLiteral("methodology-changed"));
        QCOMPARE(e.changeReason(), QStringLiteral("methodology changed"));
        QCOMPARE(e.decisionAcrossMethodologies(), QString());
        QCOMPARE(e.changeDetail(), QStringLiteral("in the Recovery Support Programme since 2025/26 Q1; first segmented under"
                                                  " Rules B (b); 2025/26 Q4, assessed under a, was not segmented"));
        ChangesModel changes;
        changes.setEntries({e}, {});
        QCOMPARE(changes.rowCount(), 1);
        QCOMPARE(changes.index(0, ChangesModel::Reason).data().toString(), QStringLiteral("Methodology changed; first segmented"));
        QCOMPARE(changes.index(0, ChangesModel::From).data().toString(), QStringLiteral("Not segmented"));
        QCOMPARE(portfolioJson({e}).at(0).toObject().value(QStringLiteral("movement_detail")).toString(), e.changeDetail());
        QString csv;
        QTextStream out(&csv);
        writeChangesCsv(out, {e});
        out.flush();
        QVERIFY2(csv.contains(QStringLiteral("methodology changed,\"") + e.changeDetail() + QLatin1Char('"')), qPrintable(csv));
        // Not in the programme: the detail is the first segmentation alone.
        e.inProgramme = e.previousInProgramme = e.decided = false;
        e.programmeEntryQuarter.clear();
        e.segment = 4;
        QCOMPARE(e.changeDetail(), QStringLiteral("first segmented under Rules B (b); 2025/26 Q4, assessed under a, was not segmented"));
        // Under the same rules, a quarter that did not segment it is no change.
        e.methodologySha256 = e.previousMethodologySha256;
        QCOMPARE(e.changeReason(), QString());
    }

    // The dry run shows only rows whose segment or average would change (a
    // re-issue that changes another peer type's cuts shows none), and names
    // every recorded decision made on a computed segment that would change;
    // the change keeps each decision as recorded and the quarter then needs
    // action, saying on which computed segment the decision was made.
    void reassessingShowsChangedRowsAndDecisionsToReview()
    {
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        importInto(*workspace, kData);
        importInto(*workspace,
                   "quarter,org_code,org_name,org_type,metric_id,value\n"
                   "2026/27 Q1,RA1,Alpha,acute,OF0023,50\n"
                   "2026/27 Q1,RA2,Beta,acute,OF0023,70\n"
                   "2026/27 Q1,RA3,Gamma,acute,OF0023,61\n",
                   *thresholdsFile(QStringLiteral("2026/27")));
        const QString quarter = QStringLiteral("2026/27 Q1");
        QMap<QString, int> computedBefore;
        for (const QString &code : {QStringLiteral("RA1"), QStringLiteral("RA2"), QStringLiteral("RA3")}) {
            CaseFile caseFile(workspace->caseFilePath(code), Database::Mode::OpenExisting);
            const int computed = caseFile.assessment(quarter)->result.segment;
            computedBefore.insert(code, computed);
            CaseworkStore casework(caseFile.scope());
            casework.insert(decisionTable(),
                            {{QStringLiteral("quarter"), quarter}, {QStringLiteral("kind"), QStringLiteral("confirm")},
                             {QStringLiteral("computed_segment"), computed}, {QStringLiteral("decided_segment"), computed},
                             {QStringLiteral("rationale"), QString()}, {QStringLiteral("decided_by"), QStringLiteral("root")},
                             {QStringLiteral("decided_on"), QStringLiteral("2026-11-24")}});
        }

        // Another peer type's cuts: every row is re-stamped, none changes.
        QByteArray mhcOnly = thresholdsFile(QStringLiteral("2026/27"))->source();
        mhcOnly.replace("[1.5, 2.5, 3.5], \"ambulance\"", "[2.5, 3.0, 3.5], \"ambulance\"");
        QString error;
        const auto other = Methodology::fromJson(mhcOnly, QStringLiteral("m.json"), &error);
        QVERIFY2(other, qPrintable(error));
        MethodologyChangePlan plan = planMethodologyChange(*workspace, *other);
        QCOMPARE(plan.rows.size(), 3);
        QVERIFY(plan.changedRows().isEmpty());
        QVERIFY(plan.decisions.isEmpty());

        // Acute cuts that put every acute trust in segment 4.
        QByteArray acute = thresholdsFile(QStringLiteral("2026/27"))->source();
        acute.replace("\"acute\": [1.5, 2.5, 3.5]", "\"acute\": [1.01, 1.02, 1.03]");
        acute.replace("\"id\": \"t-2026-27\"", "\"id\": \"t-2026-27-v2\"");
        const auto reissued = Methodology::fromJson(acute, QStringLiteral("r.json"), &error);
        QVERIFY2(reissued, qPrintable(error));
        plan = planMethodologyChange(*workspace, *reissued);
        QStringList changedCodes, decisionCodes;
        for (const MethodologyChangeRow &row : plan.changedRows()) {
            QVERIFY(row.before->result.segment != row.after.result.segment
                    || row.before->result.average != row.after.result.average);
            if (row.before->result.segment != row.after.result.segment)
                changedCodes.append(row.code);
        }
        QVERIFY(!changedCodes.isEmpty());
        for (const MethodologyDecisionRow &d : plan.decisions) {
            decisionCodes.append(d.code);
            QCOMPARE(d.decidedOn, computedBefore.value(d.code));
            QCOMPARE(d.after, 4);
            QCOMPARE(d.kind, QStringLiteral("confirm"));
        }
        QCOMPARE(decisionCodes, changedCodes);

        workspace->reassess(*reissued);
        for (const QString &code : std::as_const(changedCodes)) {
            CaseFile caseFile(workspace->caseFilePath(code), Database::Mode::ReadOnly);
            CaseworkStore casework(caseFile.scope());
            // The decision is as recorded.
            QCOMPARE(casework.decision(quarter).value(QStringLiteral("computed_segment")).toInt(),
                     computedBefore.value(code));
            const FinalSegment final = casework.finalSegmentOf(quarter, 4);
            QCOMPARE(final.decidedOn, computedBefore.value(code));
            const NeedsAction needs = needsAction(casework, quarter, final.segment, CaseworkStatus{}, 0, 4);
            QVERIFY(needs.any());
            QVERIFY2(needs.words().contains(
                         QStringLiteral("decision made on computed segment %1, now 4").arg(computedBefore.value(code)),
                         Qt::CaseInsensitive),
                     qPrintable(needs.words()));
        }
        for (const PortfolioEntry &entry : loadPortfolio(*workspace, quarter, nullptr))
            if (changedCodes.contains(entry.code))
                QVERIFY2(entry.needsAction.contains(QStringLiteral("review it")), qPrintable(entry.needsAction));
        QVERIFY(planMethodologyChange(*workspace, *reissued).decisions.isEmpty());

        // The History tab says a re-assessment happened, under which file.
        CaseFile ra1(workspace->caseFilePath(QStringLiteral("RA1")), Database::Mode::ReadOnly);
        const QList<AuditEntry> entries = auditlog::entries(ra1.database(), QStringLiteral("assessment"), quarter);
        int reassessments = 0;
        for (qsizetype i = 1; i < entries.size(); ++i)  // newest first
            if (isReassessment(entries.at(i), entries.at(i - 1))) {
                ++reassessments;
                const QString text = reassessmentText(entries.at(i), entries.at(i - 1), reissued->title());
                QVERIFY2(text.startsWith(QStringLiteral("re-assessed under %1 (t-2026-27-v2), in place of t-2026-27; segment: ")
                                             .arg(reissued->title())),
                         qPrintable(text));
            }
        QCOMPARE(reassessments, 1);
    }
};

QTEST_GUILESS_MAIN(TestPortfolio)
#include "tst_portfolio.moc"
