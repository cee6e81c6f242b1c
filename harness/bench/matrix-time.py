#!/usr/bin/env python3
"""make bench: what the fault matrix costs against one suite run.

Runs reports/faults.py (the trace, then each fault over the cases that
reached its hooks) into a scratch directory and prints the time it measured
for the whole matrix against the time of the one clean suite run it made
first, wall and CPU (the machine may be shared: CPU time says more then).
The target is 10x or less.
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FAULTS = os.path.join(HERE, "..", "..", "reports", "faults.py")
MATRIX = os.path.join(HERE, "..", "..", "reports", "faults-matrix.tsv")
TARGET = 10.0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runner", required=True)
    ap.add_argument("--full", action="store_true", help="time the matrix without selection")
    args = ap.parse_args(argv)
    for mode, extra in (("witness (make check)", ["--witness", MATRIX]),
                        ("full" if args.full else "traced selection (make faults)",
                         ["--full"] if args.full else [])):
        status = one(args.runner, mode, extra)
        if status:
            return status
    return 0


def one(runner, mode, extra):
    with tempfile.TemporaryDirectory(prefix="mmapcts-bench.") as tmp:
        cmd = [sys.executable, FAULTS, "--runner", runner, "--out", tmp]
        proc = subprocess.run(cmd + extra, capture_output=True, text=True)
    line = next((ln.strip() for ln in proc.stdout.splitlines() if ln.strip().startswith("time:")),
                None)
    if not line:
        print(f"bench: faults.py gave no time (exit {proc.returncode}): {proc.stderr[-300:]}",
              file=sys.stderr)
        return 1
    ratio = float(line.split(" s CPU: ", 1)[1].split("x", 1)[0])
    print(f"fault matrix, {mode}: {line[6:]}")
    print(f"fault matrix, {mode}: {ratio:.1f}x one suite run (wall); target {TARGET:.0f}x: "
          f"{'met' if ratio <= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
