#pragma once
// Undo commands: the only write side of casework (style.md practice 7).
// Each redo or undo is one transaction in the case file. A command whose
// first redo fails is marked obsolete, so the stack drops it and the user's
// data is exactly as before; the error is kept for the caller to show.
//
// Ownership: commands hold references to stores owned by their CaseSession,
// which also owns the undo stack, so the stores outlive every command.

#include "casework/capability.h"
#include "casework/casework.h"
#include "casework/notes.h"

#include <QUndoCommand>
#include <functional>
#include <optional>

namespace owb {

class StoreCommand : public QUndoCommand
{
public:
    using QUndoCommand::QUndoCommand;
    void redo() final;
    void undo() final;
    // The last redo or undo's failure, or empty.
    QString error() const { return m_error; }
    // When that failure was a conflict (someone else changed the record): its details.
    const std::optional<StoreConflict> &conflict() const { return m_conflict; }
    // Called after every redo and undo, so views refresh whichever way a change came.
    void setNotifier(std::function<void()> notify) { m_notify = std::move(notify); }

protected:
    virtual void apply() = 0;
    virtual void revert() = 0;

private:
    QString m_error;
    std::optional<StoreConflict> m_conflict;
    bool m_done = false;
    std::function<void()> m_notify;
};

// Swaps one value of a record that carries a row version (optimistic
// locking): the first redo applies only where the record is still at the
// version this user saw, every later undo and redo only where it is still as
// this user's last write left it (`written`); otherwise the store throws
// StoreConflict, whose message the user sees, and nothing is written.
class ChangeFieldCommand : public StoreCommand
{
public:
    // Sets the value where the record is at the version given; returns the new one.
    using Setter = std::function<qint64(const QString &value, qint64 expectedVersion)>;
    ChangeFieldCommand(const QString &text, const QString &oldValue, qint64 seenVersion, Setter set, const QString &value,
                       std::function<qint64()> written);

protected:
    void apply() override;
    void revert() override { m_set(m_old, m_written()); }

private:
    Setter m_set;
    std::function<qint64()> m_written;
    QString m_old;
    QString m_new;
    qint64 m_seen;
    bool m_applied = false;
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

protected:
    void apply() override;
    void revert() override;

private:
    NoteStore &m_store;
    Note m_note;
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

protected:
    void apply() override;
    void revert() override;

private:
    CaseworkStore &m_store;
    const CaseworkTable &m_table;
    qint64 m_id;
    QVariantMap m_values;
    bool m_applied = false;
};

} // namespace owb
