#!/usr/bin/env python3
"""Kills a stream of casework edits (made through CaseSession, as the views
make them, by edit_driver) with SIGKILL at random moments and proves that
after each kill the case file is consistent (`owb check` clean), every
acknowledged edit is present, and finishing the edits gives exactly the
case file an uninterrupted run gives.

Usage: kill_edits.py --owb PATH --driver PATH [--kills N] [--edits M] [--seed S]
"""

import argparse
import os
import re
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def run(cmd, check=True):
    done = subprocess.run(cmd, capture_output=True, text=True)
    if check and done.returncode != 0:
        raise AssertionError("%s exited %d: %s" % (" ".join(cmd), done.returncode, done.stderr))
    return done


def state(path):
    """The case file's records, without ids, timestamps or the audit trail."""
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        notes = sorted(r[0] for r in db.execute("SELECT body FROM note"))
        milestones = sorted(r[0] for r in db.execute("SELECT description || '|' || due_date FROM milestone"))
        unsealed = db.execute("SELECT count(*) FROM audit_log WHERE actor IS NULL").fetchone()[0]
    finally:
        db.close()
    if unsealed:
        raise AssertionError("%s: %d unsealed audit entries" % (path, unsealed))
    return notes, milestones


def marks(path):
    notes, milestones = state(path)
    return set(notes) | {m.split("|")[0] for m in milestones}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--owb", required=True)
    parser.add_argument("--driver", required=True)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--edits", type=int, default=60)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    top = tempfile.mkdtemp(prefix="owb-kill-edits-")
    failed = 0
    try:
        demo = os.path.join(top, "demo")
        run([args.owb, "demo", demo])
        original = sorted(p for p in os.listdir(demo) if p.endswith(".owcase"))[0]
        source = os.path.join(demo, original)

        reference = os.path.join(top, "reference.owcase")
        shutil.copyfile(source, reference)
        started = time.monotonic()
        run([args.driver, reference, str(args.edits)])
        full_time = time.monotonic() - started
        expected = state(reference)

        passed = killed_mid_run = acked_total = 0
        for n in range(args.kills):
            case = os.path.join(top, "case-%d" % n, original)
            os.makedirs(os.path.dirname(case))
            shutil.copyfile(source, case)
            out_path = case + ".out"
            # Mostly while edits are being made; sometimes at start-up.
            delay = rng.uniform(0, 0.8 * full_time)
            with open(out_path, "w") as out:
                process = subprocess.Popen([args.driver, case, str(args.edits)], stdout=out, stderr=subprocess.DEVNULL)
                time.sleep(delay)
                if process.poll() is None:
                    process.send_signal(signal.SIGKILL)
                    killed_mid_run += 1
                process.wait()
            with open(out_path) as out:
                acked = [int(line.split()[1]) for line in out if line.startswith("ack ")]
            acked_total += len(acked)
            try:
                checked = run([args.owb, "check", case], check=False)
                # A case file outside a workspace is named by its code: that is all check may say.
                problems = [l for l in checked.stderr.splitlines() if not re.search(r": \d+ problems? in \d+ files? checked$", l) and "but its name says" not in l]
                if problems:
                    raise AssertionError("check after kill at %.3fs: %s" % (delay, "; ".join(problems)))
                present = marks(case)
                for a in acked:
                    mark = "edit %d" % a
                    if a % 5 == 4:
                        if mark in present:
                            raise AssertionError("acknowledged undo of %s is not in the file" % mark)
                    elif mark not in present:
                        raise AssertionError("acknowledged %s is missing after a kill at %.3fs" % (mark, delay))
                run([args.driver, case, str(args.edits)])
                if state(case) != expected:
                    raise AssertionError("edits killed at %.3fs then finished differ from an uninterrupted run" % delay)
                passed += 1
                shutil.rmtree(os.path.dirname(case))
            except AssertionError as error:
                failed += 1
                print("FAIL kill %d: %s (kept %s)" % (n, error, case), file=sys.stderr)
        print("%d kills (%d mid-run, %d acknowledged edits checked); %d edits take %.2fs uninterrupted"
              % (args.kills, killed_mid_run, acked_total, args.edits, full_time))
        print("%d passed, %d failed" % (passed, failed))
        return 1 if failed else 0
    finally:
        if failed == 0:
            shutil.rmtree(top, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
