#pragma once
// The rules of one oversight framework year, read from a JSON file.
//
// Nothing about metrics, standards, bands, weights or cut points is written in
// C++: it all comes from here (framework.md §4; the built-in file is
// resources/methodology/nof-2025-26.json). A Methodology is immutable once
// loaded and cheap to copy (implicitly shared containers).

#include "caseworkchoices.h"
#include "fixedpoint.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>

namespace owb {

enum class Direction { Higher, Lower };

struct PeerType
{
    QString id;
    QString name;
    QStringList aliases;
    // False for organisations the year's framework reports on but does not
    // segment (ICBs in 2025/26); `notSegmented` says so in the methodology's words.
    bool segmented = true;
    QString notSegmented;
};

struct Domain
{
    QString id;
    QString name;
};

// A bespoke metric's band: either a label ("Good") or a numeric range whose
// upper end is `upto` (the last band may be open).
struct Band
{
    QString label;
    std::optional<double> upto;
    Hundredths score = 0;
};

struct MetricDefinition
{
    QString id;
    QString name;
    QString domain;
    QStringList appliesTo;
    std::optional<Direction> direction;  // absent only for banded metrics
    std::optional<double> standard;
    std::optional<double> floor;
    QList<Band> bands;
    bool labelBands = false;  // bands matched by label, not by number
    Rational weight;
    bool scored = true;  // false: contextual, shown but never scored
    QString units;
    // The values the metric can take ("range": [min, max], null for an open
    // end): a percentage of patients 0 to 100, a rate at least 0, a variance
    // either way. A value outside, or beyond kAbsurd either way, is refused.
    std::optional<double> minimum;
    std::optional<double> maximum;
    static constexpr double kAbsurd = 1e12;

    bool isBanded() const { return !bands.isEmpty(); }
    bool inRange(double value) const;
    // "0 to 100", "0 or more", "-5 or less"; empty when neither end is declared.
    QString rangeText() const;
};

// A limit as a message shows it: whole numbers in full (1000000000000, not 1e+12).
QString plainNumber(double value);

struct NamedItem
{
    QString id;
    QString name;
};

// One of the yes/no tests over a whole system (framework.md §6).
struct SystemConsideration
{
    QString id;
    QString priority;
    QString test;
};

struct SegmentationRule
{
    enum class Method { PeerQuartiles, Thresholds };
    Method method = Method::PeerQuartiles;
    QHash<QString, std::array<double, 3>> cuts;  // peer type id -> t1 < t2 < t3
};

class Methodology
{
public:
    // The methodology compiled into the program.
    static const Methodology &builtIn();

    // Parses and validates; on failure returns nullopt and sets *error to a
    // message that names `displayName` and the fault.
    static std::optional<Methodology> fromJson(const QByteArray &json, const QString &displayName,
                                               QString *error);
    // Reads a file (or a ":/" resource) and parses it.
    static std::optional<Methodology> fromFile(const QString &path, QString *error);
    // The largest methodology file read (NHS England's catalogue is some 100 KB).
    static constexpr qint64 kMaxFileBytes = 2 * 1024 * 1024;
    // A file an earlier version stored in a workspace, which may predate
    // "years": the workspace's register says which years it assessed.
    static std::optional<Methodology> fromStoredJson(const QByteArray &json, const QString &displayName,
                                                     QString *error);

    QString id() const { return m_id; }
    QString title() const { return m_title; }
    // The financial years the file declares it applies to, canonical
    // ("2025/26"), in order; empty only for a file stored by an earlier version.
    const QStringList &years() const { return m_years; }
    bool declaresYear(const QString &year) const { return m_years.contains(year); }
    QString sha256() const { return m_sha256; }  // of the file's bytes
    QByteArray source() const { return m_source; }  // the file's bytes
    const QList<PeerType> &peerTypes() const { return m_peerTypes; }
    const QList<Domain> &domains() const { return m_domains; }
    const QList<MetricDefinition> &metrics() const { return m_metrics; }
    const SegmentationRule &segmentation() const { return m_segmentation; }
    int financeCap() const { return m_financeCap; }
    QString segmentLabel(int segment) const { return m_segmentLabels.value(segment); }
    QString programmeName() const { return m_programmeName; }
    // Whether the year has a programme segment (5); "programme_name": null says it has none.
    bool hasProgramme() const { return !m_programmeName.isEmpty(); }
    const QList<NamedItem> &capabilityAreas() const { return m_capabilityAreas; }
    const QList<NamedItem> &capabilityRatings() const { return m_capabilityRatings; }
    // Root-cause categories of diagnostic review findings (framework.md §7).
    const QList<NamedItem> &rootCauseCategories() const { return m_rootCauses; }
    // The system-consideration tests, and the peer types (ICBs) that answer
    // them each quarter and keep a statutory annual assessment.
    const QList<SystemConsideration> &systemConsiderations() const { return m_systemConsiderations; }
    bool hasSystemCasework(const QString &peerTypeId) const { return m_systemPeerTypes.contains(peerTypeId); }
    bool isSegmented(const QString &peerTypeId) const;
    // The closed sets of casework (the "casework" object; caseworkchoices.h).
    const CaseworkChoices &casework() const { return m_casework; }

    const MetricDefinition *metric(const QString &id) const;
    const PeerType *peerType(const QString &id) const;
    // Matches a peer type's id, name or alias, case-insensitively.
    const PeerType *resolvePeerType(const QString &text) const;
    // Scored metrics that apply to a peer type, in catalogue order.
    QList<const MetricDefinition *> scoredMetricsFor(const QString &peerTypeId) const;

    // Metric ids reserved for finances (framework.md §3 step 3).
    static inline const QString kDeficit = QStringLiteral("DEFICIT");
    static inline const QString kDeficitSupport = QStringLiteral("DEFICIT_SUPPORT");

private:
    friend class MethodologyParser;
    QString m_id;
    QString m_title;
    QStringList m_years;
    QString m_sha256;
    QByteArray m_source;
    QList<PeerType> m_peerTypes;
    QList<Domain> m_domains;
    QList<MetricDefinition> m_metrics;
    SegmentationRule m_segmentation;
    int m_financeCap = 3;
    QMap<int, QString> m_segmentLabels;
    QString m_programmeName;
    QList<NamedItem> m_capabilityAreas;
    QList<NamedItem> m_capabilityRatings;
    QList<NamedItem> m_rootCauses;
    QList<SystemConsideration> m_systemConsiderations;
    QStringList m_systemPeerTypes;
    CaseworkChoices m_casework;
    QHash<QString, int> m_metricIndex;
    QHash<QString, int> m_peerTypeLookup;  // lower-case id/name/alias -> index
};

} // namespace owb
