// owb and the methodology register, end to end through the real binary: a
// workspace for a year the built-in methodology does not cover, one spanning
// two years, re-issues beside back-cast years, a methodology per year, and
// the wording of every refusal. The other owb contracts are tst_cli's.

#include "clirun.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace owbtest;

class TestCliMethodology : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A new workspace from a file of a year the built-in methodology does not
    // cover is refused before anything is created (the folder stays absent,
    // or empty), with advice that works for a new workspace; given the
    // year's file with --methodology it is created. An id registered for
    // other years with other content is refused, naming the id and the
    // years; the dry run on a workspace nobody may write says it cannot be
    // applied there (issue 12).
    void newWorkspaceForALaterYear()
    {
        QTemporaryDir dir;
        QFile builtIn(QStringLiteral(OWB_TEST_DATA "/../../resources/methodology/nof-2025-26.json"));
        QVERIFY(builtIn.open(QIODevice::ReadOnly));
        QByteArray later = builtIn.readAll();
        later.replace("\"id\": \"nof-2025-26\"", "\"id\": \"demo-2026-27\"");
        later.replace("\"years\": [\"2025/26\"]", "\"years\": [\"2026/27\"]");
        const QString b = writeFile(dir, QStringLiteral("b.json"), later);
        const QString data = writeFile(dir, QStringLiteral("y.csv"),
                                       "quarter,org_code,org_name,org_type,metric_id,value,region\n"
                                       "2026/27 Q1,RA1,Alpha,acute,OF0023,52,Midlands\n"
                                       "2026/27 Q1,RA2,Beta,acute,OF0023,61,London\n");
        const QString absent = dir.filePath(QStringLiteral("new"));
        const Run refused = owb({QStringLiteral("import"), absent, data});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("nothing was created")) &&
                     refused.err.contains(QStringLiteral("owb import --methodology FILE %1 %2").arg(absent, data)),
                 qPrintable(refused.err));
        QVERIFY(!QFileInfo::exists(absent));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("empty"))));
        const QString empty = dir.filePath(QStringLiteral("empty"));
        QCOMPARE(owb({QStringLiteral("import"), empty, data}).exitCode, 2);
        QCOMPARE(QDir(empty).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
        const Run made = owb({QStringLiteral("import"), QStringLiteral("--methodology"), b, empty, data});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));

        // The same id, other content, for another year: refused, named.
        QByteArray clash = later;
        clash.replace("\"years\": [\"2026/27\"]", "\"years\": [\"2027/28\"]");
        const QString c = writeFile(dir, QStringLiteral("c.json"), clash);
        const Run taken = owb({QStringLiteral("methodology"), QStringLiteral("add"), empty, c});
        QCOMPARE(taken.exitCode, 2);
        QVERIFY2(taken.err.contains(QStringLiteral("the methodology id demo-2026-27 is already registered for 2026/27 "
                                                   "with other content")),
                 qPrintable(taken.err));
        // A re-issue of the same year under the same id is how a year is re-issued: allowed.
        QByteArray reissue = later;
        reissue.replace("\"title\": \"", "\"title\": \"Re-issued ");
        const QString r = writeFile(dir, QStringLiteral("r.json"), reissue);
        const Run dry = owb({QStringLiteral("methodology"), QStringLiteral("add"), empty, r});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY2(dry.err.contains(QStringLiteral("run again with --apply")), qPrintable(dry.err));
        QVERIFY2(dry.out.startsWith(QStringLiteral("org_code,org_name,quarter,segment_before,segment_after,average_before,"
                                                   "average_after,raw_segment_before,raw_segment_after,rank_before,rank_after,"
                                                   "final_segment_before,final_segment_after,league_rank_before,"
                                                   "league_rank_after,final_segment_reason\n")),
                 qPrintable(dry.out));
        // Where it may not be applied, the dry run says so and why.
        if (::geteuid() != 0) {
            QFile::setPermissions(empty, QFile::ReadOwner | QFile::ExeOwner);
            const Run readOnly = owb({QStringLiteral("methodology"), QStringLiteral("add"), empty, r});
            QFile::setPermissions(empty, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            QVERIFY2(readOnly.exitCode == 0, qPrintable(readOnly.err));
            QVERIFY2(readOnly.err.contains(QStringLiteral("it cannot be applied here: "))
                         && !readOnly.err.contains(QStringLiteral("--apply to make")),
                     qPrintable(readOnly.err));
        }
    }

    // A new workspace from a file spanning 2025/26 and 2026/27: the built-in
    // file covers 2025/26 and the given file 2026/27, each registered for
    // its year; --methodology once per year, two for one year refused
    // naming both and nothing created (issue 12).
    void newWorkspaceSpanningTwoYears()
    {
        QTemporaryDir dir;
        QFile builtIn(QStringLiteral(OWB_TEST_DATA "/../../resources/methodology/nof-2025-26.json"));
        QVERIFY(builtIn.open(QIODevice::ReadOnly));
        const QByteArray current = builtIn.readAll();
        QByteArray later = current;
        later.replace("\"id\": \"nof-2025-26\"", "\"id\": \"demo-2026-27\"");
        later.replace("\"years\": [\"2025/26\"]", "\"years\": [\"2026/27\"]");
        const QString a = writeFile(dir, QStringLiteral("a.json"), current);
        const QString b = writeFile(dir, QStringLiteral("b.json"), later);
        const QString b2 = writeFile(dir, QStringLiteral("b2.json"), QByteArray(later).replace("\"title\": \"", "\"title\": \"Other "));
        QByteArray data = kData;
        data += "2026/27 Q1,RA1,Alpha,acute,OF0023,52,Midlands\n"
                "2026/27 Q1,RA2,Beta,acute,OF0023,61,London\n";
        const QString both = writeFile(dir, QStringLiteral("both.csv"), data);

        const QString twiceWs = dir.filePath(QStringLiteral("twice"));
        const Run twice = owb({QStringLiteral("import"), QStringLiteral("--methodology"), b, QStringLiteral("--methodology"),
                               b2, twiceWs, both});
        QCOMPARE(twice.exitCode, 2);
        QVERIFY2(twice.err.contains(QStringLiteral("%1 and %2 both declare 2026/27").arg(b, b2)), qPrintable(twice.err));
        QVERIFY(!QFileInfo::exists(twiceWs));

        const QString ws = dir.filePath(QStringLiteral("ws"));
        const Run made = owb({QStringLiteral("import"), QStringLiteral("--methodology"), b, ws, both});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const Run list = owb({QStringLiteral("methodology"), QStringLiteral("list"), ws});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains(QStringLiteral("2025/26")) && list.out.contains(QStringLiteral("nof-2025-26"))
                     && list.out.contains(QStringLiteral("2026/27")) && list.out.contains(QStringLiteral("demo-2026-27")),
                 qPrintable(list.out));
        QCOMPARE(owb({QStringLiteral("methodology"), QStringLiteral("show"), ws, QStringLiteral("2025/26")}).out.toUtf8(),
                 current);
        QCOMPARE(owb({QStringLiteral("methodology"), QStringLiteral("show"), ws, QStringLiteral("2026/27")}).out.toUtf8(),
                 later);
        // Both files given, one per year: the same workspace.
        const QString ws2 = dir.filePath(QStringLiteral("ws2"));
        const Run each = owb({QStringLiteral("import"), QStringLiteral("--methodology"), a, QStringLiteral("--methodology"),
                              b, ws2, both});
        QVERIFY2(each.exitCode == 0, qPrintable(each.err));
        QCOMPARE(owb({QStringLiteral("portfolio"), ws2}).out, owb({QStringLiteral("portfolio"), ws}).out);
        QCOMPARE(owb({QStringLiteral("portfolio"), ws2, QStringLiteral("--quarter"), QStringLiteral("2025/26 Q2")}).out,
                 owb({QStringLiteral("portfolio"), ws, QStringLiteral("--quarter"), QStringLiteral("2025/26 Q2")}).out);
    }

    // The demo's register holds nof-2025-26 for 2023/24 and 2024/25 (back-cast)
    // and 2025/26 (declared): a re-issue of 2025/26 under the same id is
    // applied to 2025/26 alone; the back-cast years keep the file they were
    // assessed under, which methodology show still prints (issue 12).
    void reissueBesideBackCastYears()
    {
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("demo"));
        QCOMPARE(owb({QStringLiteral("demo"), ws}).exitCode, 0);
        const QByteArray old = owb({QStringLiteral("methodology"), QStringLiteral("show"), ws, QStringLiteral("2025/26")}).out.toUtf8();
        QVERIFY(old.contains("\"id\": \"nof-2025-26\""));
        QByteArray reissue = old;
        reissue.replace("\"title\": \"", "\"title\": \"Re-issued ");
        const QString r = writeFile(dir, QStringLiteral("r.json"), reissue);
        const Run dry = owb({QStringLiteral("methodology"), QStringLiteral("add"), ws, r});
        QVERIFY2(dry.exitCode == 0 && !dry.err.contains(QStringLiteral("other content")), qPrintable(dry.err));
        const Run applied = owb({QStringLiteral("methodology"), QStringLiteral("add"), QStringLiteral("--apply"), ws, r});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        QCOMPARE(owb({QStringLiteral("methodology"), QStringLiteral("show"), ws, QStringLiteral("2025/26")}).out.toUtf8(), reissue);
        for (const QString &year : {QStringLiteral("2023/24"), QStringLiteral("2024/25")})
            QCOMPARE(owb({QStringLiteral("methodology"), QStringLiteral("show"), ws, year}).out.toUtf8(), old);
        const QString list = owb({QStringLiteral("methodology"), QStringLiteral("list"), ws}).out;
        QVERIFY2(list.contains(QRegularExpression(QStringLiteral("^2024/25,nof-2025-26,back-cast,"),
                                                  QRegularExpression::MultilineOption)),
                 qPrintable(list));
        QCOMPARE(owb({QStringLiteral("check"), ws}).exitCode, 0);
    }

    // owb score and segment with one --methodology per year: each quarter
    // under its year's file, exactly as running each year alone; a quarter
    // whose year no file declares is an error.
    void methodologyPerYear()
    {
        QTemporaryDir dir;
        QFile builtIn(QStringLiteral(OWB_TEST_DATA "/../../resources/methodology/nof-2025-26.json"));
        QVERIFY(builtIn.open(QIODevice::ReadOnly));
        const QByteArray current = builtIn.readAll();
        QByteArray later = current;
        later.replace("\"id\": \"nof-2025-26\"", "\"id\": \"demo-2026-27\"");
        later.replace("\"years\": [\"2025/26\"]", "\"years\": [\"2026/27\"]");
        later.replace("\"segmentation\": {\"method\": \"peer-quartiles\"}",
                      "\"segmentation\": {\"method\": \"thresholds\", \"cuts\": {\"acute\": [1.5, 2.5, 3.5], "
                      "\"mhc\": [1.5, 2.5, 3.5], \"ambulance\": [1.5, 2.5, 3.5]}}");
        const QString a = writeFile(dir, QStringLiteral("a.json"), current);
        const QString b = writeFile(dir, QStringLiteral("b.json"), later);
        QByteArray data = kData;
        data += "2026-27 Q1,RA1,Alpha,acute,OF0023,52,Midlands\n"
                "2026/27 Q1,RA2,Beta,acute,OF0023,61,London\n"
                "2026/27 Q1,RA3,Gamma,acute,OF0023,57,Midlands\n";
        const QString both = writeFile(dir, QStringLiteral("d.csv"), data);
        const QString first = writeFile(dir, QStringLiteral("first.csv"), kData);
        QByteArray laterRows = "quarter,org_code,org_name,org_type,metric_id,value,region\n";
        laterRows += data.mid(kData.size());
        const QString second = writeFile(dir, QStringLiteral("second.csv"), laterRows);
        for (const QString &command : {QStringLiteral("segment"), QStringLiteral("score")}) {
            const Run together = owb({command, QStringLiteral("--data"), both, QStringLiteral("--methodology"), b,
                                      QStringLiteral("--methodology"), a});
            QCOMPARE(together.exitCode, 0);
            const Run alone1 = owb({command, QStringLiteral("--data"), first, QStringLiteral("--methodology"), a});
            const Run alone2 = owb({command, QStringLiteral("--data"), second, QStringLiteral("--methodology"), b});
            QCOMPARE(alone1.exitCode, 0);
            QCOMPARE(alone2.exitCode, 0);
            QCOMPARE(together.out, alone1.out + alone2.out.mid(alone2.out.indexOf(QLatin1Char('\n')) + 1));
            // JSON: the same objects, in the same order, as each year alone.
            const auto jsonOf = [&](const QStringList &arguments) {
                const Run run = owb(QStringList{command, QStringLiteral("--data")} + arguments
                                    + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
                return QJsonDocument::fromJson(run.out.toUtf8()).array();
            };
            QJsonArray separately = jsonOf({first, QStringLiteral("--methodology"), a});
            for (const QJsonValue row : jsonOf({second, QStringLiteral("--methodology"), b}))
                separately.append(row);
            QVERIFY(!separately.isEmpty());
            QCOMPARE(jsonOf({both, QStringLiteral("--methodology"), a, QStringLiteral("--methodology"), b}), separately);
            // One file for its own years gives what the built-in one gives.
            QCOMPARE(owb({command, QStringLiteral("--data"), first, QStringLiteral("--methodology"), a}).out,
                     owb({command, QStringLiteral("--data"), first}).out);
        }
        const Run thresholds = owb({QStringLiteral("segment"), QStringLiteral("--data"), both, QStringLiteral("--methodology"),
                                    a, QStringLiteral("--methodology"), b, QStringLiteral("--quarter"), QStringLiteral("2026/27 Q1")});
        QCOMPARE(thresholds.exitCode, 0);
        QVERIFY(thresholds.out.contains(QStringLiteral("2026/27 Q1,acute,RA2,")));

        // A quarter whose year no file declares: named with its year, nothing
        // on standard output, whether the files are given or built in.
        const QString c = writeFile(dir, QStringLiteral("c.json"), QByteArray(later).replace("2026/27", "2027/28"));
        for (const QString &command : {QStringLiteral("segment"), QStringLiteral("score")}) {
            const Run missing = owb({command, QStringLiteral("--data"), both, QStringLiteral("--methodology"), a,
                                     QStringLiteral("--methodology"), c});
            QCOMPARE(missing.exitCode, 2);
            QCOMPARE(missing.out, QString());
            QVERIFY2(missing.err.contains(QStringLiteral("quarter 2026/27 Q1 is in 2026/27, which none of the "
                                                         "--methodology files declares")),
                     qPrintable(missing.err));
            QVERIFY2(missing.err.contains(QStringLiteral("pass a --methodology file for 2026/27")), qPrintable(missing.err));
            // Without --methodology the built-in file covers 2025/26 only:
            // 2026/27 is not silently assessed under it.
            const Run builtIn = owb({command, QStringLiteral("--data"), both});
            QCOMPARE(builtIn.exitCode, 2);
            QCOMPARE(builtIn.out, QString());
            QVERIFY2(builtIn.err.contains(QStringLiteral("quarter 2026/27 Q1 is in 2026/27, which the built-in "
                                                         "methodology (nof-2025-26, for 2025/26) does not cover: pass "
                                                         "a --methodology file for 2026/27")),
                     qPrintable(builtIn.err));
            // Nor under one file of another year.
            const Run single = owb({command, QStringLiteral("--data"), both, QStringLiteral("--methodology"), b});
            QCOMPARE(single.exitCode, 2);
            QVERIFY2(single.err.contains(QStringLiteral("quarters 2025/26 Q1, 2025/26 Q2 are in 2025/26")),
                     qPrintable(single.err));
            // The quarter asked for is what counts.
            QCOMPARE(owb({command, QStringLiteral("--data"), both, QStringLiteral("--quarter"), QStringLiteral("2025/26 Q2")})
                         .exitCode,
                     0);
        }
        // Two files declaring one year: both named.
        const QString b2 = writeFile(dir, QStringLiteral("b2.json"), later);
        const Run twice = owb({QStringLiteral("segment"), QStringLiteral("--data"), both, QStringLiteral("--methodology"), a,
                               QStringLiteral("--methodology"), b, QStringLiteral("--methodology"), b2});
        QCOMPARE(twice.exitCode, 2);
        QCOMPARE(twice.out, QString());
        QVERIFY2(twice.err.contains(QStringLiteral("%1 and %2 both declare 2026/27").arg(b, b2)), qPrintable(twice.err));
    }

    // What the methodology commands say (issue 12): a given file for the
    // built-in file's year is the one named for it; one file given twice is
    // said to be given twice; the count line names league ranks too; the file
    // already in force is said to be, with nothing to apply; a year with no
    // stored quarter is said to have none, with nothing to re-assess.
    void methodologyWording()
    {
        QTemporaryDir dir;
        QFile builtIn(QStringLiteral(OWB_TEST_DATA "/../../resources/methodology/nof-2025-26.json"));
        QVERIFY(builtIn.open(QIODevice::ReadOnly));
        const QByteArray current = builtIn.readAll();
        const QString own = writeFile(dir, QStringLiteral("own.json"),
                                      QByteArray(current).replace("\"id\": \"nof-2025-26\"", "\"id\": \"own-2025-26\""));
        QByteArray later = current;
        later.replace("\"id\": \"nof-2025-26\"", "\"id\": \"demo-2026-27\"");
        later.replace("\"years\": [\"2025/26\"]", "\"years\": [\"2026/27\"]");
        const QString b = writeFile(dir, QStringLiteral("b.json"), later);
        QByteArray data = kData;
        data += "2026/27 Q1,RA1,Alpha,acute,OF0023,52,Midlands\n"
                "2026/27 Q1,RA2,Beta,acute,OF0023,61,London\n"
                "2026/27 Q1,RA3,Gamma,acute,OF0023,57,Midlands\n";
        const QString both = writeFile(dir, QStringLiteral("both.csv"), data);
        const QString ws = dir.filePath(QStringLiteral("ws"));

        // The given file for 2025/26 is named for it, once; the built-in one is not.
        const Run refused = owb({QStringLiteral("import"), QStringLiteral("--methodology"), own, ws, both});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("a new workspace has a methodology only for 2025/26 (own-2025-26), "
                                                     "so that quarter cannot be assessed")),
                 qPrintable(refused.err));
        QVERIFY2(!refused.err.contains(QStringLiteral("the built-in file")) && refused.err.count(QStringLiteral("2025/26 (")) == 1,
                 qPrintable(refused.err));

        // One file given twice: said so, not as two files at odds.
        const Run twice = owb({QStringLiteral("import"), QStringLiteral("--methodology"), b, QStringLiteral("--methodology"),
                               b, ws, both});
        QCOMPARE(twice.exitCode, 2);
        QVERIFY2(twice.err.contains(QStringLiteral("%1 was given twice: give each methodology file once").arg(b))
                     && !twice.err.contains(QStringLiteral("both declare")),
                 qPrintable(twice.err));
        QVERIFY(!QFileInfo::exists(ws));
        const Run twiceScored = owb({QStringLiteral("segment"), QStringLiteral("--data"), both, QStringLiteral("--methodology"),
                                     own, QStringLiteral("--methodology"), b, QStringLiteral("--methodology"), b});
        QCOMPARE(twiceScored.exitCode, 2);
        QVERIFY2(twiceScored.err.contains(QStringLiteral("owb segment: %1 was given twice: give each --methodology file once").arg(b))
                     && !twiceScored.err.contains(QStringLiteral("both declare")),
                 qPrintable(twiceScored.err));

        QCOMPARE(owb({QStringLiteral("import"), QStringLiteral("--methodology"), b, ws, both}).exitCode, 0);
        // The file already in force: said, nothing to apply, nothing written.
        const auto before = snapshot(ws);
        for (const QStringList &extra : {QStringList(), QStringList{QStringLiteral("--apply")}}) {
            const Run same = owb(QStringList{QStringLiteral("methodology"), QStringLiteral("add")} + extra + QStringList{ws, b});
            QVERIFY2(same.exitCode == 0, qPrintable(same.err));
            QVERIFY2(same.err.contains(QStringLiteral("demo-2026-27 is already in force for 2026/27: it is the same file, "
                                                      "byte for byte"))
                         && same.err.contains(QStringLiteral("there is nothing to apply"))
                         && !same.err.contains(QStringLiteral("replacing")),
                     qPrintable(same.err));
            QCOMPARE(same.out, QString());
        }
        QCOMPARE(snapshot(ws), before);

        // A re-issue: the count line names league ranks, as the list has them.
        QByteArray reissue = later;
        reissue.replace("\"segmentation\": {\"method\": \"peer-quartiles\"}",
                        "\"segmentation\": {\"method\": \"thresholds\", \"cuts\": {\"acute\": [1.5, 2.5, 3.5], "
                        "\"mhc\": [1.5, 2.5, 3.5], \"ambulance\": [1.5, 2.5, 3.5]}}");
        QVERIFY(reissue != later);
        const QString r = writeFile(dir, QStringLiteral("r.json"), reissue);
        const Run dry = owb({QStringLiteral("methodology"), QStringLiteral("add"), ws, r});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY2(dry.err.contains(QStringLiteral("segment, final segment, raw segment, average, rank or league rank"))
                     && !dry.err.contains(QStringLiteral("average or rank")),
                 qPrintable(dry.err));
        QVERIFY2(dry.err.contains(QStringLiteral("in 1 quarter would be rewritten")), qPrintable(dry.err));

        // A year with no stored quarter: nothing to re-assess, said so.
        const QString c = writeFile(dir, QStringLiteral("c.json"),
                                    QByteArray(later).replace("demo-2026-27", "demo-2027-28").replace("2026/27", "2027/28"));
        const Run none = owb({QStringLiteral("methodology"), QStringLiteral("add"), ws, c});
        QVERIFY2(none.exitCode == 0, qPrintable(none.err));
        QVERIFY2(none.err.contains(QStringLiteral("no quarter of 2027/28 is stored yet, so there is nothing to re-assess"))
                     && !none.err.contains(QStringLiteral("in 0 quarters"))
                     && !none.err.contains(QStringLiteral("0 case-file quarters")),
                 qPrintable(none.err));
        const Run applied = owb({QStringLiteral("methodology"), QStringLiteral("add"), QStringLiteral("--apply"), ws, c});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        QVERIFY2(applied.err.contains(QStringLiteral("demo-2027-28 is in force for 2027/28; no quarter of 2027/28 is "
                                                     "stored yet, so nothing was re-assessed"))
                     && !applied.err.contains(QStringLiteral("0 case-file quarters")),
                 qPrintable(applied.err));
    }

};

QTEST_GUILESS_MAIN(TestCliMethodology)
#include "tst_climethodology.moc"
