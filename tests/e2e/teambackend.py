"""The end-to-end scenarios on a team workspace (run_e2e.py --backend postgres).

Each scenario still gets its fresh copy of the demo folder (the scenarios choose
their case from it before anything changes), and besides it a team workspace
holding the same demo: a database of the throwaway cluster (OWB_TEST_PG,
tests/team/pgcluster.py) copied from a template into which the demo was pushed
once (owb team push). The workbench opens the team workspace's URL, answering the
Open Team Workspace dialog, and a case named on the command line is opened from
the portfolio. What a scenario reads of a case (owbe2e.query) is then the case
exported from the server (owb team export), so the same SQL checks run on both
back ends.

Scenarios that are about folders alone are not run here: each is listed with the
reason, and the run prints them.
"""

import os
import subprocess
import urllib.parse
import uuid

# Not run on a team workspace, each with the reason printed.
FOLDER_ONLY = {
    "open_workspace_and_switch_quarter": "File > Open Workspace... chooses a folder in the file dialog",
    "open_workspace_of_another": "another workspace's peers.owdata copied into the folder",
    "view_menu_without_workspace": "opens no workspace: the same on either back end",
    "menus_without_workspace": "opens no workspace: the same on either back end",
    "team_open_dialog_checks_and_refusals": "a team workspace scenario already (run by e2e_workbench)",
    "team_reopen_from_recent_and_connection_lost": "a team workspace scenario already (run by e2e_workbench)",
    "team_casework_lands_on_the_server": "a team workspace scenario already (run by e2e_workbench)",
    "team_conflict_keep_mine_take_theirs": "a team workspace scenario already (run by e2e_workbench)",
    "team_decided_meanwhile_and_stale_remove": "a team workspace scenario already (run by e2e_workbench)",
    "team_import_through_the_menu": "a team workspace scenario already (run by e2e_workbench)",
    "team_reader_sees_read_only": "a team workspace scenario already (run by e2e_workbench)",
    "team_role_revoked_said_plainly": "a team workspace scenario already (run by e2e_workbench)",
    "read_only_workspace_offers_no_edit": "the folder's lock (Open Read-Only); a team workspace's reader is "
                                          "team_reader_sees_read_only",
    "stale_save_refused_and_reloaded": "changes the case file behind the window with sqlite3 (on a server a "
                                       "colleague's change is scenarios_team's)",
    "redo_by_keys": "keys reach the window only when it is focused, and under Xvfb without a window manager "
                    "nothing focuses it again after the password dialog (tst_mainwindow_server's keyboard() "
                    "presses the same keys on a team workspace)",
    "entry_date_checked_on_tab": "Tab and a click elsewhere reach the field only when the window is focused, and "
                                 "under Xvfb without a window manager nothing focuses it again after the password "
                                 "dialog (as redo_by_keys; tst_casefields_server's programmeEntryDateOnTab checks the "
                                 "same on a team workspace)",
    "reissue_without_programme_lists_final_segments": "runs owb methodology add's dry run on the demo folder to "
                                                      "compare with the preview (year_without_programme_segment "
                                                      "proves the same year on a team workspace)",
    "new_workspace_spanning_two_years": "File > New Workspace from Metric File... creates a folder workspace",
    "new_workspace_methodology_cancelled_or_wrong": "File > New Workspace from Metric File... creates a folder "
                                                    "workspace",
    "import_refusal_in_workbench_terms": "not yet run on a team workspace (File > Import Metric File... "
                                         "there is team_import_through_the_menu's)",
    "reassessment_said_once_in_history": "re-assesses the demo folder with owb methodology add --apply before "
                                         "the workbench opens it (as reissue_said_in_history)",
}

# Run on folders only to keep CI within its time (the whole run on a server took 800 s, against 330 s on
# folders): scenarios about how the portfolio, the league, the changes and What-if lay out, sort, filter
# or export what they compute from the national data, which a team workspace reads through the same
# classes (tst_mainwindow_server checks those panels on a server). The scenarios of casework, which
# store and read back, run on both.
DISPLAY_ONLY = ("about the layout, sorting, filters or exports of what is computed from national data "
                "(run on folders only, for CI time; tst_mainwindow_server covers those panels on a server)")
FOLDER_ONLY["needs_action_filter"] = ("the portfolio's Needs action filter against owb portfolio of the folder, "
                                      "88 s (run on folders only, for CI time; its one stored decision is "
                                      "confirm_computed_segment's)")
for _name in ("league_headers_sort", "portfolio_columns_at_1280",
              "league_region_filter_and_highlight", "whatif_rank_is_league_rank", "quarter_menu_and_notices",
              "portfolio_every_column_on_screen_at_1280", "league_csv_complete",
              "changes_and_league_exports", "whatif_deficit_toggle", "metric_measures_one_format",
              "portfolio_export_quarter_and_icb", "portfolio_csv_export_confirms"):
    FOLDER_ONLY[_name] = DISPLAY_ONLY

# Run on a team workspace only (scenarios_server.py), each skipped on folders with the reason printed.
SERVER_ONLY = {
    "team_reconnect_by_the_menu": "about the connection to a team workspace's server (a folder has none)",
    "team_undo_refused_while_lost": "about the connection to a team workspace's server (a folder has none)",
    "team_edit_refused_while_case_busy": "about a case's lock on a team workspace's server (a folder has its own lock)",
    "team_form_kept_while_case_busy": "about a case's lock on a team workspace's server (a folder has its own lock)",
}

ROLES = ("reader", "editor", "importer")  # a team workspace's group roles, <db>_<suffix>
PASSWORD = "e2e-horse-battery"  # the cluster trusts the account, so any password connects


class ServerCase(str):
    """A case of the scenario's team workspace where a scenario expects a case file's path: its text is
    the folder copy's path (for messages); `code` names it, and `export()` (set by the run) writes it as
    the server holds it now and gives that file's path."""

    def __new__(cls, path, code):
        case = super().__new__(cls, path)
        case.code = code
        return case


class TeamBackend:
    """The cluster, the demo's template database and each scenario's copy of it."""

    def __init__(self, owb, master, out):
        url = os.environ.get("OWB_TEST_PG")
        if not url:
            raise RuntimeError("--backend postgres needs OWB_TEST_PG: run through ctest, which starts a throwaway "
                               "PostgreSQL cluster")
        parsed = urllib.parse.urlparse(url)
        options = urllib.parse.parse_qs(parsed.query)
        self.host = options["host"][0]
        self.user = options.get("user", ["postgres"])[0]
        self.admin_db = parsed.path.lstrip("/")
        self.owb = owb
        self.out = out
        self.exports = 0
        self.template = "e2e_demo_%s" % uuid.uuid4().hex[:8]
        self.psql("CREATE DATABASE %s" % self.template)
        subprocess.run([owb, "team", "init", self.url(self.template)], check=True, stdout=subprocess.DEVNULL,
                       timeout=120)
        subprocess.run([owb, "team", "push", master, self.url(self.template)], check=True,
                       stdout=subprocess.DEVNULL, timeout=600)

    def url(self, database):
        return "postgresql://%s@/%s?host=%s" % (self.user, database, self.host)

    def psql(self, sql, database=None):
        result = subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", self.host,
                                 "-U", self.user, "-d", database or self.admin_db, "-c", sql],
                                capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError("psql %r: %s" % (sql, result.stderr.strip()))
        return result.stdout.strip()

    def workspace_for(self, scenario):
        """A new team workspace holding the untouched demo, as its database name. A copied database has
        none of the group roles `owb team init` names after a workspace (the workbench refuses an import
        or a change of methodology where `<db>_importer` does not exist): the copy is given its own, as
        `owb team init` would have made them (the run's account is a superuser, so a member of each)."""
        name = "e2e_%s_%s" % (scenario[:30].lower(), uuid.uuid4().hex[:6])
        self.psql("CREATE DATABASE %s TEMPLATE %s" % (name, self.template))
        for suffix in ROLES:
            self.psql("CREATE ROLE %s_%s NOLOGIN" % (name, suffix))
        return name

    def drop(self, database):
        self.psql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % database)
        for suffix in ROLES:
            try:
                self.psql("DROP ROLE IF EXISTS %s_%s" % (database, suffix))
            except RuntimeError as error:  # still granted something elsewhere: left to the cluster's removal
                print("  %s" % error, flush=True)

    def close(self):
        self.drop(self.template)

    def fingerprint(self, database):
        """Every row of every table of the team workspace (owb, national, cases), as one digest: the
        server's counterpart of a folder's files compared byte for byte."""
        tables = self.psql("SELECT string_agg(format('%I.%I', table_schema, table_name), ' ' ORDER BY 1) FROM "
                           "information_schema.tables WHERE table_schema IN ('owb', 'national', 'cases') "
                           "AND table_type = 'BASE TABLE'", database).split()
        parts = ["SELECT '%s' || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM %s t"
                 % (table, table) for table in tables]
        return self.psql(" UNION ALL ".join(parts), database)

    def assessments(self, database):
        """Every stored assessment on the server by (code, quarter): segment, average (hundredths),
        methodology, digest, raw segment, rank, as a case file's assessment table holds them."""
        number = lambda text: int(text) if text else None
        rows = {}
        out = self.psql("SELECT org_code, quarter, segment, average, methodology_id, digest, raw_segment, rank "
                        "FROM cases.assessment", database)
        for line in out.splitlines():
            code, quarter, segment, average, mid, dig, raw, rank = line.split("|")
            rows[(code, quarter)] = (number(segment), number(average), mid, dig, number(raw), number(rank))
        return rows

    def export(self, database, code, folder):
        """The case as it is now on the server, written as a case file under `folder`."""
        self.exports += 1
        folder = os.path.join(folder, str(self.exports))  # a case file is named by its code
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "%s.owcase" % code)
        result = subprocess.run([self.owb, "team", "export", self.url(database), code, path],
                                capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise AssertionError("owb team export %s: %s" % (code, result.stderr.strip()))
        return path


def answer_open_dialog(wb, lib, code=None):
    """The workbench was started on a team workspace's URL: it asks for the password (no keyring runs
    here); the password is given, not remembered, and the portfolio shown; then `code`'s case opened
    from the portfolio, as a case file named on the command line would be."""
    box = wb.dialog("Open Team Workspace", timeout=30)
    remember = wb.find("check box", "Remember the password in the keyring", root=box)
    if remember.getState().contains(lib.pyatspi.STATE_CHECKED):
        wb.do_action(remember)
    wb.set_text("Password", PASSWORD, root=box, role="password text")
    wb.press("Connect", root=box)
    wb.gone(box, timeout=30)
    wb.find("table", "Case files", timeout=30)
    if code:
        from scenarios_items import open_from_portfolio
        open_from_portfolio(wb, code)
