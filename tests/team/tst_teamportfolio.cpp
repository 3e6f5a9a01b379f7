// The portfolio of a team workspace reads each case table once for every
// case, grouped by organisation: the statements it sends do not grow with
// the number of organisations, metrics or casework records (regional teams
// reach their server over VPNs with 20-50 ms round trips). The same model
// code computes the entries from those rows for a folder, which gives the
// same portfolio. Runs against the throwaway cluster CTest starts
// (pgcluster.py, OWB_TEST_PG).

#include "casework/casesession.h"
#include "store/portfolio.h"
#include "store/teamtransfer.h"
#include "store/teamworkspace.h"
#include "teamfixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace owb;
using namespace owb::teamtest;

namespace {

int runOwb(const QStringList &arguments)
{
    QProcess owb;
    owb.start(QStringLiteral(OWB_BIN), arguments);
    owb.waitForFinished(300000);
    if (owb.exitCode() != 0)
        qWarning("owb %s: %s", qPrintable(arguments.join(QLatin1Char(' '))), owb.readAllStandardError().constData());
    return owb.exitStatus() == QProcess::NormalExit ? owb.exitCode() : -1;
}

// A folder workspace of `organisations` trusts, `metrics` metrics and two
// quarters, imported by owb as a user would.
QString importedFolder(const QTemporaryDir &dir, int organisations, int metrics)
{
    const QString methodology = dir.filePath(QStringLiteral("rules.json"));
    QStringList definitions;
    for (int m = 0; m < metrics; ++m)
        definitions << QStringLiteral(R"({"id": "M%1", "domain": "d%2", "applies_to": ["acute"], "range": [null, null],
                                          "direction": "%3"})")
                           .arg(m, 2, 10, QLatin1Char('0'))
                           .arg(m % 2)
                           .arg(m % 2 ? QStringLiteral("higher") : QStringLiteral("lower"));
    QFile rules(methodology);
    if (!rules.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(methodology));
    rules.write(QStringLiteral(R"({"id": "count", "title": "Count", "years": ["2025/26"],
                                  "segment_labels": {"1": "One", "2": "Two", "3": "Three", "4": "Four",
                                                     "5": "Recovery Support Programme"},
                                  "programme_name": "Recovery Support Programme",
                                  "peer_types": [{"id": "acute"}],
                                  "domains": [{"id": "d0"}, {"id": "d1"}], "metrics": [%1],
                                  "segmentation": {"method": "peer-quartiles"}})")
                    .arg(definitions.join(QStringLiteral(", ")))
                    .toUtf8());
    rules.close();
    const QString data = dir.filePath(QStringLiteral("data.csv"));
    QFile csv(data);
    if (!csv.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(data));
    csv.write("quarter,org_code,org_name,org_type,metric_id,value,region\n");
    for (int q = 1; q <= 2; ++q)
        for (int o = 0; o < organisations; ++o)
            for (int m = 0; m < metrics; ++m)
                csv.write(QStringLiteral("2025/26 Q%1,R%2,Trust %2,acute,M%3,%4,North\n")
                              .arg(q)
                              .arg(o, 3, 10, QLatin1Char('0'))
                              .arg(m, 2, 10, QLatin1Char('0'))
                              .arg((o * 37 + m * 11 + q * 5) % 100)
                              .toUtf8());
    csv.close();
    const QString folder = dir.filePath(QStringLiteral("ws"));
    if (runOwb({QStringLiteral("import"), folder, data, QStringLiteral("--methodology"), methodology}) != 0)
        qFatal("owb import failed");
    return folder;
}

// Casework on the first cases of a team workspace, through the facade the
// views use: a programme, milestones, decisions and trajectory points, so
// that the records counted are many.
void addCasework(Workspace &workspace, int cases)
{
    const QStringList codes = workspace.caseCodes();
    for (int i = 0; i < cases && i < codes.size(); ++i) {
        CaseSession session(workspace.openCase(codes.at(i), Database::Mode::OpenExisting), workspace.methodology());
        QCOMPARE(session.enterProgramme(QStringLiteral("2025/26 Q1"), QStringLiteral("reason"), QStringLiteral("director")),
                 QString());
        for (int m = 0; m < 3; ++m) {
            QCOMPARE(session.addRecord(milestoneTable(),
                                       {{QStringLiteral("description"), QStringLiteral("milestone %1").arg(m)},
                                        {QStringLiteral("due_date"), QStringLiteral("2025-05-0%1").arg(m + 1)},
                                        {QStringLiteral("status"), QStringLiteral("open")}},
                                       QStringLiteral("Add milestone")),
                     QString());
            QCOMPARE(session.addRecord(trajectoryTable(),
                                       {{QStringLiteral("metric_id"), QStringLiteral("M0%1").arg(m)},
                                        {QStringLiteral("quarter"), QStringLiteral("2025/26 Q2")},
                                        {QStringLiteral("planned"), QStringLiteral("50")}},
                                       QStringLiteral("Add trajectory point")),
                     QString());
        }
    }
}

// The statements one portfolio sends, and its entries.
qint64 portfolioStatements(Workspace &workspace, QList<PortfolioEntry> *entries)
{
    QStringList problems;
    const qint64 before = Database::statementsSent();
    *entries = loadPortfolio(workspace, {}, &problems);
    const qint64 sent = Database::statementsSent() - before;
    if (!problems.isEmpty())
        qWarning("%s", qPrintable(problems.join(QLatin1Char('\n'))));
    return sent;
}

} // namespace

class TestTeamPortfolio : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        OWB_REQUIRE_CLUSTER("team workspaces");
    }

    // 5 organisations with 3 metrics and no casework, 50 with 12 metrics
    // and casework records on ten of them: the same number of statements,
    // one per table read, and the same entries as the folder they came from.
    void statementsDoNotGrowWithCasesOrRecords()
    {
        qint64 counted[2] = {0, 0};
        const int organisations[2] = {5, 50};
        const int metrics[2] = {3, 12};
        for (int run = 0; run < 2; ++run) {
            QTemporaryDir dir;
            const QString folder = importedFolder(dir, organisations[run], metrics[run]);
            const ServerAddress server = freshDatabase(QStringLiteral("count"));
            initTeamWorkspace(server, {});
            pushWorkspace(folder, server, {});
            auto team = Workspace::open(server.url(), Database::Mode::OpenExisting);
            if (run == 1)
                addCasework(*team, 10);
            QList<PortfolioEntry> fromServer;
            counted[run] = portfolioStatements(*team, &fromServer);
            QCOMPARE(fromServer.size(), organisations[run]);
            // The folder's portfolio, from the same code: the same entries.
            if (run == 0) {
                auto local = Workspace::open(folder, Database::Mode::ReadOnly);
                QList<PortfolioEntry> fromFolder;
                portfolioStatements(*local, &fromFolder);
                QCOMPARE(fromFolder.size(), fromServer.size());
                for (qsizetype i = 0; i < fromFolder.size(); ++i) {
                    QCOMPARE(fromServer.at(i).code, fromFolder.at(i).code);
                    QCOMPARE(fromServer.at(i).segment, fromFolder.at(i).segment);
                    QCOMPARE(fromServer.at(i).lastChange, fromFolder.at(i).lastChange);
                    QCOMPARE(fromServer.at(i).needsAction, fromFolder.at(i).needsAction);
                }
            } else {
                QCOMPARE(fromServer.first().offTrajectory + fromServer.first().overdue > 0, true);
                QCOMPARE(fromServer.first().segment, 5);
            }
        }
        QCOMPARE(counted[1], counted[0]);
        // One statement per table read (the case list, identities,
        // assessments, capability, six casework tables, the trajectory's
        // values) and what the national part is asked: a small constant.
        QVERIFY2(counted[0] <= 16, qPrintable(QString::number(counted[0])));
    }
};

QTEST_GUILESS_MAIN(TestTeamPortfolio)
#include "tst_teamportfolio.moc"
