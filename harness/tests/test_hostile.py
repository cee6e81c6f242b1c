"""The runner against hostile cases: it survives what a case does, gives each
the verdict it earned, and leaves nothing behind on the host.

Every run carries a marker in its environment, which every process a case
starts inherits; after the run no process may hold it (/proc/*/environ).
The run's work directories live under the test's TMPDIR: none may remain.
"""
import json
import os
import pathlib
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
import xml.etree.ElementTree as ET

import pytest

from conftest import RUNNER, fixture, marked_processes

IS_ROOT = os.geteuid() == 0

# fixture -> the verdict it earns under the runner
HOSTILE = {
    "hang": "TIMEOUT",
    "ignore-sigterm": "TIMEOUT",
    "self-stop": "TIMEOUT",
    "escapee": "PASS",
    "fork-flood": "PASS",
    "kill-parent": "PASS",
    "chmod-parent": "PASS",
    "grandchild": "PASS",
    "memory-hog": "UNRESOLVED",     # under --memory-limit
    "bind-mount": "PASS" if IS_ROOT else "UNSUPPORTED",
    "kill-all": "PASS" if IS_ROOT else "UNSUPPORTED",
    "garbage-output": "FAIL",       # invalid UTF-8, control and XML bytes, a 10 MiB line
}
BOUND = 60      # seconds for any whole run here


def wait_gone(marker, seconds=5.0):
    """The marked processes left after the deadline (SIGKILL lands fast)."""
    deadline = time.monotonic() + seconds
    while True:
        left = marked_processes(marker)
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.05)


def case_running(work):
    """Has a case started in a work directory under work?"""
    for d in os.listdir(work):
        if d.startswith("mmapcts-run.") and "c0" in os.listdir(work / d):
            return True
    return False


@pytest.fixture
def host(tmp_path):
    """A host directory with a file in it, which the cases may mount."""
    src = tmp_path / "host-src"
    src.mkdir()
    (src / "precious").write_text("keep me\n")
    return src


def run_hostile(tmp_path, host, args, timeout=BOUND, env=None, prefix=()):
    marker = "mmapcts-hostile-" + uuid.uuid4().hex
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    record = tmp_path / "record.json"
    junit = tmp_path / "junit.xml"
    full_env = dict(os.environ, TMPDIR=str(work), MMAPCTS_HOSTILE_MARK=marker,
                    MMAPCTS_HOSTILE_SRC=str(host))
    full_env.update(env or {})
    cmd = list(prefix) + [RUNNER, "--no-progress", "--format", "ktap", "--json", str(record),
           "--junit", str(junit), "--memory-limit", "256M", "-j", "2"] + list(args)
    start = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                          env=full_env, cwd=str(tmp_path))
    took = time.monotonic() - start
    left = wait_gone(marker)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"processes left behind: {left}"
    assert took < timeout
    assert sorted(os.listdir(work)) == [], "work directories left"
    assert (host / "precious").read_text() == "keep me\n", "the host was touched"
    with open(record) as f:
        rec = json.load(f)
    ET.parse(junit)
    # text=True decoded stdout as UTF-8 already; no control byte but the
    # line ends may reach a terminal or a KTAP parser either.
    assert not [c for c in proc.stdout if ord(c) < 0x20 and c not in "\n\t"]
    lines = proc.stdout.splitlines()
    assert lines[0] == "TAP version 13", proc.stdout
    n = len(rec["cases"])
    assert lines[1] == f"1..{n}"
    assert len([l for l in lines if l.startswith(("ok ", "not ok "))]) == n
    return proc, rec


def verdicts(rec):
    return {c["id"].split("/")[-1]: c["verdict"] for c in rec["cases"]}


def test_hostile_programs_named_by_path(tmp_path, host):
    proc, rec = run_hostile(tmp_path, host, [fixture(n) for n in HOSTILE])
    assert verdicts(rec) == HOSTILE, proc.stderr
    assert rec["complete"] is True
    assert rec["run"]["memory_limit"] == 256 << 20
    assert rec["system"]["cases_as_root"] is IS_ROOT


NOBODY = 65534


def reachable_by_nobody(path):
    """Whether every directory above path lets others through."""
    path = os.path.abspath(path)
    while path != "/":
        path = os.path.dirname(path)
        if not os.stat(path).st_mode & 0o001:
            return False
    return True


@pytest.mark.skipif(not IS_ROOT or not shutil.which("setpriv"),
                    reason="needs root and setpriv to run the runner as another user")
def test_hostile_programs_as_an_ordinary_user():
    """Without root (no namespaces, no subreaper privileges of its own) the
    runner still outlives a case that kills its parent or floods it, and
    leaves nothing behind."""
    if not reachable_by_nobody(RUNNER):
        pytest.skip(f"{RUNNER} is not reachable by an ordinary user")
    base = tempfile.mkdtemp(prefix="mmapcts-hostile-user.")
    try:
        os.chmod(base, 0o755)
        os.chown(base, NOBODY, NOBODY)
        host = os.path.join(base, "host-src")
        os.mkdir(host)
        with open(os.path.join(host, "precious"), "w") as f:
            f.write("keep me\n")
        for d, _, files in os.walk(base):
            os.chown(d, NOBODY, NOBODY)
            for name in files:
                os.chown(os.path.join(d, name), NOBODY, NOBODY)
        expected = dict(HOSTILE, **{"bind-mount": "UNSUPPORTED", "kill-all": "UNSUPPORTED"})
        prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
        work = os.path.join(base, "work")
        os.mkdir(work)
        os.chown(work, NOBODY, NOBODY)
        proc, rec = run_hostile(pathlib.Path(base), pathlib.Path(host),
                                [fixture(n) for n in HOSTILE], prefix=prefix,
                                env={"HOME": base})
        assert verdicts(rec) == expected, proc.stderr
        assert rec["system"]["cases_as_root"] is False
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_hostile_programs_from_a_cases_directory(tmp_path, host):
    cases = tmp_path / "cases"
    (cases / "hostile").mkdir(parents=True)
    rows = ["# mmapcts manifest 1",
            "# id\tprogram\tgroup\tprofile\ttimeout\tvariant\tneeds\tspec\t"
            "assertion\tno_fault\tcovers\tcovers_part"]
    for name in HOSTILE:
        shutil.copy(fixture(name), cases / "hostile" / name)
        limit = 1 if HOSTILE[name] == "TIMEOUT" else 10
        rows.append(f"hostile/{name}\thostile/{name}\thostile\tposix\t{limit}\t\t\t"
                    f"runner self-test\tfixture: {name}\t\t\t")
    (cases / "manifest.tsv").write_text("\n".join(rows) + "\n")
    # Relative: against the caller's directory, not the case's.
    proc, rec = run_hostile(tmp_path, host, ["--cases-dir", "cases"])
    assert verdicts(rec) == HOSTILE, proc.stderr
    assert rec["complete"] is True


def test_a_hanging_describe_is_unresolved_and_bounded(tmp_path, host):
    """A program named by path that never answers --describe (it hangs,
    after escaping with setsid) is one UNRESOLVED case, within the limit."""
    proc, rec = run_hostile(tmp_path, host, ["--timeout", "2", fixture("escapee")],
                            timeout=20, env={"MMAPCTS_HOSTILE_DESCRIBE": "1"})
    case = rec["cases"][0]
    assert case["verdict"] == "UNRESOLVED"
    assert "no metadata within 2 s" in case["message"]


def test_a_self_stopping_describe_is_unresolved(tmp_path, host):
    stopper = tmp_path / "stopper"
    stopper.write_text("#!/bin/sh\nkill -STOP $$\n")
    stopper.chmod(0o755)
    proc, rec = run_hostile(tmp_path, host, ["--timeout", "1", str(stopper)], timeout=20)
    assert rec["cases"][0]["verdict"] == "UNRESOLVED"


def test_relative_paths_resolve_against_the_callers_directory(tmp_path, host):
    shutil.copy(fixture("pass"), tmp_path / "pass")
    proc, rec = run_hostile(tmp_path, host, ["./pass"])
    assert verdicts(rec) == {"pass": "PASS"}


@pytest.mark.parametrize("make", ["directory", "not-executable"])
def test_what_is_no_runnable_case_is_a_usage_error(tmp_path, make):
    target = tmp_path / "target"
    if make == "directory":
        target.mkdir()
    else:
        target.write_text("#!/bin/sh\nexit 0\n")
        target.chmod(0o644)
    proc = subprocess.run([RUNNER, "--no-json", "./target"], capture_output=True,
                          text=True, cwd=str(tmp_path), timeout=BOUND)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "not an executable case" in proc.stderr


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM])
def test_a_signalled_runner_closes_its_record(tmp_path, host, sig):
    marker = "mmapcts-hostile-" + uuid.uuid4().hex
    work = tmp_path / "work"
    work.mkdir()
    record = tmp_path / "record.json"
    env = dict(os.environ, TMPDIR=str(work), MMAPCTS_HOSTILE_MARK=marker)
    proc = subprocess.Popen([RUNNER, "--no-progress", "--json", str(record),
                             "--timeout", "30", fixture("grandchild"), fixture("hang")],
                            env=env, cwd=str(tmp_path), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while not case_running(work) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(sig)
    proc.communicate(timeout=BOUND)
    assert proc.returncode == 2
    assert not wait_gone(marker)
    assert os.listdir(work) == []
    with open(record) as f:
        assert json.load(f)["complete"] is False


def test_a_killed_runners_work_dir_goes_at_the_next_start(tmp_path):
    marker = "mmapcts-hostile-" + uuid.uuid4().hex
    work = tmp_path / "work"
    work.mkdir()
    env = dict(os.environ, TMPDIR=str(work), MMAPCTS_HOSTILE_MARK=marker)
    proc = subprocess.Popen([RUNNER, "--no-progress", "--no-json", "--timeout", "30",
                             fixture("hang")],
                            env=env, cwd=str(tmp_path), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not case_running(work) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    # The case dies with the runner (PR_SET_PDEATHSIG).
    assert not wait_gone(marker)
    assert [d for d in os.listdir(work) if d.startswith("mmapcts-run.")]
    subprocess.run([RUNNER, "--no-progress", "--no-json", fixture("pass")],
                   env=env, cwd=str(tmp_path), timeout=BOUND, check=True,
                   stdout=subprocess.DEVNULL)
    assert os.listdir(work) == []


def test_a_runner_killed_while_describing_leaves_nothing_for_long(tmp_path):
    """Killed while a program named by path hangs in --describe, the runner
    leaves its describe directory behind; the next start removes it."""
    work = tmp_path / "work"
    work.mkdir()
    hanger = tmp_path / "hanger"
    hanger.write_text("#!/bin/sh\nexec sleep 30\n")
    hanger.chmod(0o755)
    env = dict(os.environ, TMPDIR=str(work))
    proc = subprocess.Popen([RUNNER, "--no-progress", "--no-json", "--timeout", "30",
                             str(hanger)], env=env, cwd=str(tmp_path),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not [d for d in os.listdir(work) if d.startswith("mmapcts-run.describe.")]:
        assert time.monotonic() < deadline, "no describe directory appeared"
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    subprocess.run([RUNNER, "--no-progress", "--no-json", fixture("pass")],
                   env=env, cwd=str(tmp_path), timeout=BOUND, check=True,
                   stdout=subprocess.DEVNULL)
    assert os.listdir(work) == []


def test_a_stopped_runner_changes_no_verdict(tmp_path):
    """A case blocked on its full output pipe while the runner is stopped
    longer than its limit still passes."""
    work = tmp_path / "work"
    work.mkdir()
    record = tmp_path / "record.json"
    env = dict(os.environ, TMPDIR=str(work))
    proc = subprocess.Popen([RUNNER, "--no-progress", "--json", str(record),
                             "--timeout", "2", fixture("flood")],
                            env=env, cwd=str(tmp_path), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(0.3)
    proc.send_signal(signal.SIGSTOP)
    time.sleep(3)
    proc.send_signal(signal.SIGCONT)
    proc.wait(timeout=BOUND)
    with open(record) as f:
        assert json.load(f)["cases"][0]["verdict"] == "PASS"


def test_memory_limit_option(tmp_path):
    proc = subprocess.run([RUNNER, "--no-json", "--memory-limit", "12", fixture("pass")],
                          capture_output=True, text=True, cwd=str(tmp_path))
    assert proc.returncode == 2 and "--memory-limit" in proc.stderr
    proc = subprocess.run([RUNNER, "--no-json", "--memory-limit", "256M", fixture("memory-hog")],
                          capture_output=True, text=True, cwd=str(tmp_path))
    assert "UNRESOLVED" in proc.stdout


@pytest.mark.skipif(not IS_ROOT, reason="without a PID namespace (root), what a "
                    "case started outlives a runner killed outright")
def test_a_killed_runner_takes_every_process_of_its_cases(tmp_path):
    """SIGKILL of the runner while a case hangs with a setsid escapee (from a
    cases directory: no --describe) leaves no process behind."""
    marker = "mmapcts-hostile-" + uuid.uuid4().hex
    cases = tmp_path / "cases"
    (cases / "hostile").mkdir(parents=True)
    shutil.copy(fixture("escapee"), cases / "hostile" / "escapee")
    (cases / "manifest.tsv").write_text(
        "# mmapcts manifest 1\n"
        "# id\tprogram\tgroup\tprofile\ttimeout\tvariant\tneeds\tspec\t"
        "assertion\tno_fault\tcovers\tcovers_part\n"
        "hostile/escapee\thostile/escapee\thostile\tposix\t30\t\t\t"
        "runner self-test\tfixture: escapee\t\t\t\n")
    work = tmp_path / "work"
    work.mkdir()
    env = dict(os.environ, TMPDIR=str(work), MMAPCTS_HOSTILE_MARK=marker,
               MMAPCTS_HOSTILE_DESCRIBE="1")
    proc = subprocess.Popen([RUNNER, "--no-progress", "--no-json", "--cases-dir", "cases"],
                            env=env, cwd=str(tmp_path), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while len(marked_processes(marker)) < 6 and time.monotonic() < deadline:
        time.sleep(0.05)    # the runner, the case's three, its two escapees
    assert len(marked_processes(marker)) == 6
    proc.kill()
    proc.wait()
    left = wait_gone(marker)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left
