"""The independent tester's finds on casework (issue 13): a planned value typed into the trajectory
table's cell is checked as the form checks it, a long filter text leaves the window its size, and the
programme's entry date is checked and saved when left with Tab."""

import os
import re
import time

import pyatspi

from owbe2e import expect, query, text_of
from scenarios_casework import open_case


def case_with_trajectory(ctx):
    """The code of the demo case in the programme with trajectory points (ZHQ, an ICB planning a
    percentage), chosen from the demo as it starts, the same on either back end."""
    for name in sorted(os.listdir(ctx.workspace)):
        if name.endswith(".owcase") and query(os.path.join(ctx.workspace, name),
                                              "SELECT count(*) FROM trajectory_point")[0][0] > 0:
            return name[:-len(".owcase")]
    raise AssertionError("no demo case with a trajectory")


def type_into_cell(wb, cell, text):
    """Types `text` into a table cell as a user does: a click on it, F2 to edit, everything in the
    editor replaced, Return."""
    box = cell.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    window = wb.window.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    expect(box.width > 0 and box.height > 0 and window.y < box.y + box.height // 2 < window.y + window.height,
           "the cell %r is not on the screen (%r)" % (text_of(cell), (box.x, box.y, box.width, box.height)))
    pyatspi.Registry.generateMouseEvent(box.x + box.width // 2, box.y + box.height // 2, pyatspi.MOUSE_B1C)
    time.sleep(0.3)
    wb.key("F2")
    wb.key("a", ("Control",))
    for ch in text:
        wb.key(ch)
    wb.key("Return")


def planned_cell_checked_as_the_form(ctx):
    """Improvement trajectory: "abc" and then -500 typed into a point's Planned cell (a percentage
    from 0 to 100): each refused under the table in words, nothing stored (read back from the case), as Add
    Trajectory Point... refuses them."""
    code = case_with_trajectory(ctx)
    case = ctx.case(code)
    before = query(case, "SELECT id, metric_id, quarter, planned FROM trajectory_point ORDER BY id")
    wb = open_case(ctx, code, "Casework")
    # The last section, Milestones, brought into view: the page scrolled to its end shows the
    # trajectory table above it.
    wb.do_action(wb.find("list item", re.compile(r"^Milestones"), into_tables=True))
    table = wb.find("table", "Improvement trajectory")
    planned = lambda: table.queryTable().getAccessibleAt(0, 2)
    type_into_cell(wb, planned(), "abc")
    wb.find("label", re.compile(r'^"abc" is not a number: type the planned value as a number, such as 62\.5\. '
                                r'Nothing was saved\.$'))
    wb.screenshot("abc-refused")
    expect(query(case, "SELECT id, metric_id, quarter, planned FROM trajectory_point ORDER BY id") == before,
           "the trajectory changed after \"abc\"")
    type_into_cell(wb, planned(), "-500")
    wb.find("label", re.compile(r"\(%\): -500 is outside that range\. Nothing was saved\.$"))
    wb.screenshot("minus-500-refused")
    expect(query(case, "SELECT id, metric_id, quarter, planned FROM trajectory_point ORDER BY id") == before,
           "the trajectory changed after -500")


def two_refused_cells_both_explained(ctx):
    """Improvement trajectory: "abc" in one point's Planned cell, then -500 in another's: both stay
    in their cells and both are explained under the table, each named by its row; nothing stored,
    and the chart still draws every stored planned value."""
    code = case_with_trajectory(ctx)
    case = ctx.case(code)
    before = query(case, "SELECT id, metric_id, quarter, planned FROM trajectory_point ORDER BY id")
    expect(len(before) >= 2, "the demo case has %d trajectory points, two are needed" % len(before))
    wb = open_case(ctx, code, "Casework")
    wb.do_action(wb.find("list item", re.compile(r"^Milestones"), into_tables=True))
    table = wb.find("table", "Improvement trajectory")
    type_into_cell(wb, table.queryTable().getAccessibleAt(0, 2), "abc")
    type_into_cell(wb, table.queryTable().getAccessibleAt(1, 2), "-500")
    wb.find("label", re.compile(r'Row 1, Planned: "abc" is not a number.*\nRow 2, Planned: .*-500 is outside that range',
                                re.S))
    wb.screenshot("two-refused")
    expect(query(case, "SELECT id, metric_id, quarter, planned FROM trajectory_point ORDER BY id") == before,
           "the trajectory changed")


def long_filter_keeps_the_window(ctx):
    """Portfolio filter with 5,000 "Ω" and no space: the message quotes its first 40 characters and
    "…", the window keeps its width; cleared, still the same width."""
    wb = ctx.start()
    wb.find("table", re.compile(r"Portfolio|Case files"))
    width = lambda: wb.window.queryComponent().getExtents(pyatspi.DESKTOP_COORDS).width
    before = width()
    wb.set_text("Filter case files", "\u03a9" * 5000)
    message = wb.find("label", re.compile(r"^No organisation matches "))
    expect(("\u03a9" * 40 + "\u2026") in message.name and ("\u03a9" * 41) not in message.name,
           "the message quotes %d characters" % message.name.count("\u03a9"))
    wb.screenshot("filter-5000")
    expect(width() == before, "the window went from %d to %d pixels wide" % (before, width()))
    wb.set_text("Filter case files", "")
    wb.wait(lambda: not wb.exists("label", re.compile(r"^No organisation matches ")), "the message gone")
    expect(width() == before, "the window is %d pixels wide after clearing, %d before" % (width(), before))


def case_in_programme(ctx):
    """The code of a demo case with a programme entry (the first by code)."""
    for name in sorted(os.listdir(ctx.workspace)):
        if name.endswith(".owcase") and query(os.path.join(ctx.workspace, name),
                                              "SELECT count(*) FROM programme")[0][0] > 0:
            return name[:-len(".owcase")]
    raise AssertionError("no demo case in the programme")


def entry_date_checked_on_tab(ctx):
    """Recovery Support Programme ▸ Entry date: a date outside the entry quarter typed and left with
    Tab is refused beside the form (the typed text kept, nothing stored); another date, left with Tab,
    replaces the message; a date in the quarter, left with Tab, is stored and the message goes."""
    code = case_in_programme(ctx)
    case = ctx.case(code)
    stored = lambda: query(case, "SELECT entry_date FROM programme ORDER BY id")[-1][0]
    quarter = query(case, "SELECT entry_quarter FROM programme ORDER BY id")[-1][0]
    before = stored()
    year = int(quarter[:4])
    wb = open_case(ctx, code, "Casework")
    wb.do_action(wb.find("list item", re.compile(r"^Recovery Support Programme"), into_tables=True))
    field = wb.find("text", "Entry date")

    def leave_with_tab(text):
        field.queryComponent().grabFocus()
        wb.wait(lambda: field.getState().contains(pyatspi.STATE_FOCUSED), "the entry date to have the focus")
        wb.type_into(field, text)
        wb.key("Tab")

    leave_with_tab("15/03/%d" % year)
    wb.find("label", re.compile(r"^The entry date 15/03/%d is not in the entry quarter .*Nothing was saved\.$" % year))
    expect(text_of(field) == "15/03/%d" % year, "the typed date was not kept: %r" % text_of(field))
    expect(stored() == before, "the entry date changed to %r" % stored())
    wb.screenshot("entry-refused-on-tab")
    leave_with_tab("01/10/%d" % year)
    wb.find("label", re.compile(r"^The entry date 01/10/%d is not in the entry quarter " % year))
    expect(not wb.exists("label", re.compile(r"^The entry date 15/03/%d " % year)), "the stale message stayed")
    leave_with_tab("15/05/%d" % year)
    wb.wait(lambda: stored() == "%d-05-15" % year, "the entry date stored on Tab")
    wb.wait(lambda: not wb.exists("label", re.compile(r"^The entry date ")), "the message gone")
    wb.screenshot("entry-saved-on-tab")


def case_with_open_milestone(ctx):
    """The code of the first demo case (by code) with a milestone not done yet."""
    for name in sorted(os.listdir(ctx.workspace)):
        if name.endswith(".owcase") and query(os.path.join(ctx.workspace, name),
                                              "SELECT count(*) FROM milestone WHERE status <> 'done'")[0][0] > 0:
            return name[:-len(".owcase")]
    raise AssertionError("no demo case with an open milestone")


def milestone_done_in_its_cell(ctx):
    """Recovery plan milestones ▸ a milestone's Status cell (F2, as a user edits a cell): the status
    is required, so the editor's first choice is the first status, not "(not set)" (Home, Return:
    nothing refused, nothing stored); Done chosen with the keyboard (End, Return): the status and the
    day it was done stored in one write (one entry in the case's audit trail, read back from the
    case); Edit ▸ Undo once puts both back. The editor filling the cell is looked at in the
    screenshot (the editor is not reached through the table on the accessibility bus; its width is
    checked in tst_casepages)."""
    code = case_with_open_milestone(ctx)
    case = ctx.case(code)
    milestone, description = query(case, "SELECT id, description FROM milestone WHERE status <> 'done' ORDER BY id")[0]
    stored = lambda: query(case, "SELECT status, done_date FROM milestone WHERE id = ?", (milestone,))[0]
    entries = lambda: query(case, "SELECT count(*) FROM audit_log WHERE table_name = 'milestone' AND row_key = ?",
                            (str(milestone),))[0][0]
    before, entries_before = stored(), entries()
    wb = open_case(ctx, code, "Casework")
    wb.do_action(wb.find("list item", re.compile(r"^Milestones"), into_tables=True))
    table = wb.find("table", "Recovery plan milestones")
    row = [r[0] for r in wb.cells(table)[1:]].index(description)
    status_column = wb.cells(table)[0].index("Status")

    def edit_status(*keys):
        cell = table.queryTable().getAccessibleAt(row, status_column)
        box = cell.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        pyatspi.Registry.generateMouseEvent(box.x + box.width // 2, box.y + box.height // 2, pyatspi.MOUSE_B1C)
        time.sleep(0.3)
        wb.key("F2")
        for key in keys:
            wb.key(key)

    # The first choice: a status, never "(not set)" (which the session would refuse as empty).
    edit_status("Home")
    wb.screenshot("status-editor-open")
    wb.key("Return")
    time.sleep(1)
    expect(not wb.exists("label", re.compile(r"status is needed")), "the editor offered an empty status")
    expect(stored() == before and entries() == entries_before, "the first choice changed the milestone: %r" % (stored(),))
    # Done, the last status in the demo's methodology.
    edit_status("End", "Return")
    today = time.strftime("%Y-%m-%d")
    wb.wait(lambda: stored() == ("done", today), "the status and the day it was done stored")
    expect(entries() == entries_before + 1, "%d audit entries for one change" % (entries() - entries_before))
    wb.screenshot("status-done")
    wb.menu("Edit", re.compile("^Undo"))
    wb.wait(lambda: stored() == before, "both fields put back by one undo")


SCENARIOS = [planned_cell_checked_as_the_form, two_refused_cells_both_explained, long_filter_keeps_the_window, entry_date_checked_on_tab,
             milestone_done_in_its_cell]
