"""Scenarios for the defects of issue 11 beyond the first three: each clicks
what a person clicks and checks the case file and the screen."""

import os
import re

import pyatspi

from owbe2e import expect, query, StepFailed
from scenarios_casework import (case_in_segment, icbs_segmented, latest_quarter, open_case,
                                to_quarter_without_icb_segments, year_rules_file)


def case_of_type(ctx, peer_type, in_programme=None):
    for name in sorted(os.listdir(ctx.workspace)):
        if not name.endswith(".owcase"):
            continue
        path = os.path.join(ctx.workspace, name)
        if query(path, "SELECT peer_type FROM organisation")[0][0] != peer_type:
            continue
        programmes = query(path, "SELECT count(*) FROM programme")[0][0]
        if in_programme is None or bool(programmes) == in_programme:
            return name[:-len(".owcase")]
    raise StepFailed("no demo case of peer type %s" % peer_type)


def tab_names(wb):
    tabs = wb.find("page tab list", None)
    return [t.name for t in wb.find_all("page tab", None, root=tabs, only_showing=False)]


def open_from_portfolio(wb, code):
    """Types the code into the portfolio's filter and presses Enter there (opens the only match)."""
    wb.menu("View", "Portfolio")
    field = wb.find("text", "Filter case files")
    wb.type_into(field, code)
    field.queryComponent().grabFocus()
    wb.key("Return")
    wb.find("label", re.compile("^%s " % code))


def whatif_tab_after_icb(ctx):
    """An ICB in a year that does not segment ICBs, then a trust: the What-if tab is back, between Metrics and
    Capability, with no gap (item 4)."""
    icb = case_of_type(ctx, "icb")
    trust = case_in_segment(ctx, 3)
    wb = ctx.start()
    wb.find("table", "Case files", timeout=30)
    to_quarter_without_icb_segments(ctx, wb)
    open_from_portfolio(wb, icb)
    wb.tab("Overview")
    expect("What-if" not in tab_names(wb), "an ICB shows a What-if tab: %s" % tab_names(wb))
    expect("System" in tab_names(wb), "an ICB has no System tab")
    open_from_portfolio(wb, trust)
    names = tab_names(wb)
    expect(names[:4] == ["Overview", "Metrics", "What-if", "Capability"] and "System" not in names,
           "tabs of a trust after an ICB: %s" % names)
    tabs = {t.name: t for t in wb.find_all("page tab", None, only_showing=False)}
    metrics = tabs["Metrics"].queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    whatif = tabs["What-if"].queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    expect(whatif.width > 20 and abs(whatif.x - (metrics.x + metrics.width)) <= 2,
           "the What-if tab is not beside Metrics: %s after %s" % (whatif, metrics))
    wb.tab("What-if")
    wb.find("table", re.compile("What-if|what-if", re.I), only_showing=True)


def view_menu_without_workspace(ctx):
    """With no workspace open, the View menu's panels and the exports are disabled (item 13)."""
    wb = ctx.start([])
    wb.find("push button", re.compile("Open the Demo|Demo", re.I))
    for item in ("League Table", "Changes This Quarter", "Reconciliation with the Published League Table", "Portfolio"):
        node = wb.menu_item("View", item)
        expect(not node.getState().contains(pyatspi.STATE_ENABLED), "View ▸ %s is enabled with no workspace" % item)
    for item in ("Export Case Report...", "Export Regional Pack...", "Import Metric File..."):
        node = wb.menu_item("File", item)
        expect(not node.getState().contains(pyatspi.STATE_ENABLED), "File ▸ %s is enabled with no workspace" % item)


def portfolio_csv_export_confirms(ctx):
    """Export CSV... on the portfolio writes the file and says so (item 13)."""
    wb = ctx.start()
    wb.find("table", "Case files")
    out = os.path.join(ctx.folder, "portfolio.csv")
    wb.press("Export CSV...")
    wb.save_file("Export CSV", out)
    wb.wait(lambda: os.path.exists(out), "portfolio.csv")
    wb.find("label", re.compile(r"^Written .*portfolio\.csv"), only_showing=False)
    with open(out, encoding="utf-8") as f:
        header = f.readline()
    expect(header.startswith("org_code,org_name"), "portfolio CSV header %r" % header)


def milestone_done(ctx):
    """Mark Milestone Done: status done, the date filled, no longer overdue (item 10)."""
    code = case_of_type(ctx, "acute", in_programme=True)
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    table = wb.find("table", "Recovery plan milestones", into_tables=False)
    rows = query(case, "SELECT id, status, done_date, due_date FROM milestone ORDER BY id")
    overdue = [i for i, r in enumerate(rows) if r[1] != "done"]
    expect(overdue, "the demo case has no open milestone")
    row = overdue[0]
    wb.select_row(table, row)
    wb.press("Mark Milestone Done")
    wb.wait(lambda: query(case, "SELECT status FROM milestone WHERE id = ?", (rows[row][0],))[0][0] == "done",
            "the milestone done in the case file")
    status, done = query(case, "SELECT status, done_date FROM milestone WHERE id = ?", (rows[row][0],))[0]
    expect(re.match(r"^\d{4}-\d{2}-\d{2}$", done or ""), "done date not filled: %r" % done)
    cells = wb.cells(wb.find("table", "Recovery plan milestones"))
    shown = "%s/%s/%s" % (done[8:10], done[5:7], done[0:4])  # the one date format (en_GB)
    expect(cells[row + 1][3] == "Done" and cells[row + 1][2] == shown, "milestone row on screen: %s" % cells[row + 1])
    wb.menu("Edit", re.compile("^Undo"))
    wb.wait(lambda: query(case, "SELECT status, done_date FROM milestone WHERE id = ?", (rows[row][0],))[0]
            == (rows[row][1], rows[row][2]), "undo to restore the milestone")


def findings_show_evidence(ctx):
    """The findings table's Evidence column lists the finding's evidence items (item 11)."""
    for name in sorted(os.listdir(ctx.workspace)):
        if name.endswith(".owcase") and query(os.path.join(ctx.workspace, name), "SELECT count(*) FROM finding_evidence")[0][0]:
            code = name[:-7]
            break
    else:
        raise StepFailed("no demo case with evidence items")
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    findings = wb.find("table", "Findings")
    shown = wb.column(findings, "Evidence")
    for i, (fid,) in enumerate(query(case, "SELECT id FROM finding ORDER BY id")):
        for (title,) in query(case, "SELECT title FROM finding_evidence WHERE finding_id = ?", (fid,)):
            expect(title in shown[i], "finding %d: evidence %r not in %r" % (i, title, shown[i]))


SCENARIOS = [whatif_tab_after_icb, view_menu_without_workspace, portfolio_csv_export_confirms, milestone_done,
             findings_show_evidence]


def correction_then_undo(ctx):
    """Record a Correction... 4 -> 3: the badge, the words and the history say 3; Undo brings 4 back everywhere (item 7)."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    wb = open_case(ctx, code, "Overview")
    wb.find("label", "Segment 4")
    wb.tab("Casework")
    wb.press("Record a Correction...")
    wb.answer_form("Record a Correction", {"Why": "Capacity plan agreed with the region"},
                   numbers={"Corrected segment": 3})
    wb.wait(lambda: query(case, "SELECT kind, decided_segment FROM decision") == [("correction", 3)],
            "the correction in the case file")
    wb.tab("Overview")
    wb.find("label", "Segment 3")
    wb.find("label", re.compile(r"corrected from segment 4 to segment 3 \(Capacity plan agreed"))
    history = wb.find("table", "Segment by quarter, as a table", only_showing=False)
    expect(wb.column(history, "Segment")[-1] == "3", "history still says %s" % wb.column(history, "Segment")[-1])
    wb.menu("Edit", re.compile("^Undo"))
    wb.wait(lambda: query(case, "SELECT count(*) FROM decision")[0][0] == 0, "undo to remove the decision")
    wb.find("label", "Segment 4")
    expect(not wb.find_all("label", re.compile("corrected from")), "the overview still speaks of the correction")
    expect(wb.column(history, "Segment")[-1] == "4", "history after undo says %s" % wb.column(history, "Segment")[-1])


def programme_is_segment_five(ctx):
    """In the programme: the badge, history, words and What-if all say 5; an ICB in it is not segmented (item 8)."""
    code = case_of_type(ctx, "acute", in_programme=True)
    wb = open_case(ctx, code, "Overview")
    wb.find("label", "Segment 5")
    wb.find("label", re.compile(r"^No change in the scores moves it out of segment 5"))
    history = wb.find("table", "Segment by quarter, as a table", only_showing=False)
    expect(wb.column(history, "Segment")[-1] == "5", "history says %s" % wb.column(history, "Segment")[-1])
    wb.tab("What-if")
    wb.find("label", "Final segment, Actual: 5")
    wb.find("label", "Final segment, What-if: 5")
    wb.find("label", re.compile(r"^League rank, Actual: \d+$"))  # ranked after segment 4, as the league does
    wb.find("label", re.compile("final segment is 5 until an exit"))
    icb = case_of_type(ctx, "icb", in_programme=True)
    open_from_portfolio(wb, icb)
    wb.tab("Overview")
    latest = latest_quarter(ctx.case(icb))
    if icbs_segmented(ctx, latest.split()[0]):
        # A year that segments ICBs (the demo's 2026/27): in the programme, segment 5 as a trust.
        wb.find("label", "Segment 5")
    # A year that does not: not segmented, "equivalent to segment 5".
    to_quarter_without_icb_segments(ctx, wb)
    wb.find("label", "Not segmented")
    wb.find("label", re.compile("equivalent to segment 5"))
    expect(not wb.find_all("label", "Segment 5"), "an ICB shows a Segment 5 badge")


def league_improvement_only_when_scores_decide(ctx):
    """League table: no 'improvement to next segment' where finances or the programme hold the segment (item 9)."""
    import csv
    import io
    import subprocess
    wb = ctx.start()
    wb.menu("View", "League Table")
    table = wb.find("table", "League table")
    rows = wb.cells(table)
    header = rows[0]
    code_i, seg_i, imp_i = header.index("Code"), header.index("Segment"), header.index("Improvement to next segment")
    quarter = latest_quarter(next(os.path.join(ctx.workspace, n) for n in sorted(os.listdir(ctx.workspace))
                                  if n.endswith(".owcase")))
    out = subprocess.run([ctx.owb, "segment", "--data", os.path.join(ctx.workspace, "national-metrics.csv"),
                          "--methodology", year_rules_file(ctx, quarter), "--quarter", quarter],
                         capture_output=True, text=True, check=True).stdout
    raw = {r["org_code"]: r for r in csv.DictReader(io.StringIO(out))}
    held = 0
    for row in rows[1:]:
        r = raw.get(row[code_i])
        if not r:
            continue
        shown_segment = row[seg_i].replace("Segment ", "")
        if shown_segment != r["raw_segment"]:
            held += 1
            expect(row[imp_i] == "", "%s (%s, raw %s) shows an improvement %r" % (row[code_i], row[seg_i],
                                                                                r["raw_segment"], row[imp_i]))
    expect(held > 0, "no trust held by finances or the programme in the league table to check")


SCENARIOS += [correction_then_undo, programme_is_segment_five, league_improvement_only_when_scores_decide]
