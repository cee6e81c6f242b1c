"""The runner as test farms drive it: LTP's output (--format ltp) with its
exit statuses and LTP_TIMEOUT_MUL, and kirk itself over the installed
runtest file's shape (one line per case).

kirk is not packaged in Debian and cannot be fetched by CI here; with
MMAPCTS_KIRK naming a kirk checkout (github.com/linux-test-project/kirk)
the test runs it for real, else it says how to.
"""
import json
import os
import subprocess

import pytest

from conftest import RUNNER, fixture

LTP_STATUS = {"pass": 0, "fail": 1, "unresolved": 2, "unsupported": 32}


def ltp(*args, env=None):
    return subprocess.run([RUNNER, "--no-progress", "--no-json", "-f", "ltp", *args],
                          capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, **(env or {})))


def summary(stdout):
    block = stdout.split("\nSummary:\n", 1)[1].splitlines()
    return {line.split()[0]: int(line.split()[1]) for line in block}


@pytest.mark.parametrize("name,status", sorted(LTP_STATUS.items()))
def test_ltp_exit_status_per_verdict(name, status):
    proc = ltp(fixture(name))
    assert proc.returncode == status, proc.stdout + proc.stderr


def test_ltp_lines_and_summary_count_every_case(tmp_path):
    exp = tmp_path / "exp.tsv"
    exp.write_text("*/fail\tFAIL\t* * * * *\tknown here\n")
    proc = ltp("-e", str(exp), *[fixture(n) for n in
                                  ("pass", "fail", "unresolved", "unsupported", "untested")])
    words = [line.split(": ")[1] for line in proc.stdout.split("\nSummary:")[0].splitlines()]
    assert sorted(words) == ["TBROK", "TCONF", "TCONF", "TPASS", "TWARN"]
    assert summary(proc.stdout) == {"passed": 1, "failed": 0, "broken": 1, "skipped": 2,
                                    "warnings": 1}
    assert proc.returncode == 2


def multiplier(env):
    proc = subprocess.run([RUNNER, "--no-progress", "--json", "/dev/stdout", fixture("pass")],
                          capture_output=True, text=True, env=dict(os.environ, **env))
    return proc


@pytest.mark.parametrize("value,want", [("3", 3.0), ("0.5", 1.0), ("1000", 1000.0)])
def test_ltp_timeout_mul_lengthens_limits(tmp_path, value, want):
    record = tmp_path / "r.json"
    proc = subprocess.run([RUNNER, "--no-progress", "--json", str(record), fixture("pass")],
                          capture_output=True, text=True,
                          env=dict(os.environ, LTP_TIMEOUT_MUL=value, TMPDIR=str(tmp_path)))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(record.read_text())["run"]["timeout_multiplier"] == want


def test_a_bad_ltp_timeout_mul_is_a_usage_error():
    proc = subprocess.run([RUNNER, "--no-json", fixture("pass")], capture_output=True,
                          text=True, env=dict(os.environ, LTP_TIMEOUT_MUL="slow"))
    assert proc.returncode == 2 and "LTP_TIMEOUT_MUL wants a number" in proc.stderr


KIRK = os.environ.get("MMAPCTS_KIRK")


@pytest.mark.skipif(not KIRK, reason="set MMAPCTS_KIRK to a kirk checkout to run kirk")
def test_kirk_counts_every_case(tmp_path):
    """kirk over an LTPROOT shaped as `make install` makes it: a runtest
    line per case, the runner in testcases/bin."""
    root = tmp_path / "ltp"
    (root / "runtest").mkdir(parents=True)
    (root / "testcases" / "bin").mkdir(parents=True)
    os.symlink(RUNNER, root / "testcases" / "bin" / "mmapcts")
    names = ["pass", "fail", "unresolved", "unsupported"]
    (root / "runtest" / "farm").write_text("".join(
        f"mmapcts_{n} mmapcts --format ltp --no-json {fixture(n)}\n" for n in names))
    report = tmp_path / "report.json"
    (tmp_path / "kirk-tmp").mkdir()
    proc = subprocess.run(["python3", os.path.join(KIRK, "kirk"), "--no-colors", "--tmp-dir",
                    str(tmp_path / "kirk-tmp"), "--run-suite", "farm", "--json-report",
                    str(report)], capture_output=True, text=True, timeout=300,
                   env=dict(os.environ, LTPROOT=str(root), TMPDIR=str(tmp_path)))
    assert report.exists(), proc.stdout + proc.stderr
    results = {r["test_fqn"]: r for r in json.loads(report.read_text())["results"]}
    got = {name: results[f"mmapcts_{name}"]["status"] for name in names}
    assert got == {"pass": "pass", "fail": "fail", "unresolved": "brok",
                   "unsupported": "conf"}, got
