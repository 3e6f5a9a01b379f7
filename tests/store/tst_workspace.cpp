// Workspaces as files: import (case files for the followed organisations,
// idempotent re-import, a correction, completion of an interrupted import),
// creation, upgrades of older files, check (tampering, the audit chain,
// foreign files, files of another workspace), one writer at a time and stale
// locks, and paths that stay inside the workspace. The portfolio, league and
// methodology years are tst_portfolio's.

#include "store/auditlog.h"
#include "store/casefile.h"
#include "store/integritycheck.h"
#include "store/portfolio.h"
#include "store/schemas.h"
#include "store/workspace.h"
#include "store/workspacepath.h"
#include "workspacefixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace owb;
using namespace owbtest;

namespace {
// Every stored assessment of every case (file or server), by code and quarter.
QMap<QString, QString> digests(Workspace &workspace)
{
    QMap<QString, QString> result;
    for (const QString &code : workspace.caseCodes()) {
        const auto caseFile = workspace.openCase(code);
        for (const StoredAssessment &a : caseFile->assessments())
            result.insert(code + QLatin1Char('/') + a.quarter, a.digest());
    }
    return result;
}
} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { OWB_BACKEND_READY(); }

    void importCreatesFollowedCaseFiles()
    {
        WorkspaceUnderTest under;
        Workspace *workspace = &under.with(kData, QStringLiteral("midlands"));
        const ImportReport &report = under.importReport();
        QCOMPARE(report.quartersChanged, (QStringList{"2025/26 Q1", "2025/26 Q2"}));
        QCOMPARE(report.caseFilesCreated, 3);  // RA2 is in London
        QCOMPARE(workspace->caseCodes(), (QStringList{"RA1", "RA3", "RM1"}));
        if (!workspace->isTeam()) {
            QStringList names;
            for (const QString &path : workspace->caseFilePaths())
                names.append(QFileInfo(path).fileName());
            QCOMPARE(names, (QStringList{"RA1.owcase", "RA3.owcase", "RM1.owcase"}));
        }

        const auto ra3 = workspace->openCase(QStringLiteral("RA3"));
        QCOMPARE(ra3->identity(), (CaseIdentity{"RA3", "Gamma", "acute", "Midlands"}));
        QCOMPARE(ra3->quarters(), (QStringList{"2025/26 Q1", "2025/26 Q2"}));
        // Ranked against all three acute trusts, London's included.
        const StoredAssessment q1 = *ra3->assessment(QStringLiteral("2025/26 Q1"));
        QCOMPARE(q1.result.average, 400);
        QCOMPARE(q1.result.deficit, true);
        QCOMPARE(q1.peerCount, 3);
        QCOMPARE(q1.methodologyId, QStringLiteral("nof-2025-26"));
        QCOMPARE(q1.methodologySha256, Methodology::builtIn().sha256());
        QVERIFY(q1.cuts.has_value());
        QCOMPARE(ra3->metricValues(QStringLiteral("2025/26 Q2")).value(QStringLiteral("OF0023")).number, 61.0);

        // The stored result is exactly what the framework computes.
        const QuarterData quarter = parse(kData).quarters.at(0);
        const QuarterAssessment direct = assessQuarter(Methodology::builtIn(), quarter.toInputs());
        QCOMPARE(q1.digest(), StoredAssessment::from(Methodology::builtIn(), quarter.label, direct,
                                                     quarter.index.value(QStringLiteral("RA3")))
                                  .digest());
        QCOMPARE(checkProblems(*workspace), QStringList());
    }

    // On either back end: the same file imported again into the folder or
    // the team workspace writes nothing.
    void reimportChangesNothing()
    {
        WorkspaceUnderTest under;
        Workspace *workspace = &under.with(kData);
        const auto before = digests(*workspace);
        const QString stamp = workspace->openCase(QStringLiteral("RA1"))->assessment(QStringLiteral("2025/26 Q1"))->computedAt;
        const ImportReport again = importInto(*workspace, kData);
        QCOMPARE(again.quartersChanged, QStringList());
        QCOMPARE(again.quartersWritten, 0);
        QCOMPARE(digests(*workspace), before);
        QCOMPARE(workspace->openCase(QStringLiteral("RA1"))->assessment(QStringLiteral("2025/26 Q1"))->computedAt, stamp);
    }

    void correctionRewritesOnlyItsQuarter()
    {
        WorkspaceUnderTest under;  // either back end
        Workspace *workspace = &under.with(kData);
        const ImportReport report = importInto(
            *workspace, "quarter,org_code,org_name,org_type,metric_id,value\n2025/26 Q2,RA1,Alpha,acute,OF0023,70\n");
        QCOMPARE(report.quartersChanged, QStringList{"2025/26 Q2"});
        QCOMPARE(workspace->openCase(QStringLiteral("RA1"))->assessment(QStringLiteral("2025/26 Q2"))->result.average, 100);
        // The other trusts in that quarter are re-ranked against the corrected value.
        QCOMPARE(workspace->openCase(QStringLiteral("RA2"))->assessment(QStringLiteral("2025/26 Q2"))->result.rank, 3);
    }

    void interruptedImportIsCompletedOnOpen()
    {
        OWB_FILE_ONLY("an import interrupted between files is about a folder of case files");
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

    // A creation killed before its rename left only its temporary files (a
    // case the import kill test found): creating again works.
    void createAfterAKilledCreation()
    {
        OWB_FILE_ONLY("creating a workspace folder is about files");
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
        OWB_FILE_ONLY("creating a workspace folder is about files");
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("keep.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY_THROWS_EXCEPTION(StoreError, Workspace::create(dir.path()));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"keep.txt"});
    }

    // A code that reached peers.owdata before codes were checked never
    // names a file: nothing is written outside the workspace, and the
    // workspace still opens and imports (issue 10: "sub/ZAC" locked it).
    void storedBadCodeNeverBecomesAPath()
    {
        OWB_FILE_ONLY("a code that would become a path is about files");
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
        OWB_FILE_ONLY("upgrading an older peers.owdata is about files");
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

    void checkFindsTampering()
    {
        if (onServer()) {
            // The same change made outside the workbench on a server: found
            // by owb check of the team workspace.
            WorkspaceUnderTest under;
            Workspace &workspace = under.with(kData);
            workspace.openCase(QStringLiteral("RA1"), Database::Mode::OpenExisting)
                ->database()
                .exec(QStringLiteral("UPDATE assessment SET segment = 4, raw_segment = 4 WHERE org_code = 'RA1'"));
            const QString all = checkProblems(workspace).join(QLatin1Char('\n'));
            QVERIFY2(all.contains(QStringLiteral("(update assessment 2025/26 Q1) was not made by the workbench")), qPrintable(all));
            QVERIFY2(all.contains(QStringLiteral("assessment 2025/26 Q1: contents do not match their digest")), qPrintable(all));
            return;
        }
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
        if (onServer()) {
            WorkspaceUnderTest under;
            Workspace &workspace = under.with(kData);
            QCOMPARE(checkProblems(workspace), QStringList());
            {
                const auto ra1 = workspace.openCase(QStringLiteral("RA1"), Database::Mode::OpenExisting);
                Database &db = ra1->database();
                QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE org_code = 'RA1' AND hash IS NULL")).toInt(), 0);
                QVERIFY(db.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE org_code = 'RA1'")).toInt() >= 3);
                db.exec(QStringLiteral("UPDATE audit_log SET after = replace(after, 'Alpha', 'Omega') WHERE org_code = 'RA1' AND seq = 1"));
            }
            QString all = checkProblems(workspace).join(QLatin1Char('\n'));
            QVERIFY2(all.contains(QStringLiteral("audit log entry 1 (insert organisation RA1): the hash chain is broken here")), qPrintable(all));
            workspace.openCase(QStringLiteral("RA1"), Database::Mode::OpenExisting)
                ->database()
                .exec(QStringLiteral("DELETE FROM audit_log WHERE org_code = 'RA1' AND seq = 2"));
            all = checkProblems(workspace).join(QLatin1Char('\n'));
            QVERIFY2(all.contains(QStringLiteral("gap before entry 3")), qPrintable(all));
            return;
        }
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
        OWB_FILE_ONLY("foreign files in a workspace folder are about files");
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
        OWB_FILE_ONLY("case files of another workspace are about files");
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
        OWB_FILE_ONLY("case files of another workspace are about files");
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

    // One writer per workspace: a second writable open is refused with who
    // holds it, read-only opens still work, owb import refuses and changes
    // nothing, and the lock goes with its holder.
    void oneWriterAtATime()
    {
        OWB_FILE_ONLY("the folder lock is about files (a team workspace takes many writers)");
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
        OWB_FILE_ONLY("the folder lock is about files (a team workspace takes many writers)");
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
        OWB_FILE_ONLY("the file systems a folder may be on are about files");
        QFETCH(QByteArray, type);
        QFETCH(bool, remote);
        QCOMPARE(WorkspaceLock::isNetworkFileSystemType(type), remote);
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
        OWB_FILE_ONLY("paths built from codes are about files");
        QFETCH(QString, name);
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(StoreError, pathInWorkspace(dir.path(), name));
        QVERIFY_THROWS_EXCEPTION(StoreError, caseFilePathIn(dir.path(), name));
    }

    void plainCodeIsAPathInside()
    {
        OWB_FILE_ONLY("paths built from codes are about files");
        QTemporaryDir dir;
        QCOMPARE(caseFilePathIn(dir.path(), QStringLiteral("R0A")),
            QDir(dir.path()).filePath(QStringLiteral("R0A.owcase")));
        QCOMPARE(pathInWorkspace(dir.path() + QStringLiteral("/"), QStringLiteral("peers.owdata")),
            QDir(dir.path()).filePath(QStringLiteral("peers.owdata")));
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
