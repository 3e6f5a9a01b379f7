#include "storecommand.h"

#include "store/database.h"

#include <QCoreApplication>
#include <algorithm>

namespace owb {

void StoreCommand::refuse(bool kept)
{
    if (kept && m_keepRefused && m_keepRefused())
        m_refused = true;  // nothing was written: the session puts the index back
    else
        setObsolete(true);
}

void StoreCommand::redo()
{
    if (m_skipOnce) {
        m_skipOnce = false;
        return;
    }
    m_error.clear();
    m_conflict.reset();
    m_refused = false;
    if (m_skipRedo) {
        m_skipRedo = false;
    } else {
        try {
            apply();
            m_done = true;
        } catch (const StoreConflict &conflict) {
            m_error = conflict.message();
            m_conflict = conflict;
            m_failedUndoing = false;
            setObsolete(true);  // nothing was written: the stack drops the step
        } catch (const StoreRefused &refused) {
            m_error = refused.message();
            setObsolete(true);  // what is stored contradicts it: trying again would not do
        } catch (const StoreError &error) {
            m_error = error.message();
            refuse(m_done);  // a first redo's failure drops the step; a later one's may keep it
        }
    }
    if (m_notify)
        m_notify();
}

void StoreCommand::undo()
{
    if (m_skipOnce) {
        m_skipOnce = false;
        return;
    }
    m_error.clear();
    m_conflict.reset();
    m_refused = false;
    try {
        revert();
    } catch (const StoreConflict &conflict) {
        // Someone else changed the record since this user's step: the undo
        // writes nothing and the step is dropped (their value stands) unless
        // the user keeps theirs (again()).
        m_error = conflict.message();
        m_conflict = conflict;
        m_failedUndoing = true;
        setObsolete(true);
    } catch (const StoreRefused &refused) {
        m_error = refused.message();
        setObsolete(true);
    } catch (const StoreError &error) {
        m_error = error.message();
        refuse(true);
    }
    if (m_notify)
        m_notify();
}

std::unique_ptr<StoreCommand> StoreCommand::again() const
{
    if (!m_conflict || m_conflict->removed())
        return nullptr;
    return redoAgain(m_failedUndoing, m_conflict->storedVersion());
}

ChangeFieldCommand::ChangeFieldCommand(const QString &text, const QString &oldValue, std::optional<qint64> seenVersion,
                                       Setter set, const QString &value, std::function<qint64()> written,
                                       std::function<QString()> current)
    : ChangeFieldCommand(
          text, QStringList{oldValue}, seenVersion,
          [set = std::move(set)](const QStringList &values, qint64 expected) { return set(values.value(0), expected); },
          QStringList{value}, std::move(written),
          current ? std::function<QStringList()>([current = std::move(current)] { return QStringList{current()}; })
                  : std::function<QStringList()>())
{
}

ChangeFieldCommand::ChangeFieldCommand(const QString &text, const QStringList &oldValues,
                                       std::optional<qint64> seenVersion, FieldsSetter set, const QStringList &values,
                                       std::function<qint64()> written, std::function<QStringList()> current)
    : m_set(std::move(set)), m_written(std::move(written)), m_current(std::move(current)), m_old(oldValues),
      m_new(values), m_seen(seenVersion)
{
    setText(text);
}

void ChangeFieldCommand::setValues(const QStringList &values)
{
    for (qsizetype i = 0; i < m_new.size(); ++i)
        m_new[i] = values.value(i);
}

void ChangeFieldCommand::apply()
{
    if (!m_applied && m_current)
        m_old = m_current();
    m_set(m_new, m_applied || !m_seen ? m_written() : *m_seen);
    m_applied = true;
}

std::unique_ptr<ChangeFieldCommand> ChangeFieldCommand::copy(const QStringList &oldValues, std::optional<qint64> seen,
                                                             const QStringList &values) const
{
    auto again = std::make_unique<ChangeFieldCommand>(text(), oldValues, seen, m_set, values, m_written, m_current);
    again->setTargets(m_table, m_id, m_columns);
    return again;
}

std::unique_ptr<StoreCommand> ChangeFieldCommand::redoAgain(bool undoing, std::optional<qint64> over) const
{
    if (!m_current)
        return nullptr;
    return copy(undoing ? m_new : m_old, over, undoing ? m_old : m_new);
}

std::unique_ptr<StoreCommand> ChangeFieldCommand::replay() const
{
    if (!m_current)
        return nullptr;
    return copy(m_old, m_seen, m_new);
}

QList<FieldWrite> ChangeFieldCommand::writes() const
{
    QList<FieldWrite> fields;
    const QStringList stored = m_current ? m_current() : QStringList();
    for (qsizetype i = 0; i < m_columns.size() && i < m_new.size(); ++i)
        if (!m_columns.at(i).isEmpty())
            fields.append(FieldWrite{m_table, m_id, m_columns.at(i), m_new.at(i), stored.value(i)});
    return fields;
}

GroupCommand::GroupCommand(const QString &text, const CaseScope &scope, Remember remember)
    : m_scope(scope), m_remember(std::move(remember))
{
    setText(text);
}

void GroupCommand::run(bool undoing)
{
    const std::function<void()> forget = m_remember();
    const int count = int(m_steps.size());
    int step = -1;
    try {
        Transaction transaction(m_scope);
        for (int i = 0; i < count; ++i) {
            step = undoing ? count - 1 - i : i;
            if (undoing)
                m_steps[step]->revert();
            else
                m_steps[step]->apply();
        }
        transaction.commit();
    } catch (const StoreError &) {
        m_failed = step;
        forget(); // rolled back: the versions the steps noted were never stored
        throw;
    }
}

std::unique_ptr<StoreCommand> GroupCommand::redoAgain(bool undoing, std::optional<qint64> over) const
{
    auto group = std::make_unique<GroupCommand>(text(), m_scope, m_remember);
    const int count = int(m_steps.size());
    for (int i = 0; i < count; ++i) {
        const int step = undoing ? count - 1 - i : i;
        // The step that conflicted writes over what the user was shown; the
        // others where this user's last write left their records.
        auto again = m_steps[step]->redoAgain(undoing, step == m_failed ? over : std::nullopt);
        if (!again)
            return nullptr;
        if (step == m_failed)
            group->m_focus = i;
        group->m_steps.push_back(std::move(again));
    }
    return group;
}

std::unique_ptr<StoreCommand> GroupCommand::replay() const
{
    auto group = std::make_unique<GroupCommand>(text(), m_scope, m_remember);
    for (const auto &step : m_steps) {
        auto again = step->replay();
        if (!again)
            return nullptr;
        group->m_steps.push_back(std::move(again));
    }
    return group;
}

QList<FieldWrite> GroupCommand::writes() const
{
    QList<FieldWrite> all;
    for (const auto &step : m_steps)
        all += step->writes();
    return all;
}

void GroupCommand::setWrite(int index, const QString &value)
{
    for (const auto &step : m_steps) {
        const int count = int(step->writes().size());
        if (index < count) {
            step->setWrite(index, value);
            return;
        }
        index -= count;
    }
}

QStringList GroupCommand::values() const
{
    return m_focus >= 0 ? m_steps[m_focus]->values() : QStringList();
}

void GroupCommand::setValues(const QStringList &values)
{
    if (m_focus >= 0)
        m_steps[m_focus]->setValues(values);
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

RemoveNoteCommand::RemoveNoteCommand(NoteStore &store, const Note &note)
    : m_store(store), m_note(note), m_seenBody(note.body)
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

std::unique_ptr<StoreCommand> RemoveNoteCommand::redoAgain(bool undoing, std::optional<qint64> over) const
{
    if (undoing || !over)
        return nullptr;
    // Deleted anyway: the note as it is now, at the version the conflict met.
    Note now = m_note;
    now.body = m_store.body(m_note.id);
    now.rowVersion = *over;
    auto again = std::make_unique<RemoveNoteCommand>(m_store, now);
    again->m_seenBody = m_seenBody;
    return again;
}

QList<FieldWrite> RemoveNoteCommand::writes() const
{
    const QString stored = m_store.body(m_note.id);
    if (m_seenBody.isNull() || stored == m_seenBody)
        return {};
    return {FieldWrite{QStringLiteral("note"), m_note.id, QStringLiteral("body"), m_seenBody, stored}};
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
    m_seen = m_values;
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

std::unique_ptr<StoreCommand> RemoveRecordCommand::redoAgain(bool undoing, std::optional<qint64> over) const
{
    if (undoing || !over)
        return nullptr;
    // Deleted anyway: over the record as it is now (its undo puts that back).
    auto again = std::make_unique<RemoveRecordCommand>(m_store, m_table, m_id, text());
    again->m_values.insert(QStringLiteral("row_version"), *over);
    again->m_seen = m_seen;
    return again;
}

QList<FieldWrite> RemoveRecordCommand::writes() const
{
    // The fields someone else changed: as this user saw them, and as stored now.
    QList<FieldWrite> fields;
    if (m_seen.isEmpty())
        return fields;
    const QVariantMap now = m_store.record(m_table, m_id);
    for (const QString &column : m_table.columns)
        if (now.contains(column) && now.value(column).toString() != m_seen.value(column).toString())
            fields.append(FieldWrite{m_table.name, m_id, column, m_seen.value(column).toString(), now.value(column).toString()});
    return fields;
}

} // namespace owb
