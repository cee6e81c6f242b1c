"""A run record: the JSON document the runner writes (harness/record.c),
which stream.py also makes from a guest's stream.  The README's "Reading a
record" describes it."""
import json
import os
import re

from .errors import FormatError

FORMAT, VERSION = "mmapcts-record", 1
# The verdicts in the runner's order (its summary lists them so).
VERDICTS = ("PASS", "FAIL", "UNRESOLVED", "UNSUPPORTED", "UNTESTED", "TIMEOUT",
            "CRASH")
# Verdicts that never need an explanation.
OK_VERDICTS = ("PASS", "UNSUPPORTED")
# Fields only records made by the host (ci/vm-run) carry, each an object with
# a "reason": a planned run that never began (not_run: no cases at all), and
# one that began but did not end (cut_short: the cases before the cut).  The
# runner never writes them: a runner that runs has begun, and its own record
# cannot outlive the kernel it runs on.
NOT_RUN, CUT_SHORT = "not_run", "cut_short"


class RecordError(FormatError):
    """A file that cannot be used as a record; the message names it."""


def load(path):
    """The record in path, its shape checked so that the tools reading it
    meet bad input here, not as a traceback; "_path" is set to path."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if not text.strip():
            raise RecordError(f"{path}: an empty file, not a record")
        data = json.loads(text)
    except OSError as err:
        raise RecordError(f"{path}: cannot read: {err.strerror}") from None
    except (ValueError, UnicodeDecodeError) as err:
        raise RecordError(f"{path}: not JSON, or truncated ({err})") from None
    except RecursionError:
        raise RecordError(f"{path}: not a record (JSON nested too deep)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RecordError(f"{path}: not an mmapcts record")
    if data.get("format_version") != VERSION:
        raise RecordError(f"{path}: a record of format version "
                          f"{data.get('format_version')}; these tools read version {VERSION}")
    if not isinstance(data.get("system"), dict) or not isinstance(data.get("cases"), list):
        raise RecordError(f"{path}: the record has no system or no case list")
    for case in data["cases"]:
        if not (isinstance(case, dict) and isinstance(case.get("id"), str)
                and isinstance(case.get("verdict"), str)):
            raise RecordError(f"{path}: a case without id or verdict")
        if not isinstance(case.get("observations") or {}, dict):
            raise RecordError(f"{path}: case {case['id']}: observations are not an object")
    shapes = [("system.libc", data["system"].get("libc", {}), dict),
              ("system.tmpdir", data["system"].get("tmpdir", {}), dict),
              ("vm", data.get("vm", {}), dict), ("in_flight", data.get("in_flight", []), list)]
    for name, value, kind in shapes:
        if not isinstance(value, kind):
            raise RecordError(f"{path}: {name} is not a JSON {kind.__name__}")
    if not all(isinstance(i, str) for i in data.get("in_flight", [])):
        raise RecordError(f"{path}: in_flight holds something other than case ids")
    for name in (NOT_RUN, CUT_SHORT):
        if name in data and not (isinstance(data[name], dict)
                                 and isinstance(data[name].get("reason"), str)):
            raise RecordError(f"{path}: {name} is not an object with a reason")
    if NOT_RUN in data and (data["cases"] or data.get("complete") is not False):
        raise RecordError(f"{path}: a run that did not happen has cases or is complete")
    data["_path"] = path
    return data


def overcommit_run(rec):
    """The vm.overcommit_memory policy of a run of the limits group that
    ci/vm-run made under another policy (its temp directory is
    /tmp/overcommit-P), or None for an ordinary run."""
    tmpdir = (rec.get("system") or {}).get("tmpdir") or {}
    m = re.fullmatch(r"overcommit-([0-9])", os.path.basename(str(tmpdir.get("path") or "")))
    return m.group(1) if m else None


def not_run(system, reason, suite=None, vm=None):
    """The record of a planned run that never began: the system it was
    meant for (the temp directory's fstype says which run), no cases, and
    why, in the runner's key order."""
    rec = {"format": FORMAT, "format_version": VERSION, "suite": suite or {},
           "system": system}
    if vm is not None:
        rec["vm"] = vm
    rec.update({"run": {}, "cases": [], "in_flight": [], "resumes": 0,
                "summary": summarize([]), "complete": False, NOT_RUN: {"reason": reason}})
    return rec


def missed(rec):
    """Why a record's run did not happen or did not end: (field, reason),
    or None for a run that ended or that no one explained."""
    for name in (NOT_RUN, CUT_SHORT):
        if isinstance(rec.get(name), dict):
            return name, rec[name].get("reason", "")
    return None


def summarize(cases):
    """A record's summary (the runner's keys and order) from its cases."""
    summary = {v: 0 for v in VERDICTS}
    for case in cases:
        if case["verdict"] in summary:
            summary[case["verdict"]] += 1
    summary["expected"] = sum(1 for c in cases if c.get("expected"))
    return summary


def dumps(rec):
    """The record as the runner lays it out: a top-level key a line, a case a line."""
    def dump(value):
        return json.dumps(value)   # ASCII: case output may hold lone surrogates
    lines = []
    for key, value in rec.items():
        if key == "cases" and value:
            body = ",\n".join("  " + dump(c) for c in value)
            lines.append(f' "cases": [\n{body}\n ]')
        else:
            lines.append(f" {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"
