#pragma once
// Segment-4 diagnostic reviews with their findings, the Recovery Support
// Programme (entry, exit criteria, exit) and recovery plan milestones
// (framework.md §7). Records are rows of whitelisted columns, so one pair of
// undo commands (add/remove a record) and one value swap serve them all.

#include "framework/caseworkchoices.h"
#include "store/casescope.h"
#include "store/database.h"

#include <QDate>
#include <QSet>
#include <QStringList>
#include <QVariantMap>
#include <utility>

namespace owb {

class Methodology;

// The tables and the columns a user may set.
struct CaseworkTable
{
    QString name;
    QStringList columns;
};
const CaseworkTable &reviewTable();
const CaseworkTable &findingTable();
const CaseworkTable &programmeTable();
const CaseworkTable &criterionTable();
const CaseworkTable &milestoneTable();
const CaseworkTable &decisionTable();
const CaseworkTable &progressReviewTable();
const CaseworkTable &trajectoryTable();
const CaseworkTable &systemConsiderationTable();
const CaseworkTable &statutoryAssessmentTable();
const CaseworkTable &findingEvidenceTable();

// A save or an undo over someone else's change (the record's row_version is
// not the one this user saw), in plain words naming the record, the field
// and the value stored now: "Someone else changed this finding's severity
// to "high" since you opened it". `column` may be empty (the record as a
// whole); `removed`: the record is gone.
StoreConflict editConflict(const QString &path, const QString &table, qint64 id, const QString &column,
                           const QString &expected, const QString &stored, bool removed, qint64 storedVersion = 0);

// A decision for `quarter` was stored by someone else since this user read
// the quarter (`now`: the quarter's decision as stored, empty when the one
// this user saw was taken back), in plain words naming who decided what and
// when: the refusal of a second decision for one quarter.
QString decidedMeanwhile(const QString &quarter, const QVariantMap &now);

// The decision for `quarter` this user saw was replaced by someone else's (`now`:
// the quarter's decision as stored, empty when it has none), so an undo (or
// redo) of this user's step that would take it back met a removed record:
// whose the quarter's decision is now, the segment and when, and that the
// step was not applied. A conflict with no field to compare (the views say
// it in words, without the conflict dialog's table).
StoreConflict decisionReplaced(const QString &path, const QString &quarter, const QVariantMap &now, qint64 id);

// Whether a status typed as free text says `status` ("Met", " met " and
// "met" alike): statuses are compared without case or surrounding spaces.
bool isStatus(const QString &stored, const QString &status);

// A system consideration's answer as the workbench says it ("Yes", "No";
// empty when not answered): the report and the history print the same words.
QString considerationAnswerName(const QString &answer);

// The one rule for a record's dates: a due date is not before the start
// date, a decision date not before the review's start, an exit date not
// before the entry date; the entry date inside the entry quarter, the exit
// quarter after it. Returns the column to correct and what is wrong in plain
// words, or an empty column when the values (a record's, with any change
// applied) are in order. With `changed`, only the rules about that column
// (a record stored out of order by an earlier version stays editable).
std::pair<QString, QString> dateOrderProblem(const QVariantMap &values, const QString &changed = {});

// Whether the record's form requires the field (a milestone's status, a
// finding's severity): it may not be left empty, so its editors offer no
// "not set".
bool isRequiredField(const CaseworkTable &table, const QString &column);

// Why a record's field may not be set to `value` whatever the other fields:
// a field the record's form requires left empty (a review's team, a
// milestone's status), or a milestone's done date while its status (in
// `record`, with the change applied) is not the one that closes it. Plain
// words, or empty when the value may be stored.
QString fieldValueProblem(const CaseworkTable &table, const QString &column, const QString &value,
                          const QVariantMap &record, const CaseworkChoices &choices);
// The same, with valueProblem and the rules that need the methodology: an
// assessment note's date belongs to its year (from a year before the year
// starts to its end); a diagnostic review moves stage, or is decided, only
// with its capability conclusion, recommendation and decision from the
// methodology's lists (a value an earlier version stored freely must be
// chosen again first).
QString fieldValueProblem(const CaseworkTable &table, const QString &column, const QString &value,
                          const QVariantMap &record, const Methodology &methodology,
                          const QDate &today = QDate::currentDate());
// A review's field holding a value outside the methodology's list, in
// words ("The capability conclusion "meh" is not in the methodology's list:
// choose one of its values."), as (column, message) for each; empty when
// all are in the lists (or empty).
QList<std::pair<QString, QString>> reviewListProblems(const QVariantMap &review, const Methodology &methodology);

// How far from today a casework date may be, in years either way: a date
// typed as 31/12/9999 is a slip, never a plan (README, "Casework").
constexpr int kDateYearsFromToday = 10;

// Why a value may not be stored in `column` of any casework record, whatever
// the record: free text longer than kMaxFreeTextLength; a date further than
// kDateYearsFromToday years from `today`; the date of something that has
// happened (a decision, evidence received, a progress review held, an exit,
// a milestone done, an assessment) after `today`. Plain words naming the
// field, or empty. Every form, table cell and the session ask it, so they
// agree.
QString valueProblem(const QString &column, const QString &value, const QDate &today = QDate::currentDate());

// `today` if it falls in `quarter`, else the quarter's nearest day: the
// default date of a record that belongs to a quarter (an entry, an exit).
QDate dayIn(const QString &quarter, const QDate &today);

// The day a quarter's overdue items are counted on: the quarter's last day,
// or today when the quarter has not ended yet (a later quarter's due dates
// are not overdue in an earlier one). The workspace's latest quarter
// (`latestQuarter`, empty: none) counts on today: its casework goes on until
// the next quarter's data arrive, and what is overdue now must show there.
// Every count and every red row uses it.
QDate overdueAsOf(const QString &quarter, const QDate &today, const QString &latestQuarter);
// Whether a milestone or exit criterion is overdue on `asOf`: past its due
// date and its status not `doneValue` (or done only after `asOf`).
bool isOverdue(const QVariantMap &row, const QString &doneValue, const QDate &asOf);

struct CaseworkStatus
{
    bool reviewOpen = false;
    bool inProgramme = false;  // in the chosen quarter
    int overdue = 0;  // exit criteria not met and milestones not done past their due date, as of the
                      // quarter's end or today, whichever is earlier
    int overdueMilestones = 0;  // of which milestones
    int overdueCriteria = 0;  // of which exit criteria of the programme of the quarter

    QString summary() const;  // for the portfolio
};

// Whether `quarter` is written as the workbench writes a quarter: "2025/26
// Q1", the financial year's two consecutive years, then Q1 to Q4.
bool isQuarterLabel(const QString &quarter);

// What makes a stored quarterly decision one no workbench could record,
// written outside it: a kind other than confirm or correction, a decided
// segment outside 1 to 4 (segment 5 is the programme's), a confirmation
// that does not keep its computed segment, no computed segment, a
// correction without its reason, a quarter not written as a quarter (the
// ones a row shows on its own; CaseworkStore::computedSegmentProblem reads
// the assessment). Each (column, problem in words);
// empty for a decision that may stand. owb check names them, the final
// segment never counts one (CaseworkStore::finalSegmentOf), and a team
// workspace's server refuses them (store/serverschemarules.h).
QList<std::pair<QString, QString>> decisionProblems(const QVariantMap &decision);

// A quarter's final segment and what decided it: the one answer every view,
// chart, what-if, league, report and export reads (framework.md §3 step 4).
struct FinalSegment
{
    enum class Source { Computed, Correction, Programme };
    int segment = 0; // 0: not segmented
    int computed = 0; // the stored assessment's segment (finance override included)
    Source source = Source::Computed;
    QString rationale; // of a correction
    // The computed segment a recorded decision was made on, when that is not
    // the computed segment now (a later re-assessment changed it): the
    // decision stands as recorded and needs review; 0 otherwise.
    int decidedOn = 0;
    // In the programme during the quarter, but the quarter's year has no
    // programme segment (its methodology says "programme_name": null): the
    // segment stays the computed or corrected one, never 5.
    bool programmeWithoutSegment = false;
    // The id of a decision recorded for the quarter that no workbench could
    // record (decisionProblems), left out of the segment; 0 when none.
    qint64 impossibleDecision = 0;
    // How many decisions are recorded for the quarter when more than one
    // (hand-inserted): there is one per quarter, so none of them counts
    // (owb check names them); 0 otherwise.
    int decisions = 0;

    bool decided() const { return source != Source::Computed; }
};

// Casework rows read ahead, by table name, each table's rows in id order as
// CaseworkStore::records() gives them.
using CaseworkRows = QHash<QString, QList<QVariantMap>>;

class CaseworkStore
{
public:
    // A case file's casework (its one organisation), or any case's.
    explicit CaseworkStore(Database &db) : CaseworkStore(caseFileScope(db)) {}
    explicit CaseworkStore(const CaseScope &scope) : m_db(scope.db), m_org(scope.org) {}
    // The same case with the rows of some tables already read (readAhead):
    // those tables are read from them, never from the database again.
    CaseworkStore(const CaseScope &scope, CaseworkRows rows) : m_db(scope.db), m_org(scope.org), m_rows(std::move(rows)) {}

    // Every row of `tables`, one statement per table, grouped by
    // organisation: one case's (`org`), or with an empty `org` every case
    // the database holds (a team workspace's shared tables). What the
    // portfolio reads for many cases at once, without a statement per case.
    static QHash<QString, CaseworkRows> readAhead(Database &db, const QString &org,
                                                  const QList<const CaseworkTable *> &tables);

    // While held (a case session's view of its case, CaseSession::readAgain):
    // each table is read whole for the case when first asked (one statement)
    // and later reads of it (records, record, programmeIn, decision, status)
    // are answered from those rows, until forgetReads() or a write to the
    // table through this store. Not held, every read goes to the database
    // (a case session lets go while it writes a group of edits, whose checks
    // read what the transaction sees). field() always reads the database.
    void holdReads(bool hold)
    {
        if (m_holdReads || hold)
            m_rows.clear();
        m_holdReads = hold;
    }
    void forgetReads()
    {
        if (m_holdReads)
            m_rows.clear();
    }

    // Rows of a table, oldest first; `where` filters one column by value.
    // Each row has its "id" and "row_version"; the store remembers the rows
    // it read (what this user saw), so a later save of a stale row conflicts.
    QList<QVariantMap> records(const CaseworkTable &table, const QString &whereColumn = {}, const QVariant &value = {});
    // One record as it is now (not remembered as seen).
    QVariantMap record(const CaseworkTable &table, qint64 id);
    // Inserts (with "id" and "row_version" when restoring an undone removal); returns the id.
    qint64 insert(const CaseworkTable &table, const QVariantMap &values);
    // Removes the record as this user last read it; throws StoreConflict when
    // someone else changed or removed it since.
    void remove(const CaseworkTable &table, qint64 id);
    void remove(const CaseworkTable &table, qint64 id, qint64 expectedVersion);
    QString field(const CaseworkTable &table, qint64 id, const QString &column);
    // A field as this user last read it (as it is now, if never read): what
    // a change is measured from, so that a value someone else stored
    // meanwhile is a conflict, not "no change".
    QString seenField(const CaseworkTable &table, qint64 id, const QString &column);
    // Sets one field of the record as this user last read it (or as it is,
    // if never read), or of the version given; returns the new row version;
    // throws StoreConflict when the record is no longer at that version.
    void setField(const CaseworkTable &table, qint64 id, const QString &column, const QString &value);
    qint64 setField(const CaseworkTable &table, qint64 id, const QString &column, const QString &value,
                    qint64 expectedVersion);
    // Several fields of the record (`values` in the order of `columns`) in
    // one write: one history entry (a milestone's status and the date it
    // was done, a review's decision and its last stage).
    qint64 setFields(const CaseworkTable &table, qint64 id, const QStringList &columns, const QStringList &values,
                     qint64 expectedVersion);
    // The row version this user last saw of a record (read now if never
    // read); 0 when there is no such record.
    qint64 seenVersion(const CaseworkTable &table, qint64 id);
    // The row version this store last wrote to a record (its seen version if
    // it wrote none): an undo applies only where the record is still as this
    // user left it.
    qint64 writtenVersion(const CaseworkTable &table, qint64 id);

    // The financial years ("2027/28") whose methodology has no programme
    // segment (the file says "programme_name": null): in them no quarter is
    // segment 5 and no entry into the programme is recorded. Given by whoever
    // holds the workspace's register (MethodologyRegister::yearsWithoutProgramme,
    // NationalCache::yearsWithoutProgramme); none by default.
    void setYearsWithoutProgramme(const QSet<QString> &years) { m_yearsWithoutProgramme = years; }
    const QSet<QString> &yearsWithoutProgramme() const { return m_yearsWithoutProgramme; }
    // Whether `quarter`'s year has a programme segment (5).
    bool hasProgrammeSegment(const QString &quarter) const;

    // The programme the organisation is in during `quarter`, or 0.
    qint64 programmeIn(const QString &quarter);
    // The final segment of a quarter: a recorded correction, else 5 in the
    // programme (in a year that has a programme segment), else the computed
    // one (framework.md §3 step 4). An organisation the framework does not
    // segment stays unsegmented: an ICB in the programme is "equivalent to
    // segment 5" in words, not a segment.
    FinalSegment finalSegmentOf(const QString &quarter, int computed);
    // What is wrong with a stored decision's computed segment against the
    // quarter's stored assessment, in words; empty when it is right. The
    // workbench records the assessment's segment as the decision is made,
    // so a decision dated after the assessment's computation that names
    // another segment was written outside it (a re-assessment after the
    // decision, or on its day, is FinalSegment::decidedOn, which stands:
    // a date cannot order a decision and an import of one day). Empty when
    // no assessment is stored, or the decision has no computed segment
    // (decisionProblems names that).
    QString computedSegmentProblem(const QVariantMap &decision);
    int finalSegment(const QString &quarter, int computed)
    {
        return finalSegmentOf(quarter, computed).segment;
    }
    // The decision recorded for a quarter (empty map if none): one per
    // organisation and quarter (the latest, in files written before that rule).
    QVariantMap decision(const QString &quarter);
    // Why a new record would contradict what is recorded (a second decision
    // for a quarter, a programme entry while in the programme, before a
    // later entry or in a year without a programme segment), in plain words;
    // empty when it may be added. With the methodology, a value is said in
    // its metric's format ("1.80%"), as the tables show it.
    QString conflict(const CaseworkTable &table, const QVariantMap &values, const Methodology *methodology = nullptr);
    // dateOrderProblem, a record of a programme (an exit criterion's due
    // date, a progress review's date) not before the programme's entry date,
    // and a programme entry not before an exit already recorded.
    std::pair<QString, QString> orderProblem(const CaseworkTable &table, const QVariantMap &values,
                                             const QString &changed = {});
    CaseworkStatus status(const QString &quarter, const QDate &today);
    // The same, with the methodology's sets saying which values close a
    // review, a milestone and an exit criterion, and the workspace's latest
    // quarter, whose overdue items are counted on today (overdueAsOf).
    CaseworkStatus status(const QString &quarter, const QDate &today, const CaseworkChoices &choices,
                          const QString &latestQuarter);

    // What the store remembers of the versions this user saw and wrote,
    // put back when a transaction that wrote through it rolls back.
    struct Memory
    {
        QHash<QString, QVariantMap> seen;
        QHash<QString, qint64> written;
    };
    Memory memory() const { return {m_seen, m_written}; }
    void restore(const Memory &memory)
    {
        m_seen = memory.seen;
        m_written = memory.written;
    }

private:
    QList<QVariantMap> read(const CaseworkTable &table, const QString &whereColumn, const QVariant &value, bool seen);
    [[noreturn]] void throwConflict(const CaseworkTable &table, qint64 id, const QString &column, qint64 expectedVersion);
    void remember(const CaseworkTable &table, const QVariantMap &row);

    Database &m_db;
    QString m_org;
    QHash<QString, QVariantMap> m_seen; // "table/id" -> the row as this user last read or wrote it
    QHash<QString, qint64> m_written; // "table/id" -> the row version this store last wrote
    CaseworkRows m_rows; // tables read ahead (readAhead), or held (holdReads): read from here
    bool m_holdReads = false;
    void forgetTable(const CaseworkTable &table)
    {
        if (m_holdReads)
            m_rows.remove(table.name);
    }
    QSet<QString> m_yearsWithoutProgramme;
};

} // namespace owb
