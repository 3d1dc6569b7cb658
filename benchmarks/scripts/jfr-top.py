#!/usr/bin/env python3
"""Where a JMH benchmark spends its time, from a JFR recording (docs/PERFORMANCE.md, "Profiles").

    python3 benchmarks/scripts/jfr-top.py recording.jfr [top]
    python3 benchmarks/scripts/jfr-top.py --alloc recording.jfr [top]

Reads jdk.ExecutionSample events (or, with --alloc, jdk.ObjectAllocationSample events weighted by
their sampled bytes, grouped by allocated class and by the first statewire frame that allocates) with `jfr print --json` (the JDK's own tool), keeps the samples of
the benchmark thread (stacks that contain a JMH stub), and prints the hottest top frames, top
frames by source line, and the inclusive share of each method. Python standard library only.
"""
import collections
import json
import subprocess
import sys


def main(path, top=25):
    out = subprocess.run(
        ["jfr", "print", "--json", "--stack-depth", "128", "--events", "jdk.ExecutionSample", path],
        capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    self_ = collections.Counter()
    lines = collections.Counter()
    incl = collections.Counter()
    n = 0
    for e in events:
        frames = e["values"]["stackTrace"]["frames"]
        names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
        if not any("_jmhStub" in x for x in names):
            continue
        n += 1
        self_[names[0]] += 1
        lines[f"{names[0]}:{frames[0]['lineNumber']}"] += 1
        for m in set(names):
            incl[m] += 1
    print(f"{n} samples of the benchmark thread")
    for title, counter in (("self (top frame)", self_), ("self by line", lines), ("inclusive", incl)):
        print(f"-- {title}")
        for k, v in counter.most_common(top):
            print(f"{100 * v / n:5.1f}%  {k}")


def alloc(path, top=25):
    out = subprocess.run(
        ["jfr", "print", "--json", "--stack-depth", "128", "--events", "jdk.ObjectAllocationSample", path],
        capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    by_site = collections.Counter()
    total = 0
    for e in events:
        v = e["values"]
        frames = v["stackTrace"]["frames"] if v.get("stackTrace") else []
        names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
        if not any("_jmhStub" in x for x in names):
            continue
        site = next((f"{x}:{f['lineNumber']}" for x, f in zip(names, frames) if x.startswith("dev.statewire")), names[0])
        cls = v["objectClass"]["name"].replace("/", ".")
        by_site[f"{cls:45s} at {site}"] += v["weight"]
        total += v["weight"]
    print(f"sampled allocation weight of the benchmark thread: {total} bytes")
    for k, w in by_site.most_common(top):
        print(f"{100 * w / total:5.1f}%  {k}")


if __name__ == "__main__":
    if sys.argv[1] == "--alloc":
        alloc(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 25)
    else:
        main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25)
