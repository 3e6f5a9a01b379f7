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

from owbe2e import expect, text_of, StepFailed


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


SCENARIOS = [team_open_dialog_checks_and_refusals, team_reopen_from_recent_and_connection_lost]
