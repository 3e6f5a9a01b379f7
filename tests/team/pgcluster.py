#!/usr/bin/env python3
"""A throwaway PostgreSQL cluster for the team-workspace tests.

    pgcluster.py start DIR    initdb, start, create the test database
    pgcluster.py stop DIR     stop and remove it

The cluster listens on a Unix socket in DIR only (no TCP port), trusts local
connections (it lives as long as one test run) except the account
`owbpassword`, which must give its password, and runs without fsync. initdb
refuses to run as root: as root the cluster runs as the `postgres` account
(Debian's postgresql package creates it), else as the calling user.

The tests reach it through OWB_TEST_PG, a libpq URL such as
postgresql:///owbtest?host=DIR. Exit 77 (a visible skip) when the PostgreSQL
server programs are not installed.
"""

import glob
import os
import pwd
import shutil
import subprocess
import sys

DATABASE = "owbtest"
PASSWORD_ROLE = "owbpassword"  # the one account that must give its password


def server_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(found[-1]) if found else None


def as_owner(args, owner):
    if owner is None:
        return args
    return ["runuser", "-u", owner, "--"] + args


def owner_account():
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        sys.exit("pgcluster: running as root and there is no 'postgres' account to run the server as")
    return "postgres"


def start(folder):
    bindir = server_bin()
    if bindir is None:
        print("SKIPPED: the PostgreSQL server (postgresql-15) is not installed")
        sys.exit(77)
    stop(folder, quiet=True)
    owner = owner_account()
    os.makedirs(folder, exist_ok=True)
    if owner:
        account = pwd.getpwnam(owner)
        os.chown(folder, account.pw_uid, account.pw_gid)
    os.chmod(folder, 0o755)
    data = os.path.join(folder, "data")
    subprocess.run(as_owner([os.path.join(bindir, "initdb"), "--no-sync", "-A", "trust", "-U", "postgres",
                             "-E", "UTF8", "--locale", "C.UTF-8", "-D", data], owner),
                   check=True, stdout=subprocess.DEVNULL)
    # One account signs in with a password (SCRAM), so that the workbench's
    # password handling meets a server that checks it; every other is trusted.
    hba = os.path.join(data, "pg_hba.conf")
    with open(hba) as existing:
        rules = existing.read()
    with open(hba, "w") as conf:
        conf.write("local all %s scram-sha-256\n" % PASSWORD_ROLE + rules)
    with open(os.path.join(data, "postgresql.conf"), "a") as conf:
        conf.write("listen_addresses = ''\n")
        conf.write("unix_socket_directories = '%s'\n" % folder)
        conf.write("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n")
        conf.write("max_connections = 100\n")
    log = os.path.join(folder, "server.log")
    subprocess.run(as_owner([os.path.join(bindir, "pg_ctl"), "-D", data, "-l", log, "-w", "start"], owner),
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(as_owner([os.path.join(bindir, "createdb"), "-h", folder, "-U", "postgres", DATABASE], owner),
                   check=True)
    print("cluster running: postgresql:///%s?host=%s&user=postgres" % (DATABASE, folder))


def stop(folder, quiet=False):
    bindir = server_bin()
    data = os.path.join(folder, "data")
    if bindir and os.path.isfile(os.path.join(data, "postmaster.pid")):
        subprocess.run(as_owner([os.path.join(bindir, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"],
                                owner_account()),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if os.path.isdir(folder):
        shutil.rmtree(folder, ignore_errors=True)
    if not quiet:
        print("cluster stopped")


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("start", "stop"):
        sys.exit(__doc__)
    (start if sys.argv[1] == "start" else stop)(sys.argv[2])


if __name__ == "__main__":
    main()
