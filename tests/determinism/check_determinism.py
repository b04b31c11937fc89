#!/usr/bin/env python3
"""The same inputs give the same bytes: under other time zones and locales,
from another working directory, and whatever order the inputs are listed in.

Scores the shipped 2016 evaluation with `--out` (every report file) and
`--format json` (stdout) in each setting and compares the bytes.
Usage: check_determinism.py ECOSCORE REPO_ROOT
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

RUBRIC = "rubrics/winwin-ecosystem-2016.yaml"


def run(binary, cwd, out, env_extra, inputs):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    env.update(env_extra)
    cmd = [binary, "score", "-q", "--rubric", RUBRIC, "--format", "json", "--out", out] + inputs
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, check=True)
    files = {name: open(os.path.join(out, name), "rb").read() for name in sorted(os.listdir(out))}
    # The manifest records where the run folder sits relative to the working
    # folder and the input paths as given on the command line, which differ
    # between these settings by design; everything else must be the same.
    manifest = json.loads(files["manifest.json"])
    del manifest["working_directory"]
    del manifest["options"]["paths"]
    files["manifest.json"] = json.dumps(manifest, sort_keys=True).encode()
    return proc.stdout, files


def build_locales(folder):
    """Compiles de_DE.UTF-8 and ko_KR.UTF-8 into `folder` (for LOCPATH), so
    that the settings below run under real locales with a decimal comma and
    Korean names, without touching the system's locales. Fails loudly when
    they cannot be built: a locale that silently falls back to C proves
    nothing."""
    for name, source in (("de_DE.UTF-8", "de_DE"), ("ko_KR.UTF-8", "ko_KR")):
        subprocess.run(["localedef", "-i", source, "-f", "UTF-8", os.path.join(folder, name)],
                       check=True, capture_output=True)
    probe = subprocess.run(["locale", "decimal_point"], capture_output=True, text=True, check=True,
                           env={"LOCPATH": folder, "LC_ALL": "de_DE.UTF-8", "PATH": os.environ.get("PATH", "")})
    if probe.stdout.strip() != ",":
        raise SystemExit(f"de_DE.UTF-8 did not load (decimal point {probe.stdout.strip()!r})")


def main() -> int:
    binary, root = sys.argv[1:3]
    work = tempfile.mkdtemp(prefix="ecoscore-determinism-")
    try:
        locales = os.path.join(work, "locales")
        os.makedirs(locales)
        build_locales(locales)
        # A copy of the inputs elsewhere, run with the same relative paths.
        elsewhere = os.path.join(work, "elsewhere")
        os.makedirs(os.path.join(elsewhere, "companies"))
        shutil.copytree(os.path.join(root, "rubrics"), os.path.join(elsewhere, "rubrics"))
        shutil.copytree(os.path.join(root, "companies", "2016"), os.path.join(elsewhere, "companies", "2016"))
        files_sorted = sorted(os.path.relpath(p, root) for p in glob.glob(os.path.join(root, "companies/2016/*.yaml")))

        settings = [
            ("reference", root, {"TZ": "UTC", "LC_ALL": "C"}, ["companies/2016"]),
            ("Seoul, ko_KR", root, {"TZ": "Asia/Seoul", "LC_ALL": "ko_KR.UTF-8", "LANG": "ko_KR.UTF-8",
                                    "LOCPATH": locales}, ["companies/2016"]),
            ("New York, de_DE", root, {"TZ": "America/New_York", "LC_ALL": "de_DE.UTF-8", "LOCPATH": locales},
             ["companies/2016"]),
            ("another directory", elsewhere, {"TZ": "Pacific/Auckland", "LC_ALL": "C.UTF-8"}, ["companies/2016"]),
            ("files listed in reverse", root, {"TZ": "UTC"}, list(reversed(files_sorted))),
        ]
        reference = None
        failed = False
        for i, (name, cwd, env, inputs) in enumerate(settings):
            result = run(binary, cwd, os.path.join(work, f"out{i}"), env, inputs)
            if reference is None:
                reference = result
                print(f"reference: {len(result[0])} bytes of JSON, files {', '.join(result[1])}")
                continue
            same = result == reference
            print(f"{name}: {'identical' if same else 'DIFFERENT'}")
            if not same:
                failed = True
                for fname in sorted(set(result[1]) | set(reference[1])):
                    if result[1].get(fname) != reference[1].get(fname):
                        print(f"  {fname} differs")
        if failed:
            return 1
        print(f"{len(settings) - 1} settings, 1 reference: all identical")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
