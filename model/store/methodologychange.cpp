#include "methodologychange.h"

#include "casefile.h"
#include "data/orgcode.h"
#include "data/quarterlabel.h"
#include "framework/assessment.h"

#include <QFileInfo>
#include <map>

namespace owb {

MethodologyChangePlan planMethodologyChange(Workspace &workspace, const Methodology &methodology)
{
    MethodologyChangePlan plan;
    plan.years = methodology.years();
    for (const QString &year : std::as_const(plan.years))
        if (const Methodology *current = workspace.methodologies().forYear(year);
            current && current->sha256() != methodology.sha256())
            plan.replaced.append(QStringLiteral("%1: %2").arg(year, current->id()));
    for (const QString &quarter : workspace.peers().quarters())
        if (methodology.declaresYear(yearOfQuarter(quarter)))
            plan.quarters.append(quarter);

    const QHash<QString, OrganisationInfo> organisations = workspace.peers().organisations();
    // A team workspace's cases are on the server, one connection for all.
    const QStringList teamCases = workspace.isTeam() ? workspace.caseCodes() : QStringList();
    std::map<QString, QList<MethodologyChangeRow>> byCode;  // in code order, then quarter order
    for (const QString &label : std::as_const(plan.quarters)) {
        const QuarterData quarter = workspace.peers().loadQuarter(label);
        const QuarterAssessment assessment = assessQuarter(methodology, quarter.toInputs());
        for (qsizetype i = 0; i < quarter.organisations.size(); ++i) {
            const OrganisationQuarter &org = quarter.organisations.at(i);
            const OrganisationInfo info = organisations.value(org.code);
            if (!isValidOrgCode(org.code) || !workspace.follows(info))
                continue;
            MethodologyChangeRow row{org.code, info.name, label, std::nullopt,
                                     StoredAssessment::from(methodology, label, assessment, i)};
            if (workspace.isTeam()) {
                if (teamCases.contains(org.code))
                    row.before = workspace.openCase(org.code)->assessment(label);
            } else if (const QString path = workspace.caseFilePath(org.code); QFileInfo(path).isFile()) {
                row.before = CaseFile(path, Database::Mode::ReadOnly).assessment(label);
            }
            if (!row.before || row.before->digest() != row.after.digest())
                byCode[org.code].append(row);
        }
    }
    for (auto &[code, rows] : byCode)
        plan.rows += rows;
    return plan;
}

ImportReport applyMethodologyChange(
    Workspace &workspace, const Methodology &methodology, const Workspace::Progress &progress)
{
    return workspace.reassess(methodology, progress);
}

} // namespace owb
