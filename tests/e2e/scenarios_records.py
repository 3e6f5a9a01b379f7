"""Issue 13: the System tab's assessment note as one titled form (before: two untitled input boxes,
an empty note silently dropped), and Mark Milestone Done offered only for a milestone not yet done."""

import datetime
import re

import pyatspi

from owbe2e import expect, query, text_of
from scenarios_casework import latest_quarter, open_case
from scenarios_items import case_of_type

NOTE_FORM = ("Assessed on", "Assessor", "Area assessed", "Note", "Conclusion")


def enabled(node):
    return node.getState().contains(pyatspi.STATE_ENABLED)


def assessment_note_form(ctx):
    """System tab ▸ Add Assessment Note...: one titled form with every field of the note (assessed on,
    assessor, area, note, conclusion); a date that is not one and a missing note are said beside their
    fields at once, the form staying with what was typed and nothing stored; put right, the note is
    stored for the quarter's financial year as typed and shown in the notes table."""
    code = case_of_type(ctx, "icb", in_programme=False)
    case = ctx.case(code)
    year = latest_quarter(case).split()[0]
    before = query(case, "SELECT id FROM statutory_assessment ORDER BY id")
    wb = open_case(ctx, code, "System")
    wb.press("Add Assessment Note...")
    box = wb.dialog("Add Assessment Note")
    for name in NOTE_FORM:
        wb.find("text", name, root=box)
    expect(text_of(wb.find("text", "Assessor", root=box)).strip() != "", "the assessor does not default to the user")
    expect(re.match(r"^\d\d/\d\d/\d{4}$", text_of(wb.find("text", "Assessed on", root=box))),
           "the date does not default to today: %r" % text_of(wb.find("text", "Assessed on", root=box)))

    wb.answer_form("Add Assessment Note", {"Assessed on": "31/13/2027", "Area assessed": "Finance"}, closes=False)
    wb.find("label", re.compile(r'^"31/13/2027" is not a date: type it as dd/mm/yyyy'), root=box)
    wb.find("label", re.compile(r"^Note is needed"), root=box)
    wb.screenshot("assessment-note-refused")
    expect(text_of(wb.find("text", "Assessed on", root=box)) == "31/13/2027", "the bad date was not kept as typed")
    expect(text_of(wb.find("text", "Area assessed", root=box)) == "Finance", "the area typed was lost")
    expect(query(case, "SELECT id FROM statutory_assessment ORDER BY id") == before, "a refused note was stored")

    # A day of the note's year, not after today (the year's last day, or today).
    year_end = datetime.date(int(year[:4]) + 1, 3, 31)
    on = min(year_end, datetime.date.today())
    wb.answer_form("Add Assessment Note", {"Assessed on": on.strftime("%d/%m/%Y"), "Note": "System plan balanced at month 9.",
                                           "Conclusion": "On track; review at year end."})
    wb.wait(lambda: len(query(case, "SELECT id FROM statutory_assessment")) == len(before) + 1, "the note stored")
    row = query(case, "SELECT year, assessed_on, assessor <> '', area, summary, conclusion FROM statutory_assessment "
                      "ORDER BY id DESC LIMIT 1")[0]
    expect(row == (year, on.isoformat(), 1, "Finance", "System plan balanced at month 9.", "On track; review at year end."),
           "stored note %r" % (row,))
    table = wb.find("table", "Statutory annual assessment notes")
    wb.wait(lambda: any(r[0] == on.strftime("%d/%m/%Y") and r[2] == "Finance" and r[3] == "System plan balanced at month 9."
                        and r[4] == "On track; review at year end." for r in wb.cells(table)[1:]),
            "the note in the notes table")
    expect(not wb.find_all("alert"), "an error box appeared")


def mark_done_only_when_not_done(ctx):
    """Mark Milestone Done is enabled for a milestone not done and disabled for one already done: after
    marking it done, and for it again after undo (updateDoneButton)."""
    code = case_of_type(ctx, "acute", in_programme=True)
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    rows = query(case, "SELECT id, status FROM milestone ORDER BY id")
    open_rows = [i for i, r in enumerate(rows) if r[1] != "done"]
    expect(open_rows, "the demo case has no open milestone")
    row = open_rows[0]
    table = wb.find("table", "Recovery plan milestones")
    button = wb.find("push button", "Mark Milestone Done")
    for i, (_, status) in enumerate(rows):  # the demo's own milestones, each as it is
        wb.select_row(table, i)
        wb.wait(lambda: enabled(button) == (status != "done"),
                "Mark Milestone Done %s for milestone %d (%s)" % ("enabled" if status != "done" else "disabled", i, status))
    wb.select_row(table, row)
    wb.wait(lambda: enabled(button), "Mark Milestone Done enabled for an open milestone")
    wb.press("Mark Milestone Done")
    wb.wait(lambda: query(case, "SELECT status FROM milestone WHERE id = ?", (rows[row][0],))[0][0] == "done",
            "the milestone done in the case file")
    table = wb.find("table", "Recovery plan milestones")
    wb.wait(lambda: wb.cells(table)[row + 1][3] == "Done", "the row shown as Done")
    wb.select_row(table, row)
    wb.wait(lambda: not enabled(button), "Mark Milestone Done disabled for the milestone now done")
    wb.screenshot("mark-done-disabled")
    wb.menu("Edit", re.compile("^Undo"))
    wb.wait(lambda: query(case, "SELECT status FROM milestone WHERE id = ?", (rows[row][0],))[0][0] == rows[row][1],
            "undo to reopen the milestone")
    table = wb.find("table", "Recovery plan milestones")
    wb.select_row(table, row)
    wb.wait(lambda: enabled(button), "Mark Milestone Done enabled again once the milestone is open")


SCENARIOS = [assessment_note_form, mark_done_only_when_not_done]
