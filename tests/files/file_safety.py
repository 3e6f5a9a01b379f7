#!/usr/bin/env python3
"""A workspace's files under attack: SQLite's own states (a checkpoint cut
short, a stray -wal), files that are not what they say (a copy under another
code, links, an emptied peers.owdata), two creators at once, check during an
import, read-only media, a full disk and who holds the lock.

Each --case is one ctest test. Cases that need mount (tmpfs, read-only bind
mounts) or another user skip with a visible message where that is not
allowed, and exit 0.

Usage: file_safety.py --owb PATH --case NAME [--runs N]
"""

import argparse
import glob
import hashlib
import os
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no cache files in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crash"))
from kill_import import dump  # noqa: E402  (the same comparison as the kill test)

OWB = None
METHODOLOGY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "resources", "methodology",
                           "nof-2025-26.json")
# SQLite's own words, and the words of a lock note read before it was written.
RAW_SQLITE = ("disk I/O error", "database or disk is full", "unable to open database", "readonly database",
              "file is not a database", "malformed", "no such table", "already exists", "database is locked",
              "cannot run \"", "cannot prepare \"", "SQLite error", "another user", "process 0")


def run(*args, check=True, env=None):
    done = subprocess.run([OWB] + list(args), capture_output=True, text=True, env=env)
    if check and done.returncode != 0:
        raise AssertionError("owb %s exited %d: %s" % (" ".join(args), done.returncode, done.stderr))
    return done


def plain(text):
    """The raw words of SQLite (or of a lock note never written) that must never reach a user."""
    for word in RAW_SQLITE:
        if word in text:
            raise AssertionError("raw text %r reaches the user: %s" % (word, text))


def digests(folder):
    result = {}
    for path in sorted(glob.glob(os.path.join(folder, "*")) + glob.glob(os.path.join(folder, ".*"))):
        if os.path.isfile(path) and not os.path.islink(path):
            with open(path, "rb") as f:
                result[os.path.basename(path)] = hashlib.sha256(f.read()).hexdigest()
    return result


def snapshot(folder):
    """Every entry of a folder with its bytes, size and modification time (ns)."""
    state = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        st = os.lstat(path)
        content = None
        if os.path.isfile(path) and not os.path.islink(path):
            with open(path, "rb") as f:
                content = hashlib.sha256(f.read()).hexdigest()
        state[name] = (content, st.st_size, st.st_mtime_ns)
    return state


def changed(before, after):
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


class Fixture:
    """The demo's national file cut to its first quarters, and one region's workspace built from it."""

    def __init__(self, top, quarters=2, region="Midlands"):
        self.top = top
        demo = os.path.join(top, "demo")
        run("demo", demo)
        with open(os.path.join(demo, "national-metrics.csv"), encoding="utf-8") as f:
            lines = f.read().splitlines()
        kept = sorted({line.split(",")[0] for line in lines[1:]}, key=lambda q: (q[:7], q[-2:]))[:quarters]
        self.national = os.path.join(top, "nm.csv")
        with open(self.national, "w", encoding="utf-8") as f:
            f.write("\n".join([lines[0]] + [line for line in lines[1:] if line.split(",")[0] in kept]) + "\n")
        self.region = region
        shutil.rmtree(demo)

    def workspace(self, name, region=True):
        path = os.path.join(self.top, name)
        run("import", "--back-cast", path, self.national, *(["--region", self.region] if region else []))
        return path


def mount(kind, target, *options):
    """Mounts a tmpfs (or remounts/binds) where allowed; False (after saying so) where not."""
    done = subprocess.run(["mount"] + list(options) + [kind, target], capture_output=True, text=True)
    return done.returncode == 0


def skip(why):
    print("SKIPPED: %s" % why)
    return 0


# 2. A checkpoint cut short: the header counts pages that are still only in the -wal.
def case_wal_header(fx):
    ws = fx.workspace("ws")
    peers = os.path.join(ws, "peers.owdata")
    # Grow peers.owdata inside its -wal only, as an import does before its checkpoint.
    db = sqlite3.connect(peers)
    db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute("CREATE TABLE IF NOT EXISTS filler (x BLOB)")
    db.executemany("INSERT INTO filler VALUES (zeroblob(3000))", [()] * 400)
    db.commit()
    keep = sqlite3.connect(peers)  # a second connection keeps the -wal when the first closes
    keep.execute("SELECT count(*) FROM setting").fetchall()
    db.close()
    wal_path = peers + "-wal"
    with open(wal_path, "rb") as f:
        wal = f.read()
    page_size = struct.unpack(">I", wal[8:12])[0]
    page1 = None
    offset = 32
    while offset + 24 + page_size <= len(wal):
        if struct.unpack(">I", wal[offset:offset + 4])[0] == 1:
            page1 = wal[offset + 24:offset + 24 + page_size]
        offset += 24 + page_size
    # The checkpoint wrote page 1 (the header with the new page count) and was killed.
    with open(peers, "r+b") as f:
        f.write(page1)
    saved = os.path.join(fx.top, "saved")
    shutil.copytree(ws, saved)  # as the kill left it: -wal and all
    keep.close()
    shutil.rmtree(ws)
    shutil.copytree(saved, ws)
    size = os.path.getsize(peers)
    pages = struct.unpack(">I", open(peers, "rb").read(100)[28:32])[0]
    assert pages * page_size > size, "the fixture did not cut the file short"
    checked = run("check", ws, check=False)
    assert checked.returncode == 0 and "truncated" not in checked.stderr, checked.stdout + checked.stderr
    run("portfolio", ws)
    run("import", "--back-cast", ws, fx.national)
    run("check", ws)
    print("a header counting %d bytes of a %d-byte file, the rest in its -wal: opens" % (pages * page_size, size))
    return 0


# 8. check only reads: a stray -wal stays as it was, and is reported.
def case_stray_wal(fx):
    ws = fx.workspace("ws")
    cases = sorted(glob.glob(os.path.join(ws, "*.owcase")))
    # A real -wal, of another case file: applying it would overwrite this one's pages.
    other = os.path.join(fx.top, "other.owcase")
    shutil.copy(cases[1], other)
    db = sqlite3.connect(other)
    db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute("UPDATE organisation SET name = name || ' (changed)'")
    db.commit()
    keep = sqlite3.connect(other)
    keep.execute("SELECT count(*) FROM organisation").fetchall()
    db.close()
    shutil.copy(other + "-wal", cases[0] + "-wal")
    keep.close()
    before = digests(ws)
    for command in (["check", ws], ["check", cases[0]]):
        # check only reads: the listing, every byte and every time stay as they were
        # (reading through a -wal needs a -shm, which check must not create).
        listing = snapshot(ws)
        done = run(*command, check=False)
        assert snapshot(ws) == listing, "owb check changed the folder: %s" % changed(listing, snapshot(ws))
    for command in (["portfolio", ws],):
        done = run(*command, check=False)
        after = {k: v for k, v in digests(ws).items() if k in before or not k.endswith("-shm")}
        assert after == before, "owb %s changed the files: %s" % (
            command[0], sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k)))
    checked = run("check", ws, check=False)
    assert os.path.basename(cases[0]) + "-wal" in checked.stdout, "the stray -wal is not reported: " + checked.stdout
    # A rollback journal (here garbage) beside a case file: a connection that
    # may write rolls it back or deletes it; a reader must leave it.
    with open(cases[2] + "-journal", "wb") as f:
        f.write(os.urandom(4096))
    before = digests(ws)
    for command in (["check", ws], ["check", cases[2]], ["portfolio", ws]):
        run(*command, check=False)
        after = {k: v for k, v in digests(ws).items() if k in before or not k.endswith("-shm")}
        assert after == before, "owb %s changed the files beside a -journal" % command[0]
    checked = run("check", ws, check=False)
    assert os.path.basename(cases[2]) + "-journal" in checked.stdout, "the -journal is not reported"
    print("check and portfolio left %d files byte-identical, the stray -wal and -journal reported" % len(before))
    return 0


# Writers must not take in or write through what someone planted beside the
# files (found by an independent tester): a -journal beside a case file (a
# writer would roll it back into the file), a -wal where a new case file is
# about to be created, a holder note that is a symbolic link to a file outside
# the workspace, and a report written over a case file or peers.owdata.
def case_planted_files(fx):
    ws = fx.workspace("ws")
    cases = sorted(glob.glob(os.path.join(ws, "*.owcase")))
    code = os.path.basename(cases[0])[:-len(".owcase")]
    header = "quarter,org_code,org_name,org_type,metric_id,value,region"
    with open(fx.national, encoding="utf-8") as f:
        row = next(line for line in f.read().splitlines()[1:] if line.split(",")[1] == code)
    q = row.split(",")[0]
    one = os.path.join(fx.top, "one.csv")
    with open(one, "w", encoding="utf-8") as f:
        f.write(header + "\n" + ",".join([q, code, "Planted Test Trust", "acute", "OF0003", "1.3", fx.region]) + "\n")

    journal = cases[0] + "-journal"
    with open(journal, "wb") as f:
        f.write(os.urandom(4096))
    before = digests(ws)
    done = run("import", "--back-cast", ws, one, check=False)
    assert done.returncode == 2, "import beside a planted -journal exited %d" % done.returncode
    assert "rollback journal" in done.stderr and "Move it out" in done.stderr, done.stderr
    plain(done.stderr)
    assert digests(ws)[os.path.basename(cases[0])] == before[os.path.basename(cases[0])], "the case file changed"
    assert os.path.exists(journal), "the -journal was removed"
    os.remove(journal)

    new = os.path.join(fx.top, "new.csv")
    with open(new, "w", encoding="utf-8") as f:
        f.write(header + "\n" + ",".join([q, "ZZZ9", "New Test Trust", "acute", "OF0003", "1.3", fx.region]) + "\n")
    stray = os.path.join(ws, "ZZZ9.owcase-wal")
    with open(stray, "wb") as f:
        f.write(os.urandom(8192))
    done = run("import", "--back-cast", ws, new, check=False)
    assert done.returncode == 2, "import creating a case file beside a planted -wal exited %d" % done.returncode
    assert "ZZZ9.owcase-wal" in done.stderr, done.stderr
    assert not os.path.exists(os.path.join(ws, "ZZZ9.owcase")), "the case file was created over the planted -wal"
    os.remove(stray)
    run("import", "--back-cast", ws, new)  # with the stray gone, the import completes
    assert os.path.exists(os.path.join(ws, "ZZZ9.owcase"))

    victim = os.path.join(fx.top, "victim.txt")
    with open(victim, "w") as f:
        f.write("someone else's file\n")
    os.symlink(victim, os.path.join(ws, ".owb-lock-holder"))
    run("import", "--back-cast", ws, one)
    with open(victim) as f:
        assert f.read() == "someone else's file\n", "the holder note was written through a symbolic link"

    run("check", ws)
    before = digests(ws)
    for target in (cases[1], os.path.join(ws, "peers.owdata"), os.path.join(ws, "new.owcase"), one):
        done = run("report", ws, "--pdf", target, check=False)
        assert done.returncode == 2, "owb report --pdf %s exited %d" % (os.path.basename(target), done.returncode)
        assert "choose" in done.stderr, done.stderr
    assert digests(ws) == before, "a report replaced a workspace file"
    assert not os.path.exists(os.path.join(ws, "new.owcase"))
    run("check", ws)
    print("a planted -journal and -wal refused, a linked holder note not written through, reports never "
          "written over workspace files")
    return 0


def make_wal(source, change):
    """A real -wal of a copy of `source` holding `change`; returns its bytes."""
    other = source + ".other"
    shutil.copy(source, other)
    db = sqlite3.connect(other)
    db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute(change)
    db.commit()
    keep = sqlite3.connect(other)
    keep.execute("SELECT count(*) FROM organisation").fetchall()
    db.close()
    with open(other + "-wal", "rb") as f:
        wal = f.read()
    keep.close()
    for path in glob.glob(other + "*"):
        os.remove(path)
    return wal


# A -wal copied beside a case file from another one (found by an independent
# tester): a writer would replay it into the wrong file. Refused, naming it.
# Also a -wal of pages of another size, and garbage. A damaged case file is
# found before anything is written (peers.owdata unchanged).
def case_foreign_wal(fx):
    ws = fx.workspace("ws")
    cases = sorted(glob.glob(os.path.join(ws, "*.owcase")))
    # Only metric values changed: the organisation's own row is not in it.
    foreign = make_wal(cases[1], "UPDATE metric_value SET number = number + 1 WHERE number IS NOT NULL")
    shifted = os.path.join(fx.top, "shifted.csv")
    with open(fx.national, encoding="utf-8") as f:
        lines = f.read().splitlines()
    with open(shifted, "w", encoding="utf-8") as f:
        f.write(lines[0] + "\n")
        for line in lines[1:]:
            cells = line.split(",")
            try:
                if not cells[4].startswith("DEFICIT"):
                    cells[5] = "%.2f" % (float(cells[5]) * 1.01)
            except ValueError:
                pass
            f.write(",".join(cells) + "\n")
    garbage = b"\x37\x7f\x06\x82" + struct.pack(">III", 3007000, 512, 0) + os.urandom(4096)
    for what, wal in (("another case file's -wal", foreign), ("a -wal of 512-byte pages", garbage),
                      ("random bytes", os.urandom(8192))):
        stray = cases[0] + "-wal"
        with open(stray, "wb") as f:
            f.write(wal)
        before = snapshot(ws)
        done = run("import", ws, shifted, check=False)
        assert done.returncode == 2, "%s: import exited %d: %s" % (what, done.returncode, done.stderr)
        assert os.path.basename(stray) in done.stderr and "Move" in done.stderr, done.stderr
        plain(done.stderr)
        after = snapshot(ws)
        assert {k: v for k, v in after.items() if not k.endswith("-shm")} == \
            {k: v for k, v in before.items() if not k.endswith("-shm")}, \
            "%s: a refused import changed %s" % (what, changed(before, after))
        checked = run("check", ws, check=False)
        assert "integrity:" not in checked.stderr and "index" not in checked.stderr.split("(")[0], checked.stderr
        assert checked.returncode == 2 and os.path.basename(stray) in checked.stderr, checked.stderr
        plain(checked.stderr)
        # Every reader judges it as check does, and changes nothing (no -shm made, the -wal untouched).
        before = snapshot(ws)
        for reader in (["portfolio", ws], ["report", ws, "--pdf", os.path.join(fx.top, "pack.pdf")],
                       ["report", cases[0], "--pdf", os.path.join(fx.top, "case.pdf")]):
            seen = run(*reader, check=False)
            assert seen.returncode == 2 and os.path.basename(stray) in seen.stderr, \
                "%s: owb %s: %d %s" % (what, reader[0], seen.returncode, seen.stderr)
            plain(seen.stderr)
        assert snapshot(ws) == before and not os.path.exists(cases[0] + "-shm"), \
            "%s: reading changed %s" % (what, changed(before, snapshot(ws)))
        print("%s: %s" % (what, done.stderr.strip().splitlines()[0]))
        print("  check: %s" % checked.stderr.strip().splitlines()[0])
        print("  portfolio: %s" % seen.stderr.strip().splitlines()[0])
        os.remove(stray)
        for extra in glob.glob(cases[0] + "-shm"):
            os.remove(extra)
    run("import", ws, shifted)
    run("check", ws)

    # A -wal of another workspace's peers.owdata (another region) beside this one's.
    other = fx.workspace("other", region=False)
    peers = os.path.join(ws, "peers.owdata")
    foreign = make_wal(os.path.join(other, "peers.owdata"),
                       "UPDATE metric_value SET number = number * 2 WHERE number IS NOT NULL AND rowid % 7 = 0")
    with open(peers + "-wal", "wb") as f:
        f.write(foreign)
    before = snapshot(ws)
    done = run("import", ws, shifted, check=False)
    assert done.returncode == 2 and "peers.owdata-wal" in done.stderr, done.stderr
    plain(done.stderr)
    assert {k: v for k, v in snapshot(ws).items() if not k.endswith("-shm")} == \
        {k: v for k, v in before.items() if not k.endswith("-shm")}, "a refused import changed files"
    checked = run("check", ws, check=False)
    assert checked.returncode == 2 and "peers.owdata-wal" in checked.stderr, checked.stderr
    plain(checked.stderr)
    print("another workspace's peers -wal: %s" % done.stderr.strip().splitlines()[0])
    os.remove(peers + "-wal")
    for extra in glob.glob(peers + "-shm"):
        os.remove(extra)
    run("check", ws)

    # A damaged case file (a page of its middle overwritten) is found before
    # peers.owdata takes the new national data.
    with open(cases[2], "r+b") as f:
        f.seek(4096 * 3)
        f.write(os.urandom(4096))
    before = snapshot(ws)
    done = run("import", ws, fx.national, check=False)
    assert done.returncode == 2 and os.path.basename(cases[2]) in done.stderr, done.stderr
    plain(done.stderr)
    assert snapshot(ws) == before, "a refused import changed %s" % changed(before, snapshot(ws))
    print("damaged: %s" % done.stderr.strip().splitlines()[0])
    checked = run("check", ws, check=False)
    assert checked.returncode == 2 and "damaged" in checked.stderr, checked.stderr
    assert "integrity:" not in checked.stderr and "sqlite_autoindex" not in checked.stderr, checked.stderr
    plain(checked.stderr)
    print("check: %s" % [l for l in checked.stderr.splitlines() if os.path.basename(cases[2]) in l][0])
    return 0


# Inputs that are not files, a region spelt wrong, a lock file that says nothing.
def case_odd_inputs(fx):
    ws = fx.workspace("ws")
    fifo = os.path.join(fx.top, "pipe.csv")
    os.mkfifo(fifo)
    for command in (["import", ws, fifo], ["score", "--data", fifo], ["segment", "--data", fx.national,
                                                                      "--methodology", fifo],
                    ["reconcile", ws, fifo]):
        done = subprocess.run([OWB] + command, capture_output=True, text=True, timeout=30)
        assert done.returncode == 2 and "not an ordinary file" in done.stderr, "%s: %s" % (command[0], done.stderr)
        print("owb %s FIFO: %s" % (command[0], done.stderr.strip().splitlines()[0]))
    # A region that no row holds: refused, naming the regions there are; nothing created.
    typo = os.path.join(fx.top, "typo")
    done = run("import", typo, fx.national, "--region", fx.region[:-1] + "x", check=False)
    assert done.returncode == 2 and fx.region in done.stderr, done.stderr
    assert not os.path.exists(os.path.join(typo, "peers.owdata")), "a workspace was created"
    print(done.stderr.strip())
    # A lock file left empty or holding garbage (a full disk, an editor): never a lock-out.
    lock = os.path.join(ws, ".owb-lock")
    for content in (b"", b"\x00garbage\nnot a lock\n"):
        with open(lock, "wb") as f:
            f.write(content)
        done = subprocess.run([OWB, "import", ws, fx.national], capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, "a lock file holding %r: %s" % (content, done.stderr)
        assert not os.path.exists(lock), "the left-over lock file stayed"
    # ... while a lock held by a live writer is still respected.
    holder = subprocess.Popen([OWB, "import", ws, fx.national], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = False
    while holder.poll() is None:
        done = run("import", ws, fx.national, check=False)
        if done.returncode == 2:
            assert "in use by" in done.stderr, done.stderr
            seen = True
    holder.wait()
    print("an empty or garbage lock file is taken over; a live holder still excludes (%s)" %
          ("met" if seen else "the holder finished first"))
    return 0


# 3. Two imports creating the same new workspace at once.
def case_create_race(fx, runs):
    reference = dump(fx.workspace("ref"))
    expected_cases = len(glob.glob(os.path.join(fx.top, "ref", "*.owcase")))
    outcomes = {}
    for n in range(runs):
        ws = os.path.join(fx.top, "race-%d" % n)
        procs = [subprocess.Popen([OWB, "import", "--back-cast", ws, fx.national, "--region", fx.region],
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
    with open(fx.national, encoding="utf-8") as f:
        lines = f.read().splitlines()
    shifted = os.path.join(fx.top, "shifted.csv")
    with open(shifted, "w", encoding="utf-8") as f:
        f.write(lines[0] + "\n")
        for line in lines[1:]:
            cells = line.split(",")
            try:
                if not cells[4].startswith("DEFICIT"):
                    cells[5] = "%.2f" % (float(cells[5]) * 1.01)
            except ValueError:
                pass
            f.write(",".join(cells) + "\n")
    checks = 0
    for n in range(runs):
        importer = subprocess.Popen([OWB, "import", "--back-cast", ws, shifted if n % 2 == 0 else fx.national],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        while importer.poll() is None:
            checked = run("check", ws, check=False)
            checks += 1
            assert checked.returncode == 0, "check during import %d: %s" % (n, checked.stderr)
        assert importer.returncode == 0, importer.stderr.read()
    print("%d checks during %d imports: no alarm" % (checks, runs))
    return 0


# 5. Files that are not what they say: a copy under another code, links, a folder, a fifo.
def case_foreign_files(fx):
    ws = fx.workspace("ws")
    other = fx.workspace("other")
    cases = sorted(glob.glob(os.path.join(ws, "*.owcase")))
    victim = os.path.join(other, os.path.basename(cases[1]))

    def refused(setup, expect, undo):
        setup()
        before = digests(ws), digests(other)
        done = run("import", "--back-cast", ws, fx.national, check=False)
        assert done.returncode == 2 and expect in done.stderr, "import: %s" % done.stderr
        plain(done.stderr)
        assert (digests(ws), digests(other)) == before, "refused import changed files"
        checked = run("check", ws, check=False)
        assert expect in checked.stderr, "check does not name it: %s" % checked.stderr
        undo()
        return done.stderr.strip().splitlines()[0]

    # A copy of one organisation's case file saved under another's code.
    saved = os.path.join(fx.top, "saved.owcase")
    shutil.copy(cases[1], saved)
    # Every reader refuses it too (one check where case files are opened).
    shutil.copy(cases[0], cases[1])
    league = os.path.join(fx.top, "league.csv")
    with open(league, "w") as f:
        f.write("Trust_code,Segment,Average_score,Trust_in_financial_deficit,Rank\n")
    for command in (["portfolio", ws], ["report", cases[1], "--pdf", os.path.join(fx.top, "r.pdf")],
                    ["report", ws, "--pdf", os.path.join(fx.top, "p.pdf")], ["reconcile", ws, league]):
        done = run(*command, check=False)
        assert done.returncode == 2 and "but its name says" in done.stderr, "owb %s: %s" % (command[0], done.stderr)
    shutil.copy(saved, cases[1])
    print(refused(lambda: shutil.copy(cases[0], cases[1]), "but its name says",
                  lambda: shutil.copy(saved, cases[1])))
    # A case file that is a symbolic link into another workspace.
    def link():
        os.remove(cases[1])
        os.symlink(victim, cases[1])
    print(refused(link, "symbolic link", lambda: (os.remove(cases[1]), shutil.copy(saved, cases[1]))))
    # A hard link to another workspace's case file.
    def hard():
        os.remove(cases[1])
        os.link(victim, cases[1])
    print(refused(hard, "hard links", lambda: (os.remove(cases[1]), shutil.copy(saved, cases[1]))))
    # peers.owdata as a symbolic link to another workspace's.
    peers = os.path.join(ws, "peers.owdata")
    shutil.copy(peers, saved)
    def link_peers():
        os.remove(peers)
        os.symlink(os.path.join(other, "peers.owdata"), peers)
    print(refused(link_peers, "symbolic link", lambda: (os.remove(peers), shutil.copy(saved, peers))))
    # peers.owdata of another workspace (another region's) copied over this one's:
    # its id is not the one every case file here records.
    print(refused(lambda: (os.remove(peers), shutil.copy(os.path.join(other, "peers.owdata"), peers)),
                  "belongs to another workspace", lambda: (os.remove(peers), shutil.copy(saved, peers))))
    # A folder, and a fifo, named like a case file: named, never opened as one (a fifo would hang).
    for make, what in ((os.mkdir, "folder"), (os.mkfifo, "fifo")):
        odd = os.path.join(ws, "ZZZ9.owcase")
        make(odd)
        checked = subprocess.run([OWB, "check", ws], capture_output=True, text=True, timeout=20)
        assert checked.returncode == 2 and "is not a file" in checked.stderr, checked.stderr
        portfolio = subprocess.run([OWB, "portfolio", ws], capture_output=True, text=True, timeout=20)
        assert "is not a file" in portfolio.stderr, portfolio.stderr
        (os.rmdir if what == "folder" else os.remove)(odd)
    run("import", "--back-cast", ws, fx.national)
    run("check", ws)
    return 0


# 6. An emptied or missing peers.owdata beside case files is never re-created.
def case_empty_peers(fx):
    methodology = METHODOLOGY
    use_methodology = os.path.exists(methodology)
    for how in ("empty", "missing"):
        ws = fx.workspace("ws-" + how)
        peers = os.path.join(ws, "peers.owdata")
        if how == "empty":
            open(peers, "w").close()
        else:
            os.remove(peers)
        before = digests(ws)
        for extra in ([], ["--methodology", methodology] if use_methodology else []):
            done = run("import", "--back-cast", ws, fx.national, *extra, check=False)
            assert done.returncode == 2 and ("is empty" in done.stderr or "is missing" in done.stderr), done.stderr
            plain(done.stderr)
            assert digests(ws) == before, "import with %s peers.owdata changed files" % how
            print(done.stderr.strip().splitlines()[0])
        for command in (["check", ws], ["portfolio", ws]):
            done = run(*command, check=False)
            assert done.returncode == 2, done.stdout
            plain(done.stderr)
        assert digests(ws) == before
    return 0


def run_as_nobody(args):
    for tool in (["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"], ["runuser", "-u", "nobody", "--"]):
        if shutil.which(tool[0]):
            return tool + args
    return None


# 11. Read-only workspaces: read-only media, and files one may read but not write.
def case_read_only(fx):
    ws = fx.workspace("ws")
    pack = os.path.join(fx.top, "pack.pdf")
    league = os.path.join(fx.top, "league.csv")
    with open(league, "w") as f:
        f.write("Trust_code,Segment,Average_score,Trust_in_financial_deficit,Rank\n")
    tried = 0

    def commands(where, out):
        return [["portfolio", where], ["check", where], ["report", where, "--pdf", out], ["reconcile", where, league]]

    def works(prefix, where, out, what):
        before = digests(where)
        for command in commands(where, out):
            done = subprocess.run(prefix + [OWB] + command, capture_output=True, text=True, timeout=120)
            assert done.returncode == 0, "%s: owb %s exited %d: %s" % (what, command[0], done.returncode, done.stderr)
            plain(done.stderr)
        assert digests(where) == before, "%s: reading changed files" % what
        assert not glob.glob(os.path.join(where, "*-wal")) and not glob.glob(os.path.join(where, "*-shm")), \
            "%s: reading left files behind" % what
        imported = subprocess.run(prefix + [OWB, "import", "--back-cast", where, fx.national], capture_output=True, text=True)
        assert imported.returncode == 2, "%s: import did not refuse" % what
        plain(imported.stderr)
        print("%s: portfolio, check, report, reconcile work; import says: %s" % (what, imported.stderr.strip()))

    # Read-only media: a read-only bind mount of the workspace.
    media = os.path.join(fx.top, "media")
    os.mkdir(media)
    if mount(ws, media, "--bind") and subprocess.run(["mount", "-o", "remount,bind,ro", media]).returncode == 0:
        try:
            works([], media, pack, "read-only bind mount")
            tried += 1
        finally:
            subprocess.run(["umount", media])
    else:
        print("not tried: read-only media (bind mounts are not allowed here)")

    # An unfinished import (its peers.owdata-wal, no -shm) on read-only media:
    # read as check reads it (a private copy of the pair), nothing changed.
    pending = os.path.join(fx.top, "pending")
    shutil.copytree(ws, pending)
    peers = os.path.join(pending, "peers.owdata")
    db = sqlite3.connect(peers)
    db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute("UPDATE metric_value SET number = number + 0.5 WHERE rowid = 1")
    db.commit()
    with open(peers + "-wal", "rb") as f:
        wal = f.read()
    db.close()
    for extra in glob.glob(peers + "-*"):
        os.remove(extra)
    with open(peers + "-wal", "wb") as f:
        f.write(wal)
    media = os.path.join(fx.top, "pending-media")
    os.mkdir(media)
    if mount(pending, media, "--bind") and subprocess.run(["mount", "-o", "remount,bind,ro", media]).returncode == 0:
        try:
            for command in commands(media, pack):
                done = run(*command, check=False)
                assert done.returncode == 0, "unfinished import, read-only: owb %s: %s" % (command[0], done.stderr)
                plain(done.stderr)
                assert "cannot be opened: it cannot" not in done.stderr, done.stderr
            assert not os.path.exists(peers + "-shm"), "a reader made a -shm"
            with open(peers + "-wal", "rb") as f:
                assert f.read() == wal, "a reader changed the -wal"
            print("unfinished import on read-only media: portfolio, check, report, reconcile work")
            tried += 1
        finally:
            subprocess.run(["umount", media])

    # Files nobody else may write, read as another user.
    prefix = run_as_nobody([])
    if os.geteuid() == 0 and prefix:
        shared = os.path.join(fx.top, "shared")
        shutil.copytree(ws, shared)
        os.chmod(fx.top, 0o755)
        for path in [shared] + glob.glob(os.path.join(shared, "*")):
            os.chmod(path, 0o755 if os.path.isdir(path) else 0o644)
        out_dir = tempfile.mkdtemp(prefix="owb-nobody-")
        os.chmod(out_dir, 0o777)
        os.chmod(league, 0o644)
        os.chmod(fx.national, 0o644)
        probe = subprocess.run(prefix + ["true"], capture_output=True)
        if probe.returncode == 0:
            works(prefix, shared, os.path.join(out_dir, "pack.pdf"), "another user's workspace")
            tried += 1
        else:
            print("not tried: cannot run as nobody here")
        shutil.rmtree(out_dir, ignore_errors=True)
    else:
        print("not tried: files another user may read but not write (not root, or no setpriv/runuser)")
    if not tried:
        return skip("no read-only set-up was possible here")
    return 0


# 2 and 13. A full disk at every stage of an import, then space freed.
def case_full_disk(fx):
    reference = dump(fx.workspace("ref"))
    disk = os.path.join(fx.top, "disk")
    os.mkdir(disk)
    if not mount("tmpfs", disk, "-t", "tmpfs", "-o", "size=3m"):
        return skip("mounting a tmpfs is not allowed here")
    try:
        # A disk already full when the lock is taken: said so, not "permission denied".
        ws = os.path.join(disk, "ws")
        subprocess.run(["mount", "-o", "remount,size=16m", disk], check=True)
        run("import", "--back-cast", ws, fx.national, "--region", fx.region)
        before = digests(ws)
        filler = os.path.join(disk, "filler")
        with open(filler, "wb") as f:
            try:
                while True:
                    f.write(b"\0" * (1 << 16))
                    f.flush()
            except OSError:
                pass
        done = run("import", ws, fx.national, check=False)
        assert done.returncode == 2 and "disk is full" in done.stderr, done.stderr
        plain(done.stderr)
        assert digests(ws) == before, "an import on a full disk changed files"
        print("full at lock time: %s" % done.stderr.strip().splitlines()[-1])
        os.remove(filler)
        shutil.rmtree(ws)
        # Small enough to fill while peers.owdata is written, then at later and later case files.
        sizes = ["300k", "600k", "1m", "2m", "3m"]
        for size in sizes:
            for entry in os.listdir(disk):
                shutil.rmtree(os.path.join(disk, entry))
            subprocess.run(["mount", "-o", "remount,size=" + size, disk], check=True)
            ws = os.path.join(disk, "ws")
            done = run("import", "--back-cast", ws, fx.national, "--region", fx.region, check=False)
            if done.returncode == 0:
                print("%s: the import fitted" % size)
            else:
                plain(done.stderr)
                assert "disk is full" in done.stderr, "%s: not said plainly: %s" % (size, done.stderr)
                print("%s: %s" % (size, done.stderr.strip().splitlines()[-1]))
            # Never an incomplete case file in place, nor a -wal under another name.
            leftovers = [p for p in glob.glob(os.path.join(ws, "*")) if p.endswith("-wal") and "partial" in p]
            assert not leftovers, "%s: leftovers %s" % (size, leftovers)
            if os.path.exists(os.path.join(ws, "peers.owdata")):
                checked = run("check", ws, check=False)
                plain(checked.stderr)
                assert checked.returncode == 0, "%s: after a full disk: %s" % (size, checked.stderr)
            # Space freed: the next import completes to the uninterrupted result.
            subprocess.run(["mount", "-o", "remount,size=64m", disk], check=True)
            run("import", "--back-cast", ws, fx.national, "--region", fx.region)
            assert dump(ws) == reference, "%s: completed after a full disk, differs" % size
            run("check", ws)
        # A report onto a nearly full disk: refused as such, exit 2, the
        # earlier report as it was, nothing cut off left behind.
        for entry in os.listdir(disk):
            shutil.rmtree(os.path.join(disk, entry))
        subprocess.run(["mount", "-o", "remount,size=3200k", disk], check=True)
        pack = os.path.join(disk, "pack.pdf")
        run("report", os.path.join(fx.top, "ref"), "--pdf", pack)
        with open(pack, "rb") as f:
            good = f.read()
        room = os.statvfs(disk)
        with open(os.path.join(disk, "filler"), "wb") as f:
            f.write(b"\0" * max(0, room.f_bavail * room.f_frsize - 150 * 1024))
        done = run("report", os.path.join(fx.top, "ref"), "--pdf", pack, check=False)
        assert done.returncode == 2 and "the disk is full" in done.stderr and "written" not in done.stdout, \
            "report on a full disk: %d %s %s" % (done.returncode, done.stdout, done.stderr)
        plain(done.stderr)
        with open(pack, "rb") as f:
            assert f.read() == good, "a report on a full disk replaced the earlier one"
        assert sorted(os.listdir(disk)) == ["filler", "pack.pdf"], "left behind: %s" % os.listdir(disk)
        print("report on a full disk: %s" % done.stderr.strip().splitlines()[-1])
    finally:
        subprocess.run(["umount", disk])
    return 0


# 2. Kills timed into checkpoints: when peers.owdata or a case file is being written from its -wal.
def case_checkpoint_kills(fx, runs):
    reference = dump(fx.workspace("ref"))
    killed = 0
    for n in range(runs):
        ws = os.path.join(fx.top, "k-%d" % n)
        process = subprocess.Popen([OWB, "import", "--back-cast", ws, fx.national, "--region", fx.region],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        peers = os.path.join(ws, "peers.owdata")
        # Wait for the n-th time a database file grows while its -wal is there: a checkpoint at work.
        target = 1 + n % 6
        seen = 0
        sizes = {}
        while process.poll() is None:
            for path in glob.glob(os.path.join(ws, "*.ow*")):
                try:
                    size = os.path.getsize(path)
                except OSError:
                    continue
                if path in sizes and size > sizes[path] and os.path.exists(path + "-wal"):
                    seen += 1
                sizes[path] = size
            if seen >= target:
                process.send_signal(signal.SIGKILL)
                killed += 1
                break
        process.wait()
        if os.path.exists(peers):
            checked = run("check", ws, check=False)
            plain(checked.stderr)
            assert checked.returncode == 0, "kill %d: %s" % (n, checked.stderr)
        if os.path.isdir(ws) and not os.listdir(ws):
            os.rmdir(ws)
        run("import", "--back-cast", ws, fx.national, "--region", fx.region)
        assert dump(ws) == reference, "kill %d: completed differs from an uninterrupted import" % n
        shutil.rmtree(ws)
    print("%d runs, %d killed during a checkpoint; every one opened and completed" % (runs, killed))
    return 0


# 14. The lock holder is named, even when asked at the instant the lock is taken.
def case_lock_holder(fx, runs):
    ws = fx.workspace("ws")
    seen = 0
    for n in range(runs):
        holder = subprocess.Popen([OWB, "import", "--back-cast", ws, fx.national], stdout=subprocess.DEVNULL,
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
    holder = subprocess.Popen([OWB, "import", "--back-cast", ws, fx.national], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while holder.poll() is None and not os.path.exists(note):
        time.sleep(0.002)
    if holder.poll() is None:
        if os.path.exists(note):
            os.replace(note, note + ".gone")
        os.symlink("/dev/zero", note)
        done = subprocess.run([OWB, "import", "--back-cast", ws, fx.national], capture_output=True, text=True, timeout=30)
        assert "in use by" not in done.stderr or "process" in done.stderr, done.stderr
        plain(done.stderr)
    holder.wait()
    for path in (note, note + ".gone"):
        if os.path.lexists(path):
            os.remove(path)
    os.symlink("/dev/zero", lock)
    done = subprocess.run([OWB, "import", "--back-cast", ws, fx.national], capture_output=True, text=True, timeout=30)
    assert done.returncode == 2 and "is not a lock file" in done.stderr, done.stderr
    run("check", ws)
    os.remove(lock)
    run("import", "--back-cast", ws, fx.national)
    print("a lock file or holder note linked to /dev/zero: refused or ignored, never read")
    return 0


def main():
    global OWB
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--owb", required=True)
    parser.add_argument("--case", required=True)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    OWB = os.path.abspath(args.owb)
    top = tempfile.mkdtemp(prefix="owb-files-")
    ok = False
    try:
        fx = Fixture(top)
        cases = {
            "wal-header": lambda: case_wal_header(fx),
            "stray-wal": lambda: case_stray_wal(fx),
            "create-race": lambda: case_create_race(fx, args.runs),
            "check-during-import": lambda: case_check_during_import(fx, args.runs),
            "foreign-files": lambda: case_foreign_files(fx),
            "empty-peers": lambda: case_empty_peers(fx),
            "read-only": lambda: case_read_only(fx),
            "full-disk": lambda: case_full_disk(fx),
            "checkpoint-kills": lambda: case_checkpoint_kills(fx, args.runs),
            "lock-holder": lambda: case_lock_holder(fx, args.runs),
            "planted-files": lambda: case_planted_files(fx),
            "foreign-wal": lambda: case_foreign_wal(fx),
            "odd-inputs": lambda: case_odd_inputs(fx),
        }
        result = cases[args.case]()
        ok = result == 0
        return result
    except AssertionError as error:
        print("FAIL %s: %s (kept %s)" % (args.case, error, top), file=sys.stderr)
        return 1
    finally:
        if ok:
            shutil.rmtree(top, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
