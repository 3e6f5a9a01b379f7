#pragma once
// The `owb score` and `owb segment` output contracts (CSV columns and JSON
// keys are fixed: analysts' scripts depend on them).

#include "framework/assessment.h"

#include <QJsonArray>
#include <QStringList>
#include <QTextStream>

namespace owb {

struct AssessedQuarter
{
    QString label;
    QuarterAssessment assessment;
};

// Organisations of a quarter in output order: peer type (methodology order),
// then organisation code.
QList<const OrganisationAssessment *> outputOrder(const Methodology &methodology,
                                                  const QuarterAssessment &assessment);

const QStringList &scoreColumns();    // quarter,org_type,org_code,metric_id,value,score,weight
const QStringList &segmentColumns();  // quarter,...,segment,rank

void writeScoresCsv(QTextStream &out, const Methodology &m, const QList<AssessedQuarter> &quarters);
QJsonArray scoresJson(const Methodology &m, const QList<AssessedQuarter> &quarters);
void writeSegmentsCsv(QTextStream &out, const Methodology &m, const QList<AssessedQuarter> &quarters);
QJsonArray segmentsJson(const Methodology &m, const QList<AssessedQuarter> &quarters);

} // namespace owb
