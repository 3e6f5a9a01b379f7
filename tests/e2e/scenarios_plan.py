"""The forward plan and the programme's end: a trajectory planned quarters
ahead and drawn against the actual values (off trajectory standing out), and
an exit with criteria not met, warned about, then kept read-only (issue 13,
issue 11's leftover)."""

import re

from owbe2e import expect, query, StepFailed, _safe
from scenarios_casework import case_in_segment, latest_quarter, open_case


def quarters_after(label, count):
    year, quarter = int(label[:4]), int(label[-1])
    out = []
    for _ in range(count):
        quarter += 1
        if quarter > 4:
            quarter, year = 1, year + 1
        out.append("%d/%02d Q%d" % (year, (year + 1) % 100, quarter))
    return out


def enter_programme(wb, case, quarter):
    wb.press("Enter the Programme...")
    wb.answer_form("Enter the Programme", {"Reason for entering": "Agreed by the regional support group",
                                           "Improvement director": "A. Director"})
    wb.wait(lambda: query(case, "SELECT entry_quarter FROM programme") == [(quarter,)], "the programme entry")


def add_point(wb, quarter_item, planned):
    wb.press("Add Trajectory Point...")
    wb.answer_form("Add Trajectory Point", {"Planned value": planned},
                   choices={"Metric": re.compile(r"^OF0023 "), "Quarter": quarter_item})


def trajectory_planned_ahead_and_drawn(ctx):
    """Add Trajectory Point... twice for the two quarters after the latest (offered as "(ahead)"), and once
    for the quarter in view with a plan its actual value misses: stored; the chart says both quarters ahead
    and its units; the missed quarter stands out as off trajectory, in the section and the navigator."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    quarter = latest_quarter(case)
    first, second = quarters_after(quarter, 2)
    wb = open_case(ctx, code, "Casework")
    enter_programme(wb, case, quarter)
    wb.find("label", re.compile(r"^No trajectory yet\. Add a trajectory point"))
    add_point(wb, "%s (ahead)" % first, "60")
    add_point(wb, "%s (ahead)" % second, "62.5")
    wb.wait(lambda: query(case, "SELECT metric_id, quarter, planned FROM trajectory_point ORDER BY quarter")
            == [("OF0023", first, "60"), ("OF0023", second, "62.5")], "the two points planned ahead")
    wb.find("label", re.compile(r"Planned ahead: %s, %s\.$" % (re.escape(first), re.escape(second))))
    chart = wb.find(None, re.compile(r"^Improvement trajectory chart"))
    wb.wait(lambda: "Planned: %s 60, %s 62.5." % (first, second) in _safe(lambda: chart.description, ""),
            "the chart describing both quarters ahead")
    description = chart.description
    expect("OF0023" in description and "(%)" in description, "the chart's metric and units: %r" % description)
    expect("Actual: " in description and "%s " % quarter in description.split("Actual: ")[1],
           "the chart's actual values: %r" % description)
    # OF0023 is higher-is-better: a plan above this quarter's actual value is missed.
    actual = query(case, "SELECT number FROM metric_value WHERE quarter = ? AND metric_id = 'OF0023'", (quarter,))[0][0]
    add_point(wb, quarter, "%.1f" % (actual + 5))
    wb.wait(lambda: query(case, "SELECT count(*) FROM trajectory_point")[0][0] == 3, "the third point")
    wb.find("label", re.compile(r"^Off trajectory: OF0023 Waiting 18 weeks[^;]* in %s \(.* planned, .* actual, higher is better\)"
                                % re.escape(quarter)))
    table = wb.find("table", "Improvement trajectory")
    wb.wait(lambda: any(r[1] == quarter and r[3].endswith("(off trajectory)") for r in wb.cells(table)[1:]),
            "the missed point marked in the table")
    wb.find("list item", re.compile(r"^Recovery Support Programme\s+In it since .*off trajectory in %s"
                                    % re.escape(quarter)), into_tables=True)
    wb.tab("Overview")
    # In the metric's own format, with its unit, as the Casework tab says it.
    wb.find("label", re.compile(r"Off trajectory in %s: OF0023 Waiting 18 weeks[^;(]* \([0-9.]+%% planned, [0-9.]+%% actual\); see the Casework tab\."
                                % re.escape(quarter)))
    expect(not wb.find_all("alert"), "an error box appeared")


def exit_warns_and_keeps_the_programme(ctx):
    """Record Exit... with an exit criterion not met and overdue: a warning names it and asks; Cancel records
    nothing; Record Exit Anyway and the form record the exit; the programme left stays on the tab, read-only,
    with its entry date, reason, director, transition plan and criteria."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    quarter = latest_quarter(case)
    entered = query(case, "SELECT DISTINCT quarter FROM assessment ORDER BY quarter DESC LIMIT 2")[1][0]
    wb = open_case(ctx, code, "Casework")
    # An exit is recorded in a quarter after the entry quarter (tester's report 13, item 11).
    wb.menu("View", "Earlier Quarter")
    enter_programme(wb, case, entered)
    wb.menu("View", "Later Quarter")
    entry = query(case, "SELECT entry_date FROM programme")[0][0]  # the last day of the entry quarter, by default
    y, m, d = entry.split("-")
    wb.press("Add Exit Criterion...")
    wb.answer_form("Add Exit Criterion", {"Criterion": "Elective waits back to plan", "Due date": "%s/%s/%s" % (d, m, y)})
    wb.wait(lambda: query(case, "SELECT description, due_date, status FROM exit_criterion")
            == [("Elective waits back to plan", entry, "not met")], "the criterion")
    wb.press("Record Exit...")
    box = wb.dialog("Exit Criteria Not Met")
    text = wb.alert_text(box)
    expect("Elective waits back to plan (Not met; overdue, due %s/%s/%s)" % (d, m, y) in text, "the warning: %r" % text)
    wb.press("Cancel", root=box)
    wb.gone(box)
    expect(not wb.find_all("dialog", "Record Exit"), "the exit form opened after Cancel")
    expect(query(case, "SELECT count(*) FROM programme WHERE coalesce(exit_quarter, '') = ''")[0][0] == 1,
           "an exit was stored after Cancel")
    wb.press("Record Exit...")
    box = wb.dialog("Exit Criteria Not Met")
    wb.press("Record Exit Anyway", root=box)
    wb.gone(box)
    wb.answer_form("Record Exit", {"Exit and transition plan": "Step down to segment 4 oversight with monthly checks"})
    wb.wait(lambda: query(case, "SELECT exit_quarter FROM programme") == [(quarter,)], "the exit")
    wb.find("label", "Left the programme in %s." % quarter)
    entry_date = query(case, "SELECT entry_date FROM programme")[0][0]
    table = wb.find("table", "Programmes left")
    rows = wb.cells(table)
    expect(len(rows) == 2, "programmes left: %r" % rows)
    row = dict(zip(rows[0], rows[1]))
    y, m, d = entry_date.split("-")
    expect(row["Entered"] == entered and row["Entry date"] == "%s/%s/%s" % (d, m, y), "entry shown: %r" % row)
    expect(row["Reason"] == "Agreed by the regional support group" and row["Director"] == "A. Director",
           "reason and director shown: %r" % row)
    expect(row["Left"] == quarter and row["Transition plan"] == "Step down to segment 4 oversight with monthly checks",
           "exit shown: %r" % row)
    expect(row["Exit criteria"] == "Elective waits back to plan (Not met)", "criteria shown: %r" % row)
    expect(not wb.exists("push button", "Record Exit..."), "Record Exit... offered after the exit")
    # The navigator brings the section into view when chosen over the bus, as with the keyboard.
    wb.do_action(wb.find("list item", re.compile(r"^Recovery Support Programme\s+Not in it; left in %s"
                                                  % re.escape(quarter)), into_tables=True))
    wb.wait(lambda: 100 < table.queryComponent().getExtents(0).y < 700, "the programme section in view")


SCENARIOS = [trajectory_planned_ahead_and_drawn, exit_warns_and_keeps_the_programme]
