#include "teamcredentials.h"

#include "store/serveraddress.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <qt6keychain/keychain.h>

namespace owb {

namespace {

const QString kService = QStringLiteral("Oversight Workbench team workspaces");

// Runs a keychain job to its end (the keyring answers over D-Bus).
void run(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

QString reasonOf(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return QCoreApplication::translate("owb::TeamCredentials", "the keyring holds no password for it");
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return QCoreApplication::translate("owb::TeamCredentials", "the keyring refused access (it may be locked)");
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return QCoreApplication::translate("owb::TeamCredentials",
                                           "no keyring service is running on this desktop (such as GNOME Keyring or "
                                           "KWallet)");
    default:
        return QCoreApplication::translate("owb::TeamCredentials", "the keyring could not be used (%1)")
            .arg(job.errorString());
    }
}

bool finish(const QKeychain::Job &job, QString *problem)
{
    if (problem)
        *problem = reasonOf(job);
    return job.error() == QKeychain::NoError;
}

} // namespace

QString TeamCredentials::key(const ServerAddress &server)
{
    return QStringLiteral("%1@%2:%3/%4").arg(server.user, server.host).arg(server.port).arg(server.database);
}

bool TeamCredentials::read(const ServerAddress &server, QString *password, QString *problem)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setInsecureFallback(false);  // never a plain-text file
    job.setKey(key(server));
    run(job);
    if (!finish(job, problem))
        return false;
    *password = job.textData();
    return true;
}

bool TeamCredentials::store(const ServerAddress &server, const QString &password, QString *problem)
{
    QKeychain::WritePasswordJob job(kService);
    job.setInsecureFallback(false);
    job.setKey(key(server));
    job.setTextData(password);
    run(job);
    return finish(job, problem);
}

bool TeamCredentials::forget(const ServerAddress &server, QString *problem)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setInsecureFallback(false);
    job.setKey(key(server));
    run(job);
    if (job.error() == QKeychain::EntryNotFound) {
        if (problem)
            problem->clear();
        return true;
    }
    return finish(job, problem);
}

} // namespace owb
