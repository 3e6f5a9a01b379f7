"""Actions that must be refused or offered only where they apply, and what
stays true around them: one decision per quarter, the programme's entry and
exit, a refused import, the quarter menu, notices, What-if's rank and the
trajectory's actual values (issue 11, the checks after the first fourteen)."""

import datetime
import os
import re

import pyatspi

from owbe2e import expect, query, text_of, StepFailed
from scenarios_casework import case_in_segment, latest_quarter, open_case
from scenarios_items import case_of_type, open_from_portfolio


def enabled(node):
    return node.getState().contains(pyatspi.STATE_ENABLED)


def refused(wb, pattern):
    """The warning a refused change shows: checks its words and closes it."""
    box = wb.dialog("The change was not saved")
    text = wb.alert_text(box)
    expect(re.search(pattern, text), "the refusal says %r" % text)
    wb.press("OK", root=box)
    wb.gone(box)


def quarter_start(label):
    """2025/26 Q4 -> 2026-01-01 (the financial year starts in April)."""
    year, quarter = int(label[:4]), int(label[-1])
    return datetime.date(year + 1, 1, 1) if quarter == 4 else datetime.date(year, 4 + 3 * (quarter - 1), 1)


def one_decision_per_quarter(ctx):
    """Confirm Computed Segment, then no second confirmation offered, and a "correction" to the computed segment: refused in words; a real correction replaces the confirmation, and Undo brings it back."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    quarter = latest_quarter(case)
    wb = open_case(ctx, code, "Casework")
    decisions = lambda: query(case, "SELECT kind, decided_segment FROM decision WHERE quarter = ?", (quarter,))
    wb.press("Confirm Computed Segment")
    wb.wait(lambda: decisions() == [("confirm", 4)], "the confirmation in the case file")
    # Confirmed, there is nothing more to confirm: the button is disabled (round 3, item 12).
    wb.wait(lambda: not enabled(wb.find("push button", "Confirm Computed Segment")),
            "Confirm Computed Segment to be disabled once confirmed")
    expect(decisions() == [("confirm", 4)], "a second confirmation was stored: %r" % decisions())
    wb.press("Record a Correction...")
    box = wb.answer_form("Record a Correction", {"Why": "The same segment"}, numbers={"Corrected segment": 4}, closes=False)
    wb.find("label", re.compile("^That is the computed segment"), root=box)
    wb.press("Cancel", root=box)
    wb.gone(box)
    expect(decisions() == [("confirm", 4)], "a correction to the computed segment was stored: %r" % decisions())
    wb.press("Record a Correction...")
    wb.answer_form("Record a Correction", {"Why": "Capacity plan agreed with the region"}, numbers={"Corrected segment": 3})
    wb.wait(lambda: decisions() == [("correction", 3)], "the correction to replace the confirmation")
    wb.find("label", re.compile(r"^The earlier decision for %s was replaced" % re.escape(quarter)), only_showing=False)
    wb.menu("Edit", re.compile("^Undo"))
    wb.wait(lambda: decisions() == [("confirm", 4)], "undo to bring the confirmation back")
    # The notice spoke of the replacement that Undo took back: it goes.
    wb.wait(lambda: not wb.find_all("label", re.compile(r"^The earlier decision "), only_showing=False),
            "the notice about the replaced decision to clear after Edit ▸ Undo")


def programme_actions_only_where_they_apply(ctx):
    """Enter the Programme... is offered only where the trust is not (and will not be) in it, Record Exit... only while it is and after the entry quarter; the demo's entry date is in its entry quarter."""
    code = case_of_type(ctx, "acute", in_programme=True)
    case = ctx.case(code)
    entry_quarter, entry_date = query(case, "SELECT entry_quarter, entry_date FROM programme")[0]
    start = quarter_start(entry_quarter)
    month = start.month + 3
    end = datetime.date(start.year + (month > 12), (month - 1) % 12 + 1, 1)
    expect(start <= datetime.date.fromisoformat(entry_date) < end,
           "the demo entered the programme on %s, outside %s" % (entry_date, entry_quarter))
    wb = open_case(ctx, code, "Casework")
    shown = wb.find("text", "Entry date").queryText().getText(0, -1)
    day = datetime.date.fromisoformat(entry_date)
    expect(shown in (entry_date, day.strftime("%d/%m/%Y")), "the entry date shown is %r, stored %s" % (shown, entry_date))
    # In its entry quarter the exit is not offered, and the section says why (tester's report 13, item 11).
    expect(not enabled(wb.find("push button", "Record Exit...")), "Record Exit... is enabled in the entry quarter")
    wb.find("label", re.compile(r"An exit is recorded in a later quarter than %s, the entry quarter" % re.escape(entry_quarter)))
    expect(not wb.find_all("push button", "Enter the Programme..."), "Enter the Programme... is offered while in it")
    wb.menu("View", "Earlier Quarter")  # before the entry quarter
    wb.find("label", re.compile(r"^Not in the programme in "))
    enter = wb.find("push button", "Enter the Programme...")
    expect(not enabled(enter), "Enter the Programme... is enabled a quarter before the trust enters it")
    expect(not wb.find_all("push button", "Record Exit..."), "Record Exit... is offered when not in the programme")
    expect(query(case, "SELECT count(*) FROM programme")[0][0] == 1, "a second programme was stored")


def refused_import_keeps_the_workspace(ctx):
    """File ▸ Import Metric File... refused: the case stays open and Edit ▸ Undo still undoes the note written before."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    bad = os.path.join(ctx.folder, "bad.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("quarter,org_code,org_name,org_type,metric_id,value\n"
                "2025/26 Q4,RXX,Broken Trust,acute,OF0003,twelve\n")
    wb = open_case(ctx, code, "Notes")
    before = query(case, "SELECT count(*) FROM note")[0][0]
    wb.set_text("New note", "Written before the import")
    wb.press("Add Note")
    wb.wait(lambda: query(case, "SELECT count(*) FROM note")[0][0] == before + 1, "the note in the case file")
    wb.menu("File", "Import Metric File...")
    wb.save_file("Import Metric File", bad)
    box = wb.dialog("Import refused", timeout=60)
    wb.press("Close", root=box)
    wb.gone(box)
    wb.find("label", re.compile("^%s " % code))  # the case is still open, not the portfolio
    expect(wb.find_all("page tab", "Notes", only_showing=False), "the case view is gone")
    wb.menu("Edit", re.compile("^Undo"))
    wb.wait(lambda: query(case, "SELECT count(*) FROM note")[0][0] == before, "undo after the refused import")


def quarter_menu_and_notices(ctx):
    """View ▸ Later Quarter only when there is a later one (Earlier likewise); the notice after an export goes when the user moves on."""
    wb = ctx.start()
    wb.find("table", "Case files")
    quarters = [q for (q,) in query(os.path.join(ctx.workspace, "peers.owdata"), "SELECT label FROM quarter")]
    expect(not enabled(wb.menu_item("View", "Later Quarter")), "View ▸ Later Quarter is enabled at the latest quarter")
    expect(enabled(wb.menu_item("View", "Earlier Quarter")), "View ▸ Earlier Quarter is disabled at the latest quarter")
    for _ in range(len(quarters) - 1):
        wb.menu("View", "Earlier Quarter")
    quarter = wb.combo("Quarter")
    wb.wait(lambda: quarter.name == min(quarters, key=lambda q: (q[:7], q[-1])), "the earliest quarter")
    expect(not enabled(wb.menu_item("View", "Earlier Quarter")), "View ▸ Earlier Quarter is enabled at the earliest quarter")
    expect(enabled(wb.menu_item("View", "Later Quarter")), "View ▸ Later Quarter is disabled at the earliest quarter")
    out = os.path.join(ctx.folder, "portfolio.csv")
    wb.press("Export CSV...")
    wb.save_file("Export CSV", out)
    wb.wait(lambda: os.path.exists(out), "portfolio.csv")
    wb.find("label", re.compile(r"^Written .*portfolio\.csv"), only_showing=False)
    wb.menu("View", "League Table")
    wb.find("table", "League table")
    wb.wait(lambda: not wb.find_all("label", re.compile(r"^Written "), only_showing=False),
            "the notice to clear when the user moves on")


def league_rank_of(wb, code):
    wb.menu("View", "League Table")
    rows = wb.cells(wb.find("table", "League table"))
    header = rows[0]
    for row in rows[1:]:
        if row[header.index("Code")] == code:
            return row[header.index("Rank")]
    raise StepFailed("%s is not in the league table" % code)


def whatif_rank_is_league_rank(ctx):
    """What-if's league rank is the league table's (after decisions) for a trust in the programme and a corrected one."""
    programme = case_of_type(ctx, "acute", in_programme=True)
    wb = open_case(ctx, programme, "What-if")
    shown = wb.label_text(re.compile(r"^League rank, Actual: ")).split(": ")[-1]
    expected = league_rank_of(wb, programme)
    expect(shown == expected, "What-if ranks %s at %s, the league table at %s" % (programme, shown, expected))
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    open_from_portfolio(wb, code)
    wb.tab("Casework")
    wb.press("Record a Correction...")
    wb.answer_form("Record a Correction", {"Why": "Data error corrected by the trust"}, numbers={"Corrected segment": 2})
    wb.wait(lambda: query(case, "SELECT decided_segment FROM decision") == [(2,)], "the correction")
    wb.tab("What-if")
    shown = wb.label_text(re.compile(r"^League rank, Actual: ")).split(": ")[-1]
    expected = league_rank_of(wb, code)
    expect(shown == expected, "What-if ranks %s at %s after a correction, the league table at %s" % (code, shown, expected))


def trajectory_shows_actual_values(ctx):
    """The improvement trajectory's Actual column holds the metric's value in every quarter that has data."""
    code = case_of_type(ctx, "icb", in_programme=True)
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    table = wb.find("table", "Improvement trajectory")
    rows = wb.cells(table)
    header = rows[0]
    expect(len(rows) > 1, "no trajectory points in the demo ICB in the programme")
    for row in rows[1:]:
        metric, quarter = row[header.index("Metric")], row[header.index("Quarter")]
        stored = query(case, "SELECT count(*) FROM metric_value WHERE quarter = ? AND metric_id = ?", (quarter, metric))
        if stored and stored[0][0]:
            expect(row[header.index("Actual")] != "", "no actual value shown for %s in %s" % (metric, quarter))


def portfolio_casework_of_the_quarter(ctx):
    """The portfolio's Casework column describes the toolbar quarter: at an earlier quarter a review opened and a programme entered in the latest one are not shown, nor anything overdue after that quarter's end; nor is the review on the case's Casework page."""
    later = {}
    for name in sorted(os.listdir(ctx.workspace)):
        if not name.endswith(".owcase"):
            continue
        path = os.path.join(ctx.workspace, name)
        latest = latest_quarter(path)
        opened = {q for (q,) in query(path, "SELECT opened_quarter FROM diagnostic_review")}
        entered = {q for (q,) in query(path, "SELECT entry_quarter FROM programme")}
        if (opened or entered) and opened | entered == {latest}:
            later[name[:-len(".owcase")]] = latest
    expect(later, "no demo case with casework begun only in its latest quarter")
    wb = ctx.start()
    table = wb.find("table", "Case files")
    rows = wb.cells(table)
    code, casework = rows[0].index("Code"), rows[0].index("Casework")
    at_latest = {row[code]: row[casework] for row in rows[1:]}
    expect(any(at_latest.get(c) for c in later), "the latest quarter shows no casework: %r" % at_latest)
    wb.menu("View", "Earlier Quarter")
    quarter = wb.combo("Quarter")
    wb.wait(lambda: quarter.name not in later.values(), "an earlier quarter")
    shown = lambda: {row[code]: row[casework] for row in wb.cells(wb.find("table", "Case files"))[1:]}
    # What is due still shows ("Segment 4, no review"); what began later does not.
    begun = lambda text: "review open" in text or "programme" in text or "overdue" in text
    wb.wait(lambda: not any(begun(shown().get(c, "")) for c in later),
            "the casework begun later to be left out at %s: %r" % (quarter.name, {c: shown().get(c) for c in later}))
    wb.screenshot("portfolio-earlier-quarter")
    # The case's Casework page as well (casework tester, issue 13/14): no review opened later, nor its decision.
    for c, latest in sorted(later.items()):
        if query(ctx.case(c), "SELECT count(*) FROM diagnostic_review")[0][0]:
            open_from_portfolio(wb, c)
            wb.tab("Casework")
            wb.find("label", re.compile(r"^No diagnostic review"))
            expect(not wb.exists("label", re.compile(r"^Opened in %s" % re.escape(latest))),
                   "%s's review opened in %s shown at %s" % (c, latest, quarter.name))
            expect(not wb.exists("push button", "Record the Regional Decision..."), "the decision offered")
            wb.screenshot("casework-earlier-quarter")
            break


SCENARIOS = [portfolio_casework_of_the_quarter, one_decision_per_quarter, programme_actions_only_where_they_apply, refused_import_keeps_the_workspace,
             quarter_menu_and_notices, whatif_rank_is_league_rank, trajectory_shows_actual_values]
