#pragma once
// One reported value of a metric: a number, a band label, or nothing.

#include <QString>

namespace owb {

struct MetricValue
{
    enum class Kind { Missing, Number, Label };
    Kind kind = Kind::Missing;
    double number = 0;
    QString label;  // canonical band label as spelt in the methodology

    static MetricValue missing() { return {}; }
    static MetricValue fromNumber(double v) { return {Kind::Number, v, {}}; }
    static MetricValue fromLabel(const QString &l) { return {Kind::Label, 0, l}; }
    bool isMissing() const { return kind == Kind::Missing; }
    // Text for files and tables: shortest round-trip number, label, or empty.
    QString toText() const;
    // Same value; numbers within the framework's tolerance count as equal.
    bool sameAs(const MetricValue &other) const;
};

} // namespace owb
