#include "demodata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <cmath>
#include <numbers>
#include <random>

namespace owb {

namespace {

class Draw
{
public:
    explicit Draw(quint64 seed) : m_engine(seed) {}
    double uniform() { return double(m_engine() >> 11) * 0x1.0p-53; }
    double normal()
    {
        // Box-Muller; 1 - u keeps the logarithm finite.
        const double u = 1.0 - uniform();
        const double v = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
    }
    int below(qsizetype n) { return int(uniform() * double(n)); }
    template<typename T>
    const T &pick(const QList<T> &list) { return list.at(below(list.size())); }

private:
    std::mt19937_64 m_engine;
};

QJsonObject loadProfile()
{
    QFile file(QStringLiteral(":/demo/demo-profile.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("demo profile resource missing");
    return QJsonDocument::fromJson(file.readAll()).object();
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue item : value.toArray())
        list.append(item.toString());
    return list;
}

struct Organisation
{
    QString code;
    QString name;
    QString region;
    QString peerType;
    double quality;  // > 0 better than typical
    double trend;  // change of quality per quarter
    double ratingNoise;
};

QList<Organisation> drawOrganisations(const Methodology &methodology, const QJsonObject &profile, Draw &draw)
{
    const QJsonObject names = profile.value(QStringLiteral("name_parts")).toObject();
    const QStringList first = strings(names.value(QStringLiteral("first")));
    const QStringList second = strings(names.value(QStringLiteral("second")));
    const QStringList regions = strings(profile.value(QStringLiteral("regions")));
    const QJsonObject counts = profile.value(QStringLiteral("organisations")).toObject();
    QList<Organisation> organisations;
    QSet<QString> used;
    for (const PeerType &type : methodology.peerTypes()) {
        const QStringList suffixes = strings(names.value(QStringLiteral("suffix")).toObject().value(type.id));
        const int count = counts.value(type.id).toInt();
        for (int n = 0; n < count; ++n) {
            const int i = int(organisations.size());
            Organisation org;
            org.code = QStringLiteral("Z%1%2").arg(QChar(u'A' + i / 26)).arg(QChar(u'A' + i % 26));
            QString place;
            do {
                place = draw.pick(first) + draw.pick(second);
            } while (used.contains(place));
            used.insert(place);
            org.name = place + QLatin1Char(' ') + draw.pick(suffixes);
            org.region = regions.at(i % regions.size());
            org.peerType = type.id;
            org.quality = draw.normal();
            org.trend = draw.normal() * 0.08;
            org.ratingNoise = draw.normal() * 0.3;
            organisations.append(org);
        }
    }
    return organisations;
}

std::optional<MetricValue> drawValue(const MetricDefinition &metric, const QJsonObject &spec,
                                     const Organisation &org, double quality, Draw &draw)
{
    if (spec.contains(QStringLiteral("labels"))) {
        const double z = org.quality + org.ratingNoise;
        for (const QJsonValue band : spec.value(QStringLiteral("labels")).toArray()) {
            const QJsonObject b = band.toObject();
            if (!b.contains(QStringLiteral("above")) || z > b.value(QStringLiteral("above")).toDouble())
                return MetricValue::fromLabel(b.value(QStringLiteral("label")).toString());
        }
        return std::nullopt;
    }
    const double mean = spec.value(QStringLiteral("mean")).toDouble(50);
    const double sd = spec.value(QStringLiteral("sd")).toDouble(15);
    const double sign = metric.direction == Direction::Lower ? -1.0 : 1.0;
    double value = mean + sd * (sign * quality * 0.8 + draw.normal() * 0.5);
    value = std::clamp(value, spec.value(QStringLiteral("min")).toDouble(-1e9),
                       spec.value(QStringLiteral("max")).toDouble(1e9));
    const double scale = std::pow(10.0, spec.value(QStringLiteral("decimals")).toInt(1));
    return MetricValue::fromNumber(std::round(value * scale) / scale);
}

} // namespace

DemoData generateDemoData(const Methodology &methodology)
{
    const QJsonObject profile = loadProfile();
    Draw draw(quint64(profile.value(QStringLiteral("seed")).toInteger()));
    const QList<Organisation> organisations = drawOrganisations(methodology, profile, draw);
    const QJsonObject specs = profile.value(QStringLiteral("metrics")).toObject();
    const double missingRate = profile.value(QStringLiteral("missing_rate")).toDouble();
    const double supportRate = profile.value(QStringLiteral("deficit_support_rate")).toDouble();
    const QString deficitMetric = profile.value(QStringLiteral("deficit_metric")).toString();

    DemoData demo;
    demo.region = profile.value(QStringLiteral("region")).toString();
    demo.organisations = int(organisations.size());
    const QStringList quarters = strings(profile.value(QStringLiteral("quarters")));
    for (qsizetype k = 0; k < quarters.size(); ++k) {
        QuarterData &quarter = demo.dataset.quarter(quarters.at(k));
        for (const Organisation &source : organisations) {
            OrganisationQuarter &org = quarter.organisation(source.code);
            org.name = source.name;
            org.region = source.region;
            org.peerType = source.peerType;
            const double quality = source.quality + source.trend * double(k) + draw.normal() * 0.15;
            for (const MetricDefinition &metric : methodology.metrics()) {
                if (!metric.appliesTo.contains(source.peerType))
                    continue;
                const auto value = drawValue(metric, specs.value(metric.id).toObject(), source, quality, draw);
                if (value && draw.uniform() >= missingRate)
                    org.values.insert(metric.id, *value);
            }
            const MetricValue finance = org.values.value(deficitMetric);
            org.deficit = finance.kind == MetricValue::Kind::Number ? finance.number < 0 : quality < -0.5;
            org.deficitSupport = draw.uniform() < supportRate;
        }
    }
    return demo;
}

} // namespace owb
