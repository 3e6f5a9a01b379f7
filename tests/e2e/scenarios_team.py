"""Team workspaces on a PostgreSQL server: File ▸ Open Team Workspace..., its checks and the server's
refusals in the dialog, the status bar's server, user and connection state, the password where no
keyring runs, and reopening from the recent list. Against the throwaway cluster CTest starts
(tests/team/pgcluster.py), named by OWB_TEST_PG."""

import os
import re
import subprocess
import urllib.parse
import uuid

import pyatspi

from owbe2e import expect, query, text_of, StepFailed
from scenarios_casework import REVIEW_FORM, case_in_segment, decision_label, open_review_form
from scenarios_items import open_from_portfolio


def cluster():
    """The test cluster's socket folder and superuser, from OWB_TEST_PG."""
    url = os.environ.get("OWB_TEST_PG")
    if not url:
        raise StepFailed("OWB_TEST_PG is not set: run through ctest, which starts a throwaway PostgreSQL cluster")
    parsed = urllib.parse.urlparse(url)
    options = urllib.parse.parse_qs(parsed.query)
    return options["host"][0], options.get("user", ["postgres"])[0], parsed.path.lstrip("/")


def psql(sql, database=None):
    host, user, default = cluster()
    result = subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", host, "-U", user,
                             "-d", database or default, "-c", sql],
                            capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise StepFailed("psql %r: %s" % (sql, result.stderr.strip()))
    return result.stdout.strip()


def team_workspace(ctx, init=True):
    """A new database on the cluster (a team workspace set up with owb team init when `init`)."""
    host, user, _ = cluster()
    name = "e2e_%s" % uuid.uuid4().hex[:8]
    psql("CREATE DATABASE %s" % name)
    if init:
        url = "postgresql://%s@/%s?host=%s" % (user, name, host)
        subprocess.run([ctx.owb, "team", "init", url], check=True, stdout=subprocess.DEVNULL, timeout=120)
    return name


PASSWORD = "e2e-horse-battery"  # the cluster trusts the account, so any password connects


def files_holding(folder, text):
    """The files under `folder` (the workbench's home: its settings) that contain `text`."""
    found = []
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            try:
                with open(path, "rb") as f:
                    if text.encode() in f.read():
                        found.append(path)
            except OSError:
                pass
    return found


def problem(wb, box):
    """What the dialog says is wrong (its one label that is not a field's or the introduction)."""
    for label in wb.find_all("label", None, root=box):
        text = text_of(label)
        if text and not text.endswith(":") and not text.startswith("A team workspace is held"):
            return text
    return ""


def connect(wb, box, server=None, port=None, database=None, user=None, password=None):
    for name, value in (("Server", server), ("Port", port), ("Database", database), ("User", user)):
        if value is not None:
            wb.set_text(name, value, root=box)
    if password is not None:
        wb.set_text("Password", password, root=box, role="password text")
    wb.press("Connect", root=box)


def connection_state(wb):
    """The status bar's "Team workspace DB on SERVER as USER: STATE", or empty."""
    found = wb.find_all("label", re.compile("^Team workspace .* as .*: "), root=wb.window)
    return text_of(found[0]) if found else ""


def team_open_dialog_checks_and_refusals(ctx):
    """File ▸ Open Team Workspace...: empty fields and a bad port said in place; a database that is not
    there, one that is not a team workspace, then the right one; the status bar shows the server, the
    user and "connected". "Remember in the keyring" unticked: the password is written nowhere (the path
    where no keyring service runs is tests/team/tst_teamui.cpp's: a desktop's keyring may prompt)."""
    host, user, _ = cluster()
    workspace = team_workspace(ctx)
    plain = team_workspace(ctx, init=False)
    wb = ctx.start([])
    wb.menu("File", "Open Team Workspace...")
    box = wb.dialog("Open Team Workspace")
    wb.set_text("Port", "54x", root=box)
    wb.press("Connect", root=box)
    said = wb.wait(lambda: problem(wb, box), "the dialog to say what is missing")
    for part in ("Enter the server's name", "port is a number", "name of the team workspace's database",
                 "Enter your account"):
        expect(part in said, "the dialog says %r, not %r" % (said, part))
    connect(wb, box, server=host, port="5432", database="e2e_nothere", user=user, password=PASSWORD)
    wb.wait(lambda: 'has no database "e2e_nothere"' in problem(wb, box), "the dialog to name the missing database")
    expect(text_of(wb.find("text", "Server", root=box)) == host, "the typed server is kept")
    connect(wb, box, database=plain)
    wb.wait(lambda: "not a team workspace yet" in problem(wb, box), "the dialog to say it is not a team workspace")
    wb.screenshot("not-a-team-workspace")
    remember = wb.find("check box", "Remember the password in the keyring", root=box)
    expect(remember.getState().contains(pyatspi.STATE_CHECKED), "Remember in the keyring is ticked at first")
    wb.do_action(remember)
    wb.wait(lambda: not remember.getState().contains(pyatspi.STATE_CHECKED), "Remember to be unticked")
    connect(wb, box, database=workspace)
    wb.gone(box)
    state = wb.wait(lambda: connection_state(wb), "the status bar's connection state")
    expect(state == "Team workspace %s on this machine as %s: connected" % (workspace, user), "status bar %r" % state)
    expect("%s on local server/%s" % (user, workspace) in wb.window.name, "window title %r" % wb.window.name)
    wb.wait(lambda: wb.exists("label", "Connected to %s on local server/%s." % (user, workspace)), "the notice")
    expect(not files_holding(wb.home, PASSWORD), "the password is written in %s" % files_holding(wb.home, PASSWORD))
    wb.screenshot("connected")


def team_reopen_from_recent_and_connection_lost(ctx):
    """A team workspace is remembered as its URL without a password: File ▸ Open Recent lists it, the welcome
    panel reopens it and, with no keyring, the dialog asks only for the password; an administrator ending
    the session shows "connection lost" in the status bar."""
    host, user, _ = cluster()
    workspace = team_workspace(ctx)
    wb = ctx.start([])
    wb.menu("File", "Open Team Workspace...")
    box = wb.dialog("Open Team Workspace")
    wb.do_action(wb.find("check box", "Remember the password in the keyring", root=box))
    connect(wb, box, server=host, database=workspace, user=user, password=PASSWORD)
    wb.gone(box)
    wb.wait(lambda: connection_state(wb).endswith(": connected"), "connected")
    item = wb.menu_item("File", "Open Recent", re.compile("^postgresql://.*/%s" % workspace))
    expect(PASSWORD not in item.name, "the recent entry %r holds the password" % item.name)
    wb.menu("File", "Close Workspace")
    wb.wait(lambda: not connection_state(wb), "the connection state to go")
    wb.press("Reopen %s on local server/%s" % (user, workspace))
    box = wb.dialog("Open Team Workspace")
    expect(text_of(wb.find("text", "Server", root=box)) == host, "the server is filled in")
    expect(text_of(wb.find("text", "Database", root=box)) == workspace, "the database is filled in")
    expect(text_of(wb.find("text", "User", root=box)) == user, "the user is filled in")
    connect(wb, box, password=PASSWORD)
    wb.gone(box)
    wb.wait(lambda: connection_state(wb).endswith(": connected"), "connected again")
    psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%s'" % workspace)
    wb.wait(lambda: connection_state(wb).endswith(": connection lost"), "the status bar to say the connection is lost",
            timeout=30)
    expect(not files_holding(wb.home, PASSWORD), "the password is written in %s" % files_holding(wb.home, PASSWORD))


def pushed_demo(ctx):
    """A team workspace holding the scenario's demo workspace (owb team push), as its database name."""
    host, user, _ = cluster()
    name = team_workspace(ctx)
    url = "postgresql://%s@/%s?host=%s" % (user, name, host)
    subprocess.run([ctx.owb, "team", "push", ctx.workspace, url], check=True, stdout=subprocess.DEVNULL, timeout=300)
    return name


def team_casework_lands_on_the_server(ctx):
    """On a team workspace, as on a folder: a case opened from the portfolio, its quarterly decision
    (Confirm Computed Segment) and a diagnostic review's finding stored on the server with the server's
    user as their author and in the case's audit trail, the screen saying so; File ▸ Export Case
    Report... writes the case's PDF from the server."""
    host, user, _ = cluster()
    code = case_in_segment(ctx, 4, without="diagnostic_review")
    workspace = pushed_demo(ctx)
    wb = ctx.start([])
    wb.menu("File", "Open Team Workspace...")
    box = wb.dialog("Open Team Workspace")
    wb.do_action(wb.find("check box", "Remember the password in the keyring", root=box))
    connect(wb, box, server=host, database=workspace, user=user, password=PASSWORD)
    wb.gone(box)
    wb.wait(lambda: connection_state(wb).endswith(": connected"), "connected")
    wb.find("table", "Case files", timeout=30)
    open_from_portfolio(wb, code)
    wb.tab("Casework")

    def stored(sql):
        return psql(sql % {"code": code}, workspace)

    wb.press("Confirm Computed Segment")
    wb.wait(lambda: stored("SELECT kind || ' ' || decided_by FROM cases.decision WHERE org_code = '%(code)s'")
            == "confirm %s" % user, "the confirmation on the server", timeout=10)
    wb.wait(lambda: ("Computed segment confirmed by %s on " % user) in decision_label(wb),
            "the decision shown on the Casework tab")
    open_review_form(wb)
    wb.wait(lambda: stored("SELECT opened_reason FROM cases.diagnostic_review WHERE org_code = '%(code)s'")
            == REVIEW_FORM["Why the review is opened"], "the review on the server", timeout=10)
    wb.press("Add Finding...")
    wb.answer_form("Add Finding", {"Finding": "Theatre lists cancelled at short notice"})
    wb.wait(lambda: stored("SELECT description FROM cases.finding WHERE org_code = '%(code)s'")
            == "Theatre lists cancelled at short notice", "the finding on the server", timeout=10)
    findings = wb.find("table", "Findings")
    expect(any("Theatre lists cancelled" in cell for row in wb.cells(findings) for cell in row),
           "the finding is listed on screen")
    # Each change in the case's audit trail, written by the server's user, sealed; no other case touched.
    actors = stored("SELECT DISTINCT actor FROM cases.audit_log WHERE org_code = '%(code)s' AND "
                    "table_name IN ('decision', 'diagnostic_review', 'finding')")
    expect(actors == user, "audit trail authors %r" % actors)
    unsealed = stored("SELECT count(*) FROM cases.audit_log WHERE hash IS NULL")
    expect(unsealed == "0", "%s unsealed audit entries" % unsealed)
    others = stored("SELECT count(*) FROM cases.finding WHERE org_code <> '%(code)s' AND "
                    "description = 'Theatre lists cancelled at short notice'")
    expect(others == "0", "the finding reached other cases")
    expect(not wb.find_all("alert"), "an error box appeared")
    wb.screenshot("team-casework")

    report = os.path.join(ctx.folder, "team-case-report.pdf")
    wb.menu("File", "Export Case Report...")
    wb.save_file("Export PDF", report)
    wb.wait(lambda: os.path.exists(report) and os.path.getsize(report) > 1000, "the case report PDF", timeout=60)
    wb.find("label", re.compile(r"^Written .*team-case-report\.pdf"), only_showing=False)
    text = subprocess.run(["pdftotext", "-layout", report, "-"], capture_output=True, text=True, timeout=60).stdout
    for part in (code, "Theatre lists"):
        expect(part in " ".join(text.split()), "the case report does not say %r" % part)
    pages = os.path.join(ctx.folder, "team-case-report")
    subprocess.run(["pdftoppm", "-png", "-r", "60", report, pages], check=True, timeout=120)
    expect(os.path.exists(pages + "-1.png"), "the case report's first page did not render")
    wb.no_dialog()


SCENARIOS = [team_open_dialog_checks_and_refusals, team_reopen_from_recent_and_connection_lost,
             team_casework_lands_on_the_server]
