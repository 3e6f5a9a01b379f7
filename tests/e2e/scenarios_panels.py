"""The trajectory of a trust in the programme, and the reconciliation with a
published league table."""

import csv
import io
import os
import re
import subprocess

from owbe2e import expect, query, text_of
from scenarios_casework import latest_quarter, open_case, year_rules_file
from scenarios_items import case_of_type


def trajectory_point_ahead(ctx):
    """Add Trajectory Point... offers the quarters after the latest, and stores the one chosen (item 5)."""
    code = case_of_type(ctx, "acute", in_programme=True)
    case = ctx.case(code)
    latest = latest_quarter(case)
    year, quarter = int(latest[:4]), int(latest[-1])
    ahead = "%d/%02d Q%d" % (year + quarter // 4, (year + quarter // 4 + 1) % 100, quarter % 4 + 1)
    wb = open_case(ctx, code, "Casework")
    before = query(case, "SELECT count(*) FROM trajectory_point")[0][0]
    wb.press("Add Trajectory Point...")
    box = wb.dialog("Add Trajectory Point")
    shown = wb.combo("Quarter", root=box).name
    expect(shown == "%s (ahead)" % ahead, "the quarter offered first is %r, not %r (ahead)" % (shown, ahead))
    wb.answer_form("Add Trajectory Point", {"Planned value": "61.5"})  # the first metric
    wb.wait(lambda: query(case, "SELECT count(*) FROM trajectory_point")[0][0] == before + 1, "the point stored")
    metric, stored, planned = query(case, "SELECT metric_id, quarter, planned FROM trajectory_point ORDER BY id DESC LIMIT 1")[0]
    expect((stored, planned) == (ahead, "61.5"), "stored %r" % ((metric, stored, planned),))
    table = wb.find("table", "Improvement trajectory")
    # Shown in the metric's own format: "61.50" with its unit ("61.50%").
    listed = [row[:3] for row in wb.cells(table)[1:]]
    # The metric by its id and name, as the methodology names it (tester's report 13, item 3).
    expect(any(row[0].startswith(metric + " ") and row[1] == ahead and row[2].startswith("61.50") for row in listed),
           "the point is not listed: %r" % listed)


def reconciliation_rank_and_quarter(ctx):
    """Reconciliation: a published rank that differs is a difference; another toolbar quarter is said, not silently compared (item 6)."""
    case = next(os.path.join(ctx.workspace, n) for n in sorted(os.listdir(ctx.workspace)) if n.endswith(".owcase"))
    quarter = latest_quarter(case)
    # Assessed under the quarter's own year's methodology, as the workspace assessed it.
    out = subprocess.run([ctx.owb, "segment", "--data", os.path.join(ctx.workspace, "national-metrics.csv"),
                          "--methodology", year_rules_file(ctx, quarter), "--quarter", quarter],
                         capture_output=True, text=True, check=True).stdout
    rows = [r for r in csv.DictReader(io.StringIO(out)) if r["org_type"] == "acute" and r["segment"]]
    # NHS England publishes final segments (5 in the Recovery Support
    # Programme) ranked after decisions, as the workbench's league does.
    portfolio = subprocess.run([ctx.owb, "portfolio", ctx.workspace, "--quarter", quarter], capture_output=True,
                               text=True, check=True).stdout
    final = {p["org_code"]: p["segment"] for p in csv.DictReader(io.StringIO(portfolio)) if p["segment"]}
    for r in rows:
        r["segment"] = final.get(r["org_code"], r["segment"])
    keys = [(int(r["segment"]), round(float(r["average_score"]) * 100)) for r in rows]
    for r, key in zip(rows, keys):
        r["rank"] = str(1 + sum(1 for other in keys if other < key))
    published = os.path.join(ctx.folder, "published.csv")
    changed = rows[0]["org_code"]
    with open(published, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Trust_code", "Segment", "Average_score", "Trust_in_financial_deficit", "Rank"])
        for r in rows:
            rank = int(r["rank"]) + (16 if r["org_code"] == changed else 0)
            w.writerow([r["org_code"], r["segment"], r["average_score"], "Yes" if r["deficit"] in ("1", "true") else "No", rank])
    wb = ctx.start()
    wb.menu("View", "Reconciliation with the Published League Table")
    wb.press("Open Published League Table...")
    wb.save_file("Open Published League Table", published)
    wb.find("label", re.compile(r"^published\.csv against %s: %d trusts compared, 1 differ\." % (re.escape(quarter), len(rows))))
    table = wb.find("table", "Reconciliation with the published league table")
    cells = wb.cells(table)
    expect(len(cells) == 2 and cells[1][0] == changed and "rank %s here, %d published" % (rows[0]["rank"], int(rows[0]["rank"]) + 16)
           in cells[1][-1], "reconciliation rows %s" % cells[1:])
    wb.menu("View", "Earlier Quarter")
    wb.find("label", re.compile(r"against %s: .*The toolbar shows " % re.escape(quarter)))


SCENARIOS = [trajectory_point_ahead, reconciliation_rank_and_quarter]


def every_case_tab(ctx):
    """Each tab of a trust shows its content; History shows the edit in words, not column names or hundredths."""
    from scenarios_casework import case_in_segment
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    wb = open_case(ctx, code, "Overview")
    wb.press("Show the charts as tables", role="check box")
    history = wb.find("table", "Segment by quarter, as a table")
    assessed = query(case, "SELECT count(*) FROM assessment")[0][0]
    expect(len(wb.cells(history)) == assessed + 1,
           "the segment history table has %d rows, the case %d quarters" % (len(wb.cells(history)) - 1, assessed))
    # Each quarter names the methodology it was assessed under, as its case file stores it (the
    # demo: the 2025/26 file up to 2025/26 Q4, its demo 2026/27 file in 2026/27).
    stored = [m for (m,) in query(case, "SELECT methodology_id FROM assessment ORDER BY quarter")]
    marked = [m + (" (methodology changed)" if i and m != stored[i - 1] else "") for i, m in enumerate(stored)]
    expect(wb.column(history, "Methodology") == marked,
           "the history's methodology column says %s, the case file %s" % (wb.column(history, "Methodology"), stored))
    expect(len(set(stored)) > 1, "the demo's history crosses no change of methodology: %s" % stored)
    wb.tab("Metrics")
    metrics = wb.find("table", "Metrics of the quarter")
    rows = wb.cells(metrics)
    expect(len(rows) > 10, "the Metrics tab lists too few metrics")
    # One number format in a column, and the arrow where the value went (item 15).
    header = rows[0]
    quarters = [q for (q,) in query(case, "SELECT quarter FROM assessment ORDER BY quarter")]
    for row in rows[1:]:
        median = row[header.index("Peer median")]
        expect(median == "" or re.match(r"^-?\d+\.\d\d\D*$", median), "peer median %r" % median)
        metric = row[header.index("Metric")].split()[0]
        values = dict(query(case, "SELECT quarter, number FROM metric_value WHERE metric_id = ? AND quarter IN (?, ?)",
                            (metric, quarters[-1], quarters[-2])))
        trend = row[header.index("Trend")]
        if trend and values.get(quarters[-1]) is not None and values.get(quarters[-2]) is not None:
            now, before = values[quarters[-1]], values[quarters[-2]]
            # The bus reads the words the arrow stands for ("fell, better than last quarter").
            went = "rose" if now > before + 1e-9 else "fell" if now < before - 1e-9 else "unchanged"
            expect(trend.startswith(went), "%s went from %s to %s but reads %r" % (metric, before, now, trend))
    wb.tab("Casework")
    wb.press("Confirm Computed Segment")
    wb.wait(lambda: query(case, "SELECT count(*) FROM decision")[0][0] == 1, "the confirmation")
    wb.tab("History")
    history = wb.find("table", "History of the case")
    rows = wb.cells(history)
    expect(any(r[2].startswith("decision") and r[3] == "added" and "decided segment: 4" in r[4] for r in rows[1:]),
           "the confirmation is not in the history: %s" % rows[1:3])
    expect(not any(re.search(r"\b(digest|sha256)\b|_", r[4]) for r in rows[1:]), "raw column names or hashes in the history")
    # Times as every date is shown (en_GB by default, issue 13 item 5): "13/04/2026 09:41".
    expect(all(re.match(r"^\d\d/\d\d/\d{4} \d\d:\d\d$", r[0]) for r in rows[1:]), "history times %s" % rows[1][0])
    # Names as the methodology names them, no empty fields, times in the one format (issue 11 retest).
    raw = [r[4] for r in rows[1:] if re.search(r"\b\w[\w ]*: (;|$)|\bid: |\d{4}-\d\d-\d\dT\d\d:|: (moderate|limited|high|low)\b", r[4])]
    expect(not raw, "raw values in the history: %s" % raw[:3])
    wb.find("label", re.compile("^The audit trail is intact"))


def changes_and_league_exports(ctx):
    """View ▸ Changes This Quarter lists moved organisations; its and the league's Export CSV... write files and say so."""
    wb = ctx.start()
    wb.menu("View", "Changes This Quarter")
    changes = wb.find("table", "Changes this quarter")
    expect(len(wb.cells(changes)) > 1, "no change listed")
    out = os.path.join(ctx.folder, "changes.csv")
    wb.press("Export CSV...")
    wb.save_file("Export CSV", out)
    wb.find("label", re.compile(r"^Written .*changes\.csv"), only_showing=False)
    wb.menu("View", "League Table")
    wb.find("table", "League table")
    league = os.path.join(ctx.folder, "league.csv")
    wb.press("Export CSV...")
    wb.save_file("Export CSV", league)
    wb.find("label", re.compile(r"^Written .*league\.csv"), only_showing=False)
    with open(league, encoding="utf-8") as f:
        expect(len(f.readlines()) > 50, "the league CSV is short")


def icb_system_tab(ctx):
    """An ICB: the System tab lists the six system considerations; segmented in a year whose methodology
    segments ICBs (the demo's 2026/27), not segmented in one that does not (2025/26)."""
    from scenarios_items import case_of_type
    from scenarios_casework import icbs_segmented, to_quarter_without_icb_segments
    code = case_of_type(ctx, "icb", in_programme=False)
    wb = open_case(ctx, code, "System")
    table = wb.find("table", "System considerations")
    expect(len(wb.cells(table)) == 7, "system considerations: %d rows" % (len(wb.cells(table)) - 1))
    wb.tab("Overview")
    quarter = latest_quarter(ctx.case(code))
    if icbs_segmented(ctx, quarter.split()[0]):
        wb.find("label", re.compile(r"^Segment [1-4]$"))
        wb.find("label", re.compile(r"against the %s thresholds" % re.escape(quarter.split()[0])))
    to_quarter_without_icb_segments(ctx, wb)
    wb.find("label", "Not segmented")
    # No overall capability view recorded: its date says so, not today's date (item 12).
    if not query(ctx.case(code), "SELECT count(*) FROM capability_overall WHERE decided_on <> ''")[0][0]:
        wb.tab("Capability")
        date = wb.find("text", "Date of the overall view")  # empty: its placeholder says "not decided"
        expect(text_of(date) == "", "the unset date reads %r" % text_of(date))


SCENARIOS += [every_case_tab, changes_and_league_exports, icb_system_tab]
