#include "reportlayout.h"

#include "casework/sentence.h"
#include "store/database.h"
#include "store/filewrite.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>
#include <algorithm>
#include <cmath>
#include <optional>

namespace owb {

namespace {

// A place where a page may end. `header` is the table header to repeat at
// the top of the next page when the cut falls between a table's rows.
struct Cut
{
    qreal y = 0;
    bool forced = false;
    std::optional<ReportSlice> header;
};

// The rows of a table, as the y where each row starts (and the table's end
// last). Rows are measured by their text: a row starts half-way between the
// lowest text of the row above and the highest of its own, which is where
// the two rows' borders meet.
QList<qreal> rowStarts(QAbstractTextDocumentLayout &layout, QTextTable &table)
{
    const QRectF frame = layout.frameBoundingRect(&table);
    QList<qreal> tops;
    QList<qreal> bottoms;
    for (int r = 0; r < table.rows(); ++r) {
        qreal top = frame.bottom();
        qreal bottom = frame.top();
        for (int c = 0; c < table.columns(); ++c) {
            const QTextTableCell cell = table.cellAt(r, c);
            if (!cell.isValid() || cell.row() != r)
                continue; // covered by a cell spanning from above
            for (QTextFrame::iterator it = cell.begin(); !it.atEnd(); ++it) {
                const QTextBlock block = it.currentBlock();
                if (!block.isValid())
                    continue;
                const QRectF rect = layout.blockBoundingRect(block);
                top = std::min(top, rect.top());
                bottom = std::max(bottom, rect.bottom());
            }
        }
        tops.append(top);
        bottoms.append(bottom);
    }
    QList<qreal> starts{frame.top()};
    for (int r = 1; r < table.rows(); ++r)
        starts.append((bottoms.at(r - 1) + tops.at(r)) / 2);
    starts.append(frame.bottom());
    return starts;
}

// The rows under a table's header: a page cut anywhere between `from` and
// `to` (between two rows or, in a row taller than a page, between its
// lines) continues the table, and the next page starts with `header`.
struct TableBody
{
    qreal from = 0;
    qreal to = 0;
    ReportSlice header;
};

// The bottom of the first line of each cell of a table's row `row` (the
// lowest of them): what a heading or a header row above it keeps with.
qreal firstLinesBottom(QAbstractTextDocumentLayout &layout, QTextTable &table, int row, qreal fallback)
{
    qreal bottom = -1;
    for (int c = 0; c < table.columns(); ++c) {
        const QTextTableCell cell = table.cellAt(row, c);
        if (!cell.isValid() || cell.row() != row)
            continue;
        for (QTextFrame::iterator it = cell.begin(); !it.atEnd(); ++it) {
            const QTextBlock block = it.currentBlock();
            if (!block.isValid() || !block.layout() || block.layout()->lineCount() == 0)
                continue;
            const QTextLine line = block.layout()->lineAt(0);
            bottom = std::max(bottom, layout.blockBoundingRect(block).top() + line.y() + line.height());
            break;
        }
    }
    return bottom < 0 ? fallback : bottom;
}

// Widow and orphan control: a paragraph or a table cell that breaks across
// pages leaves two lines or more on each (issue 13: a page holding a
// repeated header and one line of a finding). `lines` are one cell's or
// paragraph's lines in order (top, bottom); what may not be cut between
// its first two lines and its last two goes into `keeps`, so that one of
// two or three lines moves whole.
void keepTwoLines(const QList<std::pair<qreal, qreal>> &lines, QList<std::pair<qreal, qreal>> &keeps)
{
    if (lines.size() < 2)
        return;
    keeps.append({lines.first().first, lines.at(1).second});
    keeps.append({lines.at(lines.size() - 2).first, lines.last().second});
}

// The lines of the blocks of a table's cell, in the document's coordinates.
QList<std::pair<qreal, qreal>> cellLines(QAbstractTextDocumentLayout &layout, const QTextTableCell &cell)
{
    QList<std::pair<qreal, qreal>> lines;
    for (QTextFrame::iterator it = cell.begin(); !it.atEnd(); ++it) {
        const QTextBlock block = it.currentBlock();
        if (!block.isValid() || !block.layout())
            continue;
        const qreal top = layout.blockBoundingRect(block).top();
        for (int i = 0; i < block.layout()->lineCount(); ++i) {
            const QTextLine line = block.layout()->lineAt(i);
            lines.append({top + line.y(), top + line.y() + line.height()});
        }
    }
    return lines;
}

// Every place a page may end, in document order; `bodies` gets the tables
// with a header row, `keeps` what a page may never end inside even between
// lines: a heading with the first line (or the first row) of what follows
// it, a table's header row with the first line of the row under it.
QList<Cut> cutsOf(QTextDocument &document, qreal pageHeight, QList<TableBody> &bodies,
                  QList<std::pair<qreal, qreal>> &keeps)
{
    QAbstractTextDocumentLayout &layout = *document.documentLayout();
    QList<Cut> cuts;
    // A heading keeps with what follows it, and so does a short paragraph
    // just under a heading (a table's introduction: "Region's overall
    // view: ...") with the table's first row.
    bool afterHeading = false;
    bool keepNext = false;
    qreal headingTop = 0; // of the first of the headings just passed
    bool first = true;
    qreal bottom = 0; // of what is laid out so far
    for (QTextFrame::iterator it = document.rootFrame()->begin(); !it.atEnd(); ++it) {
        if (auto *table = qobject_cast<QTextTable *>(it.currentFrame())) {
            const QList<qreal> starts = rowStarts(layout, *table);
            // Where what comes before ends: the table's top border is drawn
            // above its frame, and a cut at the frame would leave a sliver of
            // it at the foot of the page before.
            if (!first && !keepNext)
                cuts.append({std::min(starts.first() - 4, bottom), false, {}});
            // Never between the header rows and the first row under them.
            const int headerRows = std::min(table->format().headerRowCount(), table->rows() - 1);
            const std::optional<ReportSlice> header
                = headerRows > 0 ? std::optional(ReportSlice{starts.first() - 4, starts.at(headerRows)}) // with its top border
                  : std::nullopt;
            const int bodyRow = std::max(headerRows, 0);
            const qreal firstLine = firstLinesBottom(layout, *table, bodyRow, starts.at(bodyRow + 1));
            if (keepNext)
                keeps.append({headingTop, firstLine});
            if (header)
                keeps.append({header->from, firstLine});
            for (int r = bodyRow + 1; r < table->rows(); ++r)
                cuts.append({starts.at(r), false, header});
            for (int r = bodyRow; r < table->rows(); ++r)
                for (int c = 0; c < table->columns(); ++c) {
                    const QTextTableCell cell = table->cellAt(r, c);
                    if (cell.isValid() && cell.row() == r && cell.column() == c)
                        keepTwoLines(cellLines(layout, cell), keeps);
                }
            if (header)
                bodies.append({starts.at(headerRows), starts.last(), *header});
            afterHeading = false;
            keepNext = false;
            first = false;
            bottom = std::max(bottom, starts.last());
            continue;
        }
        const QTextBlock block = it.currentBlock();
        if (!block.isValid() || !block.layout())
            continue;
        // The paragraph after a table may be placed to overlap the table's
        // bottom edge: it starts where the table ends.
        QRectF rect = layout.blockBoundingRect(block);
        const qreal blockTop = rect.top();
        rect.setTop(std::max(rect.top(), bottom));
        bottom = std::max(bottom, rect.bottom());
        const bool forced = block.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore;
        if (!first && (forced || !keepNext))
            cuts.append({rect.top(), forced, {}});
        const bool heading = block.blockFormat().headingLevel() > 0;
        const QTextLayout *lines = block.layout();
        if (keepNext && !heading && lines->lineCount() > 0)
            keeps.append({headingTop, blockTop + lines->lineAt(0).y() + lines->lineAt(0).height()});
        if (heading && !keepNext)
            headingTop = rect.top();
        // A paragraph stays whole unless it is longer than half a page. (Qt
        // draws the line above a clip as well, so a page that began inside a
        // paragraph would carry that line again, unseen but in its text.)
        // Two lines or more on each page (widow and orphan control).
        if (!heading && rect.height() > pageHeight / 2) {
            QList<std::pair<qreal, qreal>> own;
            for (int i = 0; i < lines->lineCount(); ++i) {
                const QTextLine line = lines->lineAt(i);
                own.append({blockTop + line.y(), blockTop + line.y() + line.height()});
                if (i >= 2 && i <= lines->lineCount() - 2)
                    cuts.append({lines->position().y() + line.y(), false, {}});
            }
            keepTwoLines(own, keeps);
        }
        keepNext = heading || (afterHeading && lines->lineCount() <= 3);
        afterHeading = heading;
        first = false;
    }
    return cuts;
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// A report never replaces what is not a report: a case file, the national
// data or any other file that does not start as a PDF does.
void refuseToReplace(const QString &pdfPath)
{
    const QFileInfo info(pdfPath);
    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("owcase") || suffix == QLatin1String("owdata"))
        throw StoreError(QStringLiteral("%1: a report cannot be written under a workspace file's name; choose a name "
                                        "ending in .pdf")
                             .arg(QDir::toNativeSeparators(pdfPath)));
    if (!info.exists() && !info.isSymLink())
        return;
    QFile existing(pdfPath);
    if (info.isSymLink() || !info.isFile() || !existing.open(QIODevice::ReadOnly) || existing.read(5) != "%PDF-")
        throw StoreError(QStringLiteral("%1 exists and is not a PDF, so it is not replaced; choose another file name")
                             .arg(QDir::toNativeSeparators(pdfPath)));
}

// The lines of text anywhere in the document (table cells included), as
// top and bottom in the document's coordinates.
QList<std::pair<qreal, qreal>> textLines(QTextDocument &document)
{
    QAbstractTextDocumentLayout &layout = *document.documentLayout();
    QList<std::pair<qreal, qreal>> lines;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextLayout *text = block.layout();
        if (!text)
            continue;
        const qreal top = layout.blockBoundingRect(block).top();
        for (int i = 0; i < text->lineCount(); ++i) {
            const QTextLine line = text->lineAt(i);
            lines.append({top + line.y(), top + line.y() + line.height()});
        }
    }
    return lines;
}

// Where to cut a page inside what no page holds whole (a table row taller
// than a page): as low as `limit` allows without cutting through a line of
// any cell or a keep (`lines` holds both); none when that leaves nothing
// below `start`.
std::optional<qreal> lowestBetweenLines(const QList<std::pair<qreal, qreal>> &lines, qreal start, qreal limit)
{
    qreal y = limit;
    for (bool moved = true; moved;) {
        moved = false;
        for (const auto &[top, bottom] : lines)
            if (top < y && y < bottom) {
                y = top;
                moved = true;
            }
    }
    return y > start ? std::optional(y) : std::nullopt;
}

// As lowestBetweenLines, or `limit` itself when a line is taller than a page.
qreal betweenLines(const QList<std::pair<qreal, qreal>> &lines, qreal start, qreal limit)
{
    return lowestBetweenLines(lines, start, limit).value_or(limit); // a line taller than a page: cut through it
}

// Qt draws the line above a clip as well (QTextLayout::draw starts at the
// last line wholly above it): a page that starts inside a paragraph would
// carry that line again, hidden by the clip yet in the PDF's text, and
// under a repeated table header inside the page. So the paragraph is split
// where the page starts: the lines stay where they are, the page starts a
// paragraph. Returns whether there was one to split.
bool splitParagraphAt(QTextDocument &document, qreal y)
{
    QAbstractTextDocumentLayout &layout = *document.documentLayout();
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextLayout *text = block.layout();
        if (!text || text->lineCount() < 2)
            continue;
        const QRectF rect = layout.blockBoundingRect(block);
        if (y <= rect.top() || y >= rect.bottom())
            continue;
        for (int i = 1; i < text->lineCount(); ++i) {
            const QTextLine line = text->lineAt(i);
            // As the cuts measure it: from the block's top (textLines) or the layout's position (cutsOf).
            if (std::abs(rect.top() + line.y() - y) < 0.5 || std::abs(text->position().y() + line.y() - y) < 0.5) {
                QTextCursor cursor(block);
                cursor.setPosition(block.position() + line.textStart());
                cursor.insertBlock();
                return true;
            }
        }
    }
    return false;
}

QList<ReportPage> paginateOnce(QTextDocument &document, qreal pageHeight);

} // namespace

QList<ReportPage> paginateReport(QTextDocument &document, qreal pageHeight)
{
    // Cut, split the first paragraph a page starts inside, cut again: the
    // lines keep their places, so the pages do too (bounded, for safety).
    for (int pass = 0;; ++pass) {
        const QList<ReportPage> pages = paginateOnce(document, pageHeight);
        bool split = false;
        for (qsizetype index = 1; index < pages.size() && !split && pass < 200; ++index)
            split = splitParagraphAt(document, pages.at(index).last().from);
        if (!split)
            return pages;
    }
}

namespace {

QList<ReportPage> paginateOnce(QTextDocument &document, qreal pageHeight)
{
    QList<TableBody> bodies;
    QList<std::pair<qreal, qreal>> keeps;
    const QList<Cut> cuts = cutsOf(document, pageHeight, bodies, keeps);
    // The header to repeat after a cut between the lines of a row.
    const auto headerAt = [&bodies](qreal y) -> std::optional<ReportSlice> {
        for (const TableBody &body : bodies)
            if (body.from < y && y < body.to)
                return body.header;
        return std::nullopt;
    };
    const QList<std::pair<qreal, qreal>> lines = textLines(document) + keeps;
    const qreal end = document.documentLayout()->documentSize().height();
    QList<ReportPage> pages;
    qreal start = 0;
    std::optional<ReportSlice> header;
    qsizetype next = 0; // the first cut below `start`
    while (start < end || pages.isEmpty()) {
        const qreal room = pageHeight - (header ? header->to - header->from : 0);
        const qreal limit = start + room;
        std::optional<Cut> chosen;
        bool forced = false;
        qsizetype index = next;
        for (; index < cuts.size() && cuts.at(index).y <= limit; ++index) {
            if (cuts.at(index).y <= start)
                continue;
            chosen = cuts.at(index);
            if (cuts.at(index).forced) {
                forced = true;
                break;
            }
        }
        ReportPage page;
        if (header)
            page.append(*header);
        if (!forced && end <= limit) {
            page.append({start, end});
            pages.append(page);
            break;
        }
        // Nothing fits whole (a row taller than a page): cut between the
        // lines nearest the page's end; the rest of the row goes on under
        // its table's header, as the rows after it would.
        Cut cut;
        if (chosen) {
            cut = *chosen;
            // What the cut would move to the next page, up to the next place
            // a page may end: when no page holds it whole either (a finding
            // longer than a page), it starts here, under what is on this
            // page, and breaks between its lines; only what fits on a page
            // moves whole (issue 13: page 1 left blank but for a heading).
            const qreal nextCut = index < cuts.size() ? cuts.at(index).y : end;
            const qreal fresh = pageHeight - (cut.header ? cut.header->to - cut.header->from : 0);
            if (!forced && nextCut - cut.y > fresh) {
                if (const std::optional<qreal> y = lowestBetweenLines(lines, cut.y + 0.5, limit)) {
                    cut.y = *y;
                    cut.header = headerAt(*y);
                }
            }
        } else {
            cut.y = betweenLines(lines, start, limit);
            cut.header = headerAt(cut.y);
        }
        page.append({start, cut.y});
        pages.append(page);
        start = cut.y;
        header = cut.header;
        while (next < cuts.size() && cuts.at(next).y <= start)
            ++next;
    }
    return pages;
}

} // namespace

QString labelledValue(const QString &label, const QString &value)
{
    const QString said = withoutFinalStop(value);
    return QStringLiteral("%1: %2.").arg(label, orNotRecorded(said));
}

QString orNotRecorded(const QString &value)
{
    return value.trimmed().isEmpty() ? QStringLiteral("not yet recorded") : value;
}

namespace {

// How much of a report's line (17 cm: A4 less its margins) `text` takes on
// one line in the tables' type (9 pt, bold in the header row), in
// hundredths of the line: measured in the report's font when there is one
// (a report is drawn), else reckoned at 100 narrow characters to a line.
double lineShare(const QString &text, bool bold)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return double(text.size()) * (bold ? 1.25 : 1.0);
    // Measured at 720 dots an inch, so that hinting rounds nothing away.
    static const QImage device = [] {
        QImage image(1, 1, QImage::Format_RGB32);
        image.setDotsPerMeterX(int(720 / 0.0254));
        image.setDotsPerMeterY(int(720 / 0.0254));
        return image;
    }();
    QFont font; // the document's default font, as the report is laid out in
    font.setPointSizeF(9);
    font.setBold(bold);
    const QFontMetricsF metrics(font, &device);
    constexpr double kLinePoints = 17 / 2.54 * 72;
    return metrics.horizontalAdvance(text) / 10 / kLinePoints * 100;
}

// A table's columns sized by what they hold, as shares of the line
// (lineShare; a cell's padding and border about 2 more): the widths that
// make the table shortest, within each column's least width.
QList<double> columnWidths(const QStringList &headers, const QList<QStringList> &rows)
{
    constexpr double kLine = 100;
    constexpr double kPadding = 2;
    // A column whose text fits on one line in this much is short: never wrapped.
    constexpr double kText = 12;
    // A line may break after a hyphen ("discharge-/ready"), so a hyphenated
    // word needs the room of its longest part only; a word longer than a
    // line (a pasted reference) breaks anyway and claims no more than a
    // fifth of the line.
    static const QRegularExpression breaks(QStringLiteral("\\s+|(?<=-)"));
    const auto longestWord = [](const QString &text, bool bold) {
        double longest = 0;
        for (const QString &word : text.split(breaks, Qt::SkipEmptyParts))
            longest = std::max(longest, std::min(lineShare(word, bold), 20.0) + kPadding);
        return longest;
    };
    const qsizetype columns = headers.size();
    // The text of every cell as printed (an empty one says so), the header row first.
    QList<QList<double>> lengths{{}};
    QList<double> least(columns, 0), natural(columns, 0);
    for (qsizetype c = 0; c < columns; ++c) {
        lengths.first().append(lineShare(headers.at(c), true));
        least[c] = longestWord(headers.at(c), true);
        natural[c] = lengths.first().at(c) + kPadding;
    }
    for (const QStringList &row : rows) {
        QList<double> printed;
        for (qsizetype c = 0; c < columns; ++c) {
            const QString cell = row.value(c).trimmed();
            const QString shown = orNotRecorded(cell);
            printed.append(lineShare(shown, false));
            least[c] = std::max(least.at(c), longestWord(shown, false));
            // "not yet recorded" wraps under its header: a column with
            // nothing in any row is as wide as its header (issue 13).
            if (!cell.isEmpty())
                natural[c] = std::max(natural.at(c), std::min(printed.last() + kPadding, kLine));
        }
        lengths.append(printed);
    }
    // Where each column starts: a short one (its text on one line within a
    // few words' room) at its natural width, never wrapped; a longer one at
    // its longest word, wrapping, and given more below only where that
    // shortens the table. The long text gets what the others do not need
    // (issue 13: a finding of thousands of words had under half the line,
    // the columns beside it held at a few words' room each).
    QList<double> width(columns, 0);
    double used = 0;
    for (qsizetype c = 0; c < columns; ++c) {
        width[c] = std::min(natural.at(c) <= kText + kPadding ? std::max(least.at(c), natural.at(c)) : least.at(c), kLine);
        used += width.at(c);
    }
    // The height of the table, as lines: each row as tall as its tallest
    // cell (a smooth maximum, so that the second tallest counts a little).
    const auto rowHeight = [&](const QList<double> &row, const QList<double> &w, qsizetype changed, double by) {
        double sum = 0;
        for (qsizetype c = 0; c < columns; ++c) {
            const double room = std::max(1.0, w.at(c) + (c == changed ? by : 0) - kPadding);
            sum += std::pow(std::max(1.0, row.at(c) / room), 4);
        }
        return std::pow(sum, 0.25);
    };
    // The rest of the line, a little at a time, to the column that
    // shortens the table most; a column never grows past its text's
    // one-line width (issue 13: the finding had the least room of all).
    constexpr double kStep = 0.5;
    for (double room = kLine - used; room >= kStep; room -= kStep) {
        QList<double> height;
        for (const QList<double> &row : lengths)
            height.append(rowHeight(row, width, -1, 0));
        qsizetype best = -1;
        double bestGain = 1e-6;
        for (qsizetype c = 0; c < columns; ++c) {
            if (width.at(c) + kStep > natural.at(c))
                continue;
            double gain = 0;
            for (qsizetype r = 0; r < lengths.size(); ++r)
                gain += height.at(r) - rowHeight(lengths.at(r), width, c, kStep);
            if (gain > bestGain) {
                best = c;
                bestGain = gain;
            }
        }
        if (best < 0)
            break; // every column holds its text on one line: the table is as wide as the page anyway
        width[best] += kStep;
    }
    return width;
}

} // namespace

QString reportTable(const QStringList &headers, const QList<QStringList> &rows)
{
    // The header row in <thead>: the page layout repeats it on every page the
    // table continues onto. A pixel of padding is 0.75 pt: 3 above and below
    // left a blank half line under every row's text (issue 13); 1 above and
    // below, 3 beside the text (the stylesheet's td, th).
    QString html = QStringLiteral(
        "<table border=\"1\" cellspacing=\"0\" cellpadding=\"1\" width=\"100%\"><thead><tr>");
    const QList<double> want = columnWidths(headers, rows);
    double sum = 0;
    for (const double w : want)
        sum += w;
    // Whole percents adding up to 100, the rounding's remainder to the
    // columns that lost most to it: a column as wide as its longest word
    // loses none of it.
    QList<int> percent;
    QList<std::pair<double, qsizetype>> lost;
    int given = 0;
    for (qsizetype c = 0; c < want.size(); ++c) {
        const double exact = sum > 0 ? 100 * want.at(c) / sum : 100.0 / double(want.size());
        percent.append(std::max(1, int(exact)));
        given += percent.last();
        lost.append({exact - percent.last(), c});
    }
    std::sort(lost.begin(), lost.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (qsizetype i = 0; i < lost.size() && given < 100; ++i, ++given)
        ++percent[lost.at(i).second];
    for (qsizetype c = 0; c < headers.size(); ++c)
        html += QStringLiteral("<th align=\"left\" bgcolor=\"#e8edee\" width=\"%1%\">%2</th>")
                    .arg(percent.value(c, 1))
                    .arg(escaped(headers.at(c)));
    html += QStringLiteral("</tr></thead>");
    for (const QStringList &row : rows) {
        html += QStringLiteral("<tr>");
        for (qsizetype c = 0; c < headers.size(); ++c)
            html += QStringLiteral("<td>%1</td>").arg(escaped(orNotRecorded(row.value(c))));
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table><p style=\"font-size: 6pt;\">&nbsp;</p>");
}

// A borderless table of one cell: the layout never cuts inside a row that
// fits on a page.
QString reportKeptTogether(const QString &html)
{
    return QStringLiteral("<table border=\"0\" cellspacing=\"0\" cellpadding=\"0\" width=\"100%\"><tr><td>%1</td></tr></table>")
        .arg(html);
}

// A PNG as a data URI, so the document carries its own images.
QString reportImage(const QImage &image, int width)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("<p><img width=\"%1\" src=\"data:image/png;base64,%2\"></p>")
        .arg(width)
        .arg(QString::fromLatin1(png.toBase64()));
}

QImage titledChart(const QImage &chart, const QString &title)
{
    const int band = 40;
    QImage image(chart.width(), chart.height() + band, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(21);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(QColor(0x00, 0x30, 0x87));
    painter.drawText(QRect(0, 0, image.width(), band), Qt::AlignLeft | Qt::AlignVCenter, title);
    painter.drawImage(0, band, chart);
    return image;
}

void writeReportPdf(const QString &html, const QString &pdfPath, const QString &title)
{
    refuseToReplace(pdfPath);
    // Drawn in memory, then written whole (store/filewrite): a full disk
    // leaves no cut-off PDF and an earlier report as it was.
    QByteArray bytes;
    QBuffer file(&bytes);
    file.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(300);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Oversight Workbench"));
        // In the printer's pixels, as the document is laid out on the printer.
        const qreal margin = 2 / 2.54 * writer.logicalDpiY(); // 2 cm
        const QSizeF text(writer.width() - 2 * margin, writer.height() - 2 * margin);
        QTextDocument document;
        document.documentLayout()->setPaintDevice(&writer);
        document.setDefaultStyleSheet(QStringLiteral(
            "h1 { color: #005eb8; } h2, h3 { color: #003087; margin-top: 18px; margin-bottom: 8px; }"
            " h4 { color: #003087; margin-top: 10px; margin-bottom: 4px; }"
            " td, th { font-size: 9pt; padding-left: 3px; padding-right: 3px; }"));
        // Lines break between words; a word longer than its line or table
        // cell (a pasted reference, "xxxx...") breaks where the line ends,
        // so no table is wider than the page (issue 13).
        QTextOption option = document.defaultTextOption();
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        document.setDefaultTextOption(option);
        document.setDocumentMargin(0);
        document.setHtml(html);
        document.setTextWidth(text.width()); // one long column: the pages are cut from it below
        const QList<ReportPage> pages = paginateReport(document, text.height());
        QPainter painter(&writer);
        const QFont numberFont = document.defaultFont();
        for (qsizetype index = 0; index < pages.size(); ++index) {
            if (index > 0)
                writer.newPage();
            qreal y = margin;
            for (const ReportSlice &slice : pages.at(index)) {
                painter.save();
                painter.translate(margin, y - slice.from);
                const QRectF view(0, slice.from, text.width(), slice.to - slice.from);
                painter.setClipRect(view);
                QAbstractTextDocumentLayout::PaintContext context;
                // Lines that only touch the slice belong to the next or the
                // previous page: drawn here as well they would be hidden by
                // the clip yet be in the PDF's text (found twice).
                context.clip = view.adjusted(0, 1, 0, -1);
                context.palette.setColor(QPalette::Text, Qt::black);
                document.documentLayout()->draw(&painter, context);
                painter.restore();
                y += slice.to - slice.from;
            }
            painter.setFont(numberFont);
            painter.drawText(QRectF(margin, writer.height() - margin * 0.8, text.width(), margin * 0.5),
                             Qt::AlignRight | Qt::AlignVCenter,
                             QStringLiteral("%1 / %2").arg(index + 1).arg(pages.size()));
        }
    }
    file.close();
    writeFileWhole(pdfPath, bytes);
}

} // namespace owb
