#!/usr/bin/env python3
"""Compare mmapcts run records.

  report.py matrix RECORD... [--markdown FILE] [--html FILE]
      cases x records: a table of the records (kernel, architecture, page
      size, libc, filesystem, how the cases ran: native, qemu-user,
      qemu-system or uml, complete or not, counts), the verdicts with every row that
      differs brought to the top, and the recorded observations across
      systems.  A known deviation (the record marks the result expected) is
      shown as "FAIL*"; a case running when the run was cut short (the guest
      panicked) as "in flight".
  report.py diff BASE NEW [--expectations FILE]
      what regressed (PASS -> anything else, UNSUPPORTED and UNTESTED
      included: the rule is no longer checked; any other change to a red
      verdict, FAIL -> CRASH say; in flight or not reached when NEW was cut
      short; a run that BASE has and NEW did not finish or did not run at
      all), what was fixed, what else changed
      (verdicts, messages, observations), what is new or gone.  Exit status
      1 on a regression, so that CI can gate a kernel upgrade on it.  A
      verdict that NEW marks as expected, or that the expectations file names
      for NEW's system key, is a known deviation, not a regression.

Records may come from the runner or from stream.py (a QEMU guest's console).
Bad input (an empty or truncated file, a record of another format version, a
file that is not a record) gets a one-line error naming the file and exit
status 2.  Python standard library only.
"""
import argparse
import html
import json
import re
import sys

from mmapcts_formats import expectations, record
from mmapcts_formats.errors import FormatError, bad_input

# From PASS to any verdict but these is a regression: UNSUPPORTED and
# UNTESTED say the system cannot run the case, which is a change to read,
# not a broken rule; everything else (FAIL, UNRESOLVED, TIMEOUT, CRASH, in
# flight, not reached, a verdict these tools do not know) lost a PASS.
BENIGN = ("PASS", "UNSUPPORTED", "UNTESTED")


def how_it_ran(rec):
    """native, qemu-user, uml (User-Mode Linux), or qemu-system with its
    accelerator ("qemu-system tcg")."""
    kind = expectations.emulation(rec)
    accel = rec.get("vm", {}).get("accel") if kind == "qemu-system" else None
    return f"{kind} {accel}" if accel else kind


def describe(rec):
    """The system a record ran on, field by field, for the table of records."""
    s = rec["system"]
    libc = s.get("libc", {})
    return {"kernel": str(s.get("kernel_release", "?")), "arch": str(s.get("machine", "?")),
            "page size": str(s.get("page_size", "?")),
            "libc": f"{libc.get('name', '?')} {libc.get('version', '')}".strip(),
            "fs": str(s.get("tmpdir", {}).get("fstype", "?")), "ran": how_it_ran(rec)}


def label(rec):
    """How a record is named in one line: the system it ran on, how, and
    whether it is complete.  Records that differ in any of these differ here."""
    d = describe(rec)
    parts = [d["kernel"], d["arch"], f"{d['page size']}B pages", d["libc"], d["fs"], d["ran"]]
    if rec.get(record.NOT_RUN):
        parts.append("NOT RUN")
    elif rec.get("complete") is not True:
        parts.append("INCOMPLETE")
    return ", ".join(parts)


RAN_ORDER = ("native", "qemu-user", "qemu-system", "uml")
FS_ORDER = ("tmpfs", "ext4", "xfs", "btrfs")


def system_order(rec):
    """Columns in a reading order: how it ran, architecture, kernel version
    (numerically), page size, libc, then the filesystem."""
    d = describe(rec)
    ran = d["ran"].split(" ")[0]
    version = [int(n) for n in re.findall(r"\d+", d["kernel"])[:3]]
    return (RAN_ORDER.index(ran) if ran in RAN_ORDER else len(RAN_ORDER), d["arch"],
            version, d["kernel"], int(d["page size"]) if d["page size"].isdigit() else 0,
            d["libc"], FS_ORDER.index(d["fs"]) if d["fs"] in FS_ORDER else len(FS_ORDER), d["fs"])


IN_FLIGHT = "in flight"
# A case an incomplete run never got to (the base has it), and every case
# of a run that did not happen at all.
NOT_REACHED = "not reached"
NOT_RUN = "not run"
KNOWN_MARK = "*"


def verdicts(rec):
    """id -> verdict; cases in flight when the run was cut short are "in flight"."""
    found = {i: IN_FLIGHT for i in rec.get("in_flight", [])}
    found.update((c["id"], c["verdict"]) for c in rec["cases"])
    return found


def cells(rec):
    """id -> what the matrix shows: the verdict, "*" after a known deviation."""
    shown = verdicts(rec)
    for c in rec["cases"]:
        if c.get("expected"):
            shown[c["id"]] += KNOWN_MARK
    return shown


def counts(rec):
    """The record's counts in a few words:
    "540 PASS, 6 FAIL, 1 in flight (6 known deviations)"."""
    per = {}
    for v in verdicts(rec).values():
        per[v] = per.get(v, 0) + 1
    order = list(record.VERDICTS) + [IN_FLIGHT]
    order += sorted(v for v in per if v not in order)   # a verdict these tools do not know
    text = ", ".join(f"{per[v]} {v}" for v in order if per.get(v))
    known = sum(1 for c in rec["cases"] if c.get("expected"))
    plural = "s" if known != 1 else ""
    return (text or "no cases") + (f" ({known} known deviation{plural})" if known else "")


RECORD_COLUMNS = ("kernel", "arch", "page size", "libc", "fs", "ran")


def state(rec):
    """complete, INCOMPLETE or NOT RUN, with the reason the host gave."""
    missed = record.missed(rec)
    if missed and missed[0] == record.NOT_RUN:
        return f"NOT RUN ({missed[1]})"
    if rec.get("complete") is True:
        return "complete"
    return f"INCOMPLETE ({missed[1]})" if missed else "INCOMPLETE"


def record_rows(records):
    """A row per record: its column number, system, how it ran, state, counts."""
    rows = []
    for n, rec in enumerate(records, 1):
        d = describe(rec)
        rows.append([f"({n})"] + [d[k] for k in RECORD_COLUMNS] + [state(rec), counts(rec)])
    return rows


RECORD_HEADS = ["column"] + list(RECORD_COLUMNS) + ["complete", "counts"]
LEGEND = (f"`FAIL{KNOWN_MARK}` (any verdict with `{KNOWN_MARK}`): a known deviation, the "
          "record marks the result expected (reports/expectations.tsv gives the evidence); "
          f"`{IN_FLIGHT}`: the case was running when the run was cut short (the guest "
          "panicked, the runner was killed); `-`: not in that record.")


def legend(rows):
    """The legend, and what the two cells only some matrices hold mean."""
    shown = {c for _, vals in rows for c in vals}
    text = LEGEND
    if NOT_REACHED in shown:
        text += (f"  `{NOT_REACHED}`: the run was cut short before this case, which another "
                 "record has.")
    if NOT_RUN in shown:
        text += (f"  `{NOT_RUN}`: the run never happened (the records table says why); such "
                 "a column does not count as a difference.")
    return text


def matrix_rows(records):
    """(id, [cell per record]) with the rows that differ first.  A run that
    never happened shows "not run" in every row and is left out of the
    comparison (else it would make every row differ); an incomplete one
    shows "not reached" where it lacks a case another record has."""
    per = [cells(r) for r in records]
    ids = sorted(set().union(*per))
    rows = []
    for i in ids:
        vals = []
        for rec, p in zip(records, per):
            if rec.get(record.NOT_RUN):
                vals.append(NOT_RUN)
            elif i not in p and rec.get("complete") is not True:
                vals.append(NOT_REACHED)
            else:
                vals.append(p.get(i, "-"))
        rows.append((i, vals))
    return sorted(rows, key=lambda r: (not differs(r[1]), r[0]))


def differs(vals):
    return len(set(vals) - {NOT_RUN}) > 1


def observation_rows(records):
    per = []
    for r in records:
        obs = {}
        for c in r["cases"]:
            for k, v in (c.get("observations") or {}).items():
                obs[(c["id"], k)] = v if isinstance(v, str) else json.dumps(v)
        per.append(obs)
    keys = sorted(set().union(*per))
    rows = [(f"{i} {k}", [p.get((i, k), "-") for p in per]) for i, k in keys]
    return sorted(rows, key=lambda r: (len(set(r[1])) == 1, r[0]))


def md_escape(text):
    return str(text).replace("|", "\\|")


def md_table(heads, rows):
    out = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    return out + ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in rows]


def markdown(records):
    numbers = [f"({n})" for n in range(1, len(records) + 1)]
    out = ["# mmapcts: verdicts across systems", "", "## Records", ""]
    out += md_table(RECORD_HEADS, record_rows(records))
    rows = matrix_rows(records)
    differ = sum(1 for _, v in rows if differs(v))
    out += ["", "## Verdicts", "",
            f"{len(rows)} cases; {differ} differ between records (listed first).  "
            + legend(rows), ""]
    out += md_table(["case"] + numbers, [[f"`{i}`"] + v for i, v in rows])
    obs = observation_rows(records)
    out += ["", "## Observations (implementation-defined behaviour)", ""]
    if obs:
        out += md_table(["case, key"] + numbers, [[f"`{i}`"] + v for i, v in obs])
    else:
        out.append("None recorded.")
    return "\n".join(out) + "\n"


COLOURS = {"PASS": "#d7f5d7", "FAIL": "#f7c6c6", "CRASH": "#f2a5a5", "TIMEOUT": "#f7d9a8",
           "UNRESOLVED": "#eee0a8", "UNSUPPORTED": "#e4e4e4", "UNTESTED": "#e4e4e4",
           IN_FLIGHT: "#d9c6f2", NOT_REACHED: "#d9c6f2", NOT_RUN: "#c9c9c9"}
KNOWN_COLOUR = "#f5ead0"   # a known deviation: explained, unlike a bare FAIL


def colour(cell):
    if cell.endswith(KNOWN_MARK):
        return KNOWN_COLOUR
    return COLOURS.get(cell, "#ffffff")


def html_page(records):
    e = html.escape

    def grid(heads, rows, first_is_code=True, mark_differences=True):
        parts = ["<table><tr>"] + [f"<th>{e(h)}</th>" for h in heads] + ["</tr>"]
        for name, vals in rows:
            cls = ' class="differs"' if mark_differences and differs(vals) else ""
            first = f"<code>{e(name)}</code>" if first_is_code else e(name)
            parts.append(f"<tr{cls}><td>{first}</td>")
            for v in vals:
                style = f' style="background:{colour(v)}"' if mark_differences else ""
                parts.append(f"<td{style}>{e(str(v))}</td>")
            parts.append("</tr>")
        parts.append("</table>")
        return "".join(parts)

    numbers = [f"({n})" for n in range(1, len(records) + 1)]
    note = (f"<p><b>FAIL{KNOWN_MARK}</b> (any verdict with {KNOWN_MARK}, "
              f"<span style=\"background:{KNOWN_COLOUR}\">this colour</span>): a known "
              "deviation, the record marks the result expected (reports/expectations.tsv "
              f"gives the evidence). <b>{IN_FLIGHT}</b>: the case was running when the run "
              "was cut short (the guest panicked, the runner was killed). <b>-</b>: not in "
              "that record. Rows that differ between records come first, in bold.</p>")
    rows = matrix_rows(records)
    differ = sum(1 for _, v in rows if differs(v))
    shown = {c for _, vals in rows for c in vals}
    if NOT_REACHED in shown:
        note = note.replace("</p>", f" <b>{NOT_REACHED}</b>: the run was cut short before "
                                "this case, which another record has.</p>")
    if NOT_RUN in shown:
        note = note.replace("</p>", f" <b>{NOT_RUN}</b>: the run never happened (the "
                                "records table says why); such a column does not count as "
                                "a difference.</p>")
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            "<title>mmapcts: verdicts across systems</title><style>"
            "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
            "td,th{border:1px solid #bbb;padding:2px 6px;font-size:13px}"
            "tr.differs td:first-child{font-weight:bold}</style></head><body>"
            "<h1>mmapcts: verdicts across systems</h1><h2>Records</h2>"
            + grid(RECORD_HEADS, [(r[0], r[1:]) for r in record_rows(records)],
                   first_is_code=False, mark_differences=False)
            + f"<h2>Verdicts</h2><p>{len(rows)} cases; {differ} differ between records.</p>"
            + note + grid(["case"] + numbers, rows)
            + "<h2>Observations (implementation-defined behaviour)</h2>"
            + grid(["case, key"] + numbers, observation_rows(records))
            + "</body></html>\n")


def known_deviation(new, case_id, verdict, known):
    """Whether NEW's result is a known deviation: the record marks it
    expected, or the expectations cover it for NEW's system key."""
    for c in new["cases"]:
        if c["id"] == case_id and c.get("expected"):
            return True
    return bool(known and expectations.explain(known, case_id, verdict, new))


def short(value, width=120):
    """A message or observation value on one line, cut at width."""
    text = value if isinstance(value, str) else json.dumps(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 3] + "..."


def run_change(base, new, b):
    """A line on the run itself when NEW did not happen or did not finish
    while BASE did: (what BASE was, what NEW is), else None."""
    if base.get(record.NOT_RUN):
        return None
    was = f"{state(base).split(' (')[0]}, {len(b)} cases"
    if new.get(record.NOT_RUN):
        return (was, f"not run: {new[record.NOT_RUN]['reason']}")
    if new.get("complete") is not True and base.get("complete") is True:
        missed = record.missed(new)
        return (was, f"cut short: {missed[1]}" if missed else "INCOMPLETE")
    return None


def detail_changes(base, new, i):
    """What else changed in a case whose verdict did not: its message and
    observations, as ("message" or "observation KEY", was, now)."""
    bc = next(c for c in base["cases"] if c["id"] == i)
    nc = next(c for c in new["cases"] if c["id"] == i)
    out = []
    if bc.get("message") != nc.get("message"):
        out.append(("message", bc.get("message"), nc.get("message")))
    bo, no = bc.get("observations") or {}, nc.get("observations") or {}
    for key in sorted(set(bo) | set(no)):
        if bo.get(key) != no.get(key):
            out.append((f"observation {key}", bo.get(key), no.get(key)))
    return out


def diff(base, new, known):
    """Entries (id, was, now, what) per kind: what is None for a verdict,
    "the run" for the run itself, else "message" or "observation KEY"."""
    b, n = verdicts(base), verdicts(new)
    result = {"regressed": [], "fixed": [], "changed": [], "known": [], "new": [], "gone": []}
    run = run_change(base, new, b)
    if run:
        result["regressed"].append(("(the run)", *run, "the run"))
    if new.get(record.NOT_RUN):
        # Every case of BASE is missing: the run line says so once.
        return result
    cut = new.get("complete") is not True
    for i in sorted(set(b) | set(n)):
        if i not in b:
            result["new"].append((i, None, n[i], None))
        elif i not in n:
            # An incomplete run that lacks a case never got to it: coverage lost.
            if cut:
                result["regressed"].append((i, b[i], NOT_REACHED, None))
            else:
                result["gone"].append((i, b[i], None, None))
        elif b[i] != n[i]:
            if n[i] != "PASS" and known_deviation(new, i, n[i], known):
                result["known"].append((i, b[i], n[i], None))
            elif b[i] == "PASS" or n[i] not in BENIGN:
                # A rule checked before and not now (UNSUPPORTED, UNTESTED)
                # lost coverage; a red verdict no expectation explains (FAIL
                # turned CRASH, UNSUPPORTED turned FAIL) is a new failure.
                result["regressed"].append((i, b[i], n[i], None))
            elif b[i] not in BENIGN and n[i] == "PASS":
                result["fixed"].append((i, b[i], n[i], None))
            else:
                result["changed"].append((i, b[i], n[i], None))
        elif b[i] != IN_FLIGHT:
            result["changed"] += [(i, was, now, what)
                                  for what, was, now in detail_changes(base, new, i)]
    return result


def line(title, entry):
    i, was, now, what = entry
    if what is None or what == "the run":
        return f"{title:16} {i}: {was or '-'} -> {now or '-'}"
    shown = ["-" if v is None else short(v) for v in (was, now)]
    return f"{title:16} {i}: {what}: {shown[0]} -> {shown[1]}"


def main(argv=None):
    ap = argparse.ArgumentParser(description="Compare mmapcts run records.")
    sub = ap.add_subparsers(dest="command", required=True)
    m = sub.add_parser("matrix", help="verdicts and observations, cases x records")
    m.add_argument("records", nargs="+")
    m.add_argument("--markdown", help="write the Markdown table here (default: stdout)")
    m.add_argument("--html", help="write a self-contained HTML page here")
    m.add_argument("--expectations", default=expectations.DEFAULT_PATH,
                   help="mark known deviations by this file, not by what each record "
                        "knew when it ran (default: reports/expectations.tsv; '' for the latter)")
    d = sub.add_parser("diff", help="what changed from BASE to NEW")
    d.add_argument("base")
    d.add_argument("new")
    d.add_argument("--expectations", default=expectations.DEFAULT_PATH,
                   help="known deviations (default: reports/expectations.tsv)")
    args = ap.parse_args(argv)
    try:
        if args.command == "matrix":
            known = expectations.load(args.expectations) if args.expectations else None
            records = sorted((record.load(p) for p in args.records), key=system_order)
            if known is not None:
                records = [expectations.mark(r, known) for r in records]
            text = markdown(records)
            if args.markdown:
                with open(args.markdown, "w", encoding="utf-8") as f:
                    f.write(text)
            else:
                sys.stdout.write(text)
            if args.html:
                with open(args.html, "w", encoding="utf-8") as f:
                    f.write(html_page(records))
            return 0
        base, new = record.load(args.base), record.load(args.new)
        known = expectations.load(args.expectations) if args.expectations else []
    except (FormatError, OSError) as err:
        return bad_input("report", err)
    result = diff(base, new, known)
    print(f"base: {label(base)}\nnew:  {label(new)}")
    titles = {"regressed": "REGRESSED", "fixed": "fixed", "known": "known deviation",
              "changed": "changed", "new": "new", "gone": "gone"}
    messages = {c["id"]: c.get("message") for c in new.get("cases", [])}
    for key, title in titles.items():
        for entry in result[key]:
            print(line(title, entry))
            # What went wrong, where NEW says: the first line a FAIL,
            # CRASH or UNRESOLVED left, under the verdict that says so.
            said = messages.get(entry[0]) if key == "regressed" and entry[3] is None else None
            if said:
                print(f"{'':16}   {short(said, 200)}")
    totals = ", ".join(f"{len(v)} {k}" for k, v in result.items())
    print(f"diff: {totals}")
    return 1 if result["regressed"] else 0


if __name__ == "__main__":
    sys.exit(main())
