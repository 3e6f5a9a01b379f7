// Casework edits through the session facade: each one a transaction and an
// undo command; undo and redo restore exactly; failures change nothing. And
// dates as typed, statuses, and the rules a field keeps (what contradicts the
// record, decisions, the programme and dates in order: tst_caserules).

#include "casework/casesession.h"
#include "casework/casework.h"
#include "casework/trajectory.h"
#include "casework/datetext.h"
#include "casework/historytext.h"
#include "casework/metricview.h"
#include "data/textlimits.h"
#include "itemmodels/dateformat.h"
#include "store/auditlog.h"
#include "store/casefile.h"
#include "store/integritycheck.h"
#include "store/quarterrespelling.h"
#include "store/schemas.h"
#include "reports/reviewreport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlRecord>
#include <QThread>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include "casefixture.h"

using namespace owb;

class TestCasework : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { OWB_BACKEND_READY(); }
    void cleanupTestCase() { owbtest::dropCaseTemplate(); }
    void init() { m_case.reset(); }

    // Issue 13: dates typed as a UK user types them, one display format.
    void datesAsTyped_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QDate>("date");
        QTest::newRow("slashes") << QStringLiteral("31/03/2027") << QDate(2027, 3, 31);
        QTest::newRow("short month") << QStringLiteral("31 Mar 2027") << QDate(2027, 3, 31);
        QTest::newRow("long month") << QStringLiteral(" 31 March 2027 ") << QDate(2027, 3, 31);
        // Qt's en_GB spells September "Sept": both spellings, any case, are read.
        QTest::newRow("Sep") << QStringLiteral("30 Sep 2026") << QDate(2026, 9, 30);
        QTest::newRow("1 Sep") << QStringLiteral("1 Sep 2026") << QDate(2026, 9, 1);
        QTest::newRow("01 Sep") << QStringLiteral("01 Sep 2026") << QDate(2026, 9, 1);
        QTest::newRow("Sept") << QStringLiteral("30 Sept 2026") << QDate(2026, 9, 30);
        QTest::newRow("sep lower, dashes") << QStringLiteral("30-sep-2026") << QDate(2026, 9, 30);
        QTest::newRow("SEPTEMBER") << QStringLiteral("30 SEPTEMBER 2026") << QDate(2026, 9, 30);
        QTest::newRow("comma") << QStringLiteral("30 Sep, 2026") << QDate(2026, 9, 30);
        QTest::newRow("every short month") << QStringLiteral("15 Jun 2026") << QDate(2026, 6, 15);
        QTest::newRow("Jul") << QStringLiteral("15 Jul 2026") << QDate(2026, 7, 15);
        QTest::newRow("31 Sep") << QStringLiteral("31 Sep 2026") << QDate();
        QTest::newRow("two letters") << QStringLiteral("1 Ju 2026") << QDate();
        QTest::newRow("not a month") << QStringLiteral("1 Sepx 2026") << QDate();
        QTest::newRow("iso") << QStringLiteral("2027-03-31") << QDate(2027, 3, 31);
        QTest::newRow("one digit") << QStringLiteral("1/4/2027") << QDate(2027, 4, 1);
        QTest::newRow("no month 13") << QStringLiteral("31/13/2027") << QDate();
        QTest::newRow("american") << QStringLiteral("03/31/2027") << QDate();
        QTest::newRow("words") << QStringLiteral("soon") << QDate();
        QTest::newRow("empty") << QString() << QDate();
    }
    void datesAsTyped()
    {
        QFETCH(QString, typed);
        QFETCH(QDate, date);
        QCOMPARE(readUserDate(typed), date);
        if (QLocale().language() == QLocale::C) {
            QCOMPARE(showDate(QDate(2027, 3, 31)), QStringLiteral("31/03/2027"));
            QCOMPARE(showDate(QStringLiteral("2027-03-31")), QStringLiteral("31/03/2027"));
            QCOMPARE(showDate(QStringLiteral("not a date")), QStringLiteral("not a date")); // kept as stored
        }
        // One format on screen and in reports (issue 13, item 5): a moment's date is shown as every date.
        QCOMPARE(displayDate(QDate(2027, 3, 31)), showDate(QDate(2027, 3, 31)));
        QCOMPARE(displayMoment(QDateTime(QDate(2027, 3, 31), QTime(9, 41))), showDate(QDate(2027, 3, 31)) + QStringLiteral(" 09:41"));
    }

    void readOnlyReadsWithoutUpgrading()
    {
        OWB_FILE_ONLY("a version-1 case file read without upgrading it is a file");
        CaseFile readOnly(m_path, Database::Mode::ReadOnly);
        QCOMPARE(readOnly.database().schemaVersion(), 1);
        QCOMPARE(readOnly.quarters().size(), 2);
        QVERIFY(checkCaseFile(m_path).clean());
        CaseFile again(m_path, Database::Mode::ReadOnly);
        QCOMPARE(again.database().schemaVersion(), 1);  // still untouched
    }

    void capabilityEditUndoRedo()
    {
        const auto sessionOwner = m_case.session();
        CaseSession &session = *sessionOwner;
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
        const auto other = m_case.open(Database::Mode::ReadOnly);
        QCOMPARE(CapabilityStore(other->scope()).areaField(year, QStringLiteral("quality"), CapabilityArea::RegionRating),
                 QStringLiteral("limited"));
        session.setCapabilityOverall(year, CapabilityOverall::Rationale, QStringLiteral("Board turnover"));
        QCOMPARE(session.capability().overall(year).rationale, QStringLiteral("Board turnover"));
        QCOMPARE(session.capability().years(), QStringList{"2025/26"});
    }

    // Free text has a limit: longer text is refused with a message and
    // nothing is stored or pushed on the undo stack.
    void freeTextHasALimit()
    {
        const auto sessionOwner = m_case.session();
        CaseSession &session = *sessionOwner;
        const QString longest(kMaxFreeTextLength, QLatin1Char('x'));
        const QString tooLong(kMaxFreeTextLength + 1, QLatin1Char('x'));
        QCOMPARE(session.addNote(QString(), QString(), longest), QString());
        const QString refused = session.addNote(QString(), QString(), tooLong);
        QCOMPARE(refused,
            QStringLiteral("%1: the text is 20001 characters long; at most 20000 are allowed, so nothing "
                           "was changed.")
                .arg(m_case.where()));
        QCOMPARE(session.notes().notes().size(), 1);
        QCOMPARE(session.undoStack()->count(), 1);
        const QString year = CaseSession::financialYear(QStringLiteral("Q3 2025-26"));
        QCOMPARE(year, QStringLiteral("2025/26"));
        QCOMPARE(session.setCapabilityOverall(year, CapabilityOverall::Rationale, tooLong), refused);
        QCOMPARE(session.setNoteBody(session.notes().notes().first().id, tooLong), refused);
        QCOMPARE(session.notes().notes().first().body, longest);
        QCOMPARE(session.undoStack()->count(), 1);
    }

    void notesAndUndo()
    {
        const auto sessionOwner = m_case.session();
        CaseSession &session = *sessionOwner;
        QCOMPARE(session.addNote(QStringLiteral("metric"), QStringLiteral("OF0023"), QStringLiteral("RTT recovery slipping")),
                 QString());
        session.addNote(QString(), QString(), QStringLiteral("General"));
        QList<Note> notes = session.notes().notes();
        QCOMPARE(notes.size(), 2);
        QCOMPARE(notes.last().tag, QStringLiteral("OF0023"));
        QCOMPARE(notes.last().author, session.author()); // the server's session user on a team workspace
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

    // Edit > Undo and Redo go through the session: done as the stack's own
    // are; refused without a conflict (here a trigger refusing the write, as
    // a full disk or a team workspace's lost connection does), nothing is
    // written and the stack is as it was, so the step can be tried again
    // (tester, issue 14: the refused step was dropped, its change kept).
    void refusedUndoKeepsItsStep()
    {
        OWB_FILE_ONLY("the write is refused by a trigger added to the case file");
        const auto sessionOwner = m_case.session();
        CaseSession &session = *sessionOwner;
        QCOMPARE(session.addNote(QString(), QString(), QStringLiteral("First")), QString());
        const qint64 id = session.notes().notes().first().id;
        QCOMPARE(session.setNoteBody(id, QStringLiteral("Second")), QString());
        QUndoStack &stack = *session.undoStack();
        const auto refuseWrites = [this](bool refuse) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("refuser"));
            db.setDatabaseName(m_case.path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY2(query.exec(refuse ? QStringLiteral("CREATE TRIGGER refuse_note BEFORE UPDATE ON note BEGIN "
                                                        "SELECT RAISE(ABORT, 'refused'); END")
                                       : QStringLiteral("DROP TRIGGER refuse_note")),
                     qPrintable(query.lastError().text()));
            query = QSqlQuery();
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("refuser"));
        };
        const auto stackIs = [&stack](int index, const QString &undoText, const QString &redoText) {
            return stack.count() == 2 && stack.index() == index && stack.undoText() == undoText
                   && stack.redoText() == redoText && stack.canUndo() == !undoText.isEmpty()
                   && stack.canRedo() == !redoText.isEmpty();
        };
        const QString edit = QStringLiteral("Edit note");
        const QString add = QStringLiteral("Add note");

        refuseWrites(true);
        QVERIFY(!session.undo().isEmpty());
        QCOMPARE(session.notes().body(id), QStringLiteral("Second"));
        QVERIFY(stackIs(2, edit, QString()));
        refuseWrites(false);
        QCOMPARE(session.undo(), QString());  // the same step, now written
        QCOMPARE(session.notes().body(id), QStringLiteral("First"));
        QVERIFY(stackIs(1, add, edit));

        refuseWrites(true);
        QVERIFY(!session.redo().isEmpty());
        QCOMPARE(session.notes().body(id), QStringLiteral("First"));
        QVERIFY(stackIs(1, add, edit));
        refuseWrites(false);
        QCOMPARE(session.redo(), QString());
        QCOMPARE(session.notes().body(id), QStringLiteral("Second"));
        QVERIFY(stackIs(2, edit, QString()));
        // Nothing more to undo or redo past either end: nothing happens.
        QCOMPARE(session.redo(), QString());
        QCOMPARE(session.undo(), QString());
        QCOMPARE(session.undo(), QString());
        QCOMPARE(session.undo(), QString());
        QVERIFY(session.notes().notes().isEmpty());
        QCOMPARE(stack.index(), 0);
    }

    // Optional text fields left empty arrive as null QStrings, which Qt 6 binds
    // as SQL NULL: every casework insert and update must store '' instead
    // (issue 11: confirming a segment and opening a review failed on NOT NULL).
    void emptyOptionalTextIsStoredEmpty()
    {
        const auto sessionOwner = m_case.session();
        CaseSession &session = *sessionOwner;
        QCOMPARE(
            session.addRecord(decisionTable(),
                { { QStringLiteral("quarter"), QStringLiteral("2025/26 Q4") },
                    { QStringLiteral("kind"), QStringLiteral("confirm") },
                    { QStringLiteral("computed_segment"), 3 }, { QStringLiteral("decided_segment"), 3 },
                    { QStringLiteral("rationale"), QString() } },
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
        // Setting the empty team again changed nothing: no step to undo.
        session.undoStack()->undo(); // the review: its removal restores nothing
        session.undoStack()->redo(); // and it comes back from the stored row
        QCOMPARE(session.casework().records(reviewTable()).size(), 1);
    }

    void evidenceWithAttachment()
    {
        const auto sessionOwner = m_case.session();
        CaseSession &session = *sessionOwner;
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

    // Statuses typed as free text match whatever their case ("Met", " DONE").
    void statusesIgnoreCase()
    {
        QVERIFY(isStatus(QStringLiteral("Met"), QStringLiteral("met")));
        QVERIFY(isStatus(QStringLiteral(" DONE "), QStringLiteral("done")));
        QVERIFY(!isStatus(QStringLiteral("not met"), QStringLiteral("met")));
        const auto sessionOwner = m_case.session();
        CaseSession &session = *sessionOwner;
        const QString past = QStringLiteral("2020-01-31");
        QCOMPARE(session.addRecord(milestoneTable(),
                     { { QStringLiteral("description"), QStringLiteral("a") }, { QStringLiteral("due_date"), past },
                         { QStringLiteral("status"), QStringLiteral("Done") } },
                     QStringLiteral("add")),
            QString());
        QCOMPARE(session.enterProgramme(QStringLiteral("2025/26 Q1"), QStringLiteral("r"), QString()), QString());
        const qint64 programme = session.casework().programmeIn(QStringLiteral("2025/26 Q1"));
        QCOMPARE(session.setRecordField(programmeTable(), programme, QStringLiteral("entry_date"), QStringLiteral("2025-04-01")), QString());
        QCOMPARE(session.addRecord(criterionTable(),
                     { { QStringLiteral("programme_id"), programme }, { QStringLiteral("description"), QStringLiteral("c") },
                         { QStringLiteral("due_date"), QStringLiteral("2025-05-01") }, { QStringLiteral("status"), QStringLiteral("Met") } },
                     QStringLiteral("add")),
            QString());
        QCOMPARE(session.casework().status(QStringLiteral("2025/26 Q1"), QDate(2026, 1, 1)).overdue, 0);
    }

    // The status describes the chosen quarter (issue 11 retest): at Q1 a
    // review opened in Q4 is not open, a programme entered in Q4 is not yet
    // entered and its criteria and milestones due in Q4 are not overdue;
    // overdue counts at the quarter's end, or today when that comes first.
    void statusDescribesTheChosenQuarter()
    {
        const auto sessionOwner = m_case.session();
        CaseSession &session = *sessionOwner;
        const QString q1 = QStringLiteral("2025/26 Q1");
        const QString q4 = QStringLiteral("2025/26 Q4");
        QCOMPARE(session.addRecord(reviewTable(),
                     { { QStringLiteral("opened_quarter"), q4 }, { QStringLiteral("opened_reason"), QStringLiteral("r") },
                         { QStringLiteral("start_date"), QStringLiteral("2026-01-10") } },
                     QStringLiteral("add")),
            QString());
        QCOMPARE(session.enterProgramme(q4, QStringLiteral("r"), QString()), QString());
        const qint64 programme = session.casework().programmeIn(q4);
        QCOMPARE(session.setRecordField(programmeTable(), programme, QStringLiteral("entry_date"), QStringLiteral("2026-01-05")), QString());
        const QString inQ4 = QStringLiteral("2026-02-01");
        QCOMPARE(session.addRecord(criterionTable(),
                     { { QStringLiteral("programme_id"), programme }, { QStringLiteral("description"), QStringLiteral("c") },
                         { QStringLiteral("due_date"), inQ4 } },
                     QStringLiteral("add")),
            QString());
        QCOMPARE(session.addRecord(milestoneTable(),
                     { { QStringLiteral("description"), QStringLiteral("m") }, { QStringLiteral("due_date"), inQ4 } },
                     QStringLiteral("add")),
            QString());
        const QDate today(2026, 11, 23);
        const CaseworkStatus atQ1 = session.casework().status(q1, today);
        QVERIFY(!atQ1.reviewOpen);
        QVERIFY(!atQ1.inProgramme);
        QCOMPARE(atQ1.overdue, 0);
        QCOMPARE(atQ1.summary(), QString());
        const CaseworkStatus atQ4 = session.casework().status(q4, today);
        QVERIFY(atQ4.reviewOpen);
        QVERIFY(atQ4.inProgramme);
        QCOMPARE(atQ4.overdue, 2);
        QCOMPARE(atQ4.overdueMilestones, 1);  // each counted where it is (tester's report 13, item 8)
        QCOMPARE(atQ4.overdueCriteria, 1);
        QCOMPARE(atQ4.summary(), QStringLiteral("In the programme; Diagnostic review open; 2 overdue"));
        QCOMPARE(session.casework().status(q4, QDate(2026, 1, 15)).overdue, 0);  // today before the due dates
        // Done after the quarter: still overdue at its end.
        const qint64 milestone = session.casework().records(milestoneTable()).last().value(QStringLiteral("id")).toLongLong();
        session.casework().setField(milestoneTable(), milestone, QStringLiteral("status"), QStringLiteral("done"));
        session.casework().setField(milestoneTable(), milestone, QStringLiteral("done_date"), QStringLiteral("2026-05-01"));
        QCOMPARE(session.casework().status(q4, today).overdue, 2);
        QCOMPARE(session.casework().status(QStringLiteral("2026/27 Q1"), today).overdue, 1);  // the criterion
        // Tester (issue 13): the workspace's latest quarter counts on today, so
        // what is overdue now shows where the region works; an earlier
        // quarter still counts on its last day.
        const QString later = QStringLiteral("2026-09-30"); // after 2026/27 Q1 ended, before today
        QCOMPARE(session.addRecord(milestoneTable(),
                     { { QStringLiteral("description"), QStringLiteral("after") }, { QStringLiteral("due_date"), later } },
                     QStringLiteral("add")),
            QString());
        const CaseworkChoices &choices = Methodology::builtIn().casework();
        const QString q1next = QStringLiteral("2026/27 Q1");
        QCOMPARE(session.casework().status(q1next, today, choices, QString()).overdueMilestones, 0);
        QCOMPARE(session.casework().status(q1next, today, choices, q1next).overdueMilestones, 1);
        QCOMPARE(session.casework().status(q1next, today, choices, QStringLiteral("2026/27 Q2")).overdueMilestones, 0);
        QCOMPARE(session.casework().status(q1next, QDate(2026, 9, 1), choices, q1next).overdueMilestones, 0);
        QCOMPARE(overdueAsOf(q1next, today, q1next), today);
        QCOMPARE(overdueAsOf(q1next, today, QStringLiteral("2026/27 Q2")), QDate(2026, 6, 30));
    }

    // Round 3, item 16: a metric measured in "% of income" (OF0079) is shown with its "%".
    void percentOfSomethingShownWithPercent()
    {
        const MetricDefinition *surplus = Methodology::builtIn().metric(QStringLiteral("OF0079"));
        QVERIFY(surplus);
        QCOMPARE(formatMetricMeasure(*surplus, -1.03), QStringLiteral("-1.03%"));
    }

    // Tester's report 13, round 3, items 2-5 and 15: the rules a form keeps
    // hold for one field changed at a time, and a save that changes nothing
    // writes nothing.
    void fieldRulesInline()
    {
        CaseSession session(m_path, Methodology::builtIn());
        auto &db = session.caseFile().database();
        const QString q1 = QStringLiteral("2026/27 Q1");
        QCOMPARE(session.enterProgramme(q1, QStringLiteral("r"), QString()), QString());
        const qint64 programme = session.casework().programmeIn(q1);
        QCOMPARE(session.setRecordField(programmeTable(), programme, QStringLiteral("entry_date"), QStringLiteral("2026-04-10")), QString());
        QCOMPARE(session.addRecord(progressReviewTable(),
                     { { QStringLiteral("review_date"), QStringLiteral("2026-06-15") }, { QStringLiteral("summary"), QStringLiteral("s") } },
                     QStringLiteral("add")),
            QString());
        // 2: the entry moved past a progress review already held.
        const QString past = session.setRecordField(programmeTable(), programme, QStringLiteral("entry_date"), QStringLiteral("2026-06-20"));
        QVERIFY2(past.contains(QStringLiteral("after the progress review held on 15/06/2026")), qPrintable(past));
        QCOMPARE(session.casework().field(programmeTable(), programme, QStringLiteral("entry_date")), QStringLiteral("2026-04-10"));
        QCOMPARE(session.setRecordField(programmeTable(), programme, QStringLiteral("entry_date"), QStringLiteral("2026-06-15")), QString());
        // 3: an exit dated outside its exit quarter.
        const QString outside = session.recordExit(QStringLiteral("2026/27 Q2"), QStringLiteral("plan"), QDate(2026, 12, 15));
        QVERIFY2(outside.contains(QStringLiteral("not in the exit quarter 2026/27 Q2")), qPrintable(outside));
        QCOMPARE(session.casework().field(programmeTable(), programme, QStringLiteral("exit_quarter")), QString());
        // 15: an exit whose plan is the one written at entry changes the plan not at all: no empty change in the history.
        QCOMPARE(session.setRecordField(programmeTable(), programme, QStringLiteral("transition_plan"), QStringLiteral("plan")), QString());
        const qint64 before = auditlog::entries(db).size();
        QCOMPARE(session.recordExit(QStringLiteral("2026/27 Q2"), QStringLiteral("plan"), QDate(2026, 8, 1)), QString());
        QCOMPARE(auditlog::entries(db).size(), before + 1); // the exit quarter and date in one write, not the plan
        const qint64 steps = session.undoStack()->count();
        const qint64 entries = auditlog::entries(db).size();
        QCOMPARE(session.setRecordField(programmeTable(), programme, QStringLiteral("reason"), QStringLiteral("r")), QString());
        QCOMPARE(session.undoStack()->count(), steps);
        QCOMPARE(auditlog::entries(db).size(), entries);
        // 5: a review's team is needed, as when it is opened.
        qint64 review = 0;
        QCOMPARE(session.addRecord(reviewTable(),
                     { { QStringLiteral("opened_quarter"), q1 }, { QStringLiteral("opened_reason"), QStringLiteral("r") },
                         { QStringLiteral("team"), QStringLiteral("t") } },
                     QStringLiteral("add"), &review),
            QString());
        const QString team = session.setRecordField(reviewTable(), review, QStringLiteral("team"), QStringLiteral("  "));
        QVERIFY2(team.contains(QStringLiteral("team is needed")), qPrintable(team));
        QCOMPARE(session.casework().field(reviewTable(), review, QStringLiteral("team")), QStringLiteral("t"));
        // 4: a milestone's status is needed; its done date only while done, gone when it is no longer.
        qint64 milestone = 0;
        QCOMPARE(session.addRecord(milestoneTable(),
                     { { QStringLiteral("description"), QStringLiteral("m") }, { QStringLiteral("due_date"), QStringLiteral("2026-09-30") },
                         { QStringLiteral("status"), QStringLiteral("open") } },
                     QStringLiteral("add"), &milestone),
            QString());
        const QString early = session.setRecordField(milestoneTable(), milestone, QStringLiteral("done_date"), QStringLiteral("2026-09-01"));
        QVERIFY2(early.contains(QStringLiteral("done date only while its status is")), qPrintable(early));
        const QString done = Methodology::builtIn().casework().milestoneStatuses.finalId;
        QCOMPARE(session.setRecordField(milestoneTable(), milestone, QStringLiteral("status"), done), QString());
        QCOMPARE(session.setRecordField(milestoneTable(), milestone, QStringLiteral("done_date"), QStringLiteral("2026-09-01")), QString());
        const QString unset = session.setRecordField(milestoneTable(), milestone, QStringLiteral("status"), QString());
        QVERIFY2(unset.contains(QStringLiteral("status is needed")), qPrintable(unset));
        QCOMPARE(session.casework().field(milestoneTable(), milestone, QStringLiteral("status")), done);
        QCOMPARE(session.setRecordField(milestoneTable(), milestone, QStringLiteral("status"), QStringLiteral("open")), QString());
        QCOMPARE(session.casework().field(milestoneTable(), milestone, QStringLiteral("done_date")), QString());
        session.undoStack()->undo(); // one step: done again, with its date
        QCOMPARE(session.casework().field(milestoneTable(), milestone, QStringLiteral("status")), done);
        QCOMPARE(session.casework().field(milestoneTable(), milestone, QStringLiteral("done_date")), QStringLiteral("2026-09-01"));
        // No longer done: the status and the cleared date in one write, one history entry.
        {
            const qint64 entriesBefore = auditlog::entries(db).size();
            const int stepsBefore = session.undoStack()->index();
            QCOMPARE(session.setRecordField(milestoneTable(), milestone, QStringLiteral("status"), QStringLiteral("open")), QString());
            QCOMPARE(auditlog::entries(db).size(), entriesBefore + 1);
            QCOMPARE(session.undoStack()->index(), stepsBefore + 1);
            QCOMPARE(session.casework().field(milestoneTable(), milestone, QStringLiteral("done_date")), QString());
        }
        // Set to done (a table's cell, Mark Milestone Done): the status and
        // the day it was done in one write, one history entry (tester, issue
        // 13 round 7: the history showed it done with no date in between).
        qint64 second = 0;
        QCOMPARE(session.addRecord(milestoneTable(),
                     { { QStringLiteral("description"), QStringLiteral("m2") }, { QStringLiteral("due_date"), QStringLiteral("2026-09-30") },
                         { QStringLiteral("status"), QStringLiteral("open") } },
                     QStringLiteral("add"), &second),
            QString());
        const qint64 entriesBefore = auditlog::entries(db).size();
        const int stepsBefore = session.undoStack()->index();
        QCOMPARE(session.setRecordField(milestoneTable(), second, QStringLiteral("status"), done), QString());
        QCOMPARE(auditlog::entries(db).size(), entriesBefore + 1);
        QCOMPARE(session.undoStack()->index(), stepsBefore + 1);
        QCOMPARE(session.casework().field(milestoneTable(), second, QStringLiteral("done_date")),
                 QDate::currentDate().toString(Qt::ISODate));
        session.undoStack()->undo();
        QCOMPARE(session.casework().field(milestoneTable(), second, QStringLiteral("status")), QStringLiteral("open"));
        QCOMPARE(session.casework().field(milestoneTable(), second, QStringLiteral("done_date")), QString());
        QCOMPARE(auditlog::entries(db).size(), entriesBefore + 2);
        session.undoStack()->redo();
        QCOMPARE(session.casework().field(milestoneTable(), second, QStringLiteral("status")), done);
        QCOMPARE(session.casework().field(milestoneTable(), second, QStringLiteral("done_date")),
                 QDate::currentDate().toString(Qt::ISODate));
        QCOMPARE(auditlog::entries(db).size(), entriesBefore + 3);
    }

    // Tester's report 13e, items 1 to 3 and 5: one rule in the model for a
    // value's length, a date's range and the dates of what has happened, an
    // assessment note's year, a review moved on or decided only with the
    // methodology's values; the forms, the table cells and the session ask
    // it, and a value outside the lists is marked wherever it is shown.
    void recordChecksInTheModel()
    {
        const QDate today(2026, 11, 24);
        const QString tooLong(kMaxFreeTextLength + 1, QLatin1Char('x'));
        QVERIFY2(valueProblem(QStringLiteral("description"), tooLong, today).contains(QStringLiteral("at most 20000")),
                 qPrintable(valueProblem(QStringLiteral("description"), tooLong, today)));
        QCOMPARE(valueProblem(QStringLiteral("description"), QString(kMaxFreeTextLength, QLatin1Char('x')), today), QString());
        const QString far = valueProblem(QStringLiteral("due_date"), QStringLiteral("9999-12-31"), today);
        QCOMPARE(far, QStringLiteral("The due date 31/12/9999 is more than 10 years from today: a date from 24/11/2016 "
                                     "to 24/11/2036 is expected."));
        QCOMPARE(valueProblem(QStringLiteral("due_date"), QStringLiteral("2026-12-31"), today), QString());
        const QString later = valueProblem(QStringLiteral("decision_date"), QStringLiteral("2026-12-31"), today);
        QVERIFY2(later.contains(QStringLiteral("is after today (24/11/2026)")), qPrintable(later));
        for (const char *column : {"evidence_date", "review_date", "exit_date", "done_date", "assessed_on"})
            QVERIFY2(!valueProblem(QLatin1String(column), QStringLiteral("2026-11-25"), today).isEmpty(), column);
        QCOMPARE(valueProblem(QStringLiteral("decision_date"), QStringLiteral("2026-11-24"), today), QString());
        // An assessment note for 2026/27: from 01/04/2025 to 31/03/2027, and not after today.
        const Methodology &methodology = Methodology::builtIn();
        const QVariantMap note{{QStringLiteral("year"), QStringLiteral("2026/27")}};
        const QString old = fieldValueProblem(statutoryAssessmentTable(), QStringLiteral("assessed_on"),
                                              QStringLiteral("2020-01-15"), note, methodology, today);
        QCOMPARE(old, QStringLiteral("The assessment date 15/01/2020 is not in 2026/27: a note for 2026/27 is dated from "
                                     "01/04/2025 (a year before it starts) to 31/03/2027, and not after today."));
        QCOMPARE(fieldValueProblem(statutoryAssessmentTable(), QStringLiteral("assessed_on"), QStringLiteral("2025-04-01"),
                                   note, methodology, today),
                 QString());

        const auto sessionOwner = m_case.session();
        CaseSession &session = *sessionOwner;
        // The session refuses what the forms refuse, nothing stored.
        const QString refused = session.addRecord(milestoneTable(),
                                                  {{QStringLiteral("description"), tooLong},
                                                   {QStringLiteral("due_date"), QStringLiteral("2027-03-31")},
                                                   {QStringLiteral("status"), QStringLiteral("open")}},
                                                  QStringLiteral("add"));
        QVERIFY2(refused.contains(QStringLiteral("at most 20000")), qPrintable(refused));
        const QString farDue = session.addRecord(milestoneTable(),
                                                 {{QStringLiteral("description"), QStringLiteral("m")},
                                                  {QStringLiteral("due_date"), QStringLiteral("9999-12-31")},
                                                  {QStringLiteral("status"), QStringLiteral("open")}},
                                                 QStringLiteral("add"));
        QVERIFY2(farDue.contains(QStringLiteral("more than 10 years from today")), qPrintable(farDue));
        QVERIFY(session.casework().records(milestoneTable()).isEmpty());
        QCOMPARE(session.undoStack()->count(), 0);

        // A review holding values an earlier version stored freely moves on,
        // or is decided, only once they are chosen from the lists.
        const CaseworkChoices &sets = methodology.casework();
        qint64 review = 0;
        QCOMPARE(session.addRecord(reviewTable(),
                                   {{QStringLiteral("opened_quarter"), QStringLiteral("2025/26 Q1")},
                                    {QStringLiteral("status"), sets.reviewStages.firstId()}},
                                   QStringLiteral("open"), &review),
                 QString());
        session.caseFile().database().exec(
            QStringLiteral("UPDATE diagnostic_review SET capability_conclusion = 'meh', recommendation = 'very bad'"));
        const QString moved = session.setRecordField(reviewTable(), review, QStringLiteral("status"),
                                                     sets.reviewStages.items.at(1).id);
        QVERIFY2(moved.contains(QStringLiteral("The capability conclusion \"meh\" is not in the methodology's list")),
                 qPrintable(moved));
        const QString decided = session.setRecordField(reviewTable(), review, QStringLiteral("status"), sets.reviewStages.finalId);
        QVERIFY2(decided.contains(QStringLiteral("not in the methodology's list")), qPrintable(decided));
        QCOMPARE(session.casework().field(reviewTable(), review, QStringLiteral("status")), sets.reviewStages.firstId());
        const auto problems = reviewListProblems(session.casework().record(reviewTable(), review), methodology);
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems.at(1).first, QStringLiteral("recommendation"));
        // The reports mark them as the screen does.
        const QStringList outcome = reviewOutcome(session.casework().record(reviewTable(), review), methodology);
        QVERIFY2(outcome.join(QLatin1Char(' ')).contains(QStringLiteral("Capability conclusion: meh (not in the methodology's list).")),
                 qPrintable(outcome.join(QLatin1Char(' '))));
        QVERIFY2(outcome.join(QLatin1Char(' ')).contains(QStringLiteral("very bad (not in the methodology's list)")),
                 qPrintable(outcome.join(QLatin1Char(' '))));
        QCOMPARE(metricName(methodology, QStringLiteral("OF9999")), QStringLiteral("OF9999 (not in the methodology's list)"));
        QCOMPARE(domainName(methodology, QStringLiteral("nowhere")), QStringLiteral("nowhere (not in the methodology's list)"));
        QCOMPARE(domainName(methodology, methodology.domains().first().id), methodology.domains().first().name);
    }

    // A planned value typed into the trajectory table's cell went straight
    // to the file ("abc", -500 for a percentage): the session refuses what
    // the form refuses, whatever view asks, and owb check names a value an
    // earlier version stored (the independent tester's find).
    void plannedValueRefusedWhateverTheView()
    {
        const Methodology &methodology = Methodology::builtIn();
        const QVariantMap point{{QStringLiteral("metric_id"), QStringLiteral("OF0023")},
                                {QStringLiteral("quarter"), QStringLiteral("2026/27 Q1")}};
        QCOMPARE(fieldValueProblem(trajectoryTable(), QStringLiteral("planned"), QStringLiteral("abc"), point, methodology),
                 QStringLiteral("\"abc\" is not a number: type the planned value as a number, such as 62.5."));
        const QString negative
            = fieldValueProblem(trajectoryTable(), QStringLiteral("planned"), QStringLiteral("-500"), point, methodology);
        QVERIFY2(negative.contains(QStringLiteral("is from 0 to 100")) && negative.contains(QStringLiteral("-500 is outside")),
                 qPrintable(negative));
        QCOMPARE(fieldValueProblem(trajectoryTable(), QStringLiteral("planned"), QStringLiteral("62.5%"), point, methodology),
                 QString());
        QVERIFY(!fieldValueProblem(trajectoryTable(), QStringLiteral("metric_id"), QStringLiteral("OF9999"), point, methodology)
                     .isEmpty());
        // The closed sets a table's cell edits: a value outside them refused too.
        QVERIFY(!fieldValueProblem(findingTable(), QStringLiteral("severity"), QStringLiteral("very bad"), {}, methodology)
                     .isEmpty());
        QVERIFY(!fieldValueProblem(findingTable(), QStringLiteral("category"), QStringLiteral("kinda"), {}, methodology)
                     .isEmpty());
        QCOMPARE(fieldValueProblem(findingTable(), QStringLiteral("category"),
                                   methodology.rootCauseCategories().first().name, {}, methodology),
                 QString());
        QVERIFY(!fieldValueProblem(milestoneTable(), QStringLiteral("status"), QStringLiteral("kinda done"), {}, methodology)
                     .isEmpty());
        QCOMPARE(fieldValueProblem(milestoneTable(), QStringLiteral("status"),
                                   methodology.casework().milestoneStatuses.firstId(), {}, methodology),
                 QString());
        QVERIFY(!fieldValueProblem(criterionTable(), QStringLiteral("status"), QStringLiteral("sort of"), {}, methodology)
                     .isEmpty());

        const auto sessionOwner = m_case.session();
        CaseSession &session = *sessionOwner;
        QVariantMap good = point;
        good.insert(QStringLiteral("planned"), QStringLiteral("62"));
        qint64 id = 0;
        QCOMPARE(session.addRecord(trajectoryTable(), good, QStringLiteral("add"), &id), QString());
        QVariantMap bad = point;
        bad.insert(QStringLiteral("quarter"), QStringLiteral("2026/27 Q2"));
        bad.insert(QStringLiteral("planned"), QStringLiteral("abc"));
        QVERIFY2(session.addRecord(trajectoryTable(), bad, QStringLiteral("add")).contains(QStringLiteral("is not a number")),
                 "added");
        for (const char *typed : {"abc", "-500"}) {
            const QString refused = session.setRecordField(trajectoryTable(), id, QStringLiteral("planned"), QLatin1String(typed));
            QVERIFY2(refused.contains(QStringLiteral("Nothing was changed")), qPrintable(refused));
            QCOMPARE(session.casework().field(trajectoryTable(), id, QStringLiteral("planned")), QStringLiteral("62"));
        }
        QCOMPARE(session.casework().records(trajectoryTable()).size(), 1);
        QCOMPARE(session.undoStack()->count(), 1);
        QCOMPARE(session.setRecordField(trajectoryTable(), id, QStringLiteral("planned"), QStringLiteral("64.5")), QString());

        // A value an earlier version stored: owb check names the case and the point.
        session.caseFile().database().exec(QStringLiteral("UPDATE trajectory_point SET planned = 'abc'"));
        CaseworkStore store(session.caseFile().scope());
        const QStringList found = storedPlannedProblems(store);
        QCOMPARE(found.size(), 1);
        QVERIFY2(found.first().startsWith(QStringLiteral("trajectory point %1 (OF0023, 2026/27 Q1): the planned value \"abc\" "
                                                         "is not a number")
                                              .arg(id)),
                 qPrintable(found.first()));
        // A number outside the metric's range: named with the range, under the
        // quarter's methodology; not checked without one.
        session.caseFile().database().exec(QStringLiteral("UPDATE trajectory_point SET planned = '-500'"));
        QVERIFY(storedPlannedProblems(store).isEmpty());
        const MetricDefinition *metric = Methodology::builtIn().metric(QStringLiteral("OF0023"));
        QVERIFY(metric && !metric->rangeText().isEmpty());
        const QStringList outside = storedPlannedProblems(store, [](const QString &) { return &Methodology::builtIn(); });
        QCOMPARE(outside.size(), 1);
        QVERIFY2(outside.first().startsWith(QStringLiteral("trajectory point %1 (OF0023, 2026/27 Q1): the planned value -500 is "
                                                           "outside the range of %2, %3")
                                                .arg(id)
                                                .arg(metric->name, metric->rangeText())),
                 qPrintable(outside.first()));
        QVERIFY2(outside.first().contains(QStringLiteral("in the methodology applied to 2026/27 (%1)").arg(Methodology::builtIn().id())),
                 qPrintable(outside.first()));
    }

private:
    owbtest::VersionOneCase m_case;
    QTemporaryDir &m_dir = m_case.dir;
    const QString &m_path = m_case.path;
};

QTEST_GUILESS_MAIN(TestCasework)
#include "tst_casework.moc"
