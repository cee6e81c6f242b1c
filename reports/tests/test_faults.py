"""make check: every fault of mmapcts-faults.so is caught by the suite.

Under each fault at least one case that passes on this system must FAIL,
and the runner must stay healthy (exit 0 or 1, a complete record, a verdict
for every case).  Skipped where the build has no fault library.
"""
import os

import pytest

import faults

BUILDDIR = os.environ.get("MMAPCTS_BUILDDIR") or os.getcwd()
RUNNER = os.path.join(BUILDDIR, "harness", "mmapcts")
LIB = os.path.join(BUILDDIR, "harness", "faults", "mmapcts-faults.so")


@pytest.mark.skipif(not os.path.exists(LIB), reason="no mmapcts-faults.so in this build")
def test_every_fault_is_caught(tmp_path, capsys):
    status = faults.main(["--runner", RUNNER, "--out", str(tmp_path)])
    out = capsys.readouterr().out
    assert status == 0, out
    assert "UNCAUGHT" not in out and "UNHEALTHY" not in out
    report = (tmp_path / "faults.md").read_text()
    assert "faults caught (100%)" in report
    matrix = (tmp_path / "faults-matrix.tsv").read_text().splitlines()
    assert len(matrix) == 1 + len(faults.list_faults(RUNNER))


@pytest.mark.skipif(not os.path.exists(LIB), reason="no mmapcts-faults.so in this build")
def test_runner_rejects_an_unknown_fault():
    import subprocess
    out = subprocess.run([RUNNER, "--fault", "no-such-fault"], capture_output=True, text=True)
    assert out.returncode == 2
    assert "unknown fault 'no-such-fault'" in out.stderr


@pytest.mark.skipif(not os.path.exists(LIB), reason="no mmapcts-faults.so in this build")
def test_the_library_defines_every_listed_fault():
    """Loaded under a fault, the library checks its table (one definition
    with a hook for each fault of faults.h) and exits 99 if it is wrong."""
    import shutil
    import subprocess

    def load(name):
        env = dict(os.environ, LD_PRELOAD=LIB, MMAPCTS_FAULT=name)
        return subprocess.run([shutil.which("true")], env=env, capture_output=True, text=True)

    unknown = load("no-such-fault")  # proves the library is loaded at all
    assert unknown.returncode == 99 and "unknown fault" in unknown.stderr
    for fault in faults.list_faults(RUNNER):
        out = load(fault["name"])
        assert (out.returncode, out.stderr) == (0, ""), fault["name"]
