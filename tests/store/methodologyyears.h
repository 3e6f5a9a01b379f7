// What the methodology-year suites (tst_methodologyyears, tst_reassessment)
// compare and build: every stored assessment row, the national part as stored,
// the workspace reopened as a reader, this test's author, and a thresholds file
// for a year. On a case-file workspace or a team workspace alike.
#pragma once

#include "casework/casesession.h"
#include "casework/datetext.h"
#include "casework/historytext.h"
#include "casework/league.h"
#include "casework/nationalcache.h"
#include "casework/needsaction.h"
#include "casework/segmentexplanation.h"
#include "exchange/changeswriter.h"
#include "exchange/leaguewriter.h"
#include "exchange/portfoliowriter.h"
#include "itemmodels/changesmodel.h"
#include "itemmodels/itemroles.h"
#include "itemmodels/leaguemodel.h"
#include "itemmodels/portfoliofilter.h"
#include "itemmodels/portfoliomodel.h"
#include "store/auditlog.h"
#include "store/casefile.h"
#include "store/integritycheck.h"
#include "store/methodologychange.h"
#include "store/portfolio.h"
#include "store/workspace.h"
#include <QColor>
#include <QAbstractItemModelTester>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSortFilterProxyModel>
#include <QMap>
#include <QDir>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include "workspacefixture.h"

namespace owbtest {
using namespace owb;

// Every row of every stored assessment (with its metric and domain scores),
// by case and quarter ("RA1.owcase/2025/26 Q1"): the bytes of each column as
// stored, in a case file or on a server.
inline QMap<QString, QStringList> assessmentRows(Workspace &workspace)
{
    QMap<QString, QStringList> result;
    for (const QString &code : workspace.caseCodes()) {
        const auto caseFile = workspace.openCase(code);
        for (const char *table : {"assessment", "metric_score", "domain_score"}) {
            QSqlQuery q = caseFile->database().exec(
                QStringLiteral("SELECT * FROM %1 WHERE org_code = ?").arg(QLatin1String(table)), {code});
            while (q.next()) {
                QStringList columns;
                for (int i = 0; i < q.record().count(); ++i)
                    columns.append(q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
                result[code + QStringLiteral(".owcase/") + q.value(QStringLiteral("quarter")).toString()].append(
                    QLatin1String(table) + QLatin1Char(':') + columns.join(QLatin1Char('|')));
            }
        }
    }
    for (QStringList &rows : result)
        rows.sort();
    return result;
}

// The national part as stored: a folder's peers.owdata byte for byte, or
// every row of a team workspace's national tables.
inline QByteArray nationalState(Workspace &workspace)
{
    Database &db = workspace.peers().database();
    if (!workspace.isTeam()) {
        QFile file(db.path());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    QByteArray state;
    QSqlQuery tables = db.exec(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                              "'national' AND table_type = 'BASE TABLE' ORDER BY 1"));
    QStringList names;
    while (tables.next())
        names.append(tables.value(0).toString());
    for (const QString &name : std::as_const(names))
        state += name.toUtf8() + ':'
                 + db.scalar(QStringLiteral("SELECT coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') "
                                            "FROM national.%1 t").arg(name)).toString().toUtf8() + '\n';
    return state;
}

// The workspace opened again as a reader opens it.
inline std::unique_ptr<Workspace> reopened(Workspace &workspace)
{
    return workspace.isTeam() ? Workspace::openTeam(workspace.server(), {})
                              : Workspace::open(workspace.directory(), Database::Mode::ReadOnly);
}

// Who the register and the audit trail name as this test's author.
inline QString author(Workspace &workspace)
{
    return workspace.isTeam() ? workspace.sessionUser() : auditlog::currentActor();
}

// The built-in catalogue with thresholds instead of peer quartiles, for `year`.
inline std::optional<Methodology> thresholdsFile(const QString &year)
{
    QByteArray json = Methodology::builtIn().source();
    json.replace("\"id\": \"nof-2025-26\"", "\"id\": \"t-" + QString(year).replace(QLatin1Char('/'), QLatin1Char('-')).toUtf8() + "\"");
    json.replace("\"years\": [\"2025/26\"]", "\"years\": [\"" + year.toUtf8() + "\"]");
    json.replace("\"segmentation\": {\"method\": \"peer-quartiles\"}",
                 "\"segmentation\": {\"method\": \"thresholds\", \"cuts\": {\"acute\": [1.5, 2.5, 3.5], "
                 "\"mhc\": [1.5, 2.5, 3.5], \"ambulance\": [1.5, 2.5, 3.5]}}");
    QString error;
    auto parsed = Methodology::fromJson(json, QStringLiteral("t.json"), &error);
    if (!parsed)
        qWarning("%s", qPrintable(error));
    return parsed;
}
} // namespace owbtest
