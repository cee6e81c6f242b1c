"""Known deviations as data: which verdicts are expected on which systems.

reports/expectations.tsv lists, for a case id (or glob), the verdict expected
on systems matching a glob, and the evidence.  make check and the report
tools use it to tell a documented deviation from a regression.  The runner
reads the same file (harness/expect.c); test_formats_agree.py holds the two
readers to the same answers.
"""
import fnmatch
import re
import os
from dataclasses import dataclass

from .errors import FormatError
from .record import OK_VERDICTS, VERDICTS

DEFAULT_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                            "expectations.tsv")
# What a blank line may hold: C's isspace() in the C locale, not str.strip()'s
# Unicode whitespace, so that both readers skip the same lines.
BLANKS = " \t\n\v\f\r"
# Pattern syntax that fnmatch(3) and Python's fnmatch read differently (an
# escape, "[^" negation, character classes): refused rather than guessed.
AMBIGUOUS = ("\\", "[^", "[:", "[.", "[=")


class ExpectationError(FormatError):
    """A malformed expectations file; the message names file and line."""


def glob_matches(text, pattern):
    """fnmatch(3) as the runner calls it: over bytes (a "?" is one byte of
    UTF-8), no flags, and no syntax from AMBIGUOUS."""
    return fnmatch.fnmatchcase(text.encode("utf-8", "surrogateescape"),
                               pattern.encode("utf-8", "surrogateescape"))


@dataclass(frozen=True)
class Expectation:
    id: str
    verdict: str
    system: str
    evidence: str

    def matches(self, case_id, verdict, system_key):
        return (glob_matches(case_id, self.id) and verdict == self.verdict
                and glob_matches(system_key, self.system))


# What a record made by the host from a guest's stream (it has a "vm"
# object) may name as its emulation (vm.emulation): a QEMU guest (the
# default, ci/vm-run) or User-Mode Linux, the kernel run as a host
# process (ci/uml-run).
VM_EMULATIONS = ("qemu-system", "uml")


def emulation_kind(record):
    """How a record's cases ran: "qemu-system" (in a guest; stream.py gives
    such records a "vm" object), "uml" (in User-Mode Linux: the vm object
    says "emulation": "uml"), "qemu-user" (each case under the runner's
    --wrapper, which system.emulation names) or "native"."""
    vm = record.get("vm")
    if isinstance(vm, dict):
        return vm["emulation"] if vm.get("emulation") in VM_EMULATIONS else "qemu-system"
    return "qemu-user" if record.get("system", {}).get("emulation") else "native"


def qemu_version(record):
    """The version of the QEMU a record's cases ran under, or "": the
    guest's (vm.qemu, "qemu-system-x86_64 7.2.22") or the wrapper's
    (system.emulation_version)."""
    kind = emulation_kind(record)
    if kind == "qemu-system":
        m = re.search(r" (\d[\d.]*)$", str(record["vm"].get("qemu") or ""))
        return m.group(1) if m else ""
    if kind == "qemu-user":
        return str(record.get("system", {}).get("emulation_version") or "")
    return ""


def emulation(record):
    """The emulation field of the system key: native, or qemu-user /
    qemu-system followed by QEMU's version where it is known
    ("qemu-user-7.2.22"), so a deviation can be scoped to an emulator."""
    kind, version = emulation_kind(record), qemu_version(record)
    return f"{kind}-{version}" if version else kind


def system_key(record):
    """The string a system glob matches: "<os> <release> <machine>
    <libc>-<version> <fstype of the temp dir> <emulation>", as the runner's
    system_key() makes it (but for "qemu-system" and "uml", which only the
    host knows)."""
    system = record.get("system", {})
    libc = system.get("libc", {})
    return "{} {} {} {}-{} {} {}".format(
        system.get("os", "?"), system.get("kernel_release", "?"),
        system.get("machine", "?"), libc.get("name", "?"), libc.get("version", "?"),
        system.get("tmpdir", {}).get("fstype", "?"), emulation(record))


def first_ambiguous(pattern):
    """The first piece of AMBIGUOUS syntax in pattern, or None."""
    for i in range(len(pattern)):
        for piece in AMBIGUOUS:
            if pattern.startswith(piece, i):
                return piece
    return None


def parse_line(line):
    """The Expectation on one line (without its newline), None for a blank
    line or a comment; ExpectationError (no file, no line) when malformed."""
    if line.endswith("\r"):
        line = line[:-1]   # a file saved with CRLF line ends
    if not line.strip(BLANKS) or line.startswith("#"):
        return None
    fields = line.split("\t")
    if len(fields) != 4 or not all(x.strip(BLANKS) for x in fields):
        raise ExpectationError("expected 4 tab-separated fields "
                               "(id, verdict, system, evidence)")
    if fields[1] not in VERDICTS:
        raise ExpectationError(f"unknown verdict '{fields[1]}'")
    if fields[1] in OK_VERDICTS:
        raise ExpectationError(f"{fields[1]} needs no expectation")
    for pattern in (fields[0], fields[2]):
        piece = first_ambiguous(pattern)
        if piece:
            raise ExpectationError(f"'{piece}' in the pattern '{pattern}': the runner "
                                   "and these tools would read it differently")
    return Expectation(*fields)


def load(path=DEFAULT_PATH):
    expectations = []
    with open(path, "rb") as f:
        data = f.read()
    # Lines end at "\n" only (no universal newlines), as the runner's getline().
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    for lineno, raw in enumerate(lines, 1):
        try:
            line = raw.decode("utf-8")
            if "\0" in line:
                raise UnicodeError
            found = parse_line(line)
        except UnicodeError:
            raise ExpectationError(f"{path}:{lineno}: not UTF-8 text") from None
        except ExpectationError as err:
            raise ExpectationError(f"{path}:{lineno}: {err}") from None
        if found:
            expectations.append(found)
    return expectations


def find(expectations, case_id, verdict, key):
    """The first expectation that covers this verdict on the system with
    this key, or None: the runner's expectation_for()."""
    for e in expectations:
        if e.matches(case_id, verdict, key):
            return e
    return None


def explain(expectations, case_id, verdict, record):
    """The expectation that covers this verdict in this record's system, or None."""
    return find(expectations, case_id, verdict, system_key(record))


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
