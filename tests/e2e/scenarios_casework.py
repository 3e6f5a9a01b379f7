"""Casework actions on a case: the quarterly decision, the diagnostic review,
the programme, milestones and trajectory, and the PDF exports."""

import os
import re

from owbe2e import expect, query, text_of, StepFailed

def latest_quarter(case):
    return query(case, "SELECT quarter FROM assessment ORDER BY quarter DESC LIMIT 1")[0][0]


def case_in_segment(ctx, segment, without=None):
    """The code of a demo trust whose latest computed segment is `segment`
    (optionally with no row in table `without`)."""
    for name in sorted(os.listdir(ctx.workspace)):
        if not name.endswith(".owcase"):
            continue
        path = os.path.join(ctx.workspace, name)
        quarter = latest_quarter(path)
        rows = query(path, "SELECT segment FROM assessment WHERE quarter = ?", (quarter,))
        if rows and rows[0][0] == segment:
            if without and query(path, "SELECT count(*) FROM %s" % without)[0][0]:
                continue
            if query(path, "SELECT count(*) FROM programme")[0][0]:
                continue
            return name[:-len(".owcase")]
    raise StepFailed("no demo case in segment %d" % segment)


def open_case(ctx, code, tab=None):
    wb = ctx.start([ctx.case(code)])
    wb.find("label", re.compile("^%s " % code))
    if tab:
        wb.tab(tab)
    return wb


def decision_label(wb):
    return wb.label_text(re.compile(r"^(Computed segment|No computed segment)"))


def confirm_computed_segment(ctx):
    """Casework ▸ Confirm Computed Segment records the routine sign-off (issue 11, item 1)."""
    code = case_in_segment(ctx, 4)
    case = ctx.case(code)
    quarter = latest_quarter(case)
    wb = open_case(ctx, code, "Casework")
    before = query(case, "SELECT count(*) FROM decision")[0][0]
    wb.press("Confirm Computed Segment")
    wb.wait(lambda: query(case, "SELECT count(*) FROM decision")[0][0] == before + 1,
            "the confirmation in the case file", timeout=10)
    rows = query(case, "SELECT kind, decided_segment, rationale FROM decision WHERE quarter = ?", (quarter,))
    expect(rows[-1] == ("confirm", 4, ""), "stored decision %r" % (rows[-1],))
    wb.wait(lambda: "Decision (" in decision_label(wb) and "e2e-tester" in decision_label(wb),
            "the decision shown on the Casework tab")
    expect(not wb.find_all("alert"), "an error box appeared")


def open_diagnostic_review(ctx):
    """Casework ▸ Open a Diagnostic Review... for a segment-4 trust without one (item 2)."""
    code = case_in_segment(ctx, 4, without="diagnostic_review")
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    wb.press("Open a Diagnostic Review...")
    wb.wait(lambda: query(case, "SELECT count(*) FROM diagnostic_review")[0][0] == 1,
            "the review in the case file", timeout=10)
    reason, status = query(case, "SELECT opened_reason, status FROM diagnostic_review")[0]
    expect(reason == "" and status == "open", "stored review %r" % ((reason, status),))
    wb.wait(lambda: wb.label_text(re.compile(r"^Opened in ")), "the review state on screen")
    expect(not wb.find_all("alert"), "an error box appeared")


def export_case_report_and_pack(ctx):
    """File ▸ Export Case Report... and File ▸ Export Regional Pack... write PDFs (item 3)."""
    code = case_in_segment(ctx, 4)
    wb = open_case(ctx, code, "Overview")
    report = os.path.join(ctx.folder, "case-report.pdf")
    wb.menu("File", "Export Case Report...")
    wb.save_file("Export PDF", report)
    wb.wait(lambda: os.path.exists(report) and os.path.getsize(report) > 1000, "the case report PDF", timeout=60)
    wb.find("label", re.compile(r"^Written .*case-report\.pdf"), only_showing=False)
    with open(report, "rb") as f:
        expect(f.read(5) == b"%PDF-", "the case report is not a PDF")
    pack = os.path.join(ctx.folder, "regional-pack.pdf")
    wb.menu("File", "Export Regional Pack...")
    wb.save_file("Export PDF", pack)
    wb.wait(lambda: os.path.exists(pack) and os.path.getsize(pack) > os.path.getsize(report),
            "the regional pack PDF", timeout=120)
    wb.no_dialog()


SCENARIOS = [confirm_computed_segment, open_diagnostic_review, export_case_report_and_pack]
