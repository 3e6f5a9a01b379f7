// Workspace import: case files for the followed organisations, idempotent
// re-import, completion of an interrupted import, check and portfolio.

#include "casework/casesession.h"
#include "casework/league.h"
#include "casework/segmentexplanation.h"
#include "data/metricfilereader.h"
#include "exchange/changeswriter.h"
#include "exchange/leaguewriter.h"
#include "exchange/portfoliowriter.h"
#include "itemmodels/itemroles.h"
#include "itemmodels/leaguemodel.h"
#include "itemmodels/portfoliofilter.h"
#include "itemmodels/portfoliomodel.h"
#include "store/auditlog.h"
#include "store/casefile.h"
#include "store/integritycheck.h"
#include "store/methodologychange.h"
#include "store/portfolio.h"
#include "store/schemas.h"
#include "store/workspace.h"
#include "store/workspacepath.h"

#include <QBuffer>
#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace owb;

namespace {
const QByteArray kData =
    "quarter,org_code,org_name,org_type,metric_id,value,region\n"
    "2025/26 Q1,RA1,Alpha,acute,OF0023,60,Midlands\n"
    "2025/26 Q1,RA2,Beta,acute,OF0023,55,London\n"
    "2025/26 Q1,RA3,Gamma,acute,OF0023,50,Midlands\n"
    "2025/26 Q1,RA3,Gamma,acute,DEFICIT,1,Midlands\n"
    "2025/26 Q1,RM1,Mu,mhc,OF0082,4.5,Midlands\n"
    "2025/26 Q2,RA1,Alpha,acute,OF0023,50,Midlands\n"
    "2025/26 Q2,RA2,Beta,acute,OF0023,58,London\n"
    "2025/26 Q2,RA3,Gamma,acute,OF0023,61,Midlands\n"
    "2025/26 Q2,RM1,Mu,mhc,OF0082,4.1,Midlands\n";

MetricDataset parse(const QByteArray &bytes, const Methodology &m = Methodology::builtIn())
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    Diagnostics errors;
    auto dataset = MetricFileReader(m).read(&buffer, QStringLiteral("t.csv"), &errors);
    if (!dataset)
        qFatal("test data invalid: %s", qPrintable(errors.first().toString()));
    return *dataset;
}

ImportReport importInto(Workspace &workspace, const QByteArray &bytes, const Methodology &m = Methodology::builtIn())
{
    return workspace.import(parse(bytes, m), m, QStringLiteral("t.csv"), QStringLiteral("sha"), 1);
}

// Every stored assessment of every case file, by file and quarter.
QMap<QString, QString> digests(Workspace &workspace)
{
    QMap<QString, QString> result;
    for (const QString &path : workspace.caseFilePaths()) {
        CaseFile caseFile(path, Database::Mode::ReadOnly);
        for (const StoredAssessment &a : caseFile.assessments())
            result.insert(QFileInfo(path).fileName() + QLatin1Char('/') + a.quarter, a.digest());
    }
    return result;
}
// Every row of every stored assessment (with its metric and domain scores),
// by case file and quarter: the bytes of each column as stored.
QMap<QString, QStringList> assessmentRows(Workspace &workspace)
{
    QMap<QString, QStringList> result;
    for (const QString &path : workspace.caseFilePaths()) {
        CaseFile caseFile(path, Database::Mode::ReadOnly);
        for (const char *table : {"assessment", "metric_score", "domain_score"}) {
            QSqlQuery q = caseFile.database().exec(
                QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(QLatin1String(table)));
            while (q.next()) {
                QStringList columns;
                for (int i = 0; i < q.record().count(); ++i)
                    columns.append(q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
                result[QFileInfo(path).fileName() + QLatin1Char('/') + q.value(0).toString()].append(
                    QLatin1String(table) + QLatin1Char(':') + columns.join(QLatin1Char('|')));
            }
        }
    }
    return result;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The built-in catalogue with thresholds instead of peer quartiles, for `year`.
std::optional<Methodology> thresholdsFile(const QString &year)
{
    QByteArray json = Methodology::builtIn().source();
    json.replace("\"id\": \"nof-2025-26\"", "\"id\": \"t-" + year.toUtf8() + "\"");
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

class TestWorkspace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void importCreatesFollowedCaseFiles()
    {
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")), QStringLiteral("midlands"));
        const ImportReport report = importInto(*workspace, kData);
        QCOMPARE(report.quartersChanged, (QStringList{"2025/26 Q1", "2025/26 Q2"}));
        QCOMPARE(report.caseFilesCreated, 3);  // RA2 is in London
        QStringList names;
        for (const QString &path : workspace->caseFilePaths())
            names.append(QFileInfo(path).fileName());
        QCOMPARE(names, (QStringList{"RA1.owcase", "RA3.owcase", "RM1.owcase"}));

        CaseFile ra3(workspace->caseFilePath(QStringLiteral("RA3")), Database::Mode::ReadOnly);
        QCOMPARE(ra3.identity(), (CaseIdentity{"RA3", "Gamma", "acute", "Midlands"}));
        QCOMPARE(ra3.quarters(), (QStringList{"2025/26 Q1", "2025/26 Q2"}));
        // Ranked against all three acute trusts, London's included.
        const StoredAssessment q1 = *ra3.assessment(QStringLiteral("2025/26 Q1"));
        QCOMPARE(q1.result.average, 400);
        QCOMPARE(q1.result.deficit, true);
        QCOMPARE(q1.peerCount, 3);
        QCOMPARE(q1.methodologyId, QStringLiteral("nof-2025-26"));
        QCOMPARE(q1.methodologySha256, Methodology::builtIn().sha256());
        QVERIFY(q1.cuts.has_value());
        QCOMPARE(ra3.metricValues(QStringLiteral("2025/26 Q2")).value(QStringLiteral("OF0023")).number, 61.0);

        // The stored result is exactly what the framework computes.
        const QuarterData quarter = parse(kData).quarters.at(0);
        const QuarterAssessment direct = assessQuarter(Methodology::builtIn(), quarter.toInputs());
        QCOMPARE(q1.digest(), StoredAssessment::from(Methodology::builtIn(), quarter.label, direct,
                                                     quarter.index.value(QStringLiteral("RA3")))
                                  .digest());
        QVERIFY(checkWorkspace(workspace->directory()).clean());
    }

    void reimportChangesNothing()
    {
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        importInto(*workspace, kData);
        const auto before = digests(*workspace);
        const QString stamp = CaseFile(workspace->caseFilePath(QStringLiteral("RA1")), Database::Mode::ReadOnly)
                                  .assessment(QStringLiteral("2025/26 Q1"))->computedAt;
        const ImportReport again = importInto(*workspace, kData);
        QCOMPARE(again.quartersChanged, QStringList());
        QCOMPARE(again.quartersWritten, 0);
        QCOMPARE(digests(*workspace), before);
        QCOMPARE(CaseFile(workspace->caseFilePath(QStringLiteral("RA1")), Database::Mode::ReadOnly)
                     .assessment(QStringLiteral("2025/26 Q1"))->computedAt,
                 stamp);
    }

    void correctionRewritesOnlyItsQuarter()
    {
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        importInto(*workspace, kData);
        const ImportReport report = importInto(
            *workspace, "quarter,org_code,org_name,org_type,metric_id,value\n2025/26 Q2,RA1,Alpha,acute,OF0023,70\n");
        QCOMPARE(report.quartersChanged, QStringList{"2025/26 Q2"});
        CaseFile ra1(workspace->caseFilePath(QStringLiteral("RA1")), Database::Mode::ReadOnly);
        QCOMPARE(ra1.assessment(QStringLiteral("2025/26 Q2"))->result.average, 100);
        // The other trusts in that quarter are re-ranked against the corrected value.
        QCOMPARE(CaseFile(workspace->caseFilePath(QStringLiteral("RA2")), Database::Mode::ReadOnly)
                     .assessment(QStringLiteral("2025/26 Q2"))->result.rank,
                 3);
    }

    void interruptedImportIsCompletedOnOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws"));
        {
            // Step one of an import, then "killed" before the case files.
            auto workspace = Workspace::create(path);
            Transaction transaction(workspace->peers().database());
            MethodologyRegister(workspace->peers().database())
                .put(Methodology::builtIn(), QStringLiteral("2025/26"), YearBasis::Declared);
            workspace->peers().apply(parse(kData));
            transaction.commit();
        }
        QVERIFY(checkWorkspace(path).clean());
        QCOMPARE(checkWorkspace(path).notes.size(), 1);
        auto reopened = Workspace::open(path);
        QCOMPARE(reopened->peers().pendingQuarters(), QStringList());

        auto uninterrupted = Workspace::create(dir.filePath(QStringLiteral("reference")));
        importInto(*uninterrupted, kData);
        QCOMPARE(digests(*reopened), digests(*uninterrupted));
    }

    // Each year is assessed under its own file: registering a later year's
    // file leaves every stored row of the earlier year as it was, a file
    // that would replace a year's rules is refused, and a quarter whose year
    // has no methodology is refused before anything is written.
    void methodologyYearsAreSeparate()
    {
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        importInto(*workspace, kData);
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
        CaseFile ra1(workspace->caseFilePath(QStringLiteral("RA1")), Database::Mode::ReadOnly);
        QCOMPARE(ra1.assessment(QStringLiteral("2026/27 Q1"))->method, QStringLiteral("thresholds"));
        QCOMPARE(ra1.assessment(QStringLiteral("2026/27 Q1"))->methodologyId, QStringLiteral("t-2026/27"));
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
                QCOMPARE(e.changeDetail(), QStringLiteral("2025/26 Q2 assessed under nof-2025-26, 2026/27 Q1 under t-2026/27"));
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
        const QByteArray peersBefore = fileBytes(workspace->peers().database().path());
        try {
            importInto(*workspace, kData, *replacement);
            QFAIL("a file replacing a year's methodology was accepted");
        } catch (const StoreError &error) {
            QVERIFY2(error.message().contains(QStringLiteral("owb methodology add")), qPrintable(error.message()));
        }
        QCOMPARE(fileBytes(workspace->peers().database().path()), peersBefore);
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

        // A later quarter of a registered year takes that year's file, and
        // the register survives reopening.
        importInto(*workspace, "quarter,org_code,org_name,org_type,metric_id,value\n"
                               "2026/27 Q2,RA1,Alpha,acute,OF0023,55\n");
        auto reopened = Workspace::open(workspace->directory(), Database::Mode::ReadOnly);
        QCOMPARE(reopened->methodologies().years().size(), 2);
        QCOMPARE(reopened->methodologies().years().at(1).basis, YearBasis::Declared);
        QCOMPARE(reopened->methodologies().files().at(1).addedBy, auditlog::currentActor());
        CaseFile again(workspace->caseFilePath(QStringLiteral("RA1")), Database::Mode::ReadOnly);
        QCOMPARE(again.assessment(QStringLiteral("2026/27 Q2"))->methodologyId, QStringLiteral("t-2026/27"));
        after = assessmentRows(*workspace);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(after.value(it.key()), it.value());
    }

    // Re-assessing one year deliberately: the dry run lists exactly the
    // case-file quarters the change then rewrites, with their segment and
    // average after; every other row (the other year) stays byte for byte.
    void reassessingAYearChangesOnlyWhatTheDryRunSays()
    {
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        importInto(*workspace, kData);
        const QByteArray q1 = "quarter,org_code,org_name,org_type,metric_id,value\n"
                              "2026/27 Q1,RA1,Alpha,acute,OF0023,50\n"
                              "2026/27 Q1,RA2,Beta,acute,OF0023,70\n"
                              "2026/27 Q1,RA3,Gamma,acute,OF0023,61\n";
        importInto(*workspace, q1, *thresholdsFile(QStringLiteral("2026/27")));
        const QMap<QString, QStringList> before = assessmentRows(*workspace);
        const QByteArray peersBefore = fileBytes(workspace->peers().database().path());

        QByteArray json = thresholdsFile(QStringLiteral("2026/27"))->source();
        json.replace("[1.5, 2.5, 3.5], \"mhc\"", "[2.5, 3.0, 3.5], \"mhc\"");
        QString error;
        const auto reissued = Methodology::fromJson(json, QStringLiteral("r.json"), &error);
        QVERIFY2(reissued, qPrintable(error));
        const MethodologyChangePlan plan = planMethodologyChange(*workspace, *reissued);
        QCOMPARE(fileBytes(workspace->peers().database().path()), peersBefore);  // a dry run writes nothing
        QCOMPARE(assessmentRows(*workspace), before);
        QCOMPARE(plan.quarters, QStringList{QStringLiteral("2026/27 Q1")});
        QCOMPARE(plan.replaced, QStringList{QStringLiteral("2026/27: t-2026/27")});
        QCOMPARE(plan.rows.size(), 3);

        const ImportReport report = workspace->reassess(*reissued);
        QCOMPARE(report.quartersWritten, int(plan.rows.size()));
        QSet<QString> listed;
        for (const MethodologyChangeRow &row : plan.rows) {
            listed.insert(row.code + QStringLiteral(".owcase/") + row.quarter);
            CaseFile caseFile(workspace->caseFilePath(row.code), Database::Mode::ReadOnly);
            const auto stored = caseFile.assessment(row.quarter);
            QVERIFY(stored);
            QCOMPARE(stored->digest(), row.after.digest());
            QCOMPARE(stored->result.segment, row.after.result.segment);
            QCOMPARE(stored->result.average, row.after.result.average);
            QCOMPARE(row.before->methodologyId, QStringLiteral("t-2026/27"));
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
        QVERIFY(checkWorkspace(workspace->directory()).clean());
        // The change is in each affected case's audit trail.
        CaseFile ra1(workspace->caseFilePath(QStringLiteral("RA1")), Database::Mode::ReadOnly);
        QCOMPARE(auditlog::entries(ra1.database(), QStringLiteral("assessment"), QStringLiteral("2026/27 Q1")).first().actor,
                 auditlog::currentActor());
        // Applying again changes nothing.
        QVERIFY(planMethodologyChange(*workspace, *reissued).rows.isEmpty());
    }

    void checkFindsTampering()
    {
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        importInto(*workspace, kData);
        const QString path = workspace->caseFilePath(QStringLiteral("RA1"));
        {
            CaseFile caseFile(path, Database::Mode::OpenExisting);
            caseFile.database().exec(QStringLiteral("UPDATE assessment SET segment = 4, raw_segment = 4"));
        }
        const CheckReport report = checkPath(path);
        const QString all = report.problems.join(QLatin1Char('\n'));
        QVERIFY2(report.problems.first().startsWith(path + QStringLiteral(": audit log entry ")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("(update assessment 2025/26 Q1) was not made by the workbench")), qPrintable(all));
        QVERIFY2(all.contains(path + QStringLiteral(": assessment 2025/26 Q1: contents do not match their digest")), qPrintable(all));
        QVERIFY(!checkWorkspace(workspace->directory()).clean());
    }

    // The audit trail is a hash chain: altering or removing an entry is found,
    // and the first broken link is named.
    void auditChain()
    {
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        importInto(*workspace, kData);
        const QString path = workspace->caseFilePath(QStringLiteral("RA1"));
        QVERIFY(checkPath(path).clean());
        {
            CaseFile caseFile(path, Database::Mode::OpenExisting);
            QVERIFY(caseFile.database().scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE hash IS NULL")).toInt() == 0);
            QVERIFY(caseFile.database().scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt() >= 3);
            caseFile.database().exec(QStringLiteral("UPDATE audit_log SET after = replace(after, 'Alpha', 'Omega') WHERE seq = 1"));
        }
        QStringList problems = checkPath(path).problems;
        QVERIFY2(!problems.isEmpty() && problems.first().contains(QStringLiteral("audit log entry 1 (insert organisation RA1): the hash chain is broken here")),
                 qPrintable(problems.join(QLatin1Char('\n'))));
        {
            CaseFile caseFile(path, Database::Mode::OpenExisting);
            caseFile.database().exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 2"));
        }
        problems = checkPath(path).problems;
        QVERIFY(problems.join(QLatin1Char('\n')).contains(QStringLiteral("gap before entry 3")));
    }

    void checkReportsForeignFiles()
    {
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        importInto(*workspace, kData);
        QFile::copy(workspace->caseFilePath(QStringLiteral("RA1")), workspace->caseFilePath(QStringLiteral("ZZZ")));
        QFile text(workspace->caseFilePath(QStringLiteral("TXT")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a case file\n");
        text.close();
        const CheckReport report = checkWorkspace(workspace->directory());
        QCOMPARE(report.problems.size(), 2);
        QVERIFY(report.problems.at(0).endsWith(QStringLiteral("TXT.owcase: not an Oversight Workbench case file (not a SQLite database)")));
        QVERIFY(report.problems.at(1).contains(QStringLiteral("ZZZ.owcase: holds organisation RA1, but its name says ZZZ")));
    }

    // What the workbench opens for writing is what it says: a copy of one
    // organisation's case file under another's code, or a symbolic link, is
    // refused with a plain message and left byte for byte as it was.
    void openRefusesForeignCaseFiles_data()
    {
        QTest::addColumn<bool>("link");
        QTest::addColumn<QString>("message");
        QTest::newRow("copy under another code") << false << QStringLiteral("holds organisation RA1, but its name says RA2");
        QTest::newRow("symbolic link") << true << QStringLiteral("is a symbolic link");
    }

    void openRefusesForeignCaseFiles()
    {
        QFETCH(bool, link);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString directory = dir.filePath(QStringLiteral("ws"));
        QString target;
        {
            auto workspace = Workspace::create(directory);
            importInto(*workspace, kData);
            target = workspace->caseFilePath(QStringLiteral("RA2"));
        }
        const QString source = QDir(directory).filePath(QStringLiteral("RA1.owcase"));
        QFile::remove(target);
        if (link)
            QVERIFY(QFile::link(dir.filePath(QStringLiteral("elsewhere.owcase")), target));
        else
            QVERIFY(QFile::copy(source, target));
        QFile file(link ? source : target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        try {
            Workspace::open(directory);
            QFAIL("opened");
        } catch (const StoreError &error) {
            QVERIFY2(error.message().contains(message), qPrintable(error.message()));
        }
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("elsewhere.owcase"))));
    }

    // Files of two workspaces are never mixed (found by an independent test):
    // a case file, or a peers.owdata, copied in from another workspace is
    // refused by writers and readers, and named by check.
    void workspaceIdsKeepFilesApart_data()
    {
        QTest::addColumn<QString>("copied");
        QTest::newRow("a case file") << QStringLiteral("RA1.owcase");
        QTest::newRow("peers.owdata") << QStringLiteral("peers.owdata");
    }

    void workspaceIdsKeepFilesApart()
    {
        QFETCH(QString, copied);
        QTemporaryDir dir;
        const QString here = dir.filePath(QStringLiteral("here"));
        const QString there = dir.filePath(QStringLiteral("there"));
        for (const QString &directory : {here, there}) {
            auto workspace = Workspace::create(directory);
            importInto(*workspace, kData);
            QVERIFY(!workspace->workspaceId().isEmpty());
        }
        QVERIFY(Workspace::open(here, Database::Mode::ReadOnly)->workspaceId()
            != Workspace::open(there, Database::Mode::ReadOnly)->workspaceId());
        const QString target = QDir(here).filePath(copied);
        QVERIFY(QFile::remove(target));
        QVERIFY(QFile::copy(QDir(there).filePath(copied), target));
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        try {
            Workspace::open(here);
            QFAIL("opened for writing");
        } catch (const StoreError &error) {
            QVERIFY2(error.message().contains(QStringLiteral("belongs to another workspace")), qPrintable(error.message()));
        }
        {
            auto reader = Workspace::open(here, Database::Mode::ReadOnly);
            QStringList problems;
            loadPortfolio(*reader, {}, &problems);
            QVERIFY(!problems.isEmpty());
            QVERIFY2(problems.first().contains(QStringLiteral("belongs to another workspace")), qPrintable(problems.first()));
        }
        const CheckReport report = checkWorkspace(here);
        QVERIFY(!report.clean());
        QVERIFY2(report.problems.first().contains(QStringLiteral("belongs to another workspace")),
            qPrintable(report.problems.join(QLatin1Char('\n'))));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }

    // A creation killed before its rename left only its temporary files (a
    // case the import kill test found): creating again works.
    void createAfterAKilledCreation()
    {
        QTemporaryDir dir;
        for (const char *name : {"peers.owdata.partial", "peers.owdata.partial-journal"}) {
            QFile file(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(512, '\0'));
        }
        QVERIFY(Workspace::isAbsentOrEmpty(dir.path()));
        auto workspace = Workspace::create(dir.path());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("peers.owdata.partial"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("peers.owdata.partial-journal"))));
        importInto(*workspace, kData);
        QCOMPARE(workspace->peers().quarters().size(), 2);
    }

    void createRefusesNonEmptyFolder()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("keep.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY_THROWS_EXCEPTION(StoreError, Workspace::create(dir.path()));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"keep.txt"});
    }

    void portfolioMovement()
    {
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        importInto(*workspace, kData);
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
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        importInto(*workspace, kData);
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
        {
            CaseSession ra1(workspace->caseFilePath(QStringLiteral("RA1")), Methodology::builtIn());
            // A review opened only in a later quarter was not there in this one.
            QCOMPARE(ra1.addRecord(reviewTable(), {{QStringLiteral("opened_quarter"), QStringLiteral("2025/26 Q3")}, {QStringLiteral("status"), QStringLiteral("scoping")}},
                                   QStringLiteral("Open")), QString());
            QCOMPARE(needs().value("RA1"), QStringLiteral("Segment 4, no review; quarter not decided"));
            QCOMPARE(ra1.addRecord(reviewTable(), {{QStringLiteral("opened_quarter"), quarter}, {QStringLiteral("status"), QStringLiteral("scoping")}},
                                   QStringLiteral("Open")), QString());
            QCOMPARE(needs().value("RA1"), QStringLiteral("Quarter not decided"));
            QCOMPARE(ra1.recordDecision(quarter, false, 4, QString()), QString());
            QCOMPARE(needs().value("RA1"), none);
        }
        {
            // Any segment: milestones overdue at the quarter's end.
            CaseSession ra2(workspace->caseFilePath(QStringLiteral("RA2")), Methodology::builtIn());
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
        QString csv;
        QTextStream out(&csv);
        writePortfolioCsv(out, entries);
        out.flush();
        QVERIFY2(csv.startsWith(QStringLiteral("org_code,org_name,org_type,quarter,segment,average_score,rank,previous_segment,movement,needs_action\n")),
                 qPrintable(csv));
        QVERIFY2(csv.contains(QStringLiteral(",2 overdue\n")), qPrintable(csv));
        QCOMPARE(portfolioJson(entries).at(1).toObject().value(QStringLiteral("needs_action")).toString(), QStringLiteral("2 overdue"));
    }

    // The league (issue 13): sorted as numbers, a region highlighted, the
    // workspace's capability and casework beside the national rows, and a
    // CSV that names the peer type as the methodology does.
    void leagueSortsHighlightsAndExports()
    {
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        importInto(*workspace, kData);
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
        QVERIFY2(csv.contains(QStringLiteral(",Acute trust,,,,\"Segment 4, no review; quarter not decided\"\n")), qPrintable(csv));
        QCOMPARE(leagueFileName(quarter, QStringLiteral("Mental health and community trust")),
                 QStringLiteral("league-2025-26-Q2-mental-health-and-community-trust.csv"));
    }

    // Segment 5 (the programme) ranks after segment 4, in the league and in
    // the portfolio's rank (framework.md §3, League tables).
    void programmeRanksAfterSegmentFour()
    {
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        importInto(*workspace, kData);
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
            CaseSession session(workspace->caseFilePath(QStringLiteral("RA3")), Methodology::builtIn());
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

    // One writer per workspace: a second writable open is refused with who
    // holds it, read-only opens still work, owb import refuses and changes
    // nothing, and the lock goes with its holder.
    void oneWriterAtATime()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws"));
        auto holder = Workspace::create(path);
        importInto(*holder, kData);
        QVERIFY(QFile::exists(QDir(path).filePath(WorkspaceLock::kLockName)));
        try {
            Workspace::open(path);
            QFAIL("a second writer was let in");
        } catch (const WorkspaceInUse &inUse) {
            QVERIFY2(inUse.holder().contains(QStringLiteral(" on %1 (").arg(QSysInfo::machineHostName())), qPrintable(inUse.holder()));
            QVERIFY2(inUse.holder().contains(QStringLiteral("process %1) since ").arg(QCoreApplication::applicationPid())),
                     qPrintable(inUse.holder()));
            QVERIFY(inUse.message().startsWith(path + QStringLiteral(": in use by ")));
        }
        QCOMPARE(Workspace::open(path, Database::Mode::ReadOnly)->peers().quarters().size(), 2);
        QVERIFY(!WorkspaceLock::holder(path).isEmpty());

        const QString csv = dir.filePath(QStringLiteral("more.csv"));
        {
            QFile file(csv);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("quarter,org_code,org_name,org_type,metric_id,value\n2025/26 Q3,RA1,Alpha,acute,OF0023,55\n");
        }
        const QMap<QString, QString> before = digests(*holder);
        QProcess owb;
        owb.start(QStringLiteral(OWB_BIN), {QStringLiteral("import"), path, csv});
        QVERIFY(owb.waitForFinished(30000));
        QCOMPARE(owb.exitCode(), 2);
        const QString err = QString::fromUtf8(owb.readAllStandardError());
        QVERIFY2(err.startsWith(path + QStringLiteral(": in use by ")), qPrintable(err));
        QCOMPARE(digests(*holder), before);
        QCOMPARE(holder->peers().quarters().size(), 2);

        holder.reset();
        QVERIFY(!QFile::exists(QDir(path).filePath(WorkspaceLock::kLockName)));
        QVERIFY(WorkspaceLock::holder(path).isEmpty());
        owb.start(QStringLiteral(OWB_BIN), {QStringLiteral("import"), path, csv});
        QVERIFY(owb.waitForFinished(30000));
        QCOMPARE(owb.exitCode(), 0);
    }

    // A lock left by a process that died on this host is stale: taken over.
    void staleLockRecovered()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws"));
        Workspace::create(path);
        const QString lockPath = QDir(path).filePath(WorkspaceLock::kLockName);
        QByteArray content;
        {
            auto live = Workspace::open(path);
            QFile lock(lockPath);
            QVERIFY(lock.open(QIODevice::ReadOnly));
            content = lock.readAll();
        }
        QProcess gone;  // a process id that is certainly free now
        gone.start(QStringLiteral("true"), QStringList());
        QVERIFY(gone.waitForFinished());
        const qint64 deadPid = gone.processId() > 0 ? gone.processId() : 999999;
        QList<QByteArray> lines = content.split('\n');
        lines[0] = QByteArray::number(deadPid == 0 ? 999999 : deadPid);
        {
            QFile lock(lockPath);
            QVERIFY(lock.open(QIODevice::WriteOnly));
            lock.write(lines.join('\n'));
        }
        QVERIFY(QFile::exists(lockPath));
        QVERIFY(WorkspaceLock::holder(path).isEmpty());  // stale, so nobody
        auto recovered = Workspace::open(path);
        QVERIFY(!recovered->isReadOnly());
    }

    void networkFileSystems_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<bool>("remote");
        for (const char *t : {"nfs", "nfs4", "cifs", "smb3", "fuse.sshfs", "9p", "ceph"})
            QTest::newRow(t) << QByteArray(t) << true;
        for (const char *t : {"ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs", "vfat"})
            QTest::newRow(t) << QByteArray(t) << false;
    }
    void networkFileSystems()
    {
        QFETCH(QByteArray, type);
        QFETCH(bool, remote);
        QCOMPARE(WorkspaceLock::isNetworkFileSystemType(type), remote);
    }

    // ICBs are followed and reported, but not segmented in 2025/26.
    void icbIsReportedNotSegmented()
    {
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        importInto(*workspace, kData + "2025/26 Q2,QA1,North ICB,ICB,ICB-RTT18,58.5,Midlands\n"
                                       "2025/26 Q2,QA2,South ICB,ICB,ICB-RTT18,61.0,London\n");
        CaseFile icb(workspace->caseFilePath(QStringLiteral("QA1")), Database::Mode::ReadOnly);
        QCOMPARE(icb.identity().peerType, QStringLiteral("icb"));
        const auto assessment = icb.assessment(QStringLiteral("2025/26 Q2"));
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

    // Issue 10: every path built from a code stays inside the workspace.
    void pathsStayInside_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("parent") << "../victim/ZAJ";
        QTest::newRow("absolute") << "/abs/path";
        QTest::newRow("subfolder") << "sub/ZAC";
        QTest::newRow("dot-dot") << "..";
        QTest::newRow("dot") << ".";
        QTest::newRow("empty") << "";
        QTest::newRow("backslash") << "..\\ZAJ";
        QTest::newRow("NUL") << QString::fromUtf8("ZAC\0x", 5);
    }
    void pathsStayInside()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(StoreError, pathInWorkspace(dir.path(), name));
        QVERIFY_THROWS_EXCEPTION(StoreError, caseFilePathIn(dir.path(), name));
    }
    void plainCodeIsAPathInside()
    {
        QTemporaryDir dir;
        QCOMPARE(caseFilePathIn(dir.path(), QStringLiteral("R0A")),
            QDir(dir.path()).filePath(QStringLiteral("R0A.owcase")));
        QCOMPARE(pathInWorkspace(dir.path() + QStringLiteral("/"), QStringLiteral("peers.owdata")),
            QDir(dir.path()).filePath(QStringLiteral("peers.owdata")));
    }

    // A code that reached peers.owdata before codes were checked never
    // names a file: nothing is written outside the workspace, and the
    // workspace still opens and imports (issue 10: "sub/ZAC" locked it).
    void storedBadCodeNeverBecomesAPath()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws"));
        QDir().mkpath(dir.filePath(QStringLiteral("victim")));
        {
            auto workspace = Workspace::create(path);
            MetricDataset dataset = parse(kData);
            for (const QString &code : {QStringLiteral("../victim/ZAJ"), QStringLiteral("sub/ZAC")}) {
                OrganisationQuarter &bad = dataset.quarters[0].organisation(code);
                bad.name = QStringLiteral("Victim");
                bad.peerType = QStringLiteral("acute");
            }
            Transaction transaction(workspace->peers().database());
            MethodologyRegister(workspace->peers().database())
                .put(Methodology::builtIn(), QStringLiteral("2025/26"), YearBasis::Declared);
            workspace->peers().apply(dataset);
            transaction.commit();
        }
        auto workspace = Workspace::open(path);
        QCOMPARE(workspace->peers().pendingQuarters(), QStringList());
        QCOMPARE(QDir(dir.filePath(QStringLiteral("victim"))).entryList(QDir::Files), QStringList());
        QStringList names;
        for (const QString &file : workspace->caseFilePaths())
            names.append(QFileInfo(file).fileName());
        QCOMPARE(names, (QStringList{"RA1.owcase", "RA2.owcase", "RA3.owcase", "RM1.owcase"}));
        MetricDataset again = parse(kData);
        again.quarters[0].organisation(QStringLiteral("RA1")).values.insert(QStringLiteral("OF0023"), MetricValue::fromNumber(70));
        const ImportReport report = workspace->import(again, Methodology::builtIn(), QStringLiteral("t.csv"),
                                                      QStringLiteral("sha"), 1);
        QCOMPARE(report.refusedCodes, (QStringList{"../victim/ZAJ", "sub/ZAC"}));
        QVERIFY(report.caseFilesUpdated > 0);
        QCOMPARE(QDir(dir.filePath(QStringLiteral("victim"))).entryList(QDir::Files), QStringList());
    }

    // A workspace written when quarter labels kept the file's spelling is
    // mended when opened: one spelling, the canonical values where both
    // spellings of a quarter were stored, and case files assessed again.
    void upgradesPeerQuarterSpellings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws"));
        QDir().mkpath(path);
        const QString peers = QDir(path).filePath(PeerStore::kFileName);
        QVERIFY(QFile::copy(QStringLiteral(OWB_TEST_DATA "/fixtures/peers-v1.owdata"), peers));
        QFile::setPermissions(peers, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        {
            auto old = Workspace::open(path, Database::Mode::ReadOnly);
            QCOMPARE(old->peers().database().schemaVersion(), 1);
            QCOMPARE(old->peers().quarters(), (QStringList { "Q1 2025-26", "2025-26 Q2", "2025/26 Q2" }));
            // Read without upgrading, the register is what the upgrade makes.
            QCOMPARE(old->methodologies().years().size(), 1);
            QCOMPARE(old->methodologyFor(QStringLiteral("2025/26 Q1"))->id(), QStringLiteral("nof-2025-26"));
        }
        const QString stored = [&] {
            PeerStore store(peers, Database::Mode::ReadOnly);
            return store.setting(QStringLiteral("methodology_json"));
        }();
        QVERIFY(!stored.isEmpty());
        auto workspace = Workspace::open(path);
        // The upgrade registers the file the workspace was assessed under,
        // for the years it holds (it predates "years": assessed, not declared).
        const MethodologyRegister &reg = workspace->methodologies();
        QCOMPARE(reg.years().size(), 1);
        QCOMPARE(reg.years().first().year, QStringLiteral("2025/26"));
        QCOMPARE(reg.years().first().basis, YearBasis::Assessed);
        QCOMPARE(reg.files().size(), 1);
        QCOMPARE(reg.files().first().methodology.source(), stored.toUtf8());
        QCOMPARE(workspace->peers().setting(QStringLiteral("methodology_json")), QString());
        QCOMPARE(workspace->peers().database().schemaVersion(), peerStoreSchema().currentVersion());
        QCOMPARE(workspace->peers().quarters(), (QStringList { "2025/26 Q1", "2025/26 Q2" }));
        QCOMPARE(workspace->peers().pendingQuarters(), QStringList());
        const QuarterData q2 = workspace->peers().loadQuarter(QStringLiteral("2025/26 Q2"));
        QCOMPARE(q2.organisations.at(q2.index.value(QStringLiteral("RA1")))
                     .values.value(QStringLiteral("OF0023"))
                     .number,
            50.0);
        CaseFile ra1(workspace->caseFilePath(QStringLiteral("RA1")), Database::Mode::ReadOnly);
        QCOMPARE(ra1.quarters(), (QStringList { "2025/26 Q1", "2025/26 Q2" }));
        QVERIFY(checkWorkspace(path).clean());
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
