#!/usr/bin/env python3
"""Fails when a command or an option of the CLI has no golden case.

Commands come from `ecoscore --help`, options from `ecoscore COMMAND --help`.
A case covers an option when its cmd line names it in long form; a command's
option must be named by a case of that command. Usage:
  check_coverage.py ECOSCORE GOLDEN_DIR
"""
import os
import re
import subprocess
import sys


def help_text(binary, *args):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "NO_COLOR": "1"}
    return subprocess.run([binary, *args, "--help"], capture_output=True, text=True, env=env, check=True).stdout


def options_in(text):
    return sorted(set(re.findall(r"--([a-z][a-z-]+)", text)))


def names(cmd, option):
    return any(a == "--" + option or a.startswith("--" + option + "=") for a in cmd)


def main() -> int:
    binary, golden = sys.argv[1:3]
    cases = []
    for case in sorted(os.listdir(golden)):
        path = os.path.join(golden, case, "cmd")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                cases.append(f.read().split())
    main_help = help_text(binary)
    command_block = main_help.split("Commands:")[1].split("\n\n")[0]
    commands = re.findall(r"^  ([a-z][a-z-]*) ", command_block, re.M)
    missing = []
    # The common options are one set, shown by every command's help: a case of
    # any command covers them.
    common = options_in(main_help.split("Options")[1])
    for option in common:
        if not any(names(c, option) for c in cases):
            missing.append(f"global option --{option}")
    for command in commands:
        uses = [c for c in cases if command in c]
        if not uses:
            missing.append(f"command '{command}'")
            continue
        for option in options_in(help_text(binary, command)):
            if option not in common and not any(names(c, option) for c in uses):
                missing.append(f"option --{option} of '{command}'")
    if missing:
        print("No golden case covers:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 1
    print(f"every command and option has a golden case ({len(commands)} commands, {len(cases)} cases)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
