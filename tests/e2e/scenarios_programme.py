"""What issue 13's second independent tester found in the casework: the
programme's exit form starts from what is recorded (the transition plan written
at entry was replaced by an empty field), and buttons are enabled only with
something to act on (an empty findings table was a blank box beside Remove
Finding and Add Evidence Item..., which failed when pressed)."""

import os
import re

from owbe2e import expect, query, text_of, StepFailed
from scenarios_actions import enabled
from scenarios_casework import case_in_segment, open_case, open_review_form


def case_with_plan(ctx):
    """A demo case in the programme, not yet left, whose transition plan is written."""
    for name in sorted(os.listdir(ctx.workspace)):
        if name.endswith(".owcase"):
            rows = query(os.path.join(ctx.workspace, name),
                         "SELECT transition_plan FROM programme WHERE exit_quarter = '' AND transition_plan <> ''")
            if rows:
                return name[:-len(".owcase")], rows[0][0]
    raise StepFailed("no demo case in the programme with a transition plan")


def exit_form_keeps_the_plan(ctx):
    """Record Exit... on a case whose transition plan is written: the form's plan field holds that plan (not an
    empty field that would replace it); Cancel stores nothing."""
    code, plan = case_with_plan(ctx)
    case = ctx.case(code)
    before = query(case, "SELECT * FROM programme")
    wb = open_case(ctx, code, "Casework")
    wb.press("Record Exit...")
    box = wb.dialog()
    if box.name == "Exit Criteria Not Met":
        wb.press("Record Exit Anyway", root=box)
        wb.gone(box)
        box = wb.dialog("Record Exit")
    field = wb.find("text", "Exit and transition plan", root=box)
    expect(text_of(field) == plan, "the exit form's plan: %r, stored %r" % (text_of(field), plan))
    wb.press("Cancel", root=box)
    wb.gone(box)
    expect(query(case, "SELECT * FROM programme") == before, "Cancel changed the programme")


def review_actions_only_with_something_to_act_on(ctx):
    """A review just opened has no findings: the Findings box says what to do next (no blank table); Remove
    Finding, Add Evidence Item... and Remove Evidence Item are disabled; after Add Finding... the finding is
    listed and Add Evidence Item... and Remove Finding are enabled, Remove Evidence Item still not."""
    code = case_in_segment(ctx, 4, without="diagnostic_review")
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    open_review_form(wb)
    wb.wait(lambda: query(case, "SELECT count(*) FROM diagnostic_review")[0][0] == 1, "the review")
    wb.find("label", re.compile(r"^No findings yet\."))
    expect(not wb.find_all("table", "Findings"), "an empty findings table is shown")
    for name in ("Remove Finding", "Add Evidence Item...", "Remove Evidence Item"):
        expect(not enabled(wb.find("push button", name)), "%s is enabled with no finding" % name)
    expect(enabled(wb.find("push button", "Add Finding...")), "Add Finding... is disabled")
    wb.press("Add Finding...")
    wb.answer_form("Add Finding", {"Finding": "Theatre lists cancelled at short notice"})
    wb.wait(lambda: query(case, "SELECT count(*) FROM finding")[0][0] == 1, "the finding")
    wb.find("table", "Findings")
    wb.wait(lambda: enabled(wb.find("push button", "Add Evidence Item...")), "Add Evidence Item... enabled")
    expect(enabled(wb.find("push button", "Remove Finding")), "Remove Finding is disabled with a finding")
    expect(not enabled(wb.find("push button", "Remove Evidence Item")), "Remove Evidence Item is enabled with no evidence")
    expect(not wb.find_all("alert"), "an error box appeared")


def form_with_problems_stays_on_screen(ctx):
    """Add Finding... answered OK with nothing typed: the problems are said beside their fields and the grown
    form, OK and Cancel included, stays inside the 800-pixel screen (before: OK at y=809)."""
    import pyatspi
    code = case_in_segment(ctx, 4, without="diagnostic_review")
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    open_review_form(wb)
    wb.wait(lambda: query(case, "SELECT count(*) FROM diagnostic_review")[0][0] == 1, "the review")
    wb.press("Add Finding...")
    box = wb.answer_form("Add Finding", {}, closes=False)
    wb.find("label", re.compile(r"is needed"), root=box)
    wb.screenshot("add-finding-problems")
    for name in ("OK", "Cancel"):
        button = wb.find("push button", name, root=box).queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        expect(button.y >= 0 and button.y + button.height <= 800, "%s is at y=%d, off the screen" % (name, button.y))
    frame = box.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    expect(frame.y >= 0 and frame.y + frame.height <= 800, "the form spans y=%d to %d" % (frame.y, frame.y + frame.height))
    wb.press("Cancel", root=box)
    wb.gone(box)
    expect(query(case, "SELECT count(*) FROM finding")[0][0] == 0, "Cancel stored a finding")


SCENARIOS = [exit_form_keeps_the_plan, review_actions_only_with_something_to_act_on, form_with_problems_stays_on_screen]
