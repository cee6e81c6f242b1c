#!/usr/bin/env python3
"""make bench: the whole suite's time, and its slowest cases.

Runs the suite once (its own record in a scratch directory) and prints the
wall time and the ten slowest cases; a case over 0.2 s must say why in its
header (CONTRIBUTING.md), and is marked so here.  Timings on a shared
machine vary: the record's durations are what this run measured.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

LIMIT = 0.2


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runner", required=True)
    ap.add_argument("--slowest", type=int, default=10)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mmapcts-bench.") as tmp:
        record = os.path.join(tmp, "record.json")
        start = time.monotonic()
        proc = subprocess.run([args.runner, "--no-progress", "--json", record],
                              capture_output=True, text=True,
                              env=dict(os.environ, TMPDIR=tmp))
        wall = time.monotonic() - start
        if not os.path.exists(record):
            print(f"bench: the suite wrote no record (exit {proc.returncode})", file=sys.stderr)
            return 1
        with open(record, encoding="utf-8") as f:
            cases = json.load(f)["cases"]
    print(f"suite: {len(cases)} cases in {wall:.2f} s wall (runner exit {proc.returncode})")
    for c in sorted(cases, key=lambda c: -c["duration"])[:args.slowest]:
        mark = "  over 0.2 s (its header must say why)" if c["duration"] > LIMIT else ""
        print(f"  {c['duration']:6.3f} s  {c['id']}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
