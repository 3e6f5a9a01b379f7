"""Issue 13 (the independent tester's report), items 7, 15 and 17: the diagnostic review's
opening form, the regional decision only once the review has its stages, conclusion and
recommendation, and record forms that say every problem at once and drop a message once
its field is put right."""

import re

from owbe2e import StepFailed, _safe, expect, query, text_of
from scenarios_casework import REVIEW_FORM, add_a_finding, case_in_segment, open_case


def message_showing(wb, box, pattern):
    return wb.exists("label", re.compile(pattern), root=box)


def open_review_asks_every_field(ctx):
    """Open a Diagnostic Review... opens one titled form (why, team, scope, start and due dates);
    OK with it empty names every missing field at once and stores nothing; filled, all is stored
    (item 7, before: the review was created at once with an empty team, scope and due date)."""
    code = case_in_segment(ctx, 4, without="diagnostic_review")
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    wb.press("Open a Diagnostic Review...")
    box = wb.answer_form("Open a Diagnostic Review", {}, closes=False)
    for needed in ("Why the review is opened is needed", "Team is needed", "Scope and terms of reference is needed",
                   "A date is needed"):
        wb.find("label", re.compile("^" + re.escape(needed)), root=box)
    expect(query(case, "SELECT count(*) FROM diagnostic_review")[0][0] == 0, "a review was stored from an empty form")
    wb.answer_form("Open a Diagnostic Review", REVIEW_FORM)
    wb.wait(lambda: query(case, "SELECT count(*) FROM diagnostic_review")[0][0] == 1, "the review", timeout=10)
    row = query(case, "SELECT opened_reason, team, scope, due_date, status, start_date <> '' FROM diagnostic_review")[0]
    expect(row == (REVIEW_FORM["Why the review is opened"], REVIEW_FORM["Team"],
                   REVIEW_FORM["Scope and terms of reference"], "2027-03-31", "scoping", 1), "stored review %r" % (row,))
    wb.find("label", re.compile(r"^Opened in .*\(Sustained segment 4\)"))
    expect(not wb.find_all("alert"), "an error box appeared")


def decision_needs_stages_conclusion_recommendation(ctx):
    """The regional decision is offered only at Reporting (not at Scoping or Fieldwork), and its form
    refuses, beside each field and all at once, a missing capability conclusion, recommendation and
    rationale; completed, the decision is stored with the conclusion and recommendation (item 17)."""
    code = case_in_segment(ctx, 4, without="diagnostic_review")
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    wb.press("Open a Diagnostic Review...")
    wb.answer_form("Open a Diagnostic Review", REVIEW_FORM)
    wb.wait(lambda: query(case, "SELECT status FROM diagnostic_review") == [("scoping",)], "the review at scoping")
    add_a_finding(wb, case)  # Reporting reports what the review found
    for stage in ("Fieldwork", "Reporting"):
        expect(not wb.exists("push button", "Record the Regional Decision..."),
               "the decision is offered before Reporting")
        wb.press("Move to %s" % stage)
        wb.wait(lambda: query(case, "SELECT status FROM diagnostic_review") == [(stage.lower(),)], "the review at %s" % stage)
    wb.press("Record the Regional Decision...")
    box = wb.answer_form("Record the Regional Decision", {}, closes=False)
    wb.find("label", re.compile("^The review's capability conclusion is needed"), root=box)
    wb.find("label", re.compile("^The review's recommendation is needed"), root=box)
    wb.find("label", re.compile("^Rationale is needed"), root=box)
    # The decision, the most consequential choice, starts unset and is refused in place until chosen.
    wb.find("label", re.compile("^Decision is needed"), root=box)
    expect(query(case, "SELECT status, decision FROM diagnostic_review") == [("reporting", "")]
           or query(case, "SELECT status, decision FROM diagnostic_review") == [("reporting", None)],
           "a decision was stored: %r" % query(case, "SELECT status, decision FROM diagnostic_review"))
    wb.answer_form("Record the Regional Decision", {"Rationale": "Capability limited; the board agrees"},
                   choices={"Capability conclusion": "Limited confidence",
                            "Recommendation": "Stay in segment 4 with regional support",
                            "Decision": "Stay in segment 4 with regional support"})
    wb.wait(lambda: query(case, "SELECT status, capability_conclusion, recommendation FROM diagnostic_review")
            == [("decided", "limited", "regional-support")], "the decision with its conclusion and recommendation")
    wb.find("label", re.compile(r"Stage 4 of 4: Decided\."))
    expect(not wb.find_all("alert"), "an error box appeared")


def correction_shows_every_problem(ctx):
    """Record a Correction... with the computed segment and no reason: both problems are said at
    once; typing the reason drops its message at once, choosing another segment drops the other,
    before OK is pressed again (item 15, before: one message at a time, the fixed one kept)."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    wb.press("Record a Correction...")
    box = wb.answer_form("Record a Correction", {}, closes=False)  # the computed segment, 4, and no reason
    wb.find("label", re.compile("^Why is needed"), root=box)
    wb.find("label", re.compile("^That is the computed segment"), root=box)
    wb.type_into(wb.find("text", "Why", root=box), "Data error corrected by the trust")
    wb.wait(lambda: not message_showing(wb, box, "^Why is needed"), "the reason's message to go once it is typed")
    expect(message_showing(wb, box, "^That is the computed segment"), "the segment's message went while still wrong")
    wb.find("spin button", "Corrected segment", root=box).queryValue().currentValue = 3
    wb.wait(lambda: not message_showing(wb, box, "^That is the computed segment"),
            "the segment's message to go once another is chosen")
    expect(query(case, "SELECT count(*) FROM decision")[0][0] == 0, "a decision was stored")
    wb.press("OK", root=box)
    wb.gone(box)
    wb.wait(lambda: query(case, "SELECT kind, decided_segment FROM decision") == [("correction", 3)], "the correction")


SCENARIOS = [open_review_asks_every_field, decision_needs_stages_conclusion_recommendation,
             correction_shows_every_problem]


def escape_in(wb, field):
    """Escape pressed in a form's field until the question shows (a question just closed gives the
    form its keyboard focus back a moment later: a key pressed before then reaches nothing)."""
    from gi.repository import Atspi
    for _ in range(5):
        # A click in the field first, as a user would: with no window manager the keyboard may stay
        # with the question's closed window.
        box = field.queryComponent().getExtents(0)  # screen coordinates
        Atspi.generate_mouse_event(box.x + box.width // 2, box.y + box.height // 2, "b1c")
        _safe(lambda: field.queryComponent().grabFocus())
        wb.key("Escape")
        try:
            return wb.dialog("Discard Changes", timeout=2)
        except StepFailed:
            continue
    raise StepFailed("Escape in the form asked nothing")


def escape_asks_before_discarding(ctx):
    """Escape on a record form with something typed asks (Discard Changes): Keep Editing keeps every
    character, Discard closes it and stores nothing (issue 13's leftover: Escape threw the typing away)."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    before = query(case, "SELECT count(*) FROM milestone")[0][0]
    wb.press("Add Milestone...")
    box = wb.dialog("Add Milestone")
    field = wb.find("text", "Milestone", root=box)
    wb.type_into(field, "Board signs off the plan")
    ask = escape_in(wb, field)
    expect("Discard what you typed" in wb.alert_text(ask), "the question: %r" % wb.alert_text(ask))
    wb.press("Keep Editing", root=ask)
    wb.gone(ask)
    expect(text_of(field) == "Board signs off the plan", "the typing kept: %r" % text_of(field))
    wb.press("Discard", root=escape_in(wb, field))
    wb.gone(box)
    expect(query(case, "SELECT count(*) FROM milestone")[0][0] == before, "a milestone was stored")
    expect(not wb.find_all("alert"), "an error box appeared")
SCENARIOS.append(escape_asks_before_discarding)
