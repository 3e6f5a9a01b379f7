// The owb contracts, end to end through the real binary: options, exit
// codes, exact columns, error messages, and "bad input changes nothing".
// The methodology register's are tst_climethodology's; owb check on
// casework values is tst_clicheck's.

#include "clirun.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace owbtest;

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void usage()
    {
        const Run none = owb({});
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.err.contains(QStringLiteral("Usage: owb COMMAND")));
        QCOMPARE(owb({QStringLiteral("--help")}).exitCode, 0);
        const Run unknown = owb({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.startsWith(QStringLiteral("owb: unknown command \"frobnicate\"")));
    }

    void helpOnEveryCommand_data()
    {
        QTest::addColumn<QString>("command");
        for (const char *c : {"score", "segment", "import", "portfolio", "check", "demo", "spc", "report", "reconcile"})
            QTest::newRow(c) << QString::fromLatin1(c);
    }
    void helpOnEveryCommand()
    {
        QFETCH(QString, command);
        const Run run = owb({command, QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("Usage: owb %1").arg(command)));
        QCOMPARE(owb({command, QStringLiteral("--no-such-option")}).exitCode, 2);
    }

    void scoreColumnsAndValues()
    {
        QTemporaryDir dir;
        const QString data = writeFile(dir, QStringLiteral("d.csv"), kData);
        const Run run = owb({QStringLiteral("score"), QStringLiteral("--data"), data, QStringLiteral("--quarter"),
                             QStringLiteral("2025/26 Q1")});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("quarter,org_type,org_code,metric_id,value,score,weight"));
        QVERIFY(lines.contains(QStringLiteral("2025/26 Q1,acute,RA1,OF0023,60,2.00,1")));
        QVERIFY(lines.contains(QStringLiteral("2025/26 Q1,acute,RA2,OF0023,55,4.00,1")));
        QVERIFY(lines.contains(QStringLiteral("2025/26 Q1,acute,RA2,OF0088,31.5,1.00,1/3")));
        QVERIFY(lines.contains(QStringLiteral("2025/26 Q1,acute,RA3,OF0023,,0.00,1")));
        QCOMPARE(lines.size(), 1 + 3 * 18);  // 3 acute trusts x 18 scored acute metrics
        QVERIFY(run.err.contains(QStringLiteral("skipped 1 row of 1 metric not in methodology nof-2025-26 (OF1023)")));
    }

    void segmentCsvAndJson()
    {
        QTemporaryDir dir;
        const QString data = writeFile(dir, QStringLiteral("d.csv"), kData);
        const Run csv = owb({QStringLiteral("segment"), QStringLiteral("--data"), data});
        QCOMPARE(csv.exitCode, 0);
        QCOMPARE(csv.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
                 (QStringList{"quarter,org_type,org_code,metrics_scored,average_score,raw_segment,deficit,segment,rank",
                              "2025/26 Q1,acute,RA1,1,2.00,1,0,1,1",
                              "2025/26 Q1,acute,RA2,2,3.25,4,0,4,2",
                              "2025/26 Q1,acute,RA3,0,,,1,,",
                              "2025/26 Q2,acute,RA1,1,4.00,4,0,4,2",
                              "2025/26 Q2,acute,RA2,1,2.00,1,0,1,1",
                              "2025/26 Q2,acute,RA9,0,,,0,,"}));

        const Run json = owb({QStringLiteral("segment"), QStringLiteral("--data"), data, QStringLiteral("--format"),
                              QStringLiteral("json"), QStringLiteral("--quarter"), QStringLiteral("2025/26 Q1")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(rows.size(), 3);
        const QJsonObject ra2 = rows.at(1).toObject();
        QCOMPARE(ra2.keys(), (QStringList{"average_score", "deficit", "domains", "metrics_scored", "org_code",
                                          "org_type", "quarter", "rank", "raw_segment", "segment"}));
        QCOMPARE(ra2.value(QStringLiteral("average_score")).toDouble(), 3.25);
        QCOMPARE(ra2.value(QStringLiteral("domains")).toObject().value(QStringLiteral("safety")).toObject()
                     .value(QStringLiteral("score")).toDouble(), 1.0);
        QVERIFY(rows.at(2).toObject().value(QStringLiteral("rank")).isNull());
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("stderrStart");
        QTest::newRow("no --data") << QStringList{"segment"} << QStringLiteral("owb segment: --data FILE is required");
        QTest::newRow("missing file") << QStringList{"segment", "--data", "/nonexistent.csv"}
                                      << QStringLiteral("/nonexistent.csv: cannot read:");
        QTest::newRow("bad format") << QStringList{"score", "--data", "DATA", "--format", "xml"}
                                    << QStringLiteral("owb: --format must be csv or json, not \"xml\"");
        QTest::newRow("bad methodology") << QStringList{"score", "--data", "DATA", "--methodology", "BADJSON"}
                                         << QStringLiteral("BADJSON: metric M1: \"direction\" must be \"higher\" or \"lower\"");
        QTest::newRow("unknown quarter") << QStringList{"segment", "--data", "DATA", "--quarter", "2030/31 Q1"}
                                         << QStringLiteral("DATA: no rows for quarter \"2030/31 Q1\"");
        QTest::newRow("bad value") << QStringList { "segment", "--data", "BADDATA" }
                                   << QStringLiteral("BADDATA:3:31: \"lots\" is not a number");
        QTest::newRow("extra argument") << QStringList{"check", "a", "b"}
                                        << QStringLiteral("owb check: expected 1 argument, got 2");
    }
    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, stderrStart);
        QTemporaryDir dir;
        const QString data = writeFile(dir, QStringLiteral("d.csv"), kData);
        const QString bad = writeFile(dir, QStringLiteral("bad.csv"),
            "quarter,org_code,org_name,org_type,metric_id,value\n"
            "2025/26 Q1,RX1,A,acute,OF0023,1\n2025/26 Q1,RX1,A,acute,OF0013,lots\n");
        const QString json = writeFile(dir, QStringLiteral("m.json"),
                                       R"({"id": "t", "years": ["2025/26"], "peer_types": [{"id": "acute"}], "domains": [{"id": "a"}],
                                          "metrics": [{"id": "M1", "domain": "a", "applies_to": ["acute"], "direction": "up"}],
                                          "segmentation": {"method": "peer-quartiles"}})");
        for (QString &argument : arguments)
            argument.replace(QStringLiteral("BADDATA"), bad).replace(QStringLiteral("BADJSON"), json)
                .replace(QStringLiteral("DATA"), data);
        stderrStart.replace(QStringLiteral("BADDATA"), bad).replace(QStringLiteral("BADJSON"), json)
            .replace(QStringLiteral("DATA"), data);
        const Run run = owb(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(stderrStart), qPrintable(run.err));
        QCOMPARE(run.out, QString());
    }

    void importPortfolioCheck()
    {
        QTemporaryDir dir;
        const QString data = writeFile(dir, QStringLiteral("d.csv"), kData);
        const QString ws = dir.filePath(QStringLiteral("ws"));
        const Run import = owb({QStringLiteral("import"), ws, data});
        QCOMPARE(import.exitCode, 0);
        QVERIFY2(import.out.contains(QStringLiteral("case files created 4")), qPrintable(import.out));

        const Run portfolio = owb({QStringLiteral("portfolio"), ws});
        QCOMPARE(portfolio.exitCode, 0);
        const QStringList lines = portfolio.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(),
                 QStringLiteral("org_code,org_name,org_type,quarter,segment,average_score,rank,previous_segment,movement,needs_action,movement_detail,capability,capability_year,casework"));
        QCOMPARE(lines.at(1), QStringLiteral("RA1,Alpha,acute,2025/26 Q2,4,4.00,2,1,deteriorated,\"Segment 4, no review; quarter not decided\","
                                             "average 2.00 \u2192 4.00 (computed segment 1 \u2192 4),,,\"Segment 4, no review\""));
        QCOMPARE(owb({QStringLiteral("portfolio"), ws, QStringLiteral("--quarter"), QStringLiteral("nope")}).exitCode, 2);

        const Run check = owb({QStringLiteral("check"), ws});
        QCOMPARE(check.exitCode, 0);
        QVERIFY(check.out.contains(QStringLiteral("5 files checked, clean")));

        // Re-importing the same file changes no byte.
        const auto before = snapshot(ws);
        QCOMPARE(owb({QStringLiteral("import"), ws, data}).exitCode, 0);
        QCOMPARE(snapshot(ws), before);
    }

    // --quarter takes any spelling an import reads, and refuses what is not a quarter.
    void quarterOptionSpellings()
    {
        QTemporaryDir dir;
        const QString data = writeFile(dir, QStringLiteral("d.csv"), kData);
        const QString ws = dir.filePath(QStringLiteral("ws"));
        QCOMPARE(owb({ QStringLiteral("import"), ws, data }).exitCode, 0);
        const Run q1 = owb(
            { QStringLiteral("portfolio"), ws, QStringLiteral("--quarter"), QStringLiteral("Q1 2025-26") });
        QCOMPARE(q1.exitCode, 0);
        QVERIFY2(q1.out.contains(QStringLiteral("RA1,Alpha,acute,2025/26 Q1,")), qPrintable(q1.out));
        const Run segment = owb({ QStringLiteral("segment"), QStringLiteral("--data"), data,
            QStringLiteral("--quarter"), QStringLiteral("2025/2026 Q2") });
        QCOMPARE(segment.exitCode, 0);
        QVERIFY2(segment.out.contains(QStringLiteral("\n2025/26 Q2,acute,RA1,")), qPrintable(segment.out));
        const Run bad = owb(
            { QStringLiteral("portfolio"), ws, QStringLiteral("--quarter"), QStringLiteral("2025/26 Q5") });
        QCOMPARE(bad.exitCode, 2);
        QCOMPARE(bad.err,
            QStringLiteral(
                "owb: --quarter: \"2025/26 Q5\" is not a quarter: a year has quarters Q1 to Q4\n"));
        QCOMPARE(bad.out, QString());
    }

    void badImportChangesNothing()
    {
        QTemporaryDir dir;
        const QString data = writeFile(dir, QStringLiteral("d.csv"), kData);
        const QString ws = dir.filePath(QStringLiteral("ws"));
        QCOMPARE(owb({QStringLiteral("import"), ws, data}).exitCode, 0);
        const auto before = snapshot(ws);
        const QString bad = writeFile(dir, QStringLiteral("bad.csv"),
                                      "quarter,org_code,org_name,org_type,metric_id,value\n"
                                      "2025/26 Q2,RA1,Alpha,acute,OF0023,70\n"
                                      "2025/26 Q2,RA1,Alpha,acute,OF0023,71\n");
        const Run run = owb({QStringLiteral("import"), ws, bad});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(bad + QStringLiteral(":3:35: conflicting duplicate: RA1 OF0023 in 2025/26 Q2 is \"71\" here but \"70\" on line 2")),
                 qPrintable(run.err));
        QCOMPARE(snapshot(ws), before);

        // A refused file names its unknown metrics as skipped too (issue 11 retest).
        const QString mixed = writeFile(dir, QStringLiteral("mixed.csv"),
                                        "quarter,org_code,org_name,org_type,metric_id,value\n"
                                        "2025/26 Q2,RA1,Alpha,acute,OF0023,abc\n"
                                        "2025/26 Q2,RA1,Alpha,acute,OF9999,12\n");
        const Run mixedRun = owb({QStringLiteral("import"), ws, mixed});
        QCOMPARE(mixedRun.exitCode, 2);
        QVERIFY2(mixedRun.err.contains(mixed + QStringLiteral(":2:")), qPrintable(mixedRun.err));
        QVERIFY2(mixedRun.err.contains(QStringLiteral("OF9999")), qPrintable(mixedRun.err));
        QCOMPARE(snapshot(ws), before);

        // A bad file never creates a workspace either.
        const QString fresh = dir.filePath(QStringLiteral("fresh"));
        QCOMPARE(owb({QStringLiteral("import"), fresh, bad}).exitCode, 2);
        QVERIFY(!QFileInfo::exists(fresh));

        // Nor writes into a folder that is not a workspace.
        const QString other = dir.filePath(QStringLiteral("other"));
        QDir().mkpath(other);
        writeFile(dir, QStringLiteral("other/notes.txt"), "mine");
        const Run refused = owb({QStringLiteral("import"), other, data});
        QCOMPARE(refused.exitCode, 2);
        QCOMPARE(QDir(other).entryList(QDir::Files), QStringList{"notes.txt"});
    }

    // Editing a case file with the sqlite3 tool is found by owb check.
    void checkFindsSqliteToolEdits()
    {
        const QString sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        if (sqlite.isEmpty())
            QSKIP("the sqlite3 tool is not installed");
        QTemporaryDir dir;
        const QString data = writeFile(dir, QStringLiteral("d.csv"), kData);
        const QString ws = dir.filePath(QStringLiteral("ws"));
        QCOMPARE(owb({QStringLiteral("import"), ws, data}).exitCode, 0);
        const QString caseFile = QDir(ws).filePath(QStringLiteral("RA1.owcase"));
        QProcess tool;
        tool.start(sqlite, {caseFile, QStringLiteral("UPDATE organisation SET name = 'Renamed'")});
        QVERIFY(tool.waitForFinished());
        QCOMPARE(tool.exitCode(), 0);
        const Run check = owb({QStringLiteral("check"), ws});
        QCOMPARE(check.exitCode, 2);
        QVERIFY2(check.err.contains(caseFile + QStringLiteral(": audit log entry ")), qPrintable(check.err));
        QVERIFY(check.err.contains(QStringLiteral("(update organisation RA1) was not made by the workbench")));
    }

    // A planned value outside its metric's range, planted with the sqlite3
    // tool: owb check names the file, the point (its quarter and metric) and
    // the range under the quarter's methodology; a case file checked on its
    // own is checked under the built-in methodology, and a note says so.
    void checkFindsPlannedValueOutOfRange()
    {
        const QString sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        if (sqlite.isEmpty())
            QSKIP("the sqlite3 tool is not installed");
        const auto tool = [&sqlite](const QString &file, const QString &sql) {
            QProcess process;
            process.start(sqlite, {file, sql});
            if (!process.waitForFinished())
                qFatal("sqlite3 did not finish");
            return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
        };
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("demo"));
        QCOMPARE(owb({QStringLiteral("demo"), ws}).exitCode, 0);
        QString caseFile;
        for (const QString &name : QDir(ws).entryList({QStringLiteral("*.owcase")}, QDir::Files, QDir::Name))
            if (caseFile.isEmpty() && tool(QDir(ws).filePath(name), QStringLiteral("SELECT count(*) FROM trajectory_point")) != QLatin1String("0"))
                caseFile = QDir(ws).filePath(name);
        QVERIFY2(!caseFile.isEmpty(), "the demo has a trajectory");
        const QString point = tool(caseFile, QStringLiteral("SELECT id || '|' || metric_id || '|' || quarter FROM trajectory_point "
                                                            "WHERE quarter LIKE '2026/27%' ORDER BY id LIMIT 1"));
        const QStringList fields = point.split(QLatin1Char('|'));
        QCOMPARE(fields.size(), 3);
        QCOMPARE(owb({QStringLiteral("check"), ws}).exitCode, 0);

        // On its own: a copy of the case file.
        QDir(dir.path()).mkpath(QStringLiteral("alone"));
        const QString alone = QDir(dir.filePath(QStringLiteral("alone"))).filePath(QFileInfo(caseFile).fileName());
        QVERIFY(QFile::copy(caseFile, alone));
        const Run clean = owb({QStringLiteral("check"), alone});
        QCOMPARE(clean.exitCode, 0);
        QVERIFY2(clean.out.contains(QStringLiteral("checked on its own, so its planned values were checked against the "
                                                   "metric ranges of the built-in methodology")),
                 qPrintable(clean.out));
        tool(alone, QStringLiteral("UPDATE trajectory_point SET planned = '-500' WHERE id = %1").arg(fields.at(0)));
        const Run outside = owb({QStringLiteral("check"), alone});
        QCOMPARE(outside.exitCode, 2);
        const QString named = QStringLiteral("%1: trajectory point %2 (%3, %4): the planned value -500 is outside the range of ")
                                  .arg(alone, fields.at(0), fields.at(1), fields.at(2));
        QVERIFY2(outside.err.contains(named), qPrintable(outside.err));
        // On its own the line itself says the built-in methodology was used, and why (not "applied to" a year).
        QVERIFY2(outside.err.contains(QStringLiteral(", 0 to 100 (%), under the built-in methodology (nof-2025-26), used "
                                                     "because the file is checked outside its workspace")),
                 qPrintable(outside.err));

        // In its workspace: the methodology the register has in force for the quarter's year.
        tool(caseFile, QStringLiteral("UPDATE trajectory_point SET planned = '-500' WHERE id = %1").arg(fields.at(0)));
        const QString inForce = tool(QDir(ws).filePath(QStringLiteral("peers.owdata")),
                                     QStringLiteral("SELECT f.methodology_id FROM methodology_year y JOIN methodology_file f "
                                                    "ON f.id = y.file WHERE y.year = '2026/27'"));
        const Run inWorkspace = owb({QStringLiteral("check"), ws});
        QCOMPARE(inWorkspace.exitCode, 2);
        QVERIFY2(inWorkspace.err.contains(QStringLiteral("%1: trajectory point %2 (%3, %4): the planned value -500 is outside the range of ")
                                              .arg(caseFile, fields.at(0), fields.at(1), fields.at(2))),
                 qPrintable(inWorkspace.err));
        QVERIFY2(inWorkspace.err.contains(QStringLiteral("in the methodology applied to 2026/27 (%1)").arg(inForce)), qPrintable(inWorkspace.err));
        QVERIFY(!inWorkspace.out.contains(QStringLiteral("checked on its own")));
    }

    void checkCorruptCaseFile()
    {
        QTemporaryDir dir;
        const QString junk = writeFile(dir, QStringLiteral("RX1.owcase"), QByteArray(2048, 'x'));
        const Run run = owb({QStringLiteral("check"), junk});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.startsWith(junk + QStringLiteral(": not an Oversight Workbench case file (not a SQLite database)")));
    }

    void spc()
    {
        QTemporaryDir dir;
        QByteArray csv = "period,value\n";
        for (int i = 1; i <= 14; ++i)
            csv += "P" + QByteArray::number(i) + "," + QByteArray::number(i % 2 ? 10 : 12) + "\n";
        csv += "P15,40\n";
        const QString series = writeFile(dir, QStringLiteral("s.csv"), csv);
        const Run run = owb({QStringLiteral("spc"), QStringLiteral("--series"), series, QStringLiteral("--direction"),
                             QStringLiteral("higher"), QStringLiteral("--target"), QStringLiteral("2"),
                             QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(result.keys(), (QStringList{"assurance", "lpl", "mean", "points", "upl", "variation"}));
        QCOMPARE(result.value(QStringLiteral("variation")).toString(), QStringLiteral("improvement-high"));
        QCOMPARE(result.value(QStringLiteral("assurance")).toString(), QStringLiteral("pass"));
        const QJsonObject last = result.value(QStringLiteral("points")).toArray().last().toObject();
        QCOMPARE(last.keys(), (QStringList{"period", "rules", "side", "type", "value"}));
        QCOMPARE(last.value(QStringLiteral("rules")).toArray(), QJsonArray{QStringLiteral("outside")});
        QCOMPARE(last.value(QStringLiteral("type")).toString(), QStringLiteral("improvement"));

        // Under 13 points: a run chart, limits and icons null.
        const QString shortSeries = writeFile(dir, QStringLiteral("short.csv"), "period,value\nA,1\nB,2\nC,4\n");
        const QJsonObject run2 = QJsonDocument::fromJson(
            owb({QStringLiteral("spc"), QStringLiteral("--series"), shortSeries, QStringLiteral("--format"), QStringLiteral("json")})
                .out.toUtf8()).object();
        QVERIFY(run2.value(QStringLiteral("upl")).isNull());
        QVERIFY(run2.value(QStringLiteral("variation")).isNull());
        QCOMPARE(run2.value(QStringLiteral("mean")).toDouble(), 7.0 / 3.0);
        QCOMPARE(run2.value(QStringLiteral("points")).toArray().first().toObject().value(QStringLiteral("rules")).toArray(), QJsonArray());

        // From a metric file, taking the direction from the methodology.
        const QString data = writeFile(dir, QStringLiteral("d.csv"), kData);
        const Run fromData = owb({QStringLiteral("spc"), QStringLiteral("--data"), data, QStringLiteral("--org"),
                                  QStringLiteral("RA1"), QStringLiteral("--metric"), QStringLiteral("OF0023")});
        QCOMPARE(fromData.exitCode, 0);
        QCOMPARE(fromData.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
                 (QStringList{"period,value,mean,lpl,upl,rules,side,type", "2025/26 Q1,60,55,,,,,", "2025/26 Q2,50,55,,,,,"}));
        // Codes are stored in capitals; --org may be written in any case.
        const Run lowerCase = owb({QStringLiteral("spc"), QStringLiteral("--data"), data, QStringLiteral("--org"),
                                   QStringLiteral("ra1"), QStringLiteral("--metric"), QStringLiteral("OF0023")});
        QCOMPARE(lowerCase.out, fromData.out);

        const QString huge = writeFile(dir, QStringLiteral("huge.csv"), "period,value\nA,1e308\nB,1\n");
        const Run overflow = owb({QStringLiteral("spc"), QStringLiteral("--series"), huge});
        QCOMPARE(overflow.exitCode, 2);
        QCOMPARE(overflow.err, huge + QStringLiteral(":2:3: value 1e308 is too large to be a real value (at most 1e12 "
                                                     "either way)\n"));
        QCOMPARE(overflow.out, QString());

        const QString bad = writeFile(dir, QStringLiteral("bad.csv"), "period,value\nA,1\nB,x\n");
        const Run refused = owb({QStringLiteral("spc"), QStringLiteral("--series"), bad});
        QCOMPARE(refused.exitCode, 2);
        QCOMPARE(refused.err.trimmed(), bad + QStringLiteral(":3:3: \"x\" is not a number"));
        QCOMPARE(owb({QStringLiteral("spc")}).exitCode, 2);
    }

    void reconcile()
    {
        QTemporaryDir dir;
        const QString data = writeFile(dir, QStringLiteral("d.csv"), kData);
        const QString ws = dir.filePath(QStringLiteral("ws"));
        QCOMPARE(owb({QStringLiteral("import"), ws, data}).exitCode, 0);
        const QString published = writeFile(dir, QStringLiteral("league.csv"),
                                            "Trust_code,Trust_name,Average_score,Trust_in_financial_deficit,Segment,Rank\n"
                                            "RA2,Beta,2.00,No,1,1\nRA1,Alpha,4.00,Yes,4,2\nRZZ,Gone,2.50,No,2,3\n");
        const Run run = owb({QStringLiteral("reconcile"), ws, published});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.at(0), QStringLiteral("org_code,published_segment,computed_segment,published_average,computed_average,"
                                             "published_deficit,computed_deficit,published_rank,computed_rank,difference"));
        QCOMPARE(lines.at(1), QStringLiteral("RA2,1,1,2.00,2.00,0,0,1,1,"));
        QVERIFY(lines.at(2).startsWith(QStringLiteral("RA1,4,4,4.00,4.00,1,0,2,2,\"deficit no here, yes published")));
        QVERIFY(lines.at(3).endsWith(QStringLiteral("not in the workspace's data for 2025/26 Q2")));
        QVERIFY2(!run.err.contains(QStringLiteral("No trust of")), qPrintable(run.err));
        // A table of other trusts only: said plainly once, the rows still written, exit code 0.
        const QString others = writeFile(dir, QStringLiteral("others.csv"),
                                         "Trust_code,Trust_name,Average_score,Trust_in_financial_deficit,Segment,Rank\n"
                                         "RZY,One,2.00,No,1,1\nRZZ,Gone,2.50,No,2,3\n");
        const Run none = owb({QStringLiteral("reconcile"), ws, others});
        QCOMPARE(none.exitCode, 0);
        QVERIFY2(none.err.contains(others + QStringLiteral(": No trust of the published table (2 rows) is in the workspace's data for 2025/26 Q2")),
                 qPrintable(none.err));
        QCOMPARE(none.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 3);
        const QString bad = writeFile(dir, QStringLiteral("bad.csv"), "Trust_code,Segment\nRA1,9\n");
        const Run refused = owb({QStringLiteral("reconcile"), ws, bad});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains(bad + QStringLiteral(":1: missing required column \"average_score\"")));

        // A published code that is no code, and an average that is no score, are refused in place.
        const QString hostile = writeFile(dir, QStringLiteral("hostile.csv"),
                                          "Trust_code,Trust_name,Average_score,Trust_in_financial_deficit,Segment,Rank\n"
                                          "=1+2,X,1e308,No,1,1\nra2,Beta,2.00,No,1,1\n");
        const Run hostileRun = owb({QStringLiteral("reconcile"), ws, hostile});
        QCOMPARE(hostileRun.exitCode, 2);
        QCOMPARE(hostileRun.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
                 (QStringList{hostile + QStringLiteral(":2:1: organisation code \"=1+2\" may hold only letters A-Z and "
                                                       "digits 0-9 (an ODS code such as RXX or R0A)"),
                              hostile + QStringLiteral(":2:8: \"1e308\" is not an average score")}));
    }

    void report()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("demo"));
        QCOMPARE(owb({QStringLiteral("demo"), ws}).exitCode, 0);
        const QString pdf = dir.filePath(QStringLiteral("case.pdf"));
        const QString caseFile = QDir(ws).entryInfoList({QStringLiteral("*.owcase")}).first().absoluteFilePath();
        const Run one = owb({QStringLiteral("report"), caseFile, QStringLiteral("--pdf"), pdf});
        QCOMPARE(one.exitCode, 0);
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.contains("/Subtype /Image"));  // the charts
        const QString pack = dir.filePath(QStringLiteral("pack.pdf"));
        QCOMPARE(owb({QStringLiteral("report"), ws, QStringLiteral("--pdf"), pack}).exitCode, 0);
        QVERIFY(QFileInfo(pack).size() > QFileInfo(pdf).size());
        QCOMPARE(owb({QStringLiteral("report"), ws}).exitCode, 2);
        QCOMPARE(owb({QStringLiteral("report"), dir.filePath(QStringLiteral("nope.owcase")), QStringLiteral("--pdf"), pdf}).exitCode, 2);
        QCOMPARE(owb({QStringLiteral("report"), ws, QStringLiteral("--pdf"), QStringLiteral("/nonexistent/dir/x.pdf")}).exitCode, 2);
    }

    void demo()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("demo"));
        const Run run = owb({QStringLiteral("demo"), ws});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("232 organisations")));
        QCOMPARE(owb({QStringLiteral("check"), ws}).exitCode, 0);
        QCOMPARE(owb({QStringLiteral("demo"), ws}).exitCode, 2);
        // Deterministic: a second demo has the same national data.
        const QString again = dir.filePath(QStringLiteral("again"));
        QCOMPARE(owb({QStringLiteral("demo"), again}).exitCode, 0);
        QFile a(QDir(ws).filePath(QStringLiteral("national-metrics.csv")));
        QFile b(QDir(again).filePath(QStringLiteral("national-metrics.csv")));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
