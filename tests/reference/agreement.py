#!/usr/bin/env python3
"""framework.md section 3, implemented a second time, independently of the C++
core (exact fractions, Python's csv module), and compared row for row with
`owb score` and `owb segment` on randomised inputs: ties, standards, floors,
both, label and numeric bands, 1/3 weights, contextual metrics, missing and
suppressed values, deficits, several quarters and peer types, shuffled and
extra columns, any-case headers, BOM, CRLF, quoting, unknown metric rows.

Usage: agreement.py --owb PATH [--runs N] [--seed S] [--keep DIR]
"""

import argparse
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile
from fractions import Fraction


# ---------------------------------------------------------------- the rules

def round2(x):
    """Round a non-negative Fraction to hundredths, halves away from zero."""
    assert x >= 0
    return Fraction((x * 100 * 2 + 1) // 2, 100)


def fmt2(x):
    hundredths = int(x * 100)
    return "%d.%02d" % (hundredths // 100, hundredths % 100)


def score_metric(metric, values):
    """values: list of None | Fraction | str (band label). Returns Fractions (0 = no score)."""
    if not metric.get("scored", True):
        return [Fraction(0)] * len(values)
    if "bands" in metric:
        out = []
        for v in values:
            score = Fraction(0)
            if v is not None:
                for band in metric["bands"]:
                    if "label" in band:
                        if isinstance(v, str) and band["label"].strip().lower() == v.strip().lower():
                            score = Fraction(str(band["score"]))
                            break
                    elif not isinstance(v, str) and ("upto" not in band or v <= Fraction(str(band["upto"]))):
                        score = Fraction(str(band["score"]))
                        break
            out.append(score)
        return out
    higher = metric["direction"] == "higher"
    standard = metric.get("standard")
    floor = metric.get("floor")
    standard = None if standard is None else Fraction(str(standard))
    floor = None if floor is None else Fraction(str(floor))
    lo = 2 if standard is not None else 1
    hi = 3 if floor is not None else 4
    out = [Fraction(0)] * len(values)
    ranked = []
    for i, v in enumerate(values):
        if v is None:
            continue
        if standard is not None and (v >= standard if higher else v <= standard):
            out[i] = Fraction(1)
        elif floor is not None and (v < floor if higher else v > floor):
            out[i] = Fraction(4)
        else:
            ranked.append(i)
    n = len(ranked)
    for i in ranked:
        better = sum(1 for j in ranked if (values[j] > values[i] if higher else values[j] < values[i]))
        raw = Fraction(lo) if n == 1 else lo + Fraction((hi - lo) * better, n - 1)
        out[i] = round2(raw)
    return out


def weighted_average(pairs):
    """pairs: (score, weight). Returns the rounded average or None."""
    used = [(s, w) for s, w in pairs if s > 0]
    if not used:
        return None
    return round2(sum(s * w for s, w in used) / sum(w for _, w in used))


def quartile_inc(sorted_values, p):
    h = (len(sorted_values) - 1) * p
    i = int(h)
    frac = h - i
    low = sorted_values[i]
    high = sorted_values[i + 1] if frac else low
    return low + frac * (high - low)


def segment_of(avg, cuts):
    for s, cut in enumerate(cuts, start=1):
        if avg <= cut:
            return s
    return 4


def competition_ranks(keys):
    ordered = sorted(keys)
    first = {}
    for position, key in enumerate(ordered, start=1):
        first.setdefault(key, position)
    return [first[k] for k in keys]


# ---------------------------------------------------------------- the inputs

def random_methodology(rng):
    peer_types = [{"id": "acute", "name": "Acute trust", "aliases": ["Acute", "Acute - Specialist"]},
                  {"id": "mhc", "name": "Mental health and community trust", "aliases": ["Non-acute"]},
                  {"id": "amb", "name": "Ambulance trust", "aliases": ["Ambulance"]}]
    peer_types = peer_types[:rng.randint(1, 3)]
    type_ids = [t["id"] for t in peer_types]
    domains = [{"id": d} for d in ("access", "safety", "people", "finance")]
    metrics = []
    for m in range(rng.randint(3, 10)):
        metric = {"id": "M%02d" % m, "domain": rng.choice(domains)["id"],
                  "applies_to": rng.sample(type_ids, rng.randint(1, len(type_ids)))}
        kind = rng.random()
        if kind < 0.12:
            metric["bands"] = [{"label": "Outstanding", "score": 1}, {"label": "Good", "score": 2},
                               {"label": "Requires improvement", "score": 3}, {"label": "Inadequate", "score": 4}]
        elif kind < 0.22:
            metric["bands"] = [{"upto": 5, "score": 1}, {"upto": 10, "score": 2.5}, {"score": 4}]
            metric["range"] = [None, None]
        else:
            metric["direction"] = rng.choice(["higher", "lower"])
            metric["range"] = [None, None]
            shape = rng.choice(["neither", "standard", "floor", "both"])
            a, b = sorted(rng.sample(range(2, 19), 2))
            higher = metric["direction"] == "higher"
            if shape in ("standard", "both"):
                metric["standard"] = b if higher else a
            if shape in ("floor", "both"):
                metric["floor"] = a if higher else b
            if shape == "floor":
                metric.pop("standard", None)
        if rng.random() < 0.2:
            metric["weight"] = "1/3"
        if rng.random() < 0.08:
            metric["scored"] = False
        metrics.append(metric)
    segmentation = {"method": "peer-quartiles"}
    if rng.random() < 0.4:
        cuts = {}
        for t in type_ids:
            c = sorted(rng.sample(range(120, 380), 3))
            cuts[t] = [x / 100 for x in c]
            if rng.random() < 0.5:
                cuts[t][1] += 0.005  # a cut point between hundredths, as 2.355
        segmentation = {"method": "thresholds", "cuts": cuts}
    labels = {"1": "High performing", "2": "Good", "3": "Challenged", "4": "Serious challenges",
              "5": "Recovery Support Programme"}
    return {"id": "random", "title": "Random methodology", "years": ["2024/25", "2025/26"], "peer_types": peer_types,
            "domains": domains, "metrics": metrics, "segmentation": segmentation, "segment_labels": labels,
            "programme_name": "Recovery Support Programme"}


def random_value_text(rng, metric):
    r = rng.random()
    if r < 0.06:
        return rng.choice(["", "*", "-", " "])
    if "bands" in metric and "label" in metric["bands"][0]:
        return rng.choice(["Outstanding", "good", " Requires improvement ", "INADEQUATE"])
    # Small sets of values so that ties and exact standards/floors are common.
    number = rng.choice([rng.randint(0, 20), rng.randint(0, 200) / 10, rng.randint(1, 2000) / 1000])
    text = ("%g" % number) if rng.random() < 0.5 else repr(number)
    if rng.random() < 0.15:
        text += "%"
    return text


def random_dataset(rng, methodology):
    """Returns (rows as dicts, list of quarters)."""
    quarters = rng.sample(["2024/25 Q3", "2024/25 Q4", "2025/26 Q1", "2025/26 Q2"], rng.randint(1, 3))
    type_names = {t["id"]: [t["id"], t["name"].upper()] + t["aliases"] for t in methodology["peer_types"]}
    orgs = []
    for prefix, t in zip("ABC", methodology["peer_types"]):
        for n in range(rng.randint(1, 14)):
            orgs.append(("R%s%d" % (prefix, n), t["id"]))
    rows = []
    for q in quarters:
        for code, type_id in orgs:
            if rng.random() < 0.1 and (rows or code != orgs[-1][0]):
                continue  # absent this quarter (but never an empty file)
            org_rows = []
            for metric in methodology["metrics"]:
                if type_id not in metric["applies_to"]:
                    if rng.random() < 0.1:
                        org_rows.append((metric["id"], "7"))  # not applicable: skipped
                    continue
                if rng.random() < 0.1:
                    continue  # no row: missing
                org_rows.append((metric["id"], random_value_text(rng, metric)))
            if rng.random() < 0.3:
                org_rows.append(("DEFICIT", rng.choice(["1", "Yes", "TRUE", "0", "no", "false"])))
            if rng.random() < 0.1:
                org_rows.append(("DEFICIT_SUPPORT", rng.choice(["1", "yes", "0"])))
            if rng.random() < 0.2:
                org_rows.append(("OF9%03d" % rng.randint(0, 999), "2.5"))  # unknown metric: skipped
            if not org_rows:
                org_rows.append(("OF9999", "1"))
            for metric_id, value in org_rows:
                rows.append({"quarter": q, "org_code": code, "org_name": "Trust %s, \"%s\"" % (code, type_id),
                             "org_type": rng.choice(type_names[type_id]), "metric_id": metric_id,
                             "value": value})
    rng.shuffle(rows)
    return rows


def write_csv(rng, rows, path):
    columns = ["quarter", "org_code", "org_name", "org_type", "metric_id", "value", "notes"]
    rng.shuffle(columns)
    header = [c.upper() if rng.random() < 0.3 else c for c in columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n" if rng.random() < 0.5 else "\n",
                        quoting=csv.QUOTE_ALL if rng.random() < 0.3 else csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(c, "x\ny") for c in columns])
    data = buffer.getvalue().encode("utf-8")
    if rng.random() < 0.5:
        data = b"\xef\xbb\xbf" + data
    with open(path, "wb") as f:
        f.write(data)


# ---------------------------------------------------------------- the reference

def parse_value(metric, text):
    t = text.strip()
    if t in ("", "*", "-"):
        return None
    if "bands" in metric and "label" in metric["bands"][0]:
        for band in metric["bands"]:
            if band["label"].lower() == t.lower():
                return band["label"]
        raise ValueError(t)
    if t.endswith("%"):
        t = t[:-1].strip()
    return Fraction(t)


def shortest(value):
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def reference(methodology, path):
    metrics = {m["id"]: m for m in methodology["metrics"]}
    type_lookup = {}
    for t in methodology["peer_types"]:
        for name in [t["id"], t["name"]] + t["aliases"]:
            type_lookup[name.strip().lower()] = t["id"]
    data = {}  # quarter -> code -> {"type", "deficit", "values"}
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        reader.fieldnames = [n.strip().lower() for n in reader.fieldnames]
        for row in reader:
            type_id = type_lookup[row["org_type"].strip().lower()]
            org = data.setdefault(row["quarter"].strip(), {}).setdefault(
                row["org_code"].strip(), {"type": type_id, "deficit": False, "values": {}})
            metric_id = row["metric_id"].strip()
            if metric_id in ("DEFICIT", "DEFICIT_SUPPORT"):
                if row["value"].strip().lower() in ("1", "yes", "true"):
                    org["deficit"] = True
            elif metric_id in metrics and type_id in metrics[metric_id]["applies_to"]:
                org["values"][metric_id] = parse_value(metrics[metric_id], row["value"])

    type_order = [t["id"] for t in methodology["peer_types"]]
    order = {"2024/25 Q3": 0, "2024/25 Q4": 1, "2025/26 Q1": 2, "2025/26 Q2": 3}
    score_rows, segment_rows, domain_rows = [], [], []
    for quarter in sorted(data, key=order.get):
        orgs = data[quarter]
        for type_id in type_order:
            codes = sorted(c for c in orgs if orgs[c]["type"] == type_id)
            if not codes:
                continue
            applicable = [m for m in methodology["metrics"]
                          if type_id in m["applies_to"] and m.get("scored", True)]
            scores = {c: {} for c in codes}
            for metric in applicable:
                values = [orgs[c]["values"].get(metric["id"]) for c in codes]
                for c, v, s in zip(codes, values, score_metric(metric, values)):
                    scores[c][metric["id"]] = s
            weight = {m["id"]: Fraction(m.get("weight", 1)) for m in applicable}
            averages = {c: weighted_average([(scores[c][m["id"]], weight[m["id"]]) for m in applicable])
                        for c in codes}
            valid = sorted(a for a in averages.values() if a is not None)
            if methodology["segmentation"]["method"] == "thresholds":
                cuts = [Fraction(str(x)) for x in methodology["segmentation"]["cuts"][type_id]]
            elif valid:
                cuts = [quartile_inc(valid, Fraction(p, 4)) for p in (1, 2, 3)]
            result = {}
            for c in codes:
                avg = averages[c]
                deficit = orgs[c]["deficit"]
                if avg is None:
                    result[c] = (None, None, None)
                else:
                    raw = segment_of(avg, cuts)
                    result[c] = (avg, raw, 3 if deficit and raw < 3 else raw)
            segmented = [c for c in codes if result[c][0] is not None]
            ranks = dict(zip(segmented, competition_ranks([(result[c][2], result[c][0]) for c in segmented])))
            # Domains: the same average over the domain's metrics, quartiled within the peer type.
            domain_scores = {}
            for d in methodology["domains"]:
                in_domain = [m for m in applicable if m["domain"] == d["id"]]
                per_org = {c: weighted_average([(scores[c][m["id"]], weight[m["id"]]) for m in in_domain])
                           for c in codes}
                present = sorted(v for v in per_org.values() if v is not None)
                dcuts = [quartile_inc(present, Fraction(p, 4)) for p in (1, 2, 3)] if present else None
                for c in codes:
                    v = per_org[c]
                    domain_scores.setdefault(c, {})[d["id"]] = (
                        None if v is None else float(v), None if v is None else segment_of(v, dcuts))
            for c in codes:
                for metric in applicable:
                    v = orgs[c]["values"].get(metric["id"])
                    text = "" if v is None else (v if isinstance(v, str) else shortest(v))
                    w = weight[metric["id"]]
                    score_rows.append(",".join([quarter, type_id, c, metric["id"], csv_field(text),
                                                fmt2(scores[c][metric["id"]]), str(w)]))
                avg, raw, final = result[c]
                segment_rows.append(",".join([
                    quarter, type_id, c,
                    str(sum(1 for m in applicable if scores[c][m["id"]] > 0)),
                    "" if avg is None else fmt2(avg), "" if raw is None else str(raw),
                    "1" if orgs[c]["deficit"] else "0", "" if final is None else str(final),
                    "" if avg is None else str(ranks[c])]))
                domain_rows.append((quarter, c, domain_scores[c]))
    return score_rows, segment_rows, domain_rows


def csv_field(text):
    if any(ch in text for ch in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


# ---------------------------------------------------------------- the comparison

def run_owb(owb, args):
    done = subprocess.run([owb] + args, capture_output=True, text=True)
    if done.returncode != 0:
        raise AssertionError("owb %s exited %d: %s" % (" ".join(args), done.returncode, done.stderr))
    return done.stdout


def compare(name, expected, actual):
    if expected != actual:
        for i, (e, a) in enumerate(zip(expected, actual)):
            if e != a:
                raise AssertionError("%s: row %d differs\n  reference: %s\n  owb:       %s" % (name, i + 1, e, a))
        raise AssertionError("%s: %d reference rows, %d from owb" % (name, len(expected), len(actual)))


def one_run(owb, seed, directory):
    rng = random.Random(seed)
    methodology = random_methodology(rng)
    rows = random_dataset(rng, methodology)
    mpath = os.path.join(directory, "methodology-%d.json" % seed)
    dpath = os.path.join(directory, "data-%d.csv" % seed)
    with open(mpath, "w") as f:
        json.dump(methodology, f, indent=1)
    write_csv(rng, rows, dpath)
    score_rows, segment_rows, domain_rows = reference(methodology, dpath)

    scores = run_owb(owb, ["score", "--data", dpath, "--methodology", mpath]).splitlines()
    if scores[0] != "quarter,org_type,org_code,metric_id,value,score,weight":
        raise AssertionError("score header: " + scores[0])
    compare("owb score (seed %d)" % seed, score_rows, scores[1:])

    segments = run_owb(owb, ["segment", "--data", dpath, "--methodology", mpath]).splitlines()
    if segments[0] != "quarter,org_type,org_code,metrics_scored,average_score,raw_segment,deficit,segment,rank":
        raise AssertionError("segment header: " + segments[0])
    compare("owb segment (seed %d)" % seed, segment_rows, segments[1:])

    as_json = json.loads(run_owb(owb, ["segment", "--data", dpath, "--methodology", mpath, "--format", "json"]))
    actual_domains = [(r["quarter"], r["org_code"],
                       {d: (v["score"], v["segment"]) for d, v in r["domains"].items()}) for r in as_json]
    compare("owb segment --format json domains (seed %d)" % seed, domain_rows, actual_domains)
    return len(score_rows), len(segment_rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--owb", required=True)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", help="keep the generated files in this folder")
    args = parser.parse_args()
    directory = args.keep or tempfile.mkdtemp(prefix="owb-agreement-")
    os.makedirs(directory, exist_ok=True)
    passed = failed = rows = 0
    for seed in range(args.seed, args.seed + args.runs):
        try:
            n_scores, n_segments = one_run(args.owb, seed, directory)
            rows += n_scores + n_segments
            passed += 1
        except AssertionError as error:
            failed += 1
            print("FAIL seed %d: %s" % (seed, error), file=sys.stderr)
    print("compared %d rows over %d random inputs (files in %s)" % (rows, args.runs, directory))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
