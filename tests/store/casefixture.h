#pragma once
// A fresh copy of the version-1 case file fixture for each test function,
// in a folder of the test's own.

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace owbtest {

struct VersionOneCase
{
    QTemporaryDir dir;
    QString path;

    // Call from init(): puts back an untouched copy at `path`.
    void reset()
    {
        QVERIFY(dir.isValid());
        path = dir.filePath(QStringLiteral("RA1.owcase"));
        QFile::remove(path);
        QVERIFY(QFile::copy(QStringLiteral(OWB_TEST_DATA "/fixtures/casefile-v1.owcase"), path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
};

} // namespace owbtest
