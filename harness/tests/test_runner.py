"""End-to-end tests of the runner over fixture programs."""
import glob
import json
import os
import re
import shutil
import socket
import signal
import subprocess
import tempfile
import time
import uuid
import xml.etree.ElementTree as ET

import pytest

from conftest import RUNNER, fixture, marked_processes

VERDICT_FIXTURES = {
    "pass": "PASS",
    "fail": "FAIL",
    "unsupported": "UNSUPPORTED",
    "unresolved": "UNRESOLVED",
    "untested": "UNTESTED",
    "observe": "PASS",
    "segfault": "CRASH",
    "abort": "CRASH",
    "child-fail": "FAIL",
    "exit-status": "FAIL",
}


def test_each_verdict_class(run_runner):
    run = run_runner(*[fixture(n) for n in VERDICT_FIXTURES])
    assert run.returncode == 1, run.stderr  # FAIL and CRASH fail the run
    for name, verdict in VERDICT_FIXTURES.items():
        assert run.case(name)["verdict"] == verdict, name
    assert run.record["complete"] is True
    assert run.record["in_flight"] == []
    assert run.record["summary"]["PASS"] == 2
    assert run.record["summary"]["CRASH"] == 2


def test_messages_name_file_line_and_values(run_runner):
    run = run_runner(fixture("fail"), fixture("unresolved"), fixture("child-fail"))
    fail = run.case("fail")
    assert fail["exit_code"] == 1
    assert fail["message"].startswith("fail.c:")
    assert "answer == 42: got 41, expected 42" in fail["message"]
    unresolved = run.case("unresolved")
    assert unresolved["exit_code"] == 99
    assert "open(no-such-file" in unresolved["message"]
    assert unresolved["message"].endswith("ENOENT")
    # The child's own failure is the headline, not the parent's summary.
    assert "seen == 3: got 2, expected 3" in run.case("child-fail")["message"]


def test_unresolved_turns_the_run_red_and_says_why(run_runner):
    # Setup that broke is no skip: what a setup relies on is a rule some
    # case FAILs on, so a broken system must not get a green run.
    run = run_runner(fixture("pass"), fixture("unresolved"))
    assert run.returncode == 1, run.stderr
    assert "1 UNRESOLVED (setup broke)" in run.stdout
    run = run_runner("--format", "ktap", fixture("pass"), fixture("unresolved"))
    assert run.returncode == 1
    assert "1 UNRESOLVED (setup broke)" in run.stdout
    assert any(l.startswith("not ok ") and "/unresolved # error unresolved.c:" in l
               for l in run.stdout.splitlines())
    assert "skip:0 error:1" in run.stdout


def test_expected_unresolved_keeps_the_run_green(run_runner, tmp_path):
    exp = tmp_path / "expectations.tsv"
    exp.write_text("# id\tverdict\tsystem\tevidence\n"
                   "*/unresolved\tUNRESOLVED\t* * * * *\tbroken on purpose\n")
    run = run_runner("-e", str(exp), fixture("pass"), fixture("unresolved"))
    assert run.returncode == 0, run.stdout
    assert run.case("unresolved")["expected"] == "broken on purpose"
    assert "setup broke" not in run.stdout


def test_unsupported_and_untested_keep_their_reason(run_runner):
    run = run_runner(fixture("unsupported"), fixture("untested"))
    assert run.returncode == 0
    assert run.case("unsupported")["exit_code"] == 77
    assert "the feature is absent" in run.case("unsupported")["message"]
    assert run.case("untested")["exit_code"] == 77
    assert "cannot decide" in run.case("untested")["message"]


def test_crash_names_the_signal(run_runner):
    run = run_runner(fixture("segfault"), fixture("abort"))
    segv, abrt = run.case("segfault"), run.case("abort")
    assert segv["signal"] == "SIGSEGV" and segv["exit_code"] is None
    assert segv["message"].startswith("killed by SIGSEGV")
    assert abrt["signal"] == "SIGABRT"


def test_a_status_that_is_no_verdict_fails(run_runner):
    case = run_runner(fixture("exit-status")).case("exit-status")
    assert case["verdict"] == "FAIL"
    assert case["exit_code"] == 3
    assert "exited with status 3, which is no verdict" in case["message"]


def test_observations_are_recorded(run_runner):
    case = run_runner(fixture("observe")).case("observe")
    assert case["observations"] == {"answer": "42", "quoted": 'say "hi"\tand tab'}


def test_hang_times_out_and_the_group_dies(run_runner):
    start = time.monotonic()
    marker = "mmapcts-test-" + uuid.uuid4().hex
    run = run_runner("--timeout", "1", fixture("hang"), fixture("ignore-sigterm"),
                     env={"MMAPCTS_TEST_MARK": marker})
    elapsed = time.monotonic() - start
    assert run.returncode == 1
    for name in ("hang", "ignore-sigterm"):
        case = run.case(name)
        assert case["verdict"] == "TIMEOUT", name
        assert "no verdict within the time limit" in case["message"]
    # ignore-sigterm survives SIGTERM; SIGKILL must follow.
    assert run.case("ignore-sigterm")["signal"] == "SIGKILL"
    assert run.case("hang")["signal"] == "SIGTERM"
    # The pids a case prints are its PID namespace's when root: look for
    # what the run's processes carry in their environment instead.
    assert run.case("ignore-sigterm")["output"].startswith("pid ")
    assert marked_processes(marker) == []
    assert elapsed < 10


def test_timeout_multiplier_scales_the_case_limit(run_runner):
    # hang declares .timeout = 1; the multiplier makes it 2.5 s.
    start = time.monotonic()
    run = run_runner("-t", "2.5", fixture("hang"))
    elapsed = time.monotonic() - start
    assert run.case("hang")["verdict"] == "TIMEOUT"
    assert 2.5 <= elapsed < 6


def test_lingering_grandchildren_are_killed(run_runner):
    marker = "mmapcts-test-" + uuid.uuid4().hex
    run = run_runner(fixture("grandchild"), env={"MMAPCTS_TEST_MARK": marker})
    case = run.case("grandchild")
    assert case["verdict"] == "PASS"
    pids = {line.split()[0]: int(line.split()[1])
            for line in case["output"].splitlines()}
    assert set(pids) == {"grandchild", "escapee"}
    assert marked_processes(marker) == [], "the grandchildren outlived the run"


def test_flooded_output_is_capped(run_runner):
    run = run_runner("--output-cap", "1000", fixture("flood"))
    case = run.case("flood")
    assert case["verdict"] == "PASS"
    assert case["output_bytes"] == 10 * 1024 * 1024
    assert case["output_truncated"] is True
    assert len(case["output"]) == 1000


def test_each_case_has_a_private_temp_dir_that_is_removed(run_runner, tmp_path):
    run = run_runner(fixture("pass"), fixture("fail"), fixture("grandchild"))
    assert run.record is not None
    leftovers = [p for p in os.listdir(tmp_path) if p.startswith("mmapcts")]
    assert leftovers == []


def test_variants_are_one_case_each(run_runner):
    run = run_runner(fixture("variants"))
    verdicts = {c["variant"]: c["verdict"] for c in run.record["cases"]}
    assert verdicts == {"file": "PASS", "shm": "FAIL", "memfd": "PASS"}
    ids = sorted(c["id"].split("/")[-1] for c in run.record["cases"])
    assert ids == ["variants:file", "variants:memfd", "variants:shm"]
    observed = {c["variant"]: c["observations"]["backing"] for c in run.record["cases"]}
    assert observed == {"file": "file", "shm": "shm", "memfd": "memfd"}


def test_a_case_run_by_hand_runs_every_variant():
    out = subprocess.run([fixture("variants")], capture_output=True, text=True)
    assert out.returncode == 1
    assert "[file]: PASS" in out.stdout and "[memfd]: PASS" in out.stdout
    assert "[shm]: FAIL" in out.stdout


def test_named_program_metadata_comes_from_describe(run_runner):
    case = run_runner(fixture("hang"), "--timeout", "1").case("hang")
    assert case["assertion"] == "fixture: hangs"
    assert case["profile"] == "posix"


def test_record_describes_the_system(run_runner):
    record = run_runner(fixture("pass")).record
    system = record["system"]
    uname = os.uname()
    assert system["os"] == uname.sysname
    assert system["kernel_release"] == uname.release
    assert system["machine"] == uname.machine
    assert system["page_size"] == os.sysconf("SC_PAGE_SIZE")
    assert system["libc"]["name"] in ("glibc", "musl")
    assert system["tmpdir"]["fstype"]
    assert system["overcommit"]["policy"] in ("0", "1", "2")
    assert record["format"] == "mmapcts-record" and record["format_version"] == 1
    assert record["suite"]["name"] == "mmapcts"
    case = record["cases"][0]
    for key in ("id", "group", "profile", "verdict", "duration", "exit_code",
                "signal", "message", "observations", "output"):
        assert key in case


def test_default_record_name(run_runner, tmp_path):
    run = run_runner(fixture("pass"), record=False)
    assert run.returncode == 0
    names = [p for p in os.listdir(tmp_path) if p.endswith(".json")]
    uname = os.uname()
    assert len(names) == 1
    assert names[0].startswith(f"mmapcts-{uname.sysname.lower()}-")
    assert uname.machine in names[0]
    assert f"record written to {tmp_path / names[0]}" in run.stdout


def test_ktap_output(run_runner):
    run = run_runner("--format", "ktap", fixture("pass"), fixture("fail"),
                     fixture("unsupported"))
    lines = run.stdout.splitlines()
    assert lines[0] == "TAP version 13"
    assert lines[1] == "1..3"
    results = [l for l in lines if l.startswith(("ok ", "not ok "))]
    assert len(results) == 3
    assert any(l.startswith("not ok ") and l.endswith("/fail") for l in results)
    assert any(l.endswith("/unsupported # SKIP unsupported.c:12: fixture: the feature is absent")
               for l in results)
    assert any(l.startswith("# ") and "fail: fail.c:" in l for l in lines)
    assert [int(l.split()[1 if l.startswith("ok") else 2]) for l in results] == [1, 2, 3]


def test_junit_output(run_runner, tmp_path):
    junit = tmp_path / "junit.xml"
    run_runner("--junit", str(junit), fixture("pass"), fixture("fail"),
               fixture("unresolved"), fixture("unsupported"), fixture("flood"))
    root = ET.parse(junit).getroot()
    suite = root.find("testsuite")
    assert suite.get("tests") == "5"
    assert suite.get("failures") == "1"
    assert suite.get("errors") == "1"
    assert suite.get("skipped") == "1"
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert props["machine"] == os.uname().machine
    # Named after the system, so that reports merged from several stay apart.
    assert suite.get("name").startswith("mmapcts Linux ")
    assert os.uname().machine in suite.get("name")
    assert suite.get("hostname") == socket.gethostname()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", suite.get("timestamp"))
    package = {tc.get("classname").rsplit(".", 1)[0] for tc in suite.iter("testcase")}
    assert len(package) == 1 and package.pop().startswith("Linux_")


def test_text_output_one_line_per_non_pass(run_runner):
    run = run_runner(fixture("pass"), fixture("fail"), fixture("unsupported"))
    lines = run.stdout.splitlines()
    assert any(l.startswith("FAIL ") and "fail.c:" in l for l in lines)
    assert any(l.startswith("UNSUPPORTED ") for l in lines)
    assert not any(l.startswith("PASS") for l in lines)
    assert "3 cases" in lines[-2] and "1 PASS" in lines[-2]


@pytest.mark.parametrize("args,message", [
    (["--bogus"], "unknown option '--bogus'"),
    (["--jobs", "zero"], "--jobs wants a number"),
    (["no-such-case-anywhere"], "no case matches 'no-such-case-anywhere'"),
    (["./harness/no/such/program"], "not an executable case"),
    (["--cases-dir", "/nonexistent", "anon"], "cannot read the manifest"),
    (["--stream", "/nonexistent/s", fixture("pass")],
     "cannot write the stream /nonexistent/s: No such file or directory"),
])
def test_bad_usage_is_one_line_exit_2(run_runner, args, message):
    run = run_runner(*args, record=False)
    assert run.returncode == 2
    assert message in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_bad_manifest_is_one_line_exit_2(run_runner, tmp_path):
    bad = tmp_path / "cases"
    bad.mkdir()
    (bad / "manifest.tsv").write_text("not a manifest\n")
    run = run_runner("--cases-dir", str(bad), record=False)
    assert run.returncode == 2
    assert "not an mmapcts manifest" in run.stderr


def test_help_and_version():
    out = subprocess.run([RUNNER, "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "--wrapper" in out.stdout
    assert "--stream PATH" in out.stdout
    out = subprocess.run([RUNNER, "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("mmapcts ")


def test_wrapper_runs_each_case_under_a_command(run_runner):
    run = run_runner("--wrapper", "env MMAPCTS_WRAPPED=yes", fixture("pass"))
    assert run.case("pass")["verdict"] == "PASS"
    assert run.record["system"]["emulation"] == "env MMAPCTS_WRAPPED=yes"
    assert run.record["run"]["wrapper"] == "env MMAPCTS_WRAPPED=yes"
    assert "emulation_version" not in run.record["system"]   # env is no QEMU


def test_a_qemu_wrappers_version_scopes_the_expectations(run_runner, tmp_path):
    # A stand-in for qemu-aarch64-static: says its version as QEMU does, and
    # runs the case.  A deviation scoped to QEMU 7.2 applies; one scoped to
    # 9.* does not.
    fake = tmp_path / "qemu-fake"
    fake.write_text('#!/bin/sh\n[ "$1" = --version ] && '
                    '{ echo "qemu-fake version 7.2.22 (Debian 1:7.2+dfsg-7)"; exit 0; }\n'
                    'exec "$@"\n')
    fake.chmod(0o755)
    exp = tmp_path / "exp.tsv"
    exp.write_text("*/fail\tFAIL\tLinux * * * * qemu-user-7.2.*\tQEMU 7.2's own\n")
    run = run_runner("--wrapper", str(fake), "-e", str(exp), fixture("fail"))
    assert run.record["system"]["emulation_version"] == "7.2.22"
    assert run.case("fail")["expected"] == "QEMU 7.2's own"
    exp.write_text("*/fail\tFAIL\tLinux * * * * qemu-user-9.*\tanother QEMU's\n")
    run = run_runner("--wrapper", str(fake), "-e", str(exp), fixture("fail"))
    assert run.case("fail")["expected"] is None


def test_parallel_runs_finish_every_case(run_runner):
    names = ["pass", "fail", "observe", "unsupported"] * 5
    run = run_runner("-j", "4", *[fixture(n) for n in names])
    assert len(run.record["cases"]) == 20
    assert run.record["summary"]["PASS"] == 10


def wait_for(predicate, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)  # the test polls the runner from outside
    raise AssertionError("timed out waiting")


def read_record(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def test_killed_runner_leaves_a_valid_record_and_resume_finishes(tmp_path):
    record_path = tmp_path / "record.json"
    cases = [fixture("pass"), fixture("fail"), fixture("hang"), fixture("observe")]
    env = dict(os.environ, TMPDIR=str(tmp_path))
    proc = subprocess.Popen([RUNNER, "--no-progress", "-j", "1", "--timeout", "2", "--json",
                             str(record_path), *cases], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        def hang_in_flight():
            rec = read_record(record_path)
            return rec if rec and rec["in_flight"] and \
                rec["in_flight"][0].endswith("hang") else None
        rec = wait_for(hang_in_flight)
        proc.kill()
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    # Every write left valid JSON: the record names what finished and what
    # was in flight when the runner died.
    rec = read_record(record_path)
    assert rec is not None
    assert rec["complete"] is False
    assert [c["id"].split("/")[-1] for c in rec["cases"]] == ["pass", "fail"]
    assert [i.split("/")[-1] for i in rec["in_flight"]] == ["hang"]

    # The same options: a resume refuses others that decide verdicts.
    resumed = subprocess.run([RUNNER, "--no-progress", "-j", "1", "--timeout", "2",
                              "--resume", str(record_path), *cases], env=env,
                             capture_output=True, text=True, timeout=60)
    assert resumed.returncode == 1, resumed.stderr
    rec = read_record(record_path)
    assert rec["complete"] is True
    assert rec["resumes"] == 1
    ids = [c["id"].split("/")[-1] for c in rec["cases"]]
    assert sorted(ids) == ["fail", "hang", "observe", "pass"]
    assert rec["summary"]["PASS"] == 2 and rec["summary"]["TIMEOUT"] == 1


def test_resume_rejects_what_is_not_a_record(tmp_path):
    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"hello": 1}')
    out = subprocess.run([RUNNER, "--resume", str(bogus), fixture("pass")],
                         capture_output=True, text=True)
    assert out.returncode == 2
    assert "not an mmapcts record" in out.stderr and str(bogus) in out.stderr


def test_interrupted_runner_stops_cases_and_keeps_record(tmp_path):
    record_path = tmp_path / "record.json"
    env = dict(os.environ, TMPDIR=str(tmp_path))
    proc = subprocess.Popen([RUNNER, "--no-progress", "--json", str(record_path),
                             fixture("pass"), fixture("hang")], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(lambda: (read_record(record_path) or {}).get("in_flight") == [] and
             len((read_record(record_path) or {}).get("cases", [])) == 1 or
             any(i.endswith("hang") for i in (read_record(record_path) or {}).get("in_flight", [])))
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 2
    assert "interrupted" in err
    rec = read_record(record_path)
    assert rec is not None
    assert any(c["id"].endswith("pass") for c in rec["cases"]) or rec["in_flight"]


def test_known_deviations_are_expected_not_failures(run_runner, tmp_path):
    exp = tmp_path / "expectations.tsv"
    exp.write_text("# id\tverdict\tsystem\tevidence\n"
                   "*/fail\tFAIL\t* * * * *\tthe fixture fails on purpose\n"
                   "*/abort\tFAIL\t* * * * *\twrong verdict: it CRASHes\n")
    run = run_runner("-e", str(exp), fixture("pass"), fixture("fail"), fixture("abort"))
    assert run.returncode == 1  # abort CRASHes, which no line expects
    assert run.case("fail")["expected"] == "the fixture fails on purpose"
    assert run.case("abort")["expected"] is None
    assert run.record["summary"]["expected"] == 1
    assert "known deviation" in run.stdout
    run = run_runner("-e", str(exp), "--format", "ktap", fixture("pass"), fixture("fail"))
    assert run.returncode == 0
    assert any(l.endswith("/fail # XFAIL FAIL: the fixture fails on purpose")
               for l in run.stdout.splitlines())


def test_bad_expectations_file_is_one_line_exit_2(run_runner, tmp_path):
    exp = tmp_path / "expectations.tsv"
    exp.write_text("only\ttwo\n")
    run = run_runner("-e", str(exp), fixture("pass"), record=False)
    assert run.returncode == 2
    assert f"{exp}:1: expected 4 tab-separated fields" in run.stderr


def test_the_system_key_says_how_the_cases_ran(run_runner, tmp_path):
    exp = tmp_path / "expectations.tsv"
    exp.write_text("*/fail\tFAIL\t* * * * * qemu-user\tunder a wrapper only\n")
    run = run_runner("-e", str(exp), fixture("fail"))
    assert run.case("fail")["expected"] is None
    run = run_runner("-e", str(exp), "--wrapper", "env A=1", fixture("fail"))
    assert run.case("fail")["expected"] == "under a wrapper only"


STREAM_KEYS = ("format", "format_version", "suite", "system", "run")


def read_stream(path):
    """The events of a stream, every line checked: its prefix, its number
    (from 1, one up each line), one JSON object."""
    events = []
    with open(path, encoding="utf-8", newline="") as f:
        for n, line in enumerate(f, 1):
            assert line.endswith("\n"), f"line {n} is cut: {line[:80]!r}"
            tag, seq, event = line.split(" ", 2)
            assert (tag, seq) == ("@mmapcts-stream", str(n)), line[:80]
            events.append(json.loads(event))
    return events


def test_stream_carries_every_event_of_the_record(run_runner, tmp_path):
    stream = tmp_path / "run.stream"
    run = run_runner("-j", "1", "--timeout", "1", "--stream", str(stream),
                     fixture("pass"), fixture("fail"), fixture("hang"))
    assert run.returncode == 1, run.stderr
    assert run.stderr == ""
    events = read_stream(stream)
    assert [e["event"] for e in events] == ["begin"] + ["start", "result"] * 3 + ["end"]
    assert events[0]["record"] == {k: run.record[k] for k in STREAM_KEYS}
    ids = [c["id"] for c in run.record["cases"]]
    assert [e["id"] for e in events if e["event"] == "start"] == ids
    # Each result event holds exactly the record's case object.
    assert [e["case"] for e in events if e["event"] == "result"] == run.record["cases"]
    verdicts = [c["verdict"] for c in run.record["cases"]]
    assert verdicts == ["PASS", "FAIL", "TIMEOUT"]
    end = events[-1]
    assert end["summary"] == run.record["summary"]
    assert end["duration"] == run.record["duration"]
    assert end["complete"] is True and end["end"].endswith("Z")


def test_stream_in_parallel_starts_each_case_before_its_result(run_runner, tmp_path):
    stream = tmp_path / "run.stream"
    names = ["pass", "fail", "observe", "unsupported"] * 3
    run = run_runner("-j", "4", "--stream", str(stream), *[fixture(n) for n in names])
    events = read_stream(stream)
    started = set()
    for e in events[1:-1]:
        if e["event"] == "start":
            started.add(e["id"])
        else:
            assert e["event"] == "result" and e["case"]["id"] in started
    results = sorted((e["case"]["id"], e["case"]["duration"]) for e in events
                     if e["event"] == "result")
    assert results == sorted((c["id"], c["duration"]) for c in run.record["cases"])
    assert events[-1]["summary"] == run.record["summary"]


def test_a_stream_that_fails_is_given_up_not_the_run(run_runner):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    run = run_runner("--stream", "/dev/full", fixture("pass"), fixture("observe"))
    assert run.returncode == 0
    assert run.stderr.splitlines() == [
        "mmapcts: writing the stream /dev/full: No space left on device; "
        "going on without it"]
    assert run.record["complete"] is True
    assert run.record["summary"]["PASS"] == 2


def children_of(pid):
    """The processes whose parent is pid (Linux /proc)."""
    kids = []
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue  # gone meanwhile
        if ppid == pid:
            kids.append(int(entry))
    return kids


def test_stream_of_a_killed_runner_names_the_case_in_flight(tmp_path):
    if not os.path.isdir("/proc/self"):
        pytest.skip("finding the orphaned case needs /proc")
    stream = tmp_path / "run.stream"
    env = dict(os.environ, TMPDIR=str(tmp_path))
    proc = subprocess.Popen([RUNNER, "--no-progress", "--no-json", "-j", "1",
                             "--timeout", "600", "--stream", str(stream),
                             fixture("pass"), fixture("hang")], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cases = []
    try:
        def hang_started():
            with open(stream, encoding="utf-8") as f:
                return any('"event": "start"' in line and '/hang"' in line for line in f)
        wait_for(lambda: stream.exists() and hang_started())
        cases = children_of(proc.pid)
        proc.kill()
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in cases:  # each case leads its own process group; nobody reaps it now
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    events = read_stream(stream)
    assert [e["event"] for e in events] == ["begin", "start", "result", "start"]
    assert events[1]["id"].endswith("/pass") and events[3]["id"].endswith("/hang")
    assert events[2]["case"]["id"] == events[1]["id"]
    assert events[2]["case"]["verdict"] == "PASS"


def fixture_cases_dir(base, names):
    """A cases directory holding the named fixtures, with its manifest."""
    cases = base / "cases"
    (cases / "fx").mkdir(parents=True)
    rows = ["# mmapcts manifest 1",
            "# id\tprogram\tgroup\tprofile\ttimeout\tvariant\tneeds\tspec\t"
            "assertion\tno_fault\tcovers\tcovers_part"]
    for name in names:
        shutil.copy(fixture(name), cases / "fx" / name)
        rows.append(f"fx/{name}\tfx/{name}\tfx\tposix\t10\t\t\tself-test\t{name}\t\t\t")
    (cases / "manifest.tsv").write_text("\n".join(rows) + "\n")
    return cases


def test_the_expectations_beside_the_manifest_are_the_default(run_runner, tmp_path):
    cases = fixture_cases_dir(tmp_path, ["pass", "fail"])
    shipped = cases / "expectations.tsv"
    shipped.write_text("fx/fail\tFAIL\t* * * * *\tshipped with the cases\n")
    run = run_runner("--cases-dir", str(cases))
    assert run.returncode == 0, run.stdout
    assert run.case("fail")["expected"] == "shipped with the cases"
    assert run.record["run"]["expectations"] == str(shipped)
    run = run_runner("--cases-dir", str(cases), "--no-expectations")
    assert run.returncode == 1
    assert run.case("fail")["expected"] is None
    assert run.record["run"]["expectations"] == ""


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"),
                    reason="needs root and setpriv to run as a user who cannot write here")
def test_a_directory_nobody_may_write_does_not_stop_the_run(tmp_path):
    """Run from a directory the user cannot write (an installed suite run
    from /), the record goes to $XDG_STATE_HOME/mmapcts, or
    ~/.local/state/mmapcts."""
    base = tempfile.mkdtemp(prefix="mmapcts-ro.")
    try:
        os.chmod(base, 0o755)
        home = os.path.join(base, "home")
        os.mkdir(home)
        os.chown(home, 65534, 65534)
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", RUNNER,
               "--no-progress", fixture("pass")]
        env = dict(os.environ, HOME=home, TMPDIR=home)
        env.pop("XDG_STATE_HOME", None)
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=base, env=env,
                              timeout=60)
        assert proc.returncode == 0, proc.stderr
        records = glob.glob(os.path.join(home, ".local", "state", "mmapcts", "mmapcts-*.json"))
        assert len(records) == 1 and records[0] in proc.stdout
        env["XDG_STATE_HOME"] = os.path.join(home, "state")
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=base, env=env,
                              timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert glob.glob(os.path.join(home, "state", "mmapcts", "mmapcts-*.json"))
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_exclude_and_a_skip_file_leave_cases_out(run_runner, tmp_path):
    cases = fixture_cases_dir(tmp_path, ["pass", "fail", "unsupported"])
    run = run_runner("--cases-dir", str(cases), "--no-expectations", "-x", "fx/fail")
    assert run.returncode == 0
    assert sorted(c["id"] for c in run.record["cases"]) == ["fx/pass", "fx/unsupported"]
    assert "1 cases left out" in run.stderr
    skip = tmp_path / "skip.txt"
    skip.write_text("# the farm's list\n  fx/fail   # broken here\n\nfx/uns*\nno/such-case\n")
    run = run_runner("--cases-dir", str(cases), "--skip-file", str(skip))
    assert run.returncode == 0, run.stderr
    assert [c["id"] for c in run.record["cases"]] == ["fx/pass"]
    run = run_runner("--cases-dir", str(cases), "--skip-file", str(tmp_path / "none"))
    assert run.returncode == 2 and "cannot read the skip file" in run.stderr


@pytest.mark.skipif(not shutil.which("script"), reason="no script(1) to give the runner a terminal")
def test_colour_on_a_terminal_unless_no_color(tmp_path):
    def on_a_tty(env):
        cmd = f"{RUNNER} --no-json --no-progress {fixture('fail')} {fixture('unsupported')}"
        return subprocess.run(["script", "-qec", cmd, "/dev/null"], capture_output=True,
                              text=True, cwd=str(tmp_path),
                              env=dict(os.environ, TMPDIR=str(tmp_path), **env)).stdout
    coloured = on_a_tty({"NO_COLOR": ""})
    assert "\033[1;31mFAIL" in coloured and "\033[2mUNSUPPORTED" in coloured
    assert "\033[" not in on_a_tty({"NO_COLOR": "1"})
