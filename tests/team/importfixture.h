#pragma once
// What the tests of importing into a team workspace and of owb's commands on
// a URL share: running owb, a methodology and national file of any size, the
// server's contents as digests, and people in the workspace's roles.

#include "teamfixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>

namespace owb::teamtest {


struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline Run runOwb(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(OWB_BIN), arguments);
    process.waitForFinished(600000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

// A methodology of its own (one year, `metrics` metrics) and a national
// file of `organisations` trusts for the given quarters of 2025/26.
struct Inputs
{
    QString methodology;
    QString data;
};

inline Inputs writeInputs(const QString &folder, const QString &name, int organisations, int metrics, const QList<int> &quarters,
                   quint32 seed)
{
    QFile json(QDir(folder).filePath(QStringLiteral("rules.json")));
    if (!json.exists()) {
        QStringList list;
        for (int m = 0; m < metrics; ++m)
            list.append(QStringLiteral("{\"id\": \"M%1\", \"domain\": \"%2\", \"applies_to\": [\"acute\", \"mhc\"],"
                                       " \"range\": [null, null], \"direction\": \"%3\"}")
                            .arg(m, 2, 10, QLatin1Char('0'))
                            .arg(QLatin1Char("abcd"[m % 4]))
                            .arg(m % 2 ? QStringLiteral("higher") : QStringLiteral("lower")));
        if (!json.open(QIODevice::WriteOnly))
            qFatal("cannot write the methodology");
        json.write(QStringLiteral("{\"id\": \"teamimport\", \"title\": \"Team import\", \"years\": [\"2025/26\"],"
                                  " \"segment_labels\": {\"1\": \"One\", \"2\": \"Two\", \"3\": \"Three\", \"4\": \"Four\","
                                  " \"5\": \"Recovery Support Programme\"}, \"programme_name\": \"Recovery Support Programme\","
                                  " \"peer_types\": [{\"id\": \"acute\"},"
                                  " {\"id\": \"mhc\"}], \"domains\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\"},"
                                  " {\"id\": \"d\"}], \"metrics\": [%1], \"segmentation\": {\"method\": \"peer-quartiles\"}}")
                       .arg(list.join(QStringLiteral(", ")))
                       .toUtf8());
    }
    QFile csv(QDir(folder).filePath(name));
    if (!csv.open(QIODevice::WriteOnly))
        qFatal("cannot write the data");
    QRandomGenerator random(seed);
    csv.write("quarter,org_code,org_name,org_type,metric_id,value,region\n");
    for (int q : quarters)
        for (int o = 0; o < organisations; ++o)
            for (int m = 0; m < metrics; ++m)
                csv.write(QStringLiteral("2025/26 Q%1,R%2,Trust %2,%3,M%4,%5,North\n")
                              .arg(q)
                              .arg(o, 3, 10, QLatin1Char('0'))
                              .arg(o % 5 == 0 ? QStringLiteral("mhc") : QStringLiteral("acute"))
                              .arg(m, 2, 10, QLatin1Char('0'))
                              .arg(random.bounded(1000) / 10.0, 0, 'f', 1)
                              .toUtf8());
    return {json.fileName(), csv.fileName()};
}

// What the server holds, as one digest per table (an empty table's too).
inline QStringList serverContents(const ServerAddress &server)
{
    QStringList digests;
    for (const char *table : {"national.organisation", "national.quarter", "national.org_quarter", "national.metric_value",
                              "national.import_log", "national.methodology_file", "national.methodology_year",
                              "national.methodology_log", "cases.organisation", "cases.metric_value", "cases.assessment",
                              "cases.metric_score", "cases.domain_score", "cases.audit_log"})
        digests.append(adminScalar(server, QStringLiteral("SELECT '%1 ' || count(*) || ' ' || md5(coalesce(string_agg(t::text, "
                                                          "'|' ORDER BY t::text), '')) FROM %1 t")
                                               .arg(QLatin1String(table)))
                           .toString());
    return digests;
}

// A login role of the test cluster in one of the workspace's group roles (or none).
inline ServerAddress asMember(const ServerAddress &server, const QString &person, const QString &group)
{
    const QString role = person + QLatin1Char('_') + server.database;
    adminScalar(server, QStringLiteral("CREATE ROLE %1 LOGIN").arg(role));
    if (!group.isEmpty())
        adminScalar(server, QStringLiteral("GRANT %1 TO %2").arg(group, role));
    ServerAddress address = server;
    address.user = role;
    return address;
}


} // namespace owb::teamtest
