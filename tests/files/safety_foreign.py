"""The file_safety cases on files that are not what they say: a copy under
another code, symbolic and hard links, a folder or a fifo named like a case
file, another workspace's peers.owdata, an emptied or missing peers.owdata,
files planted beside the workspace's (a -journal, a -wal, a linked holder
note, a report aimed at a workspace file), and odd inputs (named pipes, a
misspelt --region, an empty or garbage lock file)."""

import glob
import os
import shutil
import subprocess

import safety_common as common
from safety_common import METHODOLOGY, digests, plain, run


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
        checked = subprocess.run([common.OWB, "check", ws], capture_output=True, text=True, timeout=20)
        assert checked.returncode == 2 and "is not a file" in checked.stderr, checked.stderr
        portfolio = subprocess.run([common.OWB, "portfolio", ws], capture_output=True, text=True, timeout=20)
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


# Inputs that are not files, a region spelt wrong, a lock file that says nothing.
def case_odd_inputs(fx):
    ws = fx.workspace("ws")
    fifo = os.path.join(fx.top, "pipe.csv")
    os.mkfifo(fifo)
    for command in (["import", ws, fifo], ["score", "--data", fifo], ["segment", "--data", fx.national,
                                                                      "--methodology", fifo],
                    ["reconcile", ws, fifo]):
        done = subprocess.run([common.OWB] + command, capture_output=True, text=True, timeout=30)
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
        done = subprocess.run([common.OWB, "import", ws, fx.national], capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, "a lock file holding %r: %s" % (content, done.stderr)
        assert not os.path.exists(lock), "the left-over lock file stayed"
    # ... while a lock held by a live writer is still respected.
    holder = subprocess.Popen([common.OWB, "import", ws, fx.national], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
