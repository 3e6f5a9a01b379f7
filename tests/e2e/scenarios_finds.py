"""The independent tester's third round on casework (issue 13): what a form
refuses stays with its field and its case, the rules of the forms hold for one
field edited at a time, and buttons offer only what there is to act on."""

import os
import re

import pyatspi

from owbe2e import StepFailed, expect, query, text_of
from scenarios_casework import add_a_finding, latest_quarter, open_review_form
from scenarios_dates import type_and_commit
from scenarios_items import open_from_portfolio


def cases_in_segment(ctx, segment, without):
    """The codes of the demo trusts whose latest computed segment is `segment`, with no row in table
    `without` and not in the programme."""
    codes = []
    for name in sorted(os.listdir(ctx.workspace)):
        if not name.endswith(".owcase"):
            continue
        path = os.path.join(ctx.workspace, name)
        rows = query(path, "SELECT segment FROM assessment WHERE quarter = ?", (latest_quarter(path),))
        if rows and rows[0][0] == segment and not query(path, "SELECT count(*) FROM %s" % without)[0][0] \
                and not query(path, "SELECT count(*) FROM programme")[0][0]:
            codes.append(name[:-len(".owcase")])
    if len(codes) < 2:
        raise StepFailed("fewer than two demo cases in segment %d without a %s" % (segment, without))
    return codes


NOT_A_DATE = re.compile(r'^"31/02/2027" is not a date')
TEAM_NEEDED = re.compile(r"team is needed: it cannot be left empty\. Nothing was saved\.")


def review_form_problems_stay_with_field(ctx):
    """Casework ▸ the review's own fields: a date that is not one stays as typed with its message while
    other fields are saved; an emptied Team is refused (it is required, as when the review is opened);
    each message goes once its field is right, and none carries over to another case (items 1, 5)."""
    first, second = cases_in_segment(ctx, 4, "diagnostic_review")[:2]
    case = ctx.case(first)
    wb = ctx.start()
    wb.find("table", "Case files", timeout=30)
    open_from_portfolio(wb, first)
    wb.tab("Casework")
    open_review_form(wb)
    wb.wait(lambda: query(case, "SELECT count(*) FROM diagnostic_review")[0][0] == 1, "the review in the case file")
    stored = lambda column: query(case, "SELECT %s FROM diagnostic_review" % column)[0][0]
    due = wb.find("text", "Due date")
    team = wb.find("text", "Team")
    type_and_commit(wb, due, "31/02/2027")
    wb.find("label", NOT_A_DATE)
    # Team emptied: refused beside the form, the case file keeps the team.
    type_and_commit(wb, team, "")
    wb.find("label", TEAM_NEEDED)
    wb.screenshot("review-team-and-date-refused")
    expect(stored("team") == "Regional diagnostic team", "an empty team was stored: %r" % stored("team"))
    # Another field saved: the refused date stays as typed, its message with it; the team's goes.
    type_and_commit(wb, team, "Regional diagnostic team B")
    wb.wait(lambda: stored("team") == "Regional diagnostic team B", "the new team in the case file")
    wb.wait(lambda: not wb.exists("label", TEAM_NEEDED), "the team's message to go once the team is right")
    expect(text_of(due) == "31/02/2027", "the date typed was lost after another field was saved: %r" % text_of(due))
    expect(wb.exists("label", NOT_A_DATE), "the date's message went while the date is still wrong")
    expect(stored("due_date") == "2027-03-31", "a bad date changed the case file: %r" % stored("due_date"))
    # Another case: nothing typed into the first, nor its message, shows there.
    open_from_portfolio(wb, second)
    wb.tab("Casework")
    open_review_form(wb)
    wb.wait(lambda: query(ctx.case(second), "SELECT count(*) FROM diagnostic_review")[0][0] == 1,
            "the second case's review in its case file")
    wb.wait(lambda: text_of(wb.find("text", "Due date")) == "31/03/2027", "the second case's own due date")
    expect(not wb.exists("label", NOT_A_DATE), "the first case's date message shows under the second case's review")
    wb.screenshot("second-case-clean")
    # Back to the first: its stored date, no message; a right date clears one at once.
    open_from_portfolio(wb, first)
    wb.tab("Casework")
    due = wb.find("text", "Due date")
    wb.wait(lambda: text_of(due) == "31/03/2027", "the first case's stored due date shown again (%r)" % text_of(due))
    expect(not wb.exists("label", NOT_A_DATE), "the date message came back with the case")
    type_and_commit(wb, due, "31/02/2027")
    wb.find("label", NOT_A_DATE)
    type_and_commit(wb, due, "30/04/2027")
    wb.wait(lambda: stored("due_date") == "2027-04-30", "the corrected date stored")
    wb.wait(lambda: not wb.exists("label", NOT_A_DATE), "the date's message to go once the date is right")
    expect(not wb.find_all("alert"), "an error box appeared")


def enabled(node):
    return node.getState().contains(pyatspi.STATE_ENABLED)


def nothing_to_act_on(ctx):
    """Buttons offer only what there is to act on, and empty tables say what is missing (items 11, 12):
    Capability's Remove and Save Attachment As... with no evidence; Confirm Computed Segment once
    confirmed; a finding without evidence says so instead of a blank table; the System tab's
    statutory assessment says it has no notes, Remove Note disabled; Move to Reporting with no
    finding is disabled, the page saying why."""
    code = next(c for c in cases_in_segment(ctx, 4, "diagnostic_review")
                if not query(ctx.case(c), "SELECT count(*) FROM capability_evidence")[0][0])
    case = ctx.case(code)
    wb = ctx.start()
    wb.find("table", "Case files", timeout=30)
    open_from_portfolio(wb, code)
    wb.tab("Capability")
    for name in ("Remove", "Save Attachment As..."):
        expect(not enabled(wb.find("push button", name)), "%s is enabled with no evidence" % name)
    wb.tab("Casework")
    confirm = wb.press("Confirm Computed Segment")
    wb.wait(lambda: query(case, "SELECT count(*) FROM decision")[0][0] == 1, "the confirmation in the case file")
    wb.wait(lambda: not enabled(confirm), "Confirm Computed Segment to be disabled once confirmed")
    open_review_form(wb)
    wb.wait(lambda: query(case, "SELECT count(*) FROM diagnostic_review")[0][0] == 1, "the review in the case file")
    wb.press("Move to Fieldwork")
    wb.wait(lambda: query(case, "SELECT status FROM diagnostic_review") == [("fieldwork",)], "the review at fieldwork")
    # Disabled while there is no finding, the page saying why (the tester's fifth round, item 6).
    move = wb.find("push button", "Move to Reporting")
    wb.wait(lambda: not enabled(move), "Move to Reporting disabled with no finding")
    wb.find("label", re.compile(r"The review has no findings yet, so there is nothing to report"))
    expect(query(case, "SELECT status FROM diagnostic_review") == [("fieldwork",)], "moved to Reporting with no finding")
    add_a_finding(wb, case)
    wb.find("label", re.compile(r"^No evidence for the selected finding yet\."))
    expect(not wb.exists("table", "Evidence for the selected finding"), "a blank evidence table is shown")
    wb.screenshot("finding-without-evidence")
    wb.press("Move to Reporting")
    wb.wait(lambda: query(case, "SELECT status FROM diagnostic_review") == [("reporting",)], "the review at reporting")

    icb = next(name[:-len(".owcase")] for name in sorted(os.listdir(ctx.workspace)) if name.endswith(".owcase")
               and query(os.path.join(ctx.workspace, name), "SELECT peer_type FROM organisation")[0][0] == "icb"
               and not query(os.path.join(ctx.workspace, name), "SELECT count(*) FROM statutory_assessment")[0][0])
    open_from_portfolio(wb, icb)
    wb.tab("System")
    wb.find("label", re.compile(r"^No statutory assessment notes for this year yet\."))
    expect(not wb.exists("table", "Statutory annual assessment notes"), "a blank statutory assessment table is shown")
    expect(not enabled(wb.find("push button", "Remove Note")), "Remove Note is enabled with no note")
    wb.screenshot("system-without-notes")


SCENARIOS = [review_form_problems_stay_with_field, nothing_to_act_on]
