#!/usr/bin/env python3
"""A full disk loses nothing: the previous run folder stays whole.

As root, mounts a small tmpfs, publishes a small run into it, then replaces it
(--force) with a run too large to fit. The second run must fail with exit 73
or 74, leave no temporary file, and leave every file of the first run
byte for byte as it was, manifest included. Without root (or when the kernel
refuses the mount) it prints why and exits 77, which ctest reports as skipped.
Usage: full_disk_test.py ECOSCORE REPO_ROOT
"""
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def snapshot(folder):
    return {n: open(os.path.join(folder, n), "rb").read() for n in sorted(os.listdir(folder))}


def main() -> int:
    binary, root = sys.argv[1:3]
    if os.geteuid() != 0:
        print("skipped: mounting a small tmpfs needs root")
        return SKIP
    mount = tempfile.mkdtemp(prefix="ecoscore-full-disk-")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", mount], capture_output=True, text=True)
    if mounted.returncode != 0:
        print(f"skipped: cannot mount a tmpfs here ({mounted.stderr.strip()})")
        os.rmdir(mount)
        return SKIP
    try:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"}
        out = os.path.join(mount, "run")
        small = [binary, "score", "-q", "--rubric", "tests/data/mini/rubric.yaml", "--out", out, "tests/data/mini"]
        subprocess.run(small, cwd=root, env=env, check=True, capture_output=True)
        before = snapshot(out)
        big = [binary, "score", "-q", "--rubric", "rubrics/winwin-ecosystem-2016.yaml", "--robustness",
               "--out", out, "--force", "companies/2016"]
        proc = subprocess.run(big, cwd=root, env=env, capture_output=True, text=True)
        failed = False
        if proc.returncode not in (73, 74):
            print(f"expected exit 73 or 74 on a full disk, got {proc.returncode}: {proc.stderr.strip()}")
            failed = True
        else:
            print(f"refused with exit {proc.returncode}: {proc.stderr.strip()}")
        after = snapshot(out)
        if after != before:
            changed = sorted(n for n in set(before) | set(after) if before.get(n) != after.get(n))
            print(f"the previous run folder changed: {', '.join(changed)}")
            failed = True
        else:
            print(f"the previous run folder is intact: {len(before)} files, manifest included")
        return 1 if failed else 0
    finally:
        subprocess.run(["umount", mount], check=False)
        shutil.rmtree(mount, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
