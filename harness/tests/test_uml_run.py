"""ci/uml-run without a boot: its refusals of bad input (one line on stderr,
exit status 2, nothing left behind), the kernel check, and the records it
makes from a kept work directory (--from-log): named and keyed "uml", in a
scratch directory unless --out-dir says otherwise.

Nothing here starts a kernel or reaches the network; test_uml.py boots.
"""
import importlib.machinery
import importlib.util
import json
import os
import subprocess
import sys

import pytest

from conftest import SRCDIR

UML_RUN = os.path.join(SRCDIR, "ci", "uml-run")
RESULTS = os.path.join(SRCDIR, "reports", "results")


def load_uml_run():
    loader = importlib.machinery.SourceFileLoader("uml_run", UML_RUN)
    spec = importlib.util.spec_from_loader("uml_run", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


uml_run = load_uml_run()


def run(tmp_path, *args):
    env = dict(os.environ, TMPDIR=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, UML_RUN, *args], capture_output=True, text=True,
                          env=env, timeout=60)


def fake_kernel(path, banner=True):
    """An x86-64 ELF header, then the text UML's --help prints (or not)."""
    head = bytearray(64)
    head[:4] = b"\x7fELF"
    head[4], head[5] = 2, 1
    head[18:20] = (62).to_bytes(2, "little")
    body = b"\0" * (3 << 20) + (b"User Mode Linux v6.1\n" if banner else b"Linux\n")
    path.write_bytes(bytes(head) + body)
    path.chmod(0o755)
    return str(path)


@pytest.mark.parametrize("args,message", [
    (["--fs", "nfs"], "--fs nfs: choose from tmpfs,ext4,xfs,btrfs"),
    (["--fs", ","], "--fs ,: choose from"),
    (["--fs", "tmpfs,tmpfs"], "a filesystem named twice"),
    (["--memory", "16"], "--memory must be at least 64"),
    (["--time-limit", "0"], "--time-limit at least 1"),
    (["--kernel", "/nonexistent/linux"], "--kernel /nonexistent/linux: no such file"),
    (["--kernel", "/bin/sh"], "not a User-Mode Linux kernel"),
    (["--build", "/nonexistent"], "--build /nonexistent: no harness/mmapcts in it"),
    (["--memory", "lots"], "invalid int value"),
    (["--bogus"], "unrecognized arguments: --bogus"),
    (["--from-log", "/nonexistent/work"], "--from-log /nonexistent/work: no such directory"),
])
def test_bad_input_is_one_line(tmp_path, args, message):
    proc = run(tmp_path, *args)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("uml-run: ")
    assert message in proc.stderr
    # Refused before anything was made: no scratch records, no work directory.
    assert sorted(os.listdir(tmp_path)) == []


def test_out_dir_and_work_must_be_directories(tmp_path):
    plain = tmp_path / "plain"
    plain.write_text("")
    for option in ("--out-dir", "--work"):
        proc = run(tmp_path, option, str(plain))
        assert proc.returncode == 2
        assert f"{option} {plain}: not a directory" in proc.stderr


def test_paths_uml_cannot_take_are_refused(tmp_path):
    build = tmp_path / "a build"
    (build / "harness").mkdir(parents=True)
    (build / "harness" / "mmapcts").write_text("")
    kernel = fake_kernel(tmp_path / "linux")
    proc = run(tmp_path, "--kernel", kernel, "--build", str(build), "--work",
               str(tmp_path / "work"))
    assert proc.returncode == 2
    if os.uname().machine != "x86_64":
        assert "runs here only on x86_64" in proc.stderr
        return
    assert proc.stderr.endswith(f"the build directory {build}: UML cannot be given a path "
                                "with a blank or a comma\n")


def test_the_kernel_is_known_by_its_banner(tmp_path):
    assert uml_run.is_uml_kernel(fake_kernel(tmp_path / "linux"))
    assert not uml_run.is_uml_kernel(fake_kernel(tmp_path / "other", banner=False))
    assert not uml_run.is_uml_kernel("/bin/sh") or os.uname().machine != "x86_64"
    if os.path.exists(uml_run.KERNEL):
        assert uml_run.is_uml_kernel(uml_run.KERNEL)


def test_defaults():
    args = uml_run.parse_args([])
    # Never over the committed records unless asked.
    assert args.out_dir is None
    assert args.fs == "tmpfs,ext4" and args.memory == 2048
    args = uml_run.parse_args(["--fs", "tmpfs", "--", "munmap", "-x", "fork/*"])
    assert args.runner_args == ["munmap", "-x", "fork/*"]


def test_the_init_streams_to_its_own_serial_line():
    # ssl1 on the command line is the guest's /dev/ttyS1.
    assert "STREAM=/dev/ttyS1" in uml_run.INIT
    assert "mount -t hostfs -o ro" in uml_run.INIT


def stream_line(seq, event):
    return f"@mmapcts-stream {seq} {json.dumps(event)}"


def work_dir(tmp_path):
    """A kept --work directory of a boot that ran one case on tmpfs."""
    work = tmp_path / "work"
    work.mkdir()
    system = {"os": "Linux", "kernel_release": "6.1.176", "machine": "x86_64",
              "libc": {"name": "glibc", "version": "2.36"}, "page_size": 4096,
              "tmpdir": {"path": "/tmp/run", "fstype": "tmpfs"}, "emulation": ""}
    case = {"id": "fork/dontfork-only-advised-pages", "verdict": "FAIL", "observations": {},
            "message": "read of map + page_size: got no fault, expected SIGSEGV (SEGV_MAPERR)"}
    events = [{"event": "begin", "record": {"format": "mmapcts-record", "format_version": 1,
                                            "suite": {"name": "mmapcts"}, "system": system,
                                            "run": {}}},
              {"event": "start", "id": case["id"]}, {"event": "result", "case": case},
              {"event": "end", "end": "t", "duration": 1.0, "complete": True,
               "summary": {"FAIL": 1}}]
    (work / "stream.log").write_text(
        "\n".join(stream_line(n, e) for n, e in enumerate(events, 1)) + "\n")
    (work / "console.log").write_text(
        "mmapcts-guest: kernel 6.1.176 x86_64, 1 cpus\n"
        "mmapcts-guest: filesystems: tmpfs\nmmapcts-guest: preparing tmpfs\n"
        "mmapcts-guest: run 1: the suite with its temp directory on tmpfs\n"
        "mmapcts-guest: run on tmpfs: exit status 0\nmmapcts-guest: done\n")
    (work / "plan.json").write_text(json.dumps({"filesystems": ["tmpfs"], "refused": {},
                                                "hints": {}, "overcommit": []}))
    (work / "vm.json").write_text(json.dumps({"emulation": "uml", "arch": "x86_64",
                                              "guest_end": "poweroff"}))
    return work


def test_records_again_from_a_kept_work_directory(tmp_path):
    before = sorted(os.listdir(RESULTS))
    work = work_dir(tmp_path)
    proc = run(tmp_path, "--from-log", str(work))
    assert proc.returncode == 0, proc.stderr
    # Into a fresh scratch directory (under TMPDIR), which it names.
    scratch = [p for p in os.listdir(tmp_path) if p.startswith("mmapcts-uml-records-")]
    assert len(scratch) == 1 and str(tmp_path / scratch[0]) in proc.stderr
    name = "mmapcts-linux-6.1.176-x86_64-glibc-2.36-tmpfs-uml.json"
    assert proc.stdout.splitlines()[0] == str(tmp_path / scratch[0] / name)
    assert "Linux 6.1.176 x86_64 glibc-2.36 tmpfs uml: 1 cases: 1 FAIL (1 known deviation)" \
        in proc.stdout
    with open(tmp_path / scratch[0] / name, encoding="utf-8") as f:
        rec = json.load(f)
    assert rec["vm"]["emulation"] == "uml" and rec["complete"] is True
    # The shipped expectations know this FAIL for uml.
    assert "MADV_DONTFORK" in rec["cases"][0]["expected"]
    assert sorted(os.listdir(RESULTS)) == before
    # --out-dir puts them where it says.
    out = tmp_path / "chosen"
    proc = run(tmp_path, "--from-log", str(work), "--out-dir", str(out))
    assert proc.returncode == 0 and os.listdir(out) == [name]
