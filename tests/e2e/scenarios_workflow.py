"""The casework workflow where issue 13 left it: the trajectory counted only
while in the programme, the quarterly decision in a programme quarter, a
decided review kept read-only, the navigator on another case, redo by keys
and the Add Finding form's metrics (a bad date typed into a table cell, said
in place, is checked in tests/views/tst_casepages.cpp: the bus cannot open a
cell's editor here).
Each scenario finds its organisation by its situation, not by its code."""

import json
import os
import re
import subprocess

import pyatspi

from owbe2e import expect, query, text_of, _safe
from scenarios_casework import case_in_segment, latest_quarter, open_case, open_review_form
from scenarios_items import open_from_portfolio
from scenarios_plan import enter_programme


def quarters_of(case):
    """The case's assessed quarters, oldest first."""
    return sorted((q for (q,) in query(case, "SELECT DISTINCT quarter FROM assessment")), key=lambda q: (q[:7], q[-1]))


def peer_type(case):
    return query(case, "SELECT peer_type FROM organisation")[0][0]


def directions(ctx, quarter):
    rules = subprocess.run([ctx.owb, "methodology", "show", ctx.workspace, quarter.split()[0]], capture_output=True,
                           text=True, check=True).stdout
    return {m["id"]: m.get("direction") for m in json.loads(rules)["metrics"]}


def segmented_case_in_programme(ctx):
    """A trust (not an ICB) in the programme in its latest quarter."""
    for name in sorted(os.listdir(ctx.workspace)):
        if not name.endswith(".owcase"):
            continue
        path = os.path.join(ctx.workspace, name)
        if peer_type(path) == "icb":
            continue
        quarter = latest_quarter(path)
        for entry, leave in query(path, "SELECT entry_quarter, exit_quarter FROM programme"):
            if entry <= quarter and (not leave or quarter < leave):
                return name[:-len(".owcase")]
    raise AssertionError("no demo trust in the programme")


def icb_without_review(ctx):
    for name in sorted(os.listdir(ctx.workspace)):
        if name.endswith(".owcase"):
            path = os.path.join(ctx.workspace, name)
            if peer_type(path) == "icb" and not query(path, "SELECT count(*) FROM diagnostic_review")[0][0]:
                return name[:-len(".owcase")]
    raise AssertionError("no demo ICB without a diagnostic review")


def enabled(node):
    return node.getState().contains(pyatspi.STATE_ENABLED)


def off_trajectory_only_in_the_programme(ctx):
    """A trust enters the programme three quarters back and plans a trajectory its actual values miss in the
    two quarters after; its exit is recorded in the next quarter. Quarters from the exit on are not off
    trajectory: the portfolio's Needs action and the trajectory table say nothing missed there, while the
    quarter in the programme still is (item 1)."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    entered, left, after = quarters_of(case)[-3:]
    # A metric of the trust with a direction and a number in both later quarters: plans it misses.
    ways = directions(ctx, after)
    plans = None
    for metric, number in query(case, "SELECT metric_id, number FROM metric_value WHERE quarter = ? AND number IS NOT NULL"
                                " ORDER BY metric_id", (after,)):
        earlier = query(case, "SELECT number FROM metric_value WHERE quarter = ? AND metric_id = ? AND number IS NOT NULL",
                        (left, metric))
        # Misses that stay inside a percentage's range: above a value under 90 where higher is
        # better, half a value over 1 where lower is better.
        values = (earlier[0][0], number) if earlier else ()
        if ways.get(metric) == "higher" and values and all(0 <= v < 90 for v in values):
            plans = (metric, {left: values[0] + 5, after: values[1] + 5})
        elif ways.get(metric) == "lower" and values and all(v > 1 for v in values):
            plans = (metric, {left: values[0] / 2, after: values[1] / 2})
        if plans:
            break
    expect(plans, "no metric of %s with values in %s and %s" % (code, left, after))
    metric, planned = plans
    wb = open_case(ctx, code, "Casework")
    quarter_box = wb.combo("Quarter")
    for _ in range(2):
        wb.menu("View", "Earlier Quarter")
    wb.wait(lambda: quarter_box.name == entered, "the toolbar at %s" % entered)
    enter_programme(wb, case, entered)
    for quarter in (left, after):
        wb.press("Add Trajectory Point...")
        wb.answer_form("Add Trajectory Point", {"Planned value": "%.2f" % planned[quarter]},
                       choices={"Metric": re.compile(r"^%s " % re.escape(metric)), "Quarter": quarter})
    wb.wait(lambda: query(case, "SELECT count(*) FROM trajectory_point")[0][0] == 2, "the two points")
    table = wb.find("table", "Improvement trajectory")
    # In the programme in both quarters: both missed.
    wb.wait(lambda: sum(r[3].endswith("(off trajectory)") for r in wb.cells(table)[1:]) == 2,
            "both points off trajectory while in the programme: %r" % wb.cells(table))
    wb.menu("View", "Later Quarter")
    wb.wait(lambda: quarter_box.name == left, "the toolbar at %s" % left)
    wb.press("Record Exit...")
    wb.answer_form("Record Exit", {"Exit and transition plan": "Step down to segment 4 oversight"})
    wb.wait(lambda: query(case, "SELECT exit_quarter FROM programme") == [(left,)], "the exit in %s" % left)
    # Back in the programme's quarter: only what falls in the programme is counted.
    wb.menu("View", "Earlier Quarter")
    wb.wait(lambda: quarter_box.name == entered, "the toolbar at %s" % entered)
    table = wb.find("table", "Improvement trajectory")
    wb.wait(lambda: not any(r[3].endswith("(off trajectory)") for r in wb.cells(table)[1:]),
            "no point after the exit counted: %r" % wb.cells(table))
    rows = {r[1]: r[3] for r in wb.cells(table)[1:]}
    expect("not counted: not in the programme in %s" % after in rows.get(after, ""),
           "the point after the exit does not say why it is not counted: %r" % rows)
    # The portfolio at the quarter after the exit: nothing off trajectory.
    for _ in range(2):
        wb.menu("View", "Later Quarter")
    wb.wait(lambda: quarter_box.name == after, "the toolbar at %s" % after)
    wb.menu("View", "Portfolio")
    table = wb.find("table", "Case files")
    header = wb.cells(table)[0]
    column, codes = header.index("Needs action"), header.index("Code")
    needs = lambda: {r[codes]: r[column] for r in wb.cells(wb.find("table", "Case files"))[1:]}
    wb.wait(lambda: code in needs(), "%s in the portfolio" % code)
    expect("off trajectory" not in needs()[code], "needs action after the exit: %r" % needs()[code])
    expect(not wb.find_all("alert"), "an error box appeared")


def decision_in_a_programme_quarter(ctx):
    """The quarterly decision of a trust in the programme says that the programme decides its segment (5 until
    the exit) and offers neither Confirm Computed Segment nor Record a Correction; a trust outside it is offered a
    correction to segments 1 to 4 only, 5 being the programme's (item 2). Nor is a diagnostic review offered."""
    code = segmented_case_in_programme(ctx)
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    wb.find("label", re.compile(r"final segment: 5\. In the .*, the programme decides the segment: 5 until its exit"))
    for button in ("Confirm Computed Segment", "Record a Correction..."):
        node = wb.find("push button", button)
        expect(not enabled(node), "%s offered in a programme quarter" % button)
    wb.find("list item", re.compile(r"^Quarterly decision\s+Segment 5: the programme decides"), into_tables=True)
    # Nor a diagnostic review: that is for a final segment 4, which the programme has left behind.
    expect(not wb.exists("push button", "Open a Diagnostic Review..."), "a review offered in the programme")
    expect(query(case, "SELECT count(*) FROM decision WHERE quarter = ?", (latest_quarter(case),))[0][0] == 0,
           "a decision was stored")
    wb.close()
    other = case_in_segment(ctx, 4)
    wb = open_case(ctx, other, "Casework")
    wb.press("Record a Correction...")
    box = wb.dialog("Record a Correction")
    spin = wb.find("spin button", "Corrected segment", root=box)
    value = spin.queryValue()
    expect(value.maximumValue == 4 and value.minimumValue == 1,
           "a correction offers segments %s to %s" % (value.minimumValue, value.maximumValue))
    wb.press("Cancel", root=box)
    wb.gone(box)


def decided_review_read_only(ctx):
    """A review taken to its decision is read-only: the section says so, its fields and the finding and
    evidence buttons are disabled; Edit ▸ Undo of the decision makes them editable again (item 3)."""
    code = case_in_segment(ctx, 4, without="diagnostic_review")
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    open_review_form(wb)
    wb.wait(lambda: query(case, "SELECT status FROM diagnostic_review") == [("scoping",)], "the review at scoping")
    wb.press("Add Finding...")
    wb.answer_form("Add Finding", {"Finding": "Board does not track elective recovery"})  # the first root cause
    wb.wait(lambda: query(case, "SELECT count(*) FROM finding")[0][0] == 1, "the finding")
    for stage in ("Fieldwork", "Reporting"):
        wb.press("Move to %s" % stage)
        wb.wait(lambda: query(case, "SELECT status FROM diagnostic_review") == [(stage.lower(),)], "the review at %s" % stage)
    wb.press("Record the Regional Decision...")
    wb.answer_form("Record the Regional Decision", {"Rationale": "Capability limited"},
                   choices={"Capability conclusion": "Limited confidence",
                            "Recommendation": "Enter the Recovery Support Programme",
                            "Decision": "Enter the Recovery Support Programme"})
    wb.wait(lambda: query(case, "SELECT status FROM diagnostic_review") == [("decided",)], "the decision")
    wb.find("label", re.compile(r"The review is decided: its fields, findings and evidence are read-only"))
    controls = [wb.find("text", "Team"), wb.find("text", "Scope and terms of reference"),
                wb.find("push button", "Add Finding..."), wb.find("push button", "Remove Finding"),
                wb.find("push button", "Add Evidence Item..."), wb.find("push button", "Remove Evidence Item")]
    wb.wait(lambda: not any(enabled(c) for c in controls),
            "the decided review's controls disabled: %r" % [(c.name, enabled(c)) for c in controls])
    wb.screenshot("decided-review")
    wb.menu("Edit", re.compile("^Undo"))
    wb.wait(lambda: query(case, "SELECT status FROM diagnostic_review") == [("reporting",)], "the decision undone")
    wb.wait(lambda: all(enabled(wb.find(role, name)) for role, name in
                        (("text", "Team"), ("push button", "Add Finding..."), ("push button", "Add Evidence Item..."))),
            "the review editable again after the undo")
    expect(not wb.exists("label", re.compile(r"The review is decided")), "still said to be decided")
    expect(not wb.find_all("alert"), "an error box appeared")


def section_items(wb):
    listing = wb.find("list", "Casework sections")
    return wb.find_all("list item", None, root=listing, only_showing=False, into_tables=True)


def navigator_starts_at_an_applicable_section(ctx):
    """The Casework navigator on the review of a trust with one, then another case, an ICB the review does
    not apply to, opened from the portfolio: the navigator's selection is the first section shown, never the
    hidden review (item 4)."""
    trust = None
    for name in sorted(os.listdir(ctx.workspace)):
        if name.endswith(".owcase") and query(os.path.join(ctx.workspace, name), "SELECT count(*) FROM finding")[0][0]:
            trust = name[:-len(".owcase")]
            break
    expect(trust, "no demo trust with a review")
    icb = icb_without_review(ctx)
    wb = open_case(ctx, trust, "Casework")
    review = wb.find("list item", re.compile(r"^Diagnostic review and findings"), into_tables=True)
    wb.do_action(review)
    wb.wait(lambda: review.getState().contains(pyatspi.STATE_SELECTED), "the review chosen in the navigator")
    open_from_portfolio(wb, icb)
    wb.tab("Casework")

    def chosen():
        items = section_items(wb)
        shown = [i for i in items if i.getState().contains(pyatspi.STATE_SHOWING)]
        picked = [i.name for i in items if i.getState().contains(pyatspi.STATE_SELECTED)]
        return shown, picked
    wb.wait(lambda: chosen()[0] and chosen()[1] == [chosen()[0][0].name],
            "the first section shown to be chosen: %r of %r" % (chosen()[1], [i.name for i in chosen()[0]]))
    expect(not any(n.startswith("Diagnostic review") for n in chosen()[1]), "the hidden review is still chosen")


def redo_by_keys(ctx):
    """An edit undone with Ctrl+Z comes back with Ctrl+Shift+Z, and again with Ctrl+Y (item 6)."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    wb = open_case(ctx, code, "Notes")
    before = query(case, "SELECT count(*) FROM note")[0][0]
    wb.set_text("New note", "Agreed the winter plan with the ICB")
    wb.press("Add Note")
    count = lambda: query(case, "SELECT count(*) FROM note")[0][0]
    wb.wait(lambda: count() == before + 1, "the note")
    # From the search field, which has nothing of its own to undo: the keys reach Edit ▸ Undo and Redo.
    wb.find("text", "Search notes").queryComponent().grabFocus()
    wb.key("z", ("Control",))
    wb.wait(lambda: count() == before, "Ctrl+Z to undo the note")
    wb.key("z", ("Control", "Shift"))
    wb.wait(lambda: count() == before + 1, "Ctrl+Shift+Z to redo the note")
    wb.key("z", ("Control",))
    wb.wait(lambda: count() == before, "Ctrl+Z to undo it again")
    wb.key("y", ("Control",))
    wb.wait(lambda: count() == before + 1, "Ctrl+Y to redo the note")


SCENARIOS = [off_trajectory_only_in_the_programme, decision_in_a_programme_quarter, decided_review_read_only,
             navigator_starts_at_an_applicable_section, redo_by_keys]


def finding_metrics_list_has_room(ctx):
    """Add Finding...: the Metrics list shows several rows at once, wide enough for the names, and is ticked
    from the keyboard (Space) (item 5)."""
    code = case_in_segment(ctx, 4, without="diagnostic_review")
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    open_review_form(wb)
    wb.wait(lambda: query(case, "SELECT count(*) FROM diagnostic_review")[0][0] == 1, "the review")
    wb.press("Add Finding...")
    box = wb.dialog("Add Finding")
    metrics = wb.find("list", "Metrics", root=box)
    items = wb.find_all("list item", None, root=metrics, only_showing=False, into_tables=True)
    shown = [i for i in items if i.getState().contains(pyatspi.STATE_SHOWING)]
    expect(len(shown) >= min(len(items), 6), "the metrics list shows %d of %d rows" % (len(shown), len(items)))
    area = metrics.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    widest = max(i.queryComponent().getExtents(pyatspi.DESKTOP_COORDS).width for i in shown)
    expect(area.width >= 360, "the metrics list is %d px wide" % area.width)
    wb.screenshot("add-finding-form")
    # Tab from the finding's text through the domains to the metrics, then Space on the current metric.
    wb.find("text", "Finding", root=box).queryComponent().grabFocus()
    wb.key("Tab")
    wb.key("Tab")
    wb.key(" ")
    wb.wait(lambda: any(i.getState().contains(pyatspi.STATE_CHECKED)
                        for i in wb.find_all("list item", None, root=metrics, only_showing=False, into_tables=True)),
            "Space to tick the current metric")
    expect(widest > 0, "no metric row measured")
    wb.answer_form("Add Finding", {"Finding": "Elective recovery off plan"})
    wb.wait(lambda: query(case, "SELECT metrics FROM finding") and query(case, "SELECT metrics FROM finding")[0][0],
            "the ticked metric stored")


SCENARIOS += [finding_metrics_list_has_room]

