"""Scenarios about a team workspace's server itself, run on the team backend only (run_e2e.py --backend
postgres: the scenario's demo on the server, ctx.backend and ctx.database); on folders each is listed as
skipped with the reason (teambackend.SERVER_ONLY)."""

import re
import subprocess
import time

import pyatspi

from owbe2e import expect, name_of, text_of
from scenarios_casework import case_in_segment, open_case
from scenarios_team import connection_state


def workbench_sessions(ctx):
    """The workbench's sessions on the scenario's team workspace (their process ids on the server)."""
    return set(ctx.backend.psql("SELECT pid FROM pg_stat_activity WHERE application_name = 'oversight-workbench' "
                                "AND datname = '%s'" % ctx.database).split())


def team_reconnect_by_the_menu(ctx):
    """A team workspace whose sessions an administrator ends (as a server restart does): the status bar
    says "connection lost: reconnecting…"; File ▸ Reconnect reconnects at once (new sessions on the
    server), the status bar says "connected" and a notice that it reconnected; a note added then is
    stored on the server with the same author, and Edit ▸ Undo still removes it."""
    code = case_in_segment(ctx, 4)
    wb = open_case(ctx, code, "Notes")
    wb.wait(lambda: connection_state(wb).endswith(" · connected"), "connected")
    before = workbench_sessions(ctx)
    # National data, the cases, and the listener of colleagues' changes.
    expect(len(before) == 3, "the workbench holds %d sessions, not 3 (national, cases, live updates)" % len(before))
    ctx.backend.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
                     "'oversight-workbench' AND datname = '%s'" % ctx.database)
    wb.wait(lambda: connection_state(wb).endswith(" · connection lost: reconnecting…"),
            "the status bar to say the connection is lost", timeout=15)
    wb.screenshot("connection-lost")
    wb.menu("File", "Reconnect")
    wb.wait(lambda: connection_state(wb).endswith(" · connected"), "the status bar to say connected", timeout=15)
    wb.find("label", re.compile("^Reconnected to "), only_showing=False)
    wb.wait(lambda: len(workbench_sessions(ctx)) == 3, "three sessions again", timeout=10)
    after = workbench_sessions(ctx)
    expect(not (after & before), "sessions %s after reconnecting, %s before" % (after, before))
    wb.screenshot("reconnected")

    def notes(body):
        return ctx.backend.psql("SELECT count(*) || ' ' || coalesce(max(author), '') FROM cases.note WHERE "
                                "org_code = '%s' AND body = '%s'" % (code, body), ctx.database)

    body = "Reconnected after the server went away"
    wb.set_text("New note", body)
    wb.press("Add Note")
    wb.wait(lambda: notes(body) == "1 %s" % ctx.author, "the note on the server by %s" % ctx.author, timeout=10)
    entries = ctx.backend.psql("SELECT count(*) FROM cases.audit_log WHERE org_code = '%s' AND table_name = 'note' "
                               "AND actor = '%s' AND hash IS NOT NULL" % (code, ctx.author), ctx.database)
    expect(entries == "1", "%s sealed audit entries for the note" % entries)
    notes_table = wb.find("table", "Notes")
    expect(any(body in c for row in wb.cells(notes_table) for c in row), "the note is not in the list")
    wb.menu("Edit", re.compile("^Undo"))
    wb.wait(lambda: notes(body).split()[0] == "0", "undo to remove the note from the server", timeout=10)
    expect(connection_state(wb).endswith(" · connected"), "the connection is not kept")
    expect(not wb.find_all("alert"), "an error box appeared")


def team_undo_refused_while_lost(ctx):
    """Edit ▸ Undo, then Edit ▸ Redo, right after an administrator ended the workbench's sessions: each is
    refused in a warning saying the connection to the team workspace was lost, nothing changes on the server
    (the note and its audit entries as they were) and the Edit menu still offers the same step; after
    File ▸ Reconnect that same step is undone (the note gone from the server, a sealed audit entry
    more), then, after another loss refused the redo, redone."""
    code = case_in_segment(ctx, 3)
    wb = open_case(ctx, code, "Notes")
    wb.wait(lambda: connection_state(wb).endswith(" connected"), "connected")
    body = "Kept over the lost connection"

    def notes():
        return ctx.backend.psql("SELECT count(*) FROM cases.note WHERE org_code = '%s' AND body = '%s'"
                                % (code, body), ctx.database)

    def entries():
        return ctx.backend.psql("SELECT count(*) || ' ' || count(hash) FROM cases.audit_log WHERE org_code = '%s' "
                                "AND table_name = 'note'" % code, ctx.database)

    def refused(step, shot):
        # Right after the loss (before the check every ten seconds reconnects by itself).
        ctx.backend.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
                         "'oversight-workbench' AND datname = '%s'" % ctx.database)
        wb.menu("Edit", re.compile("^%s Add note$" % step))
        box = wb.dialog("A change could not be saved")
        text = wb.alert_text(box)
        expect("connection to the team workspace was lost" in text and "Reconnect" in text,
               "the refused %s says %r" % (step, text))
        wb.screenshot(shot)
        wb.press("OK", root=box)
        wb.gone(box)
        item = wb.menu_item("Edit", re.compile("^%s Add note$" % step))
        expect(item.getState().contains(pyatspi.STATE_ENABLED), "Edit ▸ %s Add note no longer offered" % step)
        wb.menu("File", "Reconnect")
        wb.wait(lambda: connection_state(wb).endswith(" connected"), "the status bar to say connected", timeout=15)

    wb.set_text("New note", body)
    wb.press("Add Note")
    wb.wait(lambda: notes() == "1", "the note on the server", timeout=10)
    before = entries()
    refused("Undo", "undo-refused")
    expect(notes() == "1" and entries() == before, "the refused undo changed the server: %s notes, entries %s "
           "(before: %s)" % (notes(), entries(), before))
    wb.menu("Edit", re.compile("^Undo Add note$"))
    wb.wait(lambda: notes() == "0", "the undo once reconnected to remove the note from the server", timeout=10)
    undone = entries()
    count, sealed = (int(n) for n in undone.split())
    expect(count == int(before.split()[0]) + 1 and sealed == count, "audit entries %s after the undo, %s before"
           % (undone, before))
    refused("Redo", "redo-refused")
    expect(notes() == "0" and entries() == undone, "the refused redo changed the server")
    wb.menu("Edit", re.compile("^Redo Add note$"))
    wb.wait(lambda: notes() == "1", "the redo once reconnected to store the note again", timeout=10)
    notes_table = wb.find("table", "Notes")
    expect(any(body in c for row in wb.cells(notes_table) for c in row), "the note is not in the list")
    expect(not wb.find_all("alert"), "an error box appeared")


def team_edit_refused_while_case_busy(ctx):
    """Another session holds the case's lock (a colleague's save stalled mid-way): Add Note is refused
    within a few seconds, in a warning saying someone else is saving a change to this case and nothing
    was changed, not a frozen window; nothing reaches the server and the typed text stays in the box.
    Once the colleague's transaction ends, Add Note stores it."""
    code = case_in_segment(ctx, 3)
    wb = open_case(ctx, code, "Notes")
    wb.wait(lambda: connection_state(wb).endswith(" connected"), "connected")
    body = "Written while a colleague was saving"

    def notes():
        return ctx.backend.psql("SELECT count(*) FROM cases.note WHERE org_code = '%s' AND body = '%s'"
                                % (code, body), ctx.database)

    def held():
        return ctx.backend.psql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = 1331118663 "
                                "AND granted", ctx.database)

    colleague = subprocess.Popen(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", ctx.backend.host,
                                  "-U", ctx.backend.user, "-d", ctx.database],
                                 stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        colleague.stdin.write("BEGIN;\nSELECT pg_advisory_xact_lock(1331118663, hashtext('%s'));\n" % code)
        colleague.stdin.flush()
        wb.wait(lambda: held() == "1", "the colleague's session to hold the case", timeout=15)
        entries = ctx.backend.psql("SELECT count(*) FROM cases.audit_log WHERE org_code = '%s'" % code, ctx.database)
        wb.set_text("New note", body)
        started = time.monotonic()
        wb.press("Add Note")
        box = wb.dialog("The note was not saved", timeout=15)
        waited = time.monotonic() - started
        text = wb.alert_text(box)
        expect("Someone else is saving a change to this case right now; nothing was changed: try again in a "
               "moment." in text, "the refusal says %r" % text)
        expect(waited < 10, "the refusal came after %.1f s" % waited)
        wb.screenshot("case-busy")
        wb.press("OK", root=box)
        wb.gone(box)
        expect(notes() == "0", "the refused note reached the server")
        expect(ctx.backend.psql("SELECT count(*) FROM cases.audit_log WHERE org_code = '%s'" % code,
                                ctx.database) == entries, "the refused note left audit entries")
        expect(text_of(wb.find("text", "New note")) == body, "the typed note was not kept")
    finally:
        colleague.stdin.write("COMMIT;\n")
        colleague.stdin.close()
        colleague.wait(timeout=30)
    wb.press("Add Note")
    wb.wait(lambda: notes() == "1", "the note on the server once the colleague's save ended", timeout=10)
    expect(not wb.find_all("alert"), "an error box appeared")


def team_form_kept_while_case_busy(ctx):
    """Another session holds the case's lock (a colleague's save stalled): Casework ▸ Record a
    Correction..., a reason typed, OK: refused within a few seconds, said in the form above its
    buttons, and the form stays open with the reason and the segment as typed; nothing reaches the
    server. Once the colleague's transaction ends, OK in the same form stores the correction, the form
    closes and the page shows it."""
    code = case_in_segment(ctx, 3)
    wb = open_case(ctx, code, "Casework")
    wb.wait(lambda: connection_state(wb).endswith(" connected"), "connected")
    reason = "Late data from the trust, agreed with the region"

    def corrections():
        return ctx.backend.psql("SELECT count(*) FROM cases.decision WHERE org_code = '%s' AND kind = 'correction' "
                                "AND decided_segment = 2 AND rationale = '%s'" % (code, reason), ctx.database)

    def held():
        return ctx.backend.psql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = 1331118663 "
                                "AND granted", ctx.database)

    colleague = subprocess.Popen(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", ctx.backend.host,
                                  "-U", ctx.backend.user, "-d", ctx.database],
                                 stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        colleague.stdin.write("BEGIN;\nSELECT pg_advisory_xact_lock(1331118663, hashtext('%s'));\n" % code)
        colleague.stdin.flush()
        wb.wait(lambda: held() == "1", "the colleague's session to hold the case", timeout=15)
        entries = ctx.backend.psql("SELECT count(*) FROM cases.audit_log WHERE org_code = '%s'" % code, ctx.database)
        wb.press("Record a Correction...")
        started = time.monotonic()
        box = wb.answer_form("Record a Correction", {"Why": reason}, numbers={"Corrected segment": 2}, closes=False)
        said = wb.find("label", re.compile("^Not saved: "), root=box, timeout=15)
        waited = time.monotonic() - started
        text = text_of(said) or name_of(said)
        expect("Someone else is saving a change to this case right now; nothing was changed: try again in a "
               "moment." in text and "Everything you typed is still here" in text, "the form says %r" % text)
        expect(waited < 12, "the refusal came after %.1f s" % waited)
        expect(text_of(wb.find("text", "Why", root=box)) == reason, "the typed reason was not kept")
        expect(wb.find("spin button", "Corrected segment", root=box).queryValue().currentValue == 2,
               "the corrected segment was not kept")
        expect(not wb.find_all("alert"), "a message box appeared besides the form")
        wb.screenshot("form-refused")
        expect(corrections() == "0", "the refused correction reached the server")
        expect(ctx.backend.psql("SELECT count(*) FROM cases.audit_log WHERE org_code = '%s'" % code,
                                ctx.database) == entries, "the refused correction left audit entries")
    finally:
        colleague.stdin.write("COMMIT;\n")
        colleague.stdin.close()
        colleague.wait(timeout=30)
    wb.press("OK", root=box)
    wb.gone(box)
    wb.wait(lambda: corrections() == "1", "the correction on the server once the colleague's save ended", timeout=10)
    wb.find("label", re.compile("Corrected to segment 2 by .*: %s" % re.escape(reason)), only_showing=False)
    expect(not wb.find_all("alert"), "an error box appeared")


SCENARIOS = [team_reconnect_by_the_menu, team_undo_refused_while_lost, team_edit_refused_while_case_busy,
             team_form_kept_while_case_busy]
