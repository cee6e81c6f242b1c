"""One real boot of a small Debian kernel under qemu-system (ci/vm-run).

The guest runs a group of the suite with its temp directory on tmpfs and on
ext4, and the records come back through the runner's stream (a virtio-serial
port).  A second boot
panics the guest on purpose in the middle of a run: the record must keep
every verdict before the panic and name the case in flight, and the run
that never began (ext4) must leave a record saying why.

Runs where qemu-system-x86_64 is installed and MMAPCTS_VM_TESTS is not 0
(ci/run-tests runs it once, in the gcc build).  The kernel comes from the
Debian archive (cached under ~/.cache/mmapcts); when the archive cannot be
reached the tests skip, unless MMAPCTS_VM_TESTS=1 demands them.
"""
import glob
import json
import os
import shutil
import subprocess

import pytest

from conftest import BUILDDIR, SRCDIR, fixture

VM_RUN = os.path.join(SRCDIR, "ci", "vm-run")
KERNEL = ["--arch", "x86_64", "--debian", "6.1", "--flavour", "cloud-amd64"]
GROUP = "anon"

pytestmark = pytest.mark.skipif(
    not shutil.which("qemu-system-x86_64") or os.environ.get("MMAPCTS_VM_TESTS") == "0",
    reason="needs qemu-system-x86_64 (and MMAPCTS_VM_TESTS not 0)")


def vm_run(tmp_path, *args):
    out = tmp_path / "records"
    proc = subprocess.run([VM_RUN, *KERNEL, "--build", BUILDDIR, "--work", str(tmp_path / "work"),
                           "--out-dir", str(out), "--time-limit", "600",
                           "--overcommit", "", *args],   # the filesystem runs only
                          capture_output=True, text=True, timeout=900)
    if proc.returncode == 2 and "Debian archive" in proc.stderr + proc.stdout \
            and os.environ.get("MMAPCTS_VM_TESTS") != "1":
        pytest.skip("the Debian archive is out of reach: " + proc.stderr.strip()[-200:])
    records = {}
    for path in sorted(glob.glob(str(out / "*.json"))):
        with open(path, encoding="utf-8") as f:
            rec = json.load(f)
        records[rec["system"]["tmpdir"]["fstype"]] = rec
    return proc, records


def test_guest_runs_a_group_on_tmpfs_and_ext4(tmp_path):
    # A glob: the guest must get the word as given, not expanded or quoted twice.
    proc, records = vm_run(tmp_path, "--fs", "tmpfs,ext4", "--", GROUP + "/*")
    assert proc.returncode == 0, proc.stderr
    assert sorted(records) == ["ext4", "tmpfs"], proc.stdout
    for fs, rec in records.items():
        assert rec["complete"] is True
        assert rec["in_flight"] == []
        assert rec["vm"]["guest_end"] == "poweroff"
        assert rec["vm"]["accel"] == "tcg"
        # The verdicts came over their own virtio-serial port, not the console.
        assert rec["vm"]["stream"] == "virtio-serial"
        assert rec["vm"]["kernel_package"].startswith("linux-image-6.1.")
        # What the guest says of itself, not what the host is.
        assert rec["system"]["kernel_release"].startswith("6.1.")
        assert rec["system"]["kernel_release"].endswith("cloud-amd64")
        assert rec["system"]["tmpdir"]["fstype"] == fs
        ids = {c["id"] for c in rec["cases"]}
        assert ids and all(i.startswith(GROUP + "/") for i in ids)
        # Every verdict is a PASS, UNSUPPORTED or a known deviation.
        odd = [(c["id"], c["verdict"]) for c in rec["cases"]
               if c["verdict"] not in ("PASS", "UNSUPPORTED") and not c["expected"]]
        assert odd == []


def test_guest_panic_mid_run_keeps_every_verdict_before_it(tmp_path):
    panic = fixture("kernel-panic")
    proc, records = vm_run(tmp_path, "--fs", "tmpfs,ext4", "--allow-panic", "--extra", panic,
                           "--", "-j", "1", GROUP)
    assert proc.returncode == 1, proc.stderr
    # The guest died in its first run: the ext4 run never began, and its
    # record says so, with the panic.
    assert sorted(records) == ["ext4", "tmpfs"]
    ext4 = records["ext4"]
    assert ext4["not_run"] == {"reason": "not started: the guest panicked during the run on tmpfs"}
    assert ext4["complete"] is False and ext4["cases"] == []
    assert ext4["system"]["kernel_release"].endswith("cloud-amd64")
    assert any("Kernel panic" in line for line in ext4["vm"]["console_tail"])
    rec = records["tmpfs"]
    assert rec["vm"]["guest_end"] == "panic"
    assert rec["complete"] is False
    assert rec["cut_short"] == {"reason": "the guest panicked during the run on tmpfs"}
    assert [i.split("/")[-1] for i in rec["in_flight"]] == ["kernel-panic"]
    assert any("Kernel panic" in line for line in rec["vm"]["console_tail"])
    # Every case of the group ran before the panic and kept its verdict.
    with open(os.path.join(BUILDDIR, "cases", "manifest.tsv"), encoding="utf-8") as f:
        group = {line.split("\t")[0] for line in f if line.startswith(GROUP + "/")}
    assert {c["id"] for c in rec["cases"]} == group
    assert all(c["verdict"] for c in rec["cases"])
