#include "metricfilereader.h"

#include "cnumber.h"
#include "csvreader.h"
#include "framework/scoring.h"
#include "orgcode.h"
#include "quarterlabel.h"
#include "textlimits.h"

#include <QCoreApplication>
#include <QFile>
#include <algorithm>
#include <QSet>
#include <cmath>

namespace owb {

namespace {

enum Column { Quarter, OrgCode, OrgName, OrgType, MetricId, Value, Region, ColumnCount };

// Accepted header names per column, lower case.
const QList<QStringList> &headerNames()
{
    static const QList<QStringList> names{
        {QStringLiteral("quarter")},
        {QStringLiteral("org_code"), QStringLiteral("trust_code")},
        {QStringLiteral("org_name"), QStringLiteral("trust_name")},
        {QStringLiteral("org_type"), QStringLiteral("trust_type")},
        {QStringLiteral("metric_id")},
        {QStringLiteral("value")},
        {QStringLiteral("region")},
    };
    return names;
}

std::optional<bool> parseFlag(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("1") || t == QLatin1String("yes") || t == QLatin1String("true"))
        return true;
    if (t == QLatin1String("0") || t == QLatin1String("no") || t == QLatin1String("false"))
        return false;
    return std::nullopt;
}

std::optional<double> parseNumber(QString text)
{
    if (text.endsWith(QLatin1Char('%')))
        text.chop(1);
    return parseCNumber(text);
}

bool isMissingText(const QString &t)
{
    return t.isEmpty() || t == QLatin1String("*") || t == QLatin1String("-");
}

struct SeenValue
{
    MetricValue value;
    int line;
};

// What the file has said so far about one organisation in one quarter.
struct SeenOrganisation
{
    QString type;
    int typeLine = 0;
    QString region; // the first region named (rows may leave it empty)
    int regionLine = 0;
    QHash<QString, SeenValue> values;  // metric id -> first value
};

// Reads one file; holds the per-file bookkeeping that checks need.
class Reading
{
public:
    Reading(const Methodology &m, QString name, Diagnostics *errors)
        : methodology(m), file(std::move(name)), errors(errors)
    {
    }

    bool header(const CsvRecord &record);
    void row(const CsvRecord &record);
    void fileError(const Diagnostic &diagnostic) { error(diagnostic.line, diagnostic.column, diagnostic.message); }
    // Closes the reading: the summary and the dataset, or nullopt on errors.
    std::optional<MetricDataset> finish(MetricFileSummary *out);

    const Methodology &methodology;
    QString file;
    Diagnostics *errors;
    int errorCount = 0;
    MetricDataset dataset;
    MetricFileSummary summary;

private:
    void error(const CsvField &field, const QString &message)
    {
        error(field.line, field.column, message);
    }
    void error(int line, int column, const QString &message)
    {
        if (++errorCount <= MetricFileReader::kMaxListedErrors)
            errors->append({file, line, column, message});
    }
    std::optional<MetricValue> parseValue(const MetricDefinition &metric, const CsvField &field);
    // False (after saying why) for a row without a field for every column of the header.
    bool complete(const CsvRecord &record);
    // The canonical quarter, or empty after an error.
    QString quarterOf(const CsvField &field);

    const PeerType *peerType(const QString &text);
    QuarterData &quarter(const QString &label);

    std::array<int, ColumnCount> m_columns{};
    QStringList m_header;
    int m_suppressedRows = 0; // rows of a methodology metric with no value ('*', '-' or empty)
    int m_matchedRows = 0; // rows with a value of a methodology metric (a file of finance flags
                           // or empty values alone would wipe the metrics of what it names)
    QHash<QString, QString> m_quarterSpellings; // as written -> canonical
    QSet<QString> m_unknownMetrics;
    static constexpr qsizetype kMaxRememberedUnknown = 10000;
    QHash<QString, QHash<QString, SeenOrganisation>> m_seen;  // quarter -> org code -> ...
    // Rows come grouped, so the last answers are usually the next ones too.
    QString m_lastTypeText;
    const PeerType *m_lastType = nullptr;
    qsizetype m_lastQuarter = -1;
};

const PeerType *Reading::peerType(const QString &text)
{
    if (m_lastType && text == m_lastTypeText)
        return m_lastType;
    const PeerType *type = methodology.resolvePeerType(text);
    if (type) {
        m_lastTypeText = text;
        m_lastType = type;
    }
    return type;
}

QuarterData &Reading::quarter(const QString &label)
{
    if (m_lastQuarter >= 0 && dataset.quarters.at(m_lastQuarter).label == label)
        return dataset.quarters[m_lastQuarter];
    QuarterData &q = dataset.quarter(label);
    m_lastQuarter = &q - dataset.quarters.data();
    return q;
}

bool Reading::header(const CsvRecord &record)
{
    m_columns.fill(-1);
    for (const CsvField &field : record.fields)
        m_header.append(field.text.trimmed());
    for (int i = 0; i < record.fields.size(); ++i) {
        const QString name = record.fields.at(i).text.trimmed().toLower();
        for (int c = 0; c < ColumnCount; ++c) {
            if (!headerNames().at(c).contains(name))
                continue;
            if (m_columns[c] >= 0)
                error(record.fields.at(i), QStringLiteral("column \"%1\" appears twice").arg(shownValue(record.fields.at(i).text)));
            m_columns[c] = i;
        }
    }
    for (int c = 0; c < ColumnCount; ++c)
        if (c != Region && m_columns[c] < 0)
            error(record.line, 0,
                  QStringLiteral("missing required column \"%1\" (the header needs quarter, org_code, "
                                 "org_name, org_type, metric_id and value)")
                      .arg(headerNames().at(c).first()));
    return errorCount == 0;
}

std::optional<MetricValue> Reading::parseValue(const MetricDefinition &metric, const CsvField &field)
{
    const QString text = field.text.trimmed();
    if (isMissingText(text))
        return MetricValue::missing();
    if (metric.isBanded() && metric.labelBands) {
        if (const Band *band = findLabelBand(metric, text))
            return MetricValue::fromLabel(band->label);
        QStringList labels;
        for (const Band &band : metric.bands)
            labels.append(band.label);
        error(field, QStringLiteral("unknown band label \"%1\" for metric %2 (expected one of: %3)")
                         .arg(shownValue(text), metric.id, labels.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    if (const auto number = parseNumber(text)) {
        if (metric.inRange(*number))
            return MetricValue::fromNumber(*number);
        // Inside the declared range but beyond any real value (a range open
        // at one end): saying "outside the range 0 or more" of 2e12 would
        // contradict itself, so the message names both limits.
        const bool declaredOk = (!metric.minimum || *number >= *metric.minimum)
            && (!metric.maximum || *number <= *metric.maximum);
        if (declaredOk || metric.rangeText().isEmpty())
            error(field,
                QStringLiteral("value %1 is too large to be a real value for %2 (%3): no value may go beyond %4 "
                               "either way%5")
                    .arg(shownValue(text), metric.id, metric.name, plainNumber(MetricDefinition::kAbsurd),
                        metric.rangeText().isEmpty() ? QString()
                                                     : QStringLiteral(" (the valid range is %1)").arg(metric.rangeText())));
        else
            error(field,
                QStringLiteral("value %1 is outside the valid range %2 for %3 (%4)")
                    .arg(shownValue(text), metric.rangeText(), metric.id, metric.name));
        return std::nullopt;
    }
    // Written as a number, but too large (or small) for any number a value
    // can hold (1e400): the range is what the user needs to know.
    const QString digits = text.endsWith(QLatin1Char('%')) ? text.chopped(1) : text;
    if (!metric.labelBands && !digits.isEmpty()
        && std::all_of(digits.cbegin(), digits.cend(),
            [](QChar c) { return (c.isDigit() && c.unicode() < 128) || QStringLiteral("+-.eE").contains(c); })
        && std::any_of(digits.cbegin(), digits.cend(), [](QChar c) { return c.isDigit(); })
        && digits.contains(QLatin1Char('e'), Qt::CaseInsensitive)) {
        error(field,
            QStringLiteral("value %1 is beyond any number a value can hold for %2 (%3)%4")
                .arg(shownValue(text), metric.id, metric.name,
                    metric.rangeText().isEmpty() ? QString()
                                                 : QStringLiteral(": the valid range is %1").arg(metric.rangeText())));
        return std::nullopt;
    }
    if (!metric.scored)
        return MetricValue::fromLabel(text);  // contextual: kept as reported
    error(field, QStringLiteral("\"%1\" is not a number (metric %2 needs a number, or empty, '*' "
                                "or '-' when missing)")
                     .arg(shownValue(text), metric.id));
    return std::nullopt;
}

bool Reading::complete(const CsvRecord &record)
{
    const qsizetype have = record.fields.size();
    if (have < m_header.size()) {
        // Point just after the last field, where the missing ones should be.
        const CsvField &last = record.fields.last();
        error(last.line, last.column + int(last.text.size()),
            QStringLiteral("this row ends after %1 of the header's %2 columns: no %3 (every row needs a "
                           "field for every column, empty when there is no value)")
                .arg(have)
                .arg(m_header.size())
                .arg(shownValue(m_header.at(have))));
        return false;
    }
    for (qsizetype i = m_header.size(); i < have; ++i) {
        // Trailing empty fields are harmless; text there means the columns shifted.
        if (!record.fields.at(i).text.trimmed().isEmpty()) {
            error(record.fields.at(i),
                QStringLiteral("this row has %1 fields but the header has %2 columns (a value with a comma "
                               "in it must be in double quotes)")
                    .arg(have)
                    .arg(m_header.size()));
            return false;
        }
    }
    return true;
}

QString Reading::quarterOf(const CsvField &field)
{
    // Files repeat a handful of spellings on every row: parse each once.
    const auto known = m_quarterSpellings.constFind(field.text);
    if (known != m_quarterSpellings.cend())
        return *known;
    QString problem;
    const QString canonical = canonicalQuarter(field.text, &problem);
    if (canonical.isEmpty()) {
        error(field, problem);
        return {};
    }
    m_quarterSpellings.insert(field.text, canonical);
    return canonical;
}

void Reading::row(const CsvRecord &record)
{
    // A row of nothing but separators (",,,,,,", as spreadsheets save an
    // emptied row) is blank, like an empty line: ignored, not counted.
    if (std::all_of(record.fields.cbegin(), record.fields.cend(),
            [](const CsvField &f) { return f.text.trimmed().isEmpty(); }))
        return;
    ++summary.rows;
    if (!complete(record))
        return;
    static const CsvField absent;
    auto field = [&](Column c) -> const CsvField & {
        const int i = m_columns[c];
        return i >= 0 && i < record.fields.size() ? record.fields.at(i) : absent;
    };
    auto located = [&](Column c) {
        CsvField f = field(c);
        if (f.line == 0)  // short row: point at the end of the record
            f = {QString(), record.line, 0};
        return f;
    };

    const QString metricId = field(MetricId).text.trimmed();
    // Checked first: an empty id is no metric at all, never "not in the methodology".
    if (metricId.isEmpty())
        return error(located(MetricId), QStringLiteral("empty metric id"));
    const bool isDeficit = metricId == Methodology::kDeficit;
    const bool isSupport = metricId == Methodology::kDeficitSupport;
    const MetricDefinition *metric = methodology.metric(metricId);
    const PeerType *type = peerType(field(OrgType).text);
    if (!metric && !isDeficit && !isSupport) {
        // NHS England's files carry many metrics outside the methodology.
        ++summary.skippedUnknown;
        if (m_unknownMetrics.size() < kMaxRememberedUnknown)  // memory stays bounded on any file
            m_unknownMetrics.insert(metricId);
        if (!type)
            return;  // an organisation type the methodology does not know: not ours to judge
    } else if (!type) {
        error(located(OrgType), QStringLiteral("unknown peer type \"%1\" (expected one of the "
                                               "methodology's peer types, e.g. %2)")
                                    .arg(shownValue(field(OrgType).text.trimmed()), methodology.peerTypes().first().name));
        return;
    }

    if (field(Quarter).text.trimmed().isEmpty())
        return error(located(Quarter), QStringLiteral("empty quarter"));
    const QString quarterLabel = quarterOf(located(Quarter));
    if (quarterLabel.isEmpty())
        return;
    // The code names a file on disk: nothing but letters and digits gets through.
    const QString writtenCode = field(OrgCode).text.trimmed();
    if (const QString problem = orgCodeProblem(writtenCode); !problem.isEmpty())
        return error(located(OrgCode), problem);
    const QString code = canonicalOrgCode(writtenCode);
    const QString name = field(OrgName).text.simplified();
    if (name.isEmpty())
        return error(located(OrgName), QStringLiteral("empty organisation name"));
    if (const QString problem
        = textLengthProblem(QStringLiteral("the organisation name"), name, kMaxNameLength);
        !problem.isEmpty())
        return error(located(OrgName), problem);
    // Checked as written, before spaces are tidied: a tab or line break in a
    // name is refused, never silently turned into a space.
    if (const QString problem = controlCharacterProblem(QStringLiteral("the organisation name"), field(OrgName).text);
        !problem.isEmpty())
        return error(located(OrgName), problem);
    const QString region = field(Region).text.simplified();
    if (const QString problem = controlCharacterProblem(QStringLiteral("the region"), field(Region).text);
        !problem.isEmpty())
        return error(located(Region), problem);
    if (const QString problem = textLengthProblem(QStringLiteral("the region"), region, kMaxNameLength);
        !problem.isEmpty())
        return error(located(Region), problem);

    SeenOrganisation &seen = m_seen[quarterLabel][code];
    if (seen.typeLine == 0) {
        seen.type = type->id;
        seen.typeLine = record.line;
    } else if (seen.type != type->id) {
        return error(located(OrgType),
                     QStringLiteral("organisation %1 has two peer types in %2: %3 here, %4 on line %5")
                         .arg(code, quarterLabel, type->id, seen.type)
                         .arg(seen.typeLine));
    }

    if (!region.isEmpty()) {
        if (seen.regionLine == 0) {
            seen.region = region;
            seen.regionLine = record.line;
        } else if (seen.region.compare(region, Qt::CaseInsensitive) != 0) {
            return error(located(Region),
                QStringLiteral("organisation %1 has two regions in %2: \"%3\" here, \"%4\" on line %5 "
                               "(an organisation belongs to one region)")
                    .arg(code, quarterLabel, shownValue(region), shownValue(seen.region))
                    .arg(seen.regionLine));
        }
    }

    OrganisationQuarter &org = quarter(quarterLabel).organisation(code);
    org.peerType = type->id;
    if (org.name.isEmpty())
        org.name = name;
    if (org.region.isEmpty())
        org.region = region;

    if (!metric && !isDeficit && !isSupport)
        return;  // counted as a presence, nothing else
    if (metric && !metric->appliesTo.contains(type->id)) {
        ++summary.skippedNotApplicable;
        return;
    }

    MetricValue value;
    if (metric) {
        const auto parsed = parseValue(*metric, located(Value));
        if (!parsed)
            return;
        value = *parsed;
    } else {
        const QString text = field(Value).text.trimmed();
        const auto flag = isMissingText(text) ? std::optional<bool>(false) : parseFlag(text);
        if (!flag)
            return error(located(Value), QStringLiteral("\"%1\" is not a finance flag for %2 "
                                                        "(expected 1/0, yes/no or true/false)")
                                             .arg(shownValue(text), metricId));
        value = isMissingText(text) ? MetricValue::missing() : MetricValue::fromNumber(*flag ? 1 : 0);
    }

    const auto first = seen.values.constFind(metricId);
    if (first != seen.values.cend()) {
        if (!first->value.sameAs(value))
            error(located(Value), QStringLiteral("conflicting duplicate: %1 %2 in %3 is \"%4\" here "
                                                 "but \"%5\" on line %6")
                                      .arg(code, metricId, quarterLabel, value.toText(),
                                           first->value.toText())
                                      .arg(first->line));
        return;
    }
    seen.values.insert(metricId, {value, record.line});

    if (isDeficit)
        org.deficit = value.number != 0;
    else if (isSupport)
        org.deficitSupport = value.number != 0;
    else if (!value.isMissing()) {
        org.values.insert(metricId, value);
        ++m_matchedRows;
    } else {
        ++m_suppressedRows;
    }
}

std::optional<MetricDataset> Reading::finish(MetricFileSummary *out)
{
    if (summary.rows == 0 && errorCount == 0)
        error(0, 0, QStringLiteral("no data rows after the header"));
    else if (m_matchedRows == 0 && m_suppressedRows > 0 && errorCount == 0)
        error(0, 0,
            QCoreApplication::translate("owb::MetricFileReader",
                                        "none of the %n row(s) holds a value of methodology %1: its rows of the "
                                        "methodology's metrics (%2) hold only suppressed or missing values ('*', '-' or "
                                        "empty)",
                                        nullptr, summary.rows)
                .arg(methodology.id())
                .arg(m_suppressedRows));
    else if (m_matchedRows == 0 && errorCount == 0)
        error(0, 0,
            QCoreApplication::translate("owb::MetricFileReader",
                                        "none of the %n row(s) holds a metric of methodology %1 (is this the right "
                                        "file, or one for another methodology?)",
                                        nullptr, summary.rows)
                .arg(methodology.id()));
    if (errorCount > MetricFileReader::kMaxListedErrors) {
        const int unlisted = errorCount - MetricFileReader::kMaxListedErrors;  // lupdate misreads "::" in the call
        const QString more = QCoreApplication::translate("owb::MetricFileReader", "%n more error(s) not listed", nullptr,
                                                         unlisted);
        errors->append({file, 0, 0, more});
    }
    // The summary (rows skipped for unknown metrics among them) also for a
    // refused file: the skipped metrics are named beside its errors.
    summary.unknownMetrics = QStringList(m_unknownMetrics.cbegin(), m_unknownMetrics.cend());
    summary.unknownMetrics.sort();
    if (out)
        *out = summary;
    if (errorCount > 0)
        return std::nullopt;
    dataset.sortQuarters();
    return std::move(dataset);
}

} // namespace

QString MetricFileSummary::skippedLine(const QString &file, const QString &methodologyId) const
{
    if (skippedUnknown == 0)
        return {};
    QStringList shown = unknownMetrics.mid(0, 8);
    if (unknownMetrics.size() > shown.size())
        shown.append(QStringLiteral("..."));
    // Two counts, each with its own plural form.
    return QCoreApplication::translate("owb::MetricFileReader", "%1: skipped %n row(s)", nullptr, skippedUnknown).arg(file)
           + QCoreApplication::translate("owb::MetricFileReader", " of %n metric(s) not in methodology %1 (%2)", nullptr,
                                         int(unknownMetrics.size()))
                 .arg(methodologyId, shown.join(QStringLiteral(", ")));
}

std::optional<MetricDataset> MetricFileReader::read(const QString &path, Diagnostics *errors,
                                                    MetricFileSummary *summary,
                                                    const Progress &progress) const
{
    QFile file(path);
    if (const QString problem = inputFileProblem(path); !problem.isEmpty()) {
        errors->append({path, 0, 0, problem});
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        errors->append({path, 0, 0, QStringLiteral("cannot read: %1").arg(file.errorString())});
        return std::nullopt;
    }
    return read(&file, path, errors, summary, progress);
}

std::optional<MetricDataset> MetricFileReader::read(QIODevice *device, const QString &displayName,
                                                    Diagnostics *errors, MetricFileSummary *summary,
                                                    const Progress &progress) const
{
    Reading reading(m_methodology, displayName, errors);
    CsvReader csv(device, displayName);
    CsvRecord record;
    if (!csv.next(&record)) {
        errors->append(csv.hasError() ? csv.error()
                                      : Diagnostic{displayName, 0, 0, QStringLiteral("the file is empty (no header row)")});
        return std::nullopt;
    }
    if (!reading.header(record))
        return std::nullopt;
    qint64 reported = 0;
    while (csv.next(&record)) {
        reading.row(record);
        if (progress && csv.bytesRead() - reported >= (1 << 20)) {
            reported = csv.bytesRead();
            progress(reported);
        }
    }
    if (csv.hasError())
        reading.fileError(csv.error());
    return reading.finish(summary);
}

} // namespace owb
