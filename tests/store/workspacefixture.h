#pragma once
// What the workspace tests share: a small national file (two quarters, three
// acute trusts of which one in London, one mental health trust, one trust in
// deficit) and importing it into a workspace as `owb import` does.
// Header-only: each test executable includes it once.

#include "data/metricfilereader.h"
#include "store/workspace.h"

#include <QBuffer>
#include <QByteArray>

namespace owbtest {

inline const QByteArray kData =
    "quarter,org_code,org_name,org_type,metric_id,value,region\n"
    "2025/26 Q1,RA1,Alpha,acute,OF0023,60,Midlands\n"
    "2025/26 Q1,RA2,Beta,acute,OF0023,55,London\n"
    "2025/26 Q1,RA3,Gamma,acute,OF0023,50,Midlands\n"
    "2025/26 Q1,RA3,Gamma,acute,DEFICIT,1,Midlands\n"
    "2025/26 Q1,RM1,Mu,mhc,OF0082,4.5,Midlands\n"
    "2025/26 Q2,RA1,Alpha,acute,OF0023,50,Midlands\n"
    "2025/26 Q2,RA2,Beta,acute,OF0023,58,London\n"
    "2025/26 Q2,RA3,Gamma,acute,OF0023,61,Midlands\n"
    "2025/26 Q2,RM1,Mu,mhc,OF0082,4.1,Midlands\n";

// The rows of a metric file; test data that does not read stops the test.
inline owb::MetricDataset parse(const QByteArray &bytes, const owb::Methodology &m = owb::Methodology::builtIn())
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    owb::Diagnostics errors;
    auto dataset = owb::MetricFileReader(m).read(&buffer, QStringLiteral("t.csv"), &errors);
    if (!dataset)
        qFatal("test data invalid: %s", qPrintable(errors.first().toString()));
    return *dataset;
}

inline owb::ImportReport importInto(owb::Workspace &workspace, const QByteArray &bytes,
                                    const owb::Methodology &m = owb::Methodology::builtIn())
{
    return workspace.import(parse(bytes, m), m, QStringLiteral("t.csv"), QStringLiteral("sha"), 1);
}

} // namespace owbtest
