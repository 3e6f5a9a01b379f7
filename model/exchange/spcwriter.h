#pragma once
// The `owb spc` output contract. JSON: {"mean", "lpl", "upl", "points":
// [{"period", "value", "rules", "side", "type"}], "variation", "assurance"};
// CSV: period,value,mean,lpl,upl,rules,side,type (rules joined by ';').

#include "framework/spc.h"

#include <QJsonObject>
#include <QTextStream>

namespace owb {

QJsonObject spcJson(const SpcResult &result);
void writeSpcCsv(QTextStream &out, const SpcResult &result);

} // namespace owb
