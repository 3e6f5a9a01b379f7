#pragma once
// What the window tests share: one temporary folder per test executable
// holding the demo workspace ("demo", made once; tests that edit it leave it
// changed) and an untouched second one ("pristine") that private copies come
// from; and a check that a grab of the window shows something drawn.
// Header-only: each test executable includes it once.

#include "demo/demoworkspace.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QSet>
#include <QString>
#include <QTemporaryDir>

namespace owbtest {

// True when an image has more than a handful of distinct colours.
inline bool looksRendered(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    return colours.size() > 8;
}

class DemoFolder
{
public:
    // Makes "demo" and "pristine"; false when the temporary folder cannot be made.
    bool create()
    {
        if (!m_dir.isValid())
            return false;
        owb::createDemoWorkspace(filePath(QStringLiteral("demo")));
        owb::createDemoWorkspace(filePath(QStringLiteral("pristine")));
        return true;
    }

    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // A private copy of the demo workspace's files, as the demo makes them.
    QString copyOfDemo(const QString &name) const
    {
        const QDir demo(m_dir.filePath(QStringLiteral("pristine")));
        const QString copy = m_dir.filePath(name);
        QDir().mkpath(copy);
        for (const QString &file : demo.entryList(QDir::Files))
            QFile::copy(demo.filePath(file), QDir(copy).filePath(file));
        return copy;
    }

private:
    QTemporaryDir m_dir;
};

} // namespace owbtest
