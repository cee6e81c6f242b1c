"""Shared helpers for the runner's end-to-end tests.

The tests run the real runner (harness/mmapcts from the build tree) over
purpose-built fixture programs (harness/tests/fixtures/) and assert exactly
what the record, the JUnit file and the KTAP stream say about each.
"""
import json
import os
import subprocess

import pytest

BUILDDIR = os.environ.get("MMAPCTS_BUILDDIR") or os.getcwd()
SRCDIR = os.environ.get("MMAPCTS_SRCDIR") or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNNER = os.path.join(BUILDDIR, "harness", "mmapcts")
FIXTURES = os.path.join(BUILDDIR, "harness", "tests", "fixtures")


def fixture(name):
    return os.path.join(FIXTURES, name)


class Run:
    """One run of the runner: its exit status, output and record."""

    def __init__(self, proc, record_path):
        self.returncode = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr
        self.record_path = record_path
        self.record = None
        if record_path and os.path.exists(record_path):
            with open(record_path, encoding="utf-8") as f:
                self.record = json.load(f)

    def case(self, name):
        """The record's entry for the fixture named name."""
        matches = [c for c in self.record["cases"]
                   if c["id"].split("/")[-1] == name]
        assert len(matches) == 1, (name, [c["id"] for c in self.record["cases"]])
        return matches[0]


@pytest.fixture
def run_runner(tmp_path):
    """Run the runner with args; the record goes to tmp_path/record.json."""

    def run(*args, record=True, timeout=120, env=None):
        record_path = str(tmp_path / "record.json") if record else None
        cmd = [RUNNER, "--no-progress"]
        if record:
            cmd += ["--json", record_path]
        cmd += list(args)
        full_env = dict(os.environ, TMPDIR=str(tmp_path))
        if env:
            full_env.update(env)
        proc = subprocess.run(cmd, capture_output=True, text=True,
                              timeout=timeout, env=full_env, cwd=str(tmp_path))
        return Run(proc, record_path)

    return run


def pid_alive(pid):
    """Is pid a live process (a zombie counts as gone)?"""
    try:
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X")
    except FileNotFoundError:
        return False


def marked_processes(marker):
    """Live processes whose environment holds marker (a zombie is gone)."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/environ", "rb") as f:
                if marker.encode() in f.read() and pid_alive(int(pid)):
                    found.append(int(pid))
        except OSError:
            pass
    return found
