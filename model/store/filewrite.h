#pragma once

#include <QByteArray>
#include <QString>

namespace owb {

// Writes `bytes` to `path` as a whole or not at all: into a temporary file
// beside it, every write and the final flush checked, the size read back,
// then renamed over `path`. On failure the temporary file is removed, `path`
// is as it was, and a StoreError says why in plain words ("the disk is full"
// when it is).
void writeFileWhole(const QString &path, const QByteArray &bytes);

} // namespace owb
