#pragma once
// The page layout every PDF report shares (case report, regional pack,
// diagnostic review report): the report's HTML is laid out once as one long
// unbroken column, then cut into A4 pages by us, only where a cut is allowed:
// between table rows (never inside one) and between paragraphs (inside one
// only when it is longer than half a page), never right after a heading or a
// table's header row. A table that goes on onto the next page repeats its
// header row there. A heading keeps with at least the first line (or row) of
// what follows it. What no page holds whole (a row or a kept block taller
// than a page) starts where it is and breaks between its lines; only what
// fits on a page moves to the next one whole. A paragraph or a table cell
// cut across pages leaves at least two lines on each (widow and orphan
// control), so no page holds a repeated header over a single line.

#include <QImage>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

class QTextDocument;

namespace owb {

// One vertical slice of the laid-out document; a page draws its slices one
// under the other from the top margin down.
struct ReportSlice
{
    qreal from = 0; // in the document
    qreal to = 0;
};

// A page: the slices drawn one under the other (a repeated table header,
// then the page's own part of the document).
using ReportPage = QList<ReportSlice>;

// Cuts a document laid out without pages (QTextDocument::setTextWidth) into
// pages of `pageHeight` (the text area of a page, in the document's units).
QList<ReportPage> paginateReport(QTextDocument &document, qreal pageHeight);

// A label and its value as one sentence of a report, not escaped: "Improvement
// director: A. Director." An empty value says so ("Improvement director: not
// yet recorded."), never "Improvement director: ."; a value's own closing
// full stop is not doubled. Every report joins a label and a value this way.
QString labelledValue(const QString &label, const QString &value);

// The one wording of an absent value in a report: "not yet recorded" for
// an empty (or blank) value, else the value.
QString orNotRecorded(const QString &value);

// HTML pieces, escaped: a table with its header row, an image as a data URI.
// A table's columns are sized by what they hold (the widths that make it
// shortest, none narrower than its longest word or its header's, none
// wider than its text on one line: a column with nothing in any row is as
// wide as its header; a short column, its text on one line in a few words'
// room, never wrapped; a longer one from its longest word, given more only
// where that shortens the table, so a long text gets what the others do not
// need); an empty cell says "not yet recorded".
QString reportTable(const QStringList &headers, const QList<QStringList> &rows);
QString reportImage(const QImage &image, int width);
// `html` (paragraphs) kept on one page when it fits on one: it moves to the
// next page whole rather than split (a report's conclusion, "Recommendation
// and decision"); a heading just before it stays with it.
QString reportKeptTogether(const QString &html);
// A chart with its title drawn above it, in the heading colour.
QImage titledChart(const QImage &chart, const QString &title);

// Lays out `html` on A4 pages with 2 cm margins and page numbers and writes
// the PDF whole or not at all (store/filewrite). Refuses to replace a file
// that is not a PDF. Throws StoreError naming the file.
void writeReportPdf(const QString &html, const QString &pdfPath, const QString &title);

} // namespace owb
