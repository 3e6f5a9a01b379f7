"""Team workspaces on a PostgreSQL server: File ▸ Open Team Workspace..., its checks and the server's
refusals in the dialog, the status bar's server, user and connection state, the password where no
keyring runs, and reopening from the recent list. Against the throwaway cluster CTest starts
(tests/team/pgcluster.py), named by OWB_TEST_PG."""

import csv
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
    """The status bar's "DB on SERVER · signed in as USER · STATE", or empty."""
    found = wb.find_all("label", re.compile("^.* on .* · signed in as .* · "), root=wb.window)
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
    expect(state == "%s on this machine · signed in as %s · connected" % (workspace, user), "status bar %r" % state)
    expect("%s on this machine as %s" % (workspace, user) in wb.window.name, "window title %r" % wb.window.name)
    wb.wait(lambda: wb.exists("label", "Connected to %s on this machine as %s." % (workspace, user)), "the notice")
    expect(not files_holding(wb.home, PASSWORD), "the password is written in %s" % files_holding(wb.home, PASSWORD))
    wb.screenshot("connected")


def team_reopen_from_recent_and_connection_lost(ctx):
    """A team workspace is remembered as its URL without a password: File ▸ Open Recent lists it, the welcome
    panel reopens it and, with no keyring, the dialog asks only for the password; an administrator ending
    the session shows "connection lost: reconnecting…" in the status bar, and the next check reconnects."""
    host, user, _ = cluster()
    workspace = team_workspace(ctx)
    wb = ctx.start([])
    wb.menu("File", "Open Team Workspace...")
    box = wb.dialog("Open Team Workspace")
    wb.do_action(wb.find("check box", "Remember the password in the keyring", root=box))
    connect(wb, box, server=host, database=workspace, user=user, password=PASSWORD)
    wb.gone(box)
    wb.wait(lambda: connection_state(wb).endswith(" · connected"), "connected")
    item = wb.menu_item("File", "Open Recent", re.compile("^postgresql://.*/%s" % workspace))
    expect(PASSWORD not in item.name, "the recent entry %r holds the password" % item.name)
    wb.menu("File", "Close Workspace")
    wb.wait(lambda: not connection_state(wb), "the connection state to go")
    wb.press("Reopen %s on this machine as %s" % (workspace, user))
    box = wb.dialog("Open Team Workspace")
    expect(text_of(wb.find("text", "Server", root=box)) == host, "the server is filled in")
    expect(text_of(wb.find("text", "Database", root=box)) == workspace, "the database is filled in")
    expect(text_of(wb.find("text", "User", root=box)) == user, "the user is filled in")
    connect(wb, box, password=PASSWORD)
    wb.gone(box)
    wb.wait(lambda: connection_state(wb).endswith(" · connected"), "connected again")
    psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%s'" % workspace)
    wb.wait(lambda: connection_state(wb).endswith(" · connection lost: reconnecting…"),
            "the status bar to say the connection is lost", timeout=30)
    # At the next check it reconnects by itself (the cluster trusts the account: no password needed).
    wb.wait(lambda: connection_state(wb).endswith(" · connected"), "the workbench to reconnect by itself", timeout=30)
    wb.find("label", re.compile("^Reconnected to "), only_showing=False)
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
    wb.wait(lambda: connection_state(wb).endswith(" · connected"), "connected")
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


def open_team(wb, workspace, user=None):
    """File ▸ Open Team Workspace... as `user` (the cluster's superuser by default), keyring unticked."""
    host, superuser, _ = cluster()
    wb.menu("File", "Open Team Workspace...")
    box = wb.dialog("Open Team Workspace")
    wb.do_action(wb.find("check box", "Remember the password in the keyring", root=box))
    connect(wb, box, server=host, database=workspace, user=user or superuser, password=PASSWORD)
    wb.gone(box)
    wb.wait(lambda: connection_state(wb).endswith(" · connected"), "connected")
    wb.find("table", "Case files", timeout=30)


def colleague_sets(ctx, workspace, code, table, record, column, value):
    """A colleague's save of one field (a second session on the server, through the same facade as the
    views: tests/team/team_writer set), sealed into the case's audit trail like any edit."""
    host, user, _ = cluster()
    url = "postgresql://%s@/%s?host=%s" % (user, workspace, host)
    writer = os.path.join(os.path.dirname(ctx.owb), "team_writer")
    result = subprocess.run([writer, "set", url, code, table, str(record), column, value],
                            capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise StepFailed("the colleague's save of %s.%s: %s" % (table, column, result.stderr.strip()))


def conflict_values(wb, box, *labels):
    """The conflict dialog's "Your" and "Stored" values of each field, by the field's label."""
    return {label: (text_of(wb.find("text", "Your %s" % label, root=box)),
                    text_of(wb.find("text", "Stored %s" % label, root=box))) for label in labels}


def team_conflict_keep_mine_take_theirs(ctx):
    """Two people on one team case: a colleague (a second session on the server) changes a milestone the
    workbench has open. Mark Milestone Done saves a stale record: the conflict dialog shows both of the
    group's fields by their labels, this user's and the stored values as the screen shows them; Take
    Theirs stores nothing and the table shows the colleague's change; Keep Mine stores this user's
    fields and keeps the colleague's owner; Edit ▸ Undo over another change of the colleague's is the
    same conflict, and Keep Mine puts back only what this user's step changed. Each checked on the
    server (psql) and on the screen; every audit entry sealed."""
    code = case_in_segment(ctx, 4)
    workspace = pushed_demo(ctx)
    wb = ctx.start([])
    open_team(wb, workspace)
    # A screen left stale, as when the colleague's change lands between a look and a click: colleagues'
    # changes not shown as they happen (View menu).
    wb.menu("View", "Show Colleagues' Changes as They Happen")
    open_from_portfolio(wb, code)
    wb.tab("Casework")

    def stored(sql):
        return psql(sql % {"code": code}, workspace)

    milestone = "Ward reconfiguration agreed"
    wb.press("Add Milestone...")
    wb.answer_form("Add Milestone", {"Milestone": milestone, "Due date": "30/06/2027"})
    where = "FROM cases.milestone WHERE org_code = '%(code)s' AND description = '" + milestone + "'"
    wb.wait(lambda: stored("SELECT status " + where) == "open", "the milestone on the server", timeout=10)
    record = int(stored("SELECT id " + where))
    table = wb.find("table", "Recovery plan milestones")

    def row_of():
        rows = wb.cells(wb.find("table", "Recovery plan milestones"))[1:]
        return [r[0] for r in rows].index(milestone), rows

    wb.wait(lambda: milestone in [r[0] for r in wb.cells(table)[1:]], "the milestone listed")
    today = subprocess.run(["date", "+%d/%m/%Y"], capture_output=True, text=True).stdout.strip()

    # Take Theirs: nothing of this user's stored, the colleague's owner shown.
    colleague_sets(ctx, workspace, code, "milestone", record, "owner", "Colleague one")
    wb.select_row(wb.find("table", "Recovery plan milestones"), row_of()[0])
    wb.press("Mark Milestone Done")
    box = wb.dialog("Someone Else Changed This Record")
    values = conflict_values(wb, box, "Status", "Done on")
    expect(values == {"Status": ("Done", "Open"), "Done on": (today, "")}, "the dialog shows %r" % values)
    expect("status" not in wb.alert_text(box), "a raw column name in the dialog: %r" % wb.alert_text(box))
    wb.screenshot("team-conflict")
    wb.press("Take Theirs", root=box)
    wb.gone(box)
    expect(stored("SELECT status || '|' || done_date || '|' || owner " + where) == "open||Colleague one",
           "Take Theirs stored something: %s" % stored("SELECT status || '|' || done_date || '|' || owner " + where))
    wb.wait(lambda: "Colleague one" in row_of()[1][row_of()[0]], "the colleague's owner shown")

    # Keep Mine: both fields stored, the colleague's later owner kept.
    colleague_sets(ctx, workspace, code, "milestone", record, "owner", "Colleague two")
    wb.select_row(wb.find("table", "Recovery plan milestones"), row_of()[0])
    wb.press("Mark Milestone Done")
    box = wb.dialog("Someone Else Changed This Record")
    expect(conflict_values(wb, box, "Status")["Status"] == ("Done", "Open"), "the dialog's status")
    wb.press("Keep Mine", root=box)
    wb.gone(box)
    wb.wait(lambda: stored("SELECT status || '|' || done_date || '|' || owner " + where)
            == "done|%s|Colleague two" % subprocess.run(["date", "+%Y-%m-%d"], capture_output=True,
                                                          text=True).stdout.strip(),
            "Keep Mine stored on the server", timeout=10)
    wb.wait(lambda: "Done" in row_of()[1][row_of()[0]] and "Colleague two" in row_of()[1][row_of()[0]],
            "the milestone shown done, with the colleague's owner")

    # Undo over the colleague's next change: the same conflict; Keep Mine undoes only this user's fields.
    colleague_sets(ctx, workspace, code, "milestone", record, "owner", "Colleague three")
    wb.menu("Edit", re.compile("^Undo"))
    box = wb.dialog("Someone Else Changed This Record")
    values = conflict_values(wb, box, "Status", "Done on")
    expect(values == {"Status": ("Open", "Done"), "Done on": ("", today)}, "the undo's dialog shows %r" % values)
    wb.press("Keep Mine", root=box)
    wb.gone(box)
    wb.wait(lambda: stored("SELECT status || '|' || done_date || '|' || owner " + where) == "open||Colleague three",
            "the undo kept on the server", timeout=10)
    wb.wait(lambda: "Open" in row_of()[1][row_of()[0]] and "Colleague three" in row_of()[1][row_of()[0]],
            "the milestone shown open again, with the colleague's owner")
    unsealed = stored("SELECT count(*) FROM cases.audit_log WHERE org_code = '%(code)s' AND hash IS NULL")
    expect(unsealed == "0", "%s unsealed audit entries" % unsealed)
    expect(not wb.find_all("alert"), "an error box appeared")


def next_quarter_file(ctx, path):
    """A metric file of one new quarter: the demo's latest quarter again, labelled as the quarter after it."""
    with open(os.path.join(ctx.workspace, "national-metrics.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    latest = max({r["quarter"] for r in rows}, key=lambda q: (q[:7], q[-1]))
    year, number = latest[:7], int(latest[-1])
    following = "%s Q%d" % (year, number + 1) if number < 4 else "%d/%02d Q1" % (int(year[:4]) + 1, int(year[5:]) + 1)
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        out.writeheader()
        for row in rows:
            if row["quarter"] == latest:
                out.writerow(dict(row, quarter=following))
    return following


def import_refused(wb, title="Import refused"):
    box = wb.dialog(title, timeout=60)
    problems = wb.find_all("text", "Problems", root=box)
    text = problems[0].queryText().getText(0, -1) if problems else wb.alert_text(box)
    wb.press("Close" if problems else "OK", root=box)
    wb.gone(box)
    return text


def team_import_through_the_menu(ctx):
    """File ▸ Import Metric File... on a team workspace, as `owb import URL`: a member who may not import is
    not offered it (the item disabled), nor File ▸ Methodologies...'s Add, which says why; a bad file is refused naming its file and line; both
    leave the server and the window as they were (the workspace still open and connected). An importer's
    new quarter is stored on the server in one step (every case assessed, nothing pending), the window
    keeps its connection and shows the quarter."""
    host, superuser, _ = cluster()
    workspace = pushed_demo(ctx)
    member = "member_%s" % workspace
    psql("CREATE ROLE %s LOGIN" % member)
    psql("GRANT %s_editor TO %s" % (workspace, member))

    def server(sql):
        return psql(sql, workspace)

    def national():
        return server("SELECT (SELECT count(*) FROM national.quarter) || '|' || (SELECT count(*) FROM national.import_log)"
                      " || '|' || (SELECT count(*) FROM cases.assessment)")

    before = national()
    quarter_csv = os.path.join(ctx.folder, "next-quarter.csv")
    following = next_quarter_file(ctx, quarter_csv)

    # A member without import rights (an editor): File ▸ Import Metric File... is not offered (its tip
    # says why: tst_teamui's readerOpensReadOnly, since the bus does not carry a menu item's tip).
    wb = ctx.start([])
    open_team(wb, workspace, user=member)
    expect(not wb.menu_item("File", "Import Metric File...").getState().contains(pyatspi.STATE_ENABLED),
           "File ▸ Import Metric File... is offered to a member who may not import")
    expect(national() == before, "the server changed")
    # Nor a methodology: File ▸ Methodologies... says why, with Add Methodology File... disabled.
    wb.menu("File", "Methodologies...")
    dialog = wb.dialog("Methodologies")
    wb.find("label", re.compile(r"may not import national data or change methodologies .*%s_importer"
                                % re.escape(workspace)), root=dialog)
    expect(not wb.find("push button", "Add Methodology File...", root=dialog).getState().contains(
        pyatspi.STATE_ENABLED), "Add Methodology File... is offered to a member who may not change methodologies")
    wb.screenshot("team-methodologies-refused")
    wb.press("Close", root=dialog)
    wb.gone(dialog)
    wb.close()

    # An importer: may add a methodology; a bad file named with its line, nothing changed, the workspace
    # still open.
    wb = ctx.start([])
    open_team(wb, workspace)
    wb.menu("File", "Methodologies...")
    dialog = wb.dialog("Methodologies")
    expect(wb.find("push button", "Add Methodology File...", root=dialog).getState().contains(pyatspi.STATE_ENABLED),
           "Add Methodology File... is disabled for an importer")
    wb.press("Close", root=dialog)
    wb.gone(dialog)
    bad = os.path.join(ctx.folder, "bad.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("quarter,org_code,org_name,org_type,metric_id,value\n"
                "%s,RXX,Broken Trust,acute,OF0003,twelve\n" % following)
    wb.menu("File", "Import Metric File...")
    wb.save_file("Import Metric File", bad)
    text = import_refused(wb)
    expect(re.search(r"bad\.csv:2:\d+: ", text), "the problems do not name the file and line: %r" % text)
    expect(national() == before, "the bad file changed the server")
    expect(wb.exists("table", "Case files") and connection_state(wb).endswith(" · connected"),
           "the team workspace is not open and connected after the refusal")

    # A new quarter: one transaction on the server, shown in the window.
    wb.menu("File", "Import Metric File...")
    wb.save_file("Import Metric File", quarter_csv)
    wb.find("label", re.compile(r"^Imported next-quarter\.csv: .* cases created 0, updated [1-9]"), timeout=180,
            only_showing=False)
    expect(server("SELECT pending FROM national.quarter WHERE label = '%s'" % following) == "0",
           "the quarter is not on the server, or left pending")
    assessed = server("SELECT count(DISTINCT org_code) FROM cases.assessment WHERE quarter = '%s'" % following)
    cases = server("SELECT count(DISTINCT org_code) FROM cases.assessment WHERE quarter = "
                   "(SELECT max(quarter) FROM cases.assessment WHERE quarter <> '%s')" % following)
    expect(assessed == cases and int(assessed) > 0, "%s cases assessed in %s, %s before" % (assessed, following, cases))
    expect(server("SELECT count(*) FROM national.import_log") == str(int(before.split("|")[1]) + 1),
           "the import is not logged once")
    expect(connection_state(wb).endswith(" · connected"), "the connection was not kept")
    wb.menu("View", "Later Quarter")
    wb.wait(lambda: wb.combo("Quarter").name == following, "the new quarter in the window")
    wb.find("table", "Case files")
    wb.screenshot("team-imported")
    expect(not wb.find_all("alert"), "an error box appeared")


def team_reader_sees_read_only(ctx):
    """A member of the workspace's reader group alone, on File ▸ Open Team Workspace...: the window opens the
    team workspace read-only, as a read-only folder is shown (the title ends in "[read-only]", the status bar
    names the account and the <db>_editor role to ask for, in a bar above the page, its "Read-only" saying it as
    its description, on the portfolio and in the case; "DB on this machine · signed in as USER · connected"), File ▸ Import Metric File... is not offered, the
    portfolio counts cases, and Add Note, its text and Add Milestone... are not offered, each saying so in
    those words, with nothing stored on the server."""
    code = case_in_segment(ctx, 4)
    workspace = pushed_demo(ctx)
    reader = "reader_%s" % workspace
    psql("CREATE ROLE %s LOGIN" % reader)
    psql("GRANT %s_reader TO %s" % (workspace, reader))
    why = ("Your account %s may read this team workspace but not change it: ask its administrator for the "
           "%s_editor role." % (reader, workspace))
    notes = lambda: psql("SELECT count(*) FROM cases.note", workspace)
    before = notes()

    wb = ctx.start([])
    open_team(wb, workspace, user=reader)
    wb.wait(lambda: wb.window.name.endswith("[read-only]"), "the title to say read-only")
    # The database, the server and the account, each said as what it is (tester, issue 14).
    state = connection_state(wb)
    expect(state == "%s on this machine · signed in as %s · connected" % (workspace, reader), "status bar %r" % state)
    # The reason stays in view, not replaced by "Connected to..." (tester, issue 14): in the bar above the
    # page at once, its "Read-only" saying it as its description.
    wb.find("label", why, timeout=2)
    indicator = wb.find("label", "Read-only")
    expect(indicator.description == why, "the Read-only indicator's description: %r" % indicator.description)
    cases = int(psql("SELECT count(*) FROM cases.organisation", workspace))
    wb.find("label", "%d of %d cases shown" % (cases, cases))
    expect(not wb.menu_item("File", "Import Metric File...").getState().contains(pyatspi.STATE_ENABLED),
           "File ▸ Import Metric File... is offered to a reader")
    wb.screenshot("team-reader-read-only")
    open_from_portfolio(wb, code)
    # No edit is offered (casework tester, issue 13/14): each says the role to ask for.
    wb.tab("Notes")
    add, text = wb.find("push button", "Add Note"), wb.find("text", "New note")
    wb.wait(lambda: not add.getState().contains(pyatspi.STATE_ENABLED)
            and not text.getState().contains(pyatspi.STATE_EDITABLE), "Add Note and its text held")
    expect(add.description == why, "Add Note's tip: %r" % add.description)
    wb.tab("Casework")
    for name in ("Add Milestone...",):
        button = wb.find("push button", name)
        expect(not button.getState().contains(pyatspi.STATE_ENABLED) and button.description == why,
               "%s offered to a reader (%r)" % (name, button.description))
    wb.screenshot("team-reader-no-edits")
    # In the case too.
    expect(wb.exists("label", why) and wb.find("label", "Read-only").description == why,
           "the reason above the case")
    expect(notes() == before, "a reader's note reached the server")


def colleague_decides(ctx, workspace, code, *correction):
    """A colleague's quarterly decision on the case's latest quarter (team_writer decide): a confirmation,
    or a correction to (segment, reason). Returns the quarter."""
    host, user, _ = cluster()
    url = "postgresql://%s@/%s?host=%s" % (user, workspace, host)
    writer = os.path.join(os.path.dirname(ctx.owb), "team_writer")
    result = subprocess.run([writer, "decide", url, code] + [str(c) for c in correction],
                            capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise StepFailed("the colleague's decision: %s" % result.stderr.strip())
    return result.stdout.strip()


def team_decided_meanwhile_and_stale_remove(ctx):
    """Two people on one team case, the workbench's screen stale. A colleague corrects the quarter's
    segment; Confirm Computed Segment is then refused in words naming the colleague's correction and its
    reason, nothing is stored beside it (one decision on the server, still the correction) and the screen
    shows the correction. A colleague marks a milestone done; Remove Milestone then shows the conflict
    dialog with what they changed (Status, Done on: as seen and as stored now), and Remove Anyway removes
    it on the server; Edit ▸ Undo puts it back as the colleague left it."""
    code = case_in_segment(ctx, 4)
    workspace = pushed_demo(ctx)
    wb = ctx.start([])
    open_team(wb, workspace)
    # A screen left stale, as when the colleague's change lands between a look and a click: colleagues'
    # changes not shown as they happen (View menu).
    wb.menu("View", "Show Colleagues' Changes as They Happen")
    open_from_portfolio(wb, code)
    wb.tab("Casework")

    def stored(sql):
        return psql(sql % {"code": code}, workspace)

    expect("Not yet reviewed" in decision_label(wb), "a decision shown already: %r" % decision_label(wb))
    reason = "Late data; DROP TABLE cases.decision; -- \"x\""
    quarter = colleague_decides(ctx, workspace, code, 3, reason)
    wb.press("Confirm Computed Segment")
    box = wb.dialog("The change was not saved")
    said = wb.alert_text(box)
    expect("corrected %s to segment 3 meanwhile" % quarter in said and reason in said
           and "yours was not saved" in said, "the refusal says %r" % said)
    wb.screenshot("team-decided-meanwhile")
    wb.press("OK", root=box)
    wb.gone(box)
    rows = stored("SELECT count(*) || ' ' || max(kind) || ' ' || max(decided_segment) FROM cases.decision "
                  "WHERE org_code = '%(code)s' AND quarter = '" + quarter + "'")
    expect(rows == "1 correction 3", "the server holds %r" % rows)
    wb.wait(lambda: "final segment: 3. Corrected to segment 3 by" in decision_label(wb),
            "the colleague's correction shown")

    milestone = "Theatre productivity plan"
    wb.press("Add Milestone...")
    wb.answer_form("Add Milestone", {"Milestone": milestone, "Due date": "30/06/2027"})
    where = "FROM cases.milestone WHERE org_code = '%(code)s' AND description = '" + milestone + "'"
    wb.wait(lambda: stored("SELECT status " + where) == "open", "the milestone on the server", timeout=10)
    record = int(stored("SELECT id " + where))
    table = wb.find("table", "Recovery plan milestones")
    wb.wait(lambda: milestone in [r[0] for r in wb.cells(table)[1:]], "the milestone listed")
    colleague_sets(ctx, workspace, code, "milestone", record, "status", "done")
    today = subprocess.run(["date", "+%d/%m/%Y"], capture_output=True, text=True).stdout.strip()
    rows = wb.cells(wb.find("table", "Recovery plan milestones"))[1:]
    wb.select_row(wb.find("table", "Recovery plan milestones"), [r[0] for r in rows].index(milestone))
    wb.press("Remove Milestone")
    box = wb.dialog("Someone Else Changed This Record")
    values = {label: (text_of(wb.find("text", "Seen %s" % label, root=box)),
                      text_of(wb.find("text", "Stored %s" % label, root=box))) for label in ("Status", "Done on")}
    expect(values == {"Status": ("Open", "Done"), "Done on": ("", today)}, "the dialog shows %r" % values)
    expect("Remove it anyway" in wb.alert_text(box), "the dialog says %r" % wb.alert_text(box))
    wb.screenshot("team-stale-remove")
    wb.press("Remove Anyway", root=box)
    wb.gone(box)
    wb.wait(lambda: stored("SELECT count(*) " + where) == "0", "the milestone removed on the server", timeout=10)
    wb.menu("Edit", re.compile("^Undo Remove milestone"))
    wb.wait(lambda: stored("SELECT status " + where) == "done", "the milestone back as the colleague left it",
            timeout=10)
    unsealed = stored("SELECT count(*) FROM cases.audit_log WHERE org_code = '%(code)s' AND hash IS NULL")
    expect(unsealed == "0", "%s unsealed audit entries" % unsealed)

def read_only_reason(wb):
    """The reason in the read-only bar above the pages (its "Read-only" says it as its description), or
    empty when the bar is not shown."""
    indicator = wb.find_all("label", "Read-only", root=wb.window)
    return indicator[0].description if indicator else ""


def team_role_revoked_said_plainly(ctx):
    """An editor whose role an administrator revokes while the workbench has the team workspace open
    (tester, issue 14). With the connection up and nothing done: the workbench's next check finds it, the
    status bar says "access withdrawn: ask for the <db>_editor role" (no longer "connected") and the bar above
    the pages says **Read-only** and, whole, that the account may not use the team workspace, naming the
    <db>_editor and <db>_reader roles (no URL, no server code); the title ends in "[read-only]"; Add Note and
    its text are held, saying the refusal (offered again once the role is back). File ▸
    Reconnect says the same in a message box; the window stays with the note's typed text kept. Given the role
    back, File ▸ Reconnect connects and the bar goes. Revoked again while the connection drops, the
    workbench's own reconnect says it in the bar (not cut short in the status bar), no box; given the role
    back, the workbench reconnects by itself, the bar and the refusal go, and the typed text is still kept."""
    code = case_in_segment(ctx, 4)
    workspace = pushed_demo(ctx)
    editor = "editor_%s" % workspace
    psql("CREATE ROLE %s LOGIN" % editor)
    psql("GRANT %s_editor TO %s" % (workspace, editor))
    said = "Your account %s may not use the team workspace %s on this machine" % (editor, workspace)
    whole = ("%s: the server gives it none of the workspace's roles. Ask its administrator for the %s_editor role "
             "(or %s_reader, to read it only)." % (said, workspace, workspace))
    withdrawn = " · access withdrawn: ask for the %s_editor role" % workspace
    typed = "Typed before the role was revoked"

    wb = ctx.start([])
    open_team(wb, workspace, user=editor)
    open_from_portfolio(wb, code)
    wb.tab("Notes")
    note = wb.set_text("New note", typed)
    expect(read_only_reason(wb) == "", "a read-only bar before the role was revoked: %r" % read_only_reason(wb))

    # Revoked while connected: found by the next check (every ten seconds), said at once in both places.
    psql("REVOKE %s_editor FROM %s" % (workspace, editor))
    wb.wait(lambda: connection_state(wb).endswith(withdrawn), "the status bar to say the access was withdrawn",
            timeout=25)
    reason = wb.find("label", whole)  # the bar's reason, whole (its accessible name is its text)
    expect(read_only_reason(wb) == whole, "the Read-only indicator's description: %r" % read_only_reason(wb))
    expect(wb.window.name.endswith("[read-only]"), "the title %r" % wb.window.name)
    expect("postgresql://" not in text_of(reason) and "PostgreSQL error" not in text_of(reason),
           "not in plain words: %r" % text_of(reason))
    # The case no longer offers its edits (tester, issue 14: every edit stayed offered), each saying why.
    add = wb.find("push button", "Add Note")
    wb.wait(lambda: not add.getState().contains(pyatspi.STATE_ENABLED)
            and not note.getState().contains(pyatspi.STATE_EDITABLE), "Add Note and its text held")
    expect(add.description == whole, "Add Note's tip: %r" % add.description)
    wb.screenshot("team-role-revoked-while-connected")

    wb.menu("File", "Reconnect")
    box = wb.dialog("Cannot reconnect")
    text = wb.alert_text(box)
    expect(said in text and "%s_editor" % workspace in text and "%s_reader" % workspace in text,
           "the refused reconnect says %r" % text)
    expect("postgresql://" not in text and "PostgreSQL error" not in text, "not in plain words: %r" % text)
    wb.screenshot("team-role-revoked")
    wb.press("OK", root=box)
    wb.gone(box)
    expect(connection_state(wb).endswith(withdrawn), "status bar: %r" % connection_state(wb))
    expect(read_only_reason(wb) == whole, "the bar after the refused reconnect: %r" % read_only_reason(wb))
    expect(text_of(note) == typed, "the typed note became %r" % text_of(note))

    psql("GRANT %s_editor TO %s" % (workspace, editor))
    wb.menu("File", "Reconnect")
    wb.wait(lambda: connection_state(wb).endswith(" connected"), "the status bar to say connected", timeout=15)
    wb.wait(lambda: read_only_reason(wb) == "", "the read-only bar to go")
    expect(not wb.window.name.endswith("[read-only]"), "the title %r" % wb.window.name)
    wb.wait(lambda: add.getState().contains(pyatspi.STATE_ENABLED)
            and note.getState().contains(pyatspi.STATE_EDITABLE), "Add Note and its text offered again")

    psql("REVOKE %s_editor FROM %s" % (workspace, editor))
    psql("SELECT count(pg_terminate_backend(pid, 10000)) FROM pg_stat_activity WHERE usename = '%s'" % editor)
    # Found lost at one check (every ten seconds), refused at the next: said whole in the bar.
    wb.wait(lambda: read_only_reason(wb) == whole, "the refusal in the read-only bar", timeout=40)
    wb.find("label", whole)
    expect(connection_state(wb).endswith(withdrawn), "status bar: %r" % connection_state(wb))
    expect(text_of(note) == typed, "the typed note became %r" % text_of(note))
    wb.screenshot("team-role-revoked-by-itself")
    expect(not wb.find_all("alert"), "an error box appeared")

    # The role given back: the workbench's own reconnect (within two checks) clears all of it.
    psql("GRANT %s_editor TO %s" % (workspace, editor))
    wb.wait(lambda: connection_state(wb).endswith(" · connected"), "the workbench to reconnect by itself",
            timeout=30)
    wb.wait(lambda: read_only_reason(wb) == "", "the read-only bar to go")
    expect(not wb.find_all("label", re.compile("^%s" % re.escape(said)), root=wb.window),
           "the refusal is still shown after the reconnect")
    expect(text_of(note) == typed, "the typed note became %r" % text_of(note))
    wb.screenshot("team-role-restored-by-itself")
    expect(not wb.find_all("alert"), "an error box appeared")


SCENARIOS = [team_open_dialog_checks_and_refusals, team_reopen_from_recent_and_connection_lost,
             team_casework_lands_on_the_server, team_conflict_keep_mine_take_theirs, team_import_through_the_menu,
             team_reader_sees_read_only, team_decided_meanwhile_and_stale_remove, team_role_revoked_said_plainly]
