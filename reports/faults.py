#!/usr/bin/env python3
"""make faults: prove the suite fails when memory mapping is broken.

Runs the suite once on this system, once more with mmapcts-faults.so in its
trace mode (MMAPCTS_FAULT=trace: no fault, every call passed through, each
case's images and children noting which of the library's hook slots they
reached), and then under every fault only the cases that reached one of the
hooks that fault has (MMAPCTS_FAULT=hooks lists them).  A case that never
reached a hook runs as it does here, so it cannot change verdict; a case
with no trace at all runs under every fault.  `--full` runs every case
under every fault (the kill matrix the selection must equal).

A fault is *caught* when the run goes red: some case that PASSes here is
FAIL, TIMEOUT or CRASH under it.  A fault that only moved verdicts to
UNRESOLVED, UNTESTED or UNSUPPORTED is not caught: a broken setup step must
be FAIL-asserted by some case.  Writes under reports/:

  reports/faults.md          score, per-group breakdown, uncaught faults,
                             cases no fault made fail (with their reasons)
  reports/faults-matrix.tsv  one row per fault, one column per case: F, T or
                             C where the fault turned the case's PASS into
                             FAIL, TIMEOUT or CRASH

Exit status 1 when a fault went uncaught (or only not red) or the
runner was unhealthy under a fault (a crash, a case without a verdict).
Python standard library only.
"""
import argparse
import collections
import concurrent.futures
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

from mmapcts_formats import manifest
from mmapcts_formats import record as records

HERE = os.path.dirname(os.path.abspath(__file__))
RED = {"FAIL": "F", "TIMEOUT": "T", "CRASH": "C"}
NOT_RED = ("UNRESOLVED", "UNTESTED", "UNSUPPORTED")


class Clock:
    """Wall and CPU time (this process and its waited-for children)."""

    def __init__(self):
        self.wall = time.monotonic()
        t = os.times()
        self.cpu = t.children_user + t.children_system + t.user + t.system

    def since(self):
        t = os.times()
        return (time.monotonic() - self.wall,
                t.children_user + t.children_system + t.user + t.system - self.cpu)


def run_suite(runner, record, fault=None, jobs=None, cases_dir=None, cases=None, wrapper=None):
    cmd = [runner, "--no-progress", "--json", record]
    if fault:
        cmd += ["--fault", fault]
    if jobs:
        cmd += ["-j", str(jobs)]
    if cases_dir:
        cmd += ["--cases-dir", cases_dir]
    if wrapper:
        cmd += ["--wrapper", wrapper]
    cmd += sorted(cases or [])
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


def faults_lib(runner):
    return os.path.join(os.path.dirname(os.path.abspath(runner)), "faults",
                        "mmapcts-faults.so")


def fault_hooks(lib):
    """{fault: set of hook slots}, from the library itself (MMAPCTS_FAULT=hooks)."""
    env = dict(os.environ, LD_PRELOAD=lib, MMAPCTS_FAULT="hooks")
    out = subprocess.run([shutil.which("true") or "/bin/true"], env=env, capture_output=True,
                         text=True, check=True).stdout
    hooks = {}
    for line in out.splitlines():
        name, _, slots = line.partition("\t")
        hooks[name] = set(slots.split())
        armed = [s for s in hooks[name] if s.startswith("armed_by:")]
        if armed:
            # asleep until the case reaches that slot: nothing before it changes
            hooks[name] = {armed[0].split(":", 1)[1]}
            continue
        if "mmap_when" in hooks[name]:
            # the gate narrows the mmap hooks to the calls it let through in
            # the trace, where it is noted as when:FAULT
            hooks[name] -= {"mmap", "mmap_anon", "mmap_file", "mmap_when"}
            hooks[name].add("when:" + name)
    return hooks


def read_matrix(path):
    """{fault: set of cases it turned red}, from a faults-matrix.tsv."""
    kills = collections.defaultdict(set)
    try:
        with open(path, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")[1:]
            for line in f:
                row = line.rstrip("\n").split("\t")
                kills[row[0]] = {c for c, mark in zip(header, row[1:]) if mark != "."}
    except OSError:
        pass
    return kills


def plan_witnesses(known, selection, passed):
    """{fault: cases}: for each fault one case it turned red before (if
    its selection still holds one), then for each passing case not yet
    planned one fault that turned it red before, preferring faults already
    in the plan (fewer runner starts)."""
    plan = collections.defaultdict(set)
    for name, chosen in selection.items():
        witnesses = sorted(known.get(name, set()) & chosen & passed)
        if witnesses:
            plan[name].add(witnesses[0])
    covered = set().union(*plan.values()) if plan else set()
    killers = collections.defaultdict(list)
    for name, cases in known.items():
        if name in selection:
            for c in cases & selection[name]:
                killers[c].append(name)
    for c in sorted(passed - covered):
        if killers[c]:
            name = max(sorted(killers[c]), key=lambda n: len(plan.get(n, ())))
            plan[name].add(c)
    return dict(plan)


def trace_wrapper(lib, trace_dir):
    """The --wrapper of the trace run: the case's command line ("$*", the
    program and its --variant) names the case in every line it notes."""
    return (f"env MMAPCTS_FAULT=trace MMAPCTS_FAULT_TRACE={shlex.quote(trace_dir)} "
            f'MMAPCTS_FAULT_TRACE_CASE="$*" '
            f'LD_PRELOAD="{shlex.quote(lib)}${{LD_PRELOAD:+ $LD_PRELOAD}}"')


def read_trace(trace_dir, manifest, cases_dir):
    """{case id: set of hook slots it reached}, from the trace files."""
    by_command = {}
    for cid, row in manifest.items():
        prog = os.path.realpath(os.path.join(cases_dir, row["program"]))
        by_command[(prog, row["variant"])] = cid
    reached = collections.defaultdict(set)
    for name in os.listdir(trace_dir):
        with open(os.path.join(trace_dir, name), encoding="utf-8", errors="replace") as f:
            for line in f:
                command, _, slot = line.rstrip("\n").rpartition("\t")
                prog, _, rest = command.partition(" --variant ")
                cid = by_command.get((os.path.realpath(prog), rest))
                if cid:
                    reached[cid].add(slot)
    return reached


def read_manifest(path):
    return {case["id"]: case for case in manifest.load(path)}


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
    ap.add_argument("--runners", type=int, default=2, choices=range(1, 9), metavar="N",
                    help="faults run at once, one runner each (default 2)")
    ap.add_argument("--full", action="store_true",
                    help="every case under every fault (no trace, no selection)")
    ap.add_argument("--keep", help="keep the records and the trace in this directory")
    ap.add_argument("--witness", metavar="MATRIX",
                    help="prove each fault caught and each case killable by re-running the "
                         "kills a previous faults-matrix.tsv recorded (faults + cases runs, not "
                         "faults x cases), the whole selection only where those no longer hold")
    args = ap.parse_args(argv)

    cases_dir = args.cases_dir or os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(args.runner))), "cases")
    manifest = read_manifest(os.path.join(cases_dir, "manifest.tsv"))
    ids = set(manifest)
    faults = list_faults(args.runner)
    if args.fault:
        faults = [f for f in faults if f["name"] in args.fault]
    lib = faults_lib(args.runner)
    hooks = fault_hooks(lib)

    start = Clock()
    with tempfile.TemporaryDirectory(prefix="mmapcts-faults.") as tmp:
        tmp = args.keep or tmp
        os.makedirs(tmp, exist_ok=True)
        clock = Clock()
        proc, base = run_suite(args.runner, os.path.join(tmp, "base.json"),
                               jobs=args.jobs, cases_dir=cases_dir)
        one_run = clock.since()
        problem = healthy(proc, base, ids)
        if problem:
            print(f"faults: the suite is not healthy without a fault: {problem}",
                  file=sys.stderr)
            return 1
        verdict = {c["id"]: c["verdict"] for c in base["cases"]}
        passed = {c for c, v in verdict.items() if v == "PASS"}
        reached, untraced, trace_changed = None, set(), []
        if not args.full:
            trace_dir = os.path.join(tmp, "trace")
            os.makedirs(trace_dir, exist_ok=True)
            proc, traced = run_suite(args.runner, os.path.join(tmp, "trace.json"),
                                     jobs=args.jobs, cases_dir=cases_dir,
                                     wrapper=trace_wrapper(lib, trace_dir))
            problem = healthy(proc, traced, ids)
            if problem:
                print(f"faults: the trace run is not healthy: {problem}", file=sys.stderr)
                return 1
            reached = read_trace(trace_dir, manifest, cases_dir)
            untraced = passed - set(reached)
            trace_changed = sorted(c["id"] for c in traced["cases"]
                                   if c["verdict"] != verdict.get(c["id"]))
        kills, moved, unhealthy, selected = {}, {}, {}, {}
        selection = {}
        for fault in faults:
            name = fault["name"]
            if reached is None:
                selection[name] = set(passed)
            else:
                selection[name] = ({c for c in passed if reached.get(c, set()) &
                                    hooks.get(name, set())} | untraced)
            kills[name], moved[name], selected[name] = [], [], 0
        ran = collections.defaultdict(set)

        def run_fault(name, chosen, part):
            chosen = set(chosen) - ran[name]
            if not chosen:
                return
            ran[name] |= chosen
            selected[name] += len(chosen)
            proc, rec = run_suite(args.runner, os.path.join(tmp, f"{name}.{part}.json"),
                                  fault=name, jobs=args.jobs, cases_dir=cases_dir,
                                  cases=None if args.full else chosen)
            problem = healthy(proc, rec, ids if args.full else chosen)
            if problem:
                unhealthy[name] = problem
            for c in (rec or {"cases": []})["cases"]:
                if c["id"] not in passed:
                    continue
                if c["verdict"] in RED:
                    kills[name].append((c["id"], RED[c["verdict"]]))
                elif c["verdict"] in NOT_RED:
                    moved[name].append((c["id"], c["verdict"]))
            kills[name].sort()
            moved[name].sort()

        def run_plan(plan, part):
            # Two runners at once: each ends waiting for its slowest case,
            # and the other keeps the processors busy meanwhile.
            with concurrent.futures.ThreadPoolExecutor(max_workers=args.runners) as pool:
                list(pool.map(lambda item: run_fault(item[0], item[1], part),
                              sorted(plan.items())))

        if args.witness:
            # Round 1: the kills the last full matrix recorded, one witness
            # per fault and one per case, each still within the traced
            # selection.  Round 2, for what round 1 did not prove: the
            # fault's whole selection, and a case under every fault that
            # reaches it.  What is proved is proved by a run here.
            known = read_matrix(args.witness)
            run_plan(plan_witnesses(known, selection, passed), "witness")
            proven = {c for k in kills.values() for c, _ in k}
            retry = {n: set(selection[n]) for n in selection if not kills[n]}
            for c in passed - proven:
                for n in selection:
                    if c in selection[n]:
                        retry.setdefault(n, set()).add(c)
            run_plan(retry, "rest")
        else:
            run_plan(selection, "all")
    elapsed, cpu = start.since()
    ratio, cpu_ratio = elapsed / one_run[0], (cpu / one_run[1] if one_run[1] else 0.0)
    runs = sum(selected.values())

    caught = [f for f in faults if kills[f["name"]]]
    # Not caught, but the run changed: only setup steps broke (UNRESOLVED,
    # UNTESTED, UNSUPPORTED); some case must FAIL-assert the step.
    not_red = [f for f in faults if not kills[f["name"]] and moved[f["name"]]]
    uncaught = [f for f in faults if not kills[f["name"]] and not moved[f["name"]]]
    killed_cases = set().union(*({c for c, _ in k} for k in kills.values())) if kills else set()
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
            hit = dict(kills[fault["name"]])
            f.write(fault["name"] + "\t" + "\t".join(hit.get(c, ".") for c in case_ids) + "\n")

    how = ("every case under each fault (`--full`)" if args.full else
           "under each fault only the cases that reached one of its hooks" +
           (", first only the kills the last matrix recorded (`--witness`): this matrix "
            "holds the kills re-proved, not every kill" if args.witness else ""))
    timing = (f"{elapsed:.1f} s wall, {cpu:.1f} s CPU: {ratio:.1f}x the wall and "
              f"{cpu_ratio:.1f}x the CPU time of one suite run ({one_run[0]:.1f} s, "
              f"{one_run[1]:.1f} s CPU); {runs} case runs under faults, "
              f"{runs / max(len(passed), 1):.1f} suites' worth")
    lines = [
        "# Fault injection: does the suite catch a broken system?",
        "",
        "Generated by `make faults` (reports/faults.py): the whole suite once on",
        "this system, once traced (which hooks of `mmapcts-faults.so` each case",
        f"reaches), and {how}.  A fault is *caught* when the run goes red: a case",
        "that passes without it is FAIL, TIMEOUT or CRASH under it.  A fault that",
        "only turns cases UNRESOLVED, UNTESTED or UNSUPPORTED is not caught.",
        "The full kill matrix is `faults-matrix.tsv` (F, T, C: the red verdict).",
        "",
        f"**Score: {len(caught)}/{len(faults)} faults caught ({score:.0f}%)** over "
        f"{len(ids)} cases; {len(not_red)} only broke setup (not red), "
        f"{len(uncaught)} changed nothing.",
        "",
        f"Time: {timing}.",
        "",
        "| fault group | caught | faults |",
        "|---|---|---|",
    ]
    lines += [f"| {g} | {c} | {n} |" for g, (c, n) in by_group.items()]
    lines += ["", "| fault | group | hooks | cases run | cases it turns red | what it breaks |",
              "|---|---|---|---|---|---|"]
    for f in faults:
        k = [c for c, _ in kills[f["name"]]]
        shown = ", ".join(f"`{c}`" for c in k[:3]) + (f" and {len(k) - 3} more" if len(k) > 3 else "")
        slots = " ".join(sorted(hooks.get(f["name"], ())))
        lines.append(f"| `{f['name']}` | {f['group']} | {slots} | {selected[f['name']]} | "
                     f"{len(k)}: {shown or '**none**'} | {f['description']} |")
    if not_red or uncaught:
        lines += ["", "## Faults not caught", "",
                  "Each needs a case that FAILs under it (a setup step a case relies on",
                  "must be FAIL-asserted by another case)."]
        lines += [""]
        for f in not_red:
            m = moved[f["name"]]
            kinds = collections.Counter(v for _, v in m)
            shown = ", ".join(f"`{c}` {v}" for c, v in m[:3]) + (
                f" and {len(m) - 3} more" if len(m) > 3 else "")
            lines.append(f"- `{f['name']}`: "
                         f"only not red, {', '.join(f'{n} {v}' for v, n in sorted(kinds.items()))}: "
                         f"{shown}")
        for f in uncaught:
            lines.append(f"- `{f['name']}`: no case changed verdict")
    lines += ["", "| case group | cases some fault turns red | cases |", "|---|---|---|"]
    lines += [f"| {g} | {killed_by_group[g]} | {n} |" for g, n in sorted(case_groups.items())]
    lines += ["", f"## Cases no fault turned red ({len(never)} of the {len(passed)} that pass here)", ""]
    if never:
        lines += ["Each needs a fault that proves it can fail, or a reason in its",
                  "`.no_fault` metadata why no interposed fault can reach its rule.", ""]
        for c in never:
            reason = manifest[c]["no_fault"] or "**no fault reaches it yet**"
            lines.append(f"- `{c}`: {reason}")
    else:
        lines.append("None.")
    if not_passing:
        lines += ["", f"## Cases that do not pass here ({len(not_passing)})", "",
                  "A fault cannot turn these red: they are UNSUPPORTED on this",
                  "system, or known deviations (reports/expectations.tsv).", ""]
        lines += [f"- `{c}`: {verdict.get(c, '?')}" for c in not_passing]
    if untraced or trace_changed:
        lines += ["", "## The trace run", ""]
        if untraced:
            lines += [f"- {len(untraced)} passing cases left no trace (run under every fault): "
                      + ", ".join(f"`{c}`" for c in sorted(untraced)[:10])]
        if trace_changed:
            lines += [f"- {len(trace_changed)} cases had another verdict traced: "
                      + ", ".join(f"`{c}`" for c in trace_changed[:10])]
    if unhealthy:
        lines += ["", "## Faults under which the runner was unhealthy", ""]
        lines += [f"- `{n}`: {p}" for n, p in unhealthy.items()]
    with open(os.path.join(args.out, "faults.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    print(f"faults: {len(caught)}/{len(faults)} caught ({score:.0f}%) over {len(ids)} cases, "
          f"{len(not_red)} only not red, {len(uncaught)} changed nothing")
    print(f"  time: {timing}")
    for g, (c, n) in by_group.items():
        print(f"  {g:14} {c}/{n}")
    print(f"  cases no fault turned red: {len(never)} of the {len(passed)} that pass here "
          f"({sum(1 for c in never if not manifest[c]['no_fault'])} without a reason)")
    for f in not_red:
        print(f"  NOT RED {f['name']}: only {', '.join(sorted({v for _, v in moved[f['name']]}))}"
              f" ({len(moved[f['name']])} cases): {f['description']}")
    for f in uncaught:
        print(f"  UNCAUGHT {f['name']}: {f['description']}")
    if trace_changed:
        print(f"  the trace run changed {len(trace_changed)} verdicts, e.g. {trace_changed[0]}")
    for n, p in unhealthy.items():
        print(f"  UNHEALTHY {n}: {p}")
    print(f"  report: {os.path.join(args.out, 'faults.md')}")
    return 1 if not_red or uncaught or unhealthy else 0

if __name__ == "__main__":
    sys.exit(main())
