#!/usr/bin/env python3
"""Times commands side by side: each round runs every command once, in turn
(interleaved, so that a slow spell of the machine hits all alike), for ROUNDS
rounds; reports each command's median wall time, the ratio to the first
command, and its peak resident memory (the child's ru_maxrss, what
/usr/bin/time -v reports as "Maximum resident set size").
Goals (checked against the first command, printed as met or NOT met; the
exit status stays 0, since a benchmark reports rather than fails):
  goal:faster:LABEL:X    LABEL's median time is at least X times the first's
  goal:within:LABEL:X    the first's median time is at most X times LABEL's
  goal:memory:MIB        the first's peak RSS is under MIB MiB
  goal:memshare:LABEL:X  the first's peak RSS is at most X times LABEL's
Usage: run_bench.py ROUNDS LABEL=COMMAND [LABEL=COMMAND...] [goal:...]
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
    goals = [arg.split(":")[1:] for arg in sys.argv[2:] if arg.startswith("goal:")]
    commands = [arg.split("=", 1) for arg in sys.argv[2:] if not arg.startswith("goal:")]
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
    me = commands[0][0]
    for goal in goals:
        kind = goal[0]
        if kind == "faster":
            value = statistics.median(times[goal[1]]) / first
            text, met = f"{value:.2f}x faster than {goal[1]} (goal >= {goal[2]}x)", value >= float(goal[2])
        elif kind == "within":
            value = first / statistics.median(times[goal[1]])
            text, met = f"{value:.2f}x the time of {goal[1]} (goal <= {goal[2]}x)", value <= float(goal[2])
        elif kind == "memory":
            text, met = f"peak RSS {rss[me]:.1f} MiB (goal < {goal[1]} MiB)", rss[me] < float(goal[1])
        elif kind == "memshare":
            value = rss[me] / rss[goal[1]]
            text, met = f"peak RSS {value:.3f} of {goal[1]}'s (goal <= {goal[2]})", value <= float(goal[2])
        else:
            raise SystemExit(f"unknown goal {kind}")
        print(f"  goal: {me} {text}: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
