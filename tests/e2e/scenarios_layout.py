"""Reports laid out to circulate: the diagnostic review report exported from
the File menu, read back page by page as a reader sees it (pdftotext)."""

import os
import re
import subprocess

from owbe2e import expect, query, StepFailed


def pdf_text(path):
    """The PDF's text in the order it is drawn (a table cell's lines together), whitespace run
    together (lines wrap where the page does)."""
    out = subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def case_with_review(ctx, wanted=True):
    for name in sorted(os.listdir(ctx.workspace)):
        if name.endswith(".owcase"):
            path = os.path.join(ctx.workspace, name)
            has = query(path, "SELECT count(*) FROM finding")[0][0] > 0
            if has == wanted:
                return name[:-len(".owcase")]
    raise StepFailed("no demo case %s a diagnostic review with findings" % ("with" if wanted else "without"))


def export_review_report(ctx):
    """File ▸ Export Review Report... writes the review report (issue 13): scope and team, every
    finding under its root cause with its evidence and severity, conclusion, recommendation and
    decision. Disabled for a case with no review."""
    without = case_with_review(ctx, wanted=False)
    code = case_with_review(ctx)
    case = ctx.case(code)
    wb = ctx.start([ctx.case(without)])
    wb.find("label", re.compile("^%s " % without))
    import pyatspi
    item = wb.menu_item("File", "Export Review Report...")
    expect(not item.getState().contains(pyatspi.STATE_ENABLED),
           "Export Review Report... is enabled for %s, which has no diagnostic review" % without)
    wb.close()
    wb = ctx.start([case])
    wb.find("label", re.compile("^%s " % code))
    report = os.path.join(ctx.folder, "%s-review.pdf" % code)
    wb.menu("File", "Export Review Report...")
    wb.save_file("Export PDF", report)
    wb.wait(lambda: os.path.exists(report) and os.path.getsize(report) > 1000, "the review report PDF", timeout=60)
    wb.find("label", re.compile(r"^Written .*-review\.pdf"), only_showing=False)
    text = pdf_text(report)
    for heading in ("Diagnostic review: %s" % code, "Scope and team", "Findings by root cause",
                    "Capability conclusion", "Recommendation and decision"):
        expect(heading in text, "the review report does not say %r" % heading)
    team, scope = query(case, "SELECT team, scope FROM diagnostic_review ORDER BY id DESC LIMIT 1")[0]
    expect(" ".join(team.split()) in text, "the report does not name the team %r" % team)
    findings = query(case, "SELECT f.category, f.description, f.severity FROM finding f "
                           "JOIN diagnostic_review r ON r.id = f.review_id "
                           "WHERE r.id = (SELECT max(id) FROM diagnostic_review)")
    expect(findings, "the demo review has no findings")
    for category, description, severity in findings:
        expect(category in text, "the root cause %r is not in the report" % category)
        words = " ".join(description.split())
        # A table cell wraps: compare the words in order, whatever the line breaks.
        expect(words in text, "the finding %r is not in the report" % description)
        if severity:
            expect(severity.capitalize() in text, "severity %r is not named" % severity)
    for (title,) in query(case, "SELECT title FROM finding_evidence"):
        expect(" ".join(title.split()) in text, "the evidence item %r is not in the report" % title)
    subprocess.run(["pdftoppm", "-png", "-r", "50", report, os.path.join(ctx.folder, "review-report")],
                   check=False)
    wb.no_dialog()


def metric_measures_one_format(ctx):
    """One format for a metric's numbers (issue 11 retest): on the Metrics tab a percentage's
    value, peer median, quartiles and standard all carry "%" and two decimals; the Changes view
    writes its movements with the arrow the Overview uses."""
    from scenarios_casework import case_in_segment, open_case
    code = case_in_segment(ctx, 4)
    wb = open_case(ctx, code, "Metrics")
    rows = wb.cells(wb.find("table", "Metrics of the quarter"))
    header = rows[0]
    number = r"-?[\d,]+\.\d\d"
    percentages = 0
    for row in rows[1:]:
        value, median = row[header.index("Value")], row[header.index("Peer median")]
        quartiles, standard = row[header.index("Peer quartiles")], row[header.index("Standard / floor")]
        unit = "%" if re.match(r"^%s%%$" % number, value) else ""
        percentages += bool(unit)
        if median:
            expect(re.match(r"^%s%s$" % (number, unit), median), "%s: value %r, peer median %r" % (row[0], value, median))
        if quartiles:
            expect(re.match(r"^%s%s – %s%s$" % (number, unit, number, unit), quartiles),
                   "%s: value %r, peer quartiles %r" % (row[0], value, quartiles))
        # A banded metric names its bands ("Outstanding / Good / ..."); one without a standard its direction.
        if standard and " / " not in standard and not re.match(r"^(higher|lower) is better$", standard):
            expect(re.match(r"^(≥|≤|floor) %s%s" % (number, unit), standard),
                   "%s: value %r, standard %r" % (row[0], value, standard))
    expect(percentages > 3, "too few percentages on the Metrics tab")
    wb.menu("View", "Changes This Quarter")
    table = wb.find("table", "Changes this quarter")
    changes = wb.cells(table)
    if all(r[changes[0].index("Reason")].startswith("Methodology changed") for r in changes[1:]):
        # The first quarter under a new methodology (the demo's 2026/27 Q1) has no movement to
        # draw; the quarter before it, under one year's rules, has.
        wb.menu("View", "Earlier Quarter")
        wb.wait(lambda: wb.cells(table) != changes, "the changes of the quarter before")
        changes = wb.cells(table)
    details = [r[changes[0].index("What lies behind it")] for r in changes[1:]]
    expect(not [d for d in details if "->" in d], "ASCII arrows in the Changes view: %s" % details[:3])
    expect([d for d in details if "→" in d], "no movement in the Changes view: %s" % details[:3])


SCENARIOS = [export_review_report, metric_measures_one_format]
