#!/usr/bin/env python3
"""Runs one golden case: the real ecoscore binary on fixtures.

A case is a folder under tests/golden/ holding
  cmd       the arguments, split like a POSIX shell would (a quoted argument
            may hold a newline); {tmp} stands for a fresh empty folder
  stdin     optional: what the command reads on standard input (else nothing)
  setup     optional: a bash script run inside {tmp} first, with ECOSCORE
            (the binary) and REPO (the repository root) in its environment
  stdout    the expected standard output
  stderr    the expected standard error
  exit      the expected exit code
  files/    optional: the files the command wrote or changed in {tmp} (what the
            setup put there and the command left alone is not compared)
The command runs from the repository root with TZ=UTC, LC_ALL=C.UTF-8 and
NO_COLOR=1, so that output does not depend on the machine; the installed
OpenSSL's version, which security updates change, is masked in stdout.

ECOSCORE_UPDATE_GOLDEN=1 rewrites the expected files from the actual output;
review the diff before committing it.
"""
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile


def tree(folder):
    """Relative path -> bytes of every file below folder.

    A manifest's working_directory is the way from the run folder back to the
    checkout, which depends on where the checkout and the temporary folder
    are; it is masked so the rest of the manifest can be compared exactly.
    """
    found = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            # Pipes, devices and links a setup made are inputs, not outputs;
            # reading them could block (a FIFO) or never end (/dev/zero).
            if not stat.S_ISREG(os.lstat(path).st_mode):
                continue
            with open(path, "rb") as f:
                data = f.read()
            if name == "manifest.json":
                data = re.sub(rb'"working_directory": "[^"]*"', b'"working_directory": "{masked}"', data)
            found[os.path.relpath(path, folder)] = data
    return found


def main() -> int:
    if len(sys.argv) != 4:
        print("usage: run_case.py ECOSCORE REPO_ROOT CASE_DIR", file=sys.stderr)
        return 2
    binary, root, case = sys.argv[1:]
    tmp = tempfile.mkdtemp(prefix="ecoscore-golden-")
    try:
        return run(binary, root, case, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(binary, root, case, tmp) -> int:
    with open(os.path.join(case, "cmd"), encoding="utf-8") as f:
        args = [a.replace("{tmp}", tmp) for a in shlex.split(f.read().strip())]
    setup = os.path.join(case, "setup")
    if os.path.exists(setup):
        subprocess.run(["bash", setup], cwd=tmp, check=True,
                       env=dict(os.environ, ECOSCORE=os.path.abspath(binary), REPO=os.path.abspath(root)))
    before = tree(tmp)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TZ": "UTC",
        "LC_ALL": "C.UTF-8",
        "NO_COLOR": "1",
    }
    stdin_path = os.path.join(case, "stdin")
    stdin = open(stdin_path, "rb").read() if os.path.exists(stdin_path) else b""
    proc = subprocess.run([binary] + args, cwd=root, env=env, input=stdin, capture_output=True, timeout=60)
    # The temporary folder's name differs from run to run. OpenSSL's version
    # (in --version) is the installed library's, which Debian's security
    # updates change under a checkout: masked, the rest of the line compared.
    stdout = re.sub(rb"OpenSSL [0-9][^,\n]*", b"OpenSSL {masked}", proc.stdout)
    actual = {"stdout": stdout.replace(tmp.encode(), b"{tmp}"),
              "stderr": proc.stderr.replace(tmp.encode(), b"{tmp}"),
              "exit": f"{proc.returncode}\n".encode()}
    written = {k: v for k, v in tree(tmp).items() if before.get(k) != v}
    expected_dir = os.path.join(case, "files")

    if os.environ.get("ECOSCORE_UPDATE_GOLDEN") == "1":
        for name, data in actual.items():
            with open(os.path.join(case, name), "wb") as f:
                f.write(data)
        shutil.rmtree(expected_dir, ignore_errors=True)
        for rel, data in written.items():
            os.makedirs(os.path.dirname(os.path.join(expected_dir, rel)), exist_ok=True)
            with open(os.path.join(expected_dir, rel), "wb") as f:
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
    expected_files = tree(expected_dir) if os.path.isdir(expected_dir) else {}
    for rel in sorted(set(expected_files) | set(written)):
        if expected_files.get(rel) != written.get(rel):
            failed = True
            state = "missing" if rel not in written else ("unexpected" if rel not in expected_files else "differs")
            print(f"--- file {rel}: {state}", file=sys.stderr)
    if failed:
        print(f"FAILED: {case} (ecoscore {' '.join(args)})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
