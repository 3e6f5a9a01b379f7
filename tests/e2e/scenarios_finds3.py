"""What issue 13 left in the reports and the workbench's numbers: the review report laid out to
circulate (a finding longer than a page starts where it comes, no heading alone at a page's foot,
the recommendation and decision on one page), averages with two decimals in the domain chart, and
the portfolio's CSV with the league table's capability and casework columns, added last."""

import csv
import os
import re
import subprocess

from owbe2e import expect, query
from scenarios_casework import case_in_segment, open_case


def pdf_words(path):
    """The words of each page of a PDF (pdftotext -bbox): per page its height and (word, top, bottom) in
    points, the page number under the text area left out."""
    boxes = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for part in boxes.split("</page>"):
        page = re.search(r'<page width="[0-9.]+" height="([0-9.]+)">', part)
        if not page:
            continue
        height = float(page.group(1))
        foot = height - 2 / 2.54 * 72
        words = [(w, float(top), float(bottom)) for top, bottom, w in
                 re.findall(r'<word xMin="[0-9.]+" yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">([^<]*)</word>',
                            part[page.end():]) if float(top) < foot]
        pages.append((height, words))
    return pages


def line_holding(words, phrase):
    """The (top, bottom) of the line of a page that holds `phrase` (words in a row), or None."""
    wanted = phrase.split()
    for i in range(len(words) - len(wanted) + 1):
        if [w for w, _, _ in words[i:i + len(wanted)]] == wanted and abs(words[i][1] - words[i + len(wanted) - 1][1]) < 1:
            return words[i][1], words[i][2]
    return None


def review_report_long_finding_starts_on_page_one(ctx):
    """A finding longer than a page added to the demo's review, then File ▸ Export Review Report...:
    the finding starts on page 1 under the review's scope and the findings before it (before: page 1
    held the title and scope only, the rest of the page blank), no page but the last is blank below its
    first half, no heading ends a page with nothing of what it heads under it, and "Recommendation and
    decision" is on one page with its recommendation, decision and rationale."""
    code = next(name[:-len(".owcase")] for name in sorted(os.listdir(ctx.workspace)) if name.endswith(".owcase")
                and query(os.path.join(ctx.workspace, name), "SELECT count(*) FROM finding")[0][0])
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    words = ["w%04d" % i for i in range(1400)]
    before = query(case, "SELECT count(*) FROM finding")[0][0]
    wb.press("Add Finding...")
    wb.answer_form("Add Finding", {"Finding": " ".join(words)})
    wb.wait(lambda: query(case, "SELECT count(*) FROM finding")[0][0] == before + 1, "the long finding in the case file")
    report = os.path.join(ctx.folder, "%s-review.pdf" % code)
    wb.menu("File", "Export Review Report...")
    wb.save_file("Export PDF", report)
    wb.wait(lambda: os.path.exists(report) and os.path.getsize(report) > 1000, "the review report PDF", timeout=60)
    wb.find("label", re.compile(r"^Written .*-review\.pdf"), only_showing=False)
    subprocess.run(["pdftoppm", "-png", "-r", "50", report, os.path.join(ctx.folder, "review-page")], check=False)
    pages = pdf_words(report)
    on_page = [{w for w, _, _ in page} for _, page in pages]
    expect(len(pages) >= 3, "the report has %d pages" % len(pages))
    expect("w0000" in on_page[0], "the long finding does not start on page 1 (it starts on page %s)"
           % next((i + 1 for i, p in enumerate(on_page) if "w0000" in p), None))
    for i, (height, page) in enumerate(pages[:-1]):
        lowest = max(bottom for _, _, bottom in page)
        expect(lowest > height / 2, "page %d of %d is blank from %.0f of %.0f pt" % (i + 1, len(pages), lowest, height))
    causes = [c for (c,) in query(case, "SELECT DISTINCT category FROM finding")]
    headings = ["Scope and team", "Findings by root cause", "Capability conclusion", "Recommendation and decision"] + causes
    for i, (_, page) in enumerate(pages):
        for heading in headings:
            line = line_holding(page, heading)
            if line:
                expect(any(top >= line[1] - 0.5 for _, top, _ in page),
                       "%r ends page %d with nothing under it" % (heading, i + 1))
    decision = [i for i, (_, page) in enumerate(pages) if line_holding(page, "Recommendation and decision")]
    expect(len(decision) == 1, "\"Recommendation and decision\" found on pages %r" % decision)
    for word in ("Recommendation:", "Decision:", "Methodology"):
        expect(word in on_page[decision[0]], "%r is not on page %d with its heading" % (word, decision[0] + 1))
    wb.no_dialog()


def domain_chart_two_decimals(ctx):
    """The Overview's domain chart says every score and peer median with two decimals, as the domain
    table beside it does ("2.50", before: the chart drew "2.5"): its description names each domain with
    the numbers the table shows."""
    code = case_in_segment(ctx, 4)
    wb = open_case(ctx, code, "Overview")
    table = wb.find("table", "Domain scores, as a table", only_showing=False)
    rows = wb.cells(table)[1:]
    expect(rows, "the domain table is empty")
    chart = wb.find(None, "Domain scores chart", only_showing=False)
    described = chart.description
    expect(described, "the domain chart says nothing of its values")
    numbers = re.findall(r"\d+\.\d+|\d+(?![\d.])", described)
    expect(numbers and all(re.fullmatch(r"\d\.\d\d", n) for n in numbers),
           "numbers in the chart without two decimals: %r" % described)
    for name, score, _segment, median in rows:
        expect(("%s: " % name) in described, "%r is not in the chart: %r" % (name, described))
        part = described.split("%s: " % name, 1)[1].split(";", 1)[0]
        if score:
            expect(score in part, "%s: the table's score %s, the chart says %r" % (name, score, part))
        if median:
            expect("peer median %s" % median in part, "%s: the table's peer median %s, the chart says %r"
                   % (name, median, part))


PORTFOLIO_HEADER = ("org_code,org_name,org_type,quarter,segment,average_score,rank,previous_segment,movement,"
                    "needs_action,movement_detail,capability,capability_year,casework")


def portfolio_csv_has_capability_and_casework(ctx):
    """The portfolio's Export CSV... writes the columns of owb portfolio, the league table's
    capability, capability year and casework added last (before: none of them); the capability by the
    methodology's name, the casework as the portfolio shows it."""
    wb = ctx.start()
    table = wb.find("table", "Case files")
    shown = {row[0]: row for row in wb.cells(table)[1:]}
    headers = wb.cells(table)[0]
    out = os.path.join(ctx.folder, "portfolio-export.csv")
    wb.press("Export CSV...")
    wb.save_file("Export CSV", out)
    wb.wait(lambda: os.path.exists(out), "the portfolio's CSV")
    with open(out, encoding="utf-8") as f:
        header = f.readline().strip().lstrip("\ufeff")
        f.seek(0)
        rows = list(csv.DictReader(f))
    expect(header == PORTFOLIO_HEADER, "the header line is %r" % header)
    expect(len(rows) == len(shown), "%d rows written, %d shown" % (len(rows), len(shown)))
    rated = 0
    for row in rows:
        code = row.get("org_code") or row.get("\ufefforg_code")
        cells = dict(zip(headers, shown[code]))
        expect(row["casework"] == cells.get("Casework", ""), "%s: casework %r, the portfolio shows %r"
               % (code, row["casework"], cells.get("Casework")))
        expect(row["capability"] == cells.get("Capability", ""), "%s: capability %r, the portfolio shows %r"
               % (code, row["capability"], cells.get("Capability")))
        stored = query(ctx.case(code), "SELECT year FROM capability_overall WHERE rating <> '' ORDER BY year DESC LIMIT 1")
        if stored:
            rated += 1
            expect(row["capability"][:1].isupper() and row["capability_year"] == stored[0][0],
                   "%s: capability %r for %r" % (code, row["capability"], row["capability_year"]))
    expect(rated, "no trust of the demo has a capability view")
    expect(any(row["casework"] for row in rows), "no casework in the CSV")


SCENARIOS = [review_report_long_finding_starts_on_page_one, domain_chart_two_decimals,
             portfolio_csv_has_capability_and_casework]
