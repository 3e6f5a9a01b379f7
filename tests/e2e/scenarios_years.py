"""Methodology years as an independent tester found them (issue 12): a
re-assessment and the decisions already recorded, what its preview lists,
the History tab, a programme entry across a change of methodology, and an
import refused for quarters whose year has no methodology."""

import json
import os
import re
import subprocess

from owbe2e import expect, query
from scenarios_actions import enabled
from scenarios_casework import case_in_segment, decision_label, latest_quarter, open_case, year_rules
from scenarios_items import open_from_portfolio

REISSUED_ID = "nof-2026-27-demo-reissued"
REISSUED_TITLE = "DEMO 2026/27 re-issued with other thresholds (test)"


def _write_2026_27(ctx, name, cuts=None, ident=REISSUED_ID, title=REISSUED_TITLE):
    """The demo's 2026/27 file with another id and title and, when given, these cut points for every peer type."""
    rules = year_rules(ctx, "2026/27")
    rules["id"], rules["title"] = ident, title
    if cuts:
        rules["segmentation"]["cuts"] = {t: list(cuts) for t in rules["segmentation"]["cuts"]}
    path = os.path.join(ctx.folder, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(rules, f, indent=2)
    return path


def reassessment_keeps_and_flags_decision(ctx):
    """A decision confirmed on computed segment 4, then File ▸ Methodologies... adds a re-issued 2026/27 file that
    changes that segment: the dry run and the preview name the decision, the preview lists only rows that change,
    the decision is kept as stored, the Casework tab says it was made on segment 4 under the earlier rules and asks
    for a review, and the History tab says the quarter was re-assessed under the new file's title."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    quarter = latest_quarter(case)
    expect(quarter.startswith("2026/27"), "the latest quarter is %s" % quarter)
    wb = open_case(ctx, code, "Casework")
    wb.press("Confirm Computed Segment")
    wb.wait(lambda: query(case, "SELECT count(*) FROM decision WHERE quarter = ?", (quarter,))[0][0] == 1,
            "the confirmation in the case file", timeout=10)
    wb.close()
    stored = query(case, "SELECT kind, computed_segment, decided_segment FROM decision WHERE quarter = ?", (quarter,))
    expect(stored == [("confirm", 4, 4)], "stored decision %r" % stored)
    # Cuts that put every average of 3.5 or less in segment 1.
    reissued = _write_2026_27(ctx, "reissued.json", cuts=(3.5, 3.7, 3.9))

    # The command line's dry run: only rows that change, and the decision named.
    run = subprocess.run([ctx.owb, "methodology", "add", ctx.target, reissued], capture_output=True, text=True,
                         timeout=300)
    expect(run.returncode == 0, "owb methodology add: %s" % run.stderr)
    rows = [line.split(",") for line in run.stdout.strip().splitlines()[1:]]
    expect(rows and all(r[3] != r[4] or r[5] != r[6] or r[7] != r[8] or r[9] != r[10] for r in rows),
           "unchanged rows listed: %r" % rows[:5])
    expect(re.search(r"note: %s .* %s: the confirmation recorded by .* was made when the computed segment was 4; "
                     r"this would make the computed segment \d" % (code, re.escape(quarter)), run.stderr),
           "the dry run does not name the decision: %s" % run.stderr)

    wb = ctx.start()
    wb.find("table", "Case files", timeout=30)
    wb.menu("File", "Methodologies...")
    dialog = wb.dialog("Methodologies")
    wb.press("Add Methodology File...", root=dialog)
    wb.save_file("Add Methodology File", reissued)
    ask = wb.dialog("Add Methodology", timeout=120)
    decisions = wb.cells(wb.table("Decisions to review", root=ask))
    header, decisions = decisions[0], decisions[1:]
    col = {name: i for i, name in enumerate(header)}
    mine = [r for r in decisions if r[col["Code"]] == code and r[col["Quarter"]] == quarter]
    expect(len(mine) == 1 and mine[0][col["Decided on computed segment"]] == "4"
           and mine[0][col["Computed segment after"]] != "4" and mine[0][col["Decision"]] == "Confirmation",
           "the preview's decisions: %r" % decisions)
    changes = wb.cells(wb.table("Changes", root=ask))
    head, changes = changes[0], changes[1:]
    c = {name: i for i, name in enumerate(head)}
    expect(changes and all(any(r[c[what + " before"]] != r[c[what + " after"]]
                               for what in ("Segment", "Final segment", "Average", "Raw segment", "Rank",
                                            "League rank")) for r in changes),
           "the preview lists unchanged rows: %r" % changes[:5])
    wb.find("label", re.compile(r"^%d organisation quarter(\(s\)|s)? would change segment, final segment, raw segment, "
                                r"average, rank or league rank"
                                % len(changes)), root=ask)
    wb.screenshot("reassessment-preview-decisions")
    wb.press("Apply", root=ask)
    wb.gone(ask, timeout=180)
    wb.find("label", re.compile(r"re-assessed"), root=dialog, timeout=180)
    wb.press("Close", root=dialog)
    wb.gone(dialog)
    wb.close()
    # The decision is as it was recorded; the assessment is the new file's.
    expect(query(case, "SELECT kind, computed_segment, decided_segment FROM decision WHERE quarter = ?", (quarter,))
           == stored, "the decision was rewritten")
    now = query(case, "SELECT segment, methodology_id FROM assessment WHERE quarter = ?", (quarter,))[0]
    expect(now[1] == REISSUED_ID and now[0] != 4, "stored assessment %r" % (now,))

    wb = open_case(ctx, code, "Casework")
    wb.wait(lambda: "That decision was made when the computed segment was 4; it is now %d under %s"
            % (now[0], REISSUED_TITLE) in decision_label(wb), "the decision flagged on the Casework tab")
    wb.screenshot("decision-on-another-segment")
    wb.tab("History")
    history = wb.table("History of the case")
    wb.wait(lambda: any(t.startswith("re-assessed under %s (%s), in place of " % (REISSUED_TITLE, REISSUED_ID))
                        for t in wb.column(history, "What changed")), "the re-assessment on the History tab")
    expect("re-assessed" in wb.column(history, "Change"), "changes: %r" % wb.column(history, "Change"))
    wb.screenshot("history-reassessed")
    # Confirming the computed segment again replaces the stale confirmation and clears the review.
    wb.tab("Casework")
    wb.press("Confirm Computed Segment")
    latest = "SELECT kind, computed_segment, decided_segment FROM decision WHERE quarter = ? ORDER BY rowid DESC LIMIT 1"
    wb.wait(lambda: query(case, latest, (quarter,)) == [("confirm", now[0], now[0])],
            "the confirmation of the new computed segment", timeout=10)
    wb.wait(lambda: "That decision was made when" not in decision_label(wb), "the review asked no more")


def preview_of_unchanged_file_lists_nothing(ctx):
    """A file that changes no segment or average (the 2026/27 rules under another id): the preview names the stored
    quarters it re-assesses by their year, says no organisation quarter would change, and how many case-file quarters
    it would re-assess; Cancel changes nothing."""
    same = _write_2026_27(ctx, "same.json", ident="nof-2026-27-demo-copy", title="DEMO 2026/27 copy (test)")
    before = query(ctx.case(case_in_segment(ctx, 4)), "SELECT quarter, digest FROM assessment ORDER BY quarter")
    wb = ctx.start()
    wb.find("table", "Case files", timeout=30)
    wb.menu("File", "Methodologies...")
    dialog = wb.dialog("Methodologies")
    wb.press("Add Methodology File...", root=dialog)
    wb.save_file("Add Methodology File", same)
    ask = wb.dialog("Add Methodology", timeout=120)
    # One year: its stored quarters named by the year, not "of those years".
    summary = wb.find("label", "What adding the methodology does", root=ask).description
    expect(re.search(r"re-assess the 1 stored quarter(\(s\))? of 2026/27\. Nothing is written", summary)
           and "those years" not in summary, "the preview's summary: %r" % summary)
    wb.find("label", "No organisation quarter would change segment, final segment, raw segment, average, rank or league rank.",
            root=ask)
    wb.find("label", re.compile(r"^\d+ case-file quarter(\(s\)|s)? would be re-assessed in all"), root=ask)
    expect(not wb.exists("table", "Changes"), "a table of changes is shown")
    wb.screenshot("preview-nothing-changes")
    wb.press("Cancel", root=ask)
    wb.gone(ask)
    expect(query(ctx.case(case_in_segment(ctx, 4)), "SELECT quarter, digest FROM assessment ORDER BY quarter")
           == before, "Cancel changed the workspace")


def _acute_case(ctx):
    for name in sorted(os.listdir(ctx.workspace)):
        if name.endswith(".owcase"):
            rows = query(os.path.join(ctx.workspace, name), "SELECT peer_type FROM assessment LIMIT 1")
            if rows and rows[0][0] == "acute":
                return name[:-len(".owcase")]
    raise AssertionError("no acute trust in the demo")


def import_refusal_names_every_quarter(ctx):
    """File ▸ Import Metric File... with quarters of two years that have no methodology: refused naming every such
    quarter and pointing to File ▸ Methodologies..., shown over the open workspace (not the start page)."""
    code = _acute_case(ctx)
    data = os.path.join(ctx.folder, "years.csv")
    with open(data, "w", encoding="utf-8") as f:
        f.write("quarter,org_code,org_name,org_type,metric_id,value\n"
                "2025/26 Q3,%s,Some Trust,acute,OF0023,60\n"
                "2027/28 Q1,%s,Some Trust,acute,OF0023,61\n"
                "2022/23 Q4,%s,Some Trust,acute,OF0023,62\n" % (code, code, code))
    def quarters():  # the workspace's quarters of national data, in the folder's peers.owdata or on the server
        if ctx.backend:
            return int(ctx.backend.psql("SELECT count(*) FROM national.quarter", ctx.database))
        return query(os.path.join(ctx.workspace, "peers.owdata"), "SELECT count(*) FROM quarter")[0][0]

    before = quarters()
    wb = ctx.start()
    wb.find("table", "Case files", timeout=30)
    wb.menu("File", "Import Metric File...")
    wb.save_file("Import Metric File", data)
    box = wb.dialog("Import refused", timeout=120)
    text = wb.find("text", "Problems", root=box).queryText().getText(0, -1)
    expect("2022/23 Q4, 2027/28 Q1: the workspace has no methodology for 2022/23 or 2027/28" in text,
           "the refusal: %r" % text)
    expect("File ▸ Methodologies..." in text, "the refusal does not point to File ▸ Methodologies...: %r" % text)
    # Behind the refusal, the workspace is open, not the start page.
    expect(wb.exists("table", "Case files"), "the workspace is not open behind the refusal")
    wb.screenshot("import-refused-over-workspace")
    wb.press("Close", root=box)
    wb.gone(box)
    expect(quarters() == before, "the refused import changed the workspace")


def programme_entry_across_methodologies(ctx):
    """View ▸ Changes This Quarter in the first 2026/27 quarter: an organisation that entered the programme as the
    methodology changed says both, and its detail names the entry."""
    entered = []
    for name in sorted(os.listdir(ctx.workspace)):
        if name.endswith(".owcase"):
            rows = query(os.path.join(ctx.workspace, name),
                         "SELECT entry_quarter FROM programme WHERE entry_quarter LIKE '2026/27%'")
            if rows:
                entered.append(name[:-len(".owcase")])
    if not entered:
        return  # the demo has no such entry: nothing to see
    wb = ctx.start()
    wb.find("table", "Case files", timeout=30)
    wb.menu("View", "Changes This Quarter")
    changes = wb.find("table", "Changes this quarter")
    codes = wb.column(changes, "Code")
    reasons = wb.column(changes, "Reason")
    shown = {c: r for c, r in zip(codes, reasons) if c in entered}
    expect(shown and all(r == "Methodology changed; entered the programme" for r in shown.values()),
           "the reasons of %r: %r" % (entered, shown))
    details = dict(zip(codes, wb.column(changes, "What lies behind it")))
    expect(all(" entry (" in details[c] for c in shown), "the details: %r" % {c: details[c] for c in shown})
    wb.screenshot("changes-programme-entry")


def _without_programme_segment(ctx):
    """The demo's 2026/27 file without a programme segment ("programme_name": null, no label "5"), put in force
    with owb methodology add --apply; returns the file's path."""
    rules = year_rules(ctx, "2026/27")
    rules["id"], rules["title"] = "nof-2026-27-demo-no-programme", "DEMO 2026/27 without a programme segment (test)"
    rules["programme_name"] = None
    rules["segment_labels"].pop("5", None)
    path = os.path.join(ctx.folder, "no-programme.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(rules, f, indent=2)
    run = subprocess.run([ctx.owb, "methodology", "add", ctx.target, path, "--apply"], capture_output=True,
                         text=True, timeout=300)
    expect(run.returncode == 0, "owb methodology add --apply: %s" % run.stderr)
    return path


def year_without_programme_segment(ctx):
    """2026/27 re-assessed under a file with no programme segment: the demo ICB in the programme since 2025/26 shows
    its computed 2026/27 segment (not 5) on the Overview and in the portfolio, and says it is in the programme and
    that 2026/27 has no programme segment; a segment-4 trust is offered no Enter the Programme... in 2026/27, the
    Casework tab says why, and nothing is stored."""
    icb = None  # chosen from the demo's case files before anything changes (on a server too)
    for name in sorted(os.listdir(ctx.workspace)):
        if name.endswith(".owcase") and query(os.path.join(ctx.workspace, name),
                                              "SELECT count(*) FROM programme WHERE entry_quarter = '2025/26 Q1'"
                                              " AND exit_quarter = ''")[0][0]:
            icb = name[:-len(".owcase")]
    expect(icb, "the demo has no organisation in the programme since 2025/26 Q1")
    trust = case_in_segment(ctx, 4)
    _without_programme_segment(ctx)
    case = ctx.case(icb)
    quarter = latest_quarter(case)
    expect(quarter.startswith("2026/27"), "the latest quarter is %s" % quarter)
    computed = query(case, "SELECT segment FROM assessment WHERE quarter = ?", (quarter,))[0][0]
    expect(computed and 1 <= computed <= 4, "the computed segment of %s in %s is %r" % (icb, quarter, computed))

    wb = ctx.start()
    cases = wb.find("table", "Case files", timeout=30)
    rows = wb.cells(cases)
    col = {name: i for i, name in enumerate(rows[0])}
    mine = [r for r in rows[1:] if r[col["Code"]] == icb]
    expect(mine and mine[0][col["Segment"]] == "Segment %d" % computed,
           "the portfolio's segment of %s: %r (computed %d)" % (icb, mine and mine[0][col["Segment"]], computed))
    open_from_portfolio(wb, icb)
    wb.tab("Overview")
    wb.find("label", "Segment %d" % computed)
    expect(not wb.find_all("label", "Segment 5"), "the Overview says segment 5")
    wb.find("label", re.compile(r"In the Recovery Support Programme since 2025/26 Q1; 2026/27 has no programme segment\."))
    wb.screenshot("year-without-programme-overview")

    trust_case = ctx.case(trust)
    open_from_portfolio(wb, trust)
    wb.tab("Casework")
    enter = wb.find("push button", "Enter the Programme...")
    expect(not enabled(enter), "Enter the Programme... is enabled in a year without a programme segment")
    wb.find("label", re.compile(r"^Not in the programme in %s\. 2026/27 has no programme segment" % re.escape(quarter)))
    wb.screenshot("year-without-programme-casework")
    expect(query(trust_case, "SELECT count(*) FROM programme")[0][0] == 0, "a programme entry was stored")


def reissue_said_in_history(ctx):
    """The demo's 2026/27 file re-issued under the same id with other thresholds (owb methodology add --apply): a
    case's History tab says the quarter was re-assessed under a re-issue ("re-issued", "file changed"), not an
    ordinary rewrite."""
    rules = year_rules(ctx, "2026/27")
    code = case_in_segment(ctx, 4)  # 1 after the re-issue's cuts
    path = _write_2026_27(ctx, "reissue.json", cuts=(3.5, 3.7, 3.9), ident=rules["id"], title=rules["title"])
    run = subprocess.run([ctx.owb, "methodology", "add", ctx.target, path, "--apply"], capture_output=True,
                         text=True, timeout=300)
    expect(run.returncode == 0, "owb methodology add --apply: %s" % run.stderr)
    case = ctx.case(code)
    quarter = latest_quarter(case)
    expect(query(case, "SELECT methodology_id FROM assessment WHERE quarter = ?", (quarter,))[0][0] == rules["id"],
           "the id changed")
    wb = open_case(ctx, code, "History")
    history = wb.table("History of the case")
    said = re.compile(r"^re-assessed under %s \(%s re-issued \d\d/\d\d/\d{4}, file changed: SHA-256 [0-9a-f]{12}\.\.\. "
                      r"in place of [0-9a-f]{12}\.\.\.\); segment: " % (re.escape(rules["title"]), re.escape(rules["id"])))
    wb.wait(lambda: any(said.search(t) for t in wb.column(history, "What changed")),
            "the re-issue on the History tab")
    expect("re-assessed" in wb.column(history, "Change"), "changes: %r" % wb.column(history, "Change"))
    wb.screenshot("history-reissued")


SCENARIOS = [reassessment_keeps_and_flags_decision, preview_of_unchanged_file_lists_nothing,
             import_refusal_names_every_quarter, programme_entry_across_methodologies, year_without_programme_segment,
             reissue_said_in_history]
