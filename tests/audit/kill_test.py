#!/usr/bin/env python3
"""Publication survives being killed at any moment.

Runs `score --out` and kills it with SIGKILL after a random delay, many times,
into a fresh folder and over an existing run folder (--force). After each kill:
- every file with a final name is complete: byte for byte the old or the new
  version, never a mix or a prefix;
- when manifest.json is there, every output it lists matches its hash, so a
  folder that claims to be a run is one.
Temporary files (".name.tmp-XXXXXX") may remain: SIGKILL allows no clean-up,
and they never carry a final name.
Usage: kill_test.py ECOSCORE REPO_ROOT
"""
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time



def command(binary, out, date, force):
    cmd = [binary, "score", "-q", "--rubric", "rubrics/winwin-ecosystem-2016.yaml", "--date", date, "--out", out]
    return cmd + (["--force"] if force else []) + ["companies/2016"]


def snapshot(folder):
    """Every file under a final name; temporary files are hidden (.name.tmp-XXXXXX)."""
    return {n: open(os.path.join(folder, n), "rb").read() for n in os.listdir(folder) if not n.startswith(".")}


def main() -> int:
    binary, root = sys.argv[1:3]
    rng = random.Random(20161231)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"}
    work = tempfile.mkdtemp(prefix="ecoscore-kill-")
    try:
        versions = {}
        for date in ("2016-12-31", "2017-01-02"):
            out = os.path.join(work, "ref-" + date)
            subprocess.run(command(binary, out, date, False), cwd=root, env=env, check=True, capture_output=True)
            versions[date] = snapshot(out)
        old, new = versions["2016-12-31"], versions["2017-01-02"]
        assert old["report.md"] != new["report.md"], "the two versions must differ to tell them apart"

        problems = []
        kills = 0
        for i in range(60):
            force = i % 2 == 1
            out = os.path.join(work, f"run{i}")
            if force:
                shutil.copytree(os.path.join(work, "ref-2016-12-31"), out)
            proc = subprocess.Popen(command(binary, out, "2017-01-02", force), cwd=root, env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.0, 0.25))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            proc.wait()
            if not os.path.isdir(out):
                continue
            files = snapshot(out)
            for name, data in files.items():
                if data != new.get(name) and not (force and data == old.get(name)):
                    problems.append(f"run{i}: {name} is partial or mixed")
            if "manifest.json" in files:
                manifest = json.loads(files["manifest.json"])
                for o in manifest["outputs"]:
                    data = files.get(o["name"])
                    if data is None or hashlib.sha256(data).hexdigest() != o["sha256"]:
                        problems.append(f"run{i}: manifest.json claims {o['name']} which does not match")
        for p in problems:
            print(p)
        print(f"60 runs, {kills} killed part-way: {'no partial file' if not problems else 'PROBLEMS'}")
        return 1 if problems else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
