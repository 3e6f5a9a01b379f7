#!/usr/bin/env python3
"""Kills `owb import` with SIGKILL at random moments and proves that every
file is then consistent (`owb check` clean) and that importing again gives
exactly the workspace an uninterrupted import gives.

Two scenarios alternate: a first import into a new workspace, and a
correcting import into a complete one. Then `owb methodology add --apply`
(re-assessing one year under a re-issued file) is killed the same way.

Usage: kill_import.py --owb PATH [--kills N] [--seed S] [--quarters Q]
"""

import argparse
import glob
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def run(owb, *args, check=True):
    done = subprocess.run([owb] + list(args), capture_output=True, text=True)
    if check and done.returncode != 0:
        raise AssertionError("owb %s exited %d: %s" % (" ".join(args), done.returncode, done.stderr))
    return done


def dump(workspace):
    """Everything that matters in a workspace, without timestamps."""
    state = {}
    # Each workspace has its own random id: compared as "every case file records its workspace's".
    peers = sqlite3.connect("file:%s?mode=ro" % os.path.join(workspace, "peers.owdata"), uri=True)
    own_id = (peers.execute("SELECT value FROM setting WHERE key = 'workspace_id'").fetchone() or [None])[0]
    peers.close()
    for path in sorted(glob.glob(os.path.join(workspace, "*.owcase")) + [os.path.join(workspace, "peers.owdata")]):
        db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            if table == "import_log":
                continue
            # Timestamps, and the audit hashes built on them, differ between runs.
            columns = [r[1] for r in db.execute("PRAGMA table_info(%s)" % table)
                       if r[1] not in ("computed_at", "imported_at", "at", "hash", "added_at", "since")]
            if table == "setting":
                rows = sorted(db.execute("SELECT key, value FROM setting WHERE key NOT IN ('created_at', "
                                         "'workspace_id')"))
            elif table == "membership":
                rows = [(row[0] == own_id,) for row in db.execute("SELECT workspace_id FROM membership")]
            else:
                rows = sorted(db.execute("SELECT %s FROM %s" % (", ".join(columns), table)), key=repr)
            if table == "audit_log" and any(row[columns.index("actor")] is None for row in rows):
                raise AssertionError("%s: unsealed audit entries" % path)
            state[(os.path.basename(path), table)] = rows
        db.close()
    return state


def correction(national, path, rng):
    """A file that changes some values of the latest quarter."""
    with open(national, encoding="utf-8") as f:
        lines = f.read().splitlines()
    header, rows = lines[0], lines[1:]
    latest = rows[-1].split(",")[0]
    chosen = [r for r in rows if r.startswith(latest + ",") and ",OF0082," in r]
    with open(path, "w", encoding="utf-8") as f:
        f.write(header + "\n")
        for r in chosen:
            cells = r.split(",")
            cells[5] = "%.2f" % (float(cells[5]) + rng.choice([-0.8, 0.5, 1.1]))
            f.write(",".join(cells) + "\n")


def expected_quarters(path):
    with open(path, encoding="utf-8") as f:
        return sorted({line.split(",")[0] for line in f.read().splitlines()[1:]})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--owb", required=True)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quarters", type=int, default=0,
                        help="import only the first N quarters of the demo data (faster, for long runs)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    top = tempfile.mkdtemp(prefix="owb-kill-")
    try:
        demo = os.path.join(top, "demo")
        run(args.owb, "demo", demo)
        national = os.path.join(demo, "national-metrics.csv")
        if args.quarters:
            with open(national, encoding="utf-8") as f:
                lines = f.read().splitlines()
            kept = sorted({line.split(",")[0] for line in lines[1:]}, key=lambda q: (q[:7], q[-2:]))[:args.quarters]
            national = os.path.join(top, "national-first-quarters.csv")
            with open(national, "w", encoding="utf-8") as f:
                f.write("\n".join([lines[0]] + [line for line in lines[1:] if line.split(",")[0] in kept]) + "\n")
        fix = os.path.join(top, "correction.csv")
        correction(national, fix, rng)

        # The uninterrupted results, and how long each import takes.
        first_ref = os.path.join(top, "first-ref")
        started = time.monotonic()
        run(args.owb, "import", "--back-cast", first_ref, national)
        first_time = time.monotonic() - started
        second_ref = os.path.join(top, "second-ref")
        shutil.copytree(first_ref, second_ref)
        started = time.monotonic()
        run(args.owb, "import", "--back-cast", second_ref, fix)
        second_time = time.monotonic() - started
        expected = {"first": dump(first_ref), "second": dump(second_ref)}

        passed = failed = killed_mid_run = stale_locks = 0
        for n in range(args.kills):
            scenario = "first" if n % 2 == 0 else "second"
            workspace = os.path.join(top, "ws-%d" % n)
            if scenario == "second":
                shutil.copytree(first_ref, workspace)
            source = national if scenario == "first" else fix
            delay = rng.uniform(0, 1.1 * (first_time if scenario == "first" else second_time))
            process = subprocess.Popen([args.owb, "import", "--back-cast", workspace, source],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                killed_mid_run += 1
            process.wait()
            # A kill leaves the workspace's lock file behind: the next import
            # must see that its holder is dead and take the lock over.
            stale_locks += os.path.exists(os.path.join(workspace, ".owb-lock"))
            try:
                if os.path.isdir(workspace) and glob.glob(os.path.join(workspace, "peers.owdata")):
                    checked = run(args.owb, "check", workspace, check=False)
                    if checked.returncode != 0:
                        raise AssertionError("check after kill at %.3fs: %s" % (delay, checked.stderr))
                if os.path.isdir(workspace) and not os.listdir(workspace):
                    os.rmdir(workspace)
                run(args.owb, "import", "--back-cast", workspace, source)
                if dump(workspace) != expected[scenario]:
                    raise AssertionError("%s import killed at %.3fs then completed differs from an "
                                         "uninterrupted one" % (scenario, delay))
                run(args.owb, "check", workspace)
                passed += 1
                shutil.rmtree(workspace)
            except AssertionError as error:
                failed += 1
                print("FAIL kill %d: %s (kept %s)" % (n, error, workspace), file=sys.stderr)
        # Re-assessing a year (owb methodology add --apply) is as crash-safe:
        # killed at any instant, the next run completes it to the same result.
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "resources",
                               "methodology", "nof-2025-26.json"), encoding="utf-8") as f:
            rules = json.load(f)
        year = min(q.split(" ")[0] for q in expected_quarters(national))
        rules["id"], rules["years"] = "reissued", [year]
        types = [t["id"] for t in rules["peer_types"] if t.get("segmented", True)]
        rules["segmentation"] = {"method": "thresholds", "cuts": {t: [2.0, 2.5, 3.0] for t in types}}
        reissued = os.path.join(top, "reissued.json")
        with open(reissued, "w", encoding="utf-8") as f:
            json.dump(rules, f, indent=1)
        reassessed_ref = os.path.join(top, "reassessed-ref")
        shutil.copytree(first_ref, reassessed_ref)
        started = time.monotonic()
        dry = run(args.owb, "methodology", "add", reassessed_ref, reissued).stdout
        run(args.owb, "methodology", "add", reassessed_ref, reissued, "--apply")
        reassess_time = time.monotonic() - started
        if dump(reassessed_ref) == dump(first_ref) or len(dry.splitlines()) < 2:
            raise AssertionError("re-assessing %s changed nothing" % year)
        expected_reassessed = dump(reassessed_ref)
        for n in range(max(4, args.kills // 4)):
            workspace = os.path.join(top, "reassess-%d" % n)
            shutil.copytree(first_ref, workspace)
            delay = rng.uniform(0, 1.1 * reassess_time)
            process = subprocess.Popen([args.owb, "methodology", "add", workspace, reissued, "--apply"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                killed_mid_run += 1
            process.wait()
            try:
                checked = run(args.owb, "check", workspace, check=False)
                if checked.returncode != 0:
                    raise AssertionError("check after kill at %.3fs: %s" % (delay, checked.stderr))
                run(args.owb, "methodology", "add", workspace, reissued, "--apply")
                if dump(workspace) != expected_reassessed:
                    raise AssertionError("re-assessment killed at %.3fs then completed differs from an "
                                         "uninterrupted one" % delay)
                passed += 1
                shutil.rmtree(workspace)
            except AssertionError as error:
                failed += 1
                print("FAIL re-assessment kill %d: %s (kept %s)" % (n, error, workspace), file=sys.stderr)
        print("%d kills (%d mid-run, %d left a stale lock); import times %.2fs and %.2fs"
              % (args.kills, killed_mid_run, stale_locks, first_time, second_time))
        print("%d passed, %d failed" % (passed, failed))
        return 1 if failed else 0
    finally:
        if "failed" in locals() and failed == 0:
            shutil.rmtree(top, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
