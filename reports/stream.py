#!/usr/bin/env python3
"""Turn a guest's console log into mmapcts run records.

  stream.py LOG --out-dir DIR [--vm KEY=VALUE ...] [--expectations FILE]

In a QEMU guest the runner writes its run as stream lines into a console
or virtio port (mmapcts --stream), and the host captures it to LOG.  Each
run in LOG becomes one record, the runner's document plus a "vm" object:
the --vm pairs (qemu, accel, machine, kernel_package, guest_end, ...) and
what the stream lost; mmapcts_formats.stream, beside this script, says how.
With --expectations each result is marked expected, or not, against the
record's "qemu-system" key ("uml" with --vm emulation=uml, as ci/uml-run
passes for User-Mode Linux), as the runner's --expectations does.

Prints each record's path and a one-line summary of its run.  Exit status 0;
2 on bad input (one line on stderr naming the file): no stream line, a run
whose begin event was lost, another format version, an unusable
expectations file.  Python standard library only.
"""
import argparse
import sys

from mmapcts_formats import expectations, stream
from mmapcts_formats.errors import FormatError, bad_input


def vm_pair(text):
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"{text!r}: expected KEY=VALUE")
    return key, value


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Turn a guest's console log into mmapcts run records.")
    ap.add_argument("log", help="the console log (stream lines mixed with anything)")
    ap.add_argument("--out-dir", required=True, help="where the records go")
    ap.add_argument("--vm", action="append", type=vm_pair, default=[],
                    metavar="KEY=VALUE",
                    help="describes the guest (qemu=, accel=, machine=, kernel_package=, "
                         "kernel_source=, guest_end=, ...); repeatable")
    ap.add_argument("--expectations", metavar="FILE",
                    help="mark the results that FILE lists as known deviations")
    args = ap.parse_args(argv)
    try:
        known = expectations.load(args.expectations) if args.expectations else None
        with open(args.log, "rb") as f:
            # A serial console carries stray bytes; they must not stop the rest.
            text = f.read().decode("utf-8", errors="replace")
        runs = stream.parse_log(text)
        if not runs:
            raise stream.StreamError(f"{args.log}: no {stream.MARKER} line")
        try:
            written = stream.write_records(runs, args.out_dir, dict(args.vm), known, args.log)
        except stream.StreamError as err:
            raise stream.StreamError(f"{args.log}:{err}") from None
    except (FormatError, OSError) as err:
        return bad_input("stream", err)
    for path, rec in written:
        print(path)
        print("  " + stream.summary_line(rec))
    lost = stream.lost_runs(runs)
    if lost:
        events = sum(len(r.started) + len(r.cases) for r in lost)
        print(f"stream: {args.log}:{lost[0].line}: {len(lost)} run(s) whose begin event "
              f"was lost ({events} start and result events not written)", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
