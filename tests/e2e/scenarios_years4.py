"""Methodology years, an independent tester's fourth round (issue 12): a new
workspace from a metric file spanning 2025/26 and 2026/27 (the built-in file
keeps 2025/26, the workbench asks only for 2026/27), an import refused for a
year without methodology told in the workbench's terms, and a re-assessment
said once in a case's History."""

import json
import os
import re
import subprocess
import time

from owbe2e import expect
from scenarios_casework import latest_quarter, open_case, year_rules


def new_workspace_spanning_two_years(ctx):
    """File ▸ New Workspace from Metric File... with 2025/26 Q3, Q4 and 2026/27 Q1 rows: the workbench asks for the
    2026/27 file only (the built-in file covers 2025/26), then creates the workspace with both registered, each for
    its year, instead of asking again for 2025/26."""
    rules = year_rules(ctx, "2026/27")
    methodology = os.path.join(ctx.folder, "nof-2026-27.json")
    with open(methodology, "w", encoding="utf-8") as f:
        json.dump(rules, f)
    data = os.path.join(ctx.folder, "span.csv")
    with open(data, "w", encoding="utf-8") as f:
        f.write("quarter,org_code,org_name,org_type,metric_id,value,region\n")
        for quarter, values in (("2025/26 Q3", (50, 58)), ("2025/26 Q4", (51, 57)), ("2026/27 Q1", (52, 61))):
            f.write("%s,RA1,Alpha,acute,OF0023,%d,Midlands\n%s,RA2,Beta,acute,OF0023,%d,London\n"
                    % (quarter, values[0], quarter, values[1]))
    folder = os.path.join(ctx.folder, "spanws")
    os.mkdir(folder)
    wb = ctx.start()
    wb.find("table", "Case files", timeout=30)
    wb.menu("File", "New Workspace from Metric File...")
    wb.save_file("New Workspace from Metric File", data)
    wb.save_file("Choose an Empty Folder for the Workspace", folder)
    wb.answer_input("Region", None)
    ask = wb.dialog("Methodology Needed", timeout=60)
    text = wb.alert_text(ask)
    expect("holds quarters of 2026/27" in text and "only for 2025/26" in text, "the question: %r" % text)
    wb.screenshot("span-asks-2026-27")
    wb.press("Choose Methodology File...", root=ask)
    wb.save_file("Methodology File for 2026/27", methodology)
    wb.wait(lambda: os.path.exists(os.path.join(folder, "RA1.owcase")), "the new workspace's case files", timeout=60)
    # Not asked again (for 2025/26 or anything else), and no refusal.
    expect(not wb.exists("dialog", "Methodology Needed"), "asked again for a methodology")
    expect(not wb.exists("dialog", "Import refused"), "the import was refused")
    listed = subprocess.run([ctx.owb, "methodology", "list", folder], capture_output=True, text=True, check=True).stdout
    expect(re.search(r"^2025/26,nof-2025-26,", listed, re.M), "2025/26 in the register: %s" % listed)
    expect(re.search(r"^2026/27,%s," % re.escape(rules["id"]), listed, re.M), "2026/27 in the register: %s" % listed)
    quarters = subprocess.run([ctx.owb, "portfolio", folder, "--quarter", "2025/26 Q3"], capture_output=True, text=True)
    expect(quarters.returncode == 0 and "RA1" in quarters.stdout, "2025/26 Q3 not imported: %s" % quarters.stderr)


def import_refusal_in_workbench_terms(ctx):
    """File ▸ Import Metric File... with a quarter of 2027/28, which has no methodology: the refusal says what to do
    in the workbench (File ▸ Methodologies..., Add Methodology File...), not a command-line option."""
    data = os.path.join(ctx.folder, "y2728.csv")
    with open(data, "w", encoding="utf-8") as f:
        f.write("quarter,org_code,org_name,org_type,metric_id,value\n"
                "2027/28 Q1,RA1,Some Trust,acute,OF0023,61\n")
    wb = ctx.start()
    wb.find("table", "Case files", timeout=30)
    wb.menu("File", "Import Metric File...")
    wb.save_file("Import Metric File", data)
    box = wb.dialog("Import refused", timeout=120)
    text = wb.find("text", "Problems", root=box).queryText().getText(0, -1)
    expect("2027/28 Q1: the workspace has no methodology for 2027/28" in text, "the refusal: %r" % text)
    expect("File ▸ Methodologies..., then Add Methodology File..." in text, "no workbench advice: %r" % text)
    expect("--methodology" not in text and "owb " not in text, "command-line advice in the workbench: %r" % text)
    wb.screenshot("import-refused-workbench-advice")
    wb.press("Close", root=box)
    wb.gone(box)


def reassessment_said_once_in_history(ctx):
    """A year re-assessed under another file (owb methodology add --apply): a case's History tab lists each
    re-assessed quarter once, as "re-assessed" with the segment and average before and after, not also as
    "removed"."""
    rules = year_rules(ctx, "2026/27")
    rules["id"] = rules["id"] + "-other"
    rules["title"] = "Another file for 2026/27"
    path = os.path.join(ctx.folder, "other-2026-27.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(rules, f)
    run = subprocess.run([ctx.owb, "methodology", "add", ctx.workspace, path, "--apply"], capture_output=True,
                         text=True, timeout=300)
    expect(run.returncode == 0, "owb methodology add --apply: %s" % run.stderr)
    code = sorted(n[:-len(".owcase")] for n in os.listdir(ctx.workspace) if n.endswith(".owcase"))[0]
    quarter = latest_quarter(ctx.case(code))
    wb = open_case(ctx, code, "History")
    history = wb.table("History of the case")
    record = "assessment %s" % quarter
    wb.wait(lambda: "re-assessed" in wb.column(history, "Change"), "the re-assessment on the History tab")
    records = wb.column(history, "Record")
    changes = wb.column(history, "Change")
    said = wb.column(history, "What changed")
    rows = [i for i, r in enumerate(records) if r == record]
    expect([changes[i] for i in rows][:1] == ["re-assessed"], "the quarter's entries: %r" % [changes[i] for i in rows])
    expect("removed" not in [changes[i] for i in rows], "the re-assessment also listed as removed: %r"
           % [(changes[i], said[i]) for i in rows])
    expect(re.search(r"; segment: .+ → .+; average: [0-9.]+ → [0-9.]+", said[rows[0]]),
           "before and after: %r" % said[rows[0]])
    wb.screenshot("history-reassessed-once")


def new_workspace_methodology_cancelled_or_wrong(ctx):
    """File ▸ New Workspace from Metric File... with 2026/27 rows: a methodology file for another year is refused
    with the reason and the question is asked again; Cancel then just cancels: no "Import refused" box, no
    command-line advice, nothing created in the folder."""
    rules = year_rules(ctx, "2025/26")
    wrong = os.path.join(ctx.folder, "nof-2025-26.json")
    with open(wrong, "w", encoding="utf-8") as f:
        json.dump(rules, f)
    data = os.path.join(ctx.folder, "y2627.csv")
    with open(data, "w", encoding="utf-8") as f:
        f.write("quarter,org_code,org_name,org_type,metric_id,value,region\n"
                "2026/27 Q1,RA1,Alpha,acute,OF0023,52,Midlands\n")
    folder = os.path.join(ctx.folder, "cancelws")
    os.mkdir(folder)
    wb = ctx.start()
    wb.find("table", "Case files", timeout=30)
    wb.menu("File", "New Workspace from Metric File...")
    wb.save_file("New Workspace from Metric File", data)
    wb.save_file("Choose an Empty Folder for the Workspace", folder)
    wb.answer_input("Region", None)
    ask = wb.dialog("Methodology Needed", timeout=60)
    wb.press("Choose Methodology File...", root=ask)
    wb.save_file("Methodology File for 2026/27", wrong)
    refused = wb.dialog("Methodology refused", timeout=30)
    text = wb.alert_text(refused)
    expect("declares 2025/26, not 2026/27" in text, "the reason: %r" % text)
    wb.screenshot("methodology-wrong-year")
    wb.press("OK", root=refused)
    wb.gone(refused)
    # Asked again: the user may choose another file, or cancel.
    ask = wb.dialog("Methodology Needed", timeout=30)
    wb.press("Cancel", root=ask)
    wb.gone(ask)
    time.sleep(3)
    for title in ("Import refused", "Methodology Needed", "Methodology refused"):
        expect(not wb.exists("dialog", title), "a %r box after Cancel" % title)
    expect(os.listdir(folder) == [], "the cancelled workspace left files: %r" % os.listdir(folder))
    wb.screenshot("methodology-cancelled")


SCENARIOS = [new_workspace_spanning_two_years, new_workspace_methodology_cancelled_or_wrong, import_refusal_in_workbench_terms, reassessment_said_once_in_history]
