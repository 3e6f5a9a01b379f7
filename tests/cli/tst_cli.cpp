// The owb contracts, end to end through the real binary: options, exit
// codes, exact columns, error messages, and "bad input changes nothing".

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run owb(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(OWB_BIN), arguments);
    if (!process.waitForFinished(120000))
        qFatal("owb did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write test file");
    file.write(bytes);
    return path;
}

// Names and contents of every file under a folder.
QMap<QString, QByteArray> snapshot(const QString &directory)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        files.insert(QDir(directory).relativeFilePath(path),
                     QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return files;
}

const QByteArray kData = "quarter,org_code,org_name,org_type,metric_id,value,region\n"
                         "2025/26 Q1,RA1,Alpha,acute,OF0023,60,Midlands\n"
                         "2025/26 Q1,RA2,Beta,acute,OF0023,55,London\n"
                         "2025/26 Q1,RA2,Beta,acute,OF0088,31.5,London\n"
                         "2025/26 Q1,RA3,Gamma,acute,OF0023,,Midlands\n"
                         "2025/26 Q1,RA3,Gamma,acute,DEFICIT,yes,Midlands\n"
                         "2025/26 Q2,RA1,Alpha,acute,OF0023,50,Midlands\n"
                         "2025/26 Q2,RA2,Beta,acute,OF0023,58,London\n"
                         "2025/26 Q2,RA9,Nine,acute,OF1023,2.1,London\n";
} // namespace

class TestCli : public QObject
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
