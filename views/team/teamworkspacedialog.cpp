#include "teamworkspacedialog.h"

#include "store/storeerror.h"
#include "store/workspace.h"
#include "teamconnection.h"


#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace owb {

namespace {

const QString kSslMode = QStringLiteral("sslmode");
const QString kRootCert = QStringLiteral("sslrootcert");
const QString kDefaultMode = QStringLiteral("prefer");  // libpq's own default

QLineEdit *field(const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setAccessibleName(accessibleName);
    return edit;
}

} // namespace

TeamWorkspaceDialog::TeamWorkspaceDialog(const ServerAddress &initial, Connector connector, QWidget *parent)
    : QDialog(parent),
      m_connector(std::move(connector)),
      m_host(field(tr("Server"), this)),
      m_port(field(tr("Port"), this)),
      m_database(field(tr("Database"), this)),
      m_user(field(tr("User"), this)),
      m_sslMode(new QComboBox(this)),
      m_certificate(field(tr("CA certificate"), this)),
      m_browse(new QPushButton(tr("&Browse..."), this)),
      m_password(field(tr("Password"), this)),
      m_remember(new QCheckBox(tr("Re&member in the keyring"), this)),
      m_problem(new QLabel(this))
{
    setWindowTitle(tr("Open Team Workspace"));
    auto *intro = new QLabel(tr("A team workspace is held on a PostgreSQL server: everyone in the team works in it at "
                                "the same time, each with their own account."),
                             this);
    intro->setWordWrap(true);

    m_host->setPlaceholderText(tr("db.region.example"));
    m_host->setText(initial.host);
    m_port->setText(QString::number(initial.port));
    m_port->setMaxLength(5);
    m_database->setText(initial.database);
    m_user->setText(initial.user);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("empty: your ~/.pgpass or Kerberos sign-in"));

    m_sslMode->setAccessibleName(tr("TLS"));
    const QList<std::pair<QString, QString>> modes = {
        {kDefaultMode, tr("When the server offers it (prefer)")},
        {QStringLiteral("require"), tr("Always, without checking the server (require)")},
        {QStringLiteral("verify-ca"), tr("Always, checking the server's certificate (verify-ca)")},
        {QStringLiteral("verify-full"), tr("Always, checking the certificate and the name (verify-full)")},
        {QStringLiteral("disable"), tr("Never (disable)")},
        {QStringLiteral("allow"), tr("When the server insists (allow)")},
    };
    for (const auto &[mode, label] : modes)
        m_sslMode->addItem(label, mode);
    m_sslMode->setCurrentIndex(qMax(0, m_sslMode->findData(initial.options.value(kSslMode, kDefaultMode))));
    m_certificate->setText(initial.options.value(kRootCert));
    m_certificate->setPlaceholderText(tr("the certificate file of the authority that signed the server's"));
    m_browse->setAccessibleName(tr("Browse for the CA certificate"));
    connect(m_browse, &QPushButton::clicked, this, &TeamWorkspaceDialog::chooseCertificate);
    connect(m_sslMode, &QComboBox::currentIndexChanged, this, &TeamWorkspaceDialog::updateCertificate);
    m_remember->setAccessibleName(tr("Remember the password in the keyring"));

    m_problem->setObjectName(QStringLiteral("problem"));  // read by screen readers as its text
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QPalette palette = m_problem->palette();
    palette.setColor(QPalette::WindowText, QColor(0xa0, 0x10, 0x10));
    m_problem->setPalette(palette);
    m_problem->hide();

    auto *form = new QFormLayout;
    const auto row = [&](const QString &label, QWidget *widget) {
        auto *text = new QLabel(label, this);
        text->setBuddy(widget);
        form->addRow(text, widget);
    };
    row(tr("&Server:"), m_host);
    row(tr("P&ort:"), m_port);
    row(tr("&Database:"), m_database);
    row(tr("&User:"), m_user);
    row(tr("&TLS:"), m_sslMode);
    auto *certificate = new QHBoxLayout;
    certificate->addWidget(m_certificate, 1);
    certificate->addWidget(m_browse);
    auto *certificateLabel = new QLabel(tr("&CA certificate:"), this);
    certificateLabel->setBuddy(m_certificate);
    form->addRow(certificateLabel, certificate);
    row(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *connectButton = buttons->addButton(tr("Co&nnect"), QDialogButtonBox::AcceptRole);
    connectButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    const QList<QWidget *> order{m_host, m_port, m_database, m_user, m_sslMode, m_certificate, m_browse, m_password,
                                 m_remember};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    updateCertificate();
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
    (m_host->text().isEmpty() ? m_host : m_password)->setFocus();
}

void TeamWorkspaceDialog::updateCertificate()
{
    // A certificate authority matters only where the server's certificate is checked.
    const bool checks = m_sslMode->currentData().toString().startsWith(QLatin1String("verify"));
    m_certificate->setEnabled(checks);
    m_browse->setEnabled(checks);
}

void TeamWorkspaceDialog::chooseCertificate()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("CA Certificate"), m_certificate->text(),
                                                      tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
    if (!path.isEmpty())
        m_certificate->setText(QDir::toNativeSeparators(path));
}

ServerAddress TeamWorkspaceDialog::address() const
{
    ServerAddress server;
    server.host = m_host->text().trimmed();
    server.port = m_port->text().trimmed().toInt();
    server.database = m_database->text().trimmed();
    server.user = m_user->text().trimmed();
    const QString mode = m_sslMode->currentData().toString();
    if (mode != kDefaultMode)
        server.options.insert(kSslMode, mode);
    if (m_certificate->isEnabled() && !m_certificate->text().trimmed().isEmpty())
        server.options.insert(kRootCert, QDir::fromNativeSeparators(m_certificate->text().trimmed()));
    return server;
}

QString TeamWorkspaceDialog::password() const
{
    return m_password->text();
}

bool TeamWorkspaceDialog::rememberPassword() const
{
    return m_remember->isChecked();
}

void TeamWorkspaceDialog::setRememberPassword(bool remember)
{
    m_remember->setChecked(remember);
}

void TeamWorkspaceDialog::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

QString TeamWorkspaceDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

QString TeamWorkspaceDialog::validate()
{
    QStringList problems;
    QLineEdit *first = nullptr;
    const auto need = [&](QLineEdit *edit, const QString &problem) {
        problems.append(problem);
        if (!first)
            first = edit;
    };
    if (m_host->text().trimmed().isEmpty())
        need(m_host, tr("Enter the server's name or address."));
    bool number = false;
    const int port = m_port->text().trimmed().toInt(&number);
    if (!number || port < 1 || port > 65535)
        need(m_port, tr("The port is a number from 1 to 65535 (PostgreSQL's usual one is 5432)."));
    if (m_database->text().trimmed().isEmpty())
        need(m_database, tr("Enter the name of the team workspace's database."));
    if (m_user->text().trimmed().isEmpty())
        need(m_user, tr("Enter your account on the server."));
    const QString certificate = m_certificate->text().trimmed();
    if (m_certificate->isEnabled() && !certificate.isEmpty() && !QFileInfo(certificate).isFile())
        need(m_certificate, tr("There is no certificate file %1.").arg(certificate));
    if (first)
        first->setFocus();
    return problems.join(QLatin1Char('\n'));
}

void TeamWorkspaceDialog::accept()
{
    QString problem = validate();
    if (problem.isEmpty() && m_connector) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        problem = m_connector(address(), password());
        QApplication::restoreOverrideCursor();
        if (!problem.isEmpty())
            m_password->setFocus();
    }
    showProblem(problem);
    if (problem.isEmpty())
        QDialog::accept();
}

ServerAddress lastTeamWorkspace(const QStringList &recent)
{
    for (const QString &entry : recent) {
        if (isServerUrl(entry)) {
            try {
                return parseServerUrl(entry);
            } catch (const StoreError &) {
            }
            break;
        }
    }
    return {};
}

std::unique_ptr<Workspace> askAndOpenTeamWorkspace(QWidget *parent, const ServerAddress &server,
                                                   const QString &problem, QString *password, bool *remember)
{
    std::unique_ptr<Workspace> opened;
    TeamWorkspaceDialog dialog(server,
                               [&opened](const ServerAddress &address, const QString &typed) {
                                   try {
                                       opened = openTeamWorkspace(address, typed);
                                   } catch (const StoreError &error) {
                                       return error.message();
                                   }
                                   return QString();
                               },
                               parent);
    dialog.setRememberPassword(QSettings().value(QStringLiteral("team/rememberPassword"), true).toBool());
    dialog.showProblem(problem);
    if (dialog.exec() != QDialog::Accepted || !opened)
        return {};
    QSettings().setValue(QStringLiteral("team/rememberPassword"), dialog.rememberPassword());
    *password = dialog.password();
    *remember = dialog.rememberPassword();
    return opened;
}

} // namespace owb
