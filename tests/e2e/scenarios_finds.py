"""The independent tester's third round on casework (issue 13): what a form
refuses stays with its field and its case, the rules of the forms hold for one
field edited at a time, and buttons offer only what there is to act on."""

import os
import re
import subprocess
import time

import pyatspi

from owbe2e import StepFailed, expect, query, text_of
from scenarios_casework import add_a_finding, latest_quarter, open_case, open_review_form
from scenarios_dates import type_and_commit
from scenarios_items import case_of_type, open_from_portfolio
from scenarios_plan import enter_programme, quarters_after


def cases_in_segment(ctx, segment, without):
    """The codes of the demo trusts whose latest computed segment is `segment`, with no row in table
    `without` and not in the programme."""
    codes = []
    for name in sorted(os.listdir(ctx.workspace)):
        if not name.endswith(".owcase"):
            continue
        path = os.path.join(ctx.workspace, name)
        rows = query(path, "SELECT segment FROM assessment WHERE quarter = ?", (latest_quarter(path),))
        if rows and rows[0][0] == segment and not query(path, "SELECT count(*) FROM %s" % without)[0][0] \
                and not query(path, "SELECT count(*) FROM programme")[0][0]:
            codes.append(name[:-len(".owcase")])
    if len(codes) < 2:
        raise StepFailed("fewer than two demo cases in segment %d without a %s" % (segment, without))
    return codes


NOT_A_DATE = re.compile(r'^"31/02/2027" is not a date')
TEAM_NEEDED = re.compile(r"team is needed: it cannot be left empty\. Nothing was saved\.")


def review_form_problems_stay_with_field(ctx):
    """Casework ▸ the review's own fields: a date that is not one stays as typed with its message while
    other fields are saved; an emptied Team is refused (it is required, as when the review is opened);
    each message goes once its field is right, and none carries over to another case (items 1, 5)."""
    first, second = cases_in_segment(ctx, 4, "diagnostic_review")[:2]
    case = ctx.case(first)
    wb = ctx.start()
    wb.find("table", "Case files", timeout=30)
    open_from_portfolio(wb, first)
    wb.tab("Casework")
    open_review_form(wb)
    wb.wait(lambda: query(case, "SELECT count(*) FROM diagnostic_review")[0][0] == 1, "the review in the case file")
    stored = lambda column: query(case, "SELECT %s FROM diagnostic_review" % column)[0][0]
    due = wb.find("text", "Due date")
    team = wb.find("text", "Team")
    type_and_commit(wb, due, "31/02/2027")
    wb.find("label", NOT_A_DATE)
    # Team emptied: refused beside the form, the case file keeps the team.
    type_and_commit(wb, team, "")
    wb.find("label", TEAM_NEEDED)
    wb.screenshot("review-team-and-date-refused")
    expect(stored("team") == "Regional diagnostic team", "an empty team was stored: %r" % stored("team"))
    # Another field saved: the refused date stays as typed, its message with it; the team's goes.
    type_and_commit(wb, team, "Regional diagnostic team B")
    wb.wait(lambda: stored("team") == "Regional diagnostic team B", "the new team in the case file")
    wb.wait(lambda: not wb.exists("label", TEAM_NEEDED), "the team's message to go once the team is right")
    expect(text_of(due) == "31/02/2027", "the date typed was lost after another field was saved: %r" % text_of(due))
    expect(wb.exists("label", NOT_A_DATE), "the date's message went while the date is still wrong")
    expect(stored("due_date") == "2027-03-31", "a bad date changed the case file: %r" % stored("due_date"))
    # Another case: nothing typed into the first, nor its message, shows there.
    open_from_portfolio(wb, second)
    wb.tab("Casework")
    open_review_form(wb)
    wb.wait(lambda: query(ctx.case(second), "SELECT count(*) FROM diagnostic_review")[0][0] == 1,
            "the second case's review in its case file")
    wb.wait(lambda: text_of(wb.find("text", "Due date")) == "31/03/2027", "the second case's own due date")
    expect(not wb.exists("label", NOT_A_DATE), "the first case's date message shows under the second case's review")
    wb.screenshot("second-case-clean")
    # Back to the first: its stored date, no message; a right date clears one at once.
    open_from_portfolio(wb, first)
    wb.tab("Casework")
    due = wb.find("text", "Due date")
    wb.wait(lambda: text_of(due) == "31/03/2027", "the first case's stored due date shown again (%r)" % text_of(due))
    expect(not wb.exists("label", NOT_A_DATE), "the date message came back with the case")
    type_and_commit(wb, due, "31/02/2027")
    wb.find("label", NOT_A_DATE)
    type_and_commit(wb, due, "30/04/2027")
    wb.wait(lambda: stored("due_date") == "2027-04-30", "the corrected date stored")
    wb.wait(lambda: not wb.exists("label", NOT_A_DATE), "the date's message to go once the date is right")
    expect(not wb.find_all("alert"), "an error box appeared")


def enabled(node):
    return node.getState().contains(pyatspi.STATE_ENABLED)


def nothing_to_act_on(ctx):
    """Buttons offer only what there is to act on, and empty tables say what is missing (items 11, 12):
    Capability's Remove and Save Attachment As... with no evidence; Confirm Computed Segment once
    confirmed; a finding without evidence says so instead of a blank table; the System tab's
    statutory assessment says it has no notes, Remove Note disabled; Move to Reporting with no
    finding is disabled, the page saying why."""
    code = next(c for c in cases_in_segment(ctx, 4, "diagnostic_review")
                if not query(ctx.case(c), "SELECT count(*) FROM capability_evidence")[0][0])
    case = ctx.case(code)
    wb = ctx.start()
    wb.find("table", "Case files", timeout=30)
    open_from_portfolio(wb, code)
    wb.tab("Capability")
    for name in ("Remove", "Save Attachment As..."):
        expect(not enabled(wb.find("push button", name)), "%s is enabled with no evidence" % name)
    wb.tab("Casework")
    confirm = wb.press("Confirm Computed Segment")
    wb.wait(lambda: query(case, "SELECT count(*) FROM decision")[0][0] == 1, "the confirmation in the case file")
    wb.wait(lambda: not enabled(confirm), "Confirm Computed Segment to be disabled once confirmed")
    open_review_form(wb)
    wb.wait(lambda: query(case, "SELECT count(*) FROM diagnostic_review")[0][0] == 1, "the review in the case file")
    wb.press("Move to Fieldwork")
    wb.wait(lambda: query(case, "SELECT status FROM diagnostic_review") == [("fieldwork",)], "the review at fieldwork")
    # Disabled while there is no finding, the page saying why (the tester's fifth round, item 6).
    move = wb.find("push button", "Move to Reporting")
    wb.wait(lambda: not enabled(move), "Move to Reporting disabled with no finding")
    wb.find("label", re.compile(r"The review has no findings yet, so there is nothing to report"))
    expect(query(case, "SELECT status FROM diagnostic_review") == [("fieldwork",)], "moved to Reporting with no finding")
    add_a_finding(wb, case)
    wb.find("label", re.compile(r"^No evidence for the selected finding yet\."))
    expect(not wb.exists("table", "Evidence for the selected finding"), "a blank evidence table is shown")
    wb.screenshot("finding-without-evidence")
    wb.press("Move to Reporting")
    wb.wait(lambda: query(case, "SELECT status FROM diagnostic_review") == [("reporting",)], "the review at reporting")

    icb = next(name[:-len(".owcase")] for name in sorted(os.listdir(ctx.workspace)) if name.endswith(".owcase")
               and query(os.path.join(ctx.workspace, name), "SELECT peer_type FROM organisation")[0][0] == "icb"
               and not query(os.path.join(ctx.workspace, name), "SELECT count(*) FROM statutory_assessment")[0][0])
    open_from_portfolio(wb, icb)
    wb.tab("System")
    wb.find("label", re.compile(r"^No statutory assessment notes for this year yet\."))
    expect(not wb.exists("table", "Statutory annual assessment notes"), "a blank statutory assessment table is shown")
    expect(not enabled(wb.find("push button", "Remove Note")), "Remove Note is enabled with no note")
    wb.screenshot("system-without-notes")


def pdf_pages(path):
    """The text of each page of a PDF as laid out (pdftotext -layout), one string per page."""
    text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def review_report_long_finding_keeps_header(ctx):
    """A finding long enough to run over three pages or more of the review report (item 6): every
    page it goes on onto starts with the findings table's header row, as the case report's tables
    do; every line of it is on a page whole, once."""
    code = next(name[:-len(".owcase")] for name in sorted(os.listdir(ctx.workspace)) if name.endswith(".owcase")
                and query(os.path.join(ctx.workspace, name), "SELECT count(*) FROM finding")[0][0])
    case = ctx.case(code)
    wb = open_case(ctx, code, "Casework")
    words = ["w%04d" % i for i in range(1600)]
    before = query(case, "SELECT count(*) FROM finding")[0][0]
    wb.press("Add Finding...")
    wb.answer_form("Add Finding", {"Finding": " ".join(words)})
    wb.wait(lambda: query(case, "SELECT count(*) FROM finding")[0][0] == before + 1, "the long finding in the case file")
    report = os.path.join(ctx.folder, "%s-long-review.pdf" % code)
    wb.menu("File", "Export Review Report...")
    wb.save_file("Export PDF", report)
    wb.wait(lambda: os.path.exists(report) and os.path.getsize(report) > 1000, "the review report PDF", timeout=60)
    wb.find("label", re.compile(r"^Written .*-long-review\.pdf"), only_showing=False)
    subprocess.run(["pdftoppm", "-png", "-r", "50", report, os.path.join(ctx.folder, "long-review")], check=False)
    header = re.compile(r"Severity\s+Finding\s+Evidence\s+Domains\s+Metrics")
    pages = pdf_pages(report)
    holding = [i for i, page in enumerate(pages) if re.search(r"\bw\d{4}\b", page)]
    expect(len(holding) >= 3, "the long finding runs over %d pages, not three or more" % len(holding))
    for i in holding:
        expect(header.search(pages[i]), "page %d of %d goes on with the finding without the table's header row"
               % (i + 1, len(pages)))
    found = re.findall(r"\bw\d{4}\b", "\n".join(pages[i] for i in holding))
    expect(sorted(found) == words, "the finding's words on the pages: %d of %d, %d twice"
           % (len(set(found)), len(words), len(found) - len(set(found))))
    wb.no_dialog()


def duplicate_point_said_as_the_table_says(ctx):
    """Add Trajectory Point... a second time for the same metric and quarter: refused beside the quarter,
    the planned value said as the trajectory table shows it, with its unit ("1.80%", not "(1.8)"; item 16)."""
    code = next(c for c in cases_in_segment(ctx, 4, "programme"))
    case = ctx.case(code)
    quarter = latest_quarter(case)
    ahead = quarters_after(quarter, 1)[0]
    wb = open_case(ctx, code, "Casework")
    enter_programme(wb, case, quarter)
    point = {"Metric": re.compile(r"^OF0023 "), "Quarter": "%s (ahead)" % ahead}
    wb.press("Add Trajectory Point...")
    wb.answer_form("Add Trajectory Point", {"Planned value": "1.8"}, choices=point)
    wb.wait(lambda: query(case, "SELECT planned FROM trajectory_point") == [("1.8",)], "the point in the case file")
    table = wb.find("table", "Improvement trajectory")
    wb.wait(lambda: wb.column(table, "Planned") == ["1.80%"], "the table's planned value: %r" % wb.column(table, "Planned"))
    wb.press("Add Trajectory Point...")
    box = wb.answer_form("Add Trajectory Point", {"Planned value": "2"}, choices=point, closes=False)
    message = wb.label_text(re.compile(r"already has a planned value for %s" % re.escape(ahead)), root=box)
    expect("(1.80%)" in message, "the message does not say the value as the table does: %r" % message)
    wb.press("Cancel", root=box)
    wb.gone(box)


def forms_named_with_dots(ctx):
    """Every Casework action that opens a form says so with "..." (item 16): Add Exit Criterion...,
    Add Progress Review..., Add Milestone... each open their form; no button of the page that opens a
    form lacks the dots."""
    code = case_of_type(ctx, "acute", in_programme=True)
    wb = open_case(ctx, code, "Casework")
    for name, title in (("Add Exit Criterion...", "Add Exit Criterion"), ("Add Progress Review...", "Add Progress Review"),
                        ("Add Milestone...", "Add Milestone")):
        wb.press(name)
        box = wb.dialog(title)
        wb.press("Cancel", root=box)
        wb.gone(box)
    names = [b.name for b in wb.find_all("push button", None, only_showing=False)]
    for bare in ("Add Exit Criterion", "Add Progress Review", "Add Milestone", "Add Finding", "Add Trajectory Point",
                 "Add Evidence Item"):
        expect(bare not in names, "%r opens a form without saying so: %r" % (bare, names))


def page_scroll_bar(wb):
    """The Casework page's own scroll bar: the tallest vertical one shown."""
    bars = [b for b in wb.find_all("scroll bar", None)
            if b.queryComponent().getExtents(pyatspi.DESKTOP_COORDS).height > 100]
    if not bars:
        raise StepFailed("no scroll bar on the Casework page")
    return max(bars, key=lambda b: b.queryComponent().getExtents(pyatspi.DESKTOP_COORDS).height)


def navigator_follows_scrolling(ctx):
    """The Casework navigator's highlight follows the page as it is scrolled (item 16): at the top the
    quarterly decision, at the foot the milestones, in between each section in the navigator's order;
    a section chosen in the navigator is still brought into view and stays chosen."""
    code = case_of_type(ctx, "acute", in_programme=True)
    wb = open_case(ctx, code, "Casework")
    listing = wb.find("list", "Casework sections")

    def chosen():
        items = wb.find_all("list item", None, root=listing, only_showing=False, into_tables=True)
        picked = [i.name.split("\n")[0] for i in items if i.getState().contains(pyatspi.STATE_SELECTED)]
        return picked[0] if picked else None
    order = [i.name.split("\n")[0] for i in wb.find_all("list item", None, root=listing, into_tables=True)]
    expect(len(order) >= 3, "the navigator shows %r" % order)
    value = page_scroll_bar(wb).queryValue()
    expect(value.maximumValue > 0, "the Casework page of %s does not scroll" % code)
    seen = []
    steps = 12
    for step in range(steps + 1):
        value.currentValue = value.maximumValue * step / steps
        time.sleep(0.2)
        now = chosen()
        if not seen or seen[-1] != now:
            seen.append(now)
    wb.screenshot("navigator-at-the-foot")
    expect(seen[0] == order[0] and seen[-1] == order[-1],
           "scrolled from the top to the foot, the navigator chose %r (sections %r)" % (seen, order))
    expect(seen == [s for s in order if s in seen] and len(seen) >= 3,
           "the navigator did not follow the page in order: %r (sections %r)" % (seen, order))
    value.currentValue = 0
    wb.wait(lambda: chosen() == order[0], "the first section chosen again back at the top (%r)" % chosen())
    # Chosen in the navigator: brought into view and still the one chosen, even where the page
    # cannot scroll that section to its top.
    for name in (order[-2], order[1]):
        item = next(i for i in wb.find_all("list item", None, root=listing, into_tables=True)
                    if i.name.split("\n")[0] == name)
        wb.do_action(item)
        wb.wait(lambda: chosen() == name, "%r chosen in the navigator (%r)" % (name, chosen()))
        time.sleep(0.3)
        expect(chosen() == name, "the navigator moved off %r to %r" % (name, chosen()))


def form_shrinks_back(ctx):
    """A record form grows for its messages and goes back to its own height once they are cleared
    (item 16: forms stayed tall with a gap where the messages were)."""
    code = case_of_type(ctx, "acute", in_programme=True)
    wb = open_case(ctx, code, "Casework")
    wb.press("Add Milestone...")
    box = wb.dialog("Add Milestone")
    height = lambda: box.queryComponent().getExtents(pyatspi.DESKTOP_COORDS).height
    time.sleep(0.3)
    plain = height()
    wb.type_into(wb.find("text", "Due date", root=box), "31/13/2027")
    wb.press("OK", root=box)
    wb.find("label", re.compile(r"^Milestone is needed"), root=box)
    wb.find("label", re.compile(r"is not a date"), root=box)
    wb.wait(lambda: height() > plain, "the form to grow for its messages (%d, was %d)" % (height(), plain))
    grown = height()
    wb.screenshot("form-with-messages")
    wb.type_into(wb.find("text", "Milestone", root=box), "Discharge lounge open")
    wb.type_into(wb.find("text", "Due date", root=box), "30/04/2027")
    wb.wait(lambda: not wb.exists("label", re.compile(r"is needed|is not a date"), root=box), "the messages to go")
    wb.wait(lambda: height() == plain, "the form back to its own height: %d, was %d, grown to %d"
            % (height(), plain, grown))
    wb.screenshot("form-shrunk-back")
    wb.press("Cancel", root=box)
    wb.gone(box)


def portfolio_at_1024(ctx):
    """The portfolio in a window 1024 pixels wide (item 10): every header, "Last change" included,
    lies whole inside the table, and the table needs no sideways scroll bar."""
    wb = ctx.start(["-qwindowgeometry", "1024x768+0+0", ctx.workspace])
    table = wb.find("table", "Case files", timeout=30)
    frame = wb._main_window().queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    expect(frame.width <= 1030, "the window is %d pixels wide, not 1024" % frame.width)
    time.sleep(0.5)
    wb.screenshot("portfolio-1024")
    box = table.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    ti = table.queryTable()
    headers = {}
    for c in range(ti.nColumns):
        header = ti.getColumnHeader(c)
        if header is not None:
            headers[header.name] = header.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    for name in ("Code", "Organisation", "Peer type", "Segment", "Movement", "Average", "Rank", "Capability",
                 "Casework", "Needs action", "Last change"):
        expect(name in headers, "no %r header: %s" % (name, sorted(headers)))
        e = headers[name]
        expect(e.x >= box.x and e.x + e.width <= box.x + box.width,
               "the %r header (%d..%d) is not inside the table (%d..%d)" % (name, e.x, e.x + e.width, box.x,
                                                                         box.x + box.width))
    sideways = [b for b in wb.find_all("scroll bar", None, root=table)
                if b.queryComponent().getExtents(pyatspi.DESKTOP_COORDS).width > 100]
    expect(not sideways, "the portfolio scrolls sideways at 1024 pixels")


SCENARIOS = [review_form_problems_stay_with_field, nothing_to_act_on, review_report_long_finding_keeps_header,
             duplicate_point_said_as_the_table_says, forms_named_with_dots, navigator_follows_scrolling,
             form_shrinks_back, portfolio_at_1024]
