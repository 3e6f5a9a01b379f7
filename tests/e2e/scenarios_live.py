"""Live updates on a team workspace (issue 14): what a colleague commits to the case on screen is shown without
any action, the status bar saying so; View ▸ Show Colleagues' Changes as They Happen turned off keeps the screen
as it is until turned on again. Against the throwaway cluster CTest starts (tests/team/pgcluster.py), named by
OWB_TEST_PG."""

import re
import time

from owbe2e import expect
from scenarios_casework import case_in_segment, decision_label
from scenarios_items import open_from_portfolio
from scenarios_team import colleague_decides, colleague_sets, open_team, psql, pushed_demo

LIVE = "Show Colleagues' Changes as They Happen"


def milestone_rows(wb):
    return wb.cells(wb.find("table", "Recovery plan milestones"))[1:]


def team_colleagues_changes_shown(ctx):
    """Two people on one team case. A colleague (a second session on the server, tests/team/team_writer)
    corrects the quarter's segment: the workbench's Casework page shows the correction and its reason with no
    action of the user's, and the status bar says the case changed on the server. With View ▸ Show
    Colleagues' Changes as They Happen unticked, a colleague's change to a milestone is not shown (the screen
    stays as it is); ticked again, it is shown at once."""
    code = case_in_segment(ctx, 4)
    workspace = pushed_demo(ctx)
    wb = ctx.start([])
    open_team(wb, workspace)
    open_from_portfolio(wb, code)
    wb.tab("Casework")
    expect("Not yet reviewed" in decision_label(wb), "a decision shown already: %r" % decision_label(wb))

    reason = "Finance override agreed with the region"
    colleague_decides(ctx, workspace, code, 3, reason)
    wb.wait(lambda: "Corrected to segment 3 by" in decision_label(wb), "the colleague's correction shown", timeout=15)
    expect(reason in decision_label(wb), "the correction's reason: %r" % decision_label(wb))
    said = wb.label_text(re.compile("changed on the server"))
    expect("Case %s changed on the server" % code in said, "the status bar says %r" % said)
    wb.screenshot("team-colleagues-change-shown")

    milestone = "Estates plan agreed"
    wb.press("Add Milestone...")
    wb.answer_form("Add Milestone", {"Milestone": milestone, "Due date": "30/06/2027"})
    where = "FROM cases.milestone WHERE org_code = '%s' AND description = '%s'" % (code, milestone)
    wb.wait(lambda: psql("SELECT status " + where, workspace) == "open", "the milestone on the server", timeout=10)
    record = int(psql("SELECT id " + where, workspace))
    wb.wait(lambda: milestone in [r[0] for r in milestone_rows(wb)], "the milestone listed")

    # Off: the screen stays as it is.
    wb.menu("View", LIVE)
    colleague_sets(ctx, workspace, code, "milestone", record, "owner", "Colleague while off")
    wb.wait(lambda: psql("SELECT owner " + where, workspace) == "Colleague while off", "the colleague's owner stored")
    time.sleep(2)
    expect(not any("Colleague while off" in " ".join(r) for r in milestone_rows(wb)),
           "shown although View ▸ %s was off" % LIVE)
    # On again: read at once.
    wb.menu("View", LIVE)
    wb.wait(lambda: any("Colleague while off" in " ".join(r) for r in milestone_rows(wb)),
            "the colleague's owner shown once turned on", timeout=15)
    # And the next change without any action.
    colleague_sets(ctx, workspace, code, "milestone", record, "owner", "Colleague while on")
    wb.wait(lambda: any("Colleague while on" in " ".join(r) for r in milestone_rows(wb)),
            "the colleague's next owner shown", timeout=15)
    expect(not wb.find_all("alert"), "an error box appeared")


SCENARIOS = [team_colleagues_changes_shown]
