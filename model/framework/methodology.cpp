#include "methodology.h"
#include "methodologyparser.h"
#include "methodologytext.h"

#include "data/diagnostic.h"

#include <QFile>
#include <cmath>

namespace owb {

const Methodology &Methodology::builtIn()
{
    static const Methodology instance = [] {
        QString error;
        const auto parsed = fromFile(QStringLiteral(":/methodology/nof-2025-26.json"), &error);
        if (!parsed)
            qFatal("built-in methodology is invalid: %s", qPrintable(error));
        return *parsed;
    }();
    return instance;
}

std::optional<Methodology> Methodology::fromJson(const QByteArray &json, const QString &displayName,
                                                 QString *error)
{
    // The built-in file supplies defaults; it is parsed without any.
    const bool isBuiltIn = displayName.startsWith(QLatin1Char(':'));
    MethodologyParser parser(displayName, isBuiltIn ? nullptr : &builtIn());
    return parser.parse(json, error);
}

std::optional<Methodology> Methodology::fromStoredJson(const QByteArray &json, const QString &displayName,
                                                       QString *error)
{
    MethodologyParser parser(displayName, &builtIn(), false);
    return parser.parse(json, error);
}

std::optional<Methodology> Methodology::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (const QString problem = inputFileProblem(path); !problem.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, problem);
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    // Refused before reading: a file far larger than any catalogue is not read into memory.
    if (file.size() > kMaxFileBytes) {
        if (error)
            *error = tooLargeMessage(path, file.size());
        return std::nullopt;
    }
    return fromJson(file.readAll(), path, error);
}

bool MetricDefinition::inRange(double value) const
{
    return std::isfinite(value) && std::abs(value) <= kAbsurd && (!minimum || value >= *minimum)
        && (!maximum || value <= *maximum);
}

QString plainNumber(double value)
{
    // Whole numbers in full (1000000000000, never 1e+12); others as short as exact.
    if (std::isfinite(value) && value == std::floor(value) && std::abs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 15);
}

QString MetricDefinition::rangeText() const
{
    if (minimum && maximum)
        return QStringLiteral("%1 to %2").arg(plainNumber(*minimum), plainNumber(*maximum));
    if (minimum)
        return QStringLiteral("%1 or more").arg(plainNumber(*minimum));
    if (maximum)
        return QStringLiteral("%1 or less").arg(plainNumber(*maximum));
    return {};
}

const MetricDefinition *Methodology::metric(const QString &id) const
{
    const auto it = m_metricIndex.constFind(id);
    return it == m_metricIndex.cend() ? nullptr : &m_metrics.at(*it);
}

const PeerType *Methodology::peerType(const QString &id) const
{
    for (const PeerType &type : m_peerTypes)
        if (type.id == id)
            return &type;
    return nullptr;
}

const PeerType *Methodology::resolvePeerType(const QString &text) const
{
    const auto it = m_peerTypeLookup.constFind(text.trimmed().toCaseFolded());
    return it == m_peerTypeLookup.cend() ? nullptr : &m_peerTypes.at(*it);
}

bool Methodology::isSegmented(const QString &peerTypeId) const
{
    const PeerType *type = peerType(peerTypeId);
    return type && type->segmented;
}

QList<const MetricDefinition *> Methodology::scoredMetricsFor(const QString &peerTypeId) const
{
    QList<const MetricDefinition *> result;
    if (!isSegmented(peerTypeId))
        return result;  // reported, never scored (framework.md §6)
    for (const MetricDefinition &metric : m_metrics)
        if (metric.scored && metric.appliesTo.contains(peerTypeId))
            result.append(&metric);
    return result;
}

} // namespace owb

