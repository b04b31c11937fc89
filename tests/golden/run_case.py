#!/usr/bin/env python3
"""Runs one golden case: the real ecoscore binary on fixtures.

A case is a folder under tests/golden/ holding
  cmd       the arguments, one line, split like a POSIX shell would
  stdout    the expected standard output
  stderr    the expected standard error
  exit      the expected exit code
The command runs from the repository root with TZ=UTC, LC_ALL=C.UTF-8 and
NO_COLOR=1, so that output does not depend on the machine.

ECOSCORE_UPDATE_GOLDEN=1 rewrites the expected files from the actual output;
review the diff before committing it.
"""
import os
import shlex
import subprocess
import sys


def main() -> int:
    if len(sys.argv) != 4:
        print("usage: run_case.py ECOSCORE REPO_ROOT CASE_DIR", file=sys.stderr)
        return 2
    binary, root, case = sys.argv[1:]
    with open(os.path.join(case, "cmd"), encoding="utf-8") as f:
        args = shlex.split(f.read().strip())
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TZ": "UTC",
        "LC_ALL": "C.UTF-8",
        "NO_COLOR": "1",
    }
    proc = subprocess.run([binary] + args, cwd=root, env=env, capture_output=True, timeout=60)
    actual = {"stdout": proc.stdout, "stderr": proc.stderr, "exit": f"{proc.returncode}\n".encode()}

    if os.environ.get("ECOSCORE_UPDATE_GOLDEN") == "1":
        for name, data in actual.items():
            with open(os.path.join(case, name), "wb") as f:
                f.write(data)
        print(f"updated {case}")
        return 0

    failed = False
    for name, data in actual.items():
        path = os.path.join(case, name)
        try:
            with open(path, "rb") as f:
                expected = f.read()
        except FileNotFoundError:
            print(f"{case}: missing expected file '{name}'", file=sys.stderr)
            failed = True
            continue
        if expected != data:
            failed = True
            print(f"--- {name}: expected", file=sys.stderr)
            sys.stderr.write(expected.decode("utf-8", "replace"))
            print(f"--- {name}: actual", file=sys.stderr)
            sys.stderr.write(data.decode("utf-8", "replace"))
    if failed:
        print(f"FAILED: {case} (ecoscore {' '.join(args)})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
