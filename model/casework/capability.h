#pragma once
// A case's capability assessment (framework.md §5): per financial year and
// area, the board's self-assessment, the region's view and notes; evidence
// items with optional attached files kept inside the case file; and the
// region's overall view with its rationale and date.

#include "store/casescope.h"
#include "store/database.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace owb {

struct CapabilityArea
{
    enum Field { SelfRating, RegionRating, Notes };
    QString areaId;
    QString selfRating;
    QString regionRating;
    QString notes;
};

struct EvidenceItem
{
    qint64 id = 0;
    QString year;
    QString areaId;
    QString title;
    QString date;  // ISO 8601 date
    QString source;
    QString fileName;  // empty when no file is attached
    QString fileSha256;
    qint64 fileSize = 0;
    qint64 rowVersion = 0; // as read; 0: a new item
};

struct CapabilityOverall
{
    enum Field { Rating, Rationale, DecidedOn };
    QString rating;
    QString rationale;
    QString decidedOn;
};

// Store access for one open case file. Every write is one transaction.
class CapabilityStore
{
public:
    static constexpr qint64 kMaxAttachmentBytes = 20 * 1024 * 1024;

    explicit CapabilityStore(Database &db) : CapabilityStore(caseFileScope(db)) {}
    explicit CapabilityStore(const CaseScope &scope) : m_db(scope.db), m_org(scope.org) {}

    QStringList years();  // with any capability record, sorted
    QList<CapabilityArea> areas(const QString &year, const QStringList &areaIds);
    QString areaField(const QString &year, const QString &areaId, CapabilityArea::Field field);
    void setAreaField(const QString &year, const QString &areaId, CapabilityArea::Field field, const QString &value);
    // The same, only where the record is at `expectedVersion` (0: there is
    // none yet); returns the new row version, or throws StoreConflict.
    qint64 setAreaField(const QString &year, const QString &areaId, CapabilityArea::Field field, const QString &value,
                        qint64 expectedVersion);
    qint64 areaVersion(const QString &year, const QString &areaId); // 0: no record

    CapabilityOverall overall(const QString &year);
    QString overallField(const QString &year, CapabilityOverall::Field field);
    void setOverallField(const QString &year, CapabilityOverall::Field field, const QString &value);
    qint64 setOverallField(const QString &year, CapabilityOverall::Field field, const QString &value, qint64 expectedVersion);
    qint64 overallVersion(const QString &year); // 0: no record

    QList<EvidenceItem> evidence(const QString &year, const QString &areaId = {});
    QByteArray evidenceFile(qint64 id);
    // Adds an item (with `item.id` when restoring an undone removal); returns its id.
    qint64 addEvidence(const EvidenceItem &item, const QByteArray &fileData);
    // Removes the item at the row version given (or as it is); throws
    // StoreConflict when someone else changed or removed it.
    void removeEvidence(qint64 id);
    void removeEvidence(qint64 id, qint64 expectedVersion);
    // The row version this store last wrote to a record (else as stored now):
    // an undo applies only where the record is still as this user left it.
    qint64 writtenAreaVersion(const QString &year, const QString &areaId)
    {
        return m_written.value(QStringLiteral("area/%1/%2").arg(year, areaId), areaVersion(year, areaId));
    }
    qint64 writtenOverallVersion(const QString &year)
    {
        return m_written.value(QStringLiteral("overall/%1").arg(year), overallVersion(year));
    }
    qint64 writtenEvidenceVersion(qint64 id);

    // The row version this user last saw of a record (areas() and overall()
    // remember it; else as stored now): a save over someone else's change
    // since conflicts.
    qint64 seenAreaVersion(const QString &year, const QString &areaId)
    {
        return m_seen.value(QStringLiteral("area/%1/%2").arg(year, areaId), areaVersion(year, areaId));
    }
    qint64 seenOverallVersion(const QString &year)
    {
        return m_seen.value(QStringLiteral("overall/%1").arg(year), overallVersion(year));
    }

    // What the store remembers of the versions this user saw and wrote, put
    // back when a transaction that wrote through it rolls back.
    struct Memory
    {
        QHash<QString, qint64> seen;
        QHash<QString, qint64> written;
    };
    Memory memory() const { return {m_seen, m_written}; }
    void restore(const Memory &memory)
    {
        m_seen = memory.seen;
        m_written = memory.written;
    }

private:
    Database &m_db;
    QString m_org;
    QHash<QString, qint64> m_seen; // record key -> the row version this user last read or wrote (0: none)
    QHash<QString, qint64> m_written; // record key -> the row version this store last wrote
};

} // namespace owb
