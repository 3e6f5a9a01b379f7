#!/usr/bin/python3
"""Takes the README's screenshots (docs/screenshots) of the real window, driven
like the scenarios; run by hand when screens change:

    run_e2e.py --owb build/bin/owb --workbench build/bin/oversight-workbench \
               --out build/e2e screenshots

(`screenshots` is a scenario of its own, left out of the CTest run; the PNGs
go to OWB_SCREENSHOTS, by default build/e2e/screenshots.)
"""

import os
import re
import time

from owbe2e import query
from scenarios_casework import case_in_segment, open_case
from scenarios_items import case_of_type, open_from_portfolio
from scenarios_plan import add_point, quarters_after
from scenarios_casework import latest_quarter


def screenshots(ctx):
    out = os.environ.get("OWB_SCREENSHOTS", os.path.join(os.path.dirname(ctx.folder), "screenshots"))
    os.makedirs(out, exist_ok=True)

    def shoot(wb, name):
        path = wb.screenshot(name)
        os.replace(path, os.path.join(out, name + ".png"))

    wb = ctx.start()
    wb.find("table", "Case files")
    shoot(wb, "portfolio")
    # The register: the demo's 2026/27 file for 2026/27, the 2025/26 rules
    # declared for 2025/26 and back-cast to the earlier years.
    wb.menu("File", "Methodologies...")
    dialog = wb.dialog("Methodologies")
    wb.table("Methodology register", root=dialog)
    shoot(wb, "methodologies")
    wb.press("Close", root=dialog)
    wb.gone(dialog)
    wb.menu("View", "League Table")
    wb.find("table", "League table")
    shoot(wb, "league")
    wb.menu("View", "Changes This Quarter")
    wb.find("table", "Changes this quarter")
    shoot(wb, "changes")
    # A segment-4 trust: its segment history runs across the change of
    # methodology into the latest quarter, which is marked and named.
    code = case_in_segment(ctx, 4)
    open_from_portfolio(wb, code)
    wb.tab("Overview")
    wb.find("label", re.compile(r"against the \d{4}/\d{2} thresholds"))
    shoot(wb, "case-overview")
    # A segment-4 trust whose first metric has a value in every quarter of the
    # demo, so that its chart shows the process limits (SPC needs 13 points).
    quarters = query(os.path.join(ctx.workspace, "peers.owdata"), "SELECT count(*) FROM quarter")[0][0]
    fours = [n[:-len(".owcase")] for n in sorted(os.listdir(ctx.workspace)) if n.endswith(".owcase")
             and query(os.path.join(ctx.workspace, n), "SELECT segment FROM assessment ORDER BY quarter DESC LIMIT 1")[0][0] == 4]
    for candidate in [code] + [c for c in fours if c != code]:
        if candidate != code:
            open_from_portfolio(wb, candidate)
        wb.tab("Metrics")
        table = wb.find("table", "Metrics of the quarter")
        first = wb.column(table, "Metric")[0].split()[0]
        if query(ctx.case(candidate), "SELECT count(DISTINCT quarter) FROM metric_value WHERE metric_id = ?",
                 (first,))[0][0] == quarters:
            wb.find("label", re.compile(r"^Variation: "))
            break
    shoot(wb, "case-metrics")
    open_from_portfolio(wb, case_of_type(ctx, "icb", in_programme=False))
    wb.tab("System")
    wb.find("table", "System considerations")
    shoot(wb, "icb-system")
    open_from_portfolio(wb, case_of_type(ctx, "acute", in_programme=True))
    wb.tab("Casework")
    wb.find("label", re.compile("^In the "))
    shoot(wb, "casework-programme")
    # The forward plan of that trust (points from its entry quarter on): the
    # quarter in view missed, two ahead.
    programme_case = ctx.case(case_of_type(ctx, "acute", in_programme=True))
    quarter = latest_quarter(programme_case)
    actual = query(programme_case, "SELECT number FROM metric_value WHERE quarter = ? AND metric_id = 'OF0023'",
                   (quarter,))[0][0]
    for point, planned in [(quarter, "%.1f" % (actual + 2))] + list(zip(["%s (ahead)" % q for q in
                                                                         quarters_after(quarter, 2)], ["59", "61"])):
        add_point(wb, point, planned)
    wb.find("label", re.compile("^Off trajectory: "))
    button = wb.find("push button", "Add Trajectory Point...", only_showing=False)
    bars = wb.find_all("scroll bar", None)
    page = max(bars, key=lambda b: b.queryComponent().getExtents(0).height)
    for _ in range(40):
        box = button.queryComponent().getExtents(0)
        if 0 < box.y and box.y + box.height < 760:
            break
        value = page.queryValue()
        value.currentValue = min(value.maximumValue, value.currentValue + 40)
        time.sleep(0.1)
    shoot(wb, "casework-plan")
    # A segment-4 trust with its diagnostic review under way, and a record form
    # refusing a date in place.
    for name in sorted(os.listdir(ctx.workspace)):
        if name.endswith(".owcase") and query(os.path.join(ctx.workspace, name), "SELECT count(*) FROM finding")[0][0]:
            open_from_portfolio(wb, name[:-len(".owcase")])
            break
    wb.tab("Casework")
    wb.find("label", re.compile(r"Stage \d of \d"))
    shoot(wb, "casework-review")
    wb.press("Add Milestone...")
    box = wb.answer_form("Add Milestone", {"Milestone": "Discharge lounge open seven days", "Owner": "Chief operating officer",
                                           "Due date": "31/13/2027"}, closes=False)
    wb.find("label", re.compile("is not a date"), root=box)
    shoot(wb, "casework-form")
    wb.press("Cancel", root=box)
    wb.gone(box)


SCENARIOS = [screenshots]
