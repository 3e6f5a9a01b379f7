#pragma once
// What the owb suites share: run the real binary (or another program) and
// read what it said, write an input file, and fingerprint a folder to prove
// that bad input changed nothing.

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>

namespace owbtest {

struct Run
{
    int exitCode = -1; // -1: the program crashed
    QString out;
    QString err;
};

inline Run run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(300000))
        qFatal("%s did not finish", qPrintable(program));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

inline Run owb(const QStringList &arguments)
{
    return run(QStringLiteral(OWB_BIN), arguments);
}

inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write test file");
    file.write(bytes);
    return path;
}

// Names and contents of every file under a folder.
inline QMap<QString, QByteArray> snapshot(const QString &directory)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        files.insert(QDir(directory).relativeFilePath(path),
                     QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return files;
}

// National data of three trusts over two quarters, with a gap, a deficit and
// a metric of another year.
inline const QByteArray kData = "quarter,org_code,org_name,org_type,metric_id,value,region\n"
                                "2025/26 Q1,RA1,Alpha,acute,OF0023,60,Midlands\n"
                                "2025/26 Q1,RA2,Beta,acute,OF0023,55,London\n"
                                "2025/26 Q1,RA2,Beta,acute,OF0088,31.5,London\n"
                                "2025/26 Q1,RA3,Gamma,acute,OF0023,,Midlands\n"
                                "2025/26 Q1,RA3,Gamma,acute,DEFICIT,yes,Midlands\n"
                                "2025/26 Q2,RA1,Alpha,acute,OF0023,50,Midlands\n"
                                "2025/26 Q2,RA2,Beta,acute,OF0023,58,London\n"
                                "2025/26 Q2,RA9,Nine,acute,OF1023,2.1,London\n";

} // namespace owbtest
