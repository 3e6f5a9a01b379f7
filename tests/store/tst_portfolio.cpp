// What a workspace's stored assessments add up to: the portfolio's movement
// and needs action (model, filter, CSV, JSON), the league (sorting, a region
// highlighted, the programme ranked after segment 4, its CSV) and ICBs
// reported but not segmented. Each year under its own methodology is
// tst_methodologyyears', re-assessing a year tst_reassessment's; import and
// the files themselves are tst_workspace's.

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
#include <QMutex>
#include <QDir>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace owb;
using namespace owbtest;

// What the portfolio sends to each case file of a folder (portfolioStatementsPerCaseFile):
// opening it (the header, two settings, its organisation, its workspace), then
// its tables, each once (assessments, capability, six casework tables, the
// planned values).
constexpr qsizetype kStatementsPerCaseFile = 14;

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
            // Any segment: milestones overdue. The quarter is the workspace's
            // latest, so they count on today: the one due after its end too
            // (an earlier quarter counts on its last day: tst_casework).
            CaseSession ra2(workspace->openCase(QStringLiteral("RA2"), Database::Mode::OpenExisting), Methodology::builtIn());
            for (const char *due : {"2025-07-15", "2025-08-01", "2026-03-01"})
                QCOMPARE(ra2.addRecord(milestoneTable(), {{QStringLiteral("description"), QStringLiteral("Plan")}, {QStringLiteral("due_date"), QLatin1String(due)},
                                                          {QStringLiteral("status"), QStringLiteral("open")}},
                                       QStringLiteral("Add")), QString());
        }
        QCOMPARE(needs().value("RA2"), QStringLiteral("3 overdue"));
        {
            // Tester (issue 14): two corrections for one quarter written by
            // hand (on a server, as rows stored before it refused them):
            // neither counts, and the needs say so.
            auto ra3 = workspace->openCase(QStringLiteral("RA3"), Database::Mode::OpenExisting);
            const int computed = ra3->assessment(quarter)->result.segment;
            try {
                ra3->database().exec(QStringLiteral("ALTER TABLE decision DISABLE TRIGGER decision_as_recorded"));
            } catch (const StoreError &) {
                // a case file: nothing refuses them
            }
            for (const int id : {71, 72})
                ra3->database().exec(QStringLiteral("INSERT INTO decision (org_code, id, quarter, kind, computed_segment,"
                                                    " decided_segment, rationale, decided_by, decided_on)"
                                                    " VALUES ('RA3', ?, ?, 'correction', ?, ?, 'by hand', 'x', '2025-01-06')"),
                                     {id, quarter, computed, computed == id - 70 ? 3 : id - 70});
        }
        QCOMPARE(needs().value("RA3"), QStringLiteral("2 decisions recorded where there is one, none counting: owb check "
                                                      "names them"));
        {
            QStringList problems;
            for (const PortfolioEntry &e : loadPortfolio(*workspace, quarter, &problems))
                if (e.code == QLatin1String("RA3"))
                    QCOMPARE(e.segment, workspace->openCase(QStringLiteral("RA3"), Database::Mode::OpenExisting)
                                            ->assessment(quarter)
                                            ->result.segment);
        }
        workspace->openCase(QStringLiteral("RA3"), Database::Mode::OpenExisting)
            ->database()
            .exec(QStringLiteral("DELETE FROM decision WHERE org_code = 'RA3' AND id IN (71, 72)"));
        QCOMPARE(needs().value("RA3"), none);

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
        QCOMPARE(filter.index(0, PortfolioModel::NeedsAction).data().toString(), QStringLiteral("3 overdue"));
        QCOMPARE(filter.index(0, PortfolioModel::NeedsAction).data(Qt::ToolTipRole).toString(), QStringLiteral("3 overdue"));
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
        QVERIFY2(csv.contains(QStringLiteral(",3 overdue,")), qPrintable(csv));
        QCOMPARE(portfolioJson(entries).at(1).toObject().value(QStringLiteral("needs_action")).toString(), QStringLiteral("3 overdue"));
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

    // The portfolio of a folder opens every case file and reads it: each
    // check on opening (the header, application_id, the schema version,
    // the organisation against the file's name, the workspace it belongs
    // to) made once, and each table read once, so that a case file costs
    // the same few statements however many records it holds (it was 21,
    // with the organisation read three times, the application_id and the
    // count of tables twice).
    void portfolioStatementsPerCaseFile()
    {
        OWB_FILE_ONLY("a team workspace's portfolio reads every case at once (tst_teamportfolio)");
        WorkspaceUnderTest under;
        Workspace &workspace = under.with(kData);
        QStringList problems;
        QCOMPARE(loadPortfolio(workspace, {}, &problems).size(), 4); // what the workspace itself reads, read
        QMutex mutex;
        QStringList sent;
        Database::observeStatements([&](const QString &sql) {
            const QMutexLocker lock(&mutex);
            sent.append(sql);
        });
        const QList<PortfolioEntry> entries = loadPortfolio(workspace, {}, &problems);
        Database::observeStatements({});
        QCOMPARE(problems, QStringList());
        QCOMPARE(entries.size(), 4);
        // Each check once: no statement twice for one file.
        for (const QString &sql : std::as_const(sent))
            QVERIFY2(sent.count(sql) <= entries.size(), qPrintable(sql));
        // Besides the case files, the workspace's quarters (one statement).
        QVERIFY2(sent.size() <= kStatementsPerCaseFile * entries.size() + 1,
                 qPrintable(QStringLiteral("%1 statements for %2 case files").arg(sent.size()).arg(entries.size())));
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
};

QTEST_GUILESS_MAIN(TestPortfolio)
#include "tst_portfolio.moc"
