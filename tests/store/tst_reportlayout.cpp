// The pages of a PDF report (reportlayout), read back with pdftotext as a
// reader sees them: a table row is never split between two pages, a table
// that goes on repeats its header row, a heading is never the last thing on
// a page (issue 11: "OF0025 Average days from discharge-" at the foot of a
// page, the rest of the row on the next).

#include "reports/reportlayout.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace owb;

namespace {

// The text of each page of a PDF, from pdftotext (poppler-utils).
QStringList pageTexts(const QString &pdf)
{
    QProcess info;
    info.start(QStringLiteral("pdfinfo"), {pdf});
    info.waitForFinished();
    const auto match = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
                           .match(QString::fromUtf8(info.readAllStandardOutput()));
    QStringList pages;
    for (int page = 1; page <= match.captured(1).toInt(); ++page) {
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-f"), QString::number(page),
                                                 QStringLiteral("-l"), QString::number(page), pdf, QStringLiteral("-")});
        text.waitForFinished();
        pages.append(QString::fromUtf8(text.readAllStandardOutput()));
    }
    return pages;
}

QString words(int count)
{
    QStringList list;
    for (int i = 0; i < count; ++i)
        list.append(QStringLiteral("word"));
    return list.join(QLatin1Char(' '));
}

} // namespace

class TestReportLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QFAIL("pdftotext (poppler-utils) is needed to read the pages back");
    }

    void rowsAndHeadingsStayWhole_data()
    {
        QTest::addColumn<int>("fillers");
        for (int fillers = 0; fillers < 30; fillers += 3)
            QTest::addRow("%d paragraphs first", fillers) << fillers;
    }

    // Rows of three lines each, the table and the headings pushed down by a
    // different number of paragraphs each time, so that page ends fall at
    // every place in a row.
    void rowsAndHeadingsStayWhole()
    {
        QFETCH(int, fillers);
        QString html = QStringLiteral("<h1>Report</h1>");
        for (int i = 0; i < fillers; ++i)
            html += QStringLiteral("<p>Filler %1 %2.</p>").arg(i).arg(words(i % 7 * 6));
        html += QStringLiteral("<h3>Metrics heading</h3>");
        QList<QStringList> rows;
        for (int r = 10; r < 70; ++r) {
            const QString id = QStringLiteral("r%1").arg(r);
            rows.append({id, QStringLiteral("%1a %2 %1b %2 %1c").arg(id, words(6)), QStringLiteral("2.40%"),
                         QStringLiteral("%1x %2 %1y %2 %1z").arg(id, words(5))});
        }
        html += reportTable({QStringLiteral("HeaderId"), QStringLiteral("HeaderMetric"), QStringLiteral("Value"),
                             QStringLiteral("Notes")},
                            rows);
        for (int i = 0; i < 12; ++i)
            html += QStringLiteral("<h3>Heading%1 title</h3><p>Start%1 %2 End%1.</p>").arg(i).arg(words(20 + i * 9));
        QTemporaryDir dir;
        dir.setAutoRemove(qEnvironmentVariableIsEmpty("KEEP"));
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        writeReportPdf(html, pdf, QStringLiteral("Test"));
        const QStringList pages = pageTexts(pdf);
        QVERIFY(pages.size() >= 2);
        auto pageOf = [&](const QString &word) {
            const QRegularExpression exact(QStringLiteral("\\b%1\\b").arg(word));
            QList<int> found;
            for (int p = 0; p < pages.size(); ++p)
                for (auto it = exact.globalMatch(pages.at(p)); it.hasNext(); it.next())
                    found.append(p);
            return found;
        };
        for (int r = 10; r < 70; ++r) {
            const QString id = QStringLiteral("r%1").arg(r);
            const QList<int> first = pageOf(id + QLatin1Char('a'));
            QCOMPARE(first.size(), 1);
            for (const char *part : {"b", "c", "x", "y", "z"})
                QVERIFY2(pageOf(id + QLatin1String(part)) == first,
                         qPrintable(QStringLiteral("row %1 is split between pages").arg(id)));
        }
        // Every page that holds rows starts them with the header row.
        for (int p = 0; p < pages.size(); ++p)
            if (pages.at(p).contains(QRegularExpression(QStringLiteral("\\br[1-6][0-9]a\\b"))))
                QVERIFY2(pages.at(p).contains(QStringLiteral("HeaderMetric")),
                         qPrintable(QStringLiteral("page %1 continues the table without its header").arg(p + 1)));
        // A heading stays with its table's first row and its paragraph's first line.
        QCOMPARE(pageOf(QStringLiteral("Metrics")), pageOf(QStringLiteral("r10a")));
        for (int i = 0; i < 12; ++i)
            QVERIFY2(pageOf(QStringLiteral("Heading%1").arg(i)) == pageOf(QStringLiteral("Start%1").arg(i)),
                     qPrintable(QStringLiteral("Heading%1 is the last thing on its page").arg(i)));
    }

    // A word longer than its cell (issue 13: "Huge " and 300 x's in a
    // finding) breaks where the cell ends: every word of every column is on
    // the page, inside the margins, and the other rows keep their words whole.
    void longWordsStayOnThePage()
    {
        const QString huge = QStringLiteral("Huge ") + QString(300, QLatin1Char('x'));
        const QString url = QStringLiteral("https://nhs.uk/") + QString(120, QLatin1Char('y')) + QStringLiteral("/end");
        QString html = QStringLiteral("<h1>Report</h1><p>%1</p>").arg(url);
        html += reportTable({QStringLiteral("Severity"), QStringLiteral("Finding"), QStringLiteral("Evidence"),
                             QStringLiteral("Metrics")},
                            {{QStringLiteral("High"), huge, QStringLiteral("Board papers"), QStringLiteral("OF0023 Elective")},
                             {QStringLiteral("Moderate"), QStringLiteral("Short finding, no trajectory"),
                              QStringLiteral("Interviews"), QStringLiteral("OF0025 Discharge")}});
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        writeReportPdf(html, pdf, QStringLiteral("Test"));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished());
        const QString boxes = QString::fromUtf8(text.readAllStandardOutput());
        const auto page = QRegularExpression(QStringLiteral("<page width=\"([0-9.]+)\"")).match(boxes);
        QVERIFY(page.hasMatch());
        const double margin = 2 / 2.54 * 72; // 2 cm, in points
        const double right = page.captured(1).toDouble() - margin + 1;
        QStringList seen;
        static const QRegularExpression word(QStringLiteral("<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\"[^>]*>([^<]*)</word>"));
        for (auto it = word.globalMatch(boxes); it.hasNext();) {
            const auto w = it.next();
            QVERIFY2(w.captured(1).toDouble() >= margin - 1 && w.captured(2).toDouble() <= right,
                     qPrintable(QStringLiteral("\"%1\" is outside the page's text area (%2 to %3 of %4)")
                                    .arg(w.captured(3).left(30), w.captured(1), w.captured(2), page.captured(1))));
            seen.append(w.captured(3));
        }
        for (const char *whole : {"Severity", "Finding", "Evidence", "Metrics", "Moderate", "Short", "no",
                                  "trajectory", "Interviews", "OF0025", "Discharge", "Board", "papers", "Elective"})
            QVERIFY2(seen.contains(QLatin1String(whole)), whole);
        // The long word is all there, in pieces.
        QCOMPARE(seen.join(QString()).count(QLatin1Char('x')), 300);
    }

    // The regional pack's summary (tester's report 13, round 3, item 7): no
    // header split inside a word ("Organisati/on", "Averag/e"), nor a name.
    void headersStayWhole()
    {
        QList<QStringList> rows;
        for (int i = 0; i < 30; ++i)
            rows.append({QStringLiteral("ZA%1").arg(i), QStringLiteral("Doveminster University Hospitals NHS Foundation Trust"),
                         QStringLiteral("Acute trust"), QStringLiteral("Segment 3"), QStringLiteral("2.65"),
                         QStringLiteral("76 of 130"), QStringLiteral("Methodology changed"), QString()});
        const QString html = reportTable({QStringLiteral("Code"), QStringLiteral("Organisation"), QStringLiteral("Peer type"),
                                          QStringLiteral("Segment"), QStringLiteral("Average"), QStringLiteral("Rank"),
                                          QStringLiteral("Movement"), QStringLiteral("Casework")},
                                         rows);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("pack.pdf"));
        writeReportPdf(html, pdf, QStringLiteral("Test"));
        const QStringList pages = pageTexts(pdf);
        QVERIFY(!pages.isEmpty());
        for (const char *header : {"Organisation", "Average", "Movement", "Casework"})
            QVERIFY2(pages.first().contains(QLatin1String(header)), header);
        for (const char *word : {"Segment", "Doveminster", "University", "Methodology"})
            QVERIFY2(pages.first().contains(QLatin1String(word)), word);
    }

    // A row taller than a page (a finding of several pages) goes on over the
    // pages, cut between lines: no line of either long cell is sliced with
    // half of it at the foot of one page and half at the top of the next
    // (issue 13's tester). Every word is on the pages in full, once, inside
    // the text area.
    void tallRowsBreakBetweenLines()
    {
        QStringList finding, evidence;
        for (int i = 0; i < 900; ++i)
            finding.append(QStringLiteral("f%1").arg(i, 4, 10, QLatin1Char('0')));
        for (int i = 0; i < 500; ++i)
            evidence.append(QStringLiteral("e%1").arg(i, 4, 10, QLatin1Char('0')));
        QString html = QStringLiteral("<h1>Report</h1>");
        html += reportTable({QStringLiteral("Severity"), QStringLiteral("Finding"), QStringLiteral("Evidence")},
                            {{QStringLiteral("High"), finding.join(QLatin1Char(' ')),
                              evidence.join(QLatin1Char(' '))}});
        QTemporaryDir dir;
        dir.setAutoRemove(qEnvironmentVariableIsEmpty("KEEP"));
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        writeReportPdf(html, pdf, QStringLiteral("Test"));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished());
        const QString boxes = QString::fromUtf8(text.readAllStandardOutput());
        const auto page = QRegularExpression(QStringLiteral("<page width=\"[0-9.]+\" height=\"([0-9.]+)\"")).match(boxes);
        QVERIFY(page.hasMatch());
        const double margin = 2 / 2.54 * 72;
        const double bottom = page.captured(1).toDouble() - margin + 1;
        QHash<QString, int> seen;
        static const QRegularExpression word(
            QStringLiteral("<word xMin=\"[0-9.]+\" yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">([ef][0-9]+)</word>"));
        for (auto it = word.globalMatch(boxes); it.hasNext();) {
            const auto w = it.next();
            const double top = w.captured(1).toDouble(), foot = w.captured(2).toDouble();
            // Drawn outside the text area: hidden by the page's clip, or cut by it.
            if (foot <= margin + 1 || top >= bottom - 2)
                continue;
            QVERIFY2(top >= margin - 1 && foot <= bottom,
                     qPrintable(QStringLiteral("\"%1\" is cut by the page's edge (%2 to %3)").arg(w.captured(3), w.captured(1), w.captured(2))));
            ++seen[w.captured(3)];
        }
        for (const QStringList &list : {finding, evidence})
            for (const QString &w : list)
                QVERIFY2(seen.value(w) == 1, qPrintable(QStringLiteral("%1 is shown %2 times").arg(w).arg(seen.value(w))));
        // The row runs over three pages or more, and every page it goes on
        // onto starts with the table's header row, as a table of many rows
        // does (issue 13's tester: pages 3 to 6 of a finding without it).
        const QStringList pages = pageTexts(pdf);
        QVERIFY2(pages.size() >= 3, qPrintable(QString::number(pages.size())));
        for (int p = 0; p < pages.size(); ++p) {
            QVERIFY2(pages.at(p).contains(QRegularExpression(QStringLiteral("\\bf[0-9]{4}\\b"))),
                     qPrintable(QStringLiteral("page %1 has no part of the finding").arg(p + 1)));
            for (const char *header : {"Severity", "Finding", "Evidence"})
                QVERIFY2(pages.at(p).contains(QLatin1String(header)),
                         qPrintable(QStringLiteral("page %1 continues the row without the header \"%2\"").arg(p + 1).arg(QLatin1String(header))));
        }
    }
};

QTEST_MAIN(TestReportLayout)
#include "tst_reportlayout.moc"
