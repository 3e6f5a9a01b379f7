"""A finding edited after it was added: Edit Finding... opens the finding's form filled with its
values; its domains, metrics and severity changed and stored in one write, shown in the findings
table, and put back by one Edit ▸ Undo."""

import re
import time

import pyatspi

from owbe2e import StepFailed, expect, query
from scenarios_casework import case_in_segment, open_case, open_review_form


def ticked(wb, listing):
    """The names of the ticked rows of a list of ticks (the form's Domains, Metrics)."""
    return sorted(i.name for i in wb.find_all("list item", None, root=listing, only_showing=False, into_tables=True)
                  if i.getState().contains(pyatspi.STATE_CHECKED))


def toggle(wb, listing, name):
    """Ticks or unticks the row of `listing` whose name starts with `name`, as a user does: the
    row made current, then Space."""
    items = [i for i in wb.find_all("list item", None, root=listing, only_showing=False, into_tables=True)
             if i.name.startswith(name)]
    if not items:
        raise StepFailed("no row %r in the list %r" % (name, listing.name))
    item = items[0]
    was = item.getState().contains(pyatspi.STATE_CHECKED)
    # The row clicked on its text (not its box), which makes it current and gives the list the
    # focus, then Space. (Qt 6.4's "Toggle" over the bus selects the row without ticking it.)
    box = item.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(box.x + box.width // 2, box.y + box.height // 2, pyatspi.MOUSE_B1C)
    time.sleep(0.3)
    wb.key(" ")
    wb.wait(lambda: item.getState().contains(pyatspi.STATE_CHECKED) != was,
            "the row %r ticked or unticked" % name)


def edit_finding_domains_metrics_severity(ctx):
    """Add Finding..., select it, Edit Finding...: the form titled "Edit Finding" holds the finding's
    values; its domains, metrics and severity changed, OK stores them all (read back from the case
    file), the findings table shows them by name, and one Edit ▸ Undo puts every one back."""
    code = case_in_segment(ctx, 4, without="diagnostic_review")
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    open_review_form(wb)
    wb.wait(lambda: query(case, "SELECT count(*) FROM diagnostic_review")[0][0] == 1, "the review")
    wb.press("Add Finding...")
    box = wb.dialog("Add Finding")
    toggle(wb, wb.find("list", "Domains", root=box), "Access to services")
    wb.answer_form("Add Finding", {"Finding": "Theatre lists cancelled at short notice"})  # severity Moderate
    wb.wait(lambda: query(case, "SELECT count(*) FROM finding")[0][0] == 1, "the finding")
    before = query(case, "SELECT category, severity, description, domains, metrics FROM finding")[0]
    expect(before[1:] == ("moderate", "Theatre lists cancelled at short notice", "access", ""),
           "the finding as added: %r" % (before,))

    findings = wb.find("table", "Findings")
    wb.select_row(findings, 0)
    wb.wait(lambda: wb.find("push button", "Edit Finding...").getState().contains(pyatspi.STATE_ENABLED),
            "Edit Finding... enabled with the finding selected")
    wb.press("Edit Finding...")
    box = wb.dialog("Edit Finding")
    domains = wb.find("list", "Domains", root=box)
    metrics = wb.find("list", "Metrics", root=box)
    expect(ticked(wb, domains) == ["Access to services"], "the form's domains: %r" % ticked(wb, domains))
    expect(ticked(wb, metrics) == [], "the form's metrics: %r" % ticked(wb, metrics))
    text = wb.find("text", "Finding", root=box).queryText()
    expect(text.getText(0, -1) == "Theatre lists cancelled at short notice", "the form's text: %r" % text.getText(0, -1))
    expect(wb.combo("Severity", root=box).name == "Moderate", "the form's severity: %r" % wb.combo("Severity", root=box).name)
    toggle(wb, domains, "Access to services")
    toggle(wb, domains, "Patient safety")
    toggle(wb, metrics, "OF0023")
    toggle(wb, metrics, "OF0025")
    wb.screenshot("edit-finding-form")
    wb.answer_form("Edit Finding", choices={"Severity": "High"})
    wb.wait(lambda: query(case, "SELECT severity, domains, metrics FROM finding")[0] == ("high", "safety", "OF0023, OF0025"),
            "the new severity, domains and metrics stored: %r" % (query(case, "SELECT severity, domains, metrics FROM finding"),))
    after = query(case, "SELECT category, description FROM finding")[0]
    expect(after == before[:1] + before[2:3], "the root cause and text unchanged: %r" % (after,))
    # One write: one entry in the audit trail for the edit.
    updates = query(case, "SELECT count(*) FROM audit_log WHERE table_name = 'finding' AND action = 'update'")[0][0]
    expect(updates == 1, "%d audit entries for the edit" % updates)
    table = wb.find("table", "Findings")
    row = wb.cells(table)[1]
    # The row, taller now (two metrics' names), shown whole: the table grew with it.
    time.sleep(0.5)
    cell = table.queryTable().getAccessibleAt(0, 5).queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    area = table.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    wb.screenshot("edit-finding-table")
    expect(cell.y + cell.height <= area.y + area.height,
           "the edited row is cut: it ends at %d, the table at %d" % (cell.y + cell.height, area.y + area.height))
    expect(row[1] == "High" and row[4] == "Patient safety" and "OF0023" in row[5] and "OF0025" in row[5],
           "the findings table shows %r" % (row,))

    wb.menu("Edit", re.compile("^Undo Edit finding"))  # the one step the edit made
    wb.wait(lambda: query(case, "SELECT severity, domains, metrics FROM finding")[0] == before[1:2] + before[3:],
            "every field back after one Undo: %r" % (query(case, "SELECT severity, domains, metrics FROM finding"),))
    wb.wait(lambda: wb.cells(wb.find("table", "Findings"))[1][1] == "Moderate"
            and wb.cells(wb.find("table", "Findings"))[1][4] == "Access to services", "the table shows the old values")


SCENARIOS = [edit_finding_domains_metrics_severity]
