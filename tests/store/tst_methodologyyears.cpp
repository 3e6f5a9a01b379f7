// Each year assessed under its own methodology (issue 12): a later year's
// file beside the earlier years, a re-issue keeping its id beside back-cast
// years, a programme entry across a change of methodology, a year without a
// programme segment, and organisations first segmented under a new file; on
// a case-file workspace or a team workspace. Re-assessing a year is
// tst_reassessment's.

#include "methodologyyears.h"

#include <QTest>

using namespace owb;
using namespace owbtest;

class TestMethodologyYears : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { OWB_BACKEND_READY(); }

    // Each year is assessed under its own file: registering a later year's
    // file leaves every stored row of the earlier year as it was, a file
    // that would replace a year's rules is refused, and a quarter whose year
    // has no methodology is refused before anything is written.
    void methodologyYearsAreSeparate()
    {
        WorkspaceUnderTest under;  // either back end
        Workspace *workspace = &under.with(kData);
        QCOMPARE(workspace->methodologies().years().size(), 1);
        QCOMPARE(workspace->methodologies().years().first().year, QStringLiteral("2025/26"));
        QCOMPARE(workspace->methodologies().files().first().methodology.sha256(), Methodology::builtIn().sha256());
        const QMap<QString, QStringList> before = assessmentRows(*workspace);

        const auto later = thresholdsFile(QStringLiteral("2026/27"));
        QVERIFY(later);
        const QByteArray q1 = "quarter,org_code,org_name,org_type,metric_id,value\n"
                              "2026-27 Q1,RA1,Alpha,acute,OF0023,50\n"
                              "2026-27 Q1,RA2,Beta,acute,OF0023,70\n";
        const ImportReport report = importInto(*workspace, q1, *later);
        QCOMPARE(report.quartersChanged, QStringList{QStringLiteral("2026/27 Q1")});
        QCOMPARE(report.quartersWritten, 2);
        QMap<QString, QStringList> after = assessmentRows(*workspace);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(after.value(it.key()), it.value());  // row by row, byte for byte
        const auto ra1Case = workspace->openCase(QStringLiteral("RA1"));
        CaseFile &ra1 = *ra1Case;
        QCOMPARE(ra1.assessment(QStringLiteral("2026/27 Q1"))->method, QStringLiteral("thresholds"));
        QCOMPARE(ra1.assessment(QStringLiteral("2026/27 Q1"))->methodologyId, QStringLiteral("t-2026-27"));
        QCOMPARE(ra1.assessment(QStringLiteral("2025/26 Q1"))->methodologyId, QStringLiteral("nof-2025-26"));
        QCOMPARE(workspace->methodologyFor(QStringLiteral("2026/27 Q4"))->sha256(), later->sha256());
        QCOMPARE(workspace->methodology().sha256(), later->sha256());  // the latest year's
        // Movement across the change of rules is neither better nor worse.
        QStringList problems;
        const QList<PortfolioEntry> entries = loadPortfolio(*workspace, QStringLiteral("2026/27 Q1"), &problems);
        QCOMPARE(problems, QStringList());
        int changedRules = 0;
        for (const PortfolioEntry &e : entries) {
            if (e.segment == 0 || e.previousSegment == 0)
                continue;
            ++changedRules;
            QCOMPARE(e.movement(), QStringLiteral("methodology-changed"));
            QVERIFY(e.changeReason().isEmpty() || e.changeReason() == QLatin1String("methodology changed"));
            if (!e.changeReason().isEmpty())
                QCOMPARE(e.changeDetail(), QStringLiteral("2025/26 Q2 assessed under nof-2025-26, 2026/27 Q1 under t-2026-27"));
        }
        QVERIFY(changedRules >= 2);
        // The overview explains a segment in its year's terms.
        const QString why = explainSegment(*ra1.assessment(QStringLiteral("2026/27 Q1")), QStringLiteral("Acute trust"), {}).howReached;
        QVERIFY2(why.contains(QStringLiteral("against the 2026/27 thresholds 1.50 / 2.50 / 3.50 for Acute trust → segment")),
                 qPrintable(why));
        // The national cache assesses each quarter under its year's rules.
        NationalCache national(workspace->peers(), Methodology::builtIn());
        QCOMPARE(national.methodologyFor(QStringLiteral("2026/27 Q1")).sha256(), later->sha256());
        QCOMPARE(national.methodologyFor(QStringLiteral("2025/26 Q1")).sha256(), Methodology::builtIn().sha256());
        QCOMPARE(national.assessment(QStringLiteral("2026/27 Q1")).organisations.first().segment,
                 ra1.assessment(QStringLiteral("2026/27 Q1"))->result.segment);

        // Another file for 2025/26 would re-assess it: refused, nothing written.
        const auto replacement = thresholdsFile(QStringLiteral("2025/26"));
        const QByteArray peersBefore = nationalState(*workspace);
        try {
            importInto(*workspace, kData, *replacement);
            QFAIL("a file replacing a year's methodology was accepted");
        } catch (const StoreError &error) {
            QVERIFY2(error.message().contains(QStringLiteral("owb methodology add")), qPrintable(error.message()));
        }
        QCOMPARE(nationalState(*workspace), peersBefore);
        QCOMPARE(assessmentRows(*workspace), after);

        // Data of a year without a methodology: refused, naming the quarter.
        try {
            importInto(*workspace, "quarter,org_code,org_name,org_type,metric_id,value\n"
                                   "2027/28 Q1,RA1,Alpha,acute,OF0023,50\n");
            QFAIL("a quarter without a methodology was accepted");
        } catch (const StoreError &error) {
            QVERIFY2(error.message().contains(QStringLiteral("2027/28 Q1: the workspace has no methodology for 2027/28")),
                     qPrintable(error.message()));
            QVERIFY(error.message().contains(QStringLiteral("owb methodology add")));
        }
        QCOMPARE(assessmentRows(*workspace), after);
        // Every quarter whose year has none is named, in one refusal (issue 12).
        try {
            importInto(*workspace, "quarter,org_code,org_name,org_type,metric_id,value\n"
                                   "2025/26 Q3,RA1,Alpha,acute,OF0023,50\n"
                                   "2028/29 Q1,RA1,Alpha,acute,OF0023,50\n"
                                   "2024/25 Q4,RA1,Alpha,acute,OF0023,50\n");
            QFAIL("quarters without a methodology were accepted");
        } catch (const StoreError &error) {
            QVERIFY2(error.message().contains(QStringLiteral(
                         "2024/25 Q4, 2028/29 Q1: the workspace has no methodology for 2024/25 or 2028/29, so those "
                         "quarters cannot be assessed")),
                     qPrintable(error.message()));
            QVERIFY(error.message().contains(QStringLiteral("File ▸ Methodologies...")));
        }
        QCOMPARE(assessmentRows(*workspace), after);

        // A later quarter of a registered year takes that year's file, and
        // the register survives reopening.
        importInto(*workspace, "quarter,org_code,org_name,org_type,metric_id,value\n"
                               "2026/27 Q2,RA1,Alpha,acute,OF0023,55\n");
        auto again = reopened(*workspace);
        QCOMPARE(again->methodologies().years().size(), 2);
        QCOMPARE(again->methodologies().years().at(1).basis, YearBasis::Declared);
        QCOMPARE(again->methodologies().files().at(1).addedBy, author(*workspace));
        QCOMPARE(again->openCase(QStringLiteral("RA1"))->assessment(QStringLiteral("2026/27 Q2"))->methodologyId,
                 QStringLiteral("t-2026-27"));
        after = assessmentRows(*workspace);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(after.value(it.key()), it.value());
    }

    // A workspace whose 2025/26 file was back-cast to 2024/25 (as the demo's
    // register): a re-issue of 2025/26 keeping its id is a re-issue, not a
    // clash with "other years". Only the year it declares is re-assessed;
    // the back-cast year keeps the file it was assessed under, byte for
    // byte, and the register still shows that file for it. The History
    // says each re-assessed quarter once, with before and after (issue 12).
    void reissueKeepingItsIdBesideBackCastYears()
    {
        OWB_FILE_ONLY("imports into the workspace again, which a team workspace does not do in this version (it is uploaded with owb team push)");
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        QByteArray data = kData;
        data += "2024/25 Q4,RA1,Alpha,acute,OF0023,40,Midlands\n"
                "2024/25 Q4,RA2,Beta,acute,OF0023,45,London\n"
                "2024/25 Q4,RA3,Gamma,acute,OF0023,57,Midlands\n";
        workspace->import(parse(data, Methodology::builtIn()), std::nullopt, QStringLiteral("t.csv"),
                          QStringLiteral("sha"), 1, {}, /*backCast=*/true);
        QCOMPARE(workspace->methodologies().entry(QStringLiteral("2024/25"))->basis, YearBasis::BackCast);
        const QMap<QString, QStringList> before = assessmentRows(*workspace);

        QByteArray json = Methodology::builtIn().source();
        json.replace("\"title\": \"", "\"title\": \"Re-issued ");
        json.replace("\"segmentation\": {\"method\": \"peer-quartiles\"}",
                     "\"segmentation\": {\"method\": \"thresholds\", \"cuts\": {\"acute\": [1.5, 2.5, 3.5], "
                     "\"mhc\": [1.5, 2.5, 3.5], \"ambulance\": [1.5, 2.5, 3.5]}}");
        QString error;
        const auto reissued = Methodology::fromJson(json, QStringLiteral("r.json"), &error);
        QVERIFY2(reissued, qPrintable(error));
        QCOMPARE(reissued->id(), Methodology::builtIn().id());
        QCOMPARE(workspace->methodologies().idConflict(*reissued, workspace->directory()), QString());
        const MethodologyChangePlan plan = planMethodologyChange(*workspace, *reissued);
        QCOMPARE(plan.quarters, (QStringList{QStringLiteral("2025/26 Q1"), QStringLiteral("2025/26 Q2")}));
        workspace->reassess(*reissued);
        QCOMPARE(workspace->methodologies().forYear(QStringLiteral("2025/26"))->sha256(), reissued->sha256());
        QCOMPARE(workspace->methodologies().forYear(QStringLiteral("2024/25"))->sha256(),
                 Methodology::builtIn().sha256());
        QCOMPARE(workspace->methodologies().forYear(QStringLiteral("2024/25"))->source(), Methodology::builtIn().source());
        const QMap<QString, QStringList> after = assessmentRows(*workspace);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            if (it.key().endsWith(QStringLiteral("2024/25 Q4")))
                QCOMPARE(after.value(it.key()), it.value());
        QVERIFY(checkWorkspace(workspace->directory()).clean());

        // Movement from the back-cast year's quarter to the re-issued year's
        // first: methodology-changed, and the words name the re-issue (the
        // ids alone are equal), never "assessed under X, ... under X".
        QStringList problems;
        const QList<PortfolioEntry> q1 = loadPortfolio(*workspace, QStringLiteral("2025/26 Q1"), &problems);
        QVERIFY(!q1.isEmpty());
        const QString reissuedOn = workspace->methodologies().reissues().constLast().at.left(10);
        int compared = 0;
        for (const PortfolioEntry &e : q1) {
            if (e.previousQuarter.isEmpty())
                continue;  // no 2024/25 Q4 row for it
            ++compared;
            QCOMPARE(e.previousQuarter, QStringLiteral("2024/25 Q4"));
            QCOMPARE(e.movement(), QStringLiteral("methodology-changed"));
            QCOMPARE(e.methodologyIssued.left(10), reissuedOn);
            QVERIFY(!e.previousMethodologyIssued.isEmpty());
            if (!e.changeDetail().isEmpty())
                QCOMPARE(e.changeDetail(), QStringLiteral("2025/26 Q1 under nof-2025-26 re-issued %1 (SHA-256 %2\u2026), "
                                                          "2024/25 Q4 under its earlier issue")
                                               .arg(showDate(reissuedOn), reissued->sha256().left(4)));
        }
        QVERIFY(compared >= 3);
        QCOMPARE(methodologyChangeName(QStringLiteral("nof-2025-26"), QStringLiteral("nof-2025-26")),
                 QStringLiteral("re-issue of nof-2025-26"));
        QCOMPARE(methodologyChangeName(QStringLiteral("nof-2025-26"), QStringLiteral("nof-2026-27")),
                 QStringLiteral("methodology nof-2026-27"));

        // The same id declared for another year with other content is still
        // refused, with an id that is not the old one with its year again.
        QByteArray clash = json;
        clash.replace("\"years\": [\"2025/26\"]", "\"years\": [\"2026/27\"]");
        const auto other = Methodology::fromJson(clash, QStringLiteral("c.json"), &error);
        QVERIFY2(other, qPrintable(error));
        const QString refused = workspace->methodologies().idConflict(*other, workspace->directory());
        QVERIFY2(refused.contains(QStringLiteral("already registered for 2025/26 with other content"))
                     && refused.contains(QStringLiteral("(such as nof-2025-26-2026-27)")),
                 qPrintable(refused));
        QByteArray sameYear = json;
        sameYear.replace("\"years\": [\"2025/26\"]", "\"years\": [\"2025/26\", \"2026/27\"]");
        sameYear.replace("\"title\": \"", "\"title\": \"Other ");
        const auto both = Methodology::fromJson(sameYear, QStringLiteral("b.json"), &error);
        QVERIFY2(both, qPrintable(error));
        QCOMPARE(workspace->methodologies().idConflict(*both, workspace->directory()), QString());

        // History: one entry per re-assessed quarter, its removal folded in.
        CaseFile ra1(workspace->caseFilePath(QStringLiteral("RA1")), Database::Mode::ReadOnly);
        const QList<AuditEntry> entries = auditlog::entries(ra1.database(), QStringLiteral("assessment"), QStringLiteral("2025/26 Q1"));
        const auto reissued1 = reissuedAssessments(entries, workspace->methodologies().reissues());
        const QHash<qint64, qsizetype> folded = reassessedRemovals(entries, reissued1);
        QCOMPARE(folded.size(), 1);
        QVERIFY(folded.contains(entries.at(0).seq));
        QCOMPARE(entries.at(folded.value(entries.at(0).seq)).action, QStringLiteral("delete"));
        const QString said = reassessmentText(entries.at(folded.value(entries.at(0).seq)), entries.at(0),
                                              reissued->title(), &*reissued1.constFind(entries.at(0).seq));
        QVERIFY2(said.contains(QStringLiteral("; segment: ")) && said.contains(QStringLiteral("; average: ")),
                 qPrintable(said));
        // An assessment stored for the first time stays "added": nothing folded into it.
        const QList<AuditEntry> first = auditlog::entries(ra1.database(), QStringLiteral("assessment"), QStringLiteral("2024/25 Q4"));
        QVERIFY(reassessedRemovals(first, {}).isEmpty());
    }

    // A programme entry between quarters of different methodologies is still
    // named: the movement stays methodology-changed, the reason and detail
    // say the programme was entered (issue 12).
    void programmeEntryAcrossMethodologies()
    {
        PortfolioEntry e;
        e.code = QStringLiteral("RZB");
        e.quarter = QStringLiteral("2026/27 Q1");
        e.previousQuarter = QStringLiteral("2025/26 Q4");
        e.segment = 5;
        e.previousSegment = 4;
        e.inProgramme = true;
        e.programmeEntryQuarter = e.quarter;
        e.decided = true;
        e.methodologyId = QStringLiteral("b");
        e.methodologySha256 = QStringLiteral("bb");
        e.previousMethodologyId = QStringLiteral("a");
        e.previousMethodologySha256 = QStringLiteral("aa");
        e.decisionDetail = QStringLiteral("Recovery Support Programme entry (2026/27 Q1, 2026-05-01): failing");
        QCOMPARE(e.movement(), QStringLiteral("methodology-changed"));
        QCOMPARE(e.changeReason(), QStringLiteral("methodology changed"));
        QCOMPARE(e.decisionAcrossMethodologies(), QStringLiteral("entered the programme"));
        QCOMPARE(e.changeDetail(), e.decisionDetail + QStringLiteral("; 2025/26 Q4 assessed under a, 2026/27 Q1 under b"));
        ChangesModel changes;
        changes.setEntries({e}, {});
        QCOMPARE(changes.index(0, ChangesModel::Reason).data().toString(),
                 QStringLiteral("Methodology changed; entered the programme"));
        // In the programme since an earlier quarter: no entry this quarter.
        e.programmeEntryQuarter = QStringLiteral("2025/26 Q1");
        e.previousInProgramme = true;
        e.previousSegment = 5;
        e.previousDecided = true;
        QCOMPARE(e.decisionAcrossMethodologies(), QString());
        QCOMPARE(e.changeReason(), QString());
        e.decided = false;
        e.inProgramme = false;
        e.previousInProgramme = false;
        e.previousDecided = false;
        e.previousSegment = 4;
        e.segment = 3;
        QCOMPARE(e.decisionAcrossMethodologies(), QString());
        QCOMPARE(e.changeDetail(), QStringLiteral("2025/26 Q4 assessed under a, 2026/27 Q1 under b"));
        // The same id, another file: the later file is named as the re-issue.
        e.previousMethodologyId = e.methodologyId;
        e.methodologySha256 = QStringLiteral("f21f0000");
        e.methodologyIssued = QStringLiteral("2026-11-24T10:00:00Z");
        e.previousMethodologyIssued = QStringLiteral("2026-01-05T10:00:00Z");
        QCOMPARE(e.movement(), QStringLiteral("methodology-changed"));
        QCOMPARE(e.changeDetail(), QStringLiteral("2026/27 Q1 under b re-issued %1 (SHA-256 f21f\u2026), 2025/26 Q4 under "
                                                  "its earlier issue")
                                       .arg(showDate(QStringLiteral("2026-11-24"))));
        e.methodologyIssued = QStringLiteral("2025-01-05T10:00:00Z");
        e.previousMethodologySha256 = QStringLiteral("aa00");
        QCOMPARE(e.changeDetail(), QStringLiteral("2026/27 Q1 under its earlier issue, 2025/26 Q4 under b re-issued %1 "
                                                  "(SHA-256 aa00\u2026)")
                                       .arg(showDate(QStringLiteral("2026-01-05"))));
    }

    // An organisation entering the programme in the first quarter of a year
    // whose (re-issued) methodology has no programme segment (ZBL in the
    // demo): its segment stays 4, but the move across the change of rules
    // is detailed all the same, saying the year has no programme segment;
    // the Movement column says so beside segment 4, and the Casework column
    // goes on in lower case after "; " (issue 12).
    void programmeEntryInAYearWithoutProgrammeSegment()
    {
        PortfolioEntry e;
        e.code = QStringLiteral("ZBL");
        e.quarter = QStringLiteral("2026/27 Q1");
        e.previousQuarter = QStringLiteral("2025/26 Q4");
        e.segment = e.rawSegment = 4;
        e.previousSegment = e.previousRawSegment = 4;
        e.inProgramme = true;
        e.programmeEntryQuarter = e.quarter;
        e.methodologyId = QStringLiteral("b");
        e.methodologySha256 = QStringLiteral("bb");
        e.previousMethodologyId = QStringLiteral("a");
        e.previousMethodologySha256 = QStringLiteral("aa");
        e.decisionDetail = QStringLiteral("Recovery Support Programme entry (2026/27 Q1, 2026-05-01): failing; 2026/27 has "
                                          "no programme segment");
        QCOMPARE(e.movement(), QStringLiteral("methodology-changed"));
        QCOMPARE(e.decisionAcrossMethodologies(), QStringLiteral("entered the programme"));
        QCOMPARE(e.changeDetail(), e.decisionDetail + QStringLiteral("; 2025/26 Q4 assessed under a, 2026/27 Q1 under b"));
        QCOMPARE(portfolioJson({e}).at(0).toObject().value(QStringLiteral("movement_detail")).toString(), e.changeDetail());
        QCOMPARE(PortfolioModel::methodologyChangeText(e),
                 QStringLiteral("Methodology changed; entered the programme (2026/27 has no programme segment)"));
        CaseworkStatus status;
        status.inProgramme = true;
        NeedsAction needs;
        needs.noReview = true;
        needs.segment = 4;
        QCOMPARE(caseworkSummary(status, needs), QStringLiteral("Segment 4, no review; in the programme"));
        // Without a programme decision, an unmoved segment has no detail.
        e.inProgramme = false;
        e.programmeEntryQuarter.clear();
        QCOMPARE(e.changeDetail(), QString());
    }

    // A year whose methodology has no programme segment ("programme_name":
    // null, no label 5): an organisation in the programme since an earlier
    // year is not segment 5 there (the computed segment, or a correction,
    // stands) and the portfolio says why; entering the programme, or a
    // correction to segment 5, in such a year is refused and writes nothing.
    // On either back end: the year's file is imported into the team workspace
    // as into the folder, and the server's portfolio reads the same register.
    void yearWithoutProgrammeSegment()
    {
        WorkspaceUnderTest under;
        Workspace *workspace = &under.with(kData);
        QByteArray json = thresholdsFile(QStringLiteral("2026/27"))->source();
        json.replace(",\n    \"5\": \"Recovery Support Programme\"", "");
        json.replace("\"programme_name\": \"Recovery Support Programme\"", "\"programme_name\": null");
        QString error;
        const auto without = Methodology::fromJson(json, QStringLiteral("n.json"), &error);
        QVERIFY2(without, qPrintable(error));
        QVERIFY(!without->hasProgramme());
        importInto(*workspace,
                   "quarter,org_code,org_name,org_type,metric_id,value\n"
                   "2026/27 Q1,RA1,Alpha,acute,OF0023,50\n"
                   "2026/27 Q1,RA2,Beta,acute,OF0023,70\n"
                   "2026/27 Q1,RA3,Gamma,acute,OF0023,61\n",
                   *without);
        QCOMPARE(workspace->methodologies().yearsWithoutProgramme(), QSet<QString>{QStringLiteral("2026/27")});
        QCOMPARE(workspace->methodologies().programmeNameIn(QStringLiteral("2026/27 Q1")),
                 QStringLiteral("Recovery Support Programme"));  // the earlier year's name for it
        const QString before = workspace->peers().quarters().at(workspace->peers().quarters().size() - 2);
        const QString quarter = QStringLiteral("2026/27 Q1");
        QVERIFY(before.startsWith(QStringLiteral("2025/26")));

        CaseSession session(workspace->openCase(QStringLiteral("RA1"), Database::Mode::OpenExisting), workspace->methodology());
        session.casework().setYearsWithoutProgramme(workspace->methodologies().yearsWithoutProgramme());
        const int computed = session.caseFile().assessment(quarter)->result.segment;
        QVERIFY(computed >= 1 && computed <= 4);
        // Entering in the year without a programme segment is refused, in words, and writes nothing.
        const QString refused = session.enterProgramme(quarter, QStringLiteral("failing"), QString());
        QVERIFY2(refused.contains(QStringLiteral("2026/27 has no programme segment")), qPrintable(refused));
        QVERIFY(session.casework().records(programmeTable()).isEmpty());
        QVERIFY(!session.casework().conflict(programmeTable(), {{QStringLiteral("entry_quarter"), quarter}}).isEmpty());
        // Entered in 2025/26: segment 5 there, the computed segment in 2026/27.
        QCOMPARE(session.enterProgramme(before, QStringLiteral("failing"), QString()), QString());
        QCOMPARE(session.casework().finalSegment(before, 4), 5);
        const FinalSegment final = session.casework().finalSegmentOf(quarter, computed);
        QCOMPARE(final.segment, computed);
        QCOMPARE(final.source, FinalSegment::Source::Computed);
        QVERIFY(final.programmeWithoutSegment);
        QVERIFY(session.casework().programmeIn(quarter) > 0);  // still in it: said in words
        // No correction to a segment 5 the year does not have; a confirmation is recorded.
        const QString five = session.recordDecision(quarter, true, 5, QStringLiteral("why"));
        QVERIFY2(five.contains(QStringLiteral("2026/27 has no programme segment")), qPrintable(five));
        QCOMPARE(session.recordDecision(quarter, false, 0, QString()), QString());
        QCOMPARE(session.casework().finalSegment(quarter, computed), computed);
        // The programme still decides the earlier year.
        QVERIFY(!session.recordDecision(before, false, 0, QString()).isEmpty());

        // A workspace reader without the years (the default) would say 5: the
        // portfolio, its detail and the league read the register.
        QCOMPARE(CaseworkStore(session.caseFile().scope()).finalSegment(quarter, computed), 5);
        for (const PortfolioEntry &entry : loadPortfolio(*workspace, quarter, nullptr)) {
            if (entry.code != QStringLiteral("RA1"))
                continue;
            QCOMPARE(entry.segment, computed);
            QVERIFY(!entry.decided);
            QCOMPARE(entry.previousSegment, 5);
            QVERIFY2(entry.decisionDetail.contains(QStringLiteral("in the Recovery Support Programme since %1; 2026/27 has "
                                                                  "no programme segment").arg(before)),
                     qPrintable(entry.decisionDetail));
            QCOMPARE(entry.movement(), QStringLiteral("methodology-changed"));
        }
        for (const PortfolioEntry &entry : loadPortfolio(*workspace, before, nullptr))
            if (entry.code == QStringLiteral("RA1"))
                QCOMPARE(entry.segment, 5);
    }

    // An organisation the previous quarter's methodology did not segment (an
    // ICB), segmented under the new one: a change of methodology, listed with
    // the words "first segmented under" the new title; an ICB in the
    // programme since an earlier year did not enter it this quarter (issue 12).
    void firstSegmentedUnderNewMethodology()
    {
        PortfolioEntry e;
        e.code = QStringLiteral("ZHQ");
        e.quarter = QStringLiteral("2026/27 Q1");
        e.previousQuarter = QStringLiteral("2025/26 Q4");
        e.segment = 5;
        e.previousSegment = 0;
        e.inProgramme = true;
        e.previousInProgramme = true;
        e.programmeEntryQuarter = QStringLiteral("2025/26 Q1");
        e.decided = true;
        e.methodologyId = QStringLiteral("b");
        e.methodologyTitle = QStringLiteral("Rules B");
        e.methodologySha256 = QStringLiteral("bb");
        e.previousMethodologyId = QStringLiteral("a");
        e.previousMethodologySha256 = QStringLiteral("aa");
        e.decisionDetail = QStringLiteral("in the Recovery Support Programme since 2025/26 Q1");
        QCOMPARE(e.movement(), QStringLiteral("methodology-changed"));
        QCOMPARE(e.changeReason(), QStringLiteral("methodology changed"));
        QCOMPARE(e.decisionAcrossMethodologies(), QString());
        QCOMPARE(e.changeDetail(), QStringLiteral("in the Recovery Support Programme since 2025/26 Q1; first segmented under"
                                                  " Rules B (b); 2025/26 Q4, assessed under a, was not segmented"));
        ChangesModel changes;
        changes.setEntries({e}, {});
        QCOMPARE(changes.rowCount(), 1);
        QCOMPARE(changes.index(0, ChangesModel::Reason).data().toString(), QStringLiteral("Methodology changed; first segmented"));
        QCOMPARE(changes.index(0, ChangesModel::From).data().toString(), QStringLiteral("Not segmented"));
        QCOMPARE(portfolioJson({e}).at(0).toObject().value(QStringLiteral("movement_detail")).toString(), e.changeDetail());
        QString csv;
        QTextStream out(&csv);
        writeChangesCsv(out, {e});
        out.flush();
        QVERIFY2(csv.contains(QStringLiteral("methodology changed,\"") + e.changeDetail() + QLatin1Char('"')), qPrintable(csv));
        // Not in the programme: the detail is the first segmentation alone.
        e.inProgramme = e.previousInProgramme = e.decided = false;
        e.programmeEntryQuarter.clear();
        e.segment = 4;
        QCOMPARE(e.changeDetail(), QStringLiteral("first segmented under Rules B (b); 2025/26 Q4, assessed under a, was not segmented"));
        // Under the same rules, a quarter that did not segment it is no change.
        e.methodologySha256 = e.previousMethodologySha256;
        QCOMPARE(e.changeReason(), QString());
    }
};

QTEST_GUILESS_MAIN(TestMethodologyYears)
#include "tst_methodologyyears.moc"
