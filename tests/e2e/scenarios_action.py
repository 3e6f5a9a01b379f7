"""What needs action, the league table and What-if for real questions
(issue 13): the portfolio's "Needs action" column and filter, checked against
what the case files and `owb portfolio` say, worked out here on their own."""

import csv
import datetime
import io
import os
import re
import subprocess

from owbe2e import expect, query
from scenarios_actions import quarter_start
from scenarios_casework import latest_quarter


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
    review and a decision; overdue exit criteria and milestones stand out)."""
    out = subprocess.run([ctx.owb, "portfolio", ctx.workspace, "--quarter", quarter], capture_output=True,
                         text=True, check=True).stdout
    final = {row["org_code"]: row["segment"] for row in csv.DictReader(io.StringIO(out))}
    as_of = min(quarter_end(quarter), datetime.date.today())
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
        if reasons:
            text = "; ".join(reasons)
            needs[code] = text[0].upper() + text[1:]
    return needs, out


def needs_action_filter(ctx):
    """The portfolio's Needs action filter lists exactly the trusts that need action in the quarter, each with its reasons in words, and the CSV says the same; a confirmed decision takes a trust's "not decided" away."""
    quarter = max(latest_quarter(os.path.join(ctx.workspace, n)) for n in os.listdir(ctx.workspace) if n.endswith(".owcase"))
    needs, printed = expected_needs(ctx, quarter)
    expect(len(needs) >= 2, "the demo has too few cases needing action to tell anything: %r" % needs)
    expect("needs_action" == printed.splitlines()[0].split(",")[-1], "owb portfolio's last column: %r" % printed.splitlines()[0])
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
