"""What every file_safety case shares: running owb (OWB, set once by
file_safety.py), the raw SQLite words that must never reach a user, a
folder's digests and snapshot, the fixture (the demo's national file cut to
its first quarters and one region's workspaces built from it), mounting where
allowed and skipping visibly where not."""

import glob
import hashlib
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crash"))
from kill_import import dump  # noqa: E402,F401  (for the cases: the same comparison as the kill test)

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

    def shifted(self):
        """The national file with every value 1% higher (deficits as they were), so that
        importing it and the national file in turn rewrites every case file."""
        shifted = os.path.join(self.top, "shifted.csv")
        with open(self.national, encoding="utf-8") as f:
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
        return shifted


def mount(kind, target, *options):
    """Mounts a tmpfs (or remounts/binds) where allowed; False (after saying so) where not."""
    done = subprocess.run(["mount"] + list(options) + [kind, target], capture_output=True, text=True)
    return done.returncode == 0


def skip(why):
    print("SKIPPED: %s" % why)
    return 0
