"""The stream: a run as "@mmapcts-stream <seq> <json>" lines, written by the
runner (--stream, harness/record.c) as each event happens, into a channel
that outlives it (a guest's console or virtio port); and the record made
from it when the host has captured the channel to a log.

A marker may sit anywhere in a console line (printk text may precede it, a
"\\r" may follow); seq counts from 1 per runner process; the JSON object is
one event: begin (the record's format, suite, system and run), start (a case
id), result (a case, exactly as the record lists it) or end (end, duration,
summary, complete).  One log may hold several runs; each begin starts one.

Each run becomes one record, the document the runner itself writes, plus a
"vm" object: how the guest ran (the caller's pairs), the log, how many
stream lines were garbled (the marker is there, the JSON is not) or lost (a
gap in seq), and, when the run did not end, the console after its last
stream line ("console_tail": the panic, say).  Its presence makes the
record's system key end in "qemu-system", or in "uml" where the pairs say
emulation=uml (expectations.py).
"""
import collections
import json
import os
import re
from dataclasses import dataclass, field

from . import expectations
from .errors import FormatError
from . import record
from .record import CUT_SHORT, FORMAT, NOT_RUN, VERDICTS, VERSION, dumps, summarize

MARKER = "@mmapcts-stream"
TAIL_LINES = 60
EVENTS = ("begin", "start", "result", "end")


class StreamError(FormatError):
    """Input that yields no usable record; the message names file and line."""


@dataclass
class Run:
    """The stream lines of one runner process, as far as they came through."""
    line: int                    # the log line of the begin event (or first event)
    head: dict = None            # the begin event's record; None if the begin was lost
    cases: dict = field(default_factory=dict)       # id -> case, in order of arrival
    started: list = field(default_factory=list)     # ids of start events, in order
    end: dict = None             # the end event; None if the run never ended
    garbled: int = 0             # marker lines whose seq or JSON did not parse
    lost: int = 0                # seq numbers that never appeared
    last_seq: int = 0
    tail: collections.deque = field(
        default_factory=lambda: collections.deque(maxlen=TAIL_LINES))

    @property
    def in_flight(self):
        """Cases started with no result: running when the stream stopped."""
        return [i for i in dict.fromkeys(self.started) if i not in self.cases]

    @property
    def ended_cleanly(self):
        return bool(self.end and self.end.get("complete") is True and not self.in_flight)


def _event(text):
    """The event object at the start of text (trailing junk ignored), or None."""
    try:
        obj, _ = json.JSONDecoder().raw_decode(text.strip())
    except (ValueError, RecursionError):
        return None
    if not isinstance(obj, dict) or obj.get("event") not in EVENTS:
        return None
    kind = obj["event"]
    # The shapes report.py reads: anything else is as unusable as bad JSON.
    if kind == "begin":
        record = obj.get("record")
        system = record.get("system") if isinstance(record, dict) else None
        if not (isinstance(system, dict) and isinstance(system.get("libc", {}), dict)
                and isinstance(system.get("tmpdir", {}), dict)):
            return None
    if kind == "start" and not isinstance(obj.get("id"), str):
        return None
    if kind == "result":
        case = obj.get("case")
        if not (isinstance(case, dict) and isinstance(case.get("id"), str)
                and isinstance(case.get("verdict"), str)
                and isinstance(case.get("observations") or {}, dict)):
            return None
    return obj


def _stream_parts(line):
    """(seq or None, rest) for each marker in a console line."""
    for chunk in line.split(MARKER)[1:]:
        m = re.match(r"\s+([0-9]{1,18})\s+(.*)", chunk, re.S)
        yield (int(m.group(1)), m.group(2)) if m else (None, chunk)


def parse_log(text):
    """The runs in a console log, in order.  A run whose begin event was lost
    (garbled, or a new runner process seen only by its seq starting over)
    has head None; its events are kept so the caller can say what was lost."""
    runs = []
    run = None
    for lineno, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r\n")
        if MARKER not in line:
            if run is not None and line.strip():
                run.tail.append(line)
            continue
        for seq, rest in _stream_parts(line):
            event = _event(rest) if seq is not None else None
            if event is not None and event["event"] == "begin":
                run = Run(line=lineno, head=event["record"])
                runs.append(run)
            elif run is None or (seq is not None and seq <= run.last_seq):
                # Events with no begin before them, or a new runner process
                # whose begin did not come through: kept apart, never merged.
                run = Run(line=lineno)
                runs.append(run)
            run.tail.clear()
            if seq is not None:
                run.lost += max(0, seq - run.last_seq - 1)
                run.last_seq = seq
            if event is None:
                run.garbled += 1
            elif event["event"] == "start":
                run.started.append(event["id"])
            elif event["event"] == "result":
                run.cases[event["case"]["id"]] = event["case"]
            elif event["event"] == "end":
                run.end = event
    return runs


def build_record(run, vm=None, known=None, log=None, index=1):
    """The record of one run: the runner's document, plus "vm".  vm: the
    --vm pairs; known: expectations to mark the results with (None: keep
    the marks the guest's runner made); log, index: where the run came from."""
    head = run.head
    if head.get("format") != FORMAT:
        raise StreamError(f"{run.line}: a begin event whose record is not an mmapcts record")
    if head.get("format_version") != VERSION:
        raise StreamError(f"{run.line}: a begin event of format version "
                          f"{head.get('format_version')}; this tool reads version {VERSION}")
    cases = [dict(c) for c in run.cases.values()]
    vm_obj = dict(vm or {})
    if log is not None:
        vm_obj["log"] = log
    vm_obj.update(run_in_log=index, garbled_lines=run.garbled, lost_lines=run.lost)
    rec = {"format": FORMAT, "format_version": VERSION, "suite": head.get("suite", {}),
           "system": head["system"], "vm": vm_obj, "run": head.get("run", {}),
           "cases": cases, "in_flight": run.in_flight, "resumes": 0}
    if known is not None:
        expectations.mark(rec, known)
    summary = summarize(cases)
    if run.end is not None:
        rec["end"] = run.end.get("end")
        rec["duration"] = run.end.get("duration")
        guest = run.end.get("summary")
        # Lost result lines make the guest's counts disagree with the cases
        # here: the record counts what it holds and keeps the guest's word.
        if isinstance(guest, dict) and any(guest.get(v) != summary[v] for v in VERDICTS):
            vm_obj["guest_summary"] = guest
    rec["summary"] = summary
    rec["complete"] = run.ended_cleanly
    if not run.ended_cleanly:
        vm_obj["console_tail"] = list(run.tail)
    return rec


# The last part of a record's name, by how it ran (expectations.emulation()).
NAME_SUFFIX = {"qemu-system": "qemu", "uml": "uml"}


def record_name(rec):
    """mmapcts-<os>-<release>-<machine>-<libc>-<version>-<fstype>[-overcommitP]-qemu.json
    (-uml.json for a record of User-Mode Linux)"""
    s = rec["system"]
    libc = s.get("libc") if isinstance(s.get("libc"), dict) else {}
    tmpdir = s.get("tmpdir") if isinstance(s.get("tmpdir"), dict) else {}
    parts = [str(s.get("os", "?")).lower(), s.get("kernel_release", "?"),
             s.get("machine", "?"), libc.get("name", "?"), libc.get("version", "?"),
             tmpdir.get("fstype", "?"),
             NAME_SUFFIX.get(expectations.emulation_kind(rec), "qemu")]
    policy = record.overcommit_run(rec)
    if policy is not None:   # beside the same filesystem's ordinary run
        parts.insert(-1, f"overcommit{policy}")
    name = "mmapcts-" + "-".join(str(p) for p in parts)
    return re.sub(r"[^A-Za-z0-9._+-]", "_", name) + ".json"


def build_records(runs, vm=None, known=None, log=None):
    """The record of each run whose begin came through (see lost_runs())."""
    return [build_record(run, vm, known, log, index)
            for index, run in enumerate(runs, 1) if run.head is not None]


def write(records, out_dir):
    """Write each record under its record_name(); returns [(path, record)].
    Two records of one system get distinct names (-2, -3, ...)."""
    os.makedirs(out_dir, exist_ok=True)
    written = []
    names = set()
    for rec in records:
        name = record_name(rec)
        base, n = name[:-len(".json")], 2
        while name in names:
            name, n = f"{base}-{n}.json", n + 1
        names.add(name)
        path = os.path.join(out_dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(dumps(rec))
        written.append((path, rec))
    return written


def write_records(runs, out_dir, vm=None, known=None, log=None):
    """Write a record per run (runs whose begin was lost are skipped; see
    lost_runs()); returns [(path, record)]."""
    return write(build_records(runs, vm, known, log), out_dir)


def lost_runs(runs):
    """The runs whose begin event never came through."""
    return [r for r in runs if r.head is None]


def summary_line(rec):
    """One line on a run: its system key, the counts, how it ended."""
    if rec.get(NOT_RUN):
        return f"{expectations.system_key(rec)}: not run: {rec[NOT_RUN]['reason']}"
    s = rec["summary"]
    counts = ", ".join(f"{s[v]} {v}" for v in VERDICTS if s[v])
    plural = "s" if s["expected"] != 1 else ""
    known = f" ({s['expected']} known deviation{plural})" if s["expected"] else ""
    vm = rec.get("vm", {})
    state = "complete" if rec["complete"] else "INCOMPLETE"
    if rec["in_flight"]:
        state += ", in flight: " + " ".join(rec["in_flight"])
    if "end" not in rec:
        state += ", no end event"
    if rec.get(CUT_SHORT):
        state += f" ({rec[CUT_SHORT]['reason']})"
    if vm.get("garbled_lines") or vm.get("lost_lines"):
        state += (f"; {vm.get('garbled_lines', 0)} garbled, {vm.get('lost_lines', 0)} "
                  "lost stream lines")
    return (f"{expectations.system_key(rec)}: {len(rec['cases'])} cases: "
            f"{counts or 'none'}{known}; {state}")
