#!/usr/bin/env python3
"""reports/2016 is exactly what the tool writes for the shipped 2016 inputs.

Scores companies/2016 again into a temporary folder and compares every file
with the archived run, byte for byte. A difference means either the archive
or the scoring changed: regenerate the archive with scripts/run.sh on purpose
and review the diff.
Usage: check_archive.py ECOSCORE REPO_ROOT
"""
import os
import subprocess
import sys
import tempfile


def main() -> int:
    binary, root = sys.argv[1:3]
    archive = os.path.join(root, "reports", "2016")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "run")
        subprocess.run([binary, "score", "-q", "--rubric", "rubrics/winwin-ecosystem-2016.yaml", "--out", out,
                        "companies/2016"], cwd=root, check=True, capture_output=True,
                       env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "TZ": "UTC"})
        fresh = sorted(os.listdir(out))
        kept = sorted(os.listdir(archive))
        if fresh != kept:
            print(f"files differ: archive {kept}, fresh run {fresh}")
            return 1
        for name in fresh:
            with open(os.path.join(out, name), "rb") as a, open(os.path.join(archive, name), "rb") as b:
                if a.read() != b.read():
                    print(f"{name} differs from reports/2016/{name}")
                    return 1
        print(f"reports/2016: {len(fresh)} files identical to a fresh run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
