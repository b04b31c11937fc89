#!/usr/bin/env python3
"""Exporting the shipped 2016 companies to a ratings CSV and importing it back
gives files that score identically.

export -> ratings.csv -> import -> company files -> score, and also score the
CSV directly. Each firm's unrounded total, dimension scores and indicator
values must equal those of the YAML originals. Decisions taken after scoring
are not part of a ratings CSV (export warns about them), so for the two firms
with decisions the comparison is with their result before the decisions,
which scores.json keeps as `original`.
Usage: round_trip.py ECOSCORE REPO_ROOT
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

RUBRIC = "rubrics/winwin-ecosystem-2016.yaml"


def run(binary, root, *args):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "TZ": "UTC"}
    proc = subprocess.run([binary, *args], cwd=root, env=env, capture_output=True, check=True)
    return proc.stdout, proc.stderr.decode()


def firms(scores, before_decisions):
    out = {}
    for c in scores["companies"]:
        decided = before_decisions and c.get("original")
        out[c["id"]] = {
            "total": c["original"]["total"] if decided else c["total"],
            "dimensions": None if decided else [(d["id"], d["score"]) for d in c["dimensions"]],
            "indicators": None if decided else [(i["id"], i["normalized"]) for i in c["indicators"]],
            "name": c["name"],
        }
    return out


def compare(label, expected, actual):
    bad = 0
    for fid, want in expected.items():
        got = actual.get(fid)
        if got is None:
            print(f"{label}: {fid} missing")
            bad += 1
            continue
        for key in ("total", "dimensions", "indicators", "name"):
            if want[key] is not None and want[key] != got[key]:
                print(f"{label}: {fid} {key}: {want[key]} != {got[key]}")
                bad += 1
    if set(actual) != set(expected):
        print(f"{label}: firms differ: {sorted(set(actual) ^ set(expected))}")
        bad += 1
    return bad


def main() -> int:
    binary, root = sys.argv[1:3]
    work = tempfile.mkdtemp(prefix="ecoscore-round-trip-")
    try:
        csv_bytes, warnings = run(binary, root, "export", "--rubric", RUBRIC, "companies/2016")
        for firm in ("moa-coating", "seorin-chemical"):
            if f"decisions after scoring of '{firm}'" not in warnings:
                print(f"export did not warn that {firm}'s decisions are left out")
                return 1
        ratings = os.path.join(work, "ratings.csv")
        with open(ratings, "wb") as f:
            f.write(csv_bytes)
        imported = os.path.join(work, "imported")
        run(binary, root, "import", "-q", "--rubric", RUBRIC, "--out", imported, ratings)
        original = json.loads(run(binary, root, "score", "-q", "--rubric", RUBRIC, "--format", "json", "companies/2016")[0])
        expected = firms(original, before_decisions=True)
        via_yaml = json.loads(run(binary, root, "score", "-q", "--rubric", RUBRIC, "--format", "json", imported)[0])
        via_csv = json.loads(run(binary, root, "score", "-q", "--rubric", RUBRIC, "--format", "json", ratings)[0])
        bad = compare("imported files", expected, firms(via_yaml, False))
        bad += compare("CSV scored directly", expected, firms(via_csv, False))
        if bad:
            return 1
        print(f"{len(expected)} firms: identical totals, dimension scores and indicator values "
              f"through export, import and direct CSV scoring")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
