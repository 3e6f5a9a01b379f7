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


// The words of each page of a PDF with where they are (pdftotext -bbox),
// in points from the page's top left.
struct PlacedWord
{
    QString text;
    double top = 0;
    double bottom = 0;
    double left = 0;
    double right = 0;
};
struct PlacedPage
{
    double width = 0;
    double height = 0;
    QList<PlacedWord> words;
};

QList<PlacedPage> placedPages(const QString &pdf)
{
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), pdf, QStringLiteral("-")});
    text.waitForFinished();
    const QString boxes = QString::fromUtf8(text.readAllStandardOutput());
    static const QRegularExpression page(QStringLiteral("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">"));
    static const QRegularExpression word(QStringLiteral(
        "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>"));
    QList<PlacedPage> pages;
    for (const QString &part : boxes.split(QStringLiteral("</page>"))) {
        const auto found = page.match(part);
        if (!found.hasMatch())
            continue;
        PlacedPage placed{found.captured(1).toDouble(), found.captured(2).toDouble(), {}};
        const double foot = placed.height - 2 / 2.54 * 72; // the text area's foot; the page number is below it
        for (auto it = word.globalMatch(part, found.capturedEnd()); it.hasNext();) {
            const auto w = it.next();
            if (w.captured(2).toDouble() < foot)
                placed.words.append({w.captured(5), w.captured(2).toDouble(), w.captured(4).toDouble(),
                                     w.captured(1).toDouble(), w.captured(3).toDouble()});
        }
        pages.append(placed);
    }
    return pages;
}

// A heading or a table header (words that start "Head" or "Col") at the
// foot of a page with nothing of what it heads under it.
QString strandedHeading(const QList<PlacedPage> &pages)
{
    for (qsizetype p = 0; p < pages.size(); ++p)
        for (const PlacedWord &w : pages.at(p).words) {
            if (!w.text.startsWith(QLatin1String("Head")) && !w.text.startsWith(QLatin1String("Col")))
                continue;
            const bool under = std::any_of(pages.at(p).words.cbegin(), pages.at(p).words.cend(), [&w](const PlacedWord &o) {
                return o.top >= w.bottom - 0.5 && !o.text.startsWith(QLatin1String("Head"))
                       && !o.text.startsWith(QLatin1String("Col"));
            });
            if (!under)
                return QStringLiteral("\"%1\" ends page %2").arg(w.text).arg(p + 1);
        }
    return {};
}

QString numbered(const QString &prefix, int count)
{
    QStringList list;
    for (int i = 0; i < count; ++i)
        list.append(QStringLiteral("%1%2").arg(prefix).arg(i, 4, 10, QLatin1Char('0')));
    return list.join(QLatin1Char(' '));
}

// The lines of a page that hold words made of `prefix` and four digits
// ("f0123"), as their distinct tops.
int linesOf(const PlacedPage &page, const QString &prefix)
{
    const QRegularExpression numberedWord(QStringLiteral("^%1[0-9]{4}$").arg(prefix));
    QList<int> tops;
    for (const PlacedWord &w : page.words)
        if (numberedWord.match(w.text).hasMatch() && !tops.contains(qRound(w.top)))
            tops.append(qRound(w.top));
    return int(tops.size());
}

// The first word of page `page` that reads `text`, or none.
const PlacedWord *wordOn(const PlacedPage &page, const QString &text)
{
    for (const PlacedWord &w : page.words)
        if (w.text == text)
            return &w;
    return nullptr;
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

    // Issue 13 retest: a table row is as tall as its lines and the cell's
    // padding, without a blank line under its text: from one row's line to
    // the next row's is the line plus less than half a line.
    void rowsAreAsTallAsTheirLines()
    {
        QList<QStringList> rows;
        for (int r = 0; r < 6; ++r)
            rows.append({QStringLiteral("one%1").arg(r), QStringLiteral("Single")});
        const QString html = reportTable({QStringLiteral("Id"), QStringLiteral("Text")}, rows);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("rows.pdf"));
        writeReportPdf(html, pdf, QStringLiteral("Rows"));
        const QList<PlacedPage> pages = placedPages(pdf);
        QVERIFY(!pages.isEmpty());
        const PlacedWord *first = wordOn(pages.first(), QStringLiteral("one0"));
        QVERIFY(first);
        const double line = first->bottom - first->top;
        for (int r = 0; r + 1 < 6; ++r) {
            const PlacedWord *a = wordOn(pages.first(), QStringLiteral("one%1").arg(r));
            const PlacedWord *b = wordOn(pages.first(), QStringLiteral("one%1").arg(r + 1));
            QVERIFY(a && b);
            const double step = b->top - a->top;
            QVERIFY2(step < 1.5 * line, qPrintable(QStringLiteral("a one-line row is %1 tall for lines of %2")
                                                       .arg(step).arg(line)));
        }
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
        for (int i = 0; i < 1500; ++i)
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

    void noPageEndsWithAHeading_data()
    {
        QTest::addColumn<int>("fillers");
        for (int fillers = 0; fillers < 40; ++fillers)
            QTest::addRow("%d paragraphs first", fillers) << fillers;
    }

    // Keep-with-next, whatever follows a heading (issue 13: a heading alone
    // at the foot of the case report's page): a paragraph, a long paragraph,
    // a table of short rows, a table whose first row is longer than a page,
    // two headings in a row. No heading and no table header ends a page.
    void noPageEndsWithAHeading()
    {
        QFETCH(int, fillers);
        QString html = QStringLiteral("<h1>HeadTitle</h1>");
        for (int i = 0; i < fillers; ++i)
            html += QStringLiteral("<p>Filler %1 %2.</p>").arg(i).arg(words(i % 5 * 7));
        for (int s = 0; s < 3; ++s) {
            // A heading, a line introducing a table, the table: the heading
            // is not left at the foot with its introduction alone.
            html += QStringLiteral("<h3>HeadIntro%1</h3><p>Region's overall view: limited.</p>").arg(s)
                    + reportTable({QStringLiteral("ColArea"), QStringLiteral("ColRating")},
                                  {{QStringLiteral("rowone%1").arg(s), words(6)}, {QStringLiteral("Quality"), words(6)}});
            html += QStringLiteral("<h3>HeadPara%1</h3><p>%2.</p>").arg(s).arg(words(30));
            html += QStringLiteral("<h2>HeadTwo%1</h2><h3>HeadThree%1</h3>").arg(s);
            QList<QStringList> rows;
            for (int r = 0; r < 4; ++r)
                rows.append({QStringLiteral("High"), words(12 + r * 5), words(8)});
            html += reportTable({QStringLiteral("ColSeverity"), QStringLiteral("ColFinding"), QStringLiteral("ColEvidence")}, rows);
            html += QStringLiteral("<h3>HeadLong%1</h3><p>%2.</p>").arg(s).arg(words(700));
            html += QStringLiteral("<h3>HeadTall%1</h3>").arg(s);
            html += reportTable({QStringLiteral("ColSeverity"), QStringLiteral("ColFinding"), QStringLiteral("ColEvidence")},
                                {{QStringLiteral("High"), numbered(QStringLiteral("f%1x").arg(s), 900), words(40)},
                                 {QStringLiteral("Low"), words(10), words(5)}});
        }
        QTemporaryDir dir;
        dir.setAutoRemove(qEnvironmentVariableIsEmpty("KEEP"));
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        writeReportPdf(html, pdf, QStringLiteral("Test"));
        const QList<PlacedPage> pages = placedPages(pdf);
        QVERIFY(pages.size() >= 6);
        const QString stranded = strandedHeading(pages);
        QVERIFY2(stranded.isEmpty(), qPrintable(stranded));
        for (int s = 0; s < 3; ++s) {
            const auto pageOf = [&pages](const QString &text) {
                for (qsizetype p = 0; p < pages.size(); ++p)
                    for (const PlacedWord &w : pages.at(p).words)
                        if (w.text == text)
                            return int(p);
                return -1;
            };
            QVERIFY2(pageOf(QStringLiteral("HeadIntro%1").arg(s)) == pageOf(QStringLiteral("rowone%1").arg(s)),
                     qPrintable(QStringLiteral("HeadIntro%1 and its introduction end a page, the table on the next").arg(s)));
        }
    }

    void tallRowsStartWhereTheyAre_data()
    {
        QTest::addColumn<int>("fillers");
        for (int fillers = 0; fillers < 24; fillers += 4)
            QTest::addRow("%d paragraphs first", fillers) << fillers;
    }

    // A finding longer than a page (issue 13: the review report's page 1
    // blank but for its title) starts on the page it comes to, under what
    // is there, and breaks between its lines; the page before a break is
    // never left blank below its first half, and the shorter rows around it
    // are each on one page.
    void tallRowsStartWhereTheyAre()
    {
        QFETCH(int, fillers);
        QString html = QStringLiteral("<h1>HeadTitle</h1>");
        for (int i = 0; i < fillers; ++i)
            html += QStringLiteral("<p>Filler %1 %2.</p>").arg(i).arg(words(i % 4 * 9));
        html += QStringLiteral("<h2>HeadFindings</h2><h3>HeadCause</h3>");
        html += reportTable({QStringLiteral("ColSeverity"), QStringLiteral("ColFinding"), QStringLiteral("ColEvidence")},
                            {{QStringLiteral("Low"), QStringLiteral("s1a ") + words(20) + QStringLiteral(" s1b"), QStringLiteral("s1c")},
                             {QStringLiteral("High"), numbered(QStringLiteral("f"), 1100), numbered(QStringLiteral("e"), 200)},
                             {QStringLiteral("Low"), QStringLiteral("s2a ") + words(20) + QStringLiteral(" s2b"), QStringLiteral("s2c")}});
        html += QStringLiteral("<h2>HeadEnd</h2><p>Closing words.</p>");
        QTemporaryDir dir;
        dir.setAutoRemove(qEnvironmentVariableIsEmpty("KEEP"));
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        writeReportPdf(html, pdf, QStringLiteral("Test"));
        const QList<PlacedPage> pages = placedPages(pdf);
        QVERIFY(pages.size() >= 2);
        const auto pageOf = [&pages](const QString &text) {
            for (qsizetype p = 0; p < pages.size(); ++p)
                for (const PlacedWord &w : pages.at(p).words)
                    if (w.text == text)
                        return int(p);
            return -1;
        };
        // The long row starts on the page the short row before it is on
        // (or the next, when that page is full).
        QVERIFY(pageOf(QStringLiteral("f0000")) >= 0);
        QVERIFY2(pageOf(QStringLiteral("f0000")) == pageOf(QStringLiteral("s1b"))
                     || pageOf(QStringLiteral("f0000")) == pageOf(QStringLiteral("s1b")) + 1,
                 qPrintable(QStringLiteral("f0000 on page %1, the row before on %2")
                                .arg(pageOf(QStringLiteral("f0000")) + 1)
                                .arg(pageOf(QStringLiteral("s1b")) + 1)));
        QCOMPARE(pageOf(QStringLiteral("s1a")), pageOf(QStringLiteral("s1c")));
        QCOMPARE(pageOf(QStringLiteral("s2a")), pageOf(QStringLiteral("s2c")));
        // Every page but the last is used below its first half.
        for (qsizetype p = 0; p + 1 < pages.size(); ++p) {
            double lowest = 0;
            for (const PlacedWord &w : pages.at(p).words)
                lowest = std::max(lowest, w.bottom);
            QVERIFY2(lowest > pages.at(p).height / 2,
                     qPrintable(QStringLiteral("page %1 is blank from %2 pt of %3").arg(p + 1).arg(lowest).arg(pages.at(p).height)));
        }
        const QString stranded = strandedHeading(pages);
        QVERIFY2(stranded.isEmpty(), qPrintable(stranded));
    }

    void keptTogetherMovesWhole_data()
    {
        QTest::addColumn<int>("fillers");
        for (int fillers = 0; fillers < 40; fillers += 2)
            QTest::addRow("%d paragraphs first", fillers) << fillers;
    }

    // A block kept together (the review report's "Recommendation and
    // decision") is on one page wherever the page ends fall, its heading
    // with it; one longer than a page breaks between lines.
    void keptTogetherMovesWhole()
    {
        QFETCH(int, fillers);
        QString html = QStringLiteral("<h1>HeadTitle</h1>");
        for (int i = 0; i < fillers; ++i)
            html += QStringLiteral("<p>Filler %1 %2.</p>").arg(i).arg(words(i % 5 * 8));
        html += QStringLiteral("<h2>HeadDecision</h2>");
        html += reportKeptTogether(QStringLiteral("<p>k1 Recommendation: enter the programme.</p><p>k2 Decision: %1.</p>"
                                                  "<p>k3 Rationale: %2 k4.</p><p>k5 Methodology.</p>")
                                       .arg(words(15), words(60)));
        QTemporaryDir dir;
        dir.setAutoRemove(qEnvironmentVariableIsEmpty("KEEP"));
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        writeReportPdf(html, pdf, QStringLiteral("Test"));
        const QStringList pages = pageTexts(pdf);
        int page = -1;
        for (const char *word : {"HeadDecision", "k1", "k2", "k3", "k4", "k5"}) {
            int on = -1;
            for (int p = 0; p < pages.size(); ++p)
                if (pages.at(p).contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(QLatin1String(word)))))
                    on = p;
            QVERIFY2(on >= 0, word);
            if (page < 0)
                page = on;
            QVERIFY2(on == page, qPrintable(QStringLiteral("%1 on page %2, the block starts on %3").arg(QLatin1String(word)).arg(on + 1).arg(page + 1)));
        }
    }

    // Columns by what they hold (issue 13: the findings table gave the
    // finding the least room): the short columns (a severity, a domain's
    // code) their natural width, the finding, the longest text, the most.
    void columnsByContent()
    {
        QList<QStringList> rows;
        for (int r = 0; r < 4; ++r)
            rows.append({QStringLiteral("Moderate"),
                         QStringLiteral("Board assurance on elective recovery relies on exception reports; no trajectory is "
                                        "tracked and the board does not see waiting list validation, so risks are found late."),
                         QStringLiteral("Board papers, last four meetings (Trust board secretary, 20/05/2026)"),
                         QStringLiteral("access"), QStringLiteral("OF0023 Elective waits")});
        const QString html = reportTable({QStringLiteral("Severity"), QStringLiteral("Finding"), QStringLiteral("Evidence"),
                                          QStringLiteral("Domains"), QStringLiteral("Metrics")},
                                         rows);
        QList<int> widths;
        static const QRegularExpression width(QStringLiteral("<th [^>]*width=\"([0-9]+)%\""));
        for (auto it = width.globalMatch(html); it.hasNext();)
            widths.append(it.next().captured(1).toInt());
        QCOMPARE(widths.size(), 5);
        for (int c : {0, 2, 3, 4})
            QVERIFY2(widths.at(1) > widths.at(c), qPrintable(QStringLiteral("Finding %1%, column %2 %3%").arg(widths.at(1)).arg(c).arg(widths.at(c))));
        // Natural width: the longest word and its padding, about 11 of a line's 100.
        QVERIFY2(widths.at(0) <= 13, qPrintable(QString::number(widths.at(0))));
        QVERIFY2(widths.at(3) <= 13, qPrintable(QString::number(widths.at(3))));
        QVERIFY2(widths.at(1) >= 33, qPrintable(QString::number(widths.at(1))));

        // The findings, as the demo has them: the domains and the metrics
        // (long names, "discharge-ready") wrap rather than take the
        // finding's room; the evidence, the longest text, has the most.
        const QString evidence = QStringLiteral("Board papers, last four meetings (Trust board secretary, 20/05/2026); "
                                                "Interviews with the executive team (Diagnostic team notes, 27/05/2026)");
        const QList<QStringList> demo{
            {QStringLiteral("High"),
             QStringLiteral("Board assurance on elective recovery relies on exception reports; no trajectory is tracked."),
             evidence, QStringLiteral("Access to services"), QStringLiteral("OF0023 Waiting 18 weeks or less for elective treatment")},
            {QStringLiteral("Moderate"),
             QStringLiteral("Sickness absence above peers in theatres and critical care."), evidence,
             QStringLiteral("People and workforce"), QStringLiteral("OF0082 Staff sickness absence rate")},
            {QStringLiteral("High"), QStringLiteral("Discharge delays block emergency admissions."),
             evidence, QStringLiteral("Effectiveness and experience of care"),
             QStringLiteral("OF0025 Average days from discharge-ready date to discharge")}};
        const QString caseHtml = reportTable({QStringLiteral("Severity"), QStringLiteral("Finding"),
                                              QStringLiteral("Evidence"), QStringLiteral("Domains"), QStringLiteral("Metrics")},
                                             demo);
        widths.clear();
        for (auto it = width.globalMatch(caseHtml); it.hasNext();)
            widths.append(it.next().captured(1).toInt());
        QCOMPARE(widths.size(), 5);
        for (int c : {0, 3, 4})
            QVERIFY2(widths.at(1) > widths.at(c),
                     qPrintable(QStringLiteral("Finding %1%, column %2 %3% (%4)").arg(widths.at(1)).arg(c).arg(widths.at(c)).arg(caseHtml.left(400))));
        QVERIFY2(widths.at(1) >= 20, qPrintable(QString::number(widths.at(1))));
        QVERIFY2(widths.at(0) <= 13, qPrintable(QString::number(widths.at(0))));
    }
    // A finding of several thousand words (issue 13's tester: 19,500
    // characters in a column of 30%, as narrow as the evidence beside it,
    // many pages blank on the right): the finding's column gets most of the
    // width, the short columns their words' room, and every header is whole.
    void longFindingGetsTheRoom()
    {
        const QString evidence = QStringLiteral(
            "Board papers, last four meetings (Trust board secretary, 20/05/2026); Interviews with the executive "
            "team (Diagnostic team notes, 27/05/2026); Waiting list validation audit (Internal audit, 12/04/2026)");
        const QString html = QStringLiteral("<h1>Report</h1>")
                             + reportTable({QStringLiteral("Severity"), QStringLiteral("Finding"), QStringLiteral("Evidence"),
                                            QStringLiteral("Domains"), QStringLiteral("Metrics")},
                                           {{QStringLiteral("High"), numbered(QStringLiteral("f"), 3250), evidence,
                                             QStringLiteral("Access to services"),
                                             QStringLiteral("OF0023 Waiting 18 weeks or less for elective treatment")},
                                            {QStringLiteral("Moderate"),
                                             QStringLiteral("Sickness absence above peers in theatres and critical care."),
                                             QStringLiteral("Staff survey 2025"), QStringLiteral("People and workforce"),
                                             QStringLiteral("OF0082 Staff sickness absence rate")}});
        QTemporaryDir dir;
        dir.setAutoRemove(qEnvironmentVariableIsEmpty("KEEP"));
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        writeReportPdf(html, pdf, QStringLiteral("Test"));
        const QList<PlacedPage> pages = placedPages(pdf);
        QVERIFY(!pages.isEmpty());
        for (const char *header : {"Severity", "Finding", "Evidence", "Domains", "Metrics"})
            QVERIFY2(wordOn(pages.first(), QLatin1String(header)), header);
        const double textWidth = pages.first().width - 2 * (2 / 2.54 * 72);
        const double finding = wordOn(pages.first(), QStringLiteral("Evidence"))->left
                               - wordOn(pages.first(), QStringLiteral("Finding"))->left;
        const double evidenceWidth = wordOn(pages.first(), QStringLiteral("Domains"))->left
                                     - wordOn(pages.first(), QStringLiteral("Evidence"))->left;
        QVERIFY2(finding >= 0.45 * textWidth && finding >= 2.5 * evidenceWidth,
                 qPrintable(QStringLiteral("the finding's column is %1 pt of %2, the evidence's %3")
                                .arg(finding)
                                .arg(textWidth)
                                .arg(evidenceWidth)));
        // The short columns are no wider than they need: the severity's by its header.
        const double severity = wordOn(pages.first(), QStringLiteral("Finding"))->left
                                - wordOn(pages.first(), QStringLiteral("Severity"))->left;
        QVERIFY2(severity <= 0.15 * textWidth, qPrintable(QString::number(severity)));
    }

    // Widths by content beside a finding of thousands of words (issue 13:
    // the finding had under half the line, the columns beside it each held
    // at a few words' room): a column that wraps anyway is as narrow as its
    // widest word, a short one (a severity) on one line, and the finding
    // has all the rest.
    void longTextGetsWhatTheOthersDoNotNeed()
    {
        const QString html = reportTable({QStringLiteral("Severity"), QStringLiteral("Finding"), QStringLiteral("Domains"),
                                          QStringLiteral("Metrics")},
                                         {{QStringLiteral("High"), numbered(QStringLiteral("f"), 3000),
                                           QStringLiteral("Access to services; Patient safety"),
                                           QStringLiteral("OF0023 Waiting 18 weeks or less for elective treatment")}});
        QTemporaryDir dir;
        dir.setAutoRemove(qEnvironmentVariableIsEmpty("KEEP"));
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        writeReportPdf(html, pdf, QStringLiteral("Test"));
        const QList<PlacedPage> pages = placedPages(pdf);
        QVERIFY(!pages.isEmpty());
        const PlacedPage &page = pages.first();
        const PlacedWord *severity = wordOn(page, QStringLiteral("Severity"));
        const PlacedWord *finding = wordOn(page, QStringLiteral("Finding"));
        const PlacedWord *domains = wordOn(page, QStringLiteral("Domains"));
        const PlacedWord *metrics = wordOn(page, QStringLiteral("Metrics"));
        QVERIFY(severity && finding && domains && metrics);
        const double right = page.width - 2 / 2.54 * 72;
        // The widest word in each column (its header's or a cell's), and the column's width.
        const auto widest = [&page](double from, double to) {
            double most = 0;
            for (const PlacedWord &w : page.words)
                if (w.left >= from - 0.5 && w.right <= to + 0.5)
                    most = std::max(most, w.right - w.left);
            return most;
        };
        // A cell's padding and borders: about 9 pt.
        constexpr double kPadding = 11;
        const double domainsWidth = metrics->left - domains->left;
        const double metricsWidth = right - metrics->left + 3.7;
        QVERIFY2(domainsWidth <= widest(domains->left, metrics->left) + kPadding,
                 qPrintable(QStringLiteral("Domains is %1 pt wide for words of %2 pt").arg(domainsWidth).arg(widest(domains->left, metrics->left))));
        QVERIFY2(metricsWidth <= widest(metrics->left, right) + kPadding,
                 qPrintable(QStringLiteral("Metrics is %1 pt wide for words of %2 pt").arg(metricsWidth).arg(widest(metrics->left, right))));
        // The severity on one line: "High" on the line under its header.
        const PlacedWord *high = wordOn(page, QStringLiteral("High"));
        QVERIFY(high && high->left >= severity->left - 0.5 && high->right <= finding->left);
        // The finding: everything the others leave, over half the line.
        const double textWidth = page.width - 2 * (2 / 2.54 * 72);
        const double findingWidth = domains->left - finding->left;
        QVERIFY2(findingWidth >= textWidth - (finding->left - severity->left) - domainsWidth - metricsWidth - 2
                     && findingWidth > 0.5 * textWidth,
                 qPrintable(QStringLiteral("the finding's column is %1 pt of %2").arg(findingWidth).arg(textWidth)));
    }

    // A column with nothing in any row (issue 13's tester: the findings'
    // Domains and Metrics, empty, as wide as when filled) is as wide as its
    // header, and each of its cells says "not yet recorded", as the
    // reports say an absent value elsewhere, never a blank.
    void emptyColumnsShrinkToTheirHeader()
    {
        QList<QStringList> rows;
        for (int r = 0; r < 3; ++r)
            rows.append({QStringLiteral("High"),
                         QStringLiteral("Board assurance on elective recovery relies on exception reports; no trajectory "
                                        "is tracked and the board does not see waiting list validation."),
                         QStringLiteral("Board papers, last four meetings"), QString(), QStringLiteral("  ")});
        const QString html = reportTable({QStringLiteral("Severity"), QStringLiteral("Finding"), QStringLiteral("Evidence"),
                                          QStringLiteral("Domains"), QStringLiteral("Metrics")},
                                         rows);
        QTemporaryDir dir;
        dir.setAutoRemove(qEnvironmentVariableIsEmpty("KEEP"));
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        writeReportPdf(html, pdf, QStringLiteral("Test"));
        const QList<PlacedPage> pages = placedPages(pdf);
        QCOMPARE(pages.size(), 1);
        const PlacedPage &page = pages.first();
        const PlacedWord *domains = wordOn(page, QStringLiteral("Domains"));
        const PlacedWord *metrics = wordOn(page, QStringLiteral("Metrics"));
        QVERIFY(domains && metrics);
        const double right = page.width - 2 / 2.54 * 72;
        // The header's word (bold, its width reckoned generously) and the
        // cell's padding.
        QVERIFY2(metrics->left - domains->left <= 1.3 * (domains->right - domains->left) + 14,
                 qPrintable(QStringLiteral("Domains is %1 pt wide for a header of %2 pt")
                                .arg(metrics->left - domains->left)
                                .arg(domains->right - domains->left)));
        QVERIFY2(right - metrics->left <= 1.3 * (metrics->right - metrics->left) + 14,
                 qPrintable(QStringLiteral("Metrics is %1 pt wide for a header of %2 pt")
                                .arg(right - metrics->left)
                                .arg(metrics->right - metrics->left)));
        int said = 0;
        for (const PlacedWord &w : page.words)
            if (w.text == QLatin1String("recorded")) {
                QVERIFY2(w.left >= domains->left - 1, "\"not yet recorded\" outside the empty columns");
                ++said;
            }
        QCOMPARE(said, 6);
    }

    void noLoneLines_data()
    {
        QTest::addColumn<int>("fillers");
        QTest::addColumn<int>("length");
        for (int fillers = 0; fillers < 12; fillers += 3)
            for (int length = 0; length < 60; length += 2)
                QTest::addRow("%d paragraphs first, %d more words", fillers, length) << fillers << length;
    }

    // Widow and orphan control (issue 13's tester: a page with the repeated
    // header and one line of a finding under it, then the next heading): a
    // cell or a paragraph that breaks across pages leaves two lines or more
    // on each page it is on.
    void noLoneLines()
    {
        QFETCH(int, fillers);
        QFETCH(int, length);
        QString html = QStringLiteral("<h1>HeadTitle</h1>");
        for (int i = 0; i < fillers; ++i)
            html += QStringLiteral("<p>Filler %1 %2.</p>").arg(i).arg(words(i % 4 * 9));
        html += QStringLiteral("<h2>HeadFindings</h2>");
        html += reportTable({QStringLiteral("ColSeverity"), QStringLiteral("ColFinding"), QStringLiteral("ColEvidence")},
                            {{QStringLiteral("Low"), words(20), QStringLiteral("Board papers")},
                             {QStringLiteral("High"), numbered(QStringLiteral("f"), 1000 + length * 5),
                              numbered(QStringLiteral("e"), 300 + length * 3)},
                             {QStringLiteral("Low"), words(20), QStringLiteral("Interviews")}});
        html += QStringLiteral("<h2>HeadNext</h2><p>%1</p><h2>HeadLast</h2><p>Closing words.</p>")
                    .arg(numbered(QStringLiteral("p"), 1500 + length * 4));
        QTemporaryDir dir;
        dir.setAutoRemove(qEnvironmentVariableIsEmpty("KEEP"));
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        writeReportPdf(html, pdf, QStringLiteral("Test"));
        const QList<PlacedPage> pages = placedPages(pdf);
        for (const char *prefix : {"f", "e", "p"}) {
            int on = 0;
            for (const PlacedPage &page : pages)
                on += linesOf(page, QLatin1String(prefix)) > 0;
            QVERIFY2(on >= 2, prefix); // the case tried: it breaks
            for (qsizetype p = 0; p < pages.size(); ++p) {
                const int lines = linesOf(pages.at(p), QLatin1String(prefix));
                QVERIFY2(lines == 0 || lines >= 2,
                         qPrintable(QStringLiteral("page %1 holds one line of the %2 words").arg(p + 1).arg(QLatin1String(prefix))));
            }
        }
        const QString stranded = strandedHeading(pages);
        QVERIFY2(stranded.isEmpty(), qPrintable(stranded));
    }
};

QTEST_MAIN(TestReportLayout)
#include "tst_reportlayout.moc"
