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

namespace owb {

class StoreCommand : public QUndoCommand
{
public:
    using QUndoCommand::QUndoCommand;
    void redo() final;
    void undo() final;
    // The last redo or undo's failure, or empty.
    QString error() const { return m_error; }
    // Called after every redo and undo, so views refresh whichever way a change came.
    void setNotifier(std::function<void()> notify) { m_notify = std::move(notify); }

protected:
    virtual void apply() = 0;
    virtual void revert() = 0;

private:
    QString m_error;
    bool m_done = false;
    std::function<void()> m_notify;
};

// Swaps one text value through a getter and setter (Tiled's ChangeValue
// idea): the old value is read when the command is created.
class ChangeTextCommand : public StoreCommand
{
public:
    ChangeTextCommand(const QString &text, std::function<QString()> get, std::function<void(const QString &)> set,
                      const QString &value);

protected:
    void apply() override { m_set(m_new); }
    void revert() override { m_set(m_old); }

private:
    std::function<void(const QString &)> m_set;
    QString m_old;
    QString m_new;
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

class RemoveNoteCommand : public StoreCommand
{
public:
    RemoveNoteCommand(NoteStore &store, const Note &note);

protected:
    void apply() override { m_store.remove(m_note.id); }
    void revert() override { m_store.add(m_note); }

private:
    NoteStore &m_store;
    Note m_note;
};

class AddEvidenceCommand : public StoreCommand
{
public:
    AddEvidenceCommand(CapabilityStore &store, const EvidenceItem &item, const QByteArray &file);

protected:
    void apply() override;
    void revert() override { m_store.removeEvidence(m_item.id); }

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
    void apply() override { m_store.removeEvidence(m_item.id); }
    void revert() override { m_store.addEvidence(m_item, m_file); }

private:
    CapabilityStore &m_store;
    EvidenceItem m_item;
    QByteArray m_file;
};

// Adds a casework record; undo removes it, redo puts it back with its id.
class AddRecordCommand : public StoreCommand
{
public:
    AddRecordCommand(CaseworkStore &store, const CaseworkTable &table, const QVariantMap &values, const QString &text);
    qint64 recordId() const { return m_values.value(QStringLiteral("id")).toLongLong(); }

protected:
    void apply() override;
    void revert() override { m_store.remove(m_table, recordId()); }

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
    void apply() override { m_store.remove(m_table, m_id); }
    void revert() override { m_store.insert(m_table, m_values); }

private:
    CaseworkStore &m_store;
    const CaseworkTable &m_table;
    qint64 m_id;
    QVariantMap m_values;
};

} // namespace owb
