"""Methodology years, an independent tester's second round (issue 12): ICBs
first segmented under the 2026/27 rules in the changes view (and a programme
entry named only in its own quarter), the numbered key of the segment
history's changes of methodology, a title with a bidi override refused, and a
new workspace from a file of a year the built-in methodology does not cover."""

import json
import os
import re
import subprocess

from owbe2e import expect, query
from scenarios_casework import latest_quarter, open_case, year_rules


def _icbs(ctx):
    """The codes of the demo's ICBs."""
    codes = []
    for name in sorted(os.listdir(ctx.workspace)):
        if name.endswith(".owcase"):
            rows = query(os.path.join(ctx.workspace, name), "SELECT peer_type FROM organisation")
            if rows and rows[0][0] == "icb":
                codes.append(name[:-len(".owcase")])
    return codes


def icbs_first_segmented_in_changes(ctx):
    """View ▸ Changes This Quarter in the first 2026/27 quarter lists every ICB (not segmented in 2025/26) as
    "Methodology changed; first segmented", was "Not segmented", its detail "first segmented under" the 2026/27
    title, as owb portfolio's movement_detail says it; an ICB in the programme since an earlier year is not said
    to have entered it."""
    icbs = _icbs(ctx)
    expect(icbs, "the demo has no ICB")
    quarter = latest_quarter(ctx.case(icbs[0]))
    title = year_rules(ctx, "2026/27")["title"]
    printed = subprocess.run([ctx.owb, "portfolio", ctx.workspace, "--format", "json"], capture_output=True,
                             text=True, check=True).stdout
    portfolio = {row["org_code"]: row for row in json.loads(printed)}
    wb = ctx.start()
    wb.find("table", "Case files", timeout=30)
    wb.menu("View", "Changes This Quarter")
    changes = wb.find("table", "Changes this quarter")
    codes = wb.column(changes, "Code")
    rows = {c: (was, reason, detail) for c, was, reason, detail in
            zip(codes, wb.column(changes, "Was"), wb.column(changes, "Reason"),
                wb.column(changes, "What lies behind it"))}
    wb.screenshot("changes-first-segmented")
    for code in icbs:
        entered = query(ctx.case(code), "SELECT count(*) FROM programme WHERE entry_quarter = ?", (quarter,))[0][0]
        expect(code in rows, "%s is not listed in the changes: %r" % (code, sorted(rows)))
        was, reason, detail = rows[code]
        expect(was == "Not segmented", "%s was %r" % (code, was))
        expect(reason == ("Methodology changed; entered the programme" if entered
                          else "Methodology changed; first segmented"), "%s: %r" % (code, reason))
        expect("first segmented under %s" % title in detail, "%s's detail: %r" % (code, detail))
        expect(portfolio[code]["movement"] == "methodology-changed", "%s: %r" % (code, portfolio[code]))
        expect(portfolio[code]["movement_detail"] == detail,
               "%s: owb portfolio says %r, the changes view %r" % (code, portfolio[code]["movement_detail"], detail))


def segment_history_key_names_each_change(ctx):
    """The Overview's segment history numbers each change of methodology on the chart and names it in full in a key
    under it ("1: methodology ID from QUARTER", "re-issue of ID" for the same id with another file), never cut."""
    code = next(c for c in sorted(n[:-len(".owcase")] for n in os.listdir(ctx.workspace) if n.endswith(".owcase"))
                if query(ctx.case(c), "SELECT peer_type FROM organisation")[0][0] == "acute")
    stored = query(ctx.case(code), "SELECT quarter, methodology_id, methodology_sha256 FROM assessment")
    stored.sort(key=lambda r: (r[0][:7], r[0][-1]))
    expected = []
    for before, now in zip(stored, stored[1:]):
        if before[2] != now[2]:
            # A re-issue (the same id, another file) is named as one.
            name = ("re-issue of %s" if before[1] == now[1] else "methodology %s") % now[1]
            expected.append("%d: %s from %s" % (len(expected) + 1, name, now[0]))
    expect(expected, "%s has no change of methodology: %r" % (code, stored))
    wb = open_case(ctx, code)
    key = wb.label_text(re.compile(r"^1: (methodology|re-issue of) "))
    shown = [line.strip() for line in key.splitlines() if line.strip()]
    expect(shown == expected, "the key %r, shown %r" % (expected, shown))
    wb.screenshot("segment-history-key")


def bidi_title_refused(ctx):
    """File ▸ Methodologies... with a file whose title holds a right-to-left override: refused, the message names
    the file and the field; nothing changed."""
    rules = year_rules(ctx, "2026/27")
    rules["id"] = "nof-2026-27-bidi"
    rules["title"] = "abc\u202edef"
    path = os.path.join(ctx.folder, "title_bidi.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(rules, f, ensure_ascii=True)
    wb = ctx.start()
    wb.find("table", "Case files", timeout=30)
    wb.menu("File", "Methodologies...")
    dialog = wb.dialog("Methodologies")
    wb.press("Add Methodology File...", root=dialog)
    wb.save_file("Add Methodology File", path)
    box = wb.dialog("Methodology refused", timeout=30)
    text = wb.alert_text(box)
    expect("title_bidi.json: title: holds U+202E (right-to-left override), an invisible formatting character" in text, "the refusal: %r" % text)
    wb.screenshot("bidi-title-refused")
    wb.press("OK", root=box)
    wb.gone(box)
    register = wb.table("Methodology register", root=dialog)
    expect("nof-2026-27-bidi" not in wb.column(register, "Methodology"), "the refused file was registered")


def new_workspace_for_later_year(ctx):
    """File ▸ New Workspace from Metric File... with a file of 2026/27 only (the built-in methodology covers
    2025/26): the workbench asks for the year's methodology file before creating anything, and creates the
    workspace with it, registered for 2026/27."""
    rules = year_rules(ctx, "2026/27")
    methodology = os.path.join(ctx.folder, "nof-2026-27.json")
    with open(methodology, "w", encoding="utf-8") as f:
        json.dump(rules, f)
    data = os.path.join(ctx.folder, "y2627.csv")
    with open(data, "w", encoding="utf-8") as f:
        f.write("quarter,org_code,org_name,org_type,metric_id,value,region\n"
                "2026/27 Q1,RA1,Alpha,acute,OF0023,52,Midlands\n"
                "2026/27 Q1,RA2,Beta,acute,OF0023,61,London\n")
    folder = os.path.join(ctx.folder, "newws")
    os.mkdir(folder)
    wb = ctx.start()
    wb.find("table", "Case files", timeout=30)
    wb.menu("File", "New Workspace from Metric File...")
    wb.save_file("New Workspace from Metric File", data)
    wb.save_file("Choose an Empty Folder for the Workspace", folder)
    wb.answer_input("Region", None)
    ask = wb.dialog("Methodology Needed", timeout=60)
    text = wb.alert_text(ask)
    expect("2026/27" in text and "nothing has been created" in text, "the question: %r" % text)
    expect(os.listdir(folder) == [], "the folder holds %r before the methodology is chosen" % os.listdir(folder))
    wb.screenshot("new-workspace-asks-methodology")
    wb.press("Choose Methodology File...", root=ask)
    wb.save_file("Methodology File for 2026/27", methodology)
    wb.wait(lambda: os.path.exists(os.path.join(folder, "RA1.owcase")), "the new workspace's case files", timeout=60)
    listed = subprocess.run([ctx.owb, "methodology", "list", folder], capture_output=True, text=True, check=True).stdout
    expect(re.search(r"^2026/27,%s," % re.escape(rules["id"]), listed, re.M), "the register: %s" % listed)


SCENARIOS = [icbs_first_segmented_in_changes, segment_history_key_names_each_change, bidi_title_refused,
             new_workspace_for_later_year]
