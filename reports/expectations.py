"""Known deviations as data: which verdicts are expected on which systems.

reports/expectations.tsv lists, for a case id (or glob), the verdict expected
on systems matching a glob, and the evidence.  make check and the report
tools use it to tell a documented deviation from a regression.
"""
import fnmatch
import os
from dataclasses import dataclass

DEFAULT_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "expectations.tsv")
OK_VERDICTS = ("PASS", "UNSUPPORTED")
VERDICTS = ("PASS", "FAIL", "UNRESOLVED", "UNSUPPORTED", "UNTESTED", "TIMEOUT",
            "CRASH")


class ExpectationError(ValueError):
    """A malformed expectations file; the message names file and line."""


@dataclass(frozen=True)
class Expectation:
    id: str
    verdict: str
    system: str
    evidence: str

    def matches(self, case_id, verdict, system_key):
        return (fnmatch.fnmatchcase(case_id, self.id) and verdict == self.verdict
                and fnmatch.fnmatchcase(system_key, self.system))


def emulation(record):
    """How a record's cases ran: "qemu-system" (in a guest; stream.py gives
    such records a "vm" object), "qemu-user" (each case under the runner's
    --wrapper, which system.emulation names) or "native"."""
    if isinstance(record.get("vm"), dict):
        return "qemu-system"
    return "qemu-user" if record.get("system", {}).get("emulation") else "native"


def system_key(record):
    """The string a system glob matches: "<os> <release> <machine>
    <libc>-<version> <fstype of the temp dir> <emulation>".  The C runner
    computes the same key (harness/expect.c); keep the two in step."""
    system = record.get("system", {})
    libc = system.get("libc", {})
    return "{} {} {} {}-{} {} {}".format(
        system.get("os", "?"), system.get("kernel_release", "?"),
        system.get("machine", "?"), libc.get("name", "?"), libc.get("version", "?"),
        system.get("tmpdir", {}).get("fstype", "?"), emulation(record))


def load(path=DEFAULT_PATH):
    expectations = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 4 or not all(x.strip() for x in fields):
                raise ExpectationError(
                    f"{path}:{lineno}: expected 4 tab-separated fields "
                    "(id, verdict, system, evidence)")
            if fields[1] not in VERDICTS:
                raise ExpectationError(f"{path}:{lineno}: unknown verdict {fields[1]!r}")
            if fields[1] in OK_VERDICTS:
                raise ExpectationError(
                    f"{path}:{lineno}: {fields[1]} needs no expectation")
            expectations.append(Expectation(*fields))
    return expectations


def explain(expectations, case_id, verdict, record):
    """The expectation that covers this verdict in this record's system, or None."""
    key = system_key(record)
    for e in expectations:
        if e.matches(case_id, verdict, key):
            return e
    return None


def mark(record, expectations):
    """Set each case's "expected" to the evidence of the expectation that
    covers it on this record's system, or None; returns the record.  The
    runner does the same as it runs (--expectations); this marks a record by
    the expectations known now."""
    for case in record["cases"]:
        e = explain(expectations, case["id"], case["verdict"], record)
        case["expected"] = e.evidence if e else None
    return record


def unexpected(record, expectations):
    """The cases of a record whose verdict is neither fine nor expected."""
    found = []
    for case in record["cases"]:
        if case["verdict"] in OK_VERDICTS:
            continue
        if explain(expectations, case["id"], case["verdict"], record):
            continue
        found.append(case)
    return found
