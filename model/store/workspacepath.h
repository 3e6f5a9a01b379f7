#pragma once
// The one place a path inside a workspace is built from a name that came
// from data (an organisation code). A name that could lead out of the folder
// (a separator, "..", an absolute path) is refused, and the result is checked
// to lie directly inside the workspace, whatever the name held.

#include <QString>

namespace owb {

// `directory`/`fileName`, or throws StoreError.
QString pathInWorkspace(const QString &directory, const QString &fileName);
// The case file of organisation `code`; throws StoreError for an invalid code.
QString caseFilePathIn(const QString &directory, const QString &code);

} // namespace owb
