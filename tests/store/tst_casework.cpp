// Casework edits through the session facade: each one a transaction and an
// undo command; undo and redo restore exactly; failures change nothing. And
// the upgrade of a version-1 case file.

#include "casework/casesession.h"
#include "casework/casework.h"
#include "store/casefile.h"
#include "store/integritycheck.h"
#include "store/schemas.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace owb;

class TestCasework : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("RA1.owcase"));
        QFile::remove(m_path);
        QVERIFY(QFile::copy(QStringLiteral(OWB_TEST_DATA "/fixtures/casefile-v1.owcase"), m_path));
        QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    // A fixture of every earlier schema version upgrades cleanly.
    void upgradesEveryEarlierVersion_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("version");
        QTest::newRow("version 1") << QStringLiteral("casefile-v1.owcase") << 1;
        QTest::newRow("version 2") << QStringLiteral("casefile-v2.owcase") << 2;
        QTest::newRow("version 3") << QStringLiteral("casefile-v3.owcase") << 3;
        QTest::newRow("version 4") << QStringLiteral("casefile-v4.owcase") << 4;
    }
    void upgradesEveryEarlierVersion()
    {
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
    }

    void upgradesVersionOneFixture()
    {
        const StoredAssessment before = *CaseFile(m_path, Database::Mode::OpenExisting).assessment(QStringLiteral("2025/26 Q1"));
        CaseFile upgraded(m_path, Database::Mode::OpenExisting);
        QCOMPARE(upgraded.database().schemaVersion(), caseFileSchema().currentVersion());
        QCOMPARE(upgraded.identity().code, QStringLiteral("RA1"));
        QCOMPARE(upgraded.assessment(QStringLiteral("2025/26 Q1"))->digest(), before.digest());
        QCOMPARE(upgraded.consistencyProblems(), QStringList());
        QCOMPARE(upgraded.database().sqliteProblems(), QStringList());
        QVERIFY(checkCaseFile(m_path).clean());
    }

    void readOnlyReadsWithoutUpgrading()
    {
        CaseFile readOnly(m_path, Database::Mode::ReadOnly);
        QCOMPARE(readOnly.database().schemaVersion(), 1);
        QCOMPARE(readOnly.quarters().size(), 2);
        QVERIFY(checkCaseFile(m_path).clean());
        CaseFile again(m_path, Database::Mode::ReadOnly);
        QCOMPARE(again.database().schemaVersion(), 1);  // still untouched
    }

    void capabilityEditUndoRedo()
    {
        CaseSession session(m_path, Methodology::builtIn());
        QSignalSpy changed(&session, &CaseSession::capabilityChanged);
        const QString year = CaseSession::financialYear(QStringLiteral("2025/26 Q3"));
        QCOMPARE(year, QStringLiteral("2025/26"));
        QCOMPARE(session.setCapabilityArea(year, QStringLiteral("quality"), CapabilityArea::RegionRating,
                                           QStringLiteral("limited")),
                 QString());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(session.capability().areaField(year, QStringLiteral("quality"), CapabilityArea::RegionRating),
                 QStringLiteral("limited"));
        session.setCapabilityArea(year, QStringLiteral("quality"), CapabilityArea::RegionRating, QStringLiteral("low"));
        QCOMPARE(session.undoStack()->count(), 2);
        session.undoStack()->undo();
        QCOMPARE(session.capability().areaField(year, QStringLiteral("quality"), CapabilityArea::RegionRating),
                 QStringLiteral("limited"));
        session.undoStack()->undo();
        QCOMPARE(session.capability().areaField(year, QStringLiteral("quality"), CapabilityArea::RegionRating), QString());
        session.undoStack()->redo();
        QCOMPARE(changed.size(), 5);
        // What was acknowledged is on disk: another connection sees it.
        CaseFile other(m_path, Database::Mode::ReadOnly);
        QCOMPARE(CapabilityStore(other.database()).areaField(year, QStringLiteral("quality"), CapabilityArea::RegionRating),
                 QStringLiteral("limited"));
        session.setCapabilityOverall(year, CapabilityOverall::Rationale, QStringLiteral("Board turnover"));
        QCOMPARE(session.capability().overall(year).rationale, QStringLiteral("Board turnover"));
        QCOMPARE(session.capability().years(), QStringList{"2025/26"});
    }

    void notesAndUndo()
    {
        CaseSession session(m_path, Methodology::builtIn());
        QCOMPARE(session.addNote(QStringLiteral("metric"), QStringLiteral("OF0023"), QStringLiteral("RTT recovery slipping")),
                 QString());
        session.addNote(QString(), QString(), QStringLiteral("General"));
        QList<Note> notes = session.notes().notes();
        QCOMPARE(notes.size(), 2);
        QCOMPARE(notes.last().tag, QStringLiteral("OF0023"));
        QCOMPARE(notes.last().author, CaseSession::currentUser());
        session.removeNote(notes.last());
        QCOMPARE(session.notes().notes().size(), 1);
        session.undoStack()->undo();  // the removal
        QCOMPARE(session.notes().notes().size(), 2);
        QCOMPARE(session.notes().notes().last().id, notes.last().id);
        session.setNoteBody(notes.first().id, QStringLiteral("General, edited"));
        session.undoStack()->undo();
        QCOMPARE(session.notes().body(notes.first().id), QStringLiteral("General"));
        session.undoStack()->undo();
        session.undoStack()->undo();
        QCOMPARE(session.notes().notes().size(), 0);
    }

    // Optional text fields left empty arrive as null QStrings, which Qt 6 binds
    // as SQL NULL: every casework insert and update must store '' instead
    // (issue 11: confirming a segment and opening a review failed on NOT NULL).
    void emptyOptionalTextIsStoredEmpty()
    {
        CaseSession session(m_path, Methodology::builtIn());
        QCOMPARE(
            session.addRecord(decisionTable(),
                { { QStringLiteral("quarter"), QStringLiteral("2025/26 Q4") },
                    { QStringLiteral("kind"), QStringLiteral("confirm") },
                    { QStringLiteral("decided_segment"), 3 }, { QStringLiteral("rationale"), QString() } },
                QStringLiteral("confirm")),
            QString());
        QCOMPARE(session.addRecord(reviewTable(),
                     { { QStringLiteral("opened_quarter"), QStringLiteral("2025/26 Q4") },
                         { QStringLiteral("opened_reason"), QString() } },
                     QStringLiteral("open")),
            QString());
        const QList<QVariantMap> reviews = session.casework().records(reviewTable());
        QCOMPARE(reviews.size(), 1);
        const qint64 id = reviews.first().value(QStringLiteral("id")).toLongLong();
        QCOMPARE(session.setRecordField(reviewTable(), id, QStringLiteral("team"), QString()), QString());
        QCOMPARE(session.casework().field(reviewTable(), id, QStringLiteral("opened_reason")), QString());
        QCOMPARE(session.casework()
                     .decision(QStringLiteral("2025/26 Q4"))
                     .value(QStringLiteral("rationale"))
                     .toString(),
            QString());
        session.undoStack()->undo(); // the field
        session.undoStack()->undo(); // the review: its removal restores nothing
        session.undoStack()->redo(); // and it comes back from the stored row
        QCOMPARE(session.casework().records(reviewTable()).size(), 1);
    }

    void evidenceWithAttachment()
    {
        CaseSession session(m_path, Methodology::builtIn());
        const QByteArray file("board paper, March 2026");
        EvidenceItem item{0, QStringLiteral("2025/26"), QStringLiteral("strategy"), QStringLiteral("Board paper"),
                          QStringLiteral("2026-03-12"), QStringLiteral("Trust board"), QStringLiteral("paper.pdf"), {}, 0};
        QCOMPARE(session.addEvidence(item, file), QString());
        const QList<EvidenceItem> items = session.capability().evidence(QStringLiteral("2025/26"));
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().fileSize, file.size());
        QCOMPARE(items.first().fileSha256.size(), 64);
        QCOMPARE(session.capability().evidenceFile(items.first().id), file);
        session.removeEvidence(items.first());
        QVERIFY(session.capability().evidence(QStringLiteral("2025/26")).isEmpty());
        session.undoStack()->undo();
        QCOMPARE(session.capability().evidenceFile(items.first().id), file);

        // Too large: refused with a message, nothing stored, nothing on the undo stack.
        const int commands = session.undoStack()->index();  // a push drops the undone tail
        const QString error = session.addEvidence(item, QByteArray(CapabilityStore::kMaxAttachmentBytes + 1, 'x'));
        QVERIFY(error.contains(QStringLiteral("larger than")));
        QCOMPARE(session.undoStack()->count(), commands);
        QCOMPARE(session.capability().evidence(QStringLiteral("2025/26")).size(), 1);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestCasework)
#include "tst_casework.moc"
