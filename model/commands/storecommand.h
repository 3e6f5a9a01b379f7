#pragma once
// Undo commands: the only write side of casework (style.md practice 7).
// Each redo or undo is one transaction in the case file. A command whose
// first redo fails is marked obsolete, so the stack drops it and the user's
// data is exactly as before; the error is kept for the caller to show. A
// later undo or redo refused without a conflict (a team workspace's
// connection lost) keeps its step when its session asks (keepRefused).
//
// Ownership: commands hold references to stores owned by their CaseSession,
// which also owns the undo stack, so the stores outlive every command.

#include "casework/capability.h"
#include "casework/casework.h"
#include "casework/notes.h"
#include "commands/fieldwrite.h"
#include "store/casescope.h"

#include <QUndoCommand>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace owb {

class StoreCommand : public QUndoCommand
{
public:
    using QUndoCommand::QUndoCommand;
    // A redo or undo that fails writes nothing and marks the command
    // obsolete, so the stack drops the step: the data and the stack agree.
    // Except an undo, or a redo after one, refused for another reason than
    // a conflict (the connection to a team workspace lost, a full disk)
    // while keepRefused() says so: the command stays, refused() set, for
    // the session to put the stack's index back (CaseSession::undo/redo).
    void redo() final;
    void undo() final;
    void setKeepRefused(std::function<bool()> keep) { m_keepRefused = std::move(keep); }
    bool refused() const { return m_refused; }
    // After a refusal: the stack's next redo or undo of this command only
    // moves its index back (nothing written, nothing notified).
    void skipOnce()
    {
        m_refused = false;
        m_skipOnce = true;
    }
    // The last redo or undo's failure, or empty.
    QString error() const { return m_error; }
    // When that failure was a conflict (someone else changed the record): its details.
    const std::optional<StoreConflict> &conflict() const { return m_conflict; }
    // Called after every redo and undo, so views refresh whichever way a change came.
    void setNotifier(std::function<void()> notify) { m_notify = std::move(notify); }
    // After a conflict: a new command that writes what the failed redo or
    // undo would have, over the record as the conflict found it (its stored
    // version), for the user who keeps theirs; null where none can (adding
    // or removing a record, a step of a group's first run).
    std::unique_ptr<StoreCommand> again() const;
    // The values such a command writes to the conflict's fields, and the
    // user's edit of them (Edit Mine).
    virtual QStringList values() const { return {}; }
    virtual void setValues(const QStringList &) {}
    // Every field it writes, where it says (casework records); empty for a
    // command that does not name its fields. setWrite() changes the value
    // of the i-th of them (Edit Mine).
    virtual QList<FieldWrite> writes() const { return {}; }
    virtual void setWrite(int /*index*/, const QString & /*value*/) {}
    // Whether it removes a record (a conflict's Keep Mine deletes it anyway).
    virtual bool removes() const { return false; }
    // A new command doing exactly what this one's first redo does, at the
    // versions it was given (a group's first run that met a conflict, for
    // the user who keeps theirs); null where none can.
    virtual std::unique_ptr<StoreCommand> replay() const { return nullptr; }
    // Its first redo has been made already (a group's steps, as they came):
    // the stack's first redo only notifies.
    void markApplied() { m_skipRedo = m_done = true; }

protected:
    virtual void apply() = 0;
    virtual void revert() = 0;
    // A command doing again what apply() (or, `undoing`, revert()) did, at
    // version `over` of its record, or at the one this user last wrote.
    virtual std::unique_ptr<StoreCommand> redoAgain(bool /*undoing*/, std::optional<qint64> /*over*/) const
    {
        return nullptr;
    }

private:
    friend class GroupCommand;
    QString m_error;
    std::optional<StoreConflict> m_conflict;
    bool m_done = false;
    bool m_skipRedo = false;
    bool m_failedUndoing = false;
    bool m_refused = false;
    bool m_skipOnce = false;
    std::function<void()> m_notify;
    std::function<bool()> m_keepRefused;
    // A failure without a conflict: kept (refused) or dropped (obsolete).
    void refuse(bool kept);
};

// Swaps one value of a record that carries a row version (optimistic
// locking), or several values of one record in one write (a milestone's
// status and the date it was done: one history entry, one undo step): the
// first redo applies only where the record is still at the version this user
// saw, every later undo and redo only where it is still as this user's last
// write left it (`written`); otherwise the store throws StoreConflict, whose
// message the user sees, and nothing is written.
class ChangeFieldCommand : public StoreCommand
{
public:
    // Sets the value where the record is at the version given; returns the new one.
    using Setter = std::function<qint64(const QString &value, qint64 expectedVersion)>;
    // Sets the values, in the order given, in one write.
    using FieldsSetter = std::function<qint64(const QStringList &values, qint64 expectedVersion)>;
    // `seenVersion` empty: the version this user last wrote, read at the
    // first redo. `current` reads the value stored now: given, the value its
    // undo puts back is read just before the first redo writes (a command
    // made by again(), which writes over someone else's change).
    ChangeFieldCommand(const QString &text, const QString &oldValue, std::optional<qint64> seenVersion, Setter set,
                       const QString &value, std::function<qint64()> written, std::function<QString()> current = {});
    ChangeFieldCommand(const QString &text, const QStringList &oldValues, std::optional<qint64> seenVersion,
                       FieldsSetter set, const QStringList &values, std::function<qint64()> written,
                       std::function<QStringList()> current = {});
    QStringList values() const override { return m_new; }
    void setValues(const QStringList &values) override;
    // The record fields it writes (a casework record's), for writes(): one
    // per value, in the same order.
    void setTarget(const QString &table, qint64 id, const QString &column) { setTargets(table, id, {column}); }
    void setTargets(const QString &table, qint64 id, const QStringList &columns)
    {
        m_table = table;
        m_id = id;
        m_columns = columns;
    }
    QList<FieldWrite> writes() const override;
    void setWrite(int index, const QString &value) override
    {
        if (index >= 0 && index < m_new.size())
            m_new[index] = value;
    }
    std::unique_ptr<StoreCommand> replay() const override;

protected:
    void apply() override;
    void revert() override { m_set(m_old, m_written()); }
    std::unique_ptr<StoreCommand> redoAgain(bool undoing, std::optional<qint64> over) const override;

private:
    std::unique_ptr<ChangeFieldCommand> copy(const QStringList &oldValues, std::optional<qint64> seen,
                                             const QStringList &values) const;

    QString m_table;
    qint64 m_id = 0;
    QStringList m_columns;
    FieldsSetter m_set;
    std::function<qint64()> m_written;
    std::function<QStringList()> m_current;
    QStringList m_old;
    QStringList m_new;
    std::optional<qint64> m_seen;
    bool m_applied = false;
};

// Several steps as one: its redo and its undo are each one transaction on
// the case (the steps' own are savepoints of it), so a multi-record change is
// written, undone or redone whole or not at all. When one step fails, the
// transaction rolls back and the stores forget what the others wrote.
class GroupCommand : public StoreCommand
{
public:
    // Notes what the stores remember and returns how to put it back.
    using Remember = std::function<std::function<void()>()>;
    GroupCommand(const QString &text, const CaseScope &scope, Remember remember);
    // A step already applied (the group's first run, in the session's transaction).
    void add(std::unique_ptr<StoreCommand> step) { m_steps.push_back(std::move(step)); }
    bool isEmpty() const { return m_steps.empty(); }
    QStringList values() const override;
    void setValues(const QStringList &values) override;
    // Its steps' fields, in the order they run (undone: last step first).
    QList<FieldWrite> writes() const override;
    void setWrite(int index, const QString &value) override;
    std::unique_ptr<StoreCommand> replay() const override;

protected:
    void apply() override { run(false); }
    void revert() override { run(true); }
    std::unique_ptr<StoreCommand> redoAgain(bool undoing, std::optional<qint64> over) const override;

private:
    void run(bool undoing);

    CaseScope m_scope;
    Remember m_remember;
    std::vector<std::unique_ptr<StoreCommand>> m_steps;
    int m_failed = -1; // the step that met the last conflict
    int m_focus = -1;  // in a group made by redoAgain: the step of that conflict
};

class AddNoteCommand : public StoreCommand
{
public:
    AddNoteCommand(NoteStore &store, const Note &note);

protected:
    void apply() override;
    void revert() override;

private:
    NoteStore &m_store;
    Note m_note;
};

// Removing a record puts it back, on undo, at the next row version, so a save
// by anyone who read it before it was removed conflicts.
class RemoveNoteCommand : public StoreCommand
{
public:
    RemoveNoteCommand(NoteStore &store, const Note &note);
    bool removes() const override { return true; }
    // After a conflict: the body as this user saw it against the one stored
    // now, when someone else changed it.
    QList<FieldWrite> writes() const override;

protected:
    void apply() override;
    void revert() override;
    // Delete it anyway: a removal at the version the conflict met.
    std::unique_ptr<StoreCommand> redoAgain(bool undoing, std::optional<qint64> over) const override;

private:
    NoteStore &m_store;
    Note m_note;
    QString m_seenBody;  // the body this user saw when asking to delete it
    bool m_applied = false;
};

class AddEvidenceCommand : public StoreCommand
{
public:
    AddEvidenceCommand(CapabilityStore &store, const EvidenceItem &item, const QByteArray &file);

protected:
    void apply() override;
    void revert() override;

private:
    CapabilityStore &m_store;
    EvidenceItem m_item;
    QByteArray m_file;
};

class RemoveEvidenceCommand : public StoreCommand
{
public:
    RemoveEvidenceCommand(CapabilityStore &store, const EvidenceItem &item);

protected:
    void apply() override;
    void revert() override;

private:
    CapabilityStore &m_store;
    EvidenceItem m_item;
    QByteArray m_file;
    bool m_applied = false;
};

// Adds a casework record; undo removes it, redo puts it back with its id.
class AddRecordCommand : public StoreCommand
{
public:
    AddRecordCommand(CaseworkStore &store, const CaseworkTable &table, const QVariantMap &values, const QString &text);
    qint64 recordId() const { return m_values.value(QStringLiteral("id")).toLongLong(); }

protected:
    void apply() override;
    void revert() override;

private:
    CaseworkStore &m_store;
    const CaseworkTable &m_table;
    QVariantMap m_values;
};

// Removes a casework record (and, through the schema, its children: undo
// restores the record itself).
class RemoveRecordCommand : public StoreCommand
{
public:
    RemoveRecordCommand(CaseworkStore &store, const CaseworkTable &table, qint64 id, const QString &text);
    bool removes() const override { return true; }
    // After a conflict: each field someone else changed, as this user saw
    // it (the value) against the one stored now.
    QList<FieldWrite> writes() const override;

protected:
    void apply() override;
    void revert() override;
    // Delete it anyway: a removal at the version the conflict met, whose
    // undo puts back the record as it was stored then.
    std::unique_ptr<StoreCommand> redoAgain(bool undoing, std::optional<qint64> over) const override;

private:
    CaseworkStore &m_store;
    const CaseworkTable &m_table;
    qint64 m_id;
    QVariantMap m_values;
    QVariantMap m_seen;  // the record as this user saw it when asking to remove it
    bool m_applied = false;
};

} // namespace owb
