#pragma once
// What every page of the case view needs: the open case, the national data
// for peer context, and the quarter in view. Owned by the main window.

#include <QHash>
#include <QString>
#include <QStringList>

namespace owb {

class CaseSession;
class NationalCache;

struct CaseContext
{
    CaseSession *session = nullptr;
    NationalCache *national = nullptr;
    QStringList quarters;  // the workspace's, in period order
    QString quarter;  // the one in view
    QString peerTypeName;
    // The quarter's final segments set by decisions across the workspace, by
    // code (as the league reads them), so a case ranks as the league does.
    QHash<QString, int> decided;

    bool isValid() const { return session && national && !quarter.isEmpty(); }
};

} // namespace owb
