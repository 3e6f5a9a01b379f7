#include "methodologyparser.h"
#include "methodologytext.h"

#include "data/quarterlabel.h"
#include "data/textlimits.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace owb {

namespace {
QString quoted(const QString &key)
{
    return QStringLiteral("\"%1\"").arg(key);
}

} // namespace

std::optional<Methodology> MethodologyParser::parse(const QByteArray &json, QString *error)
{
    // A file given now (not one a workspace already holds) is checked in full.
    const bool strict = m_yearsRequired;
    if (strict && json.size() > Methodology::kMaxFileBytes) {
        if (error)
            *error = tooLargeMessage(m_name, json.size());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    bool ok = true;
    if (parseError.error == QJsonParseError::NoError && strict)
        if (const QString key = duplicateKeyIn(json); !key.isEmpty()) {
            if (error)
                *error = QStringLiteral("%1: %2: the key is given twice; give each key once").arg(m_name, key);
            return std::nullopt;
        }
    if (parseError.error != QJsonParseError::NoError) {
        m_error = QStringLiteral("%1:%2: JSON syntax error: %3")
                      .arg(m_name, lineColumnOf(json, parseError.offset), parseError.errorString());
        ok = false;
    } else if (!document.isObject()) {
        ok = fail(QString(), QStringLiteral("the top level must be a JSON object"));
    }
    const QJsonObject root = document.object();
    if (ok && strict)
        if (const QString where = controlCharacterIn(root, QString()); !where.isEmpty())
            ok = fail(where, QStringLiteral("holds a control character (such as NUL); only plain text is allowed"));
    if (ok && strict)
        if (const QString where = placeholderIn(root, QString()); !where.isEmpty())
            ok = fail(where, QStringLiteral("is marked PLACEHOLDER: this is the template, not a methodology. Fill in "
                                            "NHS England's published values for every value marked PLACEHOLDER "
                                            "first, and give the file its own id and title"));
    if (ok) {
        const QJsonValue id = root.value(QStringLiteral("id"));
        if (!id.isString() || id.toString().trimmed().isEmpty())
            ok = fail(QString(), QStringLiteral("%1 is required and must be a non-empty string")
                                     .arg(quoted(QStringLiteral("id"))));
        else if (strict && id.toString().trimmed().size() > kMaxIdLength)
            ok = fail(QStringLiteral("id"), QStringLiteral("is %1 characters long; an id is at most %2 characters, "
                                                           "such as nof-2026-27")
                                                .arg(id.toString().trimmed().size())
                                                .arg(kMaxIdLength));
        else if (strict && !isSafeId(id.toString().trimmed()))
            ok = fail(QStringLiteral("id"), QStringLiteral("\"%1\" is not a plain id: use letters, digits, dots, "
                                                           "hyphens and underscores only, such as nof-2026-27")
                                                .arg(id.toString().trimmed().left(60).replace(QLatin1Char('\n'), QStringLiteral("\\n"))
                                                         .replace(QLatin1Char('\t'), QStringLiteral("\\t"))));
        m_result.m_id = id.toString().trimmed();
    }
    ok = ok && readYears(root) && readPeerTypes(root) && readDomains(root) && readMetrics(root)
         && readSegmentation(root) && readLabelsAndCapability(root) && readSystemConsiderations(root)
         && readCasework(root);
    if (ok) {
        const QJsonValue title = root.value(QStringLiteral("title"));
        if (strict && (!title.isString() || title.toString().trimmed().isEmpty()))
            ok = fail(QString(), QStringLiteral("%1 is required: the methodology's name, such as \"NHS Oversight "
                                                "Framework 2026/27\"")
                                     .arg(quoted(QStringLiteral("title"))));
        else if (strict && title.toString().contains(QLatin1Char('\n')))
            ok = fail(QStringLiteral("title"), QStringLiteral("must be one line"));
        m_result.m_title = title.toString(m_result.m_id).trimmed();
    }
    ok = ok && (!strict || (checkShownTexts(root) && checkNotSegmentedNotes()));
    if (!ok) {
        if (error)
            *error = m_error;
        return std::nullopt;
    }
    m_result.m_source = json;
    m_result.m_sha256 = QString::fromLatin1(
        QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex());
    return m_result;
}

bool MethodologyParser::checkShownTexts(const QJsonObject &root)
{
    if (const auto [where, c] = formatCharacterIn(root, QString()); !where.isEmpty())
        return fail(where, QStringLiteral("holds %1; only plain text is allowed: type the text again without it")
                               .arg(formatCharacterText(c)));
    const auto tooLong = [this](const QString &where, const QString &text) {
        const qsizetype length = visibleLength(text);
        return length > kMaxNameLength
            && !fail(where, QStringLiteral("is %1 characters long; at most %2 are allowed (it is shown as a "
                                           "name, on one line)")
                                .arg(length)
                                .arg(kMaxNameLength));
    };
    if (tooLong(QStringLiteral("title"), m_result.m_title) || tooLong(QStringLiteral("programme_name"), m_result.m_programmeName))
        return false;
    for (auto it = m_result.m_segmentLabels.constBegin(); it != m_result.m_segmentLabels.constEnd(); ++it)
        if (tooLong(QStringLiteral("segment_labels: %1").arg(it.key()), it.value()))
            return false;
    for (const PeerType &type : std::as_const(m_result.m_peerTypes))
        if (tooLong(QStringLiteral("peer type %1: name").arg(type.id), type.name))
            return false;
    return true;
}

bool MethodologyParser::checkNotSegmentedNotes()
{
    for (const PeerType &type : std::as_const(m_result.m_peerTypes))
        if (!type.segmented && type.notSegmented.trimmed().isEmpty())
            return fail(QStringLiteral("peer type %1").arg(type.id),
                        QStringLiteral("%1 is false, so %2 is required: the reason each of its cases shows, such as "
                                       "\"ICBs are not segmented in 2025/26\"")
                            .arg(quoted(QStringLiteral("segmented")), quoted(QStringLiteral("not_segmented_note"))));
    return true;
}

bool MethodologyParser::readYears(const QJsonObject &root)
{
    const QJsonValue value = root.value(QStringLiteral("years"));
    if (value.isUndefined() && !m_yearsRequired)
        return true;
    const QString rule = QStringLiteral("%1 is required: the financial years the file applies to, such as "
                                        "[\"2025/26\"]")
                             .arg(quoted(QStringLiteral("years")));
    if (value.isString())
        return fail(QStringLiteral("years"),
                    QStringLiteral("must be a list of financial years, such as [\"%1\"], not the text \"%1\"")
                        .arg(value.toString().left(40)));
    if (!value.isArray())
        return fail(QString(), rule);
    if (value.toArray().isEmpty())
        return fail(QStringLiteral("years"),
                    QStringLiteral("the list is empty: it must name at least one financial year, such as "
                                   "[\"2025/26\"]"));
    for (const QJsonValue item : value.toArray()) {
        QString problem;
        const QString year = item.isString() ? canonicalYear(item.toString(), &problem) : QString();
        if (year.isEmpty())
            return fail(QStringLiteral("years"),
                        item.isString() ? problem : QStringLiteral("every year must be a string such as \"2025/26\""));
        if (year != item.toString())
            return fail(QStringLiteral("years"),
                        QStringLiteral("write \"%1\" as \"%2\"").arg(item.toString(), year));
        if (m_result.m_years.contains(year))
            return fail(QStringLiteral("years"), QStringLiteral("\"%1\" is listed twice").arg(year));
        m_result.m_years.append(year);
    }
    std::sort(m_result.m_years.begin(), m_result.m_years.end());
    return true;
}

bool MethodologyParser::readPeerTypes(const QJsonObject &root)
{
    const QJsonValue value = root.value(QStringLiteral("peer_types"));
    if (!value.isArray() || value.toArray().isEmpty())
        return fail(QString(), QStringLiteral("%1 is required and must be a non-empty array")
                                   .arg(quoted(QStringLiteral("peer_types"))));
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        const QString where = QStringLiteral("peer type %1").arg(i + 1);
        PeerType type;
        type.id = object.value(QStringLiteral("id")).toString().trimmed();
        if (type.id.isEmpty())
            return fail(where, QStringLiteral("%1 is required").arg(quoted(QStringLiteral("id"))));
        type.name = object.value(QStringLiteral("name")).toString(type.id);
        for (const QJsonValue alias : object.value(QStringLiteral("aliases")).toArray())
            type.aliases.append(alias.toString());
        const QJsonValue segmented = object.value(QStringLiteral("segmented"));
        if (!segmented.isUndefined() && !segmented.isBool())
            return fail(QStringLiteral("peer type %1").arg(type.id),
                        QStringLiteral("%1 must be true or false").arg(quoted(QStringLiteral("segmented"))));
        type.segmented = segmented.toBool(true);
        type.notSegmented = object.value(QStringLiteral("not_segmented_note")).toString();
        const int index = m_result.m_peerTypes.size();
        QStringList keys{type.id, type.name};
        keys += type.aliases;
        for (const QString &key : std::as_const(keys)) {
            const QString folded = key.trimmed().toCaseFolded();
            if (folded.isEmpty())
                continue;
            const auto existing = m_result.m_peerTypeLookup.constFind(folded);
            if (existing != m_result.m_peerTypeLookup.cend() && *existing != index)
                return fail(QStringLiteral("peer type %1").arg(type.id),
                            QStringLiteral("name or alias \"%1\" is already used by peer type %2")
                                .arg(key, m_result.m_peerTypes.at(*existing).id));
            m_result.m_peerTypeLookup.insert(folded, index);
        }
        m_result.m_peerTypes.append(type);
    }
    return true;
}

bool MethodologyParser::readDomains(const QJsonObject &root)
{
    const QJsonValue value = root.value(QStringLiteral("domains"));
    if (!value.isArray())
        return fail(QString(), QStringLiteral("%1 is required and must be an array")
                                   .arg(quoted(QStringLiteral("domains"))));
    QSet<QString> seen;
    for (const QJsonValue item : value.toArray()) {
        const QJsonObject object = item.toObject();
        Domain domain{object.value(QStringLiteral("id")).toString().trimmed(),
                      object.value(QStringLiteral("name")).toString()};
        if (domain.id.isEmpty())
            return fail(QStringLiteral("domain %1").arg(m_result.m_domains.size() + 1),
                        QStringLiteral("%1 is required").arg(quoted(QStringLiteral("id"))));
        if (seen.contains(domain.id))
            return fail(QStringLiteral("domain %1").arg(domain.id), QStringLiteral("duplicate id"));
        if (domain.name.isEmpty())
            domain.name = domain.id;
        seen.insert(domain.id);
        m_result.m_domains.append(domain);
    }
    return true;
}

bool MethodologyParser::readMetrics(const QJsonObject &root)
{
    const QJsonValue value = root.value(QStringLiteral("metrics"));
    if (!value.isArray() || value.toArray().isEmpty())
        return fail(QString(), QStringLiteral("%1 is required and must be a non-empty array")
                                   .arg(quoted(QStringLiteral("metrics"))));
    for (const QJsonValue item : value.toArray()) {
        MetricDefinition metric;
        if (!item.isObject())
            return fail(QStringLiteral("metric %1").arg(m_result.m_metrics.size() + 1),
                        QStringLiteral("must be a JSON object"));
        if (!readMetric(item.toObject(), &metric))
            return false;
        if (m_result.m_metricIndex.contains(metric.id))
            return fail(QStringLiteral("metric %1").arg(metric.id), QStringLiteral("duplicate id"));
        m_result.m_metricIndex.insert(metric.id, m_result.m_metrics.size());
        m_result.m_metrics.append(metric);
    }
    return true;
}

bool MethodologyParser::readOptionalNumber(const QJsonObject &object, const QString &key,
                                           const QString &where, std::optional<double> *out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isDouble())
        return fail(where, QStringLiteral("%1 must be a number or null").arg(quoted(key)));
    *out = value.toDouble();
    return true;
}

bool MethodologyParser::readMetric(const QJsonObject &object, MetricDefinition *metric)
{
    metric->id = object.value(QStringLiteral("id")).toString().trimmed();
    if (metric->id.isEmpty())
        return fail(QStringLiteral("metric %1").arg(m_result.m_metrics.size() + 1),
                    QStringLiteral("%1 is required").arg(quoted(QStringLiteral("id"))));
    const QString where = QStringLiteral("metric %1").arg(metric->id);
    if (metric->id == Methodology::kDeficit || metric->id == Methodology::kDeficitSupport)
        return fail(where, QStringLiteral("this id is reserved for finances"));
    metric->name = object.value(QStringLiteral("name")).toString(metric->id);
    metric->units = object.value(QStringLiteral("units")).toString();

    metric->domain = object.value(QStringLiteral("domain")).toString();
    const bool knownDomain = std::any_of(m_result.m_domains.cbegin(), m_result.m_domains.cend(),
                                         [&](const Domain &d) { return d.id == metric->domain; });
    if (!knownDomain)
        return fail(where, QStringLiteral("%1 must name one of the domains (got \"%2\")")
                               .arg(quoted(QStringLiteral("domain")), metric->domain));

    if (!readPeerTypeIds(object, where, &metric->appliesTo))
        return false;

    const QJsonValue scored = object.value(QStringLiteral("scored"));
    if (!scored.isUndefined() && !scored.isBool())
        return fail(where, QStringLiteral("%1 must be true or false").arg(quoted(QStringLiteral("scored"))));
    metric->scored = scored.toBool(true);

    const QJsonValue weight = object.value(QStringLiteral("weight"));
    if (!weight.isUndefined() && !weight.isNull()) {
        const auto parsed = weight.isDouble() ? Rational::fromDouble(weight.toDouble())
                            : weight.isString() ? Rational::parse(weight.toString())
                                                : std::nullopt;
        if (!parsed)
            return fail(where, QStringLiteral("%1 must be a positive number or a fraction such as \"1/3\"")
                                   .arg(quoted(QStringLiteral("weight"))));
        metric->weight = *parsed;
    }

    const QJsonValue bands = object.value(QStringLiteral("bands"));
    if (!bands.isUndefined() && !bands.isNull()) {
        if (!bands.isArray() || bands.toArray().isEmpty())
            return fail(where, QStringLiteral("%1 must be a non-empty array").arg(quoted(QStringLiteral("bands"))));
        if (!readBands(bands.toArray(), where, metric))
            return false;
        if (!metric->labelBands)
            return readRange(object, where, metric); // numeric bands: values have a range too
        if (object.contains(QStringLiteral("range")))
            return fail(
                where, QStringLiteral("\"range\" applies to numbers; a metric banded by label has none"));
        return true;
    }

    const QString direction = object.value(QStringLiteral("direction")).toString();
    if (direction == QLatin1String("higher"))
        metric->direction = Direction::Higher;
    else if (direction == QLatin1String("lower"))
        metric->direction = Direction::Lower;
    else
        return fail(where, QStringLiteral("\"direction\" must be \"higher\" or \"lower\""));

    if (!readOptionalNumber(object, QStringLiteral("standard"), where, &metric->standard)
        || !readOptionalNumber(object, QStringLiteral("floor"), where, &metric->floor))
        return false;
    if (metric->standard && metric->floor) {
        const bool higher = metric->direction == Direction::Higher;
        if (higher ? *metric->floor >= *metric->standard : *metric->floor <= *metric->standard)
            return fail(where, higher ? QStringLiteral("\"floor\" must be below \"standard\" when higher is better")
                                      : QStringLiteral("\"floor\" must be above \"standard\" when lower is better"));
    }
    return readRange(object, where, metric);
}

bool MethodologyParser::readRange(const QJsonObject &object, const QString &where, MetricDefinition *metric)
{
    const QJsonValue range = object.value(QStringLiteral("range"));
    // Every metric read as a number declares its range (scored and
    // contextual alike): without one, any number at all would be taken in.
    if (range.isUndefined())
        return fail(where,
            QStringLiteral("\"range\" is required: give the values this metric can take as [minimum, maximum], "
                           "each a number or null for no limit, such as [0, 100] for a percentage"));
    const QJsonArray ends = range.toArray();
    auto isEnd = [](const QJsonValue &v) {
        return v.isNull() || (v.isDouble() && std::abs(v.toDouble()) <= MetricDefinition::kAbsurd);
    };
    if (!range.isArray() || ends.size() != 2 || !isEnd(ends.at(0)) || !isEnd(ends.at(1)))
        return fail(where,
            QStringLiteral("\"range\" must be [minimum, maximum], each a number (at most 1e12 "
                           "either way) or null for no limit, such as [0, 100]"));
    if (ends.at(0).isDouble())
        metric->minimum = ends.at(0).toDouble();
    if (ends.at(1).isDouble())
        metric->maximum = ends.at(1).toDouble();
    if (metric->minimum && metric->maximum && *metric->minimum >= *metric->maximum)
        return fail(where, QStringLiteral("\"range\" must have its minimum below its maximum"));
    for (const auto &[key, value] :
        { std::pair { "standard", metric->standard }, std::pair { "floor", metric->floor } })
        if (value && !metric->inRange(*value))
            return fail(where,
                QStringLiteral("\"%1\" %2 lies outside \"range\" (%3)")
                    .arg(QLatin1String(key))
                    .arg(*value)
                    .arg(metric->rangeText()));
    return true;
}

bool MethodologyParser::readBands(const QJsonArray &bands, const QString &where,
                                  MetricDefinition *metric)
{
    metric->labelBands = bands.first().toObject().contains(QStringLiteral("label"));
    QSet<QString> labels;
    for (int i = 0; i < bands.size(); ++i) {
        const QJsonObject object = bands.at(i).toObject();
        const QString bandWhere = QStringLiteral("%1: band %2").arg(where).arg(i + 1);
        Band band;
        const QJsonValue score = object.value(QStringLiteral("score"));
        const double s = score.toDouble(-1);
        if (!score.isDouble() || s < 1 || s > 4)
            return fail(bandWhere, QStringLiteral("\"score\" must be a number from 1 to 4"));
        band.score = Hundredths(roundHalfAwayFromZero(std::llround(s * 1000), 10));
        if (metric->labelBands) {
            band.label = object.value(QStringLiteral("label")).toString().trimmed();
            if (band.label.isEmpty())
                return fail(bandWhere, QStringLiteral("\"label\" must be a non-empty string"));
            if (labels.contains(band.label.toCaseFolded()))
                return fail(bandWhere, QStringLiteral("duplicate label \"%1\"").arg(band.label));
            labels.insert(band.label.toCaseFolded());
        } else {
            if (object.contains(QStringLiteral("label")))
                return fail(bandWhere, QStringLiteral("mixes label and numeric bands"));
            const QJsonValue upto = object.value(QStringLiteral("upto"));
            if (!upto.isUndefined() && !upto.isNull()) {
                if (!upto.isDouble())
                    return fail(bandWhere, QStringLiteral("\"upto\" must be a number"));
                band.upto = upto.toDouble();
            } else if (i != bands.size() - 1) {
                return fail(bandWhere, QStringLiteral("only the last band may leave out \"upto\""));
            }
            if (i > 0 && band.upto && *band.upto <= *metric->bands.last().upto)
                return fail(bandWhere, QStringLiteral("bands out of order: \"upto\" must increase"));
        }
        metric->bands.append(band);
    }
    return true;
}

bool MethodologyParser::readSegmentation(const QJsonObject &root)
{
    const QJsonValue value = root.value(QStringLiteral("segmentation"));
    if (!value.isObject())
        return fail(QString(), QStringLiteral("%1 is required and must be an object")
                                   .arg(quoted(QStringLiteral("segmentation"))));
    const QJsonObject object = value.toObject();
    const QString method = object.value(QStringLiteral("method")).toString();
    SegmentationRule &rule = m_result.m_segmentation;
    if (method == QLatin1String("peer-quartiles")) {
        rule.method = SegmentationRule::Method::PeerQuartiles;
    } else if (method == QLatin1String("thresholds")) {
        rule.method = SegmentationRule::Method::Thresholds;
        const QJsonObject cuts = object.value(QStringLiteral("cuts")).toObject();
        for (const PeerType &type : std::as_const(m_result.m_peerTypes)) {
            if (!type.segmented)
                continue;
            const QString where = QStringLiteral("segmentation: cuts: %1").arg(type.id);
            const QJsonArray array = cuts.value(type.id).toArray();
            if (array.size() != 3 || !array.at(0).isDouble() || !array.at(1).isDouble()
                || !array.at(2).isDouble())
                return fail(where, QStringLiteral("must be three numbers [t1, t2, t3]"));
            const std::array<double, 3> t{array.at(0).toDouble(), array.at(1).toDouble(),
                                          array.at(2).toDouble()};
            if (!(t[0] < t[1] && t[1] < t[2]))
                return fail(where, QStringLiteral("thresholds must be strictly increasing"));
            // Metric scores, and so their average, run from 1.00 to 4.00
            // (framework.md §3 step 1): a cut outside that cannot separate segments.
            if (m_yearsRequired && (t[0] <= 1.0 || t[2] >= 4.0))
                return fail(where, QStringLiteral("thresholds must lie between 1 and 4 (the range of the average "
                                                  "metric score), such as [2.1, 2.4, 2.7]"));
            rule.cuts.insert(type.id, t);
        }
        for (auto it = cuts.constBegin(); it != cuts.constEnd(); ++it)
            if (!m_result.peerType(it.key()))
                return fail(QStringLiteral("segmentation: cuts"),
                            QStringLiteral("unknown peer type \"%1\"").arg(it.key()));
    } else {
        return fail(QStringLiteral("segmentation"),
                    QStringLiteral("\"method\" must be \"peer-quartiles\" or \"thresholds\""));
    }
    return true;
}

bool MethodologyParser::readNamedList(const QJsonValue &value, const QString &where,
                                      QList<NamedItem> *out)
{
    if (!value.isArray() || value.toArray().isEmpty())
        return fail(where, QStringLiteral("must be a non-empty array of {\"id\", \"name\"}"));
    out->clear();
    for (const QJsonValue item : value.toArray()) {
        NamedItem named{item.toObject().value(QStringLiteral("id")).toString(),
                        item.toObject().value(QStringLiteral("name")).toString()};
        if (named.id.isEmpty())
            return fail(where, QStringLiteral("every item needs an \"id\""));
        if (named.name.isEmpty())
            named.name = named.id;
        out->append(named);
    }
    return true;
}

bool MethodologyParser::readLabelsAndCapability(const QJsonObject &root)
{
    const QJsonValue finance = root.value(QStringLiteral("finance_override"));
    m_result.m_financeCap = m_defaults ? m_defaults->m_financeCap : 3;
    if (!finance.isUndefined()) {
        const int cap = finance.toObject().value(QStringLiteral("cap")).toInt(-1);
        if (cap < 1 || cap > 4)
            return fail(QStringLiteral("finance_override"), QStringLiteral("\"cap\" must be a segment from 1 to 4"));
        m_result.m_financeCap = cap;
    }

    const bool strict = m_yearsRequired;
    const QJsonValue labelsValue = root.value(QStringLiteral("segment_labels"));
    if (strict && !labelsValue.isObject())
        return fail(QString(), QStringLiteral("%1 is required: an object with the label of each segment, \"1\" to "
                                              "\"4\" (and \"5\" when the year has a programme)")
                                   .arg(quoted(QStringLiteral("segment_labels"))));
    if (m_defaults && !strict)
        m_result.m_segmentLabels = m_defaults->m_segmentLabels;
    const QJsonObject labels = labelsValue.toObject();
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it) {
        bool ok = false;
        const int segment = it.key().toInt(&ok);
        if (!ok || segment < 1 || segment > 5 || !it.value().isString())
            return fail(QStringLiteral("segment_labels"),
                        QStringLiteral("keys must be segments \"1\" to \"5\" with text labels"));
        if (strict && (it.value().toString().trimmed().isEmpty() || it.value().toString().contains(QLatin1Char('\n'))))
            return fail(QStringLiteral("segment_labels: %1").arg(segment), QStringLiteral("must be one line of text"));
        m_result.m_segmentLabels.insert(segment, it.value().toString());
    }
    if (strict)
        for (int segment = 1; segment <= 4; ++segment)
            if (!m_result.m_segmentLabels.contains(segment))
                return fail(QStringLiteral("segment_labels"),
                            QStringLiteral("the label of segment \"%1\" is missing: segments 1 to 4 each need one")
                                .arg(segment));
    // Whether the year has a programme segment (5): "programme_name": null
    // says it has none; a name says it has one; absent, a segment-5 label
    // (or, for a file a workspace holds, the built-in file) says so.
    const QJsonValue programme = root.value(QStringLiteral("programme_name"));
    if (programme.isNull()) {
        m_result.m_programmeName.clear();
        // No segment 5 then, not even the default labels' (a file a workspace
        // holds is read over the built-in one's labels).
        if (!labels.contains(QStringLiteral("5")))
            m_result.m_segmentLabels.remove(5);
    } else if (programme.isString() && !programme.toString().trimmed().isEmpty()) {
        m_result.m_programmeName = programme.toString().trimmed();
    } else if (!programme.isUndefined()) {
        return fail(QStringLiteral("programme_name"),
                    QStringLiteral("must be the programme's name, or null when the year has no programme segment"));
    } else if (strict && labels.contains(QStringLiteral("5"))) {
        // Said both ways or not at all: a label 5 alone could be a left-over.
        return fail(QStringLiteral("programme_name"),
                    QStringLiteral("is missing, but segment_labels gives segment \"5\" a label: name the year's "
                                   "programme, such as \"programme_name\": \"Recovery Support Programme\", or, if the "
                                   "year has no programme segment, write \"programme_name\": null and remove the label "
                                   "of segment \"5\""));
    } else if (!strict) {
        m_result.m_programmeName = m_defaults ? m_defaults->m_programmeName : m_result.m_segmentLabels.value(5);
    }
    if (m_result.m_programmeName.isEmpty() && m_result.m_segmentLabels.contains(5))
        return fail(QStringLiteral("segment_labels: 5"),
                    QStringLiteral("the file says the year has no programme (\"programme_name\": null), so it has no "
                                   "segment 5: remove its label, or name the programme"));
    if (strict && !m_result.m_programmeName.isEmpty() && !labels.contains(QStringLiteral("5")))
        return fail(QStringLiteral("segment_labels"),
                    QStringLiteral("the label of segment \"5\" is missing, but \"programme_name\" names a programme "
                                   "(\"%1\"): give segment \"5\" its label, such as \"5\": \"%1\", or, if the year "
                                   "has no programme segment, write \"programme_name\": null")
                        .arg(m_result.m_programmeName));
    if (!m_result.m_programmeName.isEmpty() && !m_result.m_segmentLabels.contains(5))
        m_result.m_segmentLabels.insert(5, m_result.m_programmeName);
    if (strict && m_result.m_programmeName.contains(QLatin1Char('\n')))
        return fail(QStringLiteral("programme_name"), QStringLiteral("must be one line"));

    const QJsonValue causes = root.value(QStringLiteral("root_cause_categories"));
    if (causes.isUndefined()) {
        if (m_defaults)
            m_result.m_rootCauses = m_defaults->m_rootCauses;
    } else if (!readNamedList(causes, QStringLiteral("root_cause_categories"), &m_result.m_rootCauses)) {
        return false;
    }

    const QJsonValue capability = root.value(QStringLiteral("capability"));
    if (capability.isUndefined()) {
        if (m_defaults) {
            m_result.m_capabilityAreas = m_defaults->m_capabilityAreas;
            m_result.m_capabilityRatings = m_defaults->m_capabilityRatings;
        }
        return true;
    }
    const QJsonObject object = capability.toObject();
    return readNamedList(object.value(QStringLiteral("areas")), QStringLiteral("capability: areas"),
                         &m_result.m_capabilityAreas)
           && readNamedList(object.value(QStringLiteral("ratings")),
                            QStringLiteral("capability: ratings"), &m_result.m_capabilityRatings);
}

bool MethodologyParser::readPeerTypeIds(const QJsonObject &object, const QString &where, QStringList *out)
{
    const QJsonValue applies = object.value(QStringLiteral("applies_to"));
    if (!applies.isArray() || applies.toArray().isEmpty())
        return fail(where, QStringLiteral("%1 must be a non-empty array of peer type ids")
                               .arg(quoted(QStringLiteral("applies_to"))));
    for (const QJsonValue type : applies.toArray()) {
        if (!m_result.peerType(type.toString()))
            return fail(where, QStringLiteral("%1 names an unknown peer type \"%2\"")
                                   .arg(quoted(QStringLiteral("applies_to")), type.toString()));
        out->append(type.toString());
    }
    return true;
}

bool MethodologyParser::readSystemConsiderations(const QJsonObject &root)
{
    const QJsonValue value = root.value(QStringLiteral("system_considerations"));
    if (value.isUndefined())
        return true;
    const QString where = QStringLiteral("system_considerations");
    if (!value.isObject())
        return fail(where, QStringLiteral("must be an object"));
    const QJsonObject object = value.toObject();
    if (!readPeerTypeIds(object, where, &m_result.m_systemPeerTypes))
        return false;
    QSet<QString> seen;
    const QJsonArray tests = object.value(QStringLiteral("tests")).toArray();
    if (tests.isEmpty())
        return fail(where, QStringLiteral("%1 must be a non-empty array").arg(quoted(QStringLiteral("tests"))));
    for (const QJsonValue item : tests) {
        const QJsonObject test = item.toObject();
        SystemConsideration consideration{test.value(QStringLiteral("id")).toString().trimmed(),
                                          test.value(QStringLiteral("priority")).toString(),
                                          test.value(QStringLiteral("test")).toString()};
        const QString testWhere = QStringLiteral("%1: test %2").arg(where).arg(m_result.m_systemConsiderations.size() + 1);
        if (consideration.id.isEmpty() || consideration.test.isEmpty())
            return fail(testWhere, QStringLiteral("needs an \"id\" and a \"test\""));
        if (seen.contains(consideration.id))
            return fail(testWhere, QStringLiteral("duplicate id \"%1\"").arg(consideration.id));
        seen.insert(consideration.id);
        m_result.m_systemConsiderations.append(consideration);
    }
    return true;
}

// The casework choices (caseworkchoices.h): a file without them uses the
// built-in file's.
bool MethodologyParser::readCasework(const QJsonObject &root)
{
    const QJsonValue value = root.value(QStringLiteral("casework"));
    if (value.isUndefined()) {
        if (!m_defaults)
            return fail(QString(), QStringLiteral("%1 is required").arg(quoted(QStringLiteral("casework"))));
        m_result.m_casework = m_defaults->m_casework;
        return true;
    }
    QString where;
    QString what;
    return readCaseworkChoices(value, &m_result.m_casework, &where, &what) || fail(where, what);
}

} // namespace owb
