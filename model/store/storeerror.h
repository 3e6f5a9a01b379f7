#pragma once
// The one exception the store throws: a message for the user that names the
// file and what went wrong. Transactions roll back as it unwinds.

#include <QString>
#include <QStringList>
#include <stdexcept>

namespace owb {

class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const QString &message)
        : std::runtime_error(message.toStdString()), m_message(message)
    {
    }
    QString message() const { return m_message; }

private:
    QString m_message;
};

// A team workspace's server refused the password (or wanted one and had
// none): the caller may ask for it again.
class ServerPasswordRefused : public StoreError
{
public:
    using StoreError::StoreError;
};

// A statement on a team workspace's server refused because the connection
// was lost (the server restarted, the network dropped, an administrator
// ended the session): nothing was changed; reconnecting brings it back.
class ServerConnectionLost : public StoreError
{
public:
    using StoreError::StoreError;
};

// A team workspace's server no longer lets this account use the workspace
// (its role revoked): reconnecting cannot help until the administrator
// grants a role again; the message names the roles to ask for.
class ServerAccessRefused : public StoreError
{
public:
    using StoreError::StoreError;
};

// A lost connection to a team workspace's server reopened as another role
// than the one that made the changes so far: refused (the audit trail's
// author never changes under a person).
class ServerRoleChanged : public StoreError
{
public:
    using StoreError::StoreError;
};

// A write refused for good because what is stored now contradicts it
// (a second decision for a quarter someone else has decided meanwhile): an
// undo or redo refused so is dropped, not kept to be tried again.
class StoreRefused : public StoreError
{
public:
    using StoreError::StoreError;
};

} // namespace owb

namespace owb {

// A save (or an undo) of a record that someone else changed or removed
// since this user read it: its row_version is no longer the one this user
// saw, so nothing was written. Carries what the user expected and what is
// stored now, for the message and a later field-by-field dialog.
class StoreConflict : public StoreError
{
public:
    StoreConflict(const QString &message, const QString &table, qint64 id, const QStringList &columns,
                  const QString &expected, const QString &stored, bool removed, qint64 storedVersion = 0)
        : StoreError(message), m_table(table), m_id(id), m_columns(columns), m_expected(expected), m_stored(stored),
          m_removed(removed), m_storedVersion(storedVersion)
    {
    }
    QString table() const { return m_table; }
    qint64 id() const { return m_id; }  // 0 for a record keyed otherwise (a capability year and area)
    QStringList columns() const { return m_columns; }
    QString expected() const { return m_expected; }  // the value this user saw
    QString stored() const { return m_stored; }  // the value stored now
    bool removed() const { return m_removed; }  // the record is gone
    // The row version of the value stored now: saving over exactly what the
    // user was shown writes at this version (a later change conflicts again).
    qint64 storedVersion() const { return m_storedVersion; }

private:
    QString m_table;
    qint64 m_id;
    QStringList m_columns;
    QString m_expected;
    QString m_stored;
    bool m_removed;
    qint64 m_storedVersion;
};

} // namespace owb
