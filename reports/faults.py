#!/usr/bin/env python3
"""make faults: prove the suite fails when memory mapping is broken.

Runs the whole suite once on this system and once under every fault of
mmapcts-faults.so (`mmapcts --fault NAME`), then writes the kill matrix
(fault x case) and its summary under reports/:

  reports/faults.md          score, per-group breakdown, uncaught faults,
                             cases no fault made fail (with their reasons)
  reports/faults-matrix.tsv  one row per fault, one column per case: F where
                             the fault turned the case's PASS into FAIL

Exit status 1 when a fault went uncaught or the runner was unhealthy under
a fault (a crash, a case without a verdict).  Python standard library only.
"""
import argparse
import collections
import os
import subprocess
import sys
import tempfile
import time

from mmapcts_formats import record as records

HERE = os.path.dirname(os.path.abspath(__file__))


def run_suite(runner, record, fault=None, jobs=None, cases_dir=None):
    cmd = [runner, "--no-progress", "--json", record]
    if fault:
        cmd += ["--fault", fault]
    if jobs:
        cmd += ["-j", str(jobs)]
    if cases_dir:
        cmd += ["--cases-dir", cases_dir]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    try:
        data = records.load(record)
    except records.RecordError as err:
        data = None
        proc.stderr += f"\nthe record is unusable: {err}"
    return proc, data


def list_faults(runner):
    out = subprocess.run([runner, "--list-faults"], capture_output=True, text=True,
                         check=True).stdout
    faults = []
    for line in out.splitlines():
        name, group, text = line.split(None, 2)
        faults.append({"name": name, "group": group, "description": text})
    return faults


def read_manifest(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            fields += [""] * (10 - len(fields))
            rows[fields[0]] = {"group": fields[2], "profile": fields[3],
                               "no_fault": fields[9]}
    return rows


def healthy(proc, record, manifest_ids):
    """Did the runner itself survive the fault and give every case a verdict?"""
    if proc.returncode not in (0, 1) or record is None:
        return f"runner exit status {proc.returncode}: {proc.stderr.strip()[-300:]}"
    if not record.get("complete"):
        return "the record is incomplete"
    got = {c["id"] for c in record["cases"]}
    missing = manifest_ids - got
    if missing:
        return f"{len(missing)} cases without a verdict, e.g. {sorted(missing)[0]}"
    return None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runner", required=True, help="the mmapcts runner")
    ap.add_argument("--cases-dir", help="where manifest.tsv and the cases are")
    ap.add_argument("--out", default=HERE, help="where to write the report (reports/)")
    ap.add_argument("-j", "--jobs", type=int, help="cases at once (runner default)")
    ap.add_argument("--fault", action="append", help="only this fault (repeatable)")
    args = ap.parse_args(argv)

    cases_dir = args.cases_dir or os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(args.runner))), "cases")
    manifest = read_manifest(os.path.join(cases_dir, "manifest.tsv"))
    ids = set(manifest)
    faults = list_faults(args.runner)
    if args.fault:
        faults = [f for f in faults if f["name"] in args.fault]

    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mmapcts-faults.") as tmp:
        proc, base = run_suite(args.runner, os.path.join(tmp, "base.json"),
                               jobs=args.jobs, cases_dir=cases_dir)
        problem = healthy(proc, base, ids)
        if problem:
            print(f"faults: the suite is not healthy without a fault: {problem}",
                  file=sys.stderr)
            return 1
        passed = {c["id"] for c in base["cases"] if c["verdict"] == "PASS"}
        kills = {}
        unhealthy = {}
        for fault in faults:
            proc, rec = run_suite(args.runner, os.path.join(tmp, fault["name"] + ".json"),
                                  fault=fault["name"], jobs=args.jobs, cases_dir=cases_dir)
            problem = healthy(proc, rec, ids)
            if problem:
                unhealthy[fault["name"]] = problem
            kills[fault["name"]] = sorted(
                c["id"] for c in (rec or {"cases": []})["cases"]
                if c["verdict"] == "FAIL" and c["id"] in passed)
    elapsed = time.monotonic() - start

    caught = [f for f in faults if kills[f["name"]]]
    uncaught = [f for f in faults if not kills[f["name"]]]
    killed_cases = set().union(*kills.values()) if kills else set()
    # Only a case that passes here can be shown to fail by a fault; the
    # others (known deviations, UNSUPPORTED) are listed apart.
    not_passing = sorted(ids - passed)
    never = sorted(passed - killed_cases)
    score = 100.0 * len(caught) / len(faults) if faults else 0.0

    by_group = collections.OrderedDict()
    for f in faults:
        g = by_group.setdefault(f["group"], [0, 0])
        g[0] += bool(kills[f["name"]])
        g[1] += 1
    case_groups = collections.Counter(manifest[i]["group"] for i in ids)
    killed_by_group = collections.Counter(manifest[i]["group"] for i in killed_cases)

    os.makedirs(args.out, exist_ok=True)
    case_ids = sorted(ids)
    with open(os.path.join(args.out, "faults-matrix.tsv"), "w", encoding="utf-8") as f:
        f.write("fault\t" + "\t".join(case_ids) + "\n")
        for fault in faults:
            hit = set(kills[fault["name"]])
            f.write(fault["name"] + "\t" +
                    "\t".join("F" if c in hit else "." for c in case_ids) + "\n")

    lines = [
        "# Fault injection: does the suite catch a broken system?",
        "",
        "Generated by `make faults` (reports/faults.py): the whole suite once on",
        "this system and once under each fault of `mmapcts-faults.so`.  A fault is",
        "*caught* when at least one case that passed without it FAILs under it.",
        "The full kill matrix is `faults-matrix.tsv`.",
        "",
        f"**Score: {len(caught)}/{len(faults)} faults caught ({score:.0f}%)** over "
        f"{len(ids)} cases, in {elapsed:.1f} s.",
        "",
        "| fault group | caught | faults |",
        "|---|---|---|",
    ]
    lines += [f"| {g} | {c} | {n} |" for g, (c, n) in by_group.items()]
    lines += ["", "| fault | group | cases it makes FAIL | what it breaks |",
              "|---|---|---|---|"]
    for f in faults:
        k = kills[f["name"]]
        shown = ", ".join(f"`{c}`" for c in k[:3]) + (f" and {len(k) - 3} more" if len(k) > 3 else "")
        lines.append(f"| `{f['name']}` | {f['group']} | {len(k)}: {shown or '**none**'} | "
                     f"{f['description']} |")
    lines += ["", "| case group | cases some fault makes FAIL | cases |", "|---|---|---|"]
    lines += [f"| {g} | {killed_by_group[g]} | {n} |" for g, n in sorted(case_groups.items())]
    lines += ["", f"## Cases no fault made fail ({len(never)} of the {len(passed)} that pass here)", ""]
    if never:
        lines += ["Each needs a fault that proves it can fail, or a reason in its",
                  "`.no_fault` metadata why no interposed fault can reach its rule.", ""]
        for c in never:
            reason = manifest[c]["no_fault"] or "**no fault reaches it yet**"
            lines.append(f"- `{c}`: {reason}")
    else:
        lines.append("None.")
    if not_passing:
        verdicts = {c["id"]: c["verdict"] for c in base["cases"]}
        lines += ["", f"## Cases that do not pass here ({len(not_passing)})", "",
                  "A fault cannot turn these into a FAIL: they are UNSUPPORTED on this",
                  "system, or known deviations (reports/expectations.tsv).", ""]
        lines += [f"- `{c}`: {verdicts.get(c, '?')}" for c in not_passing]
    if unhealthy:
        lines += ["", "## Faults under which the runner was unhealthy", ""]
        lines += [f"- `{n}`: {p}" for n, p in unhealthy.items()]
    with open(os.path.join(args.out, "faults.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    print(f"faults: {len(caught)}/{len(faults)} caught ({score:.0f}%) over {len(ids)} cases "
          f"in {elapsed:.1f} s")
    for g, (c, n) in by_group.items():
        print(f"  {g:14} {c}/{n}")
    print(f"  cases no fault made fail: {len(never)} of the {len(passed)} that pass here "
          f"({sum(1 for c in never if not manifest[c]['no_fault'])} without a reason)")
    for f in uncaught:
        print(f"  UNCAUGHT {f['name']}: {f['description']}")
    for n, p in unhealthy.items():
        print(f"  UNHEALTHY {n}: {p}")
    print(f"  report: {os.path.join(args.out, 'faults.md')}")
    return 1 if uncaught or unhealthy else 0


if __name__ == "__main__":
    sys.exit(main())
