"""Scenarios for the independent tester's second report on issue 11 (the
dates, the menus without a workspace, the portfolio
export and the import's problems): each does what a person does and checks
the case file and the screen."""

import csv
import os
import re

import pyatspi

from owbe2e import expect, query
from scenarios_casework import case_in_segment, open_case


def milestone_september_date(ctx):
    """Add Milestone with "30 Sep 2026": read as 30 September, not refused (Qt's en_GB says "Sept")."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    before = query(case, "SELECT count(*) FROM milestone")[0][0]
    wb.press("Add Milestone...")
    wb.answer_form("Add Milestone", {"Milestone": "Quality committee reviews the plan", "Due date": "30 Sep 2026"})
    wb.wait(lambda: query(case, "SELECT count(*) FROM milestone")[0][0] == before + 1, "the milestone")
    due = query(case, "SELECT due_date FROM milestone ORDER BY id DESC LIMIT 1")[0][0]
    expect(due == "2026-09-30", "stored due date %r" % due)
    expect(not wb.find_all("alert"), "an error box appeared")


NEEDS_A_WORKSPACE = {"File": ["Import Metric File...", "Methodologies...", "Export Case Report...",
                             "Export Review Report...", "Export Regional Pack...", "Close Workspace"],
                     "View": ["Portfolio", "League Table", "Changes This Quarter",
                              "Reconciliation with the Published League Table", "Earlier Quarter", "Later Quarter"]}


def menus_without_workspace(ctx):
    """With no workspace open, every menu item that needs one is disabled, File ▸ Methodologies... among them."""
    wb = ctx.start([])
    wb.find("push button", re.compile("Open the Demo|Demo", re.I))
    enabled = []
    for menu, items in NEEDS_A_WORKSPACE.items():
        for item in items:
            if wb.menu_item(menu, item).getState().contains(pyatspi.STATE_ENABLED):
                enabled.append("%s ▸ %s" % (menu, item))
    expect(not enabled, "enabled with no workspace: %s" % ", ".join(enabled))


def portfolio_export_quarter_and_icb(ctx):
    """Portfolio ▸ Export CSV... offers a name with the quarter; an ICB's movement is not-segmented, not blank."""
    wb = ctx.start()
    wb.find("table", "Case files")
    quarter = wb.combo("Quarter").name
    wb.press("Export CSV...")
    box = wb.dialog("Export CSV")
    field = wb.find("text", re.compile(r"^(File name|Directory)"), root=box)
    offered = field.queryText().getText(0, -1)
    expected = "portfolio-%s.csv" % re.sub(r"[^A-Za-z0-9]+", "-", quarter).strip("-")
    expect(os.path.basename(offered) == expected, "offered file name %r, expected %r" % (offered, expected))
    out = os.path.join(ctx.folder, expected)
    wb.save_file("Export CSV", out)
    wb.wait(lambda: os.path.exists(out), expected)
    with open(out, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    icbs = [r for r in rows if r["org_type"] == "icb"]
    expect(icbs, "no ICB in the demo portfolio")
    # Not segmented in a year whose methodology does not segment ICBs; segmented ones (the demo's
    # 2026/27) have a movement like a trust's: methodology-changed from a 2025/26 quarter.
    for r in icbs:
        expect(r["movement"] == "not-segmented" if not r["segment"] else r["movement"] != "",
               "ICB %s: segment %r, movement %r" % (r["org_code"], r["segment"], r["movement"]))
    expect(all(r["movement"] for r in rows if r["segment"] and r["previous_segment"]), "a trust's movement is blank")


def import_problems_wrap_and_count(ctx):
    """A refused import's problems: "skipped 1 row of 1 metric", and long lines wrap (no sideways scrolling)."""
    bad = os.path.join(ctx.folder, "a-metric-file-with-a-long-name-as-exported-from-the-regional-data-warehouse.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("quarter,org_code,org_name,org_type,metric_id,value\n"
                "2025/26 Q4,RXX,Broken Trust,acute,OF0003,twelve\n"
                "2025/26 Q4,RXX,Broken Trust,acute,OF1023,12\n")
    wb = ctx.start()
    wb.find("table", "Case files")
    wb.menu("File", "Import Metric File...")
    wb.save_file("Import Metric File", bad)
    box = wb.dialog("Import refused", timeout=60)
    problems = wb.find("text", "Problems", root=box)
    text = problems.queryText().getText(0, -1)
    expect("skipped 1 row of 1 metric not in methodology" in text, "problems say %r" % text)
    sideways = [s for s in wb.find_all("scroll bar", None, root=box)
                if s.getState().contains(pyatspi.STATE_HORIZONTAL)]
    expect(not sideways, "the problems need scrolling sideways")
    wb.press("Close", root=box)
    wb.gone(box)


SCENARIOS = [milestone_september_date, menus_without_workspace,
             portfolio_export_quarter_and_icb, import_problems_wrap_and_count]
