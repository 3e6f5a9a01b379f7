// What contradicts the record is refused by the model, in words, with
// nothing stored: one decision per organisation and quarter, a programme
// entry and exit only where they apply, dates and trajectory points in
// order, the programme deciding its quarters, a decided review left as
// decided. Split from tst_casework; on either back end (casefixture.h).

#include "casework/casesession.h"
#include "casework/casework.h"
#include "casework/needsaction.h"
#include "casework/trajectory.h"
#include "casework/datetext.h"
#include "store/casefile.h"
#include "framework/methodology.h"

#include <QDate>
#include <QSignalSpy>
#include <QTest>

#include "casefixture.h"

using namespace owb;

class TestCaseRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { OWB_BACKEND_READY(); }
    void cleanupTestCase() { owbtest::dropCaseTemplate(); }
    void init() { m_case.reset(); }

    // One decision per organisation and quarter (issue 11): the same decision
    // twice is refused, another replaces it as one undo step, and a
    // "correction" to the computed segment is refused as a confirmation.
    void oneDecisionPerQuarter()
    {
        const auto sessionOwner = m_case.session();
        CaseSession &session = *sessionOwner;
        const QString quarter = QStringLiteral("2025/26 Q1");
        const int computed = session.caseFile().assessment(quarter)->result.segment;
        QVERIFY(computed > 0);
        const int other = computed == 3 ? 2 : 3;
        auto decisions = [&] { return session.casework().records(decisionTable(), QStringLiteral("quarter"), quarter); };
        bool replaced = true;
        QCOMPARE(session.recordDecision(quarter, false, 0, QString(), &replaced), QString());
        QVERIFY(!replaced);
        const int steps = session.undoStack()->count();
        const QString twice = session.recordDecision(quarter, false, 0, QString(), &replaced);
        QVERIFY2(twice.contains(QStringLiteral("already confirmed")), qPrintable(twice));
        QCOMPARE(decisions().size(), 1);
        QCOMPARE(session.undoStack()->count(), steps);
        const QString same = session.recordDecision(quarter, true, computed, QStringLiteral("why"), &replaced);
        QVERIFY2(same.contains(QStringLiteral("that is a confirmation, not a correction")), qPrintable(same));
        QCOMPARE(decisions().size(), 1);
        // Adding a second decision row directly is refused in the model too.
        const QString direct = session.addRecord(decisionTable(),
            { { QStringLiteral("quarter"), quarter }, { QStringLiteral("kind"), QStringLiteral("confirm") },
                { QStringLiteral("decided_segment"), computed } },
            QStringLiteral("confirm"));
        QVERIFY2(direct.contains(QStringLiteral("one decision per quarter")), qPrintable(direct));
        QCOMPARE(session.recordDecision(quarter, true, other, QStringLiteral("Late data from the trust"), &replaced),
            QString());
        QVERIFY(replaced);
        QCOMPARE(decisions().size(), 1);
        QCOMPARE(decisions().first().value(QStringLiteral("kind")).toString(), QStringLiteral("correction"));
        QCOMPARE(session.casework().finalSegment(quarter, computed), other);
        session.undoStack()->undo(); // one step: the confirmation is back
        QCOMPARE(decisions().size(), 1);
        QCOMPARE(decisions().first().value(QStringLiteral("kind")).toString(), QStringLiteral("confirm"));
        QCOMPARE(session.casework().finalSegment(quarter, computed), computed);
    }

    // Issue 13/14: a quarterly decision no workbench could record (a
    // segment 7, a kind of its own, a "confirmation" of another segment),
    // written outside the workbench, is not counted: the computed segment
    // stands, the portfolio's needs action names it. A team workspace's
    // server refuses it outright; one stored before it did is treated so.
    void anImpossibleDecisionIsNotCounted()
    {
        const auto file = m_case.open();
        const QString quarter = QStringLiteral("2025/26 Q1");
        const int computed = file->assessment(quarter)->result.segment;
        QVERIFY(computed > 0 && computed < 4);
        const auto insert = [&](int id, const QString &kind, int decided) {
            file->database().exec(QStringLiteral("INSERT INTO decision (org_code, id, quarter, kind, computed_segment,"
                                                 " decided_segment, decided_by, decided_on, rationale)"
                                                 " VALUES ('RA1', ?, ?, ?, ?, ?, 'by hand', '2026-01-12', 'a reason')"),
                { id, quarter, kind, computed, decided });
        };
        if (m_case.isOnServer()) {
            QString refused;
            try {
                insert(90, QStringLiteral("correction"), 7);
            } catch (const StoreError &error) {
                refused = error.message();
            }
            QVERIFY2(refused.contains(QLatin1String("the server refuses a decision record whose decided segment is "
                                                    "not a segment a decision can set")),
                qPrintable(refused));
            // As a workspace upgraded over such rows holds them.
            for (const char *rule : { "decision_decided_segment_is_1_to_4", "decision_kind_is_a_kind",
                     "decision_computed_segment_kept_by_a_confirmation" })
                file->database().exec(QStringLiteral("ALTER TABLE decision DROP CONSTRAINT %1").arg(QLatin1String(rule)));
        }
        CaseworkStore casework(file->scope());
        const auto check = [&](int id) {
            const FinalSegment final = casework.finalSegmentOf(quarter, computed);
            QCOMPARE(final.segment, computed);
            QCOMPARE(final.source, FinalSegment::Source::Computed);
            QCOMPARE(final.impossibleDecision, qint64(id));
            const NeedsAction needs = needsAction(casework, quarter, final.segment, {}, 0, computed);
            QVERIFY2(needs.words().contains(QStringLiteral("Decision %1 is none a workbench could record and does not "
                                                           "count: owb check says why")
                                                .arg(id)),
                qPrintable(needs.words()));
        };
        insert(90, QStringLiteral("correction"), 7);
        check(90);
        file->database().exec(QStringLiteral("DELETE FROM decision WHERE id = 90"));
        insert(91, QStringLiteral("overrule"), 1);
        check(91);
        file->database().exec(QStringLiteral("DELETE FROM decision WHERE id = 91"));
        insert(92, QStringLiteral("confirm"), computed == 1 ? 2 : 1);
        check(92);
        // A correction a workbench records still counts.
        file->database().exec(QStringLiteral("DELETE FROM decision WHERE id = 92"));
        insert(93, QStringLiteral("correction"), 4);
        QCOMPARE(casework.finalSegmentOf(quarter, computed).segment, 4);
        QCOMPARE(casework.finalSegmentOf(quarter, computed).impossibleDecision, qint64(0));
    }

    // Tester (issue 14): decisions written by hand that no workbench
    // records: two for one quarter, a confirmation naming a computed segment
    // the quarter's assessment does not have, no computed segment, a
    // correction without its reason, a quarter not written as one. owb check
    // names each, the final segment counts none, the needs say so; a team
    // workspace's server refuses each as it is written.
    void handWrittenDecisionsAreNamedAndNotCounted()
    {
        const auto file = m_case.open();
        const QString quarter = QStringLiteral("2025/26 Q1");
        const int computed = file->assessment(quarter)->result.segment;
        QVERIFY(computed > 0 && computed < 4);
        const int other = computed == 1 ? 2 : 1;
        // The fixture's other assessed quarter.
        const QString second = file->database()
                                   .scalar(QStringLiteral("SELECT quarter FROM assessment WHERE org_code = 'RA1' AND "
                                                          "quarter <> ?"),
                                           {quarter})
                                   .toString();
        QVERIFY(file->assessment(second));
        const int third = file->assessment(second)->result.segment;
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        // After the assessment's day: a decision of the same day may follow a
        // re-assessment made that day, which a date cannot tell.
        const QString tomorrow = QDate::currentDate().addDays(1).toString(Qt::ISODate);
        Database &db = file->database();
        // Inserted, or on a server the refusal's words (empty when stored).
        const auto insert = [&](int id, const QString &q, const QString &kind, const QVariant &on, int decided,
                                const QString &day, const QString &why) -> QString {
            try {
                db.exec(QStringLiteral("INSERT INTO decision (org_code, id, quarter, kind, computed_segment,"
                                       " decided_segment, decided_by, decided_on, rationale)"
                                       " VALUES ('RA1', ?, ?, ?, ?, ?, 'by hand', ?, ?)"),
                        {id, q, kind, on, decided, day, why});
            } catch (const StoreError &error) {
                return error.message();
            }
            return {};
        };
        const auto named = [&](const QString &words) {
            CaseworkStore casework(file->scope());
            const Methodology &builtIn = Methodology::builtIn();
            const QStringList problems
                = storedListProblems(casework, [&](const QString &) { return &builtIn; }, true, quarter);
            return problems.filter(words).size();
        };
        const auto asOldRows = [&] { // as a workspace upgraded over such rows holds them
            db.exec(QStringLiteral("ALTER TABLE decision DISABLE TRIGGER decision_as_recorded"));
            for (const char *rule : {"decision_computed_segment_is_recorded", "decision_rationale_given_by_a_correction",
                                     "decision_quarter_is_a_quarter"})
                db.exec(QStringLiteral("ALTER TABLE decision DROP CONSTRAINT %1").arg(QLatin1String(rule)));
        };
        const auto refused = [&](const QString &said, const char *words) {
            if (m_case.isOnServer())
                QVERIFY2(said.contains(QLatin1String(words)), qPrintable(said));
            else
                QCOMPARE(said, QString());
        };
        // A confirmation forged on another computed segment, dated after the
        // assessment: not the segment the workbench records.
        refused(insert(80, quarter, QStringLiteral("confirm"), other, other, tomorrow, QString()),
                "computed segment is not the segment of its quarter's assessment");
        // Two decisions for one quarter.
        QCOMPARE(insert(81, quarter, QStringLiteral("correction"), computed, 4, today, QStringLiteral("first")), QString());
        refused(insert(82, quarter, QStringLiteral("correction"), computed, other, today, QStringLiteral("second")),
                "there is one decision per quarter");
        // No computed segment, no reason, a quarter no workbench writes.
        refused(insert(83, QStringLiteral("2026/27 Q1"), QStringLiteral("confirm"), QVariant(QMetaType(QMetaType::Int)),
                       computed, today, QString()),
                "computed segment is not recorded");
        refused(insert(84, second, QStringLiteral("correction"), third, other, today,
                       QStringLiteral("  ")),
                "rationale is not given");
        refused(insert(85, QStringLiteral("2031/32 Q9"), QStringLiteral("confirm"), 2, 2, today, QString()),
                "quarter is not a quarter");
        refused(insert(86, QStringLiteral("2031/33 Q1"), QStringLiteral("confirm"), 2, 2, today, QString()),
                "quarter is not a quarter");
        if (m_case.isOnServer()) {
            asOldRows();
            QCOMPARE(insert(80, quarter, QStringLiteral("confirm"), other, other, tomorrow, QString()), QString());
            QCOMPARE(insert(82, quarter, QStringLiteral("correction"), computed, other, today, QStringLiteral("second")),
                     QString());
            QCOMPARE(insert(83, QStringLiteral("2026/27 Q1"), QStringLiteral("confirm"),
                            QVariant(QMetaType(QMetaType::Int)), computed, today, QString()),
                     QString());
            QCOMPARE(insert(84, second, QStringLiteral("correction"), third, other, today,
                            QStringLiteral("  ")),
                     QString());
            QCOMPARE(insert(85, QStringLiteral("2031/32 Q9"), QStringLiteral("confirm"), 2, 2, today, QString()), QString());
        }
        // (On a server decided_by is the session user's.)
        QCOMPARE(named(QStringLiteral("(table decision, quarter): 3 decisions for 2025/26 Q1")), 1);
        QCOMPARE(named(QStringLiteral("decisions 80 (confirm by ")), 1);
        QCOMPARE(named(QStringLiteral("decision 80 (table decision, computed_segment): its computed segment %1 is not "
                                      "the segment %2 of 2025/26 Q1's assessment")
                           .arg(other)
                           .arg(computed)),
                 1);
        QCOMPARE(named(QStringLiteral("decision 83 (table decision, computed_segment): no computed segment is recorded")), 1);
        QCOMPARE(named(QStringLiteral("decision 84 (table decision, rationale): a correction gives its reason")), 1);
        QCOMPARE(named(QStringLiteral("decision 85 (table decision, quarter): \"2031/32 Q9\" is not a quarter")), 1);
        CaseworkStore casework(file->scope());
        FinalSegment final = casework.finalSegmentOf(quarter, computed);
        QCOMPARE(final.segment, computed);  // neither correction counts
        QCOMPARE(final.source, FinalSegment::Source::Computed);
        QCOMPARE(final.decisions, 3);
        QVERIFY2(needsAction(casework, quarter, final.segment, {}, 0, computed)
                     .words()
                     .contains(QStringLiteral("3 decisions recorded where there is one, none counting")),
                 qPrintable(needsAction(casework, quarter, final.segment, {}, 0, computed).words()));
        // The forged confirmation alone does not count either; one made
        // before a re-assessment stands, to review.
        db.exec(QStringLiteral("DELETE FROM decision WHERE id IN (81, 82)"));
        final = casework.finalSegmentOf(quarter, computed);
        QCOMPARE(final.decisions, 0);
        QCOMPARE(final.impossibleDecision, qint64(80));
        if (m_case.isOnServer())
            db.exec(QStringLiteral("ALTER TABLE decision ENABLE TRIGGER decision_as_recorded"));
        db.exec(QStringLiteral("UPDATE decision SET decided_on = '2020-01-06' WHERE id = 80"));
        final = casework.finalSegmentOf(quarter, computed);
        QCOMPARE(final.impossibleDecision, qint64(0));
        QCOMPARE(final.decidedOn, other);
        QCOMPARE(named(QStringLiteral("decision 80 (table decision")), 0);
        // The correction and its reason, the second quarter's computed segment.
        QCOMPARE(casework.finalSegmentOf(second, third).segment, third);
        QCOMPARE(casework.finalSegmentOf(second, third).impossibleDecision, qint64(84));
    }

    // Tester (issue 14, D2): two people deciding one quarter, each screen
    // still showing what it read. The write checks, under the case's lock,
    // that the quarter's decision is still the one its user saw: the second
    // is refused in words naming the stored decision, nothing of it is
    // written, and one decision stands (a stale Confirm never overrides a
    // colleague's correction). A redo after someone else decided likewise.
    void twoPeopleDecideOneQuarter()
    {
        const auto aOwner = m_case.session();
        const auto bOwner = m_case.session();
        CaseSession &a = *aOwner;
        CaseSession &b = *bOwner;
        const QString quarter = QStringLiteral("2025/26 Q1");
        const int computed = a.caseFile().assessment(quarter)->result.segment;
        const int other = computed == 3 ? 2 : 3;
        const auto stored = [&] {
            const auto file = m_case.open(Database::Mode::ReadOnly);
            return CaseworkStore(file->scope()).records(decisionTable(), QStringLiteral("quarter"), quarter);
        };
        // Both screens: no decision yet.
        QVERIFY(a.casework().decision(quarter).isEmpty());
        QVERIFY(b.casework().decision(quarter).isEmpty());
        QSignalSpy refreshed(&b, &CaseSession::caseworkChanged);
        QCOMPARE(a.recordDecision(quarter, false, 0, QString()), QString());
        a.casework().decision(quarter);  // a's screen, read again after its edit
        const int steps = b.undoStack()->count();
        const QString second = b.recordDecision(quarter, false, 0, QString());
        QVERIFY2(second.contains(QStringLiteral("confirmed the computed segment %1 for %2 meanwhile").arg(computed).arg(quarter))
                     && second.contains(QStringLiteral("yours was not saved")),
                 qPrintable(second));
        QCOMPARE(stored().size(), 1);
        QCOMPARE(b.undoStack()->count(), steps);
        QVERIFY(refreshed.size() >= 1);  // the screen shows the quarter as stored
        QCOMPARE(b.casework().decision(quarter).value(QStringLiteral("kind")).toString(), QStringLiteral("confirm"));

        // b (now seeing a's confirmation) corrects it; a, whose screen still
        // shows its confirmation, replaces it: refused, b's correction stands.
        QCOMPARE(b.recordDecision(quarter, true, other, QStringLiteral("'; DROP TABLE decision; -- \"x\"")), QString());
        const QString stale = a.recordDecision(quarter, true, computed == 1 ? 2 : 1, QStringLiteral("a's reason"));
        QVERIFY2(stale.contains(QStringLiteral("corrected %1 to segment %2 meanwhile").arg(quarter).arg(other)), qPrintable(stale));
        QVERIFY2(stale.contains(QStringLiteral("DROP TABLE decision")), qPrintable(stale));
        QCOMPARE(stored().size(), 1);
        QCOMPARE(stored().first().value(QStringLiteral("kind")).toString(), QStringLiteral("correction"));
        QCOMPARE(a.casework().finalSegment(quarter, computed), other);

        // A redo after someone else decided: a confirms the next quarter and
        // undoes it, b confirms it, and a's redo is refused and dropped (not
        // kept to be tried again, as after a lost connection).
        const QString next = QStringLiteral("2025/26 Q2");
        QVERIFY(a.caseFile().assessment(next) && a.caseFile().assessment(next)->result.segment > 0);
        QCOMPARE(a.recordDecision(next, false, 0, QString()), QString());
        QCOMPARE(a.undo(), QString());
        b.readAgain();
        QCOMPARE(b.recordDecision(next, false, 0, QString()), QString());
        QVERIFY(a.undoStack()->canRedo());
        const QString redone = a.redo();
        QVERIFY2(redone.contains(QStringLiteral("meanwhile")), qPrintable(redone));
        QVERIFY(!a.undoStack()->canRedo());
        const auto file = m_case.open(Database::Mode::ReadOnly);
        QCOMPARE(CaseworkStore(file->scope()).records(decisionTable(), QStringLiteral("quarter"), next).size(), 1);
        // The decision b saw taken back (b's Edit > Undo): a's correction of
        // it, asked over what a's screen showed, is refused, and none stored.
        a.readAgain();
        QCOMPARE(a.casework().decision(next).value(QStringLiteral("kind")).toString(), QStringLiteral("confirm"));
        QCOMPARE(b.undo(), QString());
        const QString gone = a.recordDecision(next, true, other == 3 ? 2 : 3, QStringLiteral("why"));
        QVERIFY2(gone.contains(QStringLiteral("taken back meanwhile")), qPrintable(gone));
        QCOMPARE(CaseworkStore(file->scope()).records(decisionTable(), QStringLiteral("quarter"), next).size(), 0);
        const auto after = m_case.open(Database::Mode::ReadOnly);
        QCOMPARE(after->consistencyProblems(), QStringList());
    }

    // Tester (issue 14): ids were reused (the highest plus one), so a
    // decision replaced by a colleague came back with the same id at
    // version 1, and this user's undo of their own decision deleted the
    // colleague's without a word. A record's id is never given twice in a
    // case: the undo meets a removed record, a conflict, and theirs stands.
    void undoNeverTakesAColleaguesDecision()
    {
        const auto aOwner = m_case.session();
        const auto bOwner = m_case.session();
        CaseSession &a = *aOwner;
        CaseSession &b = *bOwner;
        const QString quarter = QStringLiteral("2025/26 Q1");
        const int computed = a.caseFile().assessment(quarter)->result.segment;
        const int mine = computed == 3 ? 2 : 3;
        const int theirs = computed == 1 ? 4 : 1;
        QCOMPARE(a.recordDecision(quarter, true, mine, QStringLiteral("a's reason")), QString());
        const qint64 aId = a.casework().decision(quarter).value(QStringLiteral("id")).toLongLong();
        b.readAgain();
        QCOMPARE(b.casework().decision(quarter).value(QStringLiteral("decided_segment")).toInt(), mine);
        QCOMPARE(b.recordDecision(quarter, true, theirs, QStringLiteral("b's reason")), QString());
        const auto stored = [&] {
            const auto file = m_case.open(Database::Mode::ReadOnly);
            return CaseworkStore(file->scope()).records(decisionTable(), QStringLiteral("quarter"), quarter);
        };
        QCOMPARE(stored().size(), 1);
        QVERIFY2(stored().first().value(QStringLiteral("id")).toLongLong() != aId, "the replaced decision's id was given again");
        const QString undone = a.undo();
        QVERIFY2(!undone.isEmpty(), "a's undo went through over b's decision");
        // Said in words naming b's decision (by whom, the segment, when, why)
        // and that a's undo was not applied; no field rows for an empty table.
        const QVariantMap bs = stored().first();
        QVERIFY2(undone.contains(QStringLiteral("The decision for %1 that you saw was replaced: %2 corrected %1 to segment %3 meanwhile (on %4): \"b's reason\".")
                                     .arg(quarter, bs.value(QStringLiteral("decided_by")).toString())
                                     .arg(theirs)
                                     .arg(showDate(bs.value(QStringLiteral("decided_on")).toString()))),
                 qPrintable(undone));
        QVERIFY2(undone.contains(QStringLiteral("is now theirs, and it stands. Your undo was not applied")), qPrintable(undone));
        QVERIFY(a.lastConflict());
        QCOMPARE(a.conflictFields().size(), 0);
        QVERIFY(!a.canKeepMine());
        QCOMPARE(stored().size(), 1);
        QCOMPARE(stored().first().value(QStringLiteral("decided_segment")).toInt(), theirs);
        QCOMPARE(stored().first().value(QStringLiteral("rationale")).toString(), QStringLiteral("b's reason"));

        // Any record: one added after another was removed gets a new id.
        const QVariantMap milestone{{QStringLiteral("description"), QStringLiteral("First")},
                                    {QStringLiteral("due_date"), QStringLiteral("2026-03-31")},
                                    {QStringLiteral("status"), QStringLiteral("open")}};
        QCOMPARE(a.addRecord(milestoneTable(), milestone, QStringLiteral("Add milestone")), QString());
        const auto ids = [&] {
            QList<qint64> out;
            for (const QVariantMap &record : a.casework().records(milestoneTable()))
                out.append(record.value(QStringLiteral("id")).toLongLong());
            return out;
        };
        const qint64 first = ids().last();
        QCOMPARE(a.removeRecord(milestoneTable(), first, QStringLiteral("Remove milestone")), QString());
        QCOMPARE(a.addRecord(milestoneTable(), milestone, QStringLiteral("Add milestone")), QString());
        QVERIFY(!ids().contains(first));
        const auto after = m_case.open(Database::Mode::ReadOnly);
        QCOMPARE(after->consistencyProblems(), QStringList());
    }

    // Entering the programme while in it, and an exit while not in it, are
    // refused with plain words; nothing is stored (issue 11).
    void programmeEntryAndExitOnlyWhereTheyApply()
    {
        const auto sessionOwner = m_case.session();
        CaseSession &session = *sessionOwner;
        const QString q1 = QStringLiteral("2025/26 Q1");
        const QString q2 = QStringLiteral("2025/26 Q2");
        const QString notIn = session.recordExit(q1, QStringLiteral("plan"));
        QVERIFY2(notIn.contains(QStringLiteral("not in the programme in 2025/26 Q1")), qPrintable(notIn));
        QCOMPARE(session.enterProgramme(q2, QStringLiteral("regional decision"), QStringLiteral("A. Director")), QString());
        const QString again = session.enterProgramme(q2, QStringLiteral("again"), QString());
        QVERIFY2(again.contains(QStringLiteral("already in the programme in 2025/26 Q2")), qPrintable(again));
        const QString earlier = session.enterProgramme(q1, QStringLiteral("earlier"), QString());
        QVERIFY2(earlier.contains(QStringLiteral("would overlap")), qPrintable(earlier));
        QCOMPARE(session.casework().records(programmeTable()).size(), 1);
        QCOMPARE(session.recordExit(QStringLiteral("2025/26 Q3"), QStringLiteral("step down")), QString());
        const QString twice = session.recordExit(QStringLiteral("2025/26 Q3"), QStringLiteral("step down"));
        QVERIFY2(twice.contains(QStringLiteral("not in the programme")), qPrintable(twice));
        const QString inside = session.recordExit(q2, QStringLiteral("step down"));
        QVERIFY2(inside.contains(QStringLiteral("already recorded for 2025/26 Q3")), qPrintable(inside));
    }

    // A due date before the start date, an exit before the entry: refused
    // in words, nothing stored (issue 11 retest, item 7).
    void datePairsInOrder()
    {
        const auto sessionOwner = m_case.session();
        CaseSession &session = *sessionOwner;
        const QString q1 = QStringLiteral("2025/26 Q1");
        const QString refused = session.addRecord(reviewTable(),
            { { QStringLiteral("opened_quarter"), q1 }, { QStringLiteral("opened_reason"), QStringLiteral("r") },
                { QStringLiteral("start_date"), QStringLiteral("2026-03-01") }, { QStringLiteral("due_date"), QStringLiteral("2026-02-01") } },
            QStringLiteral("add"));
        QVERIFY2(refused.contains(QStringLiteral("before the start date")), qPrintable(refused));
        QCOMPARE(session.casework().records(reviewTable()).size(), 0);
        qint64 review = 0;
        QCOMPARE(session.addRecord(reviewTable(),
                     { { QStringLiteral("opened_quarter"), q1 }, { QStringLiteral("opened_reason"), QStringLiteral("r") },
                         { QStringLiteral("start_date"), QStringLiteral("2026-03-01") } },
                     QStringLiteral("add"), &review),
            QString());
        const QString early = session.setRecordField(reviewTable(), review, QStringLiteral("due_date"), QStringLiteral("2026-02-01"));
        QVERIFY2(early.contains(QStringLiteral("before the start date")), qPrintable(early));
        QCOMPARE(session.casework().field(reviewTable(), review, QStringLiteral("due_date")), QString());
        QCOMPARE(session.setRecordField(reviewTable(), review, QStringLiteral("due_date"), QStringLiteral("2026-03-01")), QString());
        QCOMPARE(session.enterProgramme(q1, QStringLiteral("r"), QString()), QString());
        const qint64 programme = session.casework().programmeIn(q1);
        const QDate entry = QDate::fromString(session.casework().field(programmeTable(), programme, QStringLiteral("entry_date")), Qt::ISODate);
        const QString exit = session.recordExit(QStringLiteral("2025/26 Q2"), QStringLiteral("plan"), entry.addDays(-1));
        QVERIFY2(exit.contains(QStringLiteral("before the entry date")), qPrintable(exit));
        QCOMPARE(session.casework().field(programmeTable(), programme, QStringLiteral("exit_quarter")), QString());
        QCOMPARE(dateOrderProblem({ { QStringLiteral("entry_date"), QStringLiteral("2026-01-02") },
                                      { QStringLiteral("exit_date"), QStringLiteral("2026-01-01") } })
                     .first,
            QStringLiteral("exit_date"));
    }

    // Tester's report 13, items 6, 9, 11: dates in order, one trajectory point
    // per metric and quarter, an exit in a later quarter than the entry;
    // refused in words, nothing stored.
    void programmeDatesAndPointsInOrder()
    {
        const auto sessionOwner = m_case.session();
        CaseSession &session = *sessionOwner;
        const QString q4 = QStringLiteral("2025/26 Q4");
        // The default entry date falls in the entry quarter; a typed one outside it is refused.
        const QString outside = session.addRecord(programmeTable(),
            { { QStringLiteral("entry_quarter"), q4 }, { QStringLiteral("entry_date"), QStringLiteral("2030-01-01") },
                { QStringLiteral("reason"), QStringLiteral("r") } },
            QStringLiteral("add"));
        QVERIFY2(outside.contains(QStringLiteral("not in the entry quarter 2025/26 Q4")), qPrintable(outside));
        QCOMPARE(session.casework().records(programmeTable()).size(), 0);
        QCOMPARE(session.enterProgramme(q4, QStringLiteral("r"), QString()), QString());
        const qint64 programme = session.casework().programmeIn(q4);
        const QDate entry = QDate::fromString(session.casework().field(programmeTable(), programme, QStringLiteral("entry_date")), Qt::ISODate);
        QVERIFY(entry >= QDate(2026, 1, 1) && entry <= QDate(2026, 3, 31));
        QVERIFY(!session.setRecordField(programmeTable(), programme, QStringLiteral("entry_date"), QStringLiteral("2030-01-01")).isEmpty());
        QCOMPARE(session.setRecordField(programmeTable(), programme, QStringLiteral("entry_date"), QStringLiteral("2026-02-01")), QString());
        // An exit criterion due, a progress review held, before the entry: refused.
        const QString early = session.addRecord(criterionTable(),
            { { QStringLiteral("programme_id"), programme }, { QStringLiteral("description"), QStringLiteral("c") },
                { QStringLiteral("due_date"), QStringLiteral("2020-01-01") } },
            QStringLiteral("add"));
        QVERIFY2(early.contains(QStringLiteral("before the programme's entry date")), qPrintable(early));
        const QString meeting = session.addRecord(progressReviewTable(),
            { { QStringLiteral("review_date"), QStringLiteral("2020-01-01") }, { QStringLiteral("summary"), QStringLiteral("s") } },
            QStringLiteral("add"));
        QVERIFY2(meeting.contains(QStringLiteral("before the programme's entry date")), qPrintable(meeting));
        QCOMPARE(session.casework().records(criterionTable()).size(), 0);
        QCOMPARE(session.casework().records(progressReviewTable()).size(), 0);
        qint64 criterion = 0;
        QCOMPARE(session.addRecord(criterionTable(),
                     { { QStringLiteral("programme_id"), programme }, { QStringLiteral("description"), QStringLiteral("c") },
                         { QStringLiteral("due_date"), QStringLiteral("2026-06-30") } },
                     QStringLiteral("add"), &criterion),
            QString());
        QVERIFY(!session.setRecordField(criterionTable(), criterion, QStringLiteral("due_date"), QStringLiteral("2020-01-01")).isEmpty());
        // One planned value per metric and quarter.
        const QVariantMap point{ { QStringLiteral("metric_id"), QStringLiteral("OF0023") },
            { QStringLiteral("quarter"), QStringLiteral("2026/27 Q1") }, { QStringLiteral("planned"), QStringLiteral("62") } };
        QCOMPARE(session.addRecord(trajectoryTable(), point, QStringLiteral("add")), QString());
        QVariantMap again = point;
        again.insert(QStringLiteral("planned"), QStringLiteral("63"));
        const QString twice = session.addRecord(trajectoryTable(), again, QStringLiteral("add"));
        QVERIFY2(twice.contains(QStringLiteral("already has a planned value for 2026/27 Q1")), qPrintable(twice));
        QCOMPARE(session.casework().records(trajectoryTable()).size(), 1);
        // No exit in the entry quarter (it would silently undo its segment 5).
        const QString same = session.recordExit(q4, QStringLiteral("plan"));
        QVERIFY2(same.contains(QStringLiteral("after the entry quarter")), qPrintable(same));
        QCOMPARE(session.casework().field(programmeTable(), programme, QStringLiteral("exit_quarter")), QString());
        QCOMPARE(session.casework().finalSegment(q4, 4), 5);
        // A later quarter's exit, dated by default inside that quarter.
        QCOMPARE(session.recordExit(QStringLiteral("2026/27 Q1"), QStringLiteral("plan")), QString());
        const QDate exit = QDate::fromString(session.casework().field(programmeTable(), programme, QStringLiteral("exit_date")), Qt::ISODate);
        QCOMPARE(exit, dayIn(QStringLiteral("2026/27 Q1"), QDate::currentDate()));
        QVERIFY(exit >= QDate(2026, 4, 1) && exit <= QDate(2026, 6, 30));
        // A new period starts on or after the exit: one dated before it
        // would overlap the first (the independent tester's find).
        const QString overlap = session.addRecord(programmeTable(),
            { { QStringLiteral("entry_quarter"), QStringLiteral("2026/27 Q1") },
                { QStringLiteral("entry_date"), QStringLiteral("2026-04-01") }, { QStringLiteral("reason"), QStringLiteral("r") } },
            QStringLiteral("add"));
        QVERIFY(exit > QDate(2026, 4, 1));
        QVERIFY2(overlap.contains(QStringLiteral("before the exit recorded")), qPrintable(overlap));
        QCOMPARE(session.casework().records(programmeTable()).size(), 1);
        QCOMPARE(session.addRecord(programmeTable(),
                     { { QStringLiteral("entry_quarter"), QStringLiteral("2026/27 Q1") },
                         { QStringLiteral("entry_date"), exit.toString(Qt::ISODate) }, { QStringLiteral("reason"), QStringLiteral("r") } },
                     QStringLiteral("add")),
            QString());
        // A milestone recorded as done carries the day it was done.
        qint64 milestone = 0;
        QCOMPARE(session.addRecord(milestoneTable(),
                     { { QStringLiteral("description"), QStringLiteral("m") }, { QStringLiteral("due_date"), QStringLiteral("2026-06-30") },
                         { QStringLiteral("status"), session.methodology().casework().milestoneStatuses.finalId } },
                     QStringLiteral("add"), &milestone),
            QString());
        QCOMPARE(session.casework().field(milestoneTable(), milestone, QStringLiteral("done_date")), QDate::currentDate().toString(Qt::ISODate));
        // A review's decision date not before its start.
        qint64 review = 0;
        QCOMPARE(session.addRecord(reviewTable(),
                     { { QStringLiteral("opened_quarter"), q4 }, { QStringLiteral("start_date"), QStringLiteral("2026-04-13") } },
                     QStringLiteral("add"), &review),
            QString());
        const QString decided = session.setRecordField(reviewTable(), review, QStringLiteral("decision_date"), QStringLiteral("2020-01-01"));
        QVERIFY2(decided.contains(QStringLiteral("before the review's start date")), qPrintable(decided));
    }

    // Issue 13: in a quarter in the programme the programme decides the
    // segment (5 until the exit): nothing to confirm or correct; and no
    // correction decides segment 5, which only the programme's entry does.
    void programmeDecidesItsQuarters()
    {
        const auto sessionOwner = m_case.session();
        CaseSession &session = *sessionOwner;
        const QString quarter = QStringLiteral("2025/26 Q1");
        const int computed = session.caseFile().assessment(quarter)->result.segment;
        QVERIFY(computed > 0 && computed < 5);
        const QString five = session.recordDecision(quarter, true, 5, QStringLiteral("why"));
        QVERIFY2(five.contains(QStringLiteral("not by a correction")), qPrintable(five));
        // A correction recorded before the entry in the same quarter gives
        // way to the programme (the independent tester saw both at once).
        const int corrected = computed == 3 ? 2 : 3;
        QCOMPARE(session.recordDecision(quarter, true, corrected, QStringLiteral("before the entry")), QString());
        QCOMPARE(session.casework().finalSegment(quarter, computed), corrected);
        QCOMPARE(session.enterProgramme(quarter, QStringLiteral("decided"), QStringLiteral("A. Director")), QString());
        QCOMPARE(session.casework().finalSegment(quarter, computed), 5);
        QVERIFY(session.undoStack()->canUndo());
        session.undoStack()->undo(); // the entry
        session.undoStack()->undo(); // the correction
        QCOMPARE(session.casework().finalSegment(quarter, computed), computed);
        QCOMPARE(session.enterProgramme(quarter, QStringLiteral("decided"), QStringLiteral("A. Director")), QString());
        for (const bool correction : {false, true}) {
            const QString refused
                = session.recordDecision(quarter, correction, computed == 3 ? 2 : 3, QStringLiteral("why"));
            QVERIFY2(refused.contains(QStringLiteral("which decides its segment")), qPrintable(refused));
        }
        QVERIFY(session.casework().records(decisionTable(), QStringLiteral("quarter"), quarter).isEmpty());
        QCOMPARE(session.casework().finalSegment(quarter, computed), 5);
    }

    // Issue 13: a decided diagnostic review stays as the region decided it:
    // its fields, findings and evidence are refused in words, nothing
    // changed; undoing the decision opens them again.
    void decidedReviewStays()
    {
        const auto sessionOwner = m_case.session();
        CaseSession &session = *sessionOwner;
        const CaseworkChoices &sets = session.methodology().casework();
        qint64 review = 0;
        QCOMPARE(session.addRecord(reviewTable(),
                                   {{QStringLiteral("opened_quarter"), QStringLiteral("2025/26 Q1")},
                                    {QStringLiteral("status"), sets.reviewStages.firstId()}},
                                   QStringLiteral("open"), &review),
                 QString());
        qint64 finding = 0;
        QCOMPARE(session.addRecord(findingTable(),
                                   {{QStringLiteral("review_id"), review}, {QStringLiteral("category"), QStringLiteral("Finance")},
                                    {QStringLiteral("description"), QStringLiteral("x")}},
                                   QStringLiteral("finding"), &finding),
                 QString());
        QCOMPARE(session.setRecordField(reviewTable(), review, QStringLiteral("status"), sets.reviewStages.finalId), QString());
        const int steps = session.undoStack()->count();
        const QStringList refused{
            session.setRecordField(reviewTable(), review, QStringLiteral("team"), QStringLiteral("late")),
            session.setRecordField(findingTable(), finding, QStringLiteral("description"), QStringLiteral("y")),
            session.addRecord(findingTable(),
                              {{QStringLiteral("review_id"), review}, {QStringLiteral("category"), QStringLiteral("Finance")},
                               {QStringLiteral("description"), QStringLiteral("z")}},
                              QStringLiteral("finding")),
            session.addRecord(findingEvidenceTable(), {{QStringLiteral("finding_id"), finding}, {QStringLiteral("title"), QStringLiteral("t")}},
                              QStringLiteral("evidence")),
            session.removeRecord(findingTable(), finding, QStringLiteral("remove"))};
        for (const QString &error : refused)
            QVERIFY2(error.contains(QStringLiteral("The diagnostic review is decided")), qPrintable(error));
        QCOMPARE(session.undoStack()->count(), steps);
        QCOMPARE(session.casework().records(findingTable()).size(), 1);
        QCOMPARE(session.casework().field(findingTable(), finding, QStringLiteral("description")), QStringLiteral("x"));
        session.undoStack()->undo(); // the decision
        QCOMPARE(session.setRecordField(reviewTable(), review, QStringLiteral("team"), QStringLiteral("late")), QString());
        QCOMPARE(session.addRecord(findingEvidenceTable(),
                                   {{QStringLiteral("finding_id"), finding}, {QStringLiteral("title"), QStringLiteral("t")}},
                                   QStringLiteral("evidence")),
                 QString());
    }

private:
    owbtest::VersionOneCase m_case;
};

QTEST_GUILESS_MAIN(TestCaseRules)
#include "tst_caserules.moc"
