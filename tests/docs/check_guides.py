#!/usr/bin/env python3
"""The guides' commands work as shown.

In docs/guide-*.md every ```console block holds commands (lines starting with
"$ ") each followed by lines of its expected output; each expected line must
appear in what the command prints (stdout and stderr). A command ends with
"# exits N" when it is meant to fail with N; otherwise it must exit 0. The
commands of one guide run in order, in one fresh folder that links the
repository's rubrics, companies, reports and tests, with `ecoscore` on PATH.
Usage: check_guides.py ECOSCORE REPO_ROOT
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile


def steps(markdown):
    for block in re.findall(r"```console\n(.*?)```", markdown, re.S):
        current = None
        for line in block.splitlines():
            if line.startswith("$ "):
                if current:
                    yield current
                command = line[2:]
                exit_code = 0
                m = re.search(r"\s+# exits (\d+)$", command)
                if m:
                    exit_code = int(m.group(1))
                    command = command[: m.start()]
                current = (command, exit_code, [])
            elif current and line.strip():
                current[2].append(line)
        if current:
            yield current


def main() -> int:
    binary, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    failures = ran = 0
    for guide in sorted(glob.glob(os.path.join(root, "docs", "guide-*.md"))):
        work = tempfile.mkdtemp(prefix="ecoscore-guide-")
        try:
            bindir = os.path.join(work, ".bin")
            os.makedirs(bindir)
            os.symlink(binary, os.path.join(bindir, "ecoscore"))
            for name in ("rubrics", "companies", "reports", "tests", "docs"):
                os.symlink(os.path.join(root, name), os.path.join(work, name))
            env = {"PATH": bindir + ":" + os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8",
                   "TZ": "UTC", "NO_COLOR": "1"}
            with open(guide, encoding="utf-8") as f:
                text = f.read()
            for command, exit_code, expected in steps(text):
                ran += 1
                proc = subprocess.run(["bash", "-c", command], cwd=work, env=env, capture_output=True, text=True)
                said = proc.stdout + proc.stderr
                problems = []
                if proc.returncode != exit_code:
                    problems.append(f"exit {proc.returncode}, expected {exit_code}")
                problems += [f"missing: {line!r}" for line in expected if line not in said]
                if problems:
                    failures += 1
                    print(f"FAIL {os.path.basename(guide)}: $ {command}")
                    for p in problems:
                        print(f"    {p}")
                    print("    said: " + said[:600].replace("\n", "\n          "))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{ran} commands from the guides, {failures} failed")
    return 1 if failures or ran == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
