"""The file_safety cases on the medium under the workspace: read-only media
(a read-only bind mount, an unfinished import on one, files another user may
read but not write) and a full disk at every stage of an import and under a
report. Where mount or another user is not allowed they skip visibly."""

import glob
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile

import safety_common as common
from safety_common import digests, dump, mount, plain, run, skip


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
            done = subprocess.run(prefix + [common.OWB] + command, capture_output=True, text=True, timeout=120)
            assert done.returncode == 0, "%s: owb %s exited %d: %s" % (what, command[0], done.returncode, done.stderr)
            plain(done.stderr)
        assert digests(where) == before, "%s: reading changed files" % what
        assert not glob.glob(os.path.join(where, "*-wal")) and not glob.glob(os.path.join(where, "*-shm")), \
            "%s: reading left files behind" % what
        imported = subprocess.run(prefix + [common.OWB, "import", "--back-cast", where, fx.national], capture_output=True, text=True)
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


def full_disk_reassessment(fx, disk):
    """A full disk during owb methodology add --apply: said as a re-assessment's
    (how it completes, or that nothing was changed), never with an import's
    advice; space freed, --apply again completes it to the uninterrupted result."""
    ref = fx.workspace("reassess-ref")
    shown = run("methodology", "show", ref, "2023/24").stdout
    other = os.path.join(fx.top, "other-2023-24.json")
    with open(other, "w", encoding="utf-8") as f:
        f.write(re.sub(r'"years": \[[^]]*\]', '"years": ["2023/24"]',
                       re.sub(r'"id": "[^"]*"', '"id": "other-2023-24"', shown, count=1), count=1))
    run("methodology", "add", "--apply", ref, other)
    reference = dump(ref)
    said = []
    for free in [8, 32, 64, 128, 256, 512, 1024]:
        for entry in os.listdir(disk):
            shutil.rmtree(os.path.join(disk, entry)) if os.path.isdir(os.path.join(disk, entry)) else os.remove(os.path.join(disk, entry))
        subprocess.run(["mount", "-o", "remount,size=16m", disk], check=True)
        ws = os.path.join(disk, "ws")
        run("import", "--back-cast", ws, fx.national, "--region", fx.region)
        room = os.statvfs(disk)
        with open(os.path.join(disk, "filler"), "wb") as f:
            f.write(b"\0" * max(0, room.f_bavail * room.f_frsize - free * 1024))
        done = run("methodology", "add", "--apply", ws, other, check=False)
        if done.returncode == 0:
            print("%dk free: the re-assessment fitted" % free)
        else:
            plain(done.stderr)
            assert "disk is full" in done.stderr, "%dk free: not said plainly: %s" % (free, done.stderr)
            assert "an import completes" not in done.stderr, "%dk free: an import's advice: %s" % (free, done.stderr)
            # Refused before anything was read (the lock, opening), or said of a re-assessment.
            assert "re-assessment" in done.stderr or "lock file" in done.stderr or "cannot be opened" in done.stderr, \
                "%dk free: not said to be a re-assessment: %s" % (free, done.stderr)
            said.append(done.stderr.strip().splitlines()[-1])
            print("%dk free: %s" % (free, said[-1]))
        os.remove(os.path.join(disk, "filler"))
        run("check", ws)
        run("methodology", "add", "--apply", ws, other)
        assert dump(ws) == reference, "%dk free: completed after a full disk, differs" % free
    assert any("the re-assessment stopped part way" in line for line in said), \
        "no full disk stopped the re-assessment part way: %s" % said


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
        full_disk_reassessment(fx, disk)
    finally:
        subprocess.run(["umount", disk])
    return 0
