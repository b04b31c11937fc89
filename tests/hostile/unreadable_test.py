#!/usr/bin/env python3
"""An input that exists but cannot be read is reported, not skipped.

Copies a valid company file and the rubric into a fresh folder, removes every
permission from the company file and validates both. Root reads anything, so
as root the command runs as user 'nobody' (setpriv). Expects exit 66 and a
message naming the file.
Usage: unreadable_test.py ECOSCORE REPO_ROOT
"""
import os
import shutil
import subprocess
import sys
import tempfile


def main() -> int:
    binary, root = sys.argv[1:3]
    work = tempfile.mkdtemp(prefix="ecoscore-unreadable-")
    try:
        os.chmod(work, 0o755)
        rubric = os.path.join(work, "rubric.yaml")
        locked = os.path.join(work, "locked.yaml")
        shutil.copy(os.path.join(root, "tests/data/mini/rubric.yaml"), rubric)
        shutil.copy(os.path.join(root, "tests/data/mini/sme-b.yaml"), locked)
        os.chmod(rubric, 0o644)
        os.chmod(locked, 0o000)
        cmd = [binary, "validate", "--rubric", rubric, locked]
        if os.geteuid() == 0:
            cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + cmd
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"}
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        expected = f"{locked}: error: cannot read the file: Permission denied"
        if proc.returncode != 66 or expected not in proc.stderr:
            print(f"expected exit 66 and '{expected}', got {proc.returncode}: {proc.stderr.strip()}")
            return 1
        print(f"exit 66: {proc.stderr.strip()}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
