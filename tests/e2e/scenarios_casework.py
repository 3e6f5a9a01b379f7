"""Casework actions on a case: the quarterly decision, the diagnostic review,
the programme, milestones and trajectory, and the PDF exports."""

import json
import os
import re
import sqlite3
import subprocess

from owbe2e import expect, query, text_of, StepFailed

def latest_quarter(case):
    return query(case, "SELECT quarter FROM assessment ORDER BY quarter DESC LIMIT 1")[0][0]


def year_rules(ctx, year):
    """The methodology in force for a financial year, as `owb methodology show` prints it (a dict)."""
    out = subprocess.run([ctx.owb, "methodology", "show", ctx.workspace, year], capture_output=True, text=True,
                         check=True).stdout
    return json.loads(out)


def year_rules_file(ctx, quarter):
    """The file of a quarter's year's methodology, written into the scenario's folder (for owb segment)."""
    year = quarter.split()[0]
    path = os.path.join(ctx.folder, "methodology-%s.json" % year.replace("/", "-"))
    with open(path, "w", encoding="utf-8") as f:
        json.dump(year_rules(ctx, year), f)
    return path


def icbs_segmented(ctx, year):
    return any(p["id"] == "icb" and p.get("segmented", True) for p in year_rules(ctx, year)["peer_types"])


def to_quarter_without_icb_segments(ctx, wb):
    """Steps the toolbar back with View ▸ Earlier Quarter to the latest quarter of a year whose
    methodology does not segment ICBs (2025/26 in the demo); returns that quarter."""
    quarters = sorted(q for (q,) in query(os.path.join(ctx.workspace, "peers.owdata"), "SELECT label FROM quarter"))
    target = next(q for q in reversed(quarters) if not icbs_segmented(ctx, q.split()[0]))
    combo = wb.combo("Quarter")
    for _ in range(len(quarters)):
        current = combo.name
        if current == target:
            break
        wb.menu("View", "Earlier Quarter")
        wb.wait(lambda: combo.name != current, "a quarter earlier than %s" % current)
    expect(combo.name == target, "the toolbar shows %s, not %s" % (combo.name, target))
    return target


def case_in_segment(ctx, segment, without=None):
    """The code of a demo trust whose latest computed segment is `segment`
    (optionally with no row in table `without`)."""
    for name in sorted(os.listdir(ctx.workspace)):
        if not name.endswith(".owcase"):
            continue
        path = os.path.join(ctx.workspace, name)
        quarter = latest_quarter(path)
        rows = query(path, "SELECT segment FROM assessment WHERE quarter = ?", (quarter,))
        if rows and rows[0][0] == segment:
            if without and query(path, "SELECT count(*) FROM %s" % without)[0][0]:
                continue
            if query(path, "SELECT count(*) FROM programme")[0][0]:
                continue
            return name[:-len(".owcase")]
    raise StepFailed("no demo case in segment %d" % segment)


def open_case(ctx, code, tab=None):
    wb = ctx.start([ctx.case(code)])
    wb.find("label", re.compile("^%s " % code))
    if tab:
        wb.tab(tab)
    return wb


def decision_label(wb):
    return wb.label_text(re.compile(r"^(Computed segment|No computed segment)"))


def confirm_computed_segment(ctx):
    """Casework ▸ Confirm Computed Segment records the routine sign-off (issue 11, item 1)."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    quarter = latest_quarter(case)
    wb = open_case(ctx, code, "Casework")
    before = query(case, "SELECT count(*) FROM decision")[0][0]
    wb.press("Confirm Computed Segment")
    wb.wait(lambda: query(case, "SELECT count(*) FROM decision")[0][0] == before + 1,
            "the confirmation in the case file", timeout=10)
    rows = query(case, "SELECT kind, decided_segment, rationale FROM decision WHERE quarter = ?", (quarter,))
    expect(rows[-1] == ("confirm", 4, ""), "stored decision %r" % (rows[-1],))
    wb.wait(lambda: "Computed segment confirmed by %s on " % ctx.author in decision_label(wb),
            "the decision shown on the Casework tab")
    expect(not wb.find_all("alert"), "an error box appeared")


REVIEW_FORM = {"Why the review is opened": "Sustained segment 4", "Team": "Regional diagnostic team",
               "Scope and terms of reference": "Elective recovery and urgent care flow", "Due date": "31/03/2027"}


def open_review_form(wb):
    """Open a Diagnostic Review... answered with every field of its form."""
    wb.press("Open a Diagnostic Review...")
    wb.answer_form("Open a Diagnostic Review", REVIEW_FORM)


def open_diagnostic_review(ctx):
    """Casework ▸ Open a Diagnostic Review... for a segment-4 trust without one (item 2)."""
    code = case_in_segment(ctx, 4, without="diagnostic_review")
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    open_review_form(wb)
    wb.wait(lambda: query(case, "SELECT count(*) FROM diagnostic_review")[0][0] == 1,
            "the review in the case file", timeout=10)
    reason, status = query(case, "SELECT opened_reason, status FROM diagnostic_review")[0]
    expect(reason == REVIEW_FORM["Why the review is opened"] and status == "scoping",
           "stored review %r" % ((reason, status),))
    wb.wait(lambda: wb.label_text(re.compile(r"^Opened in ")), "the review state on screen")
    expect(not wb.find_all("alert"), "an error box appeared")


def export_case_report_and_pack(ctx):
    """File ▸ Export Case Report... and File ▸ Export Regional Pack... write PDFs (item 3)."""
    code = case_in_segment(ctx, 4)
    wb = open_case(ctx, code, "Overview")
    report = os.path.join(ctx.folder, "case-report.pdf")
    wb.menu("File", "Export Case Report...")
    wb.save_file("Export PDF", report)
    wb.wait(lambda: os.path.exists(report) and os.path.getsize(report) > 1000, "the case report PDF", timeout=60)
    wb.find("label", re.compile(r"^Written .*case-report\.pdf"), only_showing=False)
    with open(report, "rb") as f:
        expect(f.read(5) == b"%PDF-", "the case report is not a PDF")
    pack = os.path.join(ctx.folder, "regional-pack.pdf")
    wb.menu("File", "Export Regional Pack...")
    wb.save_file("Export PDF", pack)
    wb.wait(lambda: os.path.exists(pack) and os.path.getsize(pack) > os.path.getsize(report),
            "the regional pack PDF", timeout=120)
    wb.no_dialog()


SCENARIOS = [confirm_computed_segment, open_diagnostic_review, export_case_report_and_pack]


def review_finding_with_evidence(ctx):
    """Open a Diagnostic Review..., Add Finding... and Add Evidence Item...: stored and listed."""
    code = case_in_segment(ctx, 4, without="diagnostic_review")
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    open_review_form(wb)
    wb.wait(lambda: query(case, "SELECT count(*) FROM diagnostic_review")[0][0] == 1, "the review")
    wb.press("Add Finding...")
    wb.answer_form("Add Finding", {"Finding": "Theatre lists cancelled at short notice"})  # the first root cause
    wb.wait(lambda: query(case, "SELECT count(*) FROM finding")[0][0] == 1, "the finding")
    findings = wb.find("table", "Findings")
    wb.select_row(findings, 0)
    wb.press("Add Evidence Item...")
    wb.answer_form("Add Evidence Item", {"Evidence (document, data, interview)": "Theatre utilisation report, Q4",
                                         "Source or reference": "trust board"})
    wb.wait(lambda: query(case, "SELECT count(*) FROM finding_evidence")[0][0] == 1, "the evidence item")
    expect(query(case, "SELECT title, source FROM finding_evidence")[0] == ("Theatre utilisation report, Q4", "trust board"),
           "stored evidence %r" % (query(case, "SELECT title, source FROM finding_evidence"),))
    wb.wait(lambda: "Theatre utilisation report, Q4" in wb.column(wb.find("table", "Findings"), "Evidence")[0],
            "the evidence in the findings table")


def programme_entry_to_exit(ctx):
    """Enter the Programme..., an exit criterion, a progress review, a milestone, Record Exit...: stored, and segment 5 only while in it."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    quarter = latest_quarter(case)
    entered = query(case, "SELECT DISTINCT quarter FROM assessment ORDER BY quarter DESC LIMIT 2")[1][0]
    wb = open_case(ctx, code, "Casework")
    # Entered the quarter before, so that the exit can be recorded in this one.
    wb.menu("View", "Earlier Quarter")
    wb.press("Enter the Programme...")
    wb.answer_form("Enter the Programme", {"Reason for entering": "Agreed by the regional support group",
                                           "Improvement director": "A. Director"})
    wb.wait(lambda: query(case, "SELECT entry_quarter, improvement_director FROM programme") == [(entered, "A. Director")],
            "the programme entry")
    wb.menu("View", "Later Quarter")
    wb.find("label", re.compile(r"^In the .* since %s: segment 5" % re.escape(entered)))
    wb.press("Add Exit Criterion...")
    wb.answer_form("Add Exit Criterion", {"Criterion": "Elective waits back to plan"})
    wb.wait(lambda: query(case, "SELECT description FROM exit_criterion") == [("Elective waits back to plan",)], "the criterion")
    wb.press("Add Progress Review...")
    wb.answer_form("Add Progress Review", {"Summary": "First monthly review: plan on track"})
    wb.wait(lambda: query(case, "SELECT summary FROM progress_review") == [("First monthly review: plan on track",)],
            "the progress review")
    before = query(case, "SELECT count(*) FROM milestone")[0][0]
    wb.press("Add Milestone...")
    wb.answer_form("Add Milestone", {"Milestone": "Recovery plan signed off"})  # the suggested due date
    wb.wait(lambda: query(case, "SELECT count(*) FROM milestone")[0][0] == before + 1, "the milestone")
    wb.tab("Overview")
    wb.find("label", "Segment 5")
    wb.tab("Casework")
    wb.press("Record Exit...")
    box = wb.dialog("Exit Criteria Not Met")  # the criterion is not met: named, and the exit asked for again
    expect("Elective waits back to plan (Not met)" in wb.alert_text(box), "the warning: %r" % wb.alert_text(box))
    wb.press("Record Exit Anyway", root=box)
    wb.gone(box)
    wb.answer_form("Record Exit", {"Exit and transition plan": "Step down to segment 4 oversight with monthly checks"})
    wb.wait(lambda: query(case, "SELECT exit_quarter FROM programme") == [(quarter,)], "the exit")
    wb.find("label", "Left the programme in %s." % quarter)
    wb.tab("Overview")
    wb.find("label", "Segment 4")


SCENARIOS += [review_finding_with_evidence, programme_entry_to_exit]


def milestone_uk_date_kept(ctx):
    """Add Milestone with a typed UK date (31/03/2027) and an owner: stored as that date, shown in the one format."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    before = query(case, "SELECT count(*) FROM milestone")[0][0]
    wb.press("Add Milestone...")
    wb.answer_form("Add Milestone", {"Milestone": "Board signs off the recovery plan", "Owner": "Chief executive",
                                     "Due date": "31/03/2027"})
    wb.wait(lambda: query(case, "SELECT count(*) FROM milestone")[0][0] == before + 1, "the milestone")
    row = query(case, "SELECT description, due_date, owner, status FROM milestone ORDER BY id DESC LIMIT 1")[0]
    expect(row == ("Board signs off the recovery plan", "2027-03-31", "Chief executive", "open"), "stored %r" % (row,))
    table = wb.find("table", "Recovery plan milestones")
    wb.wait(lambda: ["Board signs off the recovery plan", "31/03/2027", "", "Open", "Chief executive"]
            in [r[:5] for r in wb.cells(table)[1:]], "the milestone listed with its date as typed")
    expect(not wb.find_all("alert"), "an error box appeared")


def invalid_entry_refused_in_place(ctx):
    """A date that is not one, and a correction to the computed segment, are refused beside the field;
    the dialog stays with what was typed, nothing is stored; corrected, it is saved."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    before = query(case, "SELECT count(*) FROM milestone")[0][0]
    wb.press("Add Milestone...")
    box = wb.answer_form("Add Milestone", {"Milestone": "Discharge lounge open", "Due date": "31/13/2027"}, closes=False)
    wb.find("label", re.compile(r'^"31/13/2027" is not a date: type it as dd/mm/yyyy'), root=box)
    expect(text_of(wb.find("text", "Milestone", root=box)) == "Discharge lounge open", "the description was lost")
    expect(text_of(wb.find("text", "Due date", root=box)) == "31/13/2027", "the date typed was lost")
    expect(query(case, "SELECT count(*) FROM milestone")[0][0] == before, "a milestone was stored")
    wb.answer_form("Add Milestone", {"Due date": "30 Apr 2027"})
    wb.wait(lambda: query(case, "SELECT description, due_date FROM milestone ORDER BY id DESC LIMIT 1")
            == [("Discharge lounge open", "2027-04-30")], "the milestone once the date reads")

    wb.press("Record a Correction...")
    box = wb.answer_form("Record a Correction", {"Why": "Data error"}, closes=False)  # the computed segment, 4
    wb.find("label", re.compile("^That is the computed segment"), root=box)
    expect(text_of(wb.find("text", "Why", root=box)) == "Data error", "the reason typed was lost")
    expect(query(case, "SELECT count(*) FROM decision")[0][0] == 0, "a decision was stored")
    wb.press("Cancel", root=box)
    wb.gone(box)


def add_a_finding(wb, case):
    """Add Finding... with its first root cause and severity."""
    before = query(case, "SELECT count(*) FROM finding")[0][0]
    wb.press("Add Finding...")
    wb.answer_form("Add Finding", {"Finding": "Board does not track elective recovery"})
    wb.wait(lambda: query(case, "SELECT count(*) FROM finding")[0][0] == before + 1, "the finding in the case file")


def review_stages_to_decision(ctx):
    """A diagnostic review taken through its stages: Move to Fieldwork, Move to Reporting, then
    Record the Regional Decision..., which closes it."""
    code = case_in_segment(ctx, 4, without="diagnostic_review")
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    open_review_form(wb)
    wb.wait(lambda: query(case, "SELECT status FROM diagnostic_review") == [("scoping",)], "the review at scoping")
    wb.find("label", re.compile(r"Stage 1 of 4: Scoping\."))
    add_a_finding(wb, case)  # Reporting reports what the review found
    for stage, number in (("Fieldwork", 2), ("Reporting", 3)):
        wb.press("Move to %s" % stage)
        wb.wait(lambda: query(case, "SELECT status FROM diagnostic_review") == [(stage.lower(),)], "the review at %s" % stage)
        wb.find("label", re.compile(r"Stage %d of 4: %s\." % (number, stage)))
    expect(not wb.exists("push button", "Move to Decided"), "the last stage is offered without a decision")
    wb.press("Record the Regional Decision...")
    wb.answer_form("Record the Regional Decision", {"Rationale": "Capability limited; the board agrees"},
                   choices={"Capability conclusion": "Limited confidence",
                            "Recommendation": "Enter the Recovery Support Programme",
                            "Decision": "Enter the Recovery Support Programme"})
    # The decision starts unset: chosen, never defaulted (scenarios_forms: refused in place until chosen).
    wb.wait(lambda: query(case, "SELECT status, decision, decision_rationale FROM diagnostic_review")
            == [("decided", "programme", "Capability limited; the board agrees")], "the decision closing the review")
    wb.find("label", re.compile(r"Stage 4 of 4: Decided\. Decision: Enter the Recovery Support Programme"))
    expect(not wb.exists("push button", "Record the Regional Decision..."), "a closed review offers the decision again")
    expect(not wb.find_all("alert"), "an error box appeared")


SCENARIOS += [milestone_uk_date_kept, invalid_entry_refused_in_place, review_stages_to_decision]


def casework_sections_apply(ctx):
    """The Casework navigator lists the sections with where each stands; a trust outside segment 4
    is not offered a review, and one outside the programme sees no progress reviews or trajectory,
    but what to do next."""
    code = None
    for segment in (2, 3, 1):
        try:
            code = case_in_segment(ctx, segment, without="diagnostic_review")
            break
        except StepFailed:
            continue
    expect(code, "no demo trust outside segment 4")
    wb = open_case(ctx, code, "Casework")
    wb.find("list item", re.compile(r"^Recovery Support Programme\s+Not in it"), into_tables=True)
    wb.find("list item", re.compile(r"^Milestones\s+None yet"), into_tables=True)
    wb.find("label", re.compile(r"^Not in the programme in .*Enter the programme when the region decides"))
    wb.find("label", re.compile(r"^No recovery plan milestones yet"))
    expect(not wb.exists("push button", "Open a Diagnostic Review..."), "a review is offered outside segment 4")
    expect(not wb.exists("table", "Progress reviews"), "progress reviews shown outside the programme")
    expect(not wb.exists("table", "Improvement trajectory"), "the trajectory shown outside the programme")
    wb.do_action(wb.find("list item", re.compile(r"^Milestones"), into_tables=True))
    wb.find("push button", "Add Milestone...")


SCENARIOS += [casework_sections_apply]


def stale_save_refused_and_reloaded(ctx):
    """A milestone changed by someone else after the workbench read it (issue 14, row versions):
    Mark Milestone Done meets the conflict dialog, Take Theirs overwrites nothing, the page shows the
    milestone as it is now, and marking it again then works."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    wb.press("Add Milestone...")
    wb.answer_form("Add Milestone", {"Milestone": "Ward reconfiguration agreed", "Due date": "30/06/2027"})
    wb.wait(lambda: query(case, "SELECT count(*) FROM milestone WHERE description = 'Ward reconfiguration agreed'")[0][0] == 1,
            "the milestone")
    table = wb.find("table", "Recovery plan milestones")
    wb.wait(lambda: any(r[:1] == ["Ward reconfiguration agreed"] for r in wb.cells(table)[1:]), "the milestone listed")
    row = [r[0] for r in wb.cells(table)[1:]].index("Ward reconfiguration agreed")
    # Someone else changes it behind the window's back (a colleague on a team server).
    other = sqlite3.connect(case, timeout=10)
    with other:
        other.execute("UPDATE milestone SET owner = 'Someone else', row_version = row_version + 1"
                      " WHERE description = 'Ward reconfiguration agreed'")
    other.close()
    wb.select_row(table, row)
    wb.press("Mark Milestone Done")
    # The conflict dialog (issue 14): both values, field by field; Take Theirs keeps theirs.
    box = wb.dialog("Someone Else Changed This Record")
    text = wb.alert_text(box)
    expect("Someone else changed this record since you opened it" in text, "the dialog says %r" % text)
    wb.press("Take Theirs", root=box)
    wb.gone(box)
    expect(query(case, "SELECT status, owner FROM milestone WHERE description = 'Ward reconfiguration agreed'")
           == [("open", "Someone else")], "the other change was overwritten")
    table = wb.find("table", "Recovery plan milestones")
    wb.wait(lambda: any(r[:1] == ["Ward reconfiguration agreed"] and "Someone else" in r for r in wb.cells(table)[1:]),
            "the milestone shown as it is now")
    row = [r[0] for r in wb.cells(table)[1:]].index("Ward reconfiguration agreed")
    wb.select_row(table, row)
    wb.press("Mark Milestone Done")
    wb.wait(lambda: query(case, "SELECT status, owner FROM milestone WHERE description = 'Ward reconfiguration agreed'")
            == [("done", "Someone else")], "the milestone marked done once read again")
    expect(not wb.find_all("alert"), "an error box appeared")


SCENARIOS += [stale_save_refused_and_reloaded]
