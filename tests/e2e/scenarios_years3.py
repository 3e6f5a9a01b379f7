"""Methodology years, the tester's third round (issue 12): a re-issue that takes a year's programme segment away
lists the final segments and league ranks it moves, in File ▸ Methodologies...'s preview as in the dry run, and
applies behind a progress dialog that says what it did."""

import json
import os
import re
import subprocess

from owbe2e import expect, query
from scenarios_casework import latest_quarter, year_rules


def _no_programme_file(ctx):
    """The demo's 2026/27 file with no programme segment ("programme_name": null, no label "5")."""
    rules = year_rules(ctx, "2026/27")
    rules["id"], rules["title"] = "nof-2026-27-demo-no-programme", "DEMO 2026/27 without a programme segment (test)"
    rules["programme_name"] = None
    rules["segment_labels"].pop("5", None)
    path = os.path.join(ctx.folder, "no-programme.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(rules, f, indent=2)
    return path


def _in_programme(ctx, quarter):
    """The codes of the demo's cases in the programme during `quarter` (entered in it or before, not left)."""
    codes = []
    for name in sorted(os.listdir(ctx.workspace)):
        if name.endswith(".owcase"):
            code = name[:-len(".owcase")]
            rows = query(ctx.case(code), "SELECT entry_quarter, exit_quarter FROM programme")
            if any(e and e <= quarter and (not x or x > quarter) for e, x in rows):
                codes.append(code)
    return codes


def reissue_without_programme_lists_final_segments(ctx):
    """File ▸ Methodologies... adds a 2026/27 file without a programme segment: the preview's Changes list each
    organisation in the programme with its final segment 5 before and its computed one after, "No programme segment
    in 2026/27" as the reason, and the league ranks that move with it; the same rows as owb methodology add's dry
    run. Apply shows its progress and then says how many case-file quarters were re-assessed and how many
    organisation quarters changed; the portfolio then shows the computed segment."""
    path = _no_programme_file(ctx)
    dry = subprocess.run([ctx.owb, "methodology", "add", ctx.workspace, path], capture_output=True, text=True,
                         timeout=300)
    expect(dry.returncode == 0, "owb methodology add: %s" % dry.stderr)
    lines = dry.stdout.strip().splitlines()
    head = lines[0].split(",")
    rows = [dict(zip(head, line.split(","))) for line in lines[1:]]
    moved = {r["org_code"]: r for r in rows if r["final_segment_reason"] == "no programme segment in 2026/27"}
    expect(moved, "the dry run lists no final segment moved by the lost programme segment: %s" % dry.stdout[:2000])
    quarter = next(iter(moved.values()))["quarter"]
    expect(sorted(moved) == _in_programme(ctx, quarter)
           and all(r["final_segment_before"] == "5" and r["final_segment_after"] == r["segment_after"]
                   for r in moved.values()),
           "the moved final segments: %r" % moved)
    ranks = [r for r in rows if r["league_rank_before"] != r["league_rank_after"] and r["org_code"] not in moved]
    expect(ranks, "no other trust's league rank moves in the dry run")

    wb = ctx.start()
    wb.find("table", "Case files", timeout=30)
    wb.menu("File", "Methodologies...")
    dialog = wb.dialog("Methodologies")
    wb.press("Add Methodology File...", root=dialog)
    wb.save_file("Add Methodology File", path)
    ask = wb.dialog("Add Methodology", timeout=180)
    changes = wb.cells(wb.table("Changes", root=ask))
    header, changes = changes[0], changes[1:]
    col = {name: i for i, name in enumerate(header)}
    shown = {(r[col["Code"]], r[col["Quarter"]]) for r in changes}
    expect(shown == {(r["org_code"], r["quarter"]) for r in rows},
           "the preview and the dry run differ: %r / %r" % (sorted(shown)[:10], [(r["org_code"], r["quarter"]) for r in rows][:10]))
    for r in changes:
        if r[col["Code"]] in moved:
            expect(r[col["Final segment before"]] in ("5", "not segmented")
                   and r[col["Why the final segment moves"]] == "No programme segment in 2026/27",
                   "the preview's row of %s: %r" % (r[col["Code"]], r))
    wb.find("label", re.compile(r"^%d organisation quarters would change segment, final segment, raw segment, "
                                r"average, rank or league rank:$" % len(changes)), root=ask)
    wb.screenshot("preview-no-programme-segment")
    wb.press("Apply", root=ask)
    wb.gone(ask, timeout=180)
    # The result names what changed, as the preview listed it.
    applied = wb.dialog("Methodology Applied", timeout=300)
    text = wb.label_text(re.compile(r"is in force for"), root=applied)
    expect(re.search(r"nof-2026-27-demo-no-programme is in force for 2026/27; \d+ case-file quarters re-assessed\. "
                     r"%d organisation quarters changed, as listed before applying:" % len(changes), text),
           "the result: %r" % text)
    wb.press("Close", root=applied)
    wb.gone(applied)
    wb.screenshot("applied-no-programme-segment")
    wb.press("Close", root=dialog)
    wb.gone(dialog)

    # What the portfolio shows now is what the preview said after.
    cases = wb.find("table", "Case files", timeout=60)
    table = wb.cells(cases)
    pc = {name: i for i, name in enumerate(table[0])}
    for code, r in moved.items():
        mine = [t for t in table[1:] if t[pc["Code"]] == code]
        if mine and r["final_segment_after"]:
            expect(mine[0][pc["Segment"]] == "Segment %s" % r["final_segment_after"],
                   "the portfolio's segment of %s: %r, the preview said %s" % (code, mine[0][pc["Segment"]],
                                                                              r["final_segment_after"]))
        stored = query(ctx.case(code), "SELECT methodology_id FROM assessment WHERE quarter = ?", (quarter,))
        expect(stored == [("nof-2026-27-demo-no-programme",)], "%s %s stored under %r" % (code, quarter, stored))
    expect(latest_quarter(ctx.case(next(iter(moved)))) == quarter, "the quarter is not the latest")


SCENARIOS = [reissue_without_programme_lists_final_segments]
