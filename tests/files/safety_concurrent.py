"""The file_safety cases on two programs at once: two imports creating the
same new workspace, check looping during imports, and the lock holder named
even when asked at the instant the lock is taken (and a lock file or holder
note linked to an endless device never read)."""

import glob
import os
import shutil
import subprocess
import time

import safety_common as common
from safety_common import dump, plain, run


# 3. Two imports creating the same new workspace at once.
def case_create_race(fx, runs):
    reference = dump(fx.workspace("ref"))
    expected_cases = len(glob.glob(os.path.join(fx.top, "ref", "*.owcase")))
    outcomes = {}
    for n in range(runs):
        ws = os.path.join(fx.top, "race-%d" % n)
        procs = [subprocess.Popen([common.OWB, "import", "--back-cast", ws, fx.national, "--region", fx.region],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        results = [(p.wait(), p.stdout.read(), p.stderr.read()) for p in procs]
        codes = sorted(r[0] for r in results)
        assert codes in ([0, 0], [0, 2]), "run %d: exit codes %s: %s" % (n, codes, [r[2] for r in results])
        for code, out, err in results:
            if code != 0:
                plain(err)
                said = err.split(": ", 1)[-1].split(" by ")[0].strip()[:60]
                outcomes[said] = outcomes.get(said, 0) + 1
        cases = len(glob.glob(os.path.join(ws, "*.owcase")))
        assert cases == expected_cases, "run %d: %d case files instead of %d" % (n, cases, expected_cases)
        assert dump(ws) == reference, "run %d: differs from a single import" % n
        run("check", ws)
        shutil.rmtree(ws)
    print("%d races: every one followed %s (%d case files); losers: %s" % (runs, fx.region, expected_cases, outcomes))
    return 0


# 7. check during imports: one snapshot per file, no false alarms.
def case_check_during_import(fx, runs):
    ws = fx.workspace("ws")
    # Two versions of the data to alternate between, so every import rewrites every case file.
    shifted = fx.shifted()
    checks = 0
    for n in range(runs):
        importer = subprocess.Popen([common.OWB, "import", "--back-cast", ws, shifted if n % 2 == 0 else fx.national],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        while importer.poll() is None:
            checked = run("check", ws, check=False)
            checks += 1
            assert checked.returncode == 0, "check during import %d: %s" % (n, checked.stderr)
        assert importer.returncode == 0, importer.stderr.read()
    print("%d checks during %d imports: no alarm" % (checks, runs))
    return 0


# 14. The lock holder is named, even when asked at the instant the lock is taken.
def case_lock_holder(fx, runs):
    ws = fx.workspace("ws")
    seen = 0
    for n in range(runs):
        holder = subprocess.Popen([common.OWB, "import", "--back-cast", ws, fx.national], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        time.sleep(0.001 * (n % 20))
        done = run("import", "--back-cast", ws, fx.national, check=False)
        holder.wait()
        if "in use by" in done.stderr:
            seen += 1
            plain(done.stderr)
            assert "process" in done.stderr and " on " in done.stderr, done.stderr
    print("%d of %d second imports met the lock; every holder named" % (seen, runs))
    # A holder note, then a lock file, replaced by a link to an endless device: never read (it hung).
    note, lock = os.path.join(ws, ".owb-lock-holder"), os.path.join(ws, ".owb-lock")
    holder = subprocess.Popen([common.OWB, "import", "--back-cast", ws, fx.national], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while holder.poll() is None and not os.path.exists(note):
        time.sleep(0.002)
    if holder.poll() is None:
        if os.path.exists(note):
            os.replace(note, note + ".gone")
        os.symlink("/dev/zero", note)
        done = subprocess.run([common.OWB, "import", "--back-cast", ws, fx.national], capture_output=True, text=True, timeout=30)
        assert "in use by" not in done.stderr or "process" in done.stderr, done.stderr
        plain(done.stderr)
    holder.wait()
    for path in (note, note + ".gone"):
        if os.path.lexists(path):
            os.remove(path)
    os.symlink("/dev/zero", lock)
    done = subprocess.run([common.OWB, "import", "--back-cast", ws, fx.national], capture_output=True, text=True, timeout=30)
    assert done.returncode == 2 and "is not a lock file" in done.stderr, done.stderr
    run("check", ws)
    os.remove(lock)
    run("import", "--back-cast", ws, fx.national)
    print("a lock file or holder note linked to /dev/zero: refused or ignored, never read")
    return 0
