#pragma once
// One open case: its case file (writable), casework stores and the undo
// stack. Views edit only through this facade (Subsurface's idea): each call
// pushes one undo command and reports an error message, or nothing.

#include "capability.h"
#include "casework.h"
#include "framework/methodology.h"
#include "notes.h"
#include "commands/fieldwrite.h"
#include "store/casefile.h"

#include <QObject>
#include <QUndoStack>
#include <functional>
#include <memory>
#include <optional>

namespace owb {

class StoreCommand;
class GroupCommand;

class CaseSession : public QObject
{
    Q_OBJECT
public:
    // `readOnly`: another instance holds the workspace; every edit is refused.
    CaseSession(const QString &path, const Methodology &methodology, QObject *parent = nullptr, bool readOnly = false);
    // A case already open: a case file, or one organisation's case in a team
    // workspace (CaseFile(Database &server, org)), whose connection the
    // workspace's cases share. The same facade either way. `readOnly`
    // refuses every edit (a read-only connection refuses them as well).
    CaseSession(std::unique_ptr<CaseFile> caseFile, const Methodology &methodology, QObject *parent = nullptr,
                bool readOnly = false);
    ~CaseSession() override;

    CaseFile &caseFile() { return *m_caseFile; }
    const Methodology &methodology() const { return m_methodology; }
    CapabilityStore &capability() { return m_capability; }
    NoteStore &notes() { return m_notes; }
    CaseworkStore &casework() { return m_casework; }
    QUndoStack *undoStack() { return &m_undo; }
    // Edit > Undo and Redo of the case (the window's actions call these):
    // the stack's undo or redo, returning its error ("" = done), which
    // storeFailed also reports. One refused without a conflict (the
    // connection to a team workspace lost) writes nothing and leaves the
    // stack as it was (its index, texts, canUndo and canRedo), so the same
    // step can be undone or redone once the write can be made again; a
    // conflict drops the step as before (lastConflict, keepMine). Calling
    // the stack's own undo() or redo() drops a refused step instead.
    QString undo();
    QString redo();
    CaseIdentity identity() const { return m_identity; }
    // One view of the case: the session's case file and casework store hold
    // what they read (CaseFile::holdReads, CaseworkStore::holdReads), so the
    // pages and widgets that show the case read each of its tables once, one
    // statement per table, whatever the number of quarters, metrics or
    // records. readAgain() lets go of it (the next read reads the table
    // again): the window calls it for every new view of the case (a switch
    // to it, another quarter, an import), and the session itself after every
    // edit, undo or redo, before saying what changed.
    void readAgain();
    // A colleague changed the case (a team workspace's live updates), and
    // the caller has read it again (readAgain and the page in view): every
    // part of the case is said changed, as after an edit, so that the lists
    // and pages that keep what they showed (the notes, the casework
    // sections) show it as it is now. The undo stack is left as it is: a
    // step over a record changed meanwhile meets a conflict.
    void changedElsewhere();
    bool isReadOnly() const { return m_readOnly; }
    // Why every edit is refused, in plain words (what setReadOnly was told, or
    // that the workspace was opened read-only); empty while edits are allowed.
    // The case pages show it on the edits they no longer offer.
    QString readOnlyWhy() const;
    // Makes the session read-only for `why` (a sentence naming what this
    // user may do instead), which each refused edit then says.
    void setReadOnly(const QString &why)
    {
        m_readOnly = true;
        m_readOnlyWhy = why;
        m_heldForNow = false;
    }
    // Read-only for `why` until liftHold() (a team workspace's rights
    // withdrawn while connected, until a reconnect finds them back). A
    // session already read-only for another reason (a reader's workspace, a
    // folder opened read-only) keeps that reason, and liftHold() leaves it so.
    void holdForNow(const QString &why)
    {
        if (m_readOnly && !m_heldForNow)
            return;
        m_readOnly = true;
        m_readOnlyWhy = why;
        m_heldForNow = true;
    }
    // Writable again after holdForNow(); never lifts what setReadOnly (or
    // opening read-only) made read-only. Whether anything changed.
    bool liftHold()
    {
        if (!m_heldForNow)
            return false;
        m_readOnly = false;
        m_readOnlyWhy.clear();
        m_heldForNow = false;
        return true;
    }
    bool isHeldForNow() const { return m_heldForNow; }
    // The conflict the last edit, undo or redo met (someone else changed the
    // record since this user read it), or none: its error message is the
    // conflict's, for the views' field-by-field dialog.
    const std::optional<StoreConflict> &lastConflict() const { return m_lastConflict; }
    // After that conflict (the step that met it wrote nothing and is not on
    // the stack): what this user's step would have written to its fields, and
    // whether it can still be written. keepMine() writes `mine` (those values,
    // or the user's edit of them) over the record as the conflict found it,
    // as a new step on the undo stack; a change made meanwhile conflicts
    // again. takeTheirs() leaves the record as the other person left it.
    QStringList conflictMine() const;
    bool canKeepMine() const { return m_again != nullptr; }
    // Whether keepMine() deletes the record
    // anyway (the step was a removal of a record someone else changed);
    // conflictFields() then holds what they changed (as seen, as stored now).
    bool conflictRemoves() const;
    QString keepMine(const QStringList &mine);
    void takeTheirs();
    // Every field of the conflict's record that this user's step writes
    // (all of a group's fields on it: a stage change, a milestone marked
    // done), each with this user's value and the one stored now, in the
    // order conflictMine() and keepMine() take them; for an edit that does
    // not name its fields (capability, notes), the conflict's own column.
    QList<FieldWrite> conflictFields() const;

    // Edits made between beginGroup and endGroup are one step on the undo
    // stack, written, undone and redone in one transaction: all or nothing.
    // endGroup returns the first edit's error, or `error` (the caller's: an
    // edit refused before it was tried); nothing was written then. An edit
    // that meets someone else's change returns nothing: the rest of the
    // group runs over the stored version (so that the conflict knows every
    // field the group writes), and endGroup rolls it all back and returns
    // the conflict, which keepMine() can then write whole.
    void beginGroup(const QString &text);
    QString endGroup(const QString &error = {});

    // The operating-system user.
    static QString currentUser();
    // Who writes here, the default author of notes and decisions: on a team
    // workspace the server's session user (the audit trail's author), else
    // the operating-system user.
    QString author() const;
    // What the session calls the programme: the latest year's name, or the
    // built-in one when that year has no programme.
    QString programmeName() const;
    // "2025/26" for "2025/26 Q3": capability is assessed once a year.
    static QString financialYear(const QString &quarter);

    QString setCapabilityArea(const QString &year, const QString &areaId, CapabilityArea::Field field,
                              const QString &value);
    QString setCapabilityOverall(const QString &year, CapabilityOverall::Field field, const QString &value);
    QString addEvidence(const EvidenceItem &item, const QByteArray &file);
    QString removeEvidence(const EvidenceItem &item);
    QString addNote(const QString &tagKind, const QString &tag, const QString &body);
    QString removeNote(const Note &note);
    QString setNoteBody(qint64 id, const QString &body);
    // Casework records: diagnostic reviews, findings, the programme, exit
    // criteria, milestones. `id` receives the new record's id.
    QString addRecord(const CaseworkTable &table, const QVariantMap &values, const QString &text, qint64 *id = nullptr);
    QString removeRecord(const CaseworkTable &table, qint64 id, const QString &text);
    // A value the record already holds changes nothing (no undo step, no
    // audit entry). A milestone set to done is done today unless its done
    // date says when, and one whose status leaves done loses its done date:
    // both fields in one write (one history entry, one undo step).
    QString setRecordField(const CaseworkTable &table, qint64 id, const QString &column, const QString &value);
    // Several fields of one record in one write, each checked as the record
    // will be with all of them; refused whole. The fields it already holds
    // are left out; none left: nothing changes. `text` names the undo step.
    QString setRecordFields(const CaseworkTable &table, qint64 id, const QList<std::pair<QString, QString>> &fields,
                            const QString &text = {});
    // Why setRecordField would refuse `value`, in plain words without the
    // file's name (a required field left empty, a text too long, a date out of
    // order, out of range or after today for something that has happened, a
    // done date while not done, a review moved on with values outside the
    // methodology's lists: fieldValueProblem and orderProblem); empty when it
    // may be stored. Forms and tables ask
    // it to say the problem beside the field, keeping what was typed.
    // A field as stored now; on a read that fails (a team workspace's
    // connection lost), empty with why in *error, never thrown at a view.
    QString storedField(const CaseworkTable &table, qint64 id, const QString &column, QString *error);
    QString fieldProblem(const CaseworkTable &table, qint64 id, const QString &column, const QString &value);
    // The quarter's segmentation decision, one per organisation and quarter:
    // confirm the computed segment, or correct it to another with a reason.
    // Refused: no computed segment, a "correction" to the computed segment (that
    // is a confirmation) and the same decision again. Another decision replaces
    // the quarter's earlier one as one undo step; *replaced then says so.
    QString recordDecision(const QString &quarter, bool correction, int segment, const QString &rationale,
                           bool *replaced = nullptr);
    // Entry into the Recovery Support Programme in `quarter` (refused while in
    // it), and the exit in `quarter` (refused unless in it without an exit).
    QString enterProgramme(const QString &quarter, const QString &reason, const QString &director);
    QString recordExit(const QString &quarter, const QString &transitionPlan, const QDate &date = {});
    // An ICB's answer ("yes", "no" or "") or evidence for one system
    // consideration in a quarter: the first edit adds the record.
    QString setSystemConsideration(const QString &quarter, const QString &considerationId, const QString &column,
                                   const QString &value);

Q_SIGNALS:
    void capabilityChanged();
    void notesChanged();
    void caseworkChanged();
    // An undo or redo failed to reach the disk (the message names the file).
    void storeFailed(const QString &message);

private:
    QString push(StoreCommand *command, void (CaseSession::*changed)());
    QString step(bool undoing);  // undo() or redo()
    void holdReads(bool hold);  // the case file's and the casework store's
    // Empty when every text fits kMaxFreeTextLength; otherwise the message
    // to return instead of storing it.
    QString tooLong(const QStringList &texts) const;
    // Why `changed` (a record with this user's values) may not be stored,
    // for its field `column`; empty when it may.
    QString recordProblem(const CaseworkTable &table, const QVariantMap &changed, const QString &column);
    // One field's change as one undo step, over the version `seen`.
    QString changeField(const CaseworkTable &table, qint64 id, const QString &column, const QString &value, qint64 seen);
    // Why a record of a decided diagnostic review (the review, a finding, an
    // evidence item) may not change, in words; empty when it may.
    QString decidedReview(const CaseworkTable &table, const QVariantMap &record);

    bool m_readOnly;
    QString m_readOnlyWhy; // empty: another instance holds the workspace
    bool m_heldForNow = false; // read-only by holdForNow(), until liftHold()
    std::unique_ptr<CaseFile> m_caseFile;
    Methodology m_methodology;
    CaseIdentity m_identity;
    CapabilityStore m_capability;
    NoteStore m_notes;
    CaseworkStore m_casework;
    QUndoStack m_undo;
    bool m_stepping = false;  // in undo() or redo(): a refused step is kept
    QString m_stepError;      // the error of the last undo or redo of the stack
    std::optional<StoreConflict> m_lastConflict;
    std::unique_ptr<StoreCommand> m_again;  // keeps this user's values after a conflict
    void (CaseSession::*m_againChanged)() = nullptr;
    // The open group: its first run's transaction and what the stores
    // remembered when it began.
    std::function<std::function<void()>()> rememberStores();
    int m_groupDepth = 0;
    std::unique_ptr<GroupCommand> m_group;
    std::unique_ptr<Transaction> m_groupTransaction;
    std::function<void()> m_groupForget;
    QString m_groupError;
    // A conflict the group's first run met: the run goes on over the stored
    // version (so every field it writes is known), then rolls back whole.
    std::optional<StoreConflict> m_groupConflict;
    bool m_groupKeepable = false;
    void (CaseSession::*m_groupChanged)() = nullptr;
};

} // namespace owb
