// Re-assessing a year deliberately (issue 12): the dry run lists exactly what
// the apply then changes (segment, average, raw segment, rank, final segment
// and league rank after decisions, and the decisions to review), every other
// row stays byte for byte, and an interrupted run is told and completed; on a
// case-file workspace or a team workspace.

#include "methodologyyears.h"

#include <QTest>

using namespace owb;
using namespace owbtest;

class TestReassessment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { OWB_BACKEND_READY(); }

    // Re-assessing one year deliberately: the dry run lists exactly the
    // case-file quarters the change then rewrites, with their segment and
    // average after; every other row (the other year) stays byte for byte.
    // On either back end (a team workspace's change is one transaction on the
    // server), with the re-issue's words for the History tab.
    void reassessingAYearChangesOnlyWhatTheDryRunSays()
    {
        WorkspaceUnderTest under;  // either back end
        Workspace *workspace = &under.with(kData);
        const QByteArray q1 = "quarter,org_code,org_name,org_type,metric_id,value\n"
                              "2026/27 Q1,RA1,Alpha,acute,OF0023,50\n"
                              "2026/27 Q1,RA2,Beta,acute,OF0023,70\n"
                              "2026/27 Q1,RA3,Gamma,acute,OF0023,61\n";
        importInto(*workspace, q1, *thresholdsFile(QStringLiteral("2026/27")));
        const QMap<QString, QStringList> before = assessmentRows(*workspace);
        const QByteArray peersBefore = nationalState(*workspace);

        QByteArray json = thresholdsFile(QStringLiteral("2026/27"))->source();
        json.replace("[1.5, 2.5, 3.5], \"mhc\"", "[2.5, 3.0, 3.5], \"mhc\"");
        QString error;
        const auto reissued = Methodology::fromJson(json, QStringLiteral("r.json"), &error);
        QVERIFY2(reissued, qPrintable(error));
        const MethodologyChangePlan plan = planMethodologyChange(*workspace, *reissued);
        QCOMPARE(nationalState(*workspace), peersBefore);  // a dry run writes nothing
        QCOMPARE(assessmentRows(*workspace), before);
        QCOMPARE(plan.quarters, QStringList{QStringLiteral("2026/27 Q1")});
        QCOMPARE(plan.replaced, QStringList{QStringLiteral("2026/27: t-2026-27")});
        QCOMPARE(plan.rows.size(), 3);

        const ImportReport report = workspace->reassess(*reissued);
        QCOMPARE(report.quartersWritten, int(plan.rows.size()));
        QSet<QString> listed;
        for (const MethodologyChangeRow &row : plan.rows) {
            listed.insert(row.code + QStringLiteral(".owcase/") + row.quarter);
            const auto stored = workspace->openCase(row.code)->assessment(row.quarter);
            QVERIFY(stored);
            QCOMPARE(stored->digest(), row.after.digest());
            QCOMPARE(stored->result.segment, row.after.result.segment);
            QCOMPARE(stored->result.average, row.after.result.average);
            QCOMPARE(row.before->methodologyId, QStringLiteral("t-2026-27"));
        }
        const QMap<QString, QStringList> after = assessmentRows(*workspace);
        QCOMPARE(after.keys(), before.keys());
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (listed.contains(it.key()))
                QVERIFY(after.value(it.key()) != it.value());
            else
                QCOMPARE(after.value(it.key()), it.value());  // 2025/26: byte for byte
        }
        QCOMPARE(workspace->methodologies().forYear(QStringLiteral("2026/27"))->sha256(), reissued->sha256());
        QCOMPARE(checkProblems(*workspace), QStringList());
        // The change is in each affected case's audit trail.
        const auto ra1 = workspace->openCase(QStringLiteral("RA1"));
        QList<AuditEntry> entries = auditlog::entries(ra1->scope(), QStringLiteral("assessment"), QStringLiteral("2026/27 Q1"));
        QCOMPARE(entries.first().actor, author(*workspace));
        // The same id re-issued with other contents: the History tab's words
        // say it was re-issued and that the file changed (newest first).
        const QList<MethodologyReissue> reissues = workspace->methodologies().reissues();
        QCOMPARE(reissues.size(), 1);
        QCOMPARE(reissues.first().id, QStringLiteral("t-2026-27"));
        QCOMPARE(reissues.first().sha256, reissued->sha256());
        QVERIFY(entries.size() >= 2);
        QVERIFY(!isReassessment(entries.at(1), entries.at(0)));  // not another file
        QHash<qint64, MethodologyReissue> found = reissuedAssessments(entries, reissues);
        QCOMPARE(found.size(), 1);
        QVERIFY(found.contains(entries.at(0).seq));
        const QString said = reassessmentText(entries.at(1), entries.at(0), reissued->title(), &found[entries.at(0).seq]);
        QVERIFY2(said.startsWith(QStringLiteral("re-assessed under %1 (t-2026-27 re-issued %2, file changed: SHA-256 %3... in "
                                                "place of %4...); segment: ")
                                     .arg(reissued->title(), showDate(reissues.first().at.left(10)), reissued->sha256().left(12),
                                          thresholdsFile(QStringLiteral("2026/27"))->sha256().left(12))),
                 qPrintable(said));
        // Applying again changes nothing.
        QVERIFY(planMethodologyChange(*workspace, *reissued).rows.isEmpty());
        // New data for the quarter under the same file is an ordinary rewrite, not a re-assessment.
        importInto(*workspace,
                   "quarter,org_code,org_name,org_type,metric_id,value\n"
                   "2026/27 Q1,RA1,Alpha,acute,OF0023,20\n"
                   "2026/27 Q1,RA2,Beta,acute,OF0023,70\n"
                   "2026/27 Q1,RA3,Gamma,acute,OF0023,61\n",
                   *reissued);
        entries = auditlog::entries(ra1->scope(), QStringLiteral("assessment"), QStringLiteral("2026/27 Q1"));
        QVERIFY(entries.size() >= 4);
        QVERIFY(!isReassessment(entries.at(1), entries.at(0)));
        found = reissuedAssessments(entries, reissues);
        QCOMPARE(found.size(), 1);  // still only the re-issue's rewrite
        QVERIFY(!found.contains(entries.at(0).seq));
    }

    // A re-assessment stopped after some case files (as a kill would stop
    // it): owb check calls it a re-assessment, a reader that may write
    // completes it first and says so with the count of case-file quarters
    // written, one that may not gets a warning (issue 12).
    void interruptedReassessmentIsToldAndCompleted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws"));
        auto workspace = Workspace::create(path);
        importInto(*workspace, kData);
        QByteArray json = thresholdsFile(QStringLiteral("2025/26"))->source();
        json.replace("\"acute\": [1.5, 2.5, 3.5]", "\"acute\": [1.01, 1.02, 1.03]");
        QString error;
        const auto reissued = Methodology::fromJson(json, QStringLiteral("r.json"), &error);
        QVERIFY2(reissued, qPrintable(error));
        const int toWrite = int(planMethodologyChange(*workspace, *reissued).rows.size());
        QVERIFY(toWrite > 2);
        struct Stop {};
        try {
            workspace->reassess(*reissued, [](int done, int) {
                if (done == 1)
                    throw Stop{};
            });
            QFAIL("the re-assessment was not stopped");
        } catch (const Stop &) {
        }
        workspace.reset();
        // A dry run only reads: it says what is pending and writes nothing
        // (every file byte for byte, none added).
        {
            const auto snapshot = [&path] {
                QMap<QString, QByteArray> files;
                for (const QFileInfo &info : QDir(path).entryInfoList(QDir::Files | QDir::Hidden)) {
                    QFile f(info.filePath());
                    if (f.open(QIODevice::ReadOnly))
                        files.insert(info.fileName(), f.readAll());
                }
                return files;
            };
            QFile file(dir.filePath(QStringLiteral("r.json")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(json);
            file.close();
            const auto before = snapshot();
            QProcess dry;
            dry.start(QStringLiteral(OWB_BIN), {QStringLiteral("methodology"), QStringLiteral("add"), path, file.fileName()});
            QVERIFY(dry.waitForFinished(120000));
            const QString err = QString::fromUtf8(dry.readAllStandardError());
            QCOMPARE(dry.exitCode(), 0);
            QVERIFY2(err.contains(QStringLiteral("an interrupted re-assessment is pending (2025/26 Q1, 2025/26 Q2, under t-2025-26)"))
                         && err.contains(QStringLiteral("nothing was written")) && !err.contains(QStringLiteral("was completed")),
                     qPrintable(err));
            QVERIFY(snapshot() == before);
        }
        {
            auto reader = Workspace::open(path, Database::Mode::ReadOnly);
            QVERIFY(!interruptedReassessment(path, reader->peers(), reader->methodologies()).isEmpty());
            QVERIFY2(interruptedWorkWarning(*reader).contains(QStringLiteral("a re-assessment (owb methodology add) was interrupted")),
                     qPrintable(interruptedWorkWarning(*reader)));
        }
        // Completed by owb methodology add --apply (on a copy): the report
        // does not claim that nothing changed (the interrupted run's changes
        // were listed by its dry run) and says how to see them now.
        {
            const QString copy = dir.filePath(QStringLiteral("copy"));
            QVERIFY(QDir().mkpath(copy));
            for (const QFileInfo &info : QDir(path).entryInfoList(QDir::Files | QDir::Hidden))
                QVERIFY(QFile::copy(info.filePath(), copy + QLatin1Char('/') + info.fileName()));
            QProcess apply;
            apply.start(QStringLiteral(OWB_BIN), {QStringLiteral("methodology"), QStringLiteral("add"), copy,
                                                  dir.filePath(QStringLiteral("r.json")), QStringLiteral("--apply")});
            QVERIFY(apply.waitForFinished(120000));
            const QString err = QString::fromUtf8(apply.readAllStandardError());
            QCOMPARE(apply.exitCode(), 0);
            QVERIFY2(err.contains(QStringLiteral("this completed an interrupted re-assessment of "))
                         && err.contains(QStringLiteral("(2025/26 Q1, 2025/26 Q2), whose changes were listed by its dry run"))
                         && err.contains(QStringLiteral("see the segments now with owb portfolio "))
                         && err.contains(QStringLiteral(" --quarter \"2025/26 Q2\""))
                         && !err.contains(QStringLiteral("no organisation quarter")),
                     qPrintable(err));
        }
        const CheckReport check = checkWorkspace(path);
        QVERIFY2(check.notes.join(QLatin1Char('\n')).contains(QStringLiteral("a re-assessment (owb methodology add) was interrupted")),
                 qPrintable(check.notes.join(QLatin1Char('\n'))));
        QString said;
        auto reader = openForReading(path, &said);
        QVERIFY2(said.contains(QStringLiteral("an interrupted re-assessment was completed (2025/26 Q1, 2025/26 Q2): ")),
                 qPrintable(said));
        QVERIFY(reader->peers().pendingQuarters().isEmpty());
        QVERIFY(planMethodologyChange(*reader, *reissued).rows.isEmpty());
        said.clear();
        openForReading(path, &said);
        QCOMPARE(said, QString());
    }

    // A re-issue that takes a year's programme segment away: nothing computed
    // changes, but the final segment of an organisation in the programme
    // moves from 5 to its computed one, and other trusts' league ranks after
    // decisions move. The dry run lists exactly what the portfolio of that
    // quarter shows changed after the apply, with the reason (issue 12).
    void dryRunListsFinalSegmentAndLeagueRankChanges()
    {
        OWB_FILE_ONLY("imports into the workspace again, which a team workspace does not do in this version (it is uploaded with owb team push)");
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        importInto(*workspace, kData);
        const QString quarter = QStringLiteral("2026/27 Q1");
        importInto(*workspace,
                   "quarter,org_code,org_name,org_type,metric_id,value\n"
                   "2026/27 Q1,RA1,Alpha,acute,OF0023,70\n"
                   "2026/27 Q1,RA2,Beta,acute,OF0023,50\n"
                   "2026/27 Q1,RA3,Gamma,acute,OF0023,61\n",
                   *thresholdsFile(QStringLiteral("2026/27")));
        {
            CaseSession session(workspace->caseFilePath(QStringLiteral("RA1")), workspace->methodology());
            QCOMPARE(session.enterProgramme(QStringLiteral("2025/26 Q2"), QStringLiteral("failing"), QString()), QString());
        }
        // The portfolio of the quarter as shown: final segment and league rank.
        auto shown = [&](Workspace &ws) {
            QList<PortfolioEntry> entries = loadPortfolio(ws, quarter, nullptr);
            NationalCache national(ws.peers(), ws.methodology());
            rankPortfolio(entries, national, quarter);
            QMap<QString, std::pair<int, int>> byCode;
            for (const PortfolioEntry &entry : entries)
                byCode.insert(entry.code, {entry.segment, entry.rank});
            return byCode;
        };
        const QMap<QString, std::pair<int, int>> before = shown(*workspace);
        QCOMPARE(before.value(QStringLiteral("RA1")).first, 5);

        QByteArray json = thresholdsFile(QStringLiteral("2026/27"))->source();
        json.replace(",\n    \"5\": \"Recovery Support Programme\"", "");
        json.replace("\"programme_name\": \"Recovery Support Programme\"", "\"programme_name\": null");
        QString error;
        const auto without = Methodology::fromJson(json, QStringLiteral("n.json"), &error);
        QVERIFY2(without, qPrintable(error));
        const MethodologyChangePlan plan = planMethodologyChange(*workspace, *without);
        QMap<QString, MethodologyChangeRow> listed;
        for (const MethodologyChangeRow &row : plan.changedRows())
            listed.insert(row.code, row);
        const MethodologyChangeRow ra1 = listed.value(QStringLiteral("RA1"));
        QCOMPARE(ra1.finalBefore, 5);
        QCOMPARE(ra1.finalAfter, ra1.after.result.segment);
        QCOMPARE(ra1.finalReason, MethodologyChangeRow::FinalReason::NoProgrammeSegment);
        QCOMPARE(ra1.finalReasonText(), QStringLiteral("no programme segment in 2026/27"));
        QCOMPARE(ra1.before->result.segment, ra1.after.result.segment);  // nothing computed changes
        QVERIFY(listed.size() >= 2);  // another trust's league rank moves

        const ImportReport report = workspace->reassess(*without);
        QCOMPARE(report.quartersWritten, plan.rewrittenCount());
        // The History's re-assessed entry says the final segment's move
        // (5 → computed), not only the unchanged computed one.
        {
            CaseSession session(workspace->caseFilePath(QStringLiteral("RA1")), workspace->methodology());
            NationalCache national(workspace->peers(), workspace->methodology());
            session.casework().setYearsWithoutProgramme(national.yearsWithoutProgramme());
            const QList<AuditEntry> entries = auditlog::entries(session.caseFile().scope(), QStringLiteral("assessment"), quarter);
            const auto reissued = reissuedAssessments(entries, national.reissues());
            const QHash<qint64, qsizetype> folded = reassessedRemovals(entries, reissued);
            QVERIFY(folded.contains(entries.at(0).seq));
            const AuditEntry &removed = entries.at(folded.value(entries.at(0).seq));
            const auto [finalBefore, finalAfter] = reassessedFinalSegments(session.casework(), &national, removed, entries.at(0));
            QCOMPARE(finalBefore, 5);
            QCOMPARE(finalAfter, ra1.after.result.segment);
            const QString said = reassessmentText(removed, entries.at(0), without->title(),
                                                  reissued.contains(entries.at(0).seq) ? &*reissued.constFind(entries.at(0).seq)
                                                                                       : nullptr,
                                                  finalBefore, finalAfter, without->hasProgramme());
            QVERIFY2(said.contains(QStringLiteral("; final segment: 5 → %1 (no programme segment in 2026/27)")
                                       .arg(ra1.after.result.segment)),
                     qPrintable(said));
            QCOMPARE(session.casework().yearsWithoutProgramme(), national.yearsWithoutProgramme());  // as it was
        }
        workspace.reset();
        auto reopened = Workspace::open(dir.filePath(QStringLiteral("ws")), Database::Mode::ReadOnly);
        const QMap<QString, std::pair<int, int>> after = shown(*reopened);
        QCOMPARE(after.keys(), before.keys());
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            const std::pair<int, int> now = after.value(it.key());
            const bool moved = now != it.value();
            // Nothing computed changes: listed is exactly what moved.
            QVERIFY2(moved == listed.contains(it.key()), qPrintable(it.key()));
            if (!listed.contains(it.key()))
                continue;
            const MethodologyChangeRow &row = listed.value(it.key());
            QCOMPARE(row.finalBefore, it.value().first);
            QCOMPARE(row.finalAfter, now.first);
            QCOMPARE(row.leagueRankBefore, it.value().second);
            QCOMPARE(row.leagueRankAfter, now.second);
        }
        QVERIFY(planMethodologyChange(*reopened, *without).changedRows().isEmpty());
    }

    // The dry run lists every stored change: a row whose segment and average
    // stay but whose raw segment or league rank moves is listed (issue 12).
    void dryRunListsRankAndRawSegmentChanges()
    {
        StoredAssessment before;
        before.result.segment = 3;
        before.result.rawSegment = 2;
        before.result.average = 231;
        before.result.rank = 7;
        MethodologyChangeRow row{QStringLiteral("RA1"), QStringLiteral("Alpha"), QStringLiteral("2026/27 Q1"), before, before};
        QVERIFY(!row.changesResult());
        row.after.result.rank = 8;
        QVERIFY(row.changesResult());
        row.after = before;
        row.after.result.rawSegment = 3;
        QVERIFY(row.changesResult());
        MethodologyChangePlan plan;
        plan.rows = {row};
        QCOMPARE(plan.changedRows().size(), 1);
    }

    // The dry run shows only rows whose segment or average would change (a
    // re-issue that changes another peer type's cuts shows none), and names
    // every recorded decision made on a computed segment that would change;
    // the change keeps each decision as recorded and the quarter then needs
    // action, saying on which computed segment the decision was made.
    void reassessingShowsChangedRowsAndDecisionsToReview()
    {
        QTemporaryDir dir;
        auto workspace = Workspace::create(dir.filePath(QStringLiteral("ws")));
        importInto(*workspace, kData);
        importInto(*workspace,
                   "quarter,org_code,org_name,org_type,metric_id,value\n"
                   "2026/27 Q1,RA1,Alpha,acute,OF0023,50\n"
                   "2026/27 Q1,RA2,Beta,acute,OF0023,70\n"
                   "2026/27 Q1,RA3,Gamma,acute,OF0023,61\n",
                   *thresholdsFile(QStringLiteral("2026/27")));
        const QString quarter = QStringLiteral("2026/27 Q1");
        QMap<QString, int> computedBefore;
        for (const QString &code : {QStringLiteral("RA1"), QStringLiteral("RA2"), QStringLiteral("RA3")}) {
            CaseFile caseFile(workspace->caseFilePath(code), Database::Mode::OpenExisting);
            const int computed = caseFile.assessment(quarter)->result.segment;
            computedBefore.insert(code, computed);
            CaseworkStore casework(caseFile.scope());
            casework.insert(decisionTable(),
                            {{QStringLiteral("quarter"), quarter}, {QStringLiteral("kind"), QStringLiteral("confirm")},
                             {QStringLiteral("computed_segment"), computed}, {QStringLiteral("decided_segment"), computed},
                             {QStringLiteral("rationale"), QString()}, {QStringLiteral("decided_by"), QStringLiteral("root")},
                             {QStringLiteral("decided_on"), QStringLiteral("2026-11-24")}});
        }

        // Another peer type's cuts: every row is re-stamped, none changes.
        QByteArray mhcOnly = thresholdsFile(QStringLiteral("2026/27"))->source();
        mhcOnly.replace("[1.5, 2.5, 3.5], \"ambulance\"", "[2.5, 3.0, 3.5], \"ambulance\"");
        QString error;
        const auto other = Methodology::fromJson(mhcOnly, QStringLiteral("m.json"), &error);
        QVERIFY2(other, qPrintable(error));
        MethodologyChangePlan plan = planMethodologyChange(*workspace, *other);
        QCOMPARE(plan.rows.size(), 3);
        QVERIFY(plan.changedRows().isEmpty());
        QVERIFY(plan.decisions.isEmpty());

        // Acute cuts that put every acute trust in segment 4.
        QByteArray acute = thresholdsFile(QStringLiteral("2026/27"))->source();
        acute.replace("\"acute\": [1.5, 2.5, 3.5]", "\"acute\": [1.01, 1.02, 1.03]");
        acute.replace("\"id\": \"t-2026-27\"", "\"id\": \"t-2026-27-v2\"");
        const auto reissued = Methodology::fromJson(acute, QStringLiteral("r.json"), &error);
        QVERIFY2(reissued, qPrintable(error));
        plan = planMethodologyChange(*workspace, *reissued);
        QStringList changedCodes, decisionCodes;
        for (const MethodologyChangeRow &row : plan.changedRows()) {
            QVERIFY(row.before->result.segment != row.after.result.segment
                    || row.before->result.average != row.after.result.average);
            if (row.before->result.segment != row.after.result.segment)
                changedCodes.append(row.code);
        }
        QVERIFY(!changedCodes.isEmpty());
        for (const MethodologyDecisionRow &d : plan.decisions) {
            decisionCodes.append(d.code);
            QCOMPARE(d.decidedOn, computedBefore.value(d.code));
            QCOMPARE(d.after, 4);
            QCOMPARE(d.kind, QStringLiteral("confirm"));
        }
        QCOMPARE(decisionCodes, changedCodes);

        workspace->reassess(*reissued);
        for (const QString &code : std::as_const(changedCodes)) {
            CaseFile caseFile(workspace->caseFilePath(code), Database::Mode::ReadOnly);
            CaseworkStore casework(caseFile.scope());
            // The decision is as recorded.
            QCOMPARE(casework.decision(quarter).value(QStringLiteral("computed_segment")).toInt(),
                     computedBefore.value(code));
            const FinalSegment final = casework.finalSegmentOf(quarter, 4);
            QCOMPARE(final.decidedOn, computedBefore.value(code));
            const NeedsAction needs = needsAction(casework, quarter, final.segment, CaseworkStatus{}, 0, 4);
            QVERIFY(needs.any());
            QVERIFY2(needs.words().contains(
                         QStringLiteral("decision made on computed segment %1, now 4").arg(computedBefore.value(code)),
                         Qt::CaseInsensitive),
                     qPrintable(needs.words()));
        }
        for (const PortfolioEntry &entry : loadPortfolio(*workspace, quarter, nullptr))
            if (changedCodes.contains(entry.code))
                QVERIFY2(entry.needsAction.contains(QStringLiteral("review it")), qPrintable(entry.needsAction));
        QVERIFY(planMethodologyChange(*workspace, *reissued).decisions.isEmpty());

        // The History tab says a re-assessment happened, under which file.
        CaseFile ra1(workspace->caseFilePath(QStringLiteral("RA1")), Database::Mode::ReadOnly);
        const QList<AuditEntry> entries = auditlog::entries(ra1.database(), QStringLiteral("assessment"), quarter);
        int reassessments = 0;
        for (qsizetype i = 1; i < entries.size(); ++i)  // newest first
            if (isReassessment(entries.at(i), entries.at(i - 1))) {
                ++reassessments;
                const QString text = reassessmentText(entries.at(i), entries.at(i - 1), reissued->title());
                QVERIFY2(text.startsWith(QStringLiteral("re-assessed under %1 (t-2026-27-v2), in place of t-2026-27; segment: ")
                                             .arg(reissued->title())),
                         qPrintable(text));
            }
        QCOMPARE(reassessments, 1);
    }
};

QTEST_GUILESS_MAIN(TestReassessment)
#include "tst_reassessment.moc"
