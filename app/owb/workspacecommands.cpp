// owb import, portfolio, check and demo: commands over a workspace folder.

#include "command.h"

namespace owb::cli {

int runImport(const QStringList &) { return InternalError; }
int runPortfolio(const QStringList &) { return InternalError; }
int runCheck(const QStringList &) { return InternalError; }
int runDemo(const QStringList &) { return InternalError; }

} // namespace owb::cli
