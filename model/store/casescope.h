#pragma once
// Which organisation's case a store reads and writes. Every statement on a
// case table says WHERE org_code = ? (and every insert binds it), so the same
// statements serve a case file (one organisation; org_code is constant in
// it) and a team server (every organisation's case in shared tables).

#include "database.h"

#include <QString>

namespace owb {

struct CaseScope
{
    Database &db;
    // The organisation's code. Null (QString()) only for a whole case file
    // read by the schema ladder before schema 9 gave its tables an org_code
    // (one organisation per file); never on a server.
    QString org;
};

// A case file's scope: the organisation it holds (one record; empty while a
// new file has none yet). A server connection names the case instead.
inline CaseScope caseFileScope(Database &db)
{
    // Every organisation's case shares a server's tables: the case must be
    // named (CaseFile::scope()), never guessed.
    if (db.isServer())
        throw StoreError(QStringLiteral("%1: a case in a team workspace is opened by its organisation code")
                             .arg(db.path()));
    const QString code = db.dialect().tableExists(db, QStringLiteral("organisation"))
        ? db.scalar(QStringLiteral("SELECT code FROM organisation")).toString()
        : QString();
    return {db, code.isNull() ? QStringLiteral("") : code};
}

} // namespace owb
