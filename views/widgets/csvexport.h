#pragma once
// Asks where to save a CSV export and writes it whole or not at all
// (store/filewrite), so a failed export or a full disk never leaves a
// half-written file and never spoils an earlier one.

#include <QString>
#include <functional>

class QTextStream;
class QWidget;

namespace owb {

// Returns the path written, or empty (cancelled, or failed after saying why).
QString exportCsv(QWidget *parent, const QString &suggestedName, const std::function<void(QTextStream &)> &write);

} // namespace owb
