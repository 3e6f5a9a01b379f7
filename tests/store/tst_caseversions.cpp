// The case file's schema ladder (every earlier version upgrades, values and
// audit trail kept, a kill leaves it as it was) and row versions (a stale
// save or undo conflicts, nothing overwritten).

#include "casework/casesession.h"
#include "casework/casework.h"
#include "casework/datetext.h"
#include "data/textlimits.h"
#include "itemmodels/dateformat.h"
#include "store/casefile.h"
#include "store/integritycheck.h"
#include "store/quarterrespelling.h"
#include "store/schemas.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlRecord>
#include <QThread>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include "casefixture.h"

using namespace owb;

class TestCaseVersions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { OWB_BACKEND_READY(); }
    void cleanupTestCase() { owbtest::dropCaseTemplate(); }
    void init() { m_case.reset(); }

    // A fixture of every earlier schema version upgrades cleanly.
    void upgradesEveryEarlierVersion_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("version");
        QTest::newRow("version 1") << QStringLiteral("casefile-v1.owcase") << 1;
        QTest::newRow("version 2") << QStringLiteral("casefile-v2.owcase") << 2;
        QTest::newRow("version 3") << QStringLiteral("casefile-v3.owcase") << 3;
        QTest::newRow("version 4") << QStringLiteral("casefile-v4.owcase") << 4;
        QTest::newRow("version 8") << QStringLiteral("casefile-v8.owcase") << 8;
    }
    void upgradesEveryEarlierVersion()
    {
        OWB_FILE_ONLY("upgrading case files of earlier versions is about files");
        QFETCH(QString, fixture);
        QFETCH(int, version);
        const QString path = m_dir.filePath(fixture);
        QFile::remove(path);
        QVERIFY(QFile::copy(QStringLiteral(OWB_TEST_DATA "/fixtures/") + fixture, path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QStringList digests;
        {
            CaseFile old(path, Database::Mode::ReadOnly);
            QCOMPARE(old.database().schemaVersion(), version);
            for (const StoredAssessment &a : old.assessments())
                digests.append(a.digest());
        }
        CaseFile upgraded(path, Database::Mode::OpenExisting);
        QCOMPARE(upgraded.database().schemaVersion(), caseFileSchema().currentVersion());
        QStringList after;
        for (const StoredAssessment &a : upgraded.assessments())
            after.append(a.digest());
        QCOMPARE(after, digests);
        QCOMPARE(upgraded.consistencyProblems(), QStringList());
        QCOMPARE(upgraded.database().sqliteProblems(), QStringList());
        if (version >= 2)
            QVERIFY(!CapabilityStore(upgraded.database()).years().isEmpty());
        // Schema 9: every case table names the organisation, edited records
        // start at row version 1.
        const QString code = upgraded.identity().code;
        QVERIFY(!code.isEmpty());
        for (const QString &table : caseTables()) {
            QCOMPARE(upgraded.database().scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE org_code <> ?").arg(table), {code}).toInt(), 0);
            if (editableTables().contains(table))
                QCOMPARE(upgraded.database().scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE row_version <> 1").arg(table)).toInt(), 0);
        }
    }

    // Schema 8 to 9: every value kept, the audit trail exactly as it was (the
    // upgrade adds no entry) and its chain still verifying; later edits'
    // entries name the organisation and continue the same chain.
    void upgradeToNineKeepsEverything()
    {
        OWB_FILE_ONLY("upgrading a version-8 case file is about files");
        const QString path = m_dir.filePath(QStringLiteral("ZBE.owcase"));
        QFile::remove(path);
        QVERIFY(QFile::copy(QStringLiteral(OWB_TEST_DATA "/fixtures/casefile-v8.owcase"), path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const auto dump = [](Database &db) {
            QStringList rows;
            for (const QString &table : {QStringLiteral("audit_log"), QStringLiteral("diagnostic_review"), QStringLiteral("finding"),
                                         QStringLiteral("finding_evidence"), QStringLiteral("note"), QStringLiteral("capability_area"),
                                         QStringLiteral("metric_value"), QStringLiteral("assessment")}) {
                const QStringList columns = {QStringLiteral("*")};
                QSqlQuery q = db.exec(QStringLiteral("SELECT * FROM main.%1 ORDER BY rowid").arg(table));
                while (q.next()) {
                    QStringList values;
                    const QSqlRecord record = q.record();
                    for (int i = 0; i < record.count(); ++i)
                        if (record.fieldName(i) != QLatin1String("org_code") && record.fieldName(i) != QLatin1String("row_version"))
                            values.append(q.value(i).toString());
                    rows.append(table + QLatin1Char(':') + values.join(QLatin1Char('|')));
                }
            }
            return rows;
        };
        QStringList before;
        {
            CaseFile old(path, Database::Mode::ReadOnly);
            QCOMPARE(old.database().schemaVersion(), 8);
            before = dump(old.database());
            // A reader reads the older file through today's statements.
            QCOMPARE(CaseworkStore(old.database()).records(findingTable()).size(), 3);
            QCOMPARE(old.consistencyProblems(), QStringList());
        }
        QVERIFY(before.size() > 100);
        {
            CaseFile upgraded(path, Database::Mode::OpenExisting);
            QCOMPARE(upgraded.database().schemaVersion(), 9);
            QCOMPARE(dump(upgraded.database()), before);
            QCOMPARE(upgraded.orgCode(), QStringLiteral("ZBE"));
            QCOMPARE(upgraded.consistencyProblems(), QStringList());
        }
        {
            CaseSession session(path, Methodology::builtIn());
            QCOMPARE(session.addNote(QString(), QString(), QStringLiteral("after the upgrade")), QString());
        }
        CaseFile after(path, Database::Mode::ReadOnly);
        QCOMPARE(after.consistencyProblems(), QStringList());
        QVERIFY(checkCaseFile(path).clean());
        QSqlQuery last = after.database().exec(QStringLiteral("SELECT org_code, table_name, actor, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
        QVERIFY(last.next());
        QCOMPARE(last.value(0).toString(), QStringLiteral("ZBE"));
        QCOMPARE(last.value(1).toString(), QStringLiteral("note"));
        QVERIFY(!last.value(3).toString().isEmpty());
    }

    // A writer killed during the upgrade leaves the file as it was (the
    // upgrade is one transaction): opened again it is version 8 with every
    // value, or version 9 complete; and it upgrades on the next open.
    void killDuringUpgradeLeavesTheFileAsItWas()
    {
        OWB_FILE_ONLY("a kill during the upgrade of a case file is about files");
        const QString fixture = QStringLiteral(OWB_TEST_DATA "/fixtures/casefile-v8.owcase");
        int killedBefore = 0;
        int upgraded = 0;
        for (int run = 0; run < 12; ++run) {
            const QString path = m_dir.filePath(QStringLiteral("kill%1/ZBE.owcase").arg(run));
            QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
            QVERIFY(QFile::copy(fixture, path));
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            const pid_t child = fork();
            QVERIFY(child >= 0);
            if (child == 0) {
                try {
                    CaseFile file(path, Database::Mode::OpenExisting);
                } catch (...) {
                    _exit(1);
                }
                _exit(0);
            }
            QThread::usleep(run * run * 1000); // from at once to after the upgrade
            ::kill(child, SIGKILL);
            int status = 0;
            ::waitpid(child, &status, 0);
            int version = 0;
            {
                CaseFile reread(path, Database::Mode::ReadOnly);
                version = reread.database().schemaVersion();
                QVERIFY2(version == 8 || version == 9, qPrintable(QString::number(version)));
                QCOMPARE(reread.consistencyProblems(), QStringList());
                QCOMPARE(reread.database().sqliteProblems(), QStringList());
                QCOMPARE(CaseworkStore(reread.database()).records(findingTable()).size(), 3);
            }
            (version == 8 ? killedBefore : upgraded) += 1;
            CaseFile again(path, Database::Mode::OpenExisting);
            QCOMPARE(again.database().schemaVersion(), 9);
            QCOMPARE(again.consistencyProblems(), QStringList());
        }
        qInfo("%d killed before the upgrade committed, %d after", killedBefore, upgraded);
        QVERIFY(killedBefore > 0);
    }

    void upgradesVersionOneFixture()
    {
        OWB_FILE_ONLY("upgrading the version-1 case file is about files");
        const StoredAssessment before = *CaseFile(m_path, Database::Mode::OpenExisting).assessment(QStringLiteral("2025/26 Q1"));
        CaseFile upgraded(m_path, Database::Mode::OpenExisting);
        QCOMPARE(upgraded.database().schemaVersion(), caseFileSchema().currentVersion());
        QCOMPARE(upgraded.identity().code, QStringLiteral("RA1"));
        QCOMPARE(upgraded.assessment(QStringLiteral("2025/26 Q1"))->digest(), before.digest());
        QCOMPARE(upgraded.consistencyProblems(), QStringList());
        QCOMPARE(upgraded.database().sqliteProblems(), QStringList());
        QVERIFY(checkCaseFile(m_path).clean());
    }

    // Writes the version-5 fixture: version 4's case, with a decision, and
    // quarter labels as version 5 kept them (the metric file's spelling).
    // Run once with OWB_MAKE_FIXTURE=path; skipped otherwise.
    void makeVersionFiveFixture()
    {
        OWB_FILE_ONLY("writes a case file fixture");
        const QString out = qEnvironmentVariable("OWB_MAKE_FIXTURE");
        if (out.isEmpty())
            QSKIP("writes a fixture only when asked");
        QFile::remove(out);
        QVERIFY(QFile::copy(QStringLiteral(OWB_TEST_DATA "/fixtures/casefile-v4.owcase"), out));
        QFile::setPermissions(out, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        CaseFile file(out, Database::Mode::OpenExisting);
        {
            Transaction transaction(file.database());
            file.database().exec(
                QStringLiteral("INSERT INTO decision (quarter, kind, computed_segment, decided_segment,"
                               " rationale, decided_by, decided_on) VALUES ('2025/26 Q3', 'correction',"
                               " 3, 4, 'Known data error', 'fixture', '2026-01-12')"));
            respellCaseFileQuarters(file.database(), [](const QString &label) -> QString {
                if (label == QLatin1String("2024/25 Q1"))
                    return QStringLiteral("Q1 2024-25");
                if (label == QLatin1String("2025/26 Q3"))
                    return QStringLiteral("2025-26 Q3");
                if (label == QLatin1String("2025/26 Q4"))
                    return QStringLiteral("2025/2026 Q4");
                return {};
            });
            transaction.commit();
        }
        file.database().exec(QStringLiteral("PRAGMA user_version = 5"));
    }

    // Issue 10: a case file keeping other spellings of quarter labels is
    // mended by the schema ladder: one spelling everywhere, digests that
    // still verify, and the change in the audit trail.
    void upgradeRespellsQuarterLabels()
    {
        OWB_FILE_ONLY("upgrading a version-5 case file is about files");
        const QString path = m_dir.filePath(QStringLiteral("ZBL.owcase"));
        QFile::remove(path);
        QVERIFY(QFile::copy(QStringLiteral(OWB_TEST_DATA "/fixtures/casefile-v5.owcase"), path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QHash<QString, MetricValue> firstValues;
        qint64 auditEntries = 0;
        {
            CaseFile old(path, Database::Mode::ReadOnly);
            QCOMPARE(old.database().schemaVersion(), 5);
            QCOMPARE(old.quarters().first(), QStringLiteral("Q1 2024-25"));
            QVERIFY(old.quarters().contains(QStringLiteral("2025-26 Q3")));
            QCOMPARE(old.consistencyProblems(), QStringList());
            firstValues = old.metricValues(QStringLiteral("Q1 2024-25"));
            auditEntries
                = old.database().scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
        }
        CaseFile upgraded(path, Database::Mode::OpenExisting);
        QCOMPARE(upgraded.database().schemaVersion(), caseFileSchema().currentVersion());
        QCOMPARE(upgraded.quarters(),
            (QStringList { "2024/25 Q1", "2024/25 Q2", "2024/25 Q3", "2024/25 Q4", "2025/26 Q1", "2025/26 Q2",
                "2025/26 Q3", "2025/26 Q4" }));
        QVERIFY(!firstValues.isEmpty());
        QCOMPARE(upgraded.metricValues(QStringLiteral("2024/25 Q1")).size(), firstValues.size());
        QCOMPARE(upgraded.database().scalar(QStringLiteral("SELECT quarter FROM decision")).toString(),
            QStringLiteral("2025/26 Q3"));
        QCOMPARE(upgraded.database().scalar(QStringLiteral("SELECT entry_quarter FROM programme")).toString(),
            QStringLiteral("2025/26 Q4"));
        QVERIFY(upgraded.database().scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong()
            > auditEntries);
        QCOMPARE(upgraded.consistencyProblems(), QStringList());
        QCOMPARE(upgraded.database().sqliteProblems(), QStringList());
        QVERIFY(checkCaseFile(path).clean());
    }

    // Respelling never launders an assessment edited behind the workbench's back.
    void upgradeKeepsTamperingVisible()
    {
        OWB_FILE_ONLY("tampering with a case file is about files");
        const QString path = m_dir.filePath(QStringLiteral("ZBL.owcase"));
        QFile::remove(path);
        QVERIFY(QFile::copy(QStringLiteral(OWB_TEST_DATA "/fixtures/casefile-v5.owcase"), path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(
                q.exec(QStringLiteral("UPDATE assessment SET average = 101 WHERE quarter = '2025-26 Q3'")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        CaseFile upgraded(path, Database::Mode::OpenExisting);
        const QStringList problems = upgraded.consistencyProblems();
        QVERIFY2(problems.join(QLatin1Char('\n'))
                     .contains(QStringLiteral("assessment 2025/26 Q3: contents do not match their digest")),
            qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // Issue 13: free text an earlier version stored in casework's closed sets
    // becomes the methodology's ids through the schema ladder; what matches
    // nothing is kept as it was; the change is in the sealed audit trail.
    void upgradeMapsFreeTextChoices()
    {
        OWB_FILE_ONLY("upgrading a version-5 case file is about files");
        const QString path = m_dir.filePath(QStringLiteral("ZFT.owcase"));
        QFile::remove(path);
        QVERIFY(QFile::copy(QStringLiteral(OWB_TEST_DATA "/fixtures/casefile-v5.owcase"), path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        {
            // What an earlier version let a user type.
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("older"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("INSERT INTO diagnostic_review (id, opened_quarter, status, capability_conclusion,"
                                          " recommendation) VALUES (71, '2025-26 Q3', 'Open', 'limited confidence', 'kinda done')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO diagnostic_review (id, opened_quarter, status) VALUES (72, '2025-26 Q3', 'closed')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO finding (review_id, category, description, severity) VALUES (71, 'Finance', 'd', ' HIGH')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO finding (review_id, category, description, severity) VALUES (71, 'Finance', 'e', 'very bad')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO milestone (id, description, due_date, status) VALUES (73, 'm', '2026-01-01', 'Done')")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("older"));
        const qint64 before = [&] {
            CaseFile old(path, Database::Mode::ReadOnly);
            return old.database().scalar(QStringLiteral("SELECT max(seq) FROM audit_log")).toLongLong();
        }();
        CaseFile upgraded(path, Database::Mode::OpenExisting);
        QCOMPARE(upgraded.database().schemaVersion(), caseFileSchema().currentVersion());
        CaseworkStore casework(upgraded.database());
        QCOMPARE(casework.field(reviewTable(), 71, QStringLiteral("status")), QStringLiteral("scoping"));
        QCOMPARE(casework.field(reviewTable(), 72, QStringLiteral("status")), QStringLiteral("decided"));
        QCOMPARE(casework.field(reviewTable(), 71, QStringLiteral("capability_conclusion")), QStringLiteral("limited"));
        QCOMPARE(casework.field(reviewTable(), 71, QStringLiteral("recommendation")), QStringLiteral("kinda done")); // kept
        const QList<QVariantMap> findings = casework.records(findingTable(), QStringLiteral("review_id"), 71);
        QCOMPARE(findings.at(0).value(QStringLiteral("severity")).toString(), QStringLiteral("high"));
        QCOMPARE(findings.at(1).value(QStringLiteral("severity")).toString(), QStringLiteral("very bad"));
        QCOMPARE(casework.field(milestoneTable(), 73, QStringLiteral("status")), QStringLiteral("done"));
        QCOMPARE(casework.field(milestoneTable(), 73, QStringLiteral("owner")), QString());
        // The upgrade's changes are in the audit trail, sealed.
        QSqlQuery q = upgraded.database().exec(
            QStringLiteral("SELECT count(*), count(actor), count(hash) FROM audit_log WHERE seq > ? AND action = 'update'"), {before});
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() >= 5); // and the quarter labels respelt on the way
        QCOMPARE(q.value(1).toInt(), q.value(0).toInt());
        QCOMPARE(q.value(2).toInt(), q.value(0).toInt());
    }

    // Issue 14, optimistic locking: two connections to one case file (as two
    // people on a team server). A save of a value someone else has changed
    // since this user read it is refused, typed and in plain words, and
    // nothing is overwritten; read again, the save goes through.
    void staleSaveConflicts()
    {
        const auto aOwner = m_case.session();
        CaseSession &a = *aOwner;
        qint64 review = 0;
        qint64 finding = 0;
        QCOMPARE(a.addRecord(reviewTable(), {{QStringLiteral("opened_quarter"), QStringLiteral("2025/26 Q1")}}, QStringLiteral("r"), &review), QString());
        QCOMPARE(a.addRecord(findingTable(), {{QStringLiteral("review_id"), review}, {QStringLiteral("category"), QStringLiteral("Finance")},
                                              {QStringLiteral("description"), QStringLiteral("d")}, {QStringLiteral("severity"), QStringLiteral("low")}},
                             QStringLiteral("f"), &finding),
                 QString());
        const auto bOwner = m_case.session();
        CaseSession &b = *bOwner;
        QCOMPARE(b.casework().records(findingTable()).first().value(QStringLiteral("severity")).toString(), QStringLiteral("low"));
        QCOMPARE(b.casework().records(findingTable()).first().value(QStringLiteral("row_version")).toLongLong(), 1);
        QCOMPARE(a.setRecordField(findingTable(), finding, QStringLiteral("severity"), QStringLiteral("high")), QString());

        // The store says which record, which field, what B saw and what is there.
        {
            const auto raw = m_case.open(Database::Mode::OpenExisting);
            CaseworkStore stale(raw->scope());
            try {
                stale.setField(findingTable(), finding, QStringLiteral("severity"), QStringLiteral("moderate"), 1);
                QFAIL("a stale save went through");
            } catch (const StoreConflict &conflict) {
                QCOMPARE(conflict.table(), QStringLiteral("finding"));
                QCOMPARE(conflict.id(), finding);
                QCOMPARE(conflict.columns(), QStringList{QStringLiteral("severity")});
                QCOMPARE(conflict.stored(), QStringLiteral("high"));
                QVERIFY(!conflict.removed());
            }
        }

        // Through B's facade: refused in plain words, nothing overwritten, no undo step.
        const int steps = b.undoStack()->count();
        const QString refused = b.setRecordField(findingTable(), finding, QStringLiteral("severity"), QStringLiteral("moderate"));
        QVERIFY2(refused.contains(QStringLiteral("Someone else changed this finding's severity to \"high\" since you opened it "
                                                 "(you saw \"low\")")),
                 qPrintable(refused));
        QCOMPARE(b.undoStack()->count(), steps);
        QCOMPARE(a.casework().field(findingTable(), finding, QStringLiteral("severity")), QStringLiteral("high"));
        // B reloads (the view does, on the change signal) and saves again.
        b.casework().records(findingTable());
        QCOMPARE(b.setRecordField(findingTable(), finding, QStringLiteral("severity"), QStringLiteral("moderate")), QString());
        QCOMPARE(a.casework().field(findingTable(), finding, QStringLiteral("severity")), QStringLiteral("moderate"));
        // A removing the finding it saw at an older version is refused too.
        QVERIFY(a.removeRecord(findingTable(), finding, QStringLiteral("x")).contains(QStringLiteral("Someone else changed this finding")));
        QCOMPARE(a.casework().records(findingTable()).size(), 1);
        const auto after = m_case.open(Database::Mode::ReadOnly);
        QCOMPARE(after->consistencyProblems(), QStringList());
    }

    // Undo applies the inverse only where the record is still as this user
    // left it; after someone else's change it is the same conflict, and
    // their value stays.
    void undoAfterAnotherChangeConflicts()
    {
        const auto aOwner = m_case.session();
        CaseSession &a = *aOwner;
        qint64 milestone = 0;
        QCOMPARE(a.addRecord(milestoneTable(), {{QStringLiteral("description"), QStringLiteral("Plan agreed")},
                                                {QStringLiteral("due_date"), QStringLiteral("2026-03-31")}},
                             QStringLiteral("m"), &milestone),
                 QString());
        QCOMPARE(a.setRecordField(milestoneTable(), milestone, QStringLiteral("owner"), QStringLiteral("Ann")), QString());
        // Several steps of A's own on one record undo and redo cleanly.
        QCOMPARE(a.setRecordField(milestoneTable(), milestone, QStringLiteral("owner"), QStringLiteral("Bea")), QString());
        a.undoStack()->undo();
        a.undoStack()->undo();
        QCOMPARE(a.casework().field(milestoneTable(), milestone, QStringLiteral("owner")), QString());
        a.undoStack()->redo();
        QCOMPARE(a.casework().field(milestoneTable(), milestone, QStringLiteral("owner")), QStringLiteral("Ann"));

        const auto bOwner = m_case.session();
        CaseSession &b = *bOwner;
        b.casework().records(milestoneTable());
        QCOMPARE(b.setRecordField(milestoneTable(), milestone, QStringLiteral("owner"), QStringLiteral("Cy")), QString());
        QSignalSpy failed(&a, &CaseSession::storeFailed);
        a.undoStack()->undo();
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("Someone else changed this milestone's owner to \"Cy\"")),
                 qPrintable(failed.first().first().toString()));
        QCOMPARE(b.casework().field(milestoneTable(), milestone, QStringLiteral("owner")), QStringLiteral("Cy"));
        // Undoing the milestone's addition after B's change: the same, the milestone stays.
        a.undoStack()->undo();
        QCOMPARE(failed.size(), 2);
        QCOMPARE(b.casework().records(milestoneTable()).size(), 1);

        // Notes and capability likewise.
        QCOMPARE(a.addNote(QString(), QString(), QStringLiteral("first")), QString());
        const Note seen = b.notes().notes().first();
        QCOMPARE(a.setNoteBody(seen.id, QStringLiteral("second")), QString());
        QVERIFY(b.removeNote(seen).contains(QStringLiteral("Someone else changed this note's body to \"second\"")));
        QCOMPARE(a.notes().notes().size(), 1);
        const QString year = QStringLiteral("2025/26");
        QCOMPARE(a.setCapabilityArea(year, QStringLiteral("quality"), CapabilityArea::RegionRating, QStringLiteral("good")), QString());
        QCOMPARE(b.setCapabilityArea(year, QStringLiteral("quality"), CapabilityArea::RegionRating, QStringLiteral("limited")), QString());
        a.undoStack()->undo();
        QCOMPARE(b.capability().areaField(year, QStringLiteral("quality"), CapabilityArea::RegionRating), QStringLiteral("limited"));
        const auto after = m_case.open(Database::Mode::ReadOnly);
        QCOMPARE(after->consistencyProblems(), QStringList());
    }

    // An undo that meets someone else's change writes nothing and leaves no
    // step behind (their value stands); the user who keeps theirs writes it
    // over the record as the conflict found it, as a new step.
    void staleUndoWritesNothing()
    {
        CaseSession a(m_path, Methodology::builtIn());
        qint64 milestone = 0;
        QCOMPARE(a.addRecord(milestoneTable(), {{QStringLiteral("description"), QStringLiteral("Plan agreed")},
                                                {QStringLiteral("due_date"), QStringLiteral("2026-03-31")}},
                             QStringLiteral("m"), &milestone),
                 QString());
        QCOMPARE(a.setRecordField(milestoneTable(), milestone, QStringLiteral("owner"), QStringLiteral("Ann")), QString());
        CaseSession b(m_path, Methodology::builtIn());
        b.casework().records(milestoneTable());
        QCOMPARE(b.setRecordField(milestoneTable(), milestone, QStringLiteral("owner"), QStringLiteral("Cy")), QString());
        const auto audit = [&] {
            return a.caseFile().database().scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt();
        };
        const int entries = audit();
        QCOMPARE(a.undoStack()->count(), 2);
        a.undoStack()->undo();
        QVERIFY(a.lastConflict());
        QCOMPARE(a.lastConflict()->stored(), QStringLiteral("Cy"));
        QCOMPARE(a.lastConflict()->columns(), QStringList{QStringLiteral("owner")});
        QCOMPARE(audit(), entries); // nothing written
        QCOMPARE(a.undoStack()->count(), 1); // the step is gone: the stack and the data agree
        QCOMPARE(a.undoStack()->index(), 1);
        QCOMPARE(b.casework().field(milestoneTable(), milestone, QStringLiteral("owner")), QStringLiteral("Cy"));
        // Keep mine: the value the undo meant to put back, over Cy's version.
        QVERIFY(a.canKeepMine());
        QCOMPARE(a.conflictMine(), QStringList{QString()});
        QCOMPARE(a.keepMine(a.conflictMine()), QString());
        QCOMPARE(b.casework().field(milestoneTable(), milestone, QStringLiteral("owner")), QString());
        QCOMPARE(a.undoStack()->count(), 2);
        a.undoStack()->undo(); // that step undone: Cy's value again
        QCOMPARE(b.casework().field(milestoneTable(), milestone, QStringLiteral("owner")), QStringLiteral("Cy"));
        a.undoStack()->redo();
        // A save of mine over a version newer than the one the conflict showed conflicts again.
        QCOMPARE(a.setRecordField(milestoneTable(), milestone, QStringLiteral("owner"), QStringLiteral("Dee")), QString());
        b.casework().records(milestoneTable());
        QCOMPARE(b.setRecordField(milestoneTable(), milestone, QStringLiteral("owner"), QStringLiteral("Eve")), QString());
        a.undoStack()->undo();
        QVERIFY(a.lastConflict());
        b.casework().records(milestoneTable());
        QCOMPARE(b.setRecordField(milestoneTable(), milestone, QStringLiteral("owner"), QStringLiteral("Fay")), QString());
        QVERIFY(a.keepMine({QStringLiteral("Gus")}).contains(QStringLiteral("to \"Fay\"")));
        QCOMPARE(b.casework().field(milestoneTable(), milestone, QStringLiteral("owner")), QStringLiteral("Fay"));
        a.takeTheirs();
        QVERIFY(!a.canKeepMine());
        CaseFile after(m_path, Database::Mode::ReadOnly);
        QCOMPARE(after.consistencyProblems(), QStringList());
    }

    // Tester (issue 14, D4): a removal of a record someone else changed
    // since (a milestone marked done) conflicts; the conflict names each
    // field they changed, as this user saw it and as stored now, and this
    // user may remove it anyway (over the stored version: its undo puts
    // back the record as the colleague left it) or keep theirs.
    void staleRemoveShowsWhatChanged()
    {
        const auto aOwner = m_case.session();
        CaseSession &a = *aOwner;
        qint64 milestone = 0;
        QCOMPARE(a.addRecord(milestoneTable(), {{QStringLiteral("description"), QStringLiteral("M1")},
                                                {QStringLiteral("due_date"), QStringLiteral("2026-03-31")},
                                                {QStringLiteral("status"), QStringLiteral("open")}},
                             QStringLiteral("m"), &milestone),
                 QString());
        const auto bOwner = m_case.session();
        CaseSession &b = *bOwner;
        b.casework().records(milestoneTable());  // b's screen: open
        QCOMPARE(a.setRecordField(milestoneTable(), milestone, QStringLiteral("status"), QStringLiteral("done")), QString());
        QCOMPARE(a.undoStack()->undoText(), QStringLiteral("Mark milestone done"));
        const QString done = a.casework().field(milestoneTable(), milestone, QStringLiteral("done_date"));
        QVERIFY(!done.isEmpty());
        const QString refused = b.removeRecord(milestoneTable(), milestone, QStringLiteral("Remove milestone"));
        QVERIFY2(refused.contains(QStringLiteral("Someone else changed this milestone")), qPrintable(refused));
        QVERIFY(b.lastConflict());
        QVERIFY(b.canKeepMine());
        QVERIFY(b.conflictRemoves());
        QStringList changed;
        for (const FieldWrite &field : b.conflictFields())
            changed << QStringLiteral("%1: %2 -> %3").arg(field.column, field.value, field.stored);
        QCOMPARE(changed, QStringList({QStringLiteral("done_date:  -> ") + done, QStringLiteral("status: open -> done")}));
        QCOMPARE(b.casework().records(milestoneTable()).size(), 1);
        // Remove it anyway: gone; undone, it is back as the colleague left it.
        QCOMPARE(b.keepMine(b.conflictMine()), QString());
        a.readAgain();
        QCOMPARE(a.casework().records(milestoneTable()).size(), 0);
        QCOMPARE(b.undo(), QString());
        a.readAgain();  // a's screen, told of the change
        const QList<QVariantMap> back = a.casework().records(milestoneTable());
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.first().value(QStringLiteral("status")).toString(), QStringLiteral("done"));
        QCOMPARE(back.first().value(QStringLiteral("done_date")).toString(), done);
        // A note likewise: its body as seen and as stored.
        QCOMPARE(a.addNote(QString(), QString(), QStringLiteral("first")), QString());
        const Note seen = b.notes().notes().first();
        QCOMPARE(a.setNoteBody(seen.id, QStringLiteral("second")), QString());
        QVERIFY(!b.removeNote(seen).isEmpty());
        QVERIFY(b.conflictRemoves());
        QCOMPARE(b.conflictFields().size(), 1);
        QCOMPARE(b.conflictFields().first().value, QStringLiteral("first"));
        QCOMPARE(b.conflictFields().first().stored, QStringLiteral("second"));
        QCOMPARE(b.keepMine(b.conflictMine()), QString());
        a.readAgain();
        QCOMPARE(a.notes().notes().size(), 0);
        const auto after = m_case.open(Database::Mode::ReadOnly);
        QCOMPARE(after->consistencyProblems(), QStringList());
    }

    // Several records' change as one step: written, undone and redone in
    // one transaction; an undo meeting someone else's change on any of them
    // writes none of it.
    void groupUndoIsOneTransaction()
    {
        CaseSession a(m_path, Methodology::builtIn());
        qint64 first = 0, second = 0;
        for (qint64 *id : {&first, &second})
            QCOMPARE(a.addRecord(milestoneTable(), {{QStringLiteral("description"), QStringLiteral("Step")},
                                                    {QStringLiteral("due_date"), QStringLiteral("2026-03-31")}},
                                 QStringLiteral("m"), id),
                     QString());
        const auto owner = [&](qint64 id) { return a.casework().field(milestoneTable(), id, QStringLiteral("owner")); };
        a.beginGroup(QStringLiteral("Assign both"));
        QCOMPARE(a.setRecordField(milestoneTable(), first, QStringLiteral("owner"), QStringLiteral("Ann")), QString());
        QCOMPARE(a.setRecordField(milestoneTable(), first, QStringLiteral("description"), QStringLiteral("First")), QString());
        QCOMPARE(a.setRecordField(milestoneTable(), second, QStringLiteral("owner"), QStringLiteral("Ann")), QString());
        QCOMPARE(a.endGroup(), QString());
        QCOMPARE(a.undoStack()->count(), 3);
        a.undoStack()->undo();
        QCOMPARE(owner(first), QString());
        QCOMPARE(owner(second), QString());
        a.undoStack()->redo();
        QCOMPARE(owner(first), QStringLiteral("Ann"));
        QCOMPARE(a.casework().field(milestoneTable(), first, QStringLiteral("description")), QStringLiteral("First"));

        // Someone else changes the first record: the undo (second record first) writes nothing.
        CaseSession b(m_path, Methodology::builtIn());
        b.casework().records(milestoneTable());
        QCOMPARE(b.setRecordField(milestoneTable(), first, QStringLiteral("owner"), QStringLiteral("Cy")), QString());
        a.undoStack()->undo();
        QVERIFY(a.lastConflict());
        QCOMPARE(a.lastConflict()->id(), first);
        QCOMPARE(owner(second), QStringLiteral("Ann")); // not half undone
        QCOMPARE(owner(first), QStringLiteral("Cy"));
        QCOMPARE(a.undoStack()->count(), 2);
        // The first record's description is where the undo met Cy's change.
        QCOMPARE(a.lastConflict()->columns(), QStringList{QStringLiteral("description")});
        // Keep mine: the whole undo, over Cy's version of the first record;
        // the conflict shows both of the group's fields on it (undone last first).
        QCOMPARE(a.conflictMine(), (QStringList{QStringLiteral("Step"), QString()}));
        QCOMPARE(a.keepMine(a.conflictMine()), QString());
        QCOMPARE(owner(first), QString());
        QCOMPARE(owner(second), QString());
        QCOMPARE(a.casework().field(milestoneTable(), first, QStringLiteral("description")), QStringLiteral("Step"));
        a.undoStack()->undo(); // that step undone: as Cy left it
        QCOMPARE(owner(first), QStringLiteral("Cy"));
        QCOMPARE(owner(second), QStringLiteral("Ann"));
        QCOMPARE(a.casework().field(milestoneTable(), first, QStringLiteral("description")), QStringLiteral("First"));

        // A group whose second edit fails writes nothing at all.
        const int steps = a.undoStack()->count();
        b.casework().records(milestoneTable());
        QCOMPARE(b.setRecordField(milestoneTable(), first, QStringLiteral("owner"), QStringLiteral("Di")), QString());
        a.beginGroup(QStringLiteral("Half"));
        QCOMPARE(a.setRecordField(milestoneTable(), second, QStringLiteral("owner"), QStringLiteral("Bo")), QString());
        // (the group goes on over the stored version, so that every field it writes is known; endGroup says the conflict)
        QCOMPARE(a.setRecordField(milestoneTable(), first, QStringLiteral("owner"), QStringLiteral("Bo")), QString());
        QVERIFY(a.endGroup().contains(QStringLiteral("Someone else changed this milestone")));
        QCOMPARE(owner(first), QStringLiteral("Di"));
        QCOMPARE(owner(second), QStringLiteral("Ann"));
        QCOMPARE(a.undoStack()->count(), steps);
        // ...and the store remembers nothing of it: the next edit saves.
        QCOMPARE(a.setRecordField(milestoneTable(), second, QStringLiteral("owner"), QStringLiteral("Bo")), QString());
        CaseFile after(m_path, Database::Mode::ReadOnly);
        QCOMPARE(after.consistencyProblems(), QStringList());
    }

    // A group's first run meeting a stale record (two fields of a milestone over
    // someone else's change): nothing written; the conflict names every
    // field the group writes on the record, with this user's value and the
    // stored one; Keep Mine writes exactly those fields, in one step and one
    // transaction, leaving the field the other person changed as they left
    // it; a change made meanwhile conflicts again and writes nothing.
    void groupFirstRunConflictKeepsOnlyItsFields()
    {
        const auto aOwner = m_case.session();
        CaseSession &a = *aOwner;
        qint64 milestone = 0;
        QCOMPARE(a.addRecord(milestoneTable(), {{QStringLiteral("description"), QStringLiteral("Plan agreed")},
                                                {QStringLiteral("due_date"), QStringLiteral("2026-03-31")},
                                                {QStringLiteral("status"), QStringLiteral("open")}},
                             QStringLiteral("m"), &milestone),
                 QString());
        a.casework().records(milestoneTable());
        const auto bOwner = m_case.session();
        CaseSession &b = *bOwner;
        b.casework().records(milestoneTable());
        QCOMPARE(b.setRecordField(milestoneTable(), milestone, QStringLiteral("owner"), QStringLiteral("Cy")), QString());
        const auto field = [&](const QString &column) { return b.casework().field(milestoneTable(), milestone, column); };
        const auto audit = [&] {
            return b.caseFile().database().scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt();
        };
        const int entries = audit();
        const int steps = a.undoStack()->count();
        const auto markDone = [&] {
            a.beginGroup(QStringLiteral("Edit milestone"));
            QString error = a.setRecordField(milestoneTable(), milestone, QStringLiteral("status"), QStringLiteral("in progress"));
            if (error.isEmpty())
                error = a.setRecordField(milestoneTable(), milestone, QStringLiteral("description"), QStringLiteral("Plan agreed by the board"));
            return a.endGroup(error);
        };
        QVERIFY(markDone().contains(QStringLiteral("Someone else changed this milestone")));
        QCOMPARE(audit(), entries);
        QCOMPARE(field(QStringLiteral("status")), QStringLiteral("open"));
        QCOMPARE(field(QStringLiteral("description")), QStringLiteral("Plan agreed"));
        QCOMPARE(a.undoStack()->count(), steps);
        QVERIFY(a.lastConflict());
        QVERIFY(a.canKeepMine());
        const QList<FieldWrite> fields = a.conflictFields();
        QCOMPARE(fields.size(), 2);
        QCOMPARE(fields.at(0).column, QStringLiteral("status"));
        QCOMPARE(fields.at(0).value, QStringLiteral("in progress"));
        QCOMPARE(fields.at(0).stored, QStringLiteral("open"));
        QCOMPARE(fields.at(1).column, QStringLiteral("description"));
        QCOMPARE(fields.at(1).value, QStringLiteral("Plan agreed by the board"));
        QCOMPARE(fields.at(1).stored, QStringLiteral("Plan agreed"));
        QCOMPARE(a.conflictMine(), (QStringList{QStringLiteral("in progress"), QStringLiteral("Plan agreed by the board")}));

        // Moved again before Keep Mine: the same conflict, nothing written.
        b.casework().records(milestoneTable());
        QCOMPARE(b.setRecordField(milestoneTable(), milestone, QStringLiteral("owner"), QStringLiteral("Di")), QString());
        const int before = audit();
        QVERIFY(a.keepMine(a.conflictMine()).contains(QStringLiteral("Someone else changed this milestone")));
        QCOMPARE(audit(), before);
        QCOMPARE(field(QStringLiteral("status")), QStringLiteral("open"));
        QCOMPARE(a.undoStack()->count(), steps);

        // Keep Mine over what the dialog showed: both fields, one step; Di's owner stays.
        QVERIFY(a.canKeepMine());
        QCOMPARE(a.keepMine(a.conflictMine()), QString());
        QCOMPARE(field(QStringLiteral("status")), QStringLiteral("in progress"));
        QCOMPARE(field(QStringLiteral("description")), QStringLiteral("Plan agreed by the board"));
        QCOMPARE(field(QStringLiteral("owner")), QStringLiteral("Di"));
        QCOMPARE(a.undoStack()->count(), steps + 1);
        a.undoStack()->undo();  // the kept step undone: as Di left it
        QCOMPARE(field(QStringLiteral("status")), QStringLiteral("open"));
        QCOMPARE(field(QStringLiteral("description")), QStringLiteral("Plan agreed"));
        QCOMPARE(field(QStringLiteral("owner")), QStringLiteral("Di"));
        const auto after = m_case.open(Database::Mode::ReadOnly);
        QCOMPARE(after->consistencyProblems(), QStringList());
    }

    // The undo of a group over someone else's change to a field the group
    // did not touch: the conflict shows the group's fields on the record;
    // Keep Mine writes only those (the other person's field stays), and a
    // change made meanwhile is a conflict again.
    void groupUndoKeepMineWritesOnlyItsFields()
    {
        const auto aOwner = m_case.session();
        CaseSession &a = *aOwner;
        qint64 milestone = 0;
        QCOMPARE(a.addRecord(milestoneTable(), {{QStringLiteral("description"), QStringLiteral("Plan agreed")},
                                                {QStringLiteral("due_date"), QStringLiteral("2026-03-31")},
                                                {QStringLiteral("status"), QStringLiteral("open")}},
                             QStringLiteral("m"), &milestone),
                 QString());
        a.beginGroup(QStringLiteral("Edit milestone"));
        QCOMPARE(a.setRecordField(milestoneTable(), milestone, QStringLiteral("status"), QStringLiteral("in progress")), QString());
        QCOMPARE(a.setRecordField(milestoneTable(), milestone, QStringLiteral("description"), QStringLiteral("Plan agreed by the board")),
                 QString());
        QCOMPARE(a.endGroup(), QString());
        const auto bOwner = m_case.session();
        CaseSession &b = *bOwner;
        b.casework().records(milestoneTable());
        QCOMPARE(b.setRecordField(milestoneTable(), milestone, QStringLiteral("owner"), QStringLiteral("Cy")), QString());
        const auto field = [&](const QString &column) { return b.casework().field(milestoneTable(), milestone, column); };
        a.undoStack()->undo();
        QVERIFY(a.lastConflict());
        QCOMPARE(field(QStringLiteral("status")), QStringLiteral("in progress"));
        const QList<FieldWrite> fields = a.conflictFields();
        QCOMPARE(fields.size(), 2);
        QCOMPARE(fields.at(0).column, QStringLiteral("description"));  // undone last step first
        QCOMPARE(fields.at(0).value, QStringLiteral("Plan agreed"));
        QCOMPARE(fields.at(0).stored, QStringLiteral("Plan agreed by the board"));
        QCOMPARE(fields.at(1).column, QStringLiteral("status"));
        QCOMPARE(fields.at(1).value, QStringLiteral("open"));
        QCOMPARE(fields.at(1).stored, QStringLiteral("in progress"));
        // Moved again meanwhile: a conflict again, nothing written.
        b.casework().records(milestoneTable());
        QCOMPARE(b.setRecordField(milestoneTable(), milestone, QStringLiteral("owner"), QStringLiteral("Di")), QString());
        QVERIFY(!a.keepMine(a.conflictMine()).isEmpty());
        QCOMPARE(field(QStringLiteral("status")), QStringLiteral("in progress"));
        QCOMPARE(field(QStringLiteral("owner")), QStringLiteral("Di"));
        // Keep Mine: the undo's two fields, Di's owner as she left it.
        QCOMPARE(a.keepMine(a.conflictMine()), QString());
        QCOMPARE(field(QStringLiteral("status")), QStringLiteral("open"));
        QCOMPARE(field(QStringLiteral("description")), QStringLiteral("Plan agreed"));
        QCOMPARE(field(QStringLiteral("owner")), QStringLiteral("Di"));
        const auto after = m_case.open(Database::Mode::ReadOnly);
        QCOMPARE(after->consistencyProblems(), QStringList());
    }

private:
    owbtest::VersionOneCase m_case;
    QTemporaryDir &m_dir = m_case.dir;
    const QString &m_path = m_case.path;
};

QTEST_GUILESS_MAIN(TestCaseVersions)
#include "tst_caseversions.moc"
