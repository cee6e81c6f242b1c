"""make check: every fault of mmapcts-faults.so is caught by the suite.

Under each fault at least one case that passes on this system must go red
(FAIL, TIMEOUT or CRASH; UNRESOLVED and the like do not count), and the
runner must stay healthy (exit 0 or 1, a complete record, a verdict for
every case it ran).  Skipped where the build has no fault library.
"""
import os
import shutil
import subprocess
import sys

import pytest

import faults

BUILDDIR = os.environ.get("MMAPCTS_BUILDDIR") or os.getcwd()
RUNNER = os.path.join(BUILDDIR, "harness", "mmapcts")
LIB = os.path.join(BUILDDIR, "harness", "faults", "mmapcts-faults.so")



MATRIX = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                      "faults-matrix.tsv")


@pytest.mark.skipif(not os.path.exists(LIB), reason="no mmapcts-faults.so in this build")
def test_every_fault_is_caught(tmp_path, capsys):
    # The kills the committed matrix records, re-proved here (the whole
    # traced selection wherever they no longer hold, or for a new fault).
    argv = ["--runner", RUNNER, "--out", str(tmp_path), "--witness", MATRIX]
    status = faults.main(argv)
    out = capsys.readouterr().out
    assert status == 0, out
    assert "UNCAUGHT" not in out and "NOT RED" not in out and "UNHEALTHY" not in out, out
    n = len(faults.list_faults(RUNNER))
    report = (tmp_path / "faults.md").read_text()
    assert f"**Score: {n}/{n} faults caught" in report
    matrix = (tmp_path / "faults-matrix.tsv").read_text().splitlines()
    assert len(matrix) == 1 + n


@pytest.mark.skipif(not os.path.exists(LIB), reason="no mmapcts-faults.so in this build")
def test_every_fault_names_its_hooks():
    hooks = faults.fault_hooks(LIB)
    assert set(hooks) == {f["name"] for f in faults.list_faults(RUNNER)}
    assert all(hooks.values())


@pytest.mark.skipif(not os.path.exists(LIB), reason="no mmapcts-faults.so in this build")
def test_the_trace_follows_children_and_exec(tmp_path):
    """A forked child and the image it execs note to the case's trace file."""
    true = shutil.which("true")
    env = dict(os.environ, LD_PRELOAD=LIB, MMAPCTS_FAULT="trace",
               MMAPCTS_FAULT_TRACE=str(tmp_path), MMAPCTS_FAULT_TRACE_CASE="the-case",
               MMAPCTS_RUN_TOKEN="tok")
    child = ("import os\n"
             "pid = os.fork()\n"
             f"if pid == 0: os.execv({true!r}, [{true!r}])\n"
             "os.waitpid(pid, 0)\n")
    subprocess.run([sys.executable, "-c", child], env=env, check=True)
    lines = (tmp_path / "tok").read_text().splitlines()
    assert all(line.startswith("the-case\t") for line in lines), lines
    slots = [line.split("\t")[1] for line in lines]
    assert slots.count("start") >= 2, slots     # python, and the image its child exec'd
    assert "fork" in slots and "exec" in slots, slots


@pytest.mark.skipif(not os.path.exists(LIB), reason="no mmapcts-faults.so in this build")
@pytest.mark.skipif(os.geteuid() != 0, reason="needs root, to give it up")
def test_the_trace_follows_a_process_that_gives_up_root(tmp_path):
    """A case's child that becomes nobody (as an RLIMIT_MEMLOCK case does)
    still notes the slots it reaches afterwards."""
    tmp_path.chmod(0o700)
    env = dict(os.environ, LD_PRELOAD=LIB, MMAPCTS_FAULT="trace",
               MMAPCTS_FAULT_TRACE=str(tmp_path), MMAPCTS_FAULT_TRACE_CASE="the-case",
               MMAPCTS_RUN_TOKEN="tok")
    child = ("import os\n"
             "os.setgid(65534); os.setuid(65534)\n"
             "pid = os.fork()\n"
             "if pid == 0: os._exit(0)\n"
             "os.waitpid(pid, 0)\n")
    subprocess.run([sys.executable, "-c", child], env=env, check=True)
    slots = [line.split("\t")[1] for line in (tmp_path / "tok").read_text().splitlines()]
    assert "fork" in slots, slots


@pytest.mark.skipif(not os.path.exists(LIB), reason="no mmapcts-faults.so in this build")
def test_runner_rejects_an_unknown_fault():
    out = subprocess.run([RUNNER, "--fault", "no-such-fault"], capture_output=True, text=True)
    assert out.returncode == 2
    assert "unknown fault 'no-such-fault'" in out.stderr


@pytest.mark.skipif(not os.path.exists(LIB), reason="no mmapcts-faults.so in this build")
def test_the_library_defines_every_listed_fault():
    """Loaded under a fault, the library checks its table (one definition
    with a hook for each fault of faults.h) and exits 99 if it is wrong."""

    def load(name):
        env = dict(os.environ, LD_PRELOAD=LIB, MMAPCTS_FAULT=name)
        return subprocess.run([shutil.which("true")], env=env, capture_output=True, text=True)

    unknown = load("no-such-fault")  # proves the library is loaded at all
    assert unknown.returncode == 99 and "unknown fault" in unknown.stderr
    for fault in faults.list_faults(RUNNER):
        out = load(fault["name"])
        assert (out.returncode, out.stderr) == (0, ""), fault["name"]


@pytest.mark.skipif(not os.path.exists(LIB), reason="no mmapcts-faults.so in this build")
def test_a_stale_witness_falls_back_to_the_whole_selection(tmp_path, capsys):
    """A matrix whose recorded kill no longer holds (here: a case the fault
    never reaches) proves nothing: the fault's whole selection runs."""
    fault = "munmap-noop"
    stale = tmp_path / "stale.tsv"
    stale.write_text(f"fault\tanon/address-page-aligned\n{fault}\tF\n")
    status = faults.main(["--runner", RUNNER, "--out", str(tmp_path / "out"),
                          "--fault", fault, "--witness", str(stale)])
    out = capsys.readouterr().out
    assert status == 0, out
    assert "1/1 caught" in out
    report = (tmp_path / "out" / "faults.md").read_text()
    row = next(l for l in report.splitlines() if l.startswith(f"| `{fault}`"))
    assert int(row.split("|")[4]) > 1, row    # more than the one stale witness ran


def test_witnesses_cover_every_fault_and_case():
    known = {"f1": {"a", "b"}, "f2": {"b", "c"}, "f3": {"z"}}
    selection = {"f1": {"a", "b"}, "f2": {"b", "c"}, "f3": {"a"}}
    plan = faults.plan_witnesses(known, selection, {"a", "b", "c"})
    assert set(plan) == {"f1", "f2"}          # f3's kill is out of its selection
    assert set().union(*plan.values()) == {"a", "b", "c"}
    assert sum(len(v) for v in plan.values()) == 3
