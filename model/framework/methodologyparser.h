#pragma once
// The methodology JSON's reader and validator (framework/methodology reads
// through it; the checks of the raw text are framework/methodologytext).
// Internal to the framework: everything else asks Methodology::fromJson,
// fromStoredJson or fromFile.

#include "methodology.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace owb {

// Reads one methodology document. Every check stops at the first fault with
// a message of the form "FILE: where: what" so that a user can fix the file.
class MethodologyParser
{
public:
    MethodologyParser(QString displayName, const Methodology *defaults, bool yearsRequired = true)
        : m_name(std::move(displayName)), m_defaults(defaults), m_yearsRequired(yearsRequired)
    {
    }

    std::optional<Methodology> parse(const QByteArray &json, QString *error);

private:
    bool fail(const QString &where, const QString &what)
    {
        m_error = where.isEmpty() ? QStringLiteral("%1: %2").arg(m_name, what)
                                  : QStringLiteral("%1: %2: %3").arg(m_name, where, what);
        return false;
    }
    bool readYears(const QJsonObject &root);
    bool readPeerTypes(const QJsonObject &root);
    bool readDomains(const QJsonObject &root);
    bool readMetrics(const QJsonObject &root);
    bool readMetric(const QJsonObject &object, MetricDefinition *metric);
    bool readRange(const QJsonObject &object, const QString &where, MetricDefinition *metric);
    bool readOptionalNumber(const QJsonObject &object, const QString &key, const QString &where,
                            std::optional<double> *out);
    bool readBands(const QJsonArray &bands, const QString &where, MetricDefinition *metric);
    bool readSegmentation(const QJsonObject &root);
    bool readLabelsAndCapability(const QJsonObject &root);
    bool readNamedList(const QJsonValue &value, const QString &where, QList<NamedItem> *out);
    bool readSystemConsiderations(const QJsonObject &root);
    bool readCasework(const QJsonObject &root);
    // Text shown on screen and in reports: no invisible formatting
    // characters anywhere (bidi overrides reorder what a reader sees), and
    // the names of the file, its segments and programme within a length.
    bool checkShownTexts(const QJsonObject &root);
    // A peer type the year does not segment says why ("not_segmented_note"),
    // which each of its cases shows.
    bool checkNotSegmentedNotes();
    // "applies_to": a non-empty array of known peer type ids.
    bool readPeerTypeIds(const QJsonObject &object, const QString &where, QStringList *out);

    QString m_name;
    const Methodology *m_defaults;
    bool m_yearsRequired = true;
    Methodology m_result;
    QString m_error;
};

} // namespace owb
