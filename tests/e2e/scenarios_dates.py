"""Dates typed and shown in one format on the Capability and History tabs,
and the portfolio readable at 1280x800 with its Casework cell never blank
where something is due (issue 13, items 4, 5, 13 and 14)."""

import os
import re

from owbe2e import expect, query, text_of
from scenarios_casework import case_in_segment, latest_quarter, open_case


def type_and_commit(wb, field, text):
    """Types into a line edit and presses Return there, as a person finishing the field."""
    wb.type_into(field, text)
    field.queryComponent().grabFocus()
    wb.key("Return")


def capability_date_typed_uk(ctx):
    """Capability tab: "Decided on" takes a typed UK date (30/09/2026), stores it and shows it in the
    one format; a date that is not one is explained beside the field, kept as typed, nothing stored
    (item 4). The History tab shows the stored date in the same format (item 5)."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    wb = open_case(ctx, code, "Capability")
    field = wb.find("text", "Date of the overall view")
    stored = lambda: [d for (d,) in query(case, "SELECT decided_on FROM capability_overall")]
    type_and_commit(wb, field, "30/09/2026")
    wb.wait(lambda: "2026-09-30" in stored(), "the typed UK date in the case file (it holds %r)" % stored())
    wb.wait(lambda: text_of(field) == "30/09/2026", "the date shown as 30/09/2026 (it shows %r)" % text_of(field))
    expect(not wb.find_all("alert"), "an error box appeared")

    type_and_commit(wb, field, "31/13/2027")
    wb.find("label", re.compile(r'^"31/13/2027" is not a date: type it as dd/mm/yyyy'))
    wb.screenshot("capability-bad-date")
    expect(text_of(field) == "31/13/2027", "the bad date was not kept as typed: %r" % text_of(field))
    expect(stored().count("2026-09-30") == 1 and "" not in stored(), "a bad date changed the case file: %r" % stored())
    expect(not wb.find_all("alert"), "an error box appeared for a bad date")
    type_and_commit(wb, field, "1 Oct 2026")
    wb.wait(lambda: "2026-10-01" in stored(), "the corrected date stored")
    wb.wait(lambda: not wb.exists("label", re.compile(r"is not a date")), "the explanation to go")
    wb.wait(lambda: text_of(field) == "01/10/2026", "the date shown as 01/10/2026 (it shows %r)" % text_of(field))

    wb.tab("History")
    table = wb.find("table", "History of the case")
    changes = " ".join(c for row in wb.cells(table)[1:] for c in row)
    expect("01/10/2026" in changes and "30/09/2026" in changes, "the History tab does not show 30/09/2026 -> 01/10/2026")
    expect(not re.search(r"\b20\d\d-\d\d-\d\d\b", changes), "the History tab shows an ISO date: %r"
           % re.findall(r"\b20\d\d-\d\d-\d\d\b", changes)[:3])


def evidence_date_typed_uk(ctx):
    """Capability ▸ Add Evidence...: the date is typed as in the casework forms (31/03/2027); a bad
    one is explained in the dialog, which stays (item 4)."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    wb = open_case(ctx, code, "Capability")
    before = query(case, "SELECT count(*) FROM capability_evidence")[0][0]
    wb.press("Add Evidence...")
    box = wb.dialog("Add Evidence")
    wb.set_text("Title", "Board minutes, March", root=box)
    wb.set_text("Date", "31/13/2027", root=box)
    wb.press("OK", root=box)
    wb.find("label", re.compile(r'^"31/13/2027" is not a date: type it as dd/mm/yyyy'), root=box)
    expect(query(case, "SELECT count(*) FROM capability_evidence")[0][0] == before, "a bad date was stored")
    wb.set_text("Date", "31/03/2027", root=box)
    wb.press("OK", root=box)
    wb.gone(box)
    wb.wait(lambda: query(case, "SELECT count(*) FROM capability_evidence")[0][0] == before + 1, "the evidence stored")
    date = query(case, "SELECT evidence_date FROM capability_evidence ORDER BY id DESC LIMIT 1")[0][0]
    expect(date == "2027-03-31", "stored date %r" % date)
    evidence = wb.find("table", "Evidence")
    expect(any(row[:1] == ["31/03/2027"] for row in wb.cells(evidence)[1:]), "the evidence's date not shown as 31/03/2027")


def portfolio_columns_at_1280(ctx):
    """The portfolio at 1280x800: the Organisation column is never narrower than a readable width,
    and wins over Capability and Last change (item 13); a segment-4 trust with no review says so in
    its Casework cell (item 14)."""
    from scenarios_action import expected_needs
    quarter = max(latest_quarter(os.path.join(ctx.workspace, n)) for n in os.listdir(ctx.workspace)
                  if n.endswith(".owcase"))
    needs, _ = expected_needs(ctx, quarter)
    wb = ctx.start()
    table = wb.find("table", "Case files")
    wb.screenshot("portfolio-1280")
    import pyatspi
    ti = table.queryTable()
    widths = {}
    for c in range(ti.nColumns):
        header = ti.getColumnHeader(c)
        if header is not None:
            widths[header.name] = header.queryComponent().getExtents(pyatspi.DESKTOP_COORDS).width
    expect(widths.get("Organisation", 0) >= 180, "the Organisation column is %r px wide" % widths.get("Organisation"))
    for other in ("Capability", "Last change"):
        expect(widths.get("Organisation", 0) > widths.get(other, 0),
               "the Organisation column (%r px) is narrower than %s (%r px)" % (widths.get("Organisation"), other,
                                                                              widths.get(other)))
    rows = wb.cells(table)
    code, casework = rows[0].index("Code"), rows[0].index("Casework")
    unreviewed = sorted(c for c, text in needs.items() if text.startswith("Segment 4, no review"))
    expect(unreviewed, "no demo trust in segment 4 without a review")
    cells = {row[code]: row[casework] for row in rows[1:]}
    for c in unreviewed:
        expect(cells.get(c, "").startswith("Segment 4, no review"), "%s's Casework cell says %r" % (c, cells.get(c)))


SCENARIOS = [capability_date_typed_uk, evidence_date_typed_uk, portfolio_columns_at_1280]
