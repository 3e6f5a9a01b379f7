#include "reportlayout.h"

#include "casework/sentence.h"
#include "store/database.h"
#include "store/filewrite.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
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
        if (!heading && rect.height() > pageHeight / 2)
            for (int i = 1; i < lines->lineCount(); ++i)
                cuts.append({lines->position().y() + lines->lineAt(i).y(), false, {}});
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
    return QStringLiteral("%1: %2.").arg(label, said.isEmpty() ? QStringLiteral("not yet recorded") : said);
}

QString reportTable(const QStringList &headers, const QList<QStringList> &rows)
{
    // The header row in <thead>: the page layout repeats it on every page the
    // table continues onto.
    QString html = QStringLiteral(
        "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><thead><tr>");
    // Each column's share of the page by what it holds, in characters of
    // the 9 pt table text (about 100 to a line of narrow ones). A column
    // never gets less than its longest word, so no header is split inside a
    // word ("Organisati/on", "Averag/e") and a short column (a severity, a
    // code) has its natural width; the rest of the line goes to the columns
    // of text by how much text they hold (issue 13: the finding had the
    // least room of all).
    // A word longer than a line (a pasted reference) breaks anyway and
    // claims no more than 20.
    constexpr double kLine = 100;
    QList<double> least, text;
    for (qsizetype c = 0; c < headers.size(); ++c) {
        double longest = 0;
        double total = 0;
        // A line may break after a hyphen ("discharge-/ready"), so a
        // hyphenated word needs the room of its longest part only.
        static const QRegularExpression breaks(QStringLiteral("\\s+|(?<=-)"));
        const auto measure = [&longest](const QString &cell, double bold) {
            for (const QString &word : cell.split(breaks, Qt::SkipEmptyParts))
                longest = std::max(longest, double(std::min<qsizetype>(word.size(), 20)) * bold + 3);
        };
        measure(headers.at(c), 1.25); // the header is bold
        for (const QStringList &row : rows) {
            measure(row.value(c), 1.0);
            // One finding of many pages claims no more than a few lines'
            // worth, leaving the other columns their room.
            total += double(std::min<qsizetype>(row.value(c).size(), 600));
        }
        least.append(longest);
        // Tempered (a square root): the longest text gets the most room
        // without squeezing the finding beside it into a strip.
        text.append(rows.isEmpty() ? 0.0 : std::sqrt(total / double(rows.size())));
    }
    // The line shared by text: a column whose share would be narrower than
    // its longest word gets that width, and the others share what is left.
    QList<double> want = least;
    QList<bool> fixed(least.size(), false);
    for (bool changed = true; changed;) {
        changed = false;
        double room = kLine;
        double shared = 0;
        for (qsizetype c = 0; c < least.size(); ++c) {
            if (fixed.at(c))
                room -= least.at(c);
            else
                shared += text.at(c);
        }
        for (qsizetype c = 0; c < least.size(); ++c) {
            if (fixed.at(c))
                continue;
            const double share = shared > 0 ? std::max(0.0, room) * text.at(c) / shared : 0;
            if (share < least.at(c)) {
                fixed[c] = true;
                want[c] = least.at(c);
                changed = true;
            } else {
                want[c] = share;
            }
        }
    }
    double sum = 0;
    for (const double w : want)
        sum += w;
    for (qsizetype c = 0; c < headers.size(); ++c)
        html += QStringLiteral("<th align=\"left\" bgcolor=\"#e8edee\" width=\"%1%\">%2</th>")
                    .arg(sum > 0 ? std::max(1, int(100 * want.at(c) / sum)) : 1)
                    .arg(escaped(headers.at(c)));
    html += QStringLiteral("</tr></thead>");
    for (const QStringList &row : rows) {
        html += QStringLiteral("<tr>");
        for (const QString &cell : row)
            html += QStringLiteral("<td>%1</td>").arg(escaped(cell));
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
            " td, th { font-size: 9pt; }"));
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
