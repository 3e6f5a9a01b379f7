#include "storecommand.h"

#include <QCoreApplication>
#include <algorithm>

namespace owb {

void StoreCommand::redo()
{
    m_error.clear();
    m_conflict.reset();
    try {
        apply();
        m_done = true;
    } catch (const StoreConflict &conflict) {
        m_error = conflict.message();
        m_conflict = conflict;
        if (!m_done)
            setObsolete(true);
    } catch (const StoreError &error) {
        m_error = error.message();
        if (!m_done)
            setObsolete(true);  // never applied: the stack discards it
    }
    if (m_notify)
        m_notify();
}

void StoreCommand::undo()
{
    m_error.clear();
    m_conflict.reset();
    try {
        revert();
    } catch (const StoreConflict &conflict) {
        m_error = conflict.message();
        m_conflict = conflict;
    } catch (const StoreError &error) {
        m_error = error.message();
    }
    if (m_notify)
        m_notify();
}

ChangeFieldCommand::ChangeFieldCommand(const QString &text, const QString &oldValue, qint64 seenVersion, Setter set,
                                       const QString &value, std::function<qint64()> written)
    : m_set(std::move(set)), m_written(std::move(written)), m_old(oldValue), m_new(value), m_seen(seenVersion)
{
    setText(text);
}

void ChangeFieldCommand::apply()
{
    m_set(m_new, m_applied ? m_written() : m_seen);
    m_applied = true;
}

// Adding and removing: a record put back by an undo (or redo) gets the next
// row version, so a save by anyone who saw it before it was removed conflicts.

AddNoteCommand::AddNoteCommand(NoteStore &store, const Note &note) : m_store(store), m_note(note)
{
    setText(QCoreApplication::translate("owb::Commands", "Add note"));
}

void AddNoteCommand::apply()
{
    // The first redo assigns the id; a redo after undo reuses it.
    m_note.rowVersion = std::max<qint64>(1, m_note.rowVersion);
    m_note.id = m_store.add(m_note);
}

void AddNoteCommand::revert()
{
    const qint64 version = m_store.writtenVersion(m_note.id);
    m_store.remove(m_note.id, version);
    m_note.rowVersion = version + 1;
}

RemoveNoteCommand::RemoveNoteCommand(NoteStore &store, const Note &note) : m_store(store), m_note(note)
{
    setText(QCoreApplication::translate("owb::Commands", "Delete note"));
    if (m_note.rowVersion <= 0)
        m_note.rowVersion = m_store.seenVersion(m_note.id);
}

void RemoveNoteCommand::apply()
{
    const qint64 version = m_applied ? m_store.writtenVersion(m_note.id) : m_note.rowVersion;
    m_store.remove(m_note.id, version);
    m_note.rowVersion = version + 1;
    m_applied = true;
}

void RemoveNoteCommand::revert()
{
    m_store.add(m_note);
}

AddEvidenceCommand::AddEvidenceCommand(CapabilityStore &store, const EvidenceItem &item, const QByteArray &file)
    : m_store(store), m_item(item), m_file(file)
{
    setText(QCoreApplication::translate("owb::Commands", "Add evidence \"%1\"").arg(item.title));
}

void AddEvidenceCommand::apply()
{
    m_item.rowVersion = std::max<qint64>(1, m_item.rowVersion);
    m_item.id = m_store.addEvidence(m_item, m_file);
}

void AddEvidenceCommand::revert()
{
    const qint64 version = m_store.writtenEvidenceVersion(m_item.id);
    m_store.removeEvidence(m_item.id, version);
    m_item.rowVersion = version + 1;
}

RemoveEvidenceCommand::RemoveEvidenceCommand(CapabilityStore &store, const EvidenceItem &item)
    : m_store(store), m_item(item), m_file(store.evidenceFile(item.id))
{
    setText(QCoreApplication::translate("owb::Commands", "Delete evidence \"%1\"").arg(item.title));
    if (m_item.rowVersion <= 0)
        for (const EvidenceItem &stored : m_store.evidence(item.year))
            if (stored.id == item.id)
                m_item.rowVersion = stored.rowVersion;
}

void RemoveEvidenceCommand::apply()
{
    const qint64 version = m_applied ? m_store.writtenEvidenceVersion(m_item.id) : m_item.rowVersion;
    m_store.removeEvidence(m_item.id, version);
    m_item.rowVersion = version + 1;
    m_applied = true;
}

void RemoveEvidenceCommand::revert()
{
    m_store.addEvidence(m_item, m_file);
}

AddRecordCommand::AddRecordCommand(CaseworkStore &store, const CaseworkTable &table, const QVariantMap &values,
                                   const QString &text)
    : m_store(store), m_table(table), m_values(values)
{
    setText(text);
}

void AddRecordCommand::apply()
{
    m_values.insert(QStringLiteral("row_version"), std::max<qint64>(1, m_values.value(QStringLiteral("row_version")).toLongLong()));
    m_values.insert(QStringLiteral("id"), m_store.insert(m_table, m_values));
}

void AddRecordCommand::revert()
{
    const qint64 version = m_store.writtenVersion(m_table, recordId());
    m_store.remove(m_table, recordId(), version);
    m_values.insert(QStringLiteral("row_version"), version + 1);
}

RemoveRecordCommand::RemoveRecordCommand(CaseworkStore &store, const CaseworkTable &table, qint64 id, const QString &text)
    : m_store(store), m_table(table), m_id(id)
{
    setText(text);
    // The version this user saw, before reading the record again for undo.
    const qint64 seen = store.seenVersion(table, id);
    m_values = store.record(table, id);
    m_values.insert(QStringLiteral("row_version"), seen);
}

void RemoveRecordCommand::apply()
{
    const qint64 version = m_applied ? m_store.writtenVersion(m_table, m_id)
                                     : m_values.value(QStringLiteral("row_version")).toLongLong();
    m_store.remove(m_table, m_id, version);
    m_values.insert(QStringLiteral("row_version"), version + 1);
    m_applied = true;
}

void RemoveRecordCommand::revert()
{
    m_store.insert(m_table, m_values);
}

} // namespace owb
