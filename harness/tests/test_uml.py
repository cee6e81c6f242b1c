"""One real boot of Debian's User-Mode Linux kernel (ci/uml-run).

The guest runs a few cases of this build (dynamic: ci/uml-run copies the
host's libraries into its initramfs, the build itself comes over hostfs)
with its temp directory on tmpfs and on a ubd-backed ext4, and the records
come back through the runner's stream on the guest's serial line: named and
keyed "uml", UML's own deviations marked by the shipped expectations.  A
second boot panics the guest on purpose mid-run: every verdict before the
panic stays, the case in flight is named, the run that never began says why.

Runs where /usr/bin/linux.uml is installed (ci/install-deps installs
user-mode-linux on x86-64) and MMAPCTS_VM_TESTS is not 0.  With
MMAPCTS_VM_TESTS=1 (ci/run-tests) a missing kernel fails where apt has the
package; the guest's busybox comes from the Debian archive (cached under
~/.cache/mmapcts), and when the archive cannot be reached the test skips,
unless MMAPCTS_VM_TESTS=1 demands it.
"""
import glob
import json
import os
import subprocess

import pytest

from conftest import BUILDDIR, SRCDIR

UML_RUN = os.path.join(SRCDIR, "ci", "uml-run")
KERNEL = "/usr/bin/linux.uml"
# Two of UML's own deviations (expected for uml) and cases it passes.
CASES = ["fork/dontfork-*", "protection/write-only-*", "munmap/straddle-*", "anon/zero-*"]


def installable():
    return subprocess.run(["apt-cache", "show", "user-mode-linux"], capture_output=True
                          ).returncode == 0 if os.path.exists("/usr/bin/apt-cache") else False


def skip_reason():
    if os.environ.get("MMAPCTS_VM_TESTS") == "0":
        return "MMAPCTS_VM_TESTS=0"
    if os.uname().machine != "x86_64":
        return "User-Mode Linux is packaged for amd64 only"
    if not os.path.exists(KERNEL):
        if os.environ.get("MMAPCTS_VM_TESTS") == "1" and installable():
            return None   # demanded and installable: the test fails below
        return f"needs {KERNEL} (Debian's user-mode-linux; ci/install-deps installs it)"
    return None


pytestmark = pytest.mark.skipif(skip_reason() is not None, reason=skip_reason() or "")


def uml_run(tmp_path, *args):
    assert os.path.exists(KERNEL), f"{KERNEL} is missing though apt has user-mode-linux"
    out = tmp_path / "records"
    proc = subprocess.run([UML_RUN, "--build", BUILDDIR, "--work", str(tmp_path / "work"),
                           "--out-dir", str(out), "--time-limit", "120", *args],
                          capture_output=True, text=True, timeout=300)
    if proc.returncode == 2 and "Debian archive" in proc.stderr \
            and os.environ.get("MMAPCTS_VM_TESTS") != "1":
        pytest.skip("the Debian archive is out of reach: " + proc.stderr.strip()[-200:])
    records = {}
    for path in sorted(glob.glob(str(out / "*.json"))):
        with open(path, encoding="utf-8") as f:
            rec = json.load(f)
        records[rec["system"]["tmpdir"]["fstype"]] = (os.path.basename(path), rec)
    return proc, records


def test_guest_runs_cases_on_tmpfs_and_ext4(tmp_path):
    proc, records = uml_run(tmp_path, "--", *CASES)
    assert proc.returncode == 0, proc.stderr
    assert sorted(records) == ["ext4", "tmpfs"], proc.stdout
    for fs, (name, rec) in records.items():
        assert name.endswith(f"-{fs}-uml.json")
        assert rec["complete"] is True and rec["in_flight"] == []
        vm = rec["vm"]
        assert vm["emulation"] == "uml" and vm["guest_end"] == "poweroff"
        assert vm["stream"] == "serial line (ssl1)"
        assert vm["kernel_package"].startswith("user-mode-linux 6.1")
        assert vm["suite_build"].startswith("dynamic")
        # What the guest says of itself: UML's kernel, not the host's.
        assert rec["system"]["kernel_release"].startswith("6.1.")
        assert rec["system"]["kernel_release"] != os.uname().release
        verdicts = {c["id"]: (c["verdict"], c["expected"]) for c in rec["cases"]}
        assert verdicts, proc.stdout
        # UML's own deviations come out as FAILs the uml expectations explain.
        assert verdicts["fork/dontfork-only-advised-pages"][0] == "FAIL"
        assert "MADV_DONTFORK" in verdicts["fork/dontfork-only-advised-pages"][1]
        assert verdicts["protection/write-only-mapping-read-and-store"][0] == "FAIL"
        odd = [(i, v) for i, (v, e) in verdicts.items()
               if v not in ("PASS", "UNSUPPORTED") and not e]
        assert odd == []


def test_guest_panic_mid_run_keeps_every_verdict_before_it(tmp_path):
    # UML ends in abort() on a panic: the verdicts before it are on the
    # host already, the case in flight is named, the ext4 run never began.
    panic = "/mmapcts/harness/tests/fixtures/kernel-panic"   # the build, over hostfs
    proc, records = uml_run(tmp_path, "--allow-panic", "--", "-j", "1", "fork/dontfork-*",
                            panic)
    assert proc.returncode == 1, proc.stderr
    assert sorted(records) == ["ext4", "tmpfs"]
    rec = records["tmpfs"][1]
    assert rec["vm"]["guest_end"] == "panic" and rec["complete"] is False
    assert rec["cut_short"] == {"reason": "the guest panicked during the run on tmpfs"}
    assert rec["in_flight"] == [panic]
    assert sorted(c["id"] for c in rec["cases"]) == ["fork/dontfork-only-advised-pages",
                                                     "fork/dontfork-range-unmapped-in-child"]
    assert any("Kernel panic" in line for line in rec["vm"]["kernel_warnings"])
    ext4 = records["ext4"][1]
    assert ext4["not_run"] == {"reason": "not started: the guest panicked during the run on tmpfs"}
    assert ext4["cases"] == [] and ext4["vm"]["emulation"] == "uml"
