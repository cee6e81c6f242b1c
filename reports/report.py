#!/usr/bin/env python3
"""Compare mmapcts run records.

  report.py matrix RECORD... [--markdown FILE] [--html FILE]
      cases x records (kernel, architecture, page size, libc, filesystem,
      emulation): the verdicts, every row that differs brought to the top,
      and a second table of the recorded observations across systems.
  report.py diff BASE NEW [--expectations FILE]
      what regressed (PASS -> FAIL, TIMEOUT or CRASH), what was fixed, what
      else changed, what is new or gone.  Exit status 1 on a regression, so
      that CI can gate a kernel upgrade on it.  A verdict that the
      expectations file names for NEW's system is a known deviation, not a
      regression.

Bad input (a truncated record, a record of another format version, a file
that is not a record) gets a one-line error naming the file and exit
status 2.  Python standard library only.
"""
import argparse
import html
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import expectations  # noqa: E402

FORMAT, VERSION = "mmapcts-record", 1
FAILING = ("FAIL", "TIMEOUT", "CRASH")


class RecordError(Exception):
    """A file that cannot be used as a record; the message names it."""


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as err:
        raise RecordError(f"{path}: cannot read: {err.strerror}") from None
    except (ValueError, UnicodeDecodeError) as err:
        raise RecordError(f"{path}: not JSON, or truncated ({err})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RecordError(f"{path}: not an mmapcts record")
    if data.get("format_version") != VERSION:
        raise RecordError(f"{path}: a record of format version "
                          f"{data.get('format_version')}; these tools read version {VERSION}")
    if not isinstance(data.get("system"), dict) or not isinstance(data.get("cases"), list):
        raise RecordError(f"{path}: the record has no system or no case list")
    for case in data["cases"]:
        if not isinstance(case, dict) or "id" not in case or "verdict" not in case:
            raise RecordError(f"{path}: a case without id or verdict")
    data["_path"] = path
    return data


def label(rec):
    """How a record is named in a table: the system it ran on."""
    s = rec["system"]
    libc = s.get("libc", {})
    parts = [s.get("kernel_release", "?"), s.get("machine", "?"),
             f"{s.get('page_size', '?')}B pages",
             f"{libc.get('name', '?')} {libc.get('version', '')}".strip(),
             s.get("tmpdir", {}).get("fstype", "?")]
    if s.get("emulation"):
        parts.append(f"emulated: {s['emulation']}")
    if rec.get("complete") is False:
        parts.append("INCOMPLETE")
    return ", ".join(parts)


def verdicts(rec):
    return {c["id"]: c["verdict"] for c in rec["cases"]}


def matrix_rows(records):
    """(id, [verdict per record]) with the rows that differ first."""
    per = [verdicts(r) for r in records]
    ids = sorted(set().union(*per))
    rows = [(i, [p.get(i, "-") for p in per]) for i in ids]
    return sorted(rows, key=lambda r: (len(set(r[1])) == 1, r[0]))


def observation_rows(records):
    per = []
    for r in records:
        obs = {}
        for c in r["cases"]:
            for k, v in (c.get("observations") or {}).items():
                obs[(c["id"], k)] = v
        per.append(obs)
    keys = sorted(set().union(*per))
    rows = [(f"{i} {k}", [p.get((i, k), "-") for p in per]) for i, k in keys]
    return sorted(rows, key=lambda r: (len(set(r[1])) == 1, r[0]))


def markdown(records):
    heads = [label(r) for r in records]
    out = ["# mmapcts: verdicts across systems", "",
           "Records: " + "; ".join(f"({n}) {h}" for n, h in enumerate(heads, 1)), ""]
    rows = matrix_rows(records)
    differ = sum(1 for _, v in rows if len(set(v)) > 1)
    out += [f"{len(rows)} cases; {differ} differ between records (listed first).", ""]
    out.append("| case | " + " | ".join(f"({n})" for n in range(1, len(records) + 1)) + " |")
    out.append("|---|" + "---|" * len(records))
    out += [f"| `{i}` | " + " | ".join(v) + " |" for i, v in rows]
    obs = observation_rows(records)
    out += ["", "## Observations (implementation-defined behaviour)", ""]
    if obs:
        out.append("| case, key | " + " | ".join(f"({n})" for n in range(1, len(records) + 1)) + " |")
        out.append("|---|" + "---|" * len(records))
        out += [f"| `{i}` | " + " | ".join(v.replace("|", "\\|") for v in vals) + " |"
                for i, vals in obs]
    else:
        out.append("None recorded.")
    return "\n".join(out) + "\n"


COLOURS = {"PASS": "#d7f5d7", "FAIL": "#f7c6c6", "CRASH": "#f2a5a5", "TIMEOUT": "#f7d9a8",
           "UNRESOLVED": "#eee0a8", "UNSUPPORTED": "#e4e4e4", "UNTESTED": "#e4e4e4"}


def html_page(records):
    e = html.escape
    heads = [label(r) for r in records]

    def table(title, rows):
        parts = [f"<h2>{e(title)}</h2><table><tr><th>case</th>"]
        parts += [f"<th>({n})</th>" for n in range(1, len(records) + 1)]
        parts.append("</tr>")
        for name, vals in rows:
            cls = ' class="differs"' if len(set(vals)) > 1 else ""
            parts.append(f"<tr{cls}><td><code>{e(name)}</code></td>")
            for v in vals:
                colour = COLOURS.get(v, "#ffffff")
                parts.append(f'<td style="background:{colour}">{e(v)}</td>')
            parts.append("</tr>")
        parts.append("</table>")
        return "".join(parts)

    legend = "".join(f"<li>({n}) {e(h)}</li>" for n, h in enumerate(heads, 1))
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            "<title>mmapcts: verdicts across systems</title><style>"
            "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
            "td,th{border:1px solid #bbb;padding:2px 6px;font-size:13px}"
            "tr.differs td:first-child{font-weight:bold}</style></head><body>"
            "<h1>mmapcts: verdicts across systems</h1>"
            f"<ol style=\"list-style:none;padding:0\">{legend}</ol>"
            "<p>Rows that differ between records come first, in bold.</p>"
            + table("Verdicts", matrix_rows(records))
            + table("Observations (implementation-defined behaviour)",
                    observation_rows(records))
            + "</body></html>\n")


def diff(base, new, known):
    b, n = verdicts(base), verdicts(new)
    result = {"regressed": [], "fixed": [], "changed": [], "known": [], "new": [], "gone": []}
    for i in sorted(set(b) | set(n)):
        if i not in b:
            result["new"].append((i, None, n[i]))
        elif i not in n:
            result["gone"].append((i, b[i], None))
        elif b[i] != n[i]:
            if n[i] in FAILING and known and expectations.explain(known, i, n[i], new["system"]):
                result["known"].append((i, b[i], n[i]))
            elif b[i] == "PASS" and n[i] in FAILING:
                result["regressed"].append((i, b[i], n[i]))
            elif b[i] in FAILING and n[i] == "PASS":
                result["fixed"].append((i, b[i], n[i]))
            else:
                result["changed"].append((i, b[i], n[i]))
    return result


def main(argv=None):
    ap = argparse.ArgumentParser(description="Compare mmapcts run records.")
    sub = ap.add_subparsers(dest="command", required=True)
    m = sub.add_parser("matrix", help="verdicts and observations, cases x records")
    m.add_argument("records", nargs="+")
    m.add_argument("--markdown", help="write the Markdown table here (default: stdout)")
    m.add_argument("--html", help="write a self-contained HTML page here")
    d = sub.add_parser("diff", help="what changed from BASE to NEW")
    d.add_argument("base")
    d.add_argument("new")
    d.add_argument("--expectations", default=expectations.DEFAULT_PATH,
                   help="known deviations (default: reports/expectations.tsv)")
    args = ap.parse_args(argv)
    try:
        if args.command == "matrix":
            records = [load(p) for p in args.records]
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
        base, new = load(args.base), load(args.new)
        known = expectations.load(args.expectations) if args.expectations else []
    except (RecordError, expectations.ExpectationError) as err:
        print(f"report: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"report: {err.filename}: {err.strerror}", file=sys.stderr)
        return 2
    result = diff(base, new, known)
    print(f"base: {label(base)}\nnew:  {label(new)}")
    titles = {"regressed": "REGRESSED", "fixed": "fixed", "known": "known deviation",
              "changed": "changed", "new": "new", "gone": "gone"}
    for key, title in titles.items():
        for i, was, now in result[key]:
            print(f"{title:16} {i}: {was or '-'} -> {now or '-'}")
    counts = ", ".join(f"{len(v)} {k}" for k, v in result.items())
    print(f"diff: {counts}")
    return 1 if result["regressed"] else 0


if __name__ == "__main__":
    sys.exit(main())
