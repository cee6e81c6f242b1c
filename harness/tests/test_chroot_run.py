"""ci/chroot-run: the suite against another Debian release's glibc.

The cheap part runs always: its refusals of bad usage (one line, exit
status 2, nothing made), its plan (--dry-run: where the chroot is cached,
what debootstrap is asked for, where the record goes) and the naming of the
record (ci/chroot-record), on a committed record.

The real run debootstraps Debian bullseye (glibc 2.31) once into the cache
(~/.cache/mmapcts/chroot, a download of ~100 MB), builds the suite in it and
runs a group; and stops a run with SIGINT half-way.  It needs root and the
Debian archive, so it runs only when MMAPCTS_CHROOT_TESTS=1 asks for it.
"""
import glob
import json
import os
import shutil
import signal
import subprocess
import time

import pytest

from conftest import SRCDIR

CHROOT_RUN = os.path.join(SRCDIR, "ci", "chroot-run")
CHROOT_RECORD = os.path.join(SRCDIR, "ci", "chroot-record")
RESULTS = os.path.join(SRCDIR, "reports", "results")
NATIVE_TMPFS = "mmapcts-linux-6.18.44-fc-v1300-x86_64-glibc-2.36-tmpfs.json"


def chroot_run(*args, env=None, **kw):
    return subprocess.run([CHROOT_RUN, *args], capture_output=True, text=True,
                          env=dict(os.environ, **(env or {})), timeout=1800, **kw)


@pytest.mark.parametrize("args, says", [
    ([], "usage: ci/chroot-run"),
    (["buster"], "no Debian release 'buster' (one of: bullseye bookworm trixie forky sid)"),
    (["--frobnicate", "trixie"], "unknown option --frobnicate"),
    (["--out-dir"], "usage: ci/chroot-run"),
    (["--out-dir", "", "trixie"], "usage: ci/chroot-run"),
])
def test_bad_usage_is_refused_in_one_line(tmp_path, args, says):
    proc = chroot_run(*args, env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert proc.returncode == 2
    assert says in proc.stderr
    assert proc.stdout == ""
    assert not (tmp_path / "cache").exists()


def plan(*args, **env):
    proc = chroot_run("--dry-run", *args, env=env)
    assert proc.returncode == 0, proc.stderr
    return dict(line.split(": ", 1) for line in proc.stdout.splitlines())


def test_the_plan_caches_a_minbase_chroot_per_release(tmp_path):
    p = plan("bullseye", XDG_CACHE_HOME=str(tmp_path / "cache"), TMPDIR=str(tmp_path))
    root = str(tmp_path / "cache" / "mmapcts" / "chroot" / "bullseye")
    assert p["chroot"] == root
    deb = p["debootstrap"].split()
    assert deb[0] == "debootstrap" and "--variant=minbase" in deb
    assert "bullseye" in deb and root + ".new" in deb
    include = next(a for a in deb if a.startswith("--include=")).split("=", 1)[1].split(",")
    assert {"build-essential", "autoconf", "automake", "pkg-config", "python3"} <= set(include)
    assert p["mounts"].split()[:3] == ["/proc", "/sys", "/dev"]
    assert "/tmp(tmpfs)" in p["mounts"]
    # The dry run makes nothing.
    assert not (tmp_path / "cache").exists()


def test_a_made_chroot_is_not_debootstrapped_again(tmp_path):
    root = tmp_path / "mmapcts" / "chroot" / "sid"
    root.mkdir(parents=True)
    (root / ".mmapcts-complete").touch()
    assert plan("sid", XDG_CACHE_HOME=str(tmp_path))["debootstrap"] == "no (cached)"
    # Half made (no mark): made anew.
    (root / ".mmapcts-complete").unlink()
    assert plan("sid", XDG_CACHE_HOME=str(tmp_path))["debootstrap"].startswith("debootstrap ")


def test_the_record_goes_to_a_scratch_directory_unless_told(tmp_path):
    p = plan("trixie", TMPDIR=str(tmp_path))
    assert p["out-dir"] == str(tmp_path / "mmapcts-chroot-trixie")
    assert not p["out-dir"].startswith(RESULTS)
    assert plan("--out-dir", "reports/results", "trixie")["out-dir"] == "reports/results"
    assert plan("--out-dir=/x", "trixie")["out-dir"] == "/x"


def partial(tmp_path, name=NATIVE_TMPFS):
    path = tmp_path / ".chroot-bookworm.json"
    shutil.copy(os.path.join(RESULTS, name), path)
    return path


def test_the_record_is_named_after_its_glibc_and_temp_filesystem(tmp_path):
    path = partial(tmp_path)
    proc = subprocess.run([CHROOT_RECORD, str(path), "bookworm", "2.36-9+deb12u13"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.strip()
    # The native tmpfs record's own name: a chroot of this machine's release
    # refreshes it, and another release's record sits beside it.
    assert out == str(tmp_path / NATIVE_TMPFS)
    assert not path.exists()
    with open(out, encoding="utf-8") as f:
        text = f.read()
    rec = json.loads(text)
    assert rec["run"]["chroot"] == {"debian": "bookworm", "libc6": "2.36-9+deb12u13"}
    with open(os.path.join(RESULTS, NATIVE_TMPFS), encoding="utf-8") as f:
        native = json.load(f)
    assert rec["cases"] == native["cases"] and rec["system"] == native["system"]
    # Laid out as the runner lays a record out: a case a line.
    assert text.count("\n") == len(rec["cases"]) + len(rec) + 3


def test_a_record_of_another_libc_than_the_chroots_is_refused(tmp_path):
    path = partial(tmp_path)
    proc = subprocess.run([CHROOT_RECORD, str(path), "bullseye", "2.31-13+deb11u11"],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert "names glibc 2.36, but the bullseye chroot has glibc 2.31" in proc.stderr
    assert path.exists() and os.listdir(tmp_path) == [path.name]


# --- the real thing --------------------------------------------------------

real = pytest.mark.skipif(
    os.environ.get("MMAPCTS_CHROOT_TESTS") != "1" or os.geteuid() != 0,
    reason="debootstraps Debian bullseye: set MMAPCTS_CHROOT_TESTS=1 (as root)")


def mounts_of(path):
    with open("/proc/self/mountinfo", encoding="utf-8") as f:
        return [line for line in f if path in line]


def chroot_root():
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return os.path.join(cache, "mmapcts", "chroot", "bullseye")


@real
def test_bullseye_runs_a_group_against_glibc_2_31(tmp_path):
    proc = chroot_run("--out-dir", str(tmp_path), "bullseye", "munmap")
    assert proc.returncode == 0, proc.stderr[-2000:]
    records = glob.glob(str(tmp_path / "*.json"))
    assert [os.path.basename(r) for r in records] == [
        n for n in os.listdir(tmp_path) if n.endswith("-glibc-2.31-tmpfs.json")]
    with open(records[0], encoding="utf-8") as f:
        rec = json.load(f)
    assert rec["system"]["libc"] == {"name": "glibc", "version": "2.31"}
    assert rec["system"]["tmpdir"] == {"path": "/tmp", "fstype": "tmpfs"}
    assert rec["system"]["kernel_release"] == os.uname().release
    assert rec["run"]["chroot"]["debian"] == "bullseye"
    assert rec["complete"] is True
    assert {c["verdict"] for c in rec["cases"]} <= {"PASS", "UNSUPPORTED"}
    assert mounts_of(chroot_root()) == []


@real
def test_an_interrupted_run_leaves_no_mount_behind(tmp_path):
    proc = subprocess.Popen([CHROOT_RUN, "--out-dir", str(tmp_path), "bullseye", "-j", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.time() + 900
    # The runner's partial record appears once the cases run.
    while not os.path.exists(tmp_path / ".chroot-bullseye.json") and time.time() < deadline:
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGINT)     # ^C at the terminal
    _, err = proc.communicate(timeout=120)
    assert proc.returncode != 0, err
    assert mounts_of(chroot_root()) == []
