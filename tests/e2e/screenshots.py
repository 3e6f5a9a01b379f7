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

from owbe2e import query
from scenarios_casework import case_in_segment, open_case
from scenarios_items import case_of_type, open_from_portfolio


def screenshots(ctx):
    out = os.environ.get("OWB_SCREENSHOTS", os.path.join(os.path.dirname(ctx.folder), "screenshots"))
    os.makedirs(out, exist_ok=True)

    def shoot(wb, name):
        path = wb.screenshot(name)
        os.replace(path, os.path.join(out, name + ".png"))

    wb = ctx.start()
    wb.find("table", "Case files")
    shoot(wb, "portfolio")
    wb.menu("View", "League Table")
    wb.find("table", "League table")
    shoot(wb, "league")
    wb.menu("View", "Changes This Quarter")
    wb.find("table", "Changes this quarter")
    shoot(wb, "changes")
    open_from_portfolio(wb, case_in_segment(ctx, 4))
    wb.tab("Overview")
    shoot(wb, "case-overview")
    wb.tab("Metrics")
    wb.find("table", "Metrics of the quarter")
    shoot(wb, "case-metrics")
    open_from_portfolio(wb, case_of_type(ctx, "icb", in_programme=False))
    wb.tab("System")
    wb.find("table", "System considerations")
    shoot(wb, "icb-system")
    open_from_portfolio(wb, case_of_type(ctx, "acute", in_programme=True))
    wb.tab("Casework")
    wb.find("label", re.compile("^In the "))
    shoot(wb, "casework-programme")
    # A segment-4 trust with its diagnostic review under way, and a record form
    # refusing a date in place.
    for name in sorted(os.listdir(ctx.workspace)):
        if name.endswith(".owcase") and query(os.path.join(ctx.workspace, name), "SELECT count(*) FROM finding")[0][0]:
            open_from_portfolio(wb, name[:-len(".owcase")])
            break
    wb.tab("Casework")
    wb.find("label", re.compile(r"Stage \d of \d"))
    shoot(wb, "casework-review")
    wb.press("Add Milestone")
    box = wb.answer_form("Add Milestone", {"Milestone": "Discharge lounge open seven days", "Owner": "Chief operating officer",
                                           "Due date": "31/13/2027"}, closes=False)
    wb.find("label", re.compile("is not a date"), root=box)
    shoot(wb, "casework-form")
    wb.press("Cancel", root=box)
    wb.gone(box)


SCENARIOS = [screenshots]
