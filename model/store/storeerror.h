#pragma once
// The one exception the store throws: a message for the user that names the
// file and what went wrong. Transactions roll back as it unwinds.

#include <QString>
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

} // namespace owb
