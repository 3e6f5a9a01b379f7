#pragma once
// The national data of a workspace by quarter, read from peers.owdata on
// first use and kept: the peer context every case view and what-if needs.
// Invalidate it after an import. Each quarter is assessed under its year's
// methodology from the workspace's register; `methodology` serves a quarter
// whose year has none.

#include "data/metricdataset.h"
#include "framework/assessment.h"
#include "store/methodologyregister.h"
#include "store/peerstore.h"

#include <QHash>
#include <QSet>
#include <memory>

namespace owb {

class NationalCache
{
public:
    NationalCache(PeerStore &peers, const Methodology &methodology);

    const Methodology &methodology() const { return m_methodology; }
    // The rules a quarter is assessed under.
    const Methodology &methodologyFor(const QString &label) const;
    // The years whose rules have no programme segment, for
    // CaseworkStore::setYearsWithoutProgramme.
    QSet<QString> yearsWithoutProgramme() const;
    // The register's re-issues of a year's file (MethodologyRegister::reissues).
    const QList<MethodologyReissue> &reissues() const { return m_reissues; }
    // Whether the registered file with this SHA-256 has a programme segment
    // (true for a file the register does not hold).
    bool programmeSegmentUnder(const QString &sha256) const { return !m_withoutProgramme.contains(sha256); }
    // What the programme is called in a quarter (MethodologyRegister::programmeNameIn).
    QString programmeNameIn(const QString &label) const;
    const QuarterData &quarter(const QString &label);
    const QuarterAssessment &assessment(const QString &label);
    // The numeric values of a metric among organisations of a peer type.
    QList<double> peerValues(const QString &quarter, const QString &peerType, const QString &metricId);
    // Median of the peer type's domain scores (0 when none).
    double domainMedian(const QString &quarter, const QString &peerType, const QString &domainId);
    void clear();

private:
    struct Entry
    {
        QuarterData data;
        std::unique_ptr<QuarterAssessment> assessment;
    };
    Entry &entry(const QString &label);

    PeerStore &m_peers;
    Methodology m_methodology;
    QHash<QString, Methodology> m_byYear;
    QHash<QString, QString> m_programmeNames;  // by year
    QList<MethodologyReissue> m_reissues;
    QSet<QString> m_withoutProgramme;  // SHA-256 of registered files without a programme segment
    QHash<QString, std::shared_ptr<Entry>> m_entries;
};

} // namespace owb
