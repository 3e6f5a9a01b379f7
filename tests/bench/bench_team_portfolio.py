#!/usr/bin/env python3
"""Benchmark (not a test): `owb portfolio` of a 250-organisation workspace on a
folder and on a local PostgreSQL server, with the number of statements each
sends to its database (on the server, every statement is at least one round
trip; the folder runs the very same statements, one case file after another).

Usage: bench_team_portfolio.py OWB [RUNS]

Starts a throwaway cluster of its own (tests/team/pgcluster.py) in a temporary
folder and removes it afterwards. Prints medians of RUNS runs (default 5).
"""

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PGCLUSTER = os.path.join(HERE, "..", "team", "pgcluster.py")
ORGANISATIONS, METRICS, QUARTERS = 250, 40, 4


def write_inputs(folder):
    methodology = os.path.join(folder, "bench.json")
    metrics = []
    for m in range(METRICS):
        metric = {"id": "M%02d" % m, "domain": "abcd"[m % 4], "applies_to": ["acute", "mhc"],
                  "range": [None, None], "direction": "higher" if m % 2 else "lower"}
        metrics.append(metric)
    import json
    with open(methodology, "w") as f:
        json.dump({"id": "bench", "title": "Benchmark rules", "years": ["2025/26"],
                   "segment_labels": {"1": "One", "2": "Two", "3": "Three", "4": "Four"}, "peer_types": [{"id": "acute"}, {"id": "mhc"}],
                   "domains": [{"id": d} for d in "abcd"], "metrics": metrics,
                   "segmentation": {"method": "peer-quartiles"}}, f)
    data = os.path.join(folder, "data.csv")
    rnd = random.Random(42)
    with open(data, "w") as f:
        f.write("quarter,org_code,org_name,org_type,metric_id,value,region\n")
        for q in range(QUARTERS):
            for o in range(ORGANISATIONS):
                for m in range(METRICS):
                    f.write("2025/26 Q%d,R%03d,Trust %03d,%s,M%02d,%.1f,North\n"
                            % (q + 1, o, o, "mhc" if o % 5 == 0 else "acute", m, rnd.randrange(1000) / 10))
    return methodology, data


def run(args, env=None):
    result = subprocess.run(args, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit("%s failed: %s" % (" ".join(args), result.stderr))
    return result.stdout


def median_ms(args, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run(args)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    owb = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as tmp:
        cluster = os.path.join(tmp, "pg")
        os.makedirs(cluster)
        os.chmod(tmp, 0o755)
        base = run([sys.executable, PGCLUSTER, "start", cluster]).strip().split()[-1]
        try:
            methodology, data = write_inputs(tmp)
            folder = os.path.join(tmp, "ws")
            run([owb, "import", folder, data, "--methodology", methodology])
            host = base.split("host=")[1].split("&")[0]
            admin = "postgresql:///owbtest?host=%s&user=postgres" % host
            url = "postgresql:///bench?host=%s&user=postgres" % host
            run(["psql", "-qAt", admin, "-c", "CREATE DATABASE bench"])
            run([owb, "team", "init", url])
            run([owb, "team", "push", folder, url])
            folder_ms = median_ms([owb, "portfolio", folder], runs)
            server_ms = median_ms([owb, "portfolio", url], runs)
            # Statements sent by one portfolio: the server's own count of
            # executed statements (pg_stat_statements is not needed: each
            # autocommit statement is one committed transaction).
            count = "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'bench'"
            before = int(run(["psql", "-qAt", admin, "-c", count]))
            time.sleep(1)
            run([owb, "portfolio", url])
            time.sleep(1)  # statistics are flushed when a session ends
            after = int(run(["psql", "-qAt", admin, "-c", count]))
            print("organisations: %d, metrics: %d, quarters: %d" % (ORGANISATIONS, METRICS, QUARTERS))
            print("owb portfolio FOLDER: %.0f ms (median of %d)" % (folder_ms, runs))
            print("owb portfolio URL:    %.0f ms (median of %d)" % (server_ms, runs))
            print("statements (transactions) one portfolio sends to the server: %d" % (after - before))
        finally:
            run([sys.executable, PGCLUSTER, "stop", cluster])


if __name__ == "__main__":
    main()
