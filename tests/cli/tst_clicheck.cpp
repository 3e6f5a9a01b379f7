// `owb check` on casework values: a value outside the methodology's lists,
// set outside the workbench, is named with its file, record and field, by
// the rule the forms apply, and the methodology it was checked under.

#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QTest>

using namespace owbtest;

namespace {
bool sql(const QString &file, const QString &statements)
{
    return run(QStringLiteral("sqlite3"), {file, statements}).exitCode == 0;
}
} // namespace

class TestCliCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The tester's finds on copies of the demo's case files: a milestone
    // status "kinda done", an exit criterion status "whatever", a review
    // status "very bad", a severity "very bad", a domain "nonsense", a
    // metric "OF9999", a capability conclusion "kinda". Each is named with
    // file, table, id, field and the methodology's values; the exit code is
    // that of any other finding. On its own, the line says the built-in
    // methodology was used because the file is checked outside its workspace.
    void valuesOutsideTheListsAreNamed()
    {
        QTemporaryDir dir;
        const QString workspace = dir.filePath(QStringLiteral("demo"));
        QCOMPARE(owb({QStringLiteral("demo"), workspace}).exitCode, 0);
        const Run clean = owb({QStringLiteral("check"), workspace});
        QCOMPARE(clean.exitCode, 0);
        const QString programme = QDir(workspace).filePath(QStringLiteral("ZBL.owcase"));
        const QString review = QDir(workspace).filePath(QStringLiteral("ZBE.owcase"));
        QVERIFY(sql(programme, QStringLiteral("UPDATE milestone SET status = 'kinda done' WHERE id = 1;"
                                               "UPDATE exit_criterion SET status = 'whatever' WHERE id = 1;")));
        QVERIFY(sql(review, QStringLiteral("UPDATE diagnostic_review SET status = 'very bad', "
                                           "capability_conclusion = 'kinda' WHERE id = 1;"
                                           "UPDATE finding SET severity = 'very bad' WHERE id = 1;"
                                           "UPDATE finding SET domains = 'nonsense', metrics = 'OF9999' WHERE id = 3;")));
        const Run checked = owb({QStringLiteral("check"), workspace});
        QCOMPARE(checked.exitCode, 2);
        const QString out = checked.out + checked.err;
        const QStringList expected{
            QStringLiteral("ZBL.owcase: milestone 1 (table milestone, status): \"kinda done\" is not a milestone "
                           "status in the methodology's list: choose one of Open, In progress, Done. Checked in the "
                           "methodology applied to 2026/27"),
            QStringLiteral("ZBL.owcase: exit criterion 1 (table exit_criterion, status): \"whatever\" is not an exit "
                           "criterion status in the methodology's list: choose one of Not met, Partly met, Met."),
            QStringLiteral("ZBE.owcase: diagnostic review 1 (table diagnostic_review, status): \"very bad\" is not a "
                           "review status in the methodology's list"),
            QStringLiteral("ZBE.owcase: diagnostic review 1 (table diagnostic_review, capability_conclusion): The "
                           "capability conclusion \"kinda\" is not in the methodology's list: choose one of High "
                           "confidence"),
            QStringLiteral("ZBE.owcase: finding 1 (table finding, severity): \"very bad\" is not a severity in the "
                           "methodology's list: choose one of High, Moderate, Low."),
            QStringLiteral("ZBE.owcase: finding 3 (table finding, domains): \"nonsense\" is not a domain of the "
                           "methodology"),
            QStringLiteral("ZBE.owcase: finding 3 (table finding, metrics): \"OF9999\" is not a metric of the "
                           "methodology"),
        };
        for (const QString &line : expected)
            QVERIFY2(out.contains(line), qPrintable(line + QStringLiteral("\n--- not in ---\n") + out));
        // On its own: the built-in methodology, said as such in the line itself.
        const Run alone = owb({QStringLiteral("check"), review});
        QCOMPARE(alone.exitCode, 2);
        const QString aloneOut = alone.out + alone.err;
        QVERIFY2(aloneOut.contains(QStringLiteral("Checked under the built-in methodology (nof-2025-26), used "
                                                  "because the file is checked outside its workspace")),
                 qPrintable(aloneOut));
        QVERIFY(!aloneOut.contains(QStringLiteral("applied to")));
        // Tester (issue 13, round 2): a conclusion outside the list, in a review
        // whose status is right, is named under its own field, not the
        // status's; a domain outside the list is told the domains it may be.
        const QString second = dir.filePath(QStringLiteral("demo2"));
        QCOMPARE(owb({QStringLiteral("demo"), second}).exitCode, 0);
        const QString other = QDir(second).filePath(QStringLiteral("ZBE.owcase"));
        QVERIFY(sql(other, QStringLiteral("UPDATE diagnostic_review SET capability_conclusion = 'superb' WHERE id = 1;"
                                          "UPDATE finding SET domains = 'nonsense' WHERE id = 3;")));
        // And a quarterly decision no workbench could record.
        QVERIFY(sql(QDir(second).filePath(QStringLiteral("ZCU.owcase")),
                    QStringLiteral("INSERT INTO decision (quarter, kind, computed_segment, decided_segment, org_code) "
                                   "VALUES ('2026/27 Q1', 'overrule', 4, 9, 'ZCU');")));
        // Tester (issue 14, D2): two decisions for one quarter, each one a
        // workbench could record, stored by two people deciding at once.
        QVERIFY(sql(QDir(second).filePath(QStringLiteral("ZCU.owcase")),
                    QStringLiteral("INSERT INTO decision (quarter, kind, computed_segment, decided_segment, decided_by, "
                                   "org_code) VALUES ('2025/26 Q3', 'confirm', 4, 4, 'alice', 'ZCU'), "
                                   "('2025/26 Q3', 'correction', 4, 3, 'carol', 'ZCU');")));
        const Run named = owb({QStringLiteral("check"), second});
        QCOMPARE(named.exitCode, 2);
        const QString namedOut = named.out + named.err;
        QVERIFY2(namedOut.contains(QStringLiteral("diagnostic review 1 (table diagnostic_review, capability_conclusion): "
                                                  "The capability conclusion \"superb\"")),
                 qPrintable(namedOut));
        QVERIFY2(!namedOut.contains(QStringLiteral("(table diagnostic_review, status)")), qPrintable(namedOut));
        QVERIFY2(namedOut.contains(QStringLiteral("\"nonsense\" is not a domain of the methodology: pick the domains "
                                                  "from its list: ")),
                 qPrintable(namedOut));
        QVERIFY2(namedOut.contains(QStringLiteral("(table decision, kind): \"overrule\" is not a kind of decision")),
                 qPrintable(namedOut));
        QVERIFY2(namedOut.contains(QStringLiteral("(table decision, decided_segment): \"9\" is not a segment a "
                                                  "decision can set")),
                 qPrintable(namedOut));
        QVERIFY2(namedOut.contains(QRegularExpression(QStringLiteral(
                     "ZCU.owcase: decisions \\d+ \\(confirm by alice\\), \\d+ \\(correction by carol\\) \\(table "
                     "decision, quarter\\): 2 decisions for 2025/26 Q3, where there is one per quarter"))),
                 qPrintable(namedOut));
    }
};

QTEST_GUILESS_MAIN(TestCliCheck)
#include "tst_clicheck.moc"
