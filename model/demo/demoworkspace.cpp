#include "demoworkspace.h"

#include "demodata.h"
#include "exchange/datasetwriter.h"
#include "casework/capability.h"
#include "casework/casesession.h"
#include "casework/casework.h"
#include "casework/notes.h"
#include "data/quarterlabel.h"
#include "store/casefile.h"
#include "store/filewrite.h"
#include "data/quarterlabel.h"
#include "store/importer.h"

#include <QDir>
#include <QTextStream>

namespace owb {

namespace {
// A diagnostic review with findings for the first case in segment 4, and
// the programme (criteria part met, a milestone overdue) for the second.
void addDemoRecovery(CaseFile &caseFile, const StoredAssessment &latest, int &segmentFourCases)
{
    if (latest.result.segment != 4)
        return;
    CaseworkStore casework(caseFile.database());
    const int order = segmentFourCases++;
    if (order == 0) {
        const qint64 review = casework.insert(
            reviewTable(), {{QStringLiteral("opened_quarter"), latest.quarter},
                            {QStringLiteral("team"), QStringLiteral("Regional diagnostic team (4)")},
                            {QStringLiteral("scope"), QStringLiteral("Root causes of elective and urgent care decline; board capability")},
                            {QStringLiteral("start_date"), QStringLiteral("2026-04-13")},
                            {QStringLiteral("due_date"), QStringLiteral("2026-07-10")},
                            {QStringLiteral("status"), QStringLiteral("reporting")}});
        const QList<QStringList> findings{
            {QStringLiteral("Leadership and governance"), QStringLiteral("high"),
             QStringLiteral("Board assurance on elective recovery relies on exception reports; no trajectory is tracked."),
             QStringLiteral("access"), QStringLiteral("OF0023")},
            {QStringLiteral("Workforce and culture"), QStringLiteral("moderate"),
             QStringLiteral("Sickness absence above peers in theatres and critical care."), QStringLiteral("people"),
             QStringLiteral("OF0082")},
            {QStringLiteral("Operational performance"), QStringLiteral("high"),
             QStringLiteral("Discharge delays block emergency admissions."), QStringLiteral("effectiveness"),
             QStringLiteral("OF0025")}};
        for (const QStringList &f : findings) {
            const qint64 finding = casework.insert(
                findingTable(), {{QStringLiteral("review_id"), review}, {QStringLiteral("category"), f.at(0)},
                                 {QStringLiteral("severity"), f.at(1)}, {QStringLiteral("description"), f.at(2)},
                                 {QStringLiteral("domains"), f.at(3)}, {QStringLiteral("metrics"), f.at(4)}});
            casework.insert(findingEvidenceTable(), {{QStringLiteral("finding_id"), finding},
                                                     {QStringLiteral("title"), QStringLiteral("Board papers, last four meetings")},
                                                     {QStringLiteral("source"), QStringLiteral("Trust board secretary")},
                                                     {QStringLiteral("evidence_date"), QStringLiteral("2026-05-20")}});
            casework.insert(findingEvidenceTable(), {{QStringLiteral("finding_id"), finding},
                                                     {QStringLiteral("title"), QStringLiteral("Interviews with the executive team")},
                                                     {QStringLiteral("source"), QStringLiteral("Diagnostic team notes")},
                                                     {QStringLiteral("evidence_date"), QStringLiteral("2026-05-27")}});
        }
    } else if (order == 1) {
        const qint64 programme = casework.insert(
            programmeTable(), {{QStringLiteral("entry_quarter"), latest.quarter},
                               // Entered in the quarter it is in the programme from.
                               {QStringLiteral("entry_date"),
                                   quarterStart(latest.quarter).addMonths(1).toString(Qt::ISODate)},
                               {QStringLiteral("reason"), QStringLiteral("Regional decision after the diagnostic review: capability limited")},
                               {QStringLiteral("improvement_director"), QStringLiteral("Improvement director (demo)")}});
        const QList<QStringList> criteria{
            {QStringLiteral("Stable board with an agreed improvement plan"), QStringLiteral("2026-09-30"), QStringLiteral("met")},
            {QStringLiteral("65% of patients waiting 18 weeks or less"), QStringLiteral("2026-10-31"), QStringLiteral("not met")},
            {QStringLiteral("Financial plan delivered for two quarters"), QStringLiteral("2027-03-31"), QStringLiteral("not met")}};
        for (const QStringList &c : criteria)
            casework.insert(criterionTable(), {{QStringLiteral("programme_id"), programme}, {QStringLiteral("description"), c.at(0)},
                                               {QStringLiteral("due_date"), c.at(1)}, {QStringLiteral("status"), c.at(2)}});
        casework.insert(milestoneTable(), {{QStringLiteral("description"), QStringLiteral("Theatre productivity plan agreed")},
                                           {QStringLiteral("due_date"), QStringLiteral("2026-06-30")},
                                           {QStringLiteral("done_date"), QStringLiteral("2026-06-24")},
                                           {QStringLiteral("owner"), QStringLiteral("Chief operating officer")},
                                           {QStringLiteral("status"), QStringLiteral("done")}});
        casework.insert(milestoneTable(), {{QStringLiteral("description"), QStringLiteral("Discharge hub open seven days")},
                                           {QStringLiteral("due_date"), QStringLiteral("2026-09-30")},
                                           {QStringLiteral("owner"), QStringLiteral("Director of nursing")},
                                           {QStringLiteral("status"), QStringLiteral("open")}});
    }
}

// ICB casework: the system considerations answered and a statutory
// assessment note for the first ICB; the second has been in the programme
// since the start of 2025/26, with a trajectory and a transition plan.
void addDemoIcb(CaseFile &caseFile, const StoredAssessment &latest, const Methodology &methodology, int &icbCases)
{
    CaseworkStore casework(caseFile.database());
    const int order = icbCases++;
    if (order == 0) {
        const QStringList evidence{
            QStringLiteral("Not in tier 1 of the UEC programme (national letter, April 2026)."),
            QStringLiteral("18-week performance in the lowest quartile in all three months of the quarter."),
            QStringLiteral("62-day performance second quartile in two months."),
            QStringLiteral("GP Patient Survey 2026: third quartile."),
            QStringLiteral("Out-of-area bed days highest quartile: 48 per 100,000."),
            QStringLiteral("Month 3 forecast: 0.6% deficit, on plan.")};
        const QList<SystemConsideration> &tests = methodology.systemConsiderations();
        for (qsizetype i = 0; i < tests.size(); ++i)
            casework.insert(systemConsiderationTable(),
                            {{QStringLiteral("quarter"), latest.quarter}, {QStringLiteral("consideration_id"), tests.at(i).id},
                             {QStringLiteral("answer"), (i == 1 || i == 4) ? QStringLiteral("yes") : QStringLiteral("no")},
                             {QStringLiteral("evidence"), evidence.value(int(i))}});
        casework.insert(statutoryAssessmentTable(),
                        {{QStringLiteral("year"), CaseSession::financialYear(latest.quarter)},
                         {QStringLiteral("assessed_on"), QStringLiteral("2026-06-12")},
                         {QStringLiteral("assessor"), QStringLiteral("Regional director of strategy (demo)")},
                         {QStringLiteral("area"), QStringLiteral("Strategic commissioning")},
                         {QStringLiteral("summary"), QStringLiteral("Clear population health strategy; elective commissioning "
                                                                    "intentions not yet matched by provider capacity.")},
                         {QStringLiteral("conclusion"), QStringLiteral("Meets its statutory duties; two areas to develop.")}});
    } else if (order == 1) {
        casework.insert(programmeTable(),
                        {{QStringLiteral("entry_quarter"), QStringLiteral("2025/26 Q1")},
                         {QStringLiteral("entry_date"), QStringLiteral("2025-04-01")},
                         {QStringLiteral("reason"), QStringLiteral("In the programme before 2025/26: stays in it (equivalent to segment 5)")},
                         {QStringLiteral("improvement_director"), QStringLiteral("Improvement director (demo)")},
                         {QStringLiteral("transition_plan"), QStringLiteral("Exit when the system deficit is under 1% for two "
                                                                            "quarters; support moves to the regional team.")}});
        // Planned from the entry quarter to the end of 2026/27: actual values
        // to compare for the quarters published so far, the rest ahead.
        const QList<QPair<QString, QString>> planned{
            {QStringLiteral("2025/26 Q1"), QStringLiteral("56")},   {QStringLiteral("2025/26 Q2"), QStringLiteral("57.5")},
            {QStringLiteral("2025/26 Q3"), QStringLiteral("59")},   {QStringLiteral("2025/26 Q4"), QStringLiteral("60.5")},
            {QStringLiteral("2026/27 Q1"), QStringLiteral("61")},   {QStringLiteral("2026/27 Q2"), QStringLiteral("62")},
            {QStringLiteral("2026/27 Q3"), QStringLiteral("63")},   {QStringLiteral("2026/27 Q4"), QStringLiteral("64")}};
        for (const auto &[quarter, value] : planned)
            casework.insert(trajectoryTable(), {{QStringLiteral("metric_id"), QStringLiteral("ICB-RTT18")},
                                                {QStringLiteral("quarter"), quarter},
                                                {QStringLiteral("planned"), value}});
    }
}

// Capability views and a note per case, so that the demo looks like a region
// at work. Derived from each case's latest segment: the same every time.
void addDemoCasework(const QString &directory)
{
    int segmentFourCases = 0;
    int icbCases = 0;
    const auto workspace = Workspace::open(directory, Database::Mode::ReadOnly);
    for (const QString &path : workspace->caseFilePaths()) {
        CaseFile caseFile(path, Database::Mode::OpenExisting);
        const QList<StoredAssessment> history = caseFile.assessments();
        if (history.isEmpty())
            continue;
        const StoredAssessment &latest = history.last();
        // The latest quarter's year's rules: its capability scale and system tests.
        const Methodology &methodology = *workspace->methodologyFor(latest.quarter);
        const QList<NamedItem> ratings = methodology.capabilityRatings();  // best first
        const QList<NamedItem> areas = methodology.capabilityAreas();
        if (ratings.size() < 4)
            continue;
        if (methodology.hasSystemCasework(caseFile.identity().peerType)) {
            addDemoIcb(caseFile, latest, methodology, icbCases);
            continue;  // assessed on other areas than a trust's capability
        }
        const QString year = CaseSession::financialYear(latest.quarter);
        const int segment = std::max(1, latest.result.segment);
        const int overall = std::min(int(ratings.size()) - 1, segment - 1);
        CapabilityStore capability(caseFile.database());
        for (qsizetype i = 0; i < areas.size(); ++i) {
            // The board sees itself a little better than the region does.
            const int region = std::clamp(overall + int((i + segment) % 3) - 1, 0, int(ratings.size()) - 1);
            capability.setAreaField(year, areas.at(i).id, CapabilityArea::SelfRating, ratings.at(std::max(0, region - 1)).id);
            capability.setAreaField(year, areas.at(i).id, CapabilityArea::RegionRating, ratings.at(region).id);
        }
        capability.setOverallField(year, CapabilityOverall::Rating, ratings.at(overall).id);
        capability.setOverallField(year, CapabilityOverall::Rationale,
                                   QStringLiteral("Triangulated from the board's self-assessment, the delivery record "
                                                  "since %1 and the latest CQC findings.")
                                       .arg(history.first().quarter));
        capability.setOverallField(year, CapabilityOverall::DecidedOn, QStringLiteral("2026-09-21"));
        addDemoRecovery(caseFile, latest, segmentFourCases);
        NoteStore(caseFile.database())
            .add({0, QStringLiteral("2026-09-21T10:00:00Z"), QStringLiteral("demo"), QString(), QString(),
                  QStringLiteral("Quarterly review meeting held; segment %1 discussed with the executive team.")
                      .arg(latest.result.segment)});
    }
}
} // namespace

const Methodology &demoMethodology()
{
    static const Methodology demo = [] {
        QString error;
        auto parsed = Methodology::fromFile(QStringLiteral(":/demo/nof-2026-27-demo.json"), &error);
        if (!parsed)
            qFatal("demo methodology resource: %s", qPrintable(error));
        return *parsed;
    }();
    return demo;
}

DemoSummary createDemoWorkspace(const QString &directory)
{
    const Methodology &builtIn = Methodology::builtIn();
    const Methodology &latestRules = demoMethodology();
    const DemoData demo = generateDemoData(builtIn);
    {
        // Empty, following the demo region. The register: the demo 2026/27
        // file (invented thresholds) for 2026/27, the built-in file for
        // 2025/26, and the 2025/26 rules back-cast to the earlier years.
        const auto workspace = Workspace::create(directory, demo.region);
        for (const QuarterData &quarter : demo.dataset.quarters) {
            const QString year = yearOfQuarter(quarter.label);
            if (workspace->methodologyFor(quarter.label))
                continue;
            if (latestRules.declaresYear(year))
                workspace->registerMethodology(latestRules, year, YearBasis::Declared);
            else if (builtIn.declaresYear(year))
                workspace->registerMethodology(builtIn, year, YearBasis::Declared);
            else
                workspace->registerMethodology(builtIn, year, YearBasis::BackCast);
        }
    }

    const QString csvPath = QDir(directory).filePath(QStringLiteral("national-metrics.csv"));
    {
        QString text;
        QTextStream out(&text);
        writeDatasetCsv(out, demo.dataset, builtIn);
        out.flush();
        writeFileWhole(csvPath, text.toUtf8());
    }

    // Import the file as a user would, so that the demo proves the whole path.
    // Each quarter is assessed under its year's file in the register.
    const ImportOutcome outcome = importMetricFile(directory, csvPath, QList<Methodology>());
    if (!outcome.ok())
        throw StoreError(!outcome.storeError.isEmpty() ? outcome.storeError : outcome.errors.first().toString());

    addDemoCasework(directory);
    return {demo.region, demo.organisations, int(demo.dataset.quarters.size()), int(Workspace::open(directory, Database::Mode::ReadOnly)->caseFilePaths().size())};
}

} // namespace owb
