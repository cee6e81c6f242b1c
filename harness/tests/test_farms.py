"""The runner as test farms drive it: LTP's output (--format ltp) with its
exit statuses and LTP_TIMEOUT_MUL, and kirk itself over the installed
runtest file's shape (one line per case).

kirk is not packaged in Debian and cannot be fetched by CI here; with
MMAPCTS_KIRK naming a kirk checkout (github.com/linux-test-project/kirk)
the test runs it for real, else it says how to.
"""
import json
import os
import re
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


LAVA = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                    "ci", "lava", "mmapcts.sh")
TEST_DEFINITIONS = os.environ.get("MMAPCTS_TEST_DEFINITIONS")


def test_lava_script_results_agree_with_the_record(tmp_path):
    """ci/lava/mmapcts.sh as a LAVA job runs it: KTAP on the console,
    output/result.txt one line per case with a name LAVA accepts, a log
    for each case that did not pass; then (with MMAPCTS_TEST_DEFINITIONS
    naming a checkout of Linaro's test-definitions) its send-to-lava.sh."""
    select = " ".join(["munmap/zero-length-einval"] +
                      [fixture(n) for n in ("pass", "fail", "unsupported", "unresolved")])
    env = dict(os.environ, PATH=os.path.dirname(RUNNER) + os.pathsep + os.environ["PATH"],
               TMPDIR=str(tmp_path))
    proc = subprocess.run(["sh", LAVA, "-g", select, "-o", str(tmp_path / "output")],
                          capture_output=True, text=True, env=env, cwd=str(tmp_path),
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("TAP version 13\n1..5\n"), proc.stdout
    lines = (tmp_path / "output" / "result.txt").read_text().splitlines()
    results = dict(line.split() for line in lines)
    record = json.loads((tmp_path / "output" / "record.json").read_text())
    want = {"PASS": "pass", "FAIL": "fail", "UNRESOLVED": "fail", "UNSUPPORTED": "skip"}
    assert sorted(results.values()) == sorted(want[c["verdict"]] for c in record["cases"])
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+", name) for name in results)
    assert results["munmap_zero-length-einval"] == "pass"
    failed = [n for n, r in results.items() if r == "fail"]
    assert all((tmp_path / "output" / f"{n}.log").read_text() for n in failed)
    if TEST_DEFINITIONS:
        send = os.path.join(TEST_DEFINITIONS, "automated", "utils", "send-to-lava.sh")
        out = subprocess.run(["sh", send, str(tmp_path / "output" / "result.txt")],
                             capture_output=True, text=True, env=env).stdout
        signals = re.findall(r"<LAVA_SIGNAL_TESTCASE TEST_CASE_ID=(\S+) RESULT=(\w+)>", out)
        assert dict(signals) == results


STATIC_BUILD = os.environ.get("MMAPCTS_STATIC_BUILD")


@pytest.mark.skipif(not STATIC_BUILD, reason="set MMAPCTS_STATIC_BUILD to a static build "
                    "(ci/cross-build x86_64; ci/run-tests does)")
def test_static_tarball_runs_where_it_is_unpacked_and_under_lava(tmp_path):
    # A safety net, not a speed target: on a loaded 2-core machine the
    # tarball took over 10 minutes before its programs were stripped.
    subprocess.run(["make", "-C", STATIC_BUILD, "static-tarball"], check=True,
                   capture_output=True, timeout=1800)
    tarball = next(f for f in os.listdir(STATIC_BUILD) if f.endswith("-static.tar.xz"))
    tarball = os.path.join(STATIC_BUILD, tarball)
    subprocess.run(["tar", "-xJf", tarball, "-C", str(tmp_path)], check=True)
    top = next(tmp_path.iterdir())
    proc = subprocess.run([str(top / "bin" / "mmapcts"), "--no-json", "munmap"],
                          capture_output=True, text=True, cwd="/", timeout=120,
                          env=dict(os.environ, TMPDIR=str(tmp_path)))
    assert proc.returncode == 0 and "PASS" in proc.stdout, proc.stdout + proc.stderr
    # The LAVA script installing it: SKIP_INSTALL false, TARBALL this file.
    lava = top / "lava" / "mmapcts.sh"
    out = tmp_path / "out"
    proc = subprocess.run(["sh", str(lava), "-s", "false", "-t", tarball, "-g",
                           "fork/child-runs-and-exits", "-o", str(out)],
                          capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, TMPDIR=str(tmp_path), MMAPCTS_LAVA_DIR=str(tmp_path / "opt")))
    assert (out / "result.txt").read_text().split() == [
        "mmapcts-install", "pass", "fork_child-runs-and-exits", "pass"], proc.stderr


def have_jinja_and_yaml():
    try:
        import jinja2  # noqa: F401
        import yaml  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not have_jinja_and_yaml(), reason="no jinja2 and yaml (Debian: "
                    "python3-jinja2, python3-yaml)")
@pytest.mark.parametrize("template,values", [
    ("ci/tuxrun/mmapcts.yaml.jinja2", {"name": "mmapcts", "timeout": 30}),
    ("ci/kernelci/mmapcts.jinja2", {"job_timeout": 30, "skipfile": "skips.txt",
                                    "platform_config": {"name": "qemu-x86"}}),
])
def test_farm_templates_render_a_lava_test_action(template, values):
    """The tuxrun and KernelCI templates render, with the values those tools
    pass, to one LAVA test action whose steps are shell sh accepts."""
    import jinja2
    import yaml
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(top), undefined=jinja2.StrictUndefined)
    actions = yaml.safe_load(env.get_template(template).render(**values))
    assert len(actions) == 1 and set(actions[0]) == {"test"}
    definition = actions[0]["test"]["definitions"][0]
    assert definition["repository"]["metadata"]["format"] == "Lava-Test Test Definition 1.0"
    steps = definition["repository"]["run"]["steps"]
    assert any("lava/mmapcts.sh" in step for step in steps)
    for step in steps:
        assert subprocess.run(["sh", "-n"], input=step, text=True).returncode == 0, step
