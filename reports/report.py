#!/usr/bin/env python3
"""Compare mmapcts run records.

  report.py matrix RECORD... [--markdown FILE] [--html FILE]
      cases x records: a table of the records (kernel, architecture, page
      size, libc, filesystem, how the cases ran: native, qemu-user,
      qemu-system or uml, complete or not, counts), the verdicts with every row that
      differs brought to the top, and the recorded observations across
      systems.  A known deviation (the record marks the result expected) is
      shown as "FAIL*"; a case running when the run was cut short (the guest
      panicked) as "in flight".  --html FILE writes the same as one
      self-contained page: columns grouped by how it ran, architecture,
      kernel, libc and filesystem, each distinct message once, filters
      (matrix-filters.js, inlined) that only hide.
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
import os
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
    """native, qemu-user, uml (User-Mode Linux), or qemu-system, with QEMU's
    version and the accelerator where known ("qemu-user 7.2.22",
    "qemu-system 7.2.22 tcg")."""
    kind = expectations.emulation_kind(rec)
    accel = rec.get("vm", {}).get("accel") if kind == "qemu-system" else None
    return " ".join(p for p in (kind, expectations.qemu_version(rec), accel) if p)


def describe(rec):
    """The system a record ran on, field by field, for the table of records."""
    s = rec["system"]
    libc = s.get("libc", {})
    return {"kernel": str(s.get("kernel_release", "?")), "arch": str(s.get("machine", "?")),
            "page size": str(s.get("page_size", "?")),
            "libc": f"{libc.get('name', '?')} {libc.get('version', '')}".strip(),
            "fs": str(s.get("tmpdir", {}).get("fstype", "?")) + overcommit_note(rec),
            "ran": how_it_ran(rec)}


def overcommit_note(rec):
    """A run of the limits group under another overcommit policy is told
    apart from the same filesystem's ordinary run."""
    policy = record.overcommit_run(rec)
    return "" if policy is None else f" overcommit {policy}"


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


# ---------------------------------------------------------------------------
# The HTML page (--html).  Some 65 systems x 860 cases is 55,000 cells, so a
# cell costs a few bytes: a PASS is an empty <td> that the table's style
# colours, the end tags the HTML parser implies are left out, and a cell
# that has a message links to one line of the messages table, which holds
# each distinct message once.  The filters are a small script inlined from
# matrix-filters.js; without it every row and column is shown.

ABSENT = "-"   # matrix_rows() for a case a complete record does not have
# What a cell shows, per verdict: (class, short text).  Short texts keep 60
# columns on a screen; the legend, and each cell's title, say the verdict.
CELL = {"PASS": ("", ""), "FAIL": ("f", "FAIL"), "CRASH": ("c", "CRASH"),
        "TIMEOUT": ("t", "TIME"), "UNRESOLVED": ("r", "UNRES"),
        "UNSUPPORTED": ("s", "UNSUP"), "UNTESTED": ("s", "UNTST"),
        IN_FLIGHT: ("i", "flight"), NOT_REACHED: ("n", "n.r."), NOT_RUN: ("x", "\u2013"),
        ABSENT: ("a", "-")}
KNOWN_CLASS = "k"
# Classes of cells nothing explains: red verdicts, and the cases a run that
# was cut short lost.
UNEXPLAINED = ("f", "c", "t", "r", "i", "n")
LEGEND_HTML = (
    ("", "", "PASS"),
    ("f", "FAIL", "FAIL that nothing explains"),
    (KNOWN_CLASS, "FAIL*", "a known deviation: reports/expectations.tsv documents it for "
                           "this system, with the evidence (any verdict with *)"),
    ("c", "CRASH", "CRASH"), ("t", "TIME", "TIMEOUT"),
    ("r", "UNRES", "UNRESOLVED (the setup broke)"),
    ("s", "UNSUP", "UNSUPPORTED"), ("s", "UNTST", "UNTESTED"),
    ("i", "flight", f"{IN_FLIGHT}: running when the run was cut short"),
    ("n", "n.r.", f"{NOT_REACHED}: the run was cut short before it"),
    ("x", "\u2013", f"{NOT_RUN}: the run never happened (Records says why; not counted "
                    "as a difference)"),
    ("a", "-", "not in that record"),
)
# The levels the columns are grouped by, outermost first, as system_order()
# sorts them: (name of the level's filter, its header).
LEVELS = (("ran", "how it ran"), ("arch", "architecture"), ("kernel", "kernel"),
          ("libc", "libc"), ("fs", "filesystem"))
OBSERVED_CLASSES = 6   # tints for the distinct values of an observation row
SHORT_VALUE = 6        # observed values up to this long are shown as they are
FILTERS_JS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "matrix-filters.js")


def cell_style(value):
    """(class, short text) of a matrix cell."""
    if value.endswith(KNOWN_MARK):
        cls, text = cell_style(value[:-len(KNOWN_MARK)])
        return KNOWN_CLASS, (text or value[:-len(KNOWN_MARK)]) + KNOWN_MARK
    return CELL.get(value, ("f", value))


def pages(size):
    """4096 -> "4 KiB" """
    return f"{int(size) // 1024} KiB" if size.isdigit() and int(size) % 1024 == 0 else size


def column_levels(rec):
    """The record's value at each grouping level, and what the header shows;
    the kernel level holds the page size (arm64 runs 4 and 16 KiB kernels)."""
    d = describe(rec)
    values = (d["ran"], d["arch"], (d["kernel"], d["page size"]), d["libc"], d["fs"])
    e = html.escape
    shown = (e(d["ran"]), e(d["arch"]),
             f"{e(d['kernel'])}<small>{e(pages(d['page size']))} pages</small>",
             e(d["libc"]), e(d["fs"]))
    return values, shown


def column_spans(keys):
    """Per level, the runs of adjacent columns that agree on that level and
    every level above it: [(first column, width, key)]."""
    spans = []
    for depth in range(len(LEVELS)):
        row = []
        for col, k in enumerate(keys):
            if row and row[-1][2] == k[:depth + 1]:
                row[-1][1] += 1
            else:
                row.append([col, 1, k[:depth + 1]])
        spans.append(row)
    return spans


def edges(keys):
    """Per column, how strong its left border is: 2 where how it ran or the
    architecture changes, 1 where the kernel does, else 0."""
    out = []
    for col, k in enumerate(keys):
        prev = keys[col - 1] if col else None
        out.append(0 if prev is None else 2 if prev[:2] != k[:2] else 1 if prev[2] != k[2] else 0)
    return out


def ranges(cols):
    """[1, 2, 3, 5] -> "1-3, 5" (column numbers from 1)."""
    out, start = [], None
    for i, c in enumerate(cols):
        if start is None:
            start = c
        if i + 1 == len(cols) or cols[i + 1] != c + 1:
            out.append(f"{start + 1}" if start == c else f"{start + 1}\u2013{c + 1}")
            start = None
    return ", ".join(out)


def tally(vals):
    """Per column of the matrix: {shown value: count}, not-run cells left out."""
    per = {}
    for v in vals:
        if v != NOT_RUN:
            per[v] = per.get(v, 0) + 1
    return per


def tally_order(seen):
    """The shown values in the records table's order: each verdict, then
    its known deviations, then what only a cut-short run shows."""
    extra = (IN_FLIGHT, NOT_REACHED, ABSENT)
    unknown = sorted({v.rstrip(KNOWN_MARK) for v in seen} - set(record.VERDICTS) - set(extra))
    order = []
    for v in list(record.VERDICTS) + unknown:
        order += [v, v + KNOWN_MARK]
    return [v for v in order + list(extra) if v in seen]


def grid_head(records, keys, shown, rows):
    """The column headers both grids share: a row per grouping level (a cell
    per run of columns that agree), then the column numbers, which carry
    what the filters select by; with rows, the per-column counts of
    unexplained cells and of known deviations."""
    e = html.escape
    out = ["<thead>"]
    strong = edges(keys)
    for depth, row in enumerate(column_spans(keys)):
        out.append(f"<tr><th>{LEVELS[depth][1]}")
        for first, width, _ in row:
            cls = f" class=e{strong[first]}" if strong[first] else ""
            span = f" colspan={width}" if width > 1 else ""
            out.append(f"<th data-c={first}{span}{cls}><span>{shown[first][depth]}</span>")
    out.append("<tr class=\"pc num\"><th>column")
    for col, rec in enumerate(records):
        d = describe(rec)
        attrs = "".join(f' data-{name}="{e(value)}"' for name, value in
                        zip([n for n, _ in LEVELS], (d["ran"], d["arch"], d["kernel"], d["libc"],
                                                     d["fs"])))
        cls = " class=x" if rec.get(record.NOT_RUN) else ""
        out.append(f"<th{cls}{attrs} title=\"{e(state(rec))}\">{col + 1}")
    if rows is not None:
        for title, wanted in (("unexplained", UNEXPLAINED), ("known deviations",
                                                              (KNOWN_CLASS,))):
            out.append(f"<tr class=pc><th>{title}")
            for col, rec in enumerate(records):
                if rec.get(record.NOT_RUN):
                    out.append("<th class=x>\u2013")
                    continue
                n = sum(1 for _, vals in rows if cell_style(vals[col])[0] in wanted)
                out.append(f"<th class={wanted[0]}>{n}" if n else "<th>0")
    out.append("</thead>")
    return out


def edge_style(keys):
    """CSS for the group borders of both grids (by column position)."""
    rules = []
    for strength in (1, 2):
        cols = [c for c, s in enumerate(edges(keys)) if s == strength]
        if cols:
            sel = ",".join(f".grid td:nth-child({c + 2}),.grid tr.pc>:nth-child({c + 2})"
                           for c in cols)
            rules.append(f"{sel}{{border-left:{strength}px solid #444}}")
    return "".join(rules)


def footnotes(records, rows):
    """The distinct messages of the matrix's cells, numbered in the order
    they first appear (rows, then columns): ({(case id, column): note id},
    [(note id, verdicts, message, evidence, {case id: [columns]})])."""
    said = []
    for rec in records:
        said.append({c["id"]: (c.get("message"), c.get("expected")) for c in rec["cases"]
                     if c["verdict"] != "PASS" and (c.get("message") or c.get("expected"))})
    notes, index, where = [], {}, {}
    for case_id, vals in rows:
        for col, v in enumerate(vals):
            what = said[col].get(case_id)
            if what is None:
                continue
            if what not in index:
                index[what] = len(notes)
                notes.append((f"m{len(notes) + 1}", [], what[0], what[1], {}))
            note = notes[index[what]]
            if v not in note[1]:
                note[1].append(v)
            note[4].setdefault(case_id, []).append(col)
            where[(case_id, col)] = note[0]
    return where, notes


def verdict_grid(records, keys, shown, rows, where):
    """The matrix: a row per case (bold where records differ), a cell per
    record, linked to its message where it has one."""
    e = html.escape
    out = ["<div class=scroll><table class=\"grid v\" id=verdict-table>"]
    out += grid_head(records, keys, shown, rows)
    out.append("<tbody>")
    for case_id, vals in rows:
        out.append(f"<tr{' class=d' if differs(vals) else ''}><th>{e(case_id)}")
        for col, v in enumerate(vals):
            cls, text = cell_style(v)
            attr = f" class={cls}" if cls else ""
            note = where.get((case_id, col))
            body = f"<a href=#{note}>{e(text)}</a>" if note else e(text)
            out.append(f"<td{attr}>{body}")
    out.append("</tbody></table></div>")
    return out


def observation_grid(records, keys, shown):
    """Observations, the columns as above.  A row's distinct values are
    tinted; values longer than a few characters are named by letters the
    row lists under its key, so that columns stay narrow."""
    e = html.escape
    ran = [not r.get(record.NOT_RUN) for r in records]
    out = ["<div class=scroll><table class=\"grid o\" id=observation-table>"]
    out += grid_head(records, keys, shown, None)
    out.append("<tbody>")
    for name, vals in observation_rows(records):
        counted = [v for v, r in zip(vals, ran) if r and v != ABSENT]
        distinct = sorted(set(counted), key=lambda v: (-counted.count(v), v))
        named = any(len(v) > SHORT_VALUE for v in distinct)
        letter = {v: chr(ord("a") + i) if i < 26 else str(i) for i, v in enumerate(distinct)}
        differ = len({v for v, r in zip(vals, ran) if r}) > 1
        out.append(f"<tr{' class=d' if differ else ''}><th>{e(name)}")
        if named:
            out.append("<div class=vals>" + "; ".join(
                f"<b>{letter[v]}</b> = {e(v)}" for v in distinct) + "</div>")
        for v in vals:
            if v == ABSENT or v not in letter:
                out.append("<td>-")
                continue
            i = distinct.index(v)
            cls = f" class=o{min(i, OBSERVED_CLASSES - 1)}" if i else ""
            out.append(f"<td{cls}>{e(letter[v] if named else v)}")
    out.append("</tbody></table></div>")
    return out


def records_table(records, rows):
    """A row per system: how it ran, complete or not (NOT RUN and why), and
    the count of each value its column of the matrix shows."""
    e = html.escape
    tallies = [tally([vals[col] for _, vals in rows]) for col in range(len(records))]
    order = tally_order(set().union(*tallies) if tallies else set())
    heads = ["column", "how it ran", "architecture", "kernel", "page size", "libc",
             "filesystem", "complete"] + [v if v != ABSENT else "not in record" for v in order]
    out = ["<div class=wide><table class=systems id=systems><thead><tr>"]
    out += [f"<th>{e(h)}" for h in heads]
    out.append("</thead><tbody>")
    for col, rec in enumerate(records):
        d = describe(rec)
        st = state(rec)
        cls = "x" if rec.get(record.NOT_RUN) else "" if st == "complete" else "n"
        out.append(f"<tr><th>{col + 1}")
        out += [f"<td>{e(d[k])}" for k in ("ran", "arch", "kernel", "page size", "libc",
                                               "fs")]
        out.append(f"<td{' class=' + cls if cls else ''}>{e(st)}")
        for v in order:
            n = tallies[col].get(v, 0)
            c = cell_style(v)[0]
            out.append(f"<td class=\"cnt{' ' + c if n and c else ''}\">{n if n else ''}")
    out.append("</tbody></table></div>")
    return out


def evidence_ids(notes):
    """The distinct evidence of the known deviations among the notes, in
    order: {evidence: id}; many messages share one expectation's evidence."""
    ids = {}
    for note in notes:
        if note[3] and note[3] not in ids:
            ids[note[3]] = f"d{len(ids) + 1}"
    return ids


def messages_table(notes):
    """Each distinct message once, with the cases and columns that said it;
    then each known deviation's evidence once, with the messages it explains."""
    e = html.escape
    if not notes:
        return ["<p>None: every case passed.</p>"]
    evidence = evidence_ids(notes)
    out = ["<table id=messages><thead><tr><th>id<th>verdict<th>message<th>cases "
           "(columns)</thead><tbody>"]
    explains = {}
    for note_id, shown, message, why, cases in notes:
        text = f"<div class=msg>{e(message)}</div>" if message else ""
        if why:
            text += (f"<div class=ev>known deviation, evidence "
                     f"<a href=#{evidence[why]}>{evidence[why]}</a></div>")
            explains.setdefault(why, []).append(note_id)
        where = "<br>".join(f"<code>{e(i)}</code> {ranges(cols)}" for i, cols in cases.items())
        out.append(f"<tr id={note_id}><th>{note_id}<td>"
                   f"{e(', '.join(shown))}<td>{text}<td>{where}")
    out.append("</tbody></table>")
    if evidence:
        out.append("<h3 id=evidence>Known deviations</h3><p>The evidence reports/"
                   "expectations.tsv gives for each, once, and the messages it explains.</p>"
                   "<table id=evidence-table><thead><tr><th>id<th>evidence<th>messages"
                   "</thead><tbody>")
        for why, ev_id in evidence.items():
            links = ", ".join(f"<a href=#{m}>{m}</a>" for m in explains[why])
            out.append(f"<tr id={ev_id}><th>{ev_id}<td class=ev>{e(why)}<td>{links}")
        out.append("</tbody></table>")
    return out


def legend_html():
    items = "".join(f"<li><span class=\"sw {cls}\">{html.escape(code)}</span> "
                    f"{html.escape(text)}" for cls, code, text in LEGEND_HTML)
    return f"<ul class=legend>{items}</ul>"


PAGE_STYLE = (
    "body{font:14px/1.4 sans-serif;margin:1em 1.5em;color:#111}"
    "h1{font-size:1.6em}table{border-collapse:separate;border-spacing:0}"
    "td,th{border:solid #ccc;border-width:0 1px 1px 0;padding:1px 5px}"
    "thead th{background:#e8ecf4;vertical-align:bottom}"
    ".wide,.scroll{overflow:auto;border:1px solid #999;max-width:100%;width:fit-content}"
    ".scroll{max-height:85vh}"
    ".grid{font-size:11px}.grid thead{position:sticky;top:0;z-index:2}"
    ".grid thead th{text-align:center;font-weight:normal;white-space:nowrap}"
    ".grid thead th[data-c]{text-align:left}"
    # A group's name stays in sight while its columns scroll past the first
    # column (whose width the script puts in --first).
    ".grid thead th[data-c]>span{display:inline-block;position:sticky;left:var(--first,0)}"
    ".grid th:first-child{position:sticky;left:0;z-index:1;background:#f6f6f6;"
    "text-align:left;font-weight:normal}"
    ".grid thead th:first-child{background:#dde3ee;font-weight:bold;z-index:3}"
    ".grid tbody th{font-family:monospace;white-space:nowrap}"
    ".grid tr.d>th:first-child{font-weight:bold}"
    ".grid td{text-align:center;min-width:2.6em;padding:0 2px}"
    ".grid small{display:block;color:#555}.num th{font-weight:bold}"
    ".grid td a,#messages a{color:inherit}"
    ".v td,.sw{background:#c8eac4}"
    ".f{background:#d93b3b!important;color:#fff;font-weight:bold}"
    ".c{background:#8b1010!important;color:#fff;font-weight:bold}"
    ".t{background:#f0a030!important}.r{background:#f3e27a!important}"
    ".k{background:#fff3c4!important;color:#7a5a00;font-style:italic;"
    "outline:1px dashed #c9a227;outline-offset:-2px}"
    ".s{background:#dedede!important;color:#444}"
    ".i{background:#7b4fc4!important;color:#fff}.n{background:#ddd0f2!important}"
    ".x{background:repeating-linear-gradient(45deg,#bbb 0 3px,#e6e6e6 3px 6px)!important}"
    ".a{background:#fff!important}"
    ".o td{background:#fff}.o1{background:#cfe0ff!important}.o2{background:#ffd9b3!important}"
    ".o3{background:#e0ccff!important}.o4{background:#c9f0e4!important}"
    ".o5{background:#f5c6d8!important}"
    ".vals{font:11px sans-serif;white-space:normal;max-width:40em;color:#333}"
    ".e1{border-left:1px solid #444}.e2{border-left:2px solid #444}"
    ".legend{padding:0;margin:.5em 0}.legend li{display:inline-block;margin:1px 1.2em 1px 0}"
    ".sw{display:inline-block;min-width:3.5em;height:1.4em;line-height:1.4em;"
    "vertical-align:middle;text-align:center;font-size:11px;border:1px solid #999}"
    ".systems td.cnt{text-align:right}"
    "#messages td,#messages th,#evidence-table td,#evidence-table th{vertical-align:top;"
    "font-size:12px}#evidence-table a{margin-right:.3em}"
    ".msg{font-family:monospace;white-space:pre-wrap}.ev{color:#5a4600;margin-top:2px}"
    "#messages code{white-space:nowrap}tr:target{background:#fff3a8}"
    "#filters{position:sticky;top:0;z-index:5;background:#fff;padding:4px 0;"
    "border-bottom:1px solid #999}"
    "#filters label{margin-right:.8em;white-space:nowrap}")


def html_page(records):
    """The matrix as one self-contained page (no external resources)."""
    e = html.escape
    rows = matrix_rows(records)
    differ = sum(1 for _, v in rows if differs(v))
    levels = [column_levels(r) for r in records]
    keys = [k for k, _ in levels]
    shown = [s for _, s in levels]
    where, notes = footnotes(records, rows)
    with open(FILTERS_JS, encoding="utf-8") as f:
        script = f.read()
    selects = "".join(f"<label>{e(title)} <select name={name}><option value=\"\">all"
                      "</select></label>" for name, title in LEVELS)
    filters = ("<form id=filters hidden><label>rows <select name=rows>"
               "<option value=all>all<option value=differ>that differ"
               "<option value=red>not all PASS</select></label>"
               "<label>case <input name=q type=search size=24 "
               "placeholder=\"id or group, e.g. munmap/\"></label>"
               f"{selects}<button type=reset>show all</button> "
               "<output id=shown></output></form>")
    out = ["<!DOCTYPE html><html lang=en><head><meta charset=\"utf-8\">"
           "<meta name=viewport content=\"width=device-width\">"
           "<title>mmapcts: verdicts across systems</title>"
           f"<style>{PAGE_STYLE}{edge_style(keys)}</style>"
           "<style id=hidden-columns></style></head><body>"
           "<h1>mmapcts: verdicts across systems</h1>"
           f"<p>{len(records)} records, {len(rows)} cases; {differ} differ between records. "
           "<a href=#verdicts>Verdicts</a> \u00b7 <a href=#message-notes>Messages</a> "
           "\u00b7 <a href=#records>Records</a> \u00b7 <a href=#observations>Observations</a>"
           "</p>",
           "<h2 id=verdicts>Verdicts</h2>",
           "<p>Columns are grouped by how the cases ran, architecture, kernel, libc and "
           "filesystem (<a href=#records>Records</a> has each system's counts); rows that "
           "differ between records come first, their case in bold.  A cell's link leads to "
           "its message under <a href=#message-notes>Messages</a>, and its title shows "
           "it.</p>",
           legend_html(), filters]
    out += verdict_grid(records, keys, shown, rows, where)
    out += ["<h3 id=message-notes>Messages</h3>",
            "<p>Each distinct message once, with the evidence of a known deviation, and the "
            "cases and columns that said it.</p>"]
    out += messages_table(notes)
    out += ["<h2 id=records>Records</h2>",
            "<p>A row per system, in the order of the matrix's columns: how it ran, "
            "complete or not (and why not), and how many cells of its column show each "
            "verdict.</p>"]
    out += records_table(records, rows)
    out += ["<h2 id=observations>Observations (implementation-defined behaviour)</h2>",
            "<p>Tinted cells differ from the row's most common value (white); long values "
            "are named by the letters listed under the key; <b>-</b>: not observed in that "
            "record.</p>"]
    if observation_rows(records):
        out += observation_grid(records, keys, shown)
    else:
        out.append("<p>None recorded.</p>")
    out.append(f"<script>{script}</script></body></html>\n")
    return "".join(out)


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
