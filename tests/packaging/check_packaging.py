#!/usr/bin/env python3
"""The files a desktop installs are valid, and owb's man page is complete.

- the .desktop file passes desktop-file-validate;
- the AppStream metainfo passes appstreamcli validate (no network);
- owb.1 renders without a groff warning, and names every command that
  `owb --help` lists, every option of every command's `--help`, and every
  exit code that owb's main() documents.
Exit 0 when all hold; 1 with every fault listed.
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--owb", required=True)
    ap.add_argument("--desktop", required=True)
    ap.add_argument("--metainfo", required=True)
    ap.add_argument("--man", required=True)
    ap.add_argument("--owb-main", required=True, help="app/owb/main.cpp (its exit codes)")
    args = ap.parse_args()
    faults = []

    r = run(["desktop-file-validate", args.desktop])
    if r.returncode != 0 or r.stdout.strip():
        faults.append(f"desktop-file-validate {args.desktop}:\n{r.stdout}{r.stderr}")
    r = run(["appstreamcli", "validate", "--no-net", args.metainfo])
    if r.returncode != 0:
        faults.append(f"appstreamcli validate {args.metainfo}:\n{r.stdout}{r.stderr}")

    # Every warning but 'cannot adjust line' (long synopsis lines), which is layout.
    r = run(["groff", "-man", "-Tutf8", "-ww", "-Wbreak", "-z", args.man])
    if r.returncode != 0 or r.stderr.strip():
        faults.append(f"groff warnings in {args.man}:\n{r.stderr}")
    page = run(["groff", "-man", "-Tutf8", args.man]).stdout
    page = re.sub(r".\x08", "", page)  # overstrike bold and underline

    usage = run([args.owb, "--help"]).stdout
    commands = re.findall(r"^  ([a-z]+)  ", usage, re.M)
    if not commands:
        faults.append("owb --help lists no commands")
    for command in commands:
        if not re.search(rf"^\s+{command}\b", page, re.M):
            faults.append(f"the man page has no entry for 'owb {command}'")
        help_text = run([args.owb, command, "--help"]).stdout
        for option in set(re.findall(r"^\s+(?:-\w, )?(--[a-z][a-z-]*)", help_text, re.M)):
            if option not in page.replace("\u2010", "-"):
                faults.append(f"the man page does not mention 'owb {command} {option}'")

    codes = sorted(set(re.findall(r"(\d) (?:for )?(?:success|bad input|internal error)",
                                  Path(args.owb_main).read_text())))
    exit_section = page.split("EXIT STATUS", 1)[-1].split("FILES", 1)[0]
    for code in codes or ["0", "1", "2"]:
        if not re.search(rf"^\s+{code}\s", exit_section, re.M):
            faults.append(f"the man page's EXIT STATUS does not describe exit code {code}")

    for fault in faults:
        print(fault)
    print(f"packaging: {len(commands)} commands checked, {len(faults)} faults")
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
