"""The programme's exit form starts from what is recorded (issue 13's
independent tester: the transition plan written at entry was replaced by an
empty field)."""

import os

from owbe2e import expect, query, text_of, StepFailed
from scenarios_casework import open_case


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


SCENARIOS = [exit_form_keeps_the_plan]
