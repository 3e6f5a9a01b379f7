#!/usr/bin/env python3
"""Runs every file of the hostile-input corpus (tests/data/bad, described in
expected.json) through owb and checks, for each: the exit code, the exact
message (naming the file and the place), that nothing was changed, and that
memory stayed bounded. Two inputs are generated here: a 1 MiB single line
a 200 MB file,
a 900 kB organisation name and a header of 100,006 columns.

Usage: check_corpus.py --owb PATH --corpus DIR [--big-mb N] [--memory-limit-mb M]
"""

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile


BASE = ("quarter,org_code,org_name,org_type,metric_id,value\n"
        "2025/26 Q1,RA1,Alpha,acute,OF0023,60\n"
        "2025/26 Q1,RA2,Beta,acute,OF0023,55\n"
        "2025/26 Q1,RA3,Gamma,acute,OF0023,50\n")


def run(cmd):
    """Runs cmd; returns (exit code, stdout, stderr, peak resident KB)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return (process.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                usage.ru_maxrss)


def dump(directory):
    """The logical content of every database in a folder (bytes may move in a checkpoint)."""
    state = {}
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        if name.endswith((".owcase", ".owdata")):
            db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
            state[name] = list(db.iterdump())
            db.close()
        elif not name.startswith(".owb-lock") and not name.endswith(("-wal", "-shm")):
            with open(path, "rb") as f:
                state[name] = f.read()
    return state


def generate(corpus_out, big_mb):
    """The two inputs too big to keep in the repository."""
    long_line = os.path.join(corpus_out, "csv-long-line.csv")
    with open(long_line, "w") as f:
        f.write(BASE.splitlines()[0] + "\n2025/26 Q1,RA9," + "N" * (1 << 20) + ",acute,OF0023,60\n")
    big = os.path.join(corpus_out, "csv-200mb.csv")
    lines = 1
    with open(big, "w") as f:
        f.write(BASE.splitlines()[0] + "\n")
        block = "".join("2025/26 Q1,RA%03d,Trust %03d,acute,XX%05d,1.5\n" % (i % 250, i % 250, i % 20000)
                        for i in range(20000))
        block_lines = block.count("\n")
        while f.tell() < big_mb * 1000 * 1000:
            f.write(block)
            lines += block_lines
        f.write("2025/26 Q1,RA001,Trust 001,acute,OF0023,lots\n")
        lines += 1
    # A name under the record limit but far beyond any real name.
    long_name = os.path.join(corpus_out, "csv-900kb-name.csv")
    with open(long_name, "w") as f:
        f.write(BASE.splitlines()[0] + "\n2025/26 Q1,RA9," + "N" * 900000 + ",acute,OF0023,60\n")
    # A header of 100,006 columns, and a row that fills only the first six.
    wide = os.path.join(corpus_out, "csv-100k-columns.csv")
    with open(wide, "w") as f:
        f.write(BASE.splitlines()[0] + "".join(",x%d" % i for i in range(100000)) + "\n")
        f.write(BASE.splitlines()[1] + "\n")
    return {"csv-long-line.csv": 2, "csv-200mb.csv": lines, "csv-900kb-name.csv": 2, "csv-100k-columns.csv": 2}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--owb", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--big-mb", type=int, default=200)
    parser.add_argument("--memory-limit-mb", type=int, default=400,
                        help="peak resident memory a bad file of any size may cost")
    args = parser.parse_args()
    with open(os.path.join(args.corpus, "expected.json"), encoding="utf-8") as f:
        cases = json.load(f)["cases"]
    top = tempfile.mkdtemp(prefix="owb-corpus-")
    failures = []
    try:
        base_csv = os.path.join(top, "base.csv")
        with open(base_csv, "w") as f:
            f.write(BASE)
        base_ws = os.path.join(top, "base-ws")
        code, _, err, _ = run([args.owb, "import", base_ws, base_csv])
        assert code == 0, err
        generated_dir = os.path.join(top, "generated")
        os.makedirs(generated_dir)
        generated_lines = generate(generated_dir, args.big_mb)

        for case in cases:
            name = case["file"]
            source = os.path.join(generated_dir if case.get("generated") else args.corpus, name)
            work = os.path.join(top, "case-" + name)
            os.makedirs(work)
            target = os.path.join(work, name)
            if case.get("generated"):
                os.rename(source, target)
            else:
                shutil.copyfile(source, target)
            expected = case["message"].replace("{file}", target).replace(
                "{lines}", str(generated_lines.get(name, 0)))
            before = after = None
            extra_ok = True
            if case["run"] == "import":
                workspace = os.path.join(work, "ws")
                shutil.copytree(base_ws, workspace)
                before = dump(workspace)
                code, out, err, rss = run([args.owb, "import", workspace, target])
                after = dump(workspace)
                if case.get("export_contains"):
                    _, portfolio, _, _ = run([args.owb, "portfolio", workspace])
                    extra_ok = all(text in portfolio for text in case["export_contains"])
                    expected = expected.replace("{workspace}", workspace)
            elif case["run"] == "reconcile":
                before = dump(base_ws)
                code, out, err, rss = run([args.owb, "reconcile", base_ws, target])
                after = dump(base_ws)
            elif case["run"] == "segment":
                code, out, err, rss = run([args.owb, "segment", "--data", base_csv, "--methodology", target])
            elif case["run"] == "check":
                with open(target, "rb") as f:
                    before = f.read()
                code, out, err, rss = run([args.owb, "check", target])
                pdf = os.path.join(work, "out.pdf")
                report_code, _, report_err, _ = run([args.owb, "report", target, "--pdf", pdf])
                extra_ok = report_code == 2 and not os.path.exists(pdf) and report_err.strip() != ""
                with open(target, "rb") as f:
                    after = f.read()
            else:
                raise SystemExit("unknown run kind %r" % case["run"])
            lines = (out + err).splitlines()
            problems = []
            if code != case["exit"]:
                problems.append("exit %d, expected %d" % (code, case["exit"]))
            if expected not in lines:
                problems.append("no line %r in %r" % (expected, (out + err)[:600]))
            if before != after and not case.get("changes"):
                problems.append("the data changed")
            if rss > args.memory_limit_mb * 1024:
                problems.append("peak memory %d MB" % (rss // 1024))
            if not extra_ok:
                problems.append("the follow-up check failed (export or report)")
            status = "ok  " if not problems else "FAIL"
            print("%s %-38s exit %d, %4d MB peak" % (status, name, code, rss // 1024))
            if problems:
                failures.append("%s: %s" % (name, "; ".join(problems)))
            shutil.rmtree(work, ignore_errors=True)
        for failure in failures:
            print("FAIL " + failure, file=sys.stderr)
        print("%d inputs, %d failed" % (len(cases), len(failures)))
        return 1 if failures else 0
    finally:
        shutil.rmtree(top, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
