"""What issue 13 left over in the History tab and the portfolio: every value in the history as
the forms show it (a planned value in its metric's format, ids by their names, dates in the one
format), and every portfolio header and cell readable at 1280 and 1024 pixels wide."""

import re

from owbe2e import expect, query
from scenarios_casework import case_in_segment, latest_quarter, open_case
from scenarios_plan import add_point, enter_programme


def history_values_as_the_forms_show_them(ctx):
    """Add Trajectory Point... with a planned value typed "3.0": the History tab says it as the
    trajectory table does ("3.00%", before: "3.0"), the metric by its name, and no value anywhere in
    the history is raw (an ISO date, a stored id such as a peer type's or a decision's kind, a number
    with a trailing ".0")."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    quarter = latest_quarter(case)
    wb = open_case(ctx, code, "Casework")
    enter_programme(wb, case, quarter)
    add_point(wb, quarter, "3.0")
    wb.wait(lambda: query(case, "SELECT planned FROM trajectory_point") == [("3.0",)], "the point stored as typed")
    table = wb.find("table", "Improvement trajectory")
    planned = [r[2] for r in wb.cells(table)[1:]]
    expect(planned == ["3.00%"], "the trajectory table says %r" % planned)
    wb.press("Confirm Computed Segment")
    wb.wait(lambda: query(case, "SELECT count(*) FROM decision")[0][0] == 1, "the confirmation")
    wb.tab("History")
    history = wb.find("table", "History of the case")
    rows = wb.cells(history)[1:]
    point = [r[4] for r in rows if r[2].startswith("trajectory point") and r[3] == "added"]
    expect(point, "the trajectory point is not in the history: %s" % rows[:3])
    expect("planned: 3.00%" in point[0] and not re.search(r"planned: 3\.0\b(?!0)", point[0]),
           "the planned value in the history: %r" % point[0])
    expect(re.search(r"metric: OF0023 \S", point[0]), "the metric by its name: %r" % point[0])
    decision = [r[4] for r in rows if r[2].startswith("decision") and r[3] == "added"]
    expect(decision and "kind: computed segment confirmed" in decision[0], "the decision's kind: %r" % decision)
    organisation = [r[4] for r in rows if r[2].startswith("organisation")]
    peer_types = {t for (t,) in query(case, "SELECT peer_type FROM organisation")}
    for text in organisation:
        for stored in peer_types:
            expect("peer type: %s;" % stored not in text + ";", "the peer type's id in the history: %r" % text)
    raw = [r[4] for r in rows if re.search(r"\b20\d\d-\d\d-\d\d\b|\b\d+\.0\b(?!\d)|\b(true|false)\b|: (yes|no)\b", r[4])]
    expect(not raw, "raw values in the history: %s" % raw[:3])
    expect(not wb.find_all("alert"), "an error box appeared")


def _columns_readable(ctx, wb, size):
    """Every column of the portfolio as wide as its header's text and its widest cell: the
    workbench says through the bus (the table's description) which columns it had to cut."""
    table = wb.find("table", "Case files")
    wb.screenshot("portfolio-%s" % size)
    rows = wb.cells(table)
    header = rows[0]
    for name in ("Code", "Organisation", "Peer type", "Segment", "Capability", "Casework", "Needs action",
                 "Last change"):
        expect(name in header, "no %r header at %s: %s" % (name, size, header))
    description = table.description
    expect(description.startswith("Every column shows its whole text"),
           "at %s the portfolio cuts columns: %r" % (size, description))


def portfolio_readable_at_1280_and_1024(ctx):
    """The portfolio at 1280x800 (the workbench maximised on the demo) and in a 1024x768 window:
    every header ("Capability", "Peer type", "Last change" included) and every cell readable, none
    cut to an ellipsis (before: Capability's header, Peer type and Last change cut at 1280)."""
    wb = ctx.start()
    _columns_readable(ctx, wb, "1280x800")
    wb.close()
    wb = ctx.start(["--geometry", "1024x768"])
    _columns_readable(ctx, wb, "1024x768")


SCENARIOS = [history_values_as_the_forms_show_them, portfolio_readable_at_1280_and_1024]
