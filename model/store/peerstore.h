#pragma once
// The workspace's national data file (peers.owdata): every organisation's
// metric values per quarter, needed to rank and benchmark against peers, and
// the bookkeeping that lets an interrupted import be completed.

#include "data/metricdataset.h"
#include "database.h"

#include <QStringList>

namespace owb {

struct OrganisationInfo
{
    QString code;
    QString name;
    QString region;
};

class PeerStore
{
public:
    static inline const QString kFileName = QStringLiteral("peers.owdata");

    PeerStore(const QString &path, Database::Mode mode);
    // A team workspace's national part (Database(ServerAddress,
    // ServerArea::National, ...)): the same tables under the same names.
    explicit PeerStore(std::unique_ptr<Database> national);
    Database &database() { return *m_db; }

    QString setting(const QString &key);
    void setSetting(const QString &key, const QString &value);  // within the caller's transaction

    // Replaces, for every (quarter, organisation) in the dataset, that
    // organisation's values in that quarter; marks the quarters that changed
    // as pending. Runs inside the caller's transaction; returns those quarters.
    QStringList apply(const MetricDataset &dataset);
    void markPending(const QStringList &quarters);
    void markDone(const QString &quarter);
    void logImport(const QString &file, const QString &sha256, int rows, int quartersChanged);

    QStringList quarters();  // period order
    QStringList pendingQuarters();  // period order
    QuarterData loadQuarter(const QString &label);
    QHash<QString, OrganisationInfo> organisations();

private:
    bool sameAsStored(const QString &quarter, const OrganisationQuarter &org);

    std::unique_ptr<Database> m_db;
};

} // namespace owb
