#pragma once
// Loads the workbench's British English translation (the plural forms of
// every "%n" message) into an application.

class QCoreApplication;

namespace owb {

// Returns false when the compiled translation is missing.
bool installTranslations(QCoreApplication &app);

} // namespace owb
