#pragma once
// File > Open Team Workspace...: where the team workspace is (server, port,
// database, user, TLS) and the password, checked in place before anything is
// sent, then tried: a connection that fails says why in the dialog and keeps
// what was typed. The password is never part of the address.

#include "store/serveraddress.h"

#include <QDialog>
#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace owb {

class Workspace;

class TeamWorkspaceDialog : public QDialog
{
    Q_OBJECT
public:
    // Tries an address and password: empty when connected, else why not.
    using Connector = std::function<QString(const ServerAddress &server, const QString &password)>;

    TeamWorkspaceDialog(const ServerAddress &initial, Connector connector, QWidget *parent = nullptr);

    // The address as typed (valid once accepted), without the password.
    ServerAddress address() const;
    QString password() const;
    bool rememberPassword() const;
    void setRememberPassword(bool remember);
    // Shows a problem found before the dialog opened (a remembered password
    // the server refused) and puts the focus on the password.
    void showProblem(const QString &problem);
    QString problem() const;

    void accept() override;

private:
    // What is wrong with the fields, in plain words; focuses the first one.
    QString validate();
    void updateCertificate();
    void chooseCertificate();

    Connector m_connector;
    QLineEdit *m_host;
    QLineEdit *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QComboBox *m_sslMode;
    QLineEdit *m_certificate;
    QPushButton *m_browse;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_problem;
};

// The first team workspace in a recent list (URLs and folders), or an empty address.
ServerAddress lastTeamWorkspace(const QStringList &recent);

// Runs the dialog filled in with `server` (`problem`: shown at once, e.g. a
// remembered password the server refused) until a team workspace opens or
// the user cancels (null). The choice to remember the password is itself
// remembered; *password and *remember say what was typed and chosen.
std::unique_ptr<Workspace> askAndOpenTeamWorkspace(QWidget *parent, const ServerAddress &server,
                                                   const QString &problem, QString *password, bool *remember);

} // namespace owb
