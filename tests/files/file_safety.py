#!/usr/bin/env python3
"""A workspace's files under attack: SQLite's own states (a checkpoint cut
short, a stray -wal), files that are not what they say (a copy under another
code, links, an emptied peers.owdata), two creators at once, check during an
import, read-only media, a full disk and who holds the lock.

Each --case is one ctest test. Cases that need mount (tmpfs, read-only bind
mounts) or another user skip with a visible message where that is not
allowed, and exit 0.

This file runs one case; the cases live beside it, grouped by attack:
safety_sqlite.py (SQLite's own states), safety_foreign.py (files that are not
what they say), safety_concurrent.py (two programs at once), safety_media.py
(read-only media, a full disk), and what they share in safety_common.py.

Usage: file_safety.py --owb PATH --case NAME [--runs N]
"""

import argparse
import os
import shutil
import sys
import tempfile

sys.dont_write_bytecode = True  # no cache files in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safety_common as common  # noqa: E402
from safety_common import Fixture  # noqa: E402
from safety_concurrent import case_check_during_import, case_create_race, case_lock_holder  # noqa: E402
from safety_foreign import case_empty_peers, case_foreign_files, case_odd_inputs, case_planted_files  # noqa: E402
from safety_media import case_full_disk, case_read_only  # noqa: E402
from safety_sqlite import case_checkpoint_kills, case_foreign_wal, case_stray_wal, case_wal_header  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--owb", required=True)
    parser.add_argument("--case", required=True)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    common.OWB = os.path.abspath(args.owb)
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
