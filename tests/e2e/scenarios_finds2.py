"""The independent tester's fifth round on casework (issue 13): a form keeps what was typed when a
text is too long or a date out of range, decisions rest on the methodology's values and on dates
that have happened, a trajectory stops counting at the exit, values outside the lists are marked,
and what cannot be done is said before it is tried."""

import datetime
import os
import re
import sqlite3

import pyatspi

from owbe2e import expect, query, text_of
from scenarios_casework import add_a_finding, case_in_segment, latest_quarter, open_case, open_review_form
from scenarios_finds import cases_in_segment
from scenarios_items import case_of_type, open_from_portfolio


def enabled(node):
    return node.getState().contains(pyatspi.STATE_ENABLED)


def uk(day):
    return day.strftime("%d/%m/%Y")


def overlong_text_keeps_the_form(ctx):
    """Add Milestone with 100,000 characters pasted as the milestone and a due date of 31/12/9999:
    both said beside their fields, the form staying open with everything typed and nothing stored, no
    message box (item 1); put right, with the status Done, the form offers the done date (today by
    default) and stores it (item 9)."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    before = query(case, "SELECT count(*) FROM milestone")[0][0]
    wb = open_case(ctx, code, "Casework")
    wb.press("Add Milestone...")
    box = wb.answer_form("Add Milestone", {"Milestone": "x" * 100000, "Owner": "Chief operating officer",
                                           "Due date": "31/12/9999"}, closes=False)
    wb.find("label", re.compile(r"^The text is \d+ characters long; at most 20000 are allowed: shorten it"), root=box)
    wb.find("label", re.compile(r"^The due date 31/12/9999 is more than 10 years from today"), root=box)
    wb.screenshot("overlong-and-far-refused")
    expect(not wb.find_all("alert"), "a message box appeared instead of the messages beside the fields")
    expect(text_of(wb.find("text", "Owner", root=box)) == "Chief operating officer", "the owner typed was lost")
    expect(len(text_of(wb.find("text", "Milestone", root=box))) > 20000, "the text typed was lost")
    expect(query(case, "SELECT count(*) FROM milestone")[0][0] == before, "a refused milestone was stored")
    done_on = wb.find("text", "Done on", root=box)
    expect(not enabled(done_on), "the done date is offered while the status is not Done")
    wb.choose_in_combo(wb.combo("Status", root=box), "Done")
    wb.wait(lambda: enabled(done_on) and text_of(done_on) == uk(datetime.date.today()),
            "the done date offered, today by default (%r)" % text_of(done_on))
    wb.answer_form("Add Milestone", {"Milestone": "Discharge lounge open", "Due date": "31/03/2027"})
    wb.wait(lambda: query(case, "SELECT description, due_date, status, done_date, owner FROM milestone "
                                "WHERE description = 'Discharge lounge open'")
            == [("Discharge lounge open", "2027-03-31", "done", datetime.date.today().isoformat(),
                 "Chief operating officer")], "the milestone stored once right, done today")
    expect(not wb.find_all("alert"), "an error box appeared")


def add_legacy_review(ctx, case):
    """A review at Reporting as an earlier version left it: free-text capability conclusion and
    recommendation, a finding naming a domain and a metric the methodology does not list. In the case
    file with sqlite3, or on a team workspace with psql into its shared tables (as a folder holding
    such a review would have been uploaded by owb team push)."""
    if ctx.backend:
        org = case.code
        ctx.backend.psql(
            "BEGIN; "
            "INSERT INTO cases.diagnostic_review (id, org_code, opened_quarter, opened_reason, team, scope, start_date, "
            "due_date, status, capability_conclusion, recommendation) VALUES (1, '{org}', (SELECT max(quarter) FROM "
            "cases.assessment WHERE org_code = '{org}'), 'Segment 4', 'Regional team', 'Whole trust', '2026-04-01', "
            "'2026-09-30', 'reporting', 'meh', 'very bad'); "
            "INSERT INTO cases.finding (id, org_code, review_id, category, description, severity, domains, metrics) "
            "VALUES (1, '{org}', 1, 'Finance', 'Board does not track the plan', 'high', 'nowhere', 'OF9999'); "
            "COMMIT".format(org=org), ctx.database)
        return
    db = sqlite3.connect(case, timeout=10)
    with db:
        org = db.execute("SELECT code FROM organisation").fetchone()[0]
        quarter = db.execute("SELECT quarter FROM assessment ORDER BY quarter DESC LIMIT 1").fetchone()[0]
        db.execute("INSERT INTO diagnostic_review (id, org_code, opened_quarter, opened_reason, team, scope, start_date, "
                   "due_date, status, capability_conclusion, recommendation) VALUES (1, ?, ?, 'Segment 4', "
                   "'Regional team', 'Whole trust', '2026-04-01', '2026-09-30', 'reporting', 'meh', 'very bad')",
                   (org, quarter))
        db.execute("INSERT INTO finding (id, org_code, review_id, category, description, severity, domains, metrics) "
                   "VALUES (1, ?, 1, 'Finance', 'Board does not track the plan', 'high', 'nowhere', 'OF9999')", (org,))
    db.close()


def legacy_values_and_future_decision_refused(ctx):
    """A review holding an earlier version's free text ("meh", "very bad"): the findings table marks the
    unknown domain and metric as not in the methodology's list (item 5); Record the Regional
    Decision... dated tomorrow says, beside each field, that the conclusion and recommendation need a
    value from the list and that a decision is not dated after today; nothing stored (items 2, 3).
    Chosen from the lists and dated today, the decision is recorded."""
    code, other = cases_in_segment(ctx, 4, "diagnostic_review")[:2]
    case = ctx.case(code)
    # Written while the workbench holds the workspace (as a colleague's older version would), then
    # the case opened again.
    wb = open_case(ctx, code, "Casework")
    add_legacy_review(ctx, case)
    open_from_portfolio(wb, other)
    open_from_portfolio(wb, code)
    wb.tab("Casework")
    findings = wb.find("table", "Findings")
    wb.wait(lambda: any("nowhere (not in the methodology's list)" in r and "OF9999 (not in the methodology's list)" in r
                        for r in wb.cells(findings)[1:]), "the unknown domain and metric marked in the findings table")
    wb.press("Record the Regional Decision...")
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    box = wb.answer_form("Record the Regional Decision", {"Decision date": uk(tomorrow), "Rationale": "Agreed"},
                         closes=False)
    wb.find("label", re.compile(r'^The capability conclusion "meh" is not in the methodology\'s list'), root=box)
    wb.find("label", re.compile(r'^The recommendation "very bad" is not in the methodology\'s list'), root=box)
    wb.find("label", re.compile(r"^The decision date %s is after today" % re.escape(uk(tomorrow))), root=box)
    wb.screenshot("legacy-decision-refused")
    expect(query(case, "SELECT status, decision FROM diagnostic_review") == [("reporting", "")],
           "the decision was recorded on values outside the lists")
    wb.answer_form("Record the Regional Decision", {"Decision date": uk(datetime.date.today())},
                   choices={"Capability conclusion": "Limited confidence",
                            "Recommendation": "Enter the Recovery Support Programme",
                            "Decision": "Enter the Recovery Support Programme"})
    wb.wait(lambda: query(case, "SELECT status, capability_conclusion, recommendation, decision_date FROM diagnostic_review")
            == [("decided", "limited", "programme", datetime.date.today().isoformat())], "the decision on list values")
    expect(not wb.find_all("alert"), "an error box appeared")


def assessment_note_in_its_year(ctx):
    """System ▸ Add Assessment Note... dated 15/01/2020 for a later year: said beside the date, with the
    rule in words, the note kept and nothing stored (item 3)."""
    code = case_of_type(ctx, "icb", in_programme=False)
    case = ctx.case(code)
    year = latest_quarter(case).split()[0]
    before = query(case, "SELECT count(*) FROM statutory_assessment")[0][0]
    wb = open_case(ctx, code, "System")
    wb.press("Add Assessment Note...")
    box = wb.answer_form("Add Assessment Note", {"Assessed on": "15/01/2020", "Area assessed": "Finance",
                                                 "Note": "Plan balanced."}, closes=False)
    wb.find("label", re.compile(r"^The assessment date 15/01/2020 is not in %s: a note for %s is dated from"
                                % (re.escape(year), re.escape(year))), root=box)
    expect(text_of(wb.find("text", "Note", root=box)) == "Plan balanced.", "the note typed was lost")
    expect(query(case, "SELECT count(*) FROM statutory_assessment")[0][0] == before, "a note dated 2020 was stored")
    wb.press("Cancel", root=box)
    wb.gone(box)


def trajectory_after_exit_not_counted(ctx):
    """An organisation in the programme with a trajectory planned ahead: Record Exit... in the latest
    quarter, then an earlier quarter viewed: every point from the exit quarter on says "not counted",
    none is "planned ahead" (item 4)."""
    code = next(name[:-len(".owcase")] for name in sorted(os.listdir(ctx.workspace)) if name.endswith(".owcase")
                and query(os.path.join(ctx.workspace, name), "SELECT count(*) FROM programme WHERE exit_quarter = ''")[0][0]
                and query(os.path.join(ctx.workspace, name), "SELECT count(DISTINCT quarter) FROM trajectory_point")[0][0] > 2)
    case = ctx.case(code)
    exit_quarter = latest_quarter(case)
    wb = open_case(ctx, code, "Casework")
    wb.do_action(wb.find("list item", re.compile(r"^Recovery Support Programme"), into_tables=True))
    wb.press("Record Exit...")
    if wb.exists("dialog", "Exit Criteria Not Met"):
        wb.press("Record Exit Anyway", root=wb.dialog("Exit Criteria Not Met"))
    wb.answer_form("Record Exit", {"Exit and transition plan": "Handed back to routine oversight"})
    wb.wait(lambda: query(case, "SELECT exit_quarter FROM programme WHERE exit_quarter <> ''") == [(exit_quarter,)],
            "the exit in the case file")
    combo = wb.combo("Quarter")
    current = combo.name
    wb.menu("View", "Earlier Quarter")
    wb.wait(lambda: combo.name != current, "an earlier quarter")
    wb.do_action(wb.find("list item", re.compile(r"^Recovery Support Programme"), into_tables=True))
    table = wb.find("table", "Improvement trajectory")
    later = [q for (q,) in query(case, "SELECT DISTINCT quarter FROM trajectory_point")
             if q.split()[0] > exit_quarter.split()[0] or (q.split()[0] == exit_quarter.split()[0] and q >= exit_quarter)]
    expect(len(later) > 1, "no trajectory points after the exit quarter in the demo: %r" % later)
    wb.wait(lambda: all(any(r[1].startswith(q) and "not counted" in " ".join(r) for r in wb.cells(table)[1:])
                        for q in later), "every point from the exit on marked not counted: %r" % wb.cells(table)[1:])
    expect(not wb.exists("label", re.compile(r"Planned ahead: .*%s" % re.escape(later[-1]))),
           "a point after the exit is said to be planned ahead")
    wb.find("label", re.compile(r"Not counted, as the organisation is not in the programme then: "))
    wb.screenshot("trajectory-after-exit")


def correction_replaced_only_when_asked(ctx):
    """Confirm Computed Segment after a correction asks first, naming the correction and its reason, with
    No as the default: No keeps the correction, Yes replaces it (item 7)."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    wb.press("Record a Correction...")
    wb.answer_form("Record a Correction", {"Why": "Finance recovery plan agreed"}, numbers={"Corrected segment": 3})
    wb.wait(lambda: query(case, "SELECT kind, decided_segment FROM decision") == [("correction", 3)], "the correction")
    wb.press("Confirm Computed Segment")
    box = wb.dialog("Replace the Correction?")
    text = wb.alert_text(box)
    expect("replaces the correction to segment 3" in text and "Finance recovery plan agreed" in text,
           "the question does not name the correction and its reason: %r" % text)
    wb.press("No", root=box)
    wb.gone(box)
    expect(query(case, "SELECT kind, decided_segment FROM decision") == [("correction", 3)], "No replaced the correction")
    wb.press("Confirm Computed Segment")
    box = wb.dialog("Replace the Correction?")
    wb.press("Yes", root=box)
    wb.gone(box)
    wb.wait(lambda: query(case, "SELECT kind FROM decision") == [("confirm",)], "the confirmation replacing it")


def reporting_needs_findings_and_words(ctx):
    """Move to Reporting is disabled while the review has no finding, the page saying why (item 6);
    Enter the Programme left without its reason says so in a sentence (item 8); the portfolio filtered
    to nothing says so (item 9)."""
    code = case_in_segment(ctx, 4, without="diagnostic_review")
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    open_review_form(wb)
    wb.wait(lambda: query(case, "SELECT count(*) FROM diagnostic_review")[0][0] == 1, "the review")
    wb.press("Move to Fieldwork")
    wb.wait(lambda: query(case, "SELECT status FROM diagnostic_review") == [("fieldwork",)], "the review at fieldwork")
    move = wb.find("push button", "Move to Reporting")
    wb.wait(lambda: not enabled(move), "Move to Reporting disabled with no finding")
    wb.find("label", re.compile(r"The review has no findings yet, so there is nothing to report"))
    add_a_finding(wb, case)
    wb.wait(lambda: enabled(move), "Move to Reporting enabled once there is a finding")
    wb.press("Move to Reporting")
    wb.wait(lambda: query(case, "SELECT status FROM diagnostic_review") == [("reporting",)], "the review at reporting")
    expect(not wb.find_all("alert"), "an error box appeared")

    wb.do_action(wb.find("list item", re.compile(r"^Recovery Support Programme"), into_tables=True))
    wb.press("Enter the Programme...")
    box = wb.answer_form("Enter the Programme", {}, closes=False)
    wb.find("label", re.compile(r"^Reason for entering is needed\.$"), root=box)
    wb.press("Cancel", root=box)
    wb.gone(box)

    wb.menu("View", "Portfolio")
    field = wb.find("text", "Filter case files")
    wb.type_into(field, "zzzz-nothing")
    wb.find("label", re.compile(r'^No organisation matches "zzzz-nothing"\. Clear the filter'))
    wb.screenshot("portfolio-no-match")


SCENARIOS = [overlong_text_keeps_the_form, legacy_values_and_future_decision_refused, assessment_note_in_its_year,
             trajectory_after_exit_not_counted, correction_replaced_only_when_asked, reporting_needs_findings_and_words]
