#include "storecommand.h"

#include <QCoreApplication>

namespace owb {

void StoreCommand::redo()
{
    m_error.clear();
    try {
        apply();
        m_done = true;
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
    try {
        revert();
    } catch (const StoreError &error) {
        m_error = error.message();
    }
    if (m_notify)
        m_notify();
}

ChangeTextCommand::ChangeTextCommand(const QString &text, std::function<QString()> get,
                                     std::function<void(const QString &)> set, const QString &value)
    : m_set(std::move(set)), m_old(get()), m_new(value)
{
    setText(text);
}

AddNoteCommand::AddNoteCommand(NoteStore &store, const Note &note) : m_store(store), m_note(note)
{
    setText(QCoreApplication::translate("owb::Commands", "Add note"));
}

void AddNoteCommand::apply()
{
    // The first redo assigns the id; a redo after undo reuses it.
    m_note.id = m_store.add(m_note);
}

void AddNoteCommand::revert()
{
    m_store.remove(m_note.id);
}

RemoveNoteCommand::RemoveNoteCommand(NoteStore &store, const Note &note) : m_store(store), m_note(note)
{
    setText(QCoreApplication::translate("owb::Commands", "Delete note"));
}

AddEvidenceCommand::AddEvidenceCommand(CapabilityStore &store, const EvidenceItem &item, const QByteArray &file)
    : m_store(store), m_item(item), m_file(file)
{
    setText(QCoreApplication::translate("owb::Commands", "Add evidence \"%1\"").arg(item.title));
}

void AddEvidenceCommand::apply()
{
    m_item.id = m_store.addEvidence(m_item, m_file);
}

RemoveEvidenceCommand::RemoveEvidenceCommand(CapabilityStore &store, const EvidenceItem &item)
    : m_store(store), m_item(item), m_file(store.evidenceFile(item.id))
{
    setText(QCoreApplication::translate("owb::Commands", "Delete evidence \"%1\"").arg(item.title));
}

AddRecordCommand::AddRecordCommand(CaseworkStore &store, const CaseworkTable &table, const QVariantMap &values,
                                   const QString &text)
    : m_store(store), m_table(table), m_values(values)
{
    setText(text);
}

void AddRecordCommand::apply()
{
    m_values.insert(QStringLiteral("id"), m_store.insert(m_table, m_values));
}

RemoveRecordCommand::RemoveRecordCommand(CaseworkStore &store, const CaseworkTable &table, qint64 id, const QString &text)
    : m_store(store), m_table(table), m_id(id), m_values(store.record(table, id))
{
    setText(text);
}

} // namespace owb
