#pragma once
// Asks where to save a CSV export and writes it through QSaveFile, so a
// failed or interrupted export never leaves a half-written file.

#include <QString>
#include <functional>

class QTextStream;
class QWidget;

namespace owb {

// Returns the path written, or empty (cancelled, or failed after saying why).
QString exportCsv(QWidget *parent, const QString &suggestedName, const std::function<void(QTextStream &)> &write);

} // namespace owb
