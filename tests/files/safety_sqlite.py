"""The file_safety cases on SQLite's own states: a checkpoint cut short (the
header counts pages still only in the -wal), a stray -wal or -journal that
check must leave as it was, a -wal copied in from another case file or
workspace and a damaged case file (refused before anything is written), and
kills timed into checkpoints."""

import glob
import os
import shutil
import signal
import sqlite3
import struct
import subprocess

import safety_common as common
from safety_common import changed, digests, dump, plain, run, snapshot


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
    shifted = fx.shifted()
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


# 2. Kills timed into checkpoints: when peers.owdata or a case file is being written from its -wal.
def case_checkpoint_kills(fx, runs):
    reference = dump(fx.workspace("ref"))
    killed = 0
    for n in range(runs):
        ws = os.path.join(fx.top, "k-%d" % n)
        process = subprocess.Popen([common.OWB, "import", "--back-cast", ws, fx.national, "--region", fx.region],
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
