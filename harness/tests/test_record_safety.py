"""End-to-end tests: no verdict is lost, no bad input accepted.

A full disk leaves the record as it was before the failed write and makes
the run's status 2; two runners never write one record; --resume refuses a
record of another system or other verdict-deciding options; a case that
floods its result channel is capped; options and files that make no sense
are refused in one line with status 2.
"""
import json
import os
import signal
import subprocess
import time

import pytest

from conftest import RUNNER, fixture


def runner(*args, cwd, env=None, timeout=120):
    full_env = dict(os.environ, TMPDIR=str(cwd))
    full_env.update(env or {})
    return subprocess.run([RUNNER, "--no-progress", *args], capture_output=True,
                          text=True, timeout=timeout, env=full_env, cwd=str(cwd))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def refused(proc, *words):
    """Status 2, one line on stderr holding every word."""
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    for w in words:
        assert w in lines[0], (w, lines[0])
    return lines[0]


# ---------------------------------------------------------------- full disk
@pytest.fixture
def tiny_disk(tmp_path):
    """A 1 MiB tmpfs (root only)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mnt = tmp_path / "full"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def test_full_disk_keeps_a_valid_record_and_fails_the_run(tiny_disk, tmp_path):
    record = tiny_disk / "record.json"
    # flood keeps 64 KiB of output per case: the record outgrows 1 MiB.
    proc = runner("--json", str(record), "-j", "2", "--repeat", "40",
                  fixture("flood"), fixture("pass"), cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2, proc.stderr    # when it happens, and at the end
    assert all(os.strerror(28) in e for e in errors), errors      # ENOSPC
    assert "record NOT complete" in errors[1]
    assert "record written" not in proc.stdout
    rec = load(record)                      # the last valid state
    assert rec["complete"] is False
    assert 0 < len(rec["cases"]) < 80
    assert "80 PASS" in proc.stdout         # every verdict still reached stdout


def test_full_disk_before_the_first_case_leaves_no_half_record(tiny_disk, tmp_path):
    filler = tiny_disk / "filler"
    with open(filler, "wb") as f:
        try:
            f.write(b"\0" * (2 << 20))
        except OSError:
            pass
    record = tiny_disk / "record.json"
    proc = runner("--json", str(record), fixture("pass"), cwd=tmp_path)
    refused(proc, str(record), os.strerror(28))
    assert not record.exists()


def wait_in_flight(record):
    """Until the record names a case in flight."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if load(record)["in_flight"]:
                return
        except (FileNotFoundError, json.JSONDecodeError, KeyError):
            pass
        time.sleep(0.02)  # the test polls the runner from outside
    raise AssertionError("no case in flight")


# -------------------------------------------------------- two runners at once
def test_second_runner_on_one_record_refuses(tmp_path):
    record = tmp_path / "record.json"
    env = dict(os.environ, TMPDIR=str(tmp_path))
    first = subprocess.Popen([RUNNER, "--no-progress", "--timeout", "3", "--json",
                              str(record), fixture("hang")], env=env, cwd=str(tmp_path),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_in_flight(record)
        second = runner("--json", str(record), fixture("pass"), cwd=tmp_path)
        refused(second, str(record), "another runner", str(first.pid))
        resumed = runner("--timeout", "3", "--resume", str(record), fixture("hang"),
                         cwd=tmp_path)
        refused(resumed, "another runner")
    finally:
        out, err = first.communicate(timeout=30)
    assert first.returncode == 1, err       # the hang timed out, nothing else
    rec = load(record)
    assert rec["complete"] is True
    assert [c["verdict"] for c in rec["cases"]] == ["TIMEOUT"]


def test_default_record_name_twice_at_once(tmp_path):
    """ci/run-suite twice in one directory: one runs, the other refuses."""
    env = dict(os.environ, TMPDIR=str(tmp_path))
    args = [RUNNER, "--no-progress", "--timeout", "2", fixture("hang")]
    first = subprocess.Popen(args, env=env, cwd=str(tmp_path), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 20
    while not list(tmp_path.glob("mmapcts-*.json")) and time.monotonic() < deadline:
        time.sleep(0.02)  # the test polls the runner from outside
    second = subprocess.run(args, env=env, cwd=str(tmp_path), capture_output=True,
                            text=True, timeout=60)
    out, err = first.communicate(timeout=30)
    assert sorted([first.returncode, second.returncode]) == [1, 2], (err, second.stderr)
    records = list(tmp_path.glob("mmapcts-*.json"))
    assert len(records) == 1
    assert load(records[0])["complete"] is True


def test_dev_null_as_record_is_never_locked(tmp_path):
    env = dict(os.environ, TMPDIR=str(tmp_path))
    args = [RUNNER, "--no-progress", "--timeout", "2", "--json", "/dev/null"]
    first = subprocess.Popen(args + [fixture("hang")], env=env, cwd=str(tmp_path),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.3)  # the first has opened /dev/null (a race lost only passes)
    second = runner("--json", "/dev/null", fixture("pass"), cwd=tmp_path)
    first.communicate(timeout=30)
    assert second.returncode == 0, second.stderr
    assert first.returncode == 1


# ------------------------------------------------------------------ --resume
@pytest.fixture
def cut_record(tmp_path):
    """A record of pass and fail, cut before fail: what --resume continues."""
    record = tmp_path / "record.json"
    proc = runner("--json", str(record), "-j", "1", fixture("pass"), fixture("fail"),
                  cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    text = record.read_text()
    lines = text.splitlines(keepends=True)
    fail = next(i for i, l in enumerate(lines) if '"verdict": "FAIL"' in l)
    cut = "".join(lines[:fail]).rstrip(",\n") + "\n"
    record.write_text(cut)
    return record


def test_resume_with_the_same_options_finishes(cut_record, tmp_path):
    proc = runner("-j", "2", "--resume", str(cut_record), fixture("pass"), fixture("fail"),
                  cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    rec = load(cut_record)
    assert [c["verdict"] for c in rec["cases"]] == ["PASS", "FAIL"]
    assert rec["complete"] is True


def edit(record, old, new):
    text = record.read_text()
    assert old in text, old
    record.write_text(text.replace(old, new, 1))


def test_resume_refuses_another_machine(cut_record, tmp_path):
    machine = load_head(cut_record)["system"]["machine"]
    other = "s390x" if machine != "s390x" else "x86_64"
    edit(cut_record, f'"machine": "{machine}"', f'"machine": "{other}"')
    before = cut_record.read_text()
    proc = runner("--resume", str(cut_record), fixture("pass"), fixture("fail"), cwd=tmp_path)
    refused(proc, str(cut_record), "system.machine", other, machine)
    assert cut_record.read_text() == before     # untouched


def test_resume_refuses_another_kernel_and_page_size(cut_record, tmp_path):
    head = load_head(cut_record)
    edit(cut_record, f'"page_size": {head["system"]["page_size"]}', '"page_size": 65536')
    refused(runner("--resume", str(cut_record), fixture("pass"), fixture("fail"),
                   cwd=tmp_path), "system.page_size", "65536")


def test_resume_refuses_other_verdict_options(cut_record, tmp_path):
    cases = [fixture("pass"), fixture("fail")]
    for extra, what in ([["--fault", first_fault()], "--fault"],
                        [["--wrapper", "env"], "system.emulation"],
                        [["--profile", "linux"], "--profile"],
                        [["--timeout", "7"], "--timeout"],
                        [["-t", "3"], "--timeout-multiplier"],
                        [["--repeat", "2"], "--repeat"]):
        proc = runner(*extra, "--resume", str(cut_record), *cases, cwd=tmp_path)
        refused(proc, str(cut_record), what)
    proc = runner("--resume", str(cut_record), fixture("pass"), cwd=tmp_path)
    refused(proc, "the selection", fixture("fail"))


def test_resume_of_a_fault_record_needs_the_fault(tmp_path):
    fault = first_fault()
    if runner("--list-faults", cwd=tmp_path).returncode != 0 or not fault:
        pytest.skip("no faults library")
    record = tmp_path / "record.json"
    proc = runner("--json", str(record), "--fault", fault, fixture("pass"), cwd=tmp_path)
    if proc.returncode == 2:
        pytest.skip(proc.stderr.strip())
    refused(runner("--resume", str(record), fixture("pass"), cwd=tmp_path),
            "--fault", fault, "none")


def test_resume_refuses_a_command_line_that_no_longer_parses(cut_record, tmp_path):
    edit(cut_record, '"argv": [', '"argv": ["mmapcts", "--no-such-option", ')
    refused(runner("--resume", str(cut_record), fixture("pass"), fixture("fail"),
                   cwd=tmp_path), "--no-such-option")


def load_head(record):
    """The record's head (it may be cut before its end)."""
    text = record.read_text()
    return json.loads(text[:text.index(',\n "cases": [')] + "}")


def first_fault():
    out = subprocess.run([RUNNER, "--list-faults"], capture_output=True, text=True)
    return out.stdout.split()[0] if out.stdout.split() else ""


# ---------------------------------------------------------- result channel
def test_result_channel_flood_is_capped(tmp_path):
    record = tmp_path / "record.json"
    start = time.monotonic()
    proc = runner("--json", str(record), "--output-cap", "65536", fixture("observe-flood"),
                  cwd=tmp_path, env={"MMAPCTS_FLOOD_MIB": "32"})
    assert proc.returncode == 1, proc.stderr
    assert time.monotonic() - start < 60
    assert record.stat().st_size < 1 << 20
    case = load(record)["cases"][0]
    assert case["verdict"] == "FAIL"
    assert "lines == -1L" in case["message"]    # the message, after the flood
    assert case["observations_truncated"] is True
    assert case["result_bytes"] > 30 << 20
    keys = list(case["observations"])
    assert keys[0] == "flood000000"             # the first ones are kept
    assert keys == [f"flood{i:06d}" for i in range(len(keys))]
    assert 60 < len(keys) < 200


def test_small_channel_is_not_truncated(tmp_path):
    record = tmp_path / "record.json"
    proc = runner("--json", str(record), fixture("observe"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    case = load(record)["cases"][0]
    assert case["observations_truncated"] is False
    assert 0 < case["result_bytes"] < 4096
    assert case["observations"]["answer"] == "42"


# --------------------------------------------------------- interrupted run
def test_interrupted_between_cases_is_not_complete(tmp_path):
    """SIGTERM while no case runs: the record and the stream both say the
    run is not complete."""
    record, stream = tmp_path / "record.json", tmp_path / "stream.log"
    env = dict(os.environ, TMPDIR=str(tmp_path))
    proc = subprocess.Popen([RUNNER, "--no-progress", "-j", "1", "--json", str(record),
                             "--stream", str(stream), fixture("ignore-sigterm"),
                             *[fixture("pass")] * 3], env=env, cwd=str(tmp_path),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_in_flight(record)
        proc.send_signal(signal.SIGTERM)
    finally:
        proc.communicate(timeout=60)
    assert proc.returncode == 2
    rec = load(record)
    assert rec["complete"] is False
    assert len(rec["cases"]) < 4
    end = [l for l in stream.read_text().splitlines() if '"event": "end"' in l]
    assert end and '"complete": false' in end[-1]


# ---------------------------------------------------------------- bad input
@pytest.mark.parametrize("args, words", [
    (["-t", "1e-300"], ["--timeout-multiplier", "1e-300"]),
    (["-t", "nan"], ["--timeout-multiplier"]),
    (["-t", "inf"], ["--timeout-multiplier"]),
    (["-t", "5000"], ["--timeout-multiplier"]),
    (["-j", "0"], ["--jobs"]),
    (["--timeout", "0"], ["--timeout"]),
    (["--repeat", "-1"], ["--repeat"]),
    (["--output-cap", "1e9"], ["--output-cap"]),
    (["--json", "X", "--stream", "X"], ["--json", "--stream", "X"]),
    (["--json", "X", "--stream", "./X"], ["--json", "--stream"]),
    (["--json", "r.json", "--junit", "r.json"], ["--json", "--junit"]),
    (["--stream", "s.log", "--junit", "./s.log"], ["--stream", "--junit"]),
])
def test_bad_options_are_refused(tmp_path, args, words):
    refused(runner(*args, fixture("pass"), cwd=tmp_path), *words)
    assert not (tmp_path / "X").exists()


def test_same_file_under_two_names_is_refused(tmp_path):
    (tmp_path / "real.json").write_text("keep me\n")
    os.symlink("real.json", tmp_path / "link.json")
    refused(runner("--json", "real.json", "--stream", "link.json", fixture("pass"),
                   cwd=tmp_path), "--json", "--stream")
    assert (tmp_path / "real.json").read_text() == "keep me\n"


def test_output_over_the_expectations_is_refused(tmp_path):
    tsv = tmp_path / "e.tsv"
    tsv.write_text("# nothing\n")
    refused(runner("-e", str(tsv), "--junit", str(tsv), fixture("pass"), cwd=tmp_path),
            "--junit", "--expectations")
    assert tsv.read_text() == "# nothing\n"


def test_resume_over_the_stream_is_refused(cut_record, tmp_path):
    before = cut_record.read_text()
    refused(runner("--resume", str(cut_record), "--stream", str(cut_record),
                   fixture("pass"), fixture("fail"), cwd=tmp_path), "--resume", "--stream")
    assert cut_record.read_text() == before


def test_default_record_name_as_stream_is_refused(tmp_path):
    first = runner(fixture("pass"), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    name = list(tmp_path.glob("mmapcts-*.json"))[0].name
    refused(runner("--junit", name, fixture("pass"), cwd=tmp_path), name)


@pytest.mark.parametrize("content, words", [
    ("x/y\tpass\t*\tevidence\n", [":1:", "unknown verdict 'pass'"]),
    ("# a comment\nx/y\tFAIL\t*\tok\nx/y\tFAILED\t*\tevidence\n", [":3:", "FAILED"]),
    ("x/y\tPASS\t*\tevidence\n", [":1:", "PASS"]),
])
def test_bad_expectations_are_refused_at_their_line(tmp_path, content, words):
    tsv = tmp_path / "e.tsv"
    tsv.write_text(content)
    refused(runner("--no-json", "-e", str(tsv), fixture("pass"), cwd=tmp_path),
            str(tsv), *words)


def test_directory_as_expectations_is_refused(tmp_path):
    refused(runner("--no-json", "-e", str(tmp_path), fixture("pass"), cwd=tmp_path),
            str(tmp_path), os.strerror(21))      # EISDIR
