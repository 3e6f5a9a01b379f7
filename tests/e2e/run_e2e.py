#!/usr/bin/python3
"""Runs the end-to-end scenarios against the real workbench window.

    run_e2e.py --owb build/bin/owb --workbench build/bin/oversight-workbench \
               --out build/e2e [SCENARIO ...]

Outside a session it starts one: an X server (xvfb-run, 1280x800), a session
bus (dbus-run-session) and, inside that, the accessibility bus; then each
scenario gets a fresh copy of the demo workspace and a fresh workbench.
Exit 0 when every scenario passed, 1 when one failed, 77 (skipped, with the
reason printed) when the accessibility bus or its Python bindings are absent.

With --backend postgres each scenario's demo is a team workspace on the
throwaway cluster that OWB_TEST_PG names (teambackend.py); scenarios about
folders alone are listed as skipped, with the reason, as are scenarios about a
server alone on folders.
"""

import argparse
import importlib
import os
import shutil
import subprocess
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = 77
MODULES = ["scenarios_casework", "scenarios_items", "scenarios_workspace", "scenarios_panels", "scenarios_actions",
           "scenarios_plan", "scenarios_action", "scenarios_layout", "scenarios_dates", "scenarios_menus", "scenarios_sections",
           "scenarios_forms", "scenarios_workflow", "scenarios_programme", "scenarios_reports", "scenarios_team",
           "scenarios_finds", "scenarios_records", "scenarios_years", "scenarios_years2", "scenarios_finds2",
           "scenarios_years3", "scenarios_finds3", "scenarios_finds4", "scenarios_years4", "scenarios_findedit",
           "scenarios_server", "scenarios_readonly", "scenarios_live"]
ON_REQUEST = ["screenshots"]  # run only when named


def missing_prerequisites():
    missing = []
    for tool in ("xvfb-run", "dbus-run-session"):
        if not shutil.which(tool):
            missing.append(tool)
    if not os.path.exists("/usr/libexec/at-spi-bus-launcher"):
        missing.append("/usr/libexec/at-spi-bus-launcher (Debian package at-spi2-core)")
    try:
        import pyatspi  # noqa: F401
    except Exception as error:  # ImportError, or a broken typelib
        missing.append("pyatspi for %s (Debian package python3-pyatspi): %s" % (sys.executable, error))
    return missing


def outer(args, argv):
    missing = missing_prerequisites()
    if missing:
        print("SKIPPED: the end-to-end tests need " + "; ".join(missing), flush=True)
        return SKIP
    os.makedirs(args.out, exist_ok=True)
    command = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "dbus-run-session", "--",
               sys.executable, os.path.abspath(__file__), "--inside"] + argv
    try:
        return subprocess.run(command, timeout=args.timeout, start_new_session=True).returncode
    except subprocess.TimeoutExpired:
        print("FAILED: the end-to-end run took longer than %d s" % args.timeout, flush=True)
        return 1


def all_scenarios(named=False):
    sys.path.insert(0, HERE)
    scenarios = []
    for module in MODULES + (ON_REQUEST if named else []):
        scenarios += importlib.import_module(module).SCENARIOS
    return scenarios


def inner(args):
    import owbe2e
    bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        time.sleep(0.5)
        master = os.path.join(args.out, "demo-master")
        shutil.rmtree(master, ignore_errors=True)
        subprocess.run([args.owb, "demo", master], check=True, stdout=subprocess.DEVNULL, timeout=300)
        chosen = [s for s in all_scenarios(bool(args.scenarios)) if not args.scenarios or s.__name__ in args.scenarios]
        if args.scenarios and len(chosen) != len(args.scenarios):
            print("unknown scenario among %s" % args.scenarios)
            return 2
        backend = None
        if args.backend == "postgres":
            import teambackend
            t0 = time.time()
            backend = teambackend.TeamBackend(args.owb, master, args.out)
            print("the demo pushed to a team workspace in %.1f s" % (time.time() - t0), flush=True)
            for scenario in [s for s in chosen if s.__name__ in teambackend.FOLDER_ONLY]:
                print("SKIP %-40s on a team workspace: %s" % (scenario.__name__,
                                                               teambackend.FOLDER_ONLY[scenario.__name__]), flush=True)
            chosen = [s for s in chosen if s.__name__ not in teambackend.FOLDER_ONLY]
        else:
            import teambackend
            for scenario in [s for s in chosen if s.__name__ in teambackend.SERVER_ONLY]:
                print("SKIP %-40s on a folder: %s" % (scenario.__name__, teambackend.SERVER_ONLY[scenario.__name__]),
                      flush=True)
            chosen = [s for s in chosen if s.__name__ not in teambackend.SERVER_ONLY]
        failures = []
        started = time.time()
        for scenario in chosen:
            name = scenario.__name__
            folder = os.path.join(args.out, name)
            shutil.rmtree(folder, ignore_errors=True)
            workspace = os.path.join(folder, "workspace")
            shutil.copytree(master, workspace)
            context = Context(args, folder, workspace, name, owbe2e)
            t0 = time.time()
            if backend:
                context.on_server(backend, backend.workspace_for(name))
            try:
                scenario(context)
                print("PASS %-40s %5.1f s" % (name, time.time() - t0), flush=True)
            except Exception as error:
                failures.append(name)
                print("FAIL %-40s %5.1f s: %s" % (name, time.time() - t0, error), flush=True)
                traceback.print_exc()
                context.on_failure()
            finally:
                context.close()
                if backend:
                    backend.drop(context.database)
        print("%d scenario(s), %d failed, %.0f s" % (len(chosen), len(failures), time.time() - started), flush=True)
        if backend:
            backend.close()
        return 1 if failures else 0
    finally:
        bus.terminate()
        try:
            bus.wait(timeout=5)
        except subprocess.TimeoutExpired:
            bus.kill()


class Context:
    """What a scenario gets: its workspace copy, the binaries, and the workbench once started."""

    def __init__(self, args, folder, workspace, name, lib):
        self.owb = args.owb
        self.binary = args.workbench
        self.folder = folder
        self.workspace = workspace
        self.name = name
        self.lib = lib
        self.workbenches = []
        self.backend = None
        self.database = None
        self.author = "e2e-tester"  # who the audit trail names: the local account (owbe2e sets USER)
        self.target = workspace  # what owb commands are given: the folder, or the team workspace's URL

    def on_server(self, backend, database):
        """The scenario runs on a team workspace (the database `database`) instead of the folder."""
        self.backend = backend
        self.database = database
        self.url = backend.url(database)
        self.author = backend.user  # on a server, the server's session user
        self.target = self.url

    def case(self, code):
        path = os.path.join(self.workspace, code + ".owcase")
        if not self.backend:
            return path
        import teambackend
        case = teambackend.ServerCase(path, code)
        case.export = lambda: self.backend.export(self.database, code, os.path.join(self.folder, "exported"))
        return case

    def start(self, args=None):
        code = None
        if self.backend and (args is None or (len(args) == 1 and hasattr(args[0], "export"))):
            # The team workspace's URL in place of the folder; a case named is opened from the portfolio.
            code = args[0].code if args else None
            args = [self.url]
        for attempt in (1, 2):
            try:
                wb = self.lib.Workbench(self.binary, self.workspace, self.folder,
                                        self.name + "-%d" % len(self.workbenches), args=args)
                break
            except self.lib.StepFailed as error:
                # A start that dies before any window is the display's, not the
                # scenario's: said, and tried once more.
                if attempt == 2 or "before it showed a window" not in str(error):
                    raise
                print("  %s; starting it again" % error, flush=True)
        self.workbenches.append(wb)
        if self.backend and args == [self.url]:
            import teambackend
            teambackend.answer_open_dialog(wb, self.lib, code)
        return wb

    def on_failure(self):
        for wb in self.workbenches:
            if wb.proc.poll() is None:
                shot = wb.screenshot("failure")
                print("  screenshot: %s" % shot)
                try:
                    with open(os.path.join(self.folder, "failure-tree.txt"), "w") as out:
                        out.write("\n".join(wb.dump(max_depth=14)))
                except Exception:
                    pass

    def close(self):
        for wb in self.workbenches:
            wb.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--owb", required=True)
    parser.add_argument("--workbench", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--timeout", type=int, default=900)
    parser.add_argument("--inside", action="store_true")
    parser.add_argument("--backend", choices=["files", "postgres"], default="files",
                        help="postgres: each scenario on a team workspace of the cluster OWB_TEST_PG names")
    parser.add_argument("scenarios", nargs="*")
    args = parser.parse_args()
    args.out = os.path.abspath(args.out)
    if args.inside:
        return inner(args)
    return outer(args, [a for a in sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
