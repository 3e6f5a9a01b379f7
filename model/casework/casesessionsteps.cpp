// CaseSession (casesession.h): the undo stack's side. Pushing a step, undo
// and redo, a conflict met and how it is resolved (Keep Mine, Take Theirs),
// and groups of edits written as one step. The edits themselves are
// casesession.cpp.
#include "casesession.h"
#include "guarded.h"
#include "trajectory.h"

#include "commands/storecommand.h"
#include "data/quarterlabel.h"
#include "data/textlimits.h"
#include "store/auditlog.h"

#include <QDate>
#include <QDateTime>
#include <algorithm>

namespace owb {

QString CaseSession::push(StoreCommand *command, void (CaseSession::*changed)())
{
    // The first redo happens inside push(); its failure is returned to the
    // caller. Later undo/redo failures are signalled.
    if (m_readOnly) {
        delete command;
        const QString refused
            = m_readOnlyWhy.isEmpty()
                  ? tr("%1: open read-only (another instance holds the workspace), so nothing was changed.")
                        .arg(m_caseFile->path())
                  : tr("Nothing was changed in case %1. %2").arg(m_identity.code, m_readOnlyWhy);
        if (m_groupDepth > 0 && m_groupError.isEmpty())
            m_groupError = refused;
        return refused;
    }
    if (m_groupDepth > 0) {
        // A step of the open group, written now in its transaction.
        std::unique_ptr<StoreCommand> step(command);
        if (!m_groupError.isEmpty() && !m_groupKeepable)
            return m_groupError;
        if (!m_groupChanged)
            m_groupChanged = changed;
        step->redo();
        m_lastConflict = step->conflict();
        m_again.reset();
        if (!step->error().isEmpty()) {
            // The first conflict: the rest of the group runs over the stored
            // version, inside the transaction endGroup rolls back, so that
            // Keep Mine can write the whole group and the dialog show it.
            if (step->conflict() && !m_groupConflict && m_groupTransaction) {
                m_groupConflict = step->conflict();
                if (auto again = step->again()) {
                    again->redo();
                    if (again->error().isEmpty()) {
                        m_groupKeepable = true;
                        m_groupError = step->error();
                        m_group->add(std::move(again));
                        return {};
                    }
                }
            }
            m_groupKeepable = false;
            if (m_groupError.isEmpty())
                m_groupError = step->error();
            return m_groupError;
        }
        m_group->add(std::move(step));
        return {};
    }
    auto pushing = std::make_shared<bool>(true);
    auto firstError = std::make_shared<QString>();
    command->setKeepRefused([this] { return m_stepping; });
    command->setNotifier([this, command, changed, pushing, firstError] {
        m_lastConflict = command->conflict();
        m_again = m_lastConflict ? command->again() : nullptr;
        m_againChanged = changed;
        QString error = command->error();
        m_stepError = error;
        try {
            readAgain();  // what the views show next is read after the change
            Q_EMIT(this->*changed)();
        } catch (const StoreError &failed) {
            // The views could not read the case again (the connection to a
            // team workspace lost): said once, never thrown through the
            // undo stack or the view that asked for the change.
            // An edit that was written is not refused: the problem is shown
            // once the stack has finished with the step.
            if (error.isEmpty())
                Q_EMIT storeFailed(failed.message());
        }
        if (*pushing)
            *firstError = error;
        else if (!error.isEmpty())
            Q_EMIT storeFailed(error);
    });
    m_undo.push(command);  // an obsolete (failed) command is deleted here
    *pushing = false;
    return *firstError;
}

QString CaseSession::undo()
{
    return step(true);
}

QString CaseSession::redo()
{
    return step(false);
}

QString CaseSession::step(bool undoing)
{
    const int before = m_undo.index();
    const int count = m_undo.count();
    const int at = undoing ? before - 1 : before;
    if (at < 0 || at >= count)
        return {};
    // Every command on the stack is pushed by push().
    auto *command = const_cast<StoreCommand *>(static_cast<const StoreCommand *>(m_undo.command(at)));
    m_stepError.clear();
    m_stepping = true;
    if (undoing)
        m_undo.undo();
    else
        m_undo.redo();
    m_stepping = false;
    // Refused without a conflict: nothing was written, but the stack has
    // moved past the step; moved back without writing (or saying) anything,
    // the stack is as it was and the step can be tried again.
    if (m_undo.count() == count && command->refused()) {
        command->skipOnce();
        m_undo.setIndex(before);
    }
    return m_stepError;
}

QStringList CaseSession::conflictMine() const
{
    QStringList mine;
    for (const FieldWrite &field : conflictFields())
        mine.append(field.value);
    return mine;
}

QList<FieldWrite> CaseSession::conflictFields() const
{
    if (!m_lastConflict)
        return {};
    const StoreConflict &conflict = *m_lastConflict;
    QList<FieldWrite> fields;
    if (m_again)
        for (const FieldWrite &field : m_again->writes())
            if (field.table == conflict.table() && field.id == conflict.id())
                fields.append(field);
    if (!fields.isEmpty())
        return fields;
    const QStringList mine = m_again ? m_again->values() : QStringList();
    const QStringList columns = conflict.columns();
    for (int i = 0; i < columns.size(); ++i)
        fields.append({conflict.table(), conflict.id(), columns.at(i), mine.value(i), conflict.stored()});
    return fields;
}

QString CaseSession::keepMine(const QStringList &mine)
{
    return guarded([&]() -> QString {
        if (!m_again)
            return tr("%1: there is no change of yours left to save.").arg(m_caseFile->path());
        // Only the fields the dialog showed take the user's values; the rest of
        // a group's fields stay as this user's step wrote them.
        const QList<FieldWrite> writes = m_again->writes();
        int shown = 0;
        for (int i = 0; i < writes.size(); ++i)
            if (writes.at(i).table == m_lastConflict->table() && writes.at(i).id == m_lastConflict->id()
                && shown < mine.size())
                m_again->setWrite(i, mine.at(shown++));
        if (shown == 0)
            m_again->setValues(mine);
        return push(m_again.release(), m_againChanged);
    });
}

bool CaseSession::conflictRemoves() const
{
    return m_again && m_again->removes();
}

void CaseSession::takeTheirs()
{
    m_again.reset();
    m_lastConflict.reset();
}

std::function<std::function<void()>()> CaseSession::rememberStores()
{
    return [this] {
        const auto capability = m_capability.memory();
        const auto notes = m_notes.memory();
        const auto casework = m_casework.memory();
        return std::function<void()>([this, capability, notes, casework] {
            m_capability.restore(capability);
            m_notes.restore(notes);
            m_casework.restore(casework);
        });
    };
}

void CaseSession::beginGroup(const QString &text)
{
    if (m_groupDepth++ > 0)
        return;  // inside another group: one step
    m_groupError.clear();
    m_groupConflict.reset();
    m_groupKeepable = false;
    m_groupChanged = nullptr;
    m_group = std::make_unique<GroupCommand>(text, m_caseFile->scope(), rememberStores());
    m_groupForget = rememberStores()();
    holdReads(false);  // the group's steps check what its transaction sees
    if (m_readOnly)
        return;  // every edit is refused
    try {
        m_groupTransaction = std::make_unique<Transaction>(m_caseFile->scope());
    } catch (const StoreError &error) {
        m_groupError = error.message();
    }
}

QString CaseSession::endGroup(const QString &error)
{
    if (m_groupError.isEmpty())
        m_groupError = error;  // refused before it reached the store: the group goes too
    else if (!error.isEmpty() && error != m_groupError)
        m_groupKeepable = false;  // a step refused after a conflict: the group cannot be kept whole
    if (m_groupDepth == 0 || --m_groupDepth > 0)
        return m_groupError;
    holdReads(true);
    std::unique_ptr<GroupCommand> group = std::move(m_group);
    std::unique_ptr<Transaction> transaction = std::move(m_groupTransaction);
    QString failure = m_groupError;
    if (m_groupConflict) {
        // Nothing of it is stored; the user may keep theirs: the whole
        // group again, the conflicting record over the version it met.
        transaction.reset();
        m_groupForget();
        m_lastConflict = m_groupConflict;
        m_again = m_groupKeepable ? group->replay() : nullptr;
        m_againChanged = m_groupChanged;
        m_groupConflict.reset();
        m_groupKeepable = false;
        readAgain();
        if (m_groupChanged)
            Q_EMIT(this->*m_groupChanged)();
        return failure;
    }
    if (failure.isEmpty() && transaction && !group->isEmpty()) {
        try {
            transaction->commit();
        } catch (const StoreError &failed) {
            failure = failed.message();
        }
    }
    transaction.reset();  // rolls back unless committed
    if (!failure.isEmpty() || group->isEmpty()) {
        m_groupForget();  // nothing of it was stored
        readAgain();
        if (m_groupChanged)
            Q_EMIT(this->*m_groupChanged)();
        return failure;
    }
    group->markApplied();
    return push(group.release(), m_groupChanged);
}

} // namespace owb
