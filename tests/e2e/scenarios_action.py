"""What needs action, the league table and What-if for real questions
(issue 13): the portfolio's "Needs action" column and filter, checked against
what the case files and `owb portfolio` say, worked out here on their own."""

import csv
import datetime
import io
import json
import os
import re
import subprocess
import time

import pyatspi

from owbe2e import expect, name_of, query
from scenarios_actions import quarter_start
from scenarios_casework import latest_quarter


def click(wb, node):
    """A pointer click in the middle of a control, where the bus says it is (Qt 6.4 offers no
    action to choose a combo box's item or to press a table's column header)."""
    box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    expect(box.width > 0 and box.height > 0, "%r is not on the screen" % name_of(node))
    pyatspi.Registry.generateMouseEvent(box.x + box.width // 2, box.y + box.height // 2, pyatspi.MOUSE_B1C)


def choose(wb, label, item):
    """Opens the combo box labelled `label` and clicks its item `item`."""
    combo = wb.combo(label)
    click(wb, combo)
    entry = wb.wait(lambda: next((n for n in wb.find_all("list item", item, root=combo, only_showing=True, into_tables=True)), None),
                    "the item %r of %r shown" % (item, label))
    click(wb, entry)
    wb.wait(lambda: name_of(wb.combo(label)) == item, "%r to say %r" % (label, item))


def quarter_end(label):
    start = quarter_start(label)
    following = datetime.date(start.year + (start.month + 3 > 12), (start.month + 2) % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def day(text):
    try:
        return datetime.date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def expected_needs(ctx, quarter):
    """{code: reasons} for every case that needs action in `quarter`, from the
    final segments `owb portfolio` prints and the casework rows of each case
    file (framework.md §3 step 4 and §7: a segment-4 provider gets a diagnostic
    review and a decision; overdue exit criteria and milestones stand out; a
planned trajectory point the actual value misses, in the metric's direction, in a quarter in the
programme)."""
    out = subprocess.run([ctx.owb, "portfolio", ctx.workspace, "--quarter", quarter], capture_output=True,
                         text=True, check=True).stdout
    final = {row["org_code"]: row["segment"] for row in csv.DictReader(io.StringIO(out))}
    # As of the quarter's end, or today in the workspace's latest quarter (its
    # casework goes on until the next quarter's data arrive) and in one not ended.
    latest = max(latest_quarter(os.path.join(ctx.workspace, n)) for n in os.listdir(ctx.workspace)
                 if n.endswith(".owcase"))
    as_of = datetime.date.today() if quarter >= latest else min(quarter_end(quarter), datetime.date.today())
    # Each metric's direction, from the methodology in force for the quarter's year.
    rules = subprocess.run([ctx.owb, "methodology", "show", ctx.workspace, quarter.split()[0]], capture_output=True,
                           text=True, check=True).stdout
    directions = {m["id"]: m.get("direction") for m in json.loads(rules)["metrics"]}
    needs = {}
    for code, segment in final.items():
        case = ctx.case(code)
        reasons = []
        if segment == "4":
            reviews = [q for (q,) in query(case, "SELECT opened_quarter FROM diagnostic_review")]
            if not [q for q in reviews if not q or q <= quarter]:
                reasons.append("Segment 4, no review")
            if not query(case, "SELECT count(*) FROM decision WHERE quarter = ?", (quarter,))[0][0]:
                reasons.append("quarter not decided")
        programme = [pid for (pid, entry, leave) in query(case, "SELECT id, entry_quarter, exit_quarter FROM programme")
                     if entry <= quarter and (not leave or quarter < leave)]
        programme = programme[0] if programme else 0
        overdue = 0
        rows = [(due, status, done) for (due, status, done) in query(case, "SELECT due_date, status, done_date FROM milestone")]
        rows += [(due, status, None) for (due, status, of) in
                 query(case, "SELECT due_date, status, programme_id FROM exit_criterion") if not of or of == programme]
        for due, status, done in rows:
            due = day(due)
            if not due or due >= as_of:
                continue
            finished = (status or "").strip().lower() in ("done", "met")
            if not finished or (day(done) and day(done) > as_of):
                overdue += 1
        if overdue:
            reasons.append("%d overdue" % overdue)
        missed = 0
        # The trajectory counts only in a quarter the organisation is in the programme.
        for metric, planned in query(case, "SELECT metric_id, planned FROM trajectory_point WHERE quarter = ?",
                                     (quarter,)) if programme else []:
            direction = directions.get(metric)
            actual = query(case, "SELECT number FROM metric_value WHERE quarter = ? AND metric_id = ?", (quarter, metric))
            try:
                planned = float(str(planned).strip().rstrip("%"))
            except ValueError:
                continue
            if direction and actual and actual[0][0] is not None:
                missed += (actual[0][0] > planned) if direction == "lower" else (actual[0][0] < planned)
        if missed:
            reasons.append("%d off trajectory" % missed)
        if reasons:
            text = "; ".join(reasons)
            needs[code] = text[0].upper() + text[1:]
    return needs, out


def needs_action_filter(ctx):
    """The portfolio's Needs action filter lists exactly the trusts that need action in the quarter, each with its reasons in words, and the CSV says the same; a confirmed decision takes a trust's "not decided" away."""
    quarter = max(latest_quarter(os.path.join(ctx.workspace, n)) for n in os.listdir(ctx.workspace) if n.endswith(".owcase"))
    needs, printed = expected_needs(ctx, quarter)
    expect(len(needs) >= 2, "the demo has too few cases needing action to tell anything: %r" % needs)
    expect("needs_action" in printed.splitlines()[0].split(","), "owb portfolio's columns: %r" % printed.splitlines()[0])
    said = {row["org_code"]: row["needs_action"] for row in csv.DictReader(io.StringIO(printed)) if row["needs_action"]}
    expect(said == needs, "owb portfolio says %r, the case files %r" % (said, needs))
    wb = ctx.start()
    table = wb.find("table", "Case files")
    everything = wb.cells(table)
    code, reasons = everything[0].index("Code"), everything[0].index("Needs action")
    expect(len(everything) - 1 > len(needs), "every case needs action: the filter would tell nothing")
    wb.press("Needs action only", role="check box")
    shown = lambda: {row[code]: row[reasons] for row in wb.cells(wb.find("table", "Case files"))[1:]}
    wb.wait(lambda: shown() == needs, "the filter to list %r (it lists %r)" % (needs, shown()))
    wb.find("label", re.compile(r"^%d of \d+ case files? shown" % len(needs)))
    wb.screenshot("needs-action-filter")

    # Confirming a segment-4 quarter takes "quarter not decided" away.
    undecided = sorted(c for c, text in needs.items() if "not decided" in text)
    expect(undecided, "no demo trust in segment 4 without a decision")
    target = undecided[0]
    wb.close()
    wb = ctx.start([ctx.case(target)])
    wb.find("label", re.compile("^%s " % target))
    wb.tab("Casework")
    wb.press("Confirm Computed Segment")
    wb.wait(lambda: query(ctx.case(target), "SELECT count(*) FROM decision WHERE quarter = ?", (quarter,))[0][0] == 1,
            "the confirmation in the case file")
    wb.close()
    after, _ = expected_needs(ctx, quarter)
    expect("not decided" not in after.get(target, ""), "still not decided after the confirmation: %r" % after.get(target))
    wb = ctx.start()
    wb.find("table", "Case files")
    wb.press("Needs action only", role="check box")
    wb.wait(lambda: shown() == after, "the filter to list %r after the decision (it lists %r)" % (after, shown()))


SCENARIOS = [needs_action_filter]


def league_rows(wb):
    return wb.cells(wb.find("table", "League table"))


def league_region_filter_and_highlight(ctx):
    """League table: the Region filter lists only that region's trusts (ranks kept); Highlight marks that region's rows in their accessible description."""
    wb = ctx.start()
    wb.menu("View", "League Table")
    rows = league_rows(wb)
    header, rows = rows[0], rows[1:]
    region = header.index("Region")
    regions = sorted({row[region] for row in rows if row[region]})
    expect(len(regions) >= 2, "the league has one region only: %r" % regions)
    chosen = regions[1]
    everyone = {row[header.index("Code")]: row[header.index("Rank")] for row in rows}
    choose(wb, "Region", chosen)
    wb.wait(lambda: {row[region] for row in league_rows(wb)[1:]} == {chosen}, "the league to show %s only" % chosen)
    shown = league_rows(wb)[1:]
    expect(len(shown) == sum(1 for row in rows if row[region] == chosen), "the filter left out some of %s" % chosen)
    expect(all(everyone[row[header.index("Code")]] == row[header.index("Rank")] for row in shown),
           "the filter changed ranks")
    wb.screenshot("league-region-filter")
    choose(wb, "Region", "All regions")
    wb.wait(lambda: len(league_rows(wb)) - 1 == len(rows), "every region back")
    choose(wb, "Highlight", chosen)
    table = wb.find("table", "League table")

    def highlighted():
        t = table.queryTable()
        marked = set()
        for r in range(t.nRows):
            cell = t.getAccessibleAt(r, header.index("Code"))
            if (cell.description or "").startswith("In the highlighted region"):
                marked.add(cell.name)
        return marked
    expected = {row[header.index("Code")] for row in rows if row[region] == chosen}
    wb.wait(lambda: highlighted() == expected, "the rows of %s highlighted (%r)" % (chosen, highlighted()))
    wb.screenshot("league-highlight")


def averages_of(wb):
    """The Average score column as numbers (text order would put 10.0 before 9.0)."""
    return [float(v) for v in wb.column(wb.find("table", "League table"), "Average score") if v]


def league_headers_sort(ctx):
    """League table: pressing a header sorts by it, numbers as numbers (the average score ascending, then descending; the rank descending from 130)."""
    wb = ctx.start()
    wb.menu("View", "League Table")
    table = wb.find("table", "League table")
    header = league_rows(wb)[0]
    column = header.index("Average score")
    averages = lambda: averages_of(wb)
    cell = table.queryTable().getColumnHeader(column)
    before = averages()
    expect(before != sorted(before) and before != sorted(before, reverse=True), "the league is already in average order")
    click(wb, cell)

    wb.wait(lambda: averages() == sorted(averages()) and averages() != [], "averages ascending: %r" % averages()[:8])
    click(wb, cell)
    wb.wait(lambda: averages() == sorted(averages(), reverse=True), "averages descending: %r" % averages()[:8])
    # The rank (already sorted by it, ascending) turns descending as numbers: 130 before 99, 10 after 9.
    ranks = lambda: [int(v) for v in wb.column(wb.find("table", "League table"), "Rank") if v]
    click(wb, table.queryTable().getColumnHeader(header.index("Rank")))
    wb.wait(lambda: ranks() == sorted(ranks()), "ranks ascending: %r" % ranks()[:8])
    time.sleep(1)  # two clicks in a row would be a double click
    click(wb, table.queryTable().getColumnHeader(header.index("Rank")))
    wb.wait(lambda: ranks() == sorted(ranks(), reverse=True) and ranks()[0] >= 100, "ranks descending: %r" % ranks()[:8])
    wb.screenshot("league-sorted")


def league_csv_complete(ctx):
    """League table Export CSV...: the file name has the quarter, the peer type is named as the methodology names it, and capability and casework are there for the workspace's trusts."""
    quarter = max(latest_quarter(os.path.join(ctx.workspace, n)) for n in os.listdir(ctx.workspace) if n.endswith(".owcase"))
    wb = ctx.start()
    wb.menu("View", "League Table")
    wb.find("table", "League table")
    wb.press("Export CSV...")
    box = wb.dialog("Export CSV")
    field = wb.find("text", re.compile(r"^(File name|Directory)"), root=box)
    offered = os.path.basename(field.queryText().getText(0, -1))
    slug = quarter.replace("/", "-").replace(" ", "-")
    expect(offered == "league-%s-acute-trust.csv" % slug, "the file name offered is %r" % offered)
    out = os.path.join(ctx.folder, offered)
    wb.type_into(field, out)
    wb.press("Save", root=box)
    wb.wait(lambda: os.path.exists(out), offered)
    with open(out, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    expect(rows and {"peer_type", "capability", "casework", "needs_action"} <= set(rows[0]), "columns: %r" % list(rows[0]))
    expect({row["peer_type"] for row in rows} == {"Acute trust"}, "peer types: %r" % {row["peer_type"] for row in rows})
    followed = {n[:-len(".owcase")] for n in os.listdir(ctx.workspace) if n.endswith(".owcase")}
    ours = [row for row in rows if row["org_code"] in followed]
    expect(ours, "none of the workspace's trusts in the league")
    expect(all(row["capability"] == "" for row in rows if row["org_code"] not in followed), "capability for a trust not followed")
    with_view = [row for row in ours if query(ctx.case(row["org_code"]), "SELECT count(*) FROM capability_overall WHERE rating <> ''")[0][0]]
    expect(with_view and all(row["capability"] and row["capability"][0].isupper() for row in with_view),
           "capability names: %r" % [row["capability"] for row in with_view])
    expect(any(row["casework"] for row in ours), "no casework in the CSV")


SCENARIOS += [league_region_filter_and_highlight, league_headers_sort, league_csv_complete]



def held_by_finance(ctx):
    """A trust that is in segment 3 only because of the finance override, in the programme or corrected neither."""
    for name in sorted(os.listdir(ctx.workspace)):
        if not name.endswith(".owcase"):
            continue
        case = os.path.join(ctx.workspace, name)
        quarter = latest_quarter(case)
        rows = query(case, "SELECT raw_segment, segment FROM assessment WHERE quarter = ? AND deficit = 1 AND raw_segment < 3",
                     (quarter,))
        if rows and not query(case, "SELECT count(*) FROM programme")[0][0] \
                and not query(case, "SELECT count(*) FROM decision WHERE kind = 'correction'")[0][0]:
            return name[:-len(".owcase")], rows[0][0], rows[0][1]
    expect(False, "no demo trust held at segment 3 by the finance override")


def summary_value(wb, row, column="What-if"):
    """A value of What-if's summary grid by its accessible name ("Computed segment, What-if: 2")."""
    node = wb.find("label", re.compile(r"^%s, %s: " % (re.escape(row), column)))
    return name_of(node).split(": ", 1)[1]


def whatif_deficit_toggle(ctx):
    """What-if: clearing "in deficit" on a trust held at segment 3 by the finance override shows the segment its scores give; ticking it again puts it back."""
    code, raw, segment = held_by_finance(ctx)
    wb = ctx.start([ctx.case(code)])
    wb.find("label", re.compile("^%s " % code))
    wb.tab("What-if")
    expect(summary_value(wb, "Computed segment") == str(segment), "the What-if segment before: %s" % summary_value(wb, "Computed segment"))
    wb.press("What-if: in deficit", role="check box")
    wb.wait(lambda: summary_value(wb, "Computed segment") == str(raw),
            "the segment without the deficit to be %d (it says %s)" % (raw, summary_value(wb, "Computed segment")))
    expect(summary_value(wb, "Computed segment", "Actual") == str(segment), "the actual segment moved")
    wb.screenshot("whatif-no-deficit")
    wb.press("What-if: in deficit", role="check box")
    wb.wait(lambda: summary_value(wb, "Computed segment") == str(segment), "the segment back in deficit")


SCENARIOS += [whatif_deficit_toggle]
