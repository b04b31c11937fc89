#!/usr/bin/env python3
"""Times commands side by side: each round runs every command once, in turn
(interleaved, so that a slow spell of the machine hits all alike), for ROUNDS
rounds; reports each command's median wall time, the ratio to the first
command, and its peak resident memory (the child's ru_maxrss, what
/usr/bin/time -v reports as "Maximum resident set size").
Usage: run_bench.py ROUNDS LABEL=COMMAND [LABEL=COMMAND...]
"""
import os
import statistics
import subprocess
import sys
import time


def run_once(command):
    start = time.perf_counter()
    proc = subprocess.Popen(["bash", "-c", command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {command}\n{err}")
    return elapsed, usage.ru_maxrss / 1024.0  # MiB


def main():
    rounds = int(sys.argv[1])
    commands = [arg.split("=", 1) for arg in sys.argv[2:]]
    times = {label: [] for label, _ in commands}
    rss = {label: 0.0 for label, _ in commands}
    for _ in range(rounds):
        for label, command in commands:
            t, m = run_once(command)
            times[label].append(t)
            rss[label] = max(rss[label], m)
    first = statistics.median(times[commands[0][0]])
    for label, _ in commands:
        median = statistics.median(times[label])
        print(f"  {label:<44} median {median:8.3f} s   x{median / first:6.2f} of {commands[0][0]:<10} peak RSS {rss[label]:8.1f} MiB")


if __name__ == "__main__":
    main()
