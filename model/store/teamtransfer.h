#pragma once
// Moving between the two kinds of workspace: a folder workspace uploaded
// into a new team workspace (`owb team push`), and one case of a team
// workspace written out as a case file (`owb team export`). Records are
// copied as they are, audit trails entry for entry, so chains verify on
// either side and a case that goes up and comes back holds what it held.

#include "serveraddress.h"

#include <QString>

namespace owb {

struct PushReport
{
    int organisations = 0;  // cases uploaded
    int quarters = 0;  // national quarters
    qint64 rows = 0;  // records copied, audit entries included
};

// Uploads the folder workspace `directory` (checked first: a damaged
// workspace or one with an import to complete is refused) into the team
// workspace at `server`, which must be set up (owb team init) and hold no
// data yet. One transaction: a failure or a kill leaves the server empty.
PushReport pushWorkspace(const QString &directory, const ServerAddress &server, const QString &password);

// Writes the case of `code` as the case file `path` (named <code>.owcase,
// not there yet), holding the same records and audit chain as the server,
// and recording the team workspace's id. Returns the number of records.
qint64 exportCase(const ServerAddress &server, const QString &password, const QString &code, const QString &path);

} // namespace owb
