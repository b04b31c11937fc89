#!/usr/bin/env python3
"""A streamed run writes the same bytes as a run that keeps every firm.

`score --format json|csv` (no run folder) scores each firm as it is read and
lets its ratings and indicators go: scores.json's to a temporary file, while
scores.csv, which shows none, keeps only totals and dimensions; `score --out`
keeps everything in memory for the reports. For every shipped cohort, the test cohort, another
method, a cohort-relative normalization (not streamed) and a ratings CSV, the
printed scores.json and scores.csv must equal the run folder's, byte for
byte; so must they when there is no temporary folder to stream to. The
2016 cohort must really have been streamed, in both formats: firms moved out
of memory, among them firms of pairs (whose gaps need their indicators back),
next to firms with decisions and with several raters (kept whole).
Usage: check_streamed.py ECOSCORE REPO_ROOT
"""
import os
import re
import subprocess
import sys
import tempfile

CASES = [
    ("rubrics/winwin-ecosystem-2016.yaml", ["companies/2016"], []),
    ("rubrics/winwin-ecosystem-2016.yaml", ["companies/2016"], ["--method", "weighted-geometric"]),
    ("rubrics/winwin-ecosystem-2016.yaml", ["companies/2016"], ["--normalization", "minmax"]),
    ("rubrics/winwin-ecosystem-2017.yaml", ["companies/2017"], []),
    ("rubrics/sme-4ir-issues-2017.yaml", ["companies/sme-4ir-2017"], []),
    ("tests/data/mini/rubric.yaml", ["tests/data/mini"], []),
]

STORED = r"kept the indicators of (\d+) companies"
RELEASED = r"scored (\d+) companies as they were read"


def run(binary, root, *args, tmpdir=None):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "TZ": "UTC"}
    if tmpdir:
        env["TMPDIR"] = tmpdir
    proc = subprocess.run([binary, *args], cwd=root, env=env, capture_output=True)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)}: exit {proc.returncode}\n{proc.stderr.decode()}")
    return proc.stdout, proc.stderr.decode()


def check(binary, root, tmp, rubric, inputs, extra, tmpdir=None):
    label = " ".join([*inputs, *extra])
    folder = os.path.join(tmp, "run")
    run(binary, root, "score", "-q", "--rubric", rubric, *extra, "--out", folder, "--force", *inputs)
    bad = 0
    logs = {}
    for fmt, name in (("json", "scores.json"), ("csv", "scores.csv")):
        printed, logs[fmt] = run(binary, root, "-v", "score", "--rubric", rubric, *extra, "--format", fmt, *inputs,
                                 tmpdir=tmpdir)
        with open(os.path.join(folder, name), "rb") as f:
            kept = f.read()
        if printed != kept:
            at = next((i for i, (a, b) in enumerate(zip(printed, kept)) if a != b), min(len(printed), len(kept)))
            print(f"{label} --format {fmt}: differs from the run folder's {name} at byte {at}")
            bad += 1
    return bad, logs


def main() -> int:
    binary, root = sys.argv[1], sys.argv[2]
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for rubric, inputs, extra in CASES:
            found, logs = check(binary, root, tmp, rubric, inputs, extra)
            bad += found
            for fmt, pattern in (("json", STORED), ("json", RELEASED), ("csv", RELEASED)):
                moved = re.search(pattern, logs[fmt])
                if extra == ["--normalization", "minmax"]:
                    if moved:
                        print(f"minmax --format {fmt}: firms were streamed, though their scores depend on the cohort")
                        bad += 1
                elif inputs == ["companies/2016"] and not (moved and 0 < int(moved.group(1)) < 30):
                    print(f"2016 {extra} --format {fmt}: expected some but not all 30 firms streamed: "
                          f"{moved and moved.group(0)}")
                    bad += 1
            if re.search(STORED, logs["csv"]):
                print(f"{inputs} {extra} --format csv: indicators were stored, though scores.csv shows none")
                bad += 1
        # Firms of a ratings CSV are scored once the workspace is assembled.
        csv_path = os.path.join(tmp, "ratings.csv")
        exported, _ = run(binary, root, "export", "-q", "--rubric", "rubrics/winwin-ecosystem-2017.yaml",
                          "companies/2017")
        with open(csv_path, "wb") as f:
            f.write(exported)
        found, _ = check(binary, root, tmp, "rubrics/winwin-ecosystem-2017.yaml", [csv_path], [])
        bad += found
        # With nowhere to put the indicators, every firm stays in memory.
        found, logs = check(binary, root, tmp, "rubrics/winwin-ecosystem-2016.yaml", ["companies/2016"], [],
                            tmpdir=os.path.join(tmp, "missing"))
        bad += found
        log = logs["json"]
        if "keeping every company in memory" not in log or re.search(STORED, log) or re.search(RELEASED, log):
            print("no temporary folder: expected every company kept in memory\n" + log[-500:])
            bad += 1
    print("streamed runs: " + ("ok" if bad == 0 else f"{bad} problems"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
