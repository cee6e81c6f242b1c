"""ci/vm-run without a boot: the records of planned runs that did not happen,
made from synthetic console logs, and its refusals of bad input (one line on
stderr, exit status 2, no work directory left behind).

Nothing here starts QEMU or reaches the network; test_vm.py boots.
"""
import fcntl
import gzip
import importlib.machinery
import importlib.util
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import SRCDIR

VM_RUN = os.path.join(SRCDIR, "ci", "vm-run")


def load_vm_run():
    loader = importlib.machinery.SourceFileLoader("vm_run", VM_RUN)
    spec = importlib.util.spec_from_loader("vm_run", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


vm_run = load_vm_run()

SYSTEM = {"os": "Linux", "kernel_release": "7.2.13+deb14-s390x", "machine": "s390x",
          "libc": {"name": "glibc", "version": "2.36"}, "page_size": 4096,
          "tmpdir": {"path": "/tmp/run", "fstype": "tmpfs"}, "emulation": ""}
VM = {"arch": "s390x", "accel": "tcg", "qemu": "qemu-system-s390x 7.2.22",
      "guest_end": "panic", "kernel_warnings": []}
PLAN = {"filesystems": ["tmpfs", "ext4", "xfs", "btrfs"], "refused": {}, "hints": {}}
OOPS = """[  812.1] Unable to handle kernel pointer dereference in virtual kernel address space
[  812.1] Oops: 0038 ilc:3 [#1] SMP
[  812.1] Krnl PSW : 0704c00180000000 000003ffe0a1b2c4 (ext4_mb_new_blocks+0x5c4/0x1010 [ext4])
[  812.1] Call Trace:
[  812.1]  [<000003ffe0a1b2c4>] ext4_mb_new_blocks+0x5c4/0x1010 [ext4]
[  812.1] Kernel panic - not syncing: Fatal exception: panic_on_oops"""


def stream_lines(fs, ids, end=True, in_flight=None, **system_fields):
    """A run's stream: begin, a start and result per case, the end."""
    system = dict(SYSTEM, tmpdir={"path": "/tmp/run" if fs == "tmpfs" else f"/mnt/{fs}/run",
                                  "fstype": fs})
    system.update(system_fields)
    events = [{"event": "begin", "record": {"format": "mmapcts-record", "format_version": 1,
                                            "suite": {"name": "mmapcts"}, "system": system,
                                            "run": {}}}]
    for i in ids:
        events.append({"event": "start", "id": i})
        events.append({"event": "result", "case": {"id": i, "verdict": "PASS",
                                                   "observations": {}}})
    if in_flight:
        events.append({"event": "start", "id": in_flight})
    if end:
        events.append({"event": "end", "end": "t", "duration": 1.0, "complete": True,
                       "summary": {"PASS": len(ids)}})
    return [f"@mmapcts-stream {n} {json.dumps(e)}" for n, e in enumerate(events, 1)]


def guest(*lines):
    return [f"mmapcts-guest: {line}" for line in lines]


def console(*parts):
    head = ["[    0.0] Linux version 7.2.13+deb14-s390x (debian-kernel@lists.debian.org)"]
    head += guest("kernel 7.2.13+deb14-s390x s390x, 2 cpus", "verdicts stream to /dev/vport1p1",
                  "filesystems: tmpfs ext4 xfs btrfs")
    return "\n".join(head + [line for part in parts for line in part]) + "\n"


def make(stream_text, console_text, vm=VM, plan=PLAN):
    records, lost = vm_run.make_records(stream_text + console_text, console_text, vm, plan)
    assert lost == []
    return {r["system"]["tmpdir"]["fstype"]: r for r in records}


def test_a_panic_while_preparing_ext4_leaves_a_record_for_every_later_run():
    """ci/vm-run --arch s390x --debian 7.2: ext4_mb_new_blocks oopses while
    the guest prepares the ext4 run, after a complete tmpfs run."""
    text = console(guest("preparing tmpfs", "run 1: the suite with its temp directory on tmpfs",
                         "run on tmpfs: exit status 0 (2 PASS)", "preparing ext4"),
                   OOPS.splitlines())
    records = make("\n".join(stream_lines("tmpfs", ["a/x", "a/y"])) + "\n", text)
    assert list(records) == ["tmpfs", "ext4", "xfs", "btrfs"]
    assert records["tmpfs"]["complete"] is True and "not_run" not in records["tmpfs"]
    ext4 = records["ext4"]
    assert ext4["not_run"] == {"reason": "the guest panicked while preparing ext4"}
    assert ext4["complete"] is False and ext4["cases"] == [] and ext4["in_flight"] == []
    assert any("ext4_mb_new_blocks" in line for line in ext4["vm"]["console_tail"])
    assert ext4["vm"]["console_tail"][-1].endswith("panic_on_oops")
    # The system the guest said it was in its tmpfs run, on ext4's temp directory.
    assert ext4["system"]["kernel_release"] == "7.2.13+deb14-s390x"
    assert ext4["system"]["libc"] == {"name": "glibc", "version": "2.36"}
    assert ext4["system"]["tmpdir"] == {"path": "/mnt/ext4/run", "fstype": "ext4"}
    assert vm_run.stream.record_name(ext4) == \
        "mmapcts-linux-7.2.13+deb14-s390x-s390x-glibc-2.36-ext4-qemu.json"
    for fs in ("xfs", "btrfs"):
        assert records[fs]["not_run"]["reason"] == \
            "not started: the guest panicked while preparing ext4"
    # Each is a record the tools read.
    for rec in records.values():
        json.loads(vm_run.record.dumps(rec))


def test_a_panic_mid_run_cuts_that_run_short_and_the_rest_never_start():
    text = console(guest("preparing tmpfs", "run 1: the suite with its temp directory on tmpfs"),
                   ["[  100.2] Kernel panic - not syncing: sysrq triggered crash"])
    stream_text = "\n".join(stream_lines("tmpfs", ["a/x"], end=False, in_flight="a/y")) + "\n"
    records = make(stream_text, text, plan=dict(PLAN, filesystems=["tmpfs", "ext4"]))
    assert list(records) == ["tmpfs", "ext4"]
    assert records["tmpfs"]["in_flight"] == ["a/y"]
    assert records["tmpfs"]["cut_short"] == {"reason": "the guest panicked during the run on tmpfs"}
    assert records["ext4"]["not_run"] == \
        {"reason": "not started: the guest panicked during the run on tmpfs"}


def test_refusals_on_the_host_and_in_the_guest():
    text = console(guest("preparing tmpfs", "run 1: the suite with its temp directory on tmpfs",
                         "run on tmpfs: exit status 0 (1 PASS)", "preparing xfs",
                         "no xfs run: mount -t xfs /dev/vdb /mnt/xfs failed: No such device",
                         "done"))
    plan = {"filesystems": ["tmpfs", "xfs", "btrfs"],
            "refused": {"btrfs": "mkfs.btrfs is not installed on the host"},
            "hints": {"xfs": "the kernel has no xfs module and does not list it as built in"}}
    records = make("\n".join(stream_lines("tmpfs", ["a/x"])) + "\n", text,
                   dict(VM, guest_end="poweroff"), plan)
    assert records["xfs"]["not_run"]["reason"] == (
        "the guest could not mount xfs: mount -t xfs /dev/vdb /mnt/xfs failed: No such device "
        "(the kernel has no xfs module and does not list it as built in)")
    assert records["btrfs"]["not_run"]["reason"] == "mkfs.btrfs is not installed on the host"
    # The guest lived: no console tail to explain anything.
    assert "console_tail" not in records["xfs"]["vm"]


def test_the_overcommit_runs_are_records_of_their_own():
    """After the filesystem runs the guest runs the limits group under
    vm.overcommit_memory 1 and 2: each record is known by its temp directory,
    a refused one and one the guest never reached get not_run records that
    name their policy."""
    text = console(guest("preparing tmpfs", "run 1: the suite with its temp directory on tmpfs",
                         "run on tmpfs: exit status 0 (1 PASS)", "preparing overcommit-1",
                         "run 2: the limits group under vm.overcommit_memory 1 in overcommit-1",
                         "run on overcommit-1: exit status 0 (1 PASS)", "preparing overcommit-2",
                         "no overcommit-2 run: vm.overcommit_memory cannot be set to 2: "
                         "Permission denied", "done"))
    oc1 = dict(tmpdir={"path": "/tmp/overcommit-1", "fstype": "tmpfs"},
               overcommit={"policy": "1", "ratio": "50"})
    stream_text = "\n".join(stream_lines("tmpfs", ["a/x"]) +
                            stream_lines("tmpfs", ["limits/y"], **oc1)) + "\n"
    plan = dict(PLAN, filesystems=["tmpfs"], overcommit=["overcommit-1", "overcommit-2"])
    records, lost = vm_run.make_records(stream_text + text, text, dict(VM, guest_end="poweroff"),
                                        plan)
    assert lost == []
    by_run = {vm_run.run_name(r): r for r in records}
    assert list(by_run) == ["tmpfs", "overcommit-1", "overcommit-2"]
    assert [c["id"] for c in by_run["tmpfs"]["cases"]] == ["a/x"]
    assert [c["id"] for c in by_run["overcommit-1"]["cases"]] == ["limits/y"]
    assert by_run["overcommit-1"]["system"]["overcommit"]["policy"] == "1"
    refused = by_run["overcommit-2"]
    assert refused["not_run"]["reason"] == ("the guest refused the run: vm.overcommit_memory "
                                            "cannot be set to 2: Permission denied")
    assert refused["system"]["overcommit"]["policy"] == "2"
    assert refused["system"]["tmpdir"] == {"path": "/tmp/overcommit-2", "fstype": "tmpfs"}

    # The guest panicked in the overcommit-1 run: overcommit-2 never started.
    text = console(guest("preparing tmpfs", "run 1: the suite with its temp directory on tmpfs",
                         "run on tmpfs: exit status 0 (1 PASS)", "preparing overcommit-1",
                         "run 2: the limits group under vm.overcommit_memory 1 in overcommit-1"),
                   ["[  100.2] Kernel panic - not syncing: Out of memory"])
    stream_text = "\n".join(stream_lines("tmpfs", ["a/x"]) +
                            stream_lines("tmpfs", [], end=False, in_flight="limits/y",
                                         **oc1)) + "\n"
    records, _ = vm_run.make_records(stream_text + text, text, VM, plan)
    by_run = {vm_run.run_name(r): r for r in records}
    assert by_run["overcommit-1"]["cut_short"]["reason"] == \
        "the guest panicked during the run on overcommit-1"
    assert by_run["overcommit-2"]["not_run"]["reason"] == \
        "not started: the guest panicked during the run on overcommit-1"
    for rec in records:
        json.loads(vm_run.record.dumps(rec))


def test_a_timeout_and_a_boot_that_never_reached_init():
    text = console(guest("preparing tmpfs", "run 1: the suite with its temp directory on tmpfs",
                         "run on tmpfs: exit status 0 (1 PASS)", "preparing ext4",
                         "run 2: the suite with its temp directory on ext4"))
    timeout = dict(VM, guest_end="timeout", boot_seconds="3600.2")
    stream_text = "\n".join(stream_lines("tmpfs", ["a/x"]) + stream_lines("ext4", [], end=False,
                                                                        in_flight="a/x"))
    records = make(stream_text + "\n", text, timeout, dict(PLAN, filesystems=["tmpfs", "ext4",
                                                                              "xfs"]))
    assert records["ext4"]["cut_short"]["reason"] == (
        "the host stopped the guest at its time limit (3600.2 s) during the run on ext4")
    assert records["xfs"]["not_run"]["reason"].startswith("not started: the host stopped")

    boot = "[    0.0] Linux version 6.1.0-50-amd64 (gcc)\n[    1.0] Kernel panic - not syncing: VFS\n"
    records = make("", boot, dict(VM, arch="i386"), dict(PLAN, filesystems=["tmpfs"]))
    rec = records["tmpfs"]
    assert rec["not_run"]["reason"] == "not started: the guest panicked before its first run"
    assert rec["system"]["kernel_release"] == "6.1.0-50-amd64"
    assert rec["system"]["machine"] == "i686"


def test_from_log_writes_the_missed_records_and_exits_1(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    (work / "vm.json").write_text(json.dumps(VM))
    (work / "plan.json").write_text(json.dumps(PLAN))
    (work / "stream.log").write_text("\n".join(stream_lines("tmpfs", ["a/x"])) + "\n")
    (work / "console.log").write_text(console(guest("preparing tmpfs", "preparing ext4"),
                                              OOPS.splitlines()))
    out = tmp_path / "out"
    proc = subprocess.run([VM_RUN, "--from-log", str(work), "--out-dir", str(out),
                           "--expectations", ""], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.stderr
    names = sorted(os.listdir(out))
    assert len(names) == 4 and all("7.2.13+deb14-s390x-s390x-glibc-2.36" in n for n in names)
    assert "ext4: not run: the guest panicked while preparing ext4" in proc.stderr
    # report.py diff sees the lost run, against a base that had it (the
    # tmpfs record, as if it had been on ext4).
    tmpfs = [n for n in names if "-tmpfs-" in n][0]
    ext4 = [n for n in names if "-ext4-" in n][0]
    base = json.loads((out / tmpfs).read_text())
    base["system"]["tmpdir"] = {"fstype": "ext4"}
    (tmp_path / "base.json").write_text(json.dumps(base))
    diff = subprocess.run([sys.executable, os.path.join(SRCDIR, "reports", "report.py"), "diff",
                           str(tmp_path / "base.json"), str(out / ext4), "--expectations", ""],
                          capture_output=True, text=True, timeout=60)
    assert diff.returncode == 1
    assert "-> not run: the guest panicked while preparing ext4" in diff.stdout


# ---------------------------------------------------------------- bad input
def kernel_file(path, offset, magic, size=0x400):
    data = bytearray(max(size, offset + len(magic)))
    data[offset:offset + len(magic)] = magic
    path.write_bytes(bytes(data))
    return path


def elf(path, machine, wide=True, order="little"):
    data = bytearray(64)
    data[:4] = b"\x7fELF"
    data[4] = 2 if wide else 1
    data[5] = 1 if order == "little" else 2
    data[18:20] = machine.to_bytes(2, order)
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("arch,maker", [
    ("x86_64", lambda p: kernel_file(p, 0x202, b"HdrS")),
    ("i386", lambda p: kernel_file(p, 0x202, b"HdrS")),
    ("aarch64", lambda p: kernel_file(p, 0x38, b"ARM\x64")),
    ("riscv64", lambda p: kernel_file(p, 0x38, b"RSC\x05")),
    ("s390x", lambda p: kernel_file(p, 0x10008, b"S390EP")),
    ("ppc64le", lambda p: elf(p, 21)),
    ("s390x", lambda p: elf(p, 22, order="big")),
    ("armhf", lambda p: kernel_file(p, 0x24, b"\x18\x28\x6f\x01")),
    ("armhf", lambda p: kernel_file(p, 0, b"MZ" + bytes(0x22) + b"\x18\x28\x6f\x01")),
    ("armhf", lambda p: elf(p, 40, wide=False)),
    ("mips64el", lambda p: elf(p, 8)),
])
def test_kernel_images_each_architecture_boots(tmp_path, arch, maker):
    vm_run.check_kernel(str(maker(tmp_path / "k")), arch)


def test_an_x86_vmlinux_needs_its_pvh_note(tmp_path):
    path = elf(tmp_path / "vmlinux", 62)
    data = bytearray(path.read_bytes())
    # One PT_NOTE program header (at 64) over one note (at 120): "Xen", type 18.
    note = (4).to_bytes(4, "little") + (8).to_bytes(4, "little") + (18).to_bytes(4, "little")
    note += b"Xen\0" + bytes(8)
    phdr = (4).to_bytes(4, "little") + bytes(4) + (120).to_bytes(8, "little") + bytes(16)
    phdr += len(note).to_bytes(8, "little") + bytes(16)
    data[32:40] = (64).to_bytes(8, "little")      # e_phoff
    data[54:56] = (56).to_bytes(2, "little")      # e_phentsize
    data[56:58] = (1).to_bytes(2, "little")       # e_phnum
    path.write_bytes(bytes(data) + phdr + note)
    vm_run.check_kernel(str(path), "x86_64")
    path.write_bytes(bytes(data) + phdr + note.replace(b"Xen", b"Gnu"))
    with pytest.raises(SystemExit):
        vm_run.check_kernel(str(path), "x86_64")


def test_a_gzipped_arm64_image_is_looked_into(tmp_path):
    image = kernel_file(tmp_path / "Image", 0x38, b"ARM\x64").read_bytes()
    (tmp_path / "vmlinuz").write_bytes(gzip.compress(image))
    vm_run.check_kernel(str(tmp_path / "vmlinuz"), "aarch64")
    with pytest.raises(SystemExit):
        vm_run.check_kernel(str(tmp_path / "vmlinuz"), "x86_64")


def test_a_zimage_is_armhf_alone(tmp_path):
    path = kernel_file(tmp_path / "zImage", 0x24, b"\x18\x28\x6f\x01")
    assert vm_run.image_format(path.read_bytes()) == "arm zImage"
    for arch in ("aarch64", "x86_64", "mips64el"):
        with pytest.raises(SystemExit):
            vm_run.check_kernel(str(path), arch)
    # A MIPS vmlinux (the malta flavours' vmlinuz) is no armhf kernel.
    with pytest.raises(SystemExit):
        vm_run.check_kernel(str(elf(tmp_path / "vmlinux", 8)), "armhf")


def test_the_new_architectures_boot_as_planned():
    armhf, mips = vm_run.ARCHES["armhf"], vm_run.ARCHES["mips64el"]
    assert (armhf["qemu"], armhf["machine"], armhf["console"]) == (
        "qemu-system-arm", ["-M", "virt,highmem=off"], "ttyAMA0")
    assert (mips["qemu"], mips["machine"], mips["console"], mips["bus"]) == (
        "qemu-system-mips64el", ["-M", "malta"], "ttyS0", "pci")
    args = vm_run.parse_args(["--arch", "armhf", "--debian", "6.1", "--flavour", "armmp"])
    assert (args.arch, args.debian, args.flavour) == ("armhf", "6.1", "armmp")
    assert vm_run.parse_args(["--arch", "mips64el"]).arch == "mips64el"
    assert vm_run.GUEST_MACHINE["armhf"] == "armv7l"
    assert vm_run.GUEST_MACHINE["mips64el"] == "mips64"
    # Malta's guest brings up one CPU; others get what --smp asks.
    assert vm_run.guest_cpus(vm_run.parse_args(["--arch", "mips64el"]), mips) == 1
    assert vm_run.guest_cpus(vm_run.parse_args(["--arch", "armhf", "--smp", "3"]), armhf) == 3


def test_malta_gets_its_initramfs_compressed_when_it_would_not_fit(tmp_path):
    mips, arm = vm_run.ARCHES["mips64el"], vm_run.ARCHES["armhf"]
    kernel = tmp_path / "vmlinux"
    kernel.write_bytes(bytes(5 << 20))   # 6.1's 5kc-malta vmlinuz: 5 MB
    assert vm_run.fits_low_memory(200 << 20, str(kernel), mips)
    assert not vm_run.fits_low_memory(230 << 20, str(kernel), mips)
    assert not vm_run.fits_low_memory(382 << 20, str(kernel), mips)   # the cpio unpacked
    assert vm_run.fits_low_memory(400 << 20, str(kernel), arm)   # no such limit
    cpio = tmp_path / "initramfs.cpio"
    data = b"static program " * 100000
    cpio.write_bytes(data)
    out = vm_run.compress_initramfs(str(cpio))
    assert out == str(cpio) + ".gz" and not cpio.exists()
    assert gzip.decompress(open(out, "rb").read()) == data


def vm_run_fails(tmp_path, *args, env=None):
    """Run vm-run; it must refuse in one line, exit 2, and leave no work
    directory."""
    cache = tmp_path / "cache"
    full_env = dict(os.environ, XDG_CACHE_HOME=str(cache), **(env or {}))
    proc = subprocess.run([VM_RUN, *args], capture_output=True, text=True, timeout=120,
                          env=full_env, cwd=str(tmp_path))
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    work = cache / "mmapcts" / "vm" / "work"
    assert not work.exists() or os.listdir(work) == [], os.listdir(work)
    return proc.stderr


@pytest.mark.parametrize("args,message", [
    (["--kernel", "/nonexistent"], "--kernel /nonexistent: no such file"),
    (["--kernel", "{tmp}"], "a directory, not a kernel image"),
    (["--kernel", "{tmp}/hostname"], "not a kernel image"),
    (["--kernel", "{tmp}/bzImage", "--arch", "aarch64"],
     "a bzImage kernel, not one qemu-system-aarch64 boots"),
    (["--kernel", "{tmp}/Image"], "an arm64 Image kernel, not one qemu-system-x86_64 boots"),
    (["--kernel", "{tmp}/vmlinux"], "without a PVH note"),
    (["--kernel", "{tmp}/vmlinux", "--arch", "ppc64le"], "ELF (x86_64) kernel, not one"),
    (["--kernel", "{tmp}/zImage", "--arch", "aarch64"],
     "an arm zImage kernel, not one qemu-system-aarch64 boots"),
    (["--kernel", "{tmp}/vmlinux", "--arch", "mips64el"],
     "ELF (x86_64) kernel, not one qemu-system-mips64el boots"),
    (["--from-log", "/nonexistent"], "--from-log /nonexistent: no such directory"),
    (["--from-log", "{tmp}"], "no vm.json"),
    (["--from-log", "{tmp}/badwork"], "vm.json is not JSON"),
    (["--expectations", "{tmp}/junk.tsv", "--kernel", "{tmp}/bzImage"], "not UTF-8 text"),
    (["--expectations", "/nonexistent.tsv"], "No such file"),
    (["--fs", "tmpfs,zfs"], "--fs tmpfs,zfs: choose from"),
    (["--arch", "vax"], "invalid choice"),
    (["--bogus"], "unrecognized arguments: --bogus"),
    (["--kernel", "{tmp}/bzImage", "--build", "/nonexistent"], "--build /nonexistent"),
    (["--kernel", "{tmp}/bzImage", "--extra", "/nonexistent"], "--extra /nonexistent"),
    (["--kernel", "{tmp}/bzImage", "--out-dir", "{tmp}/hostname"], "not a directory"),
], ids=["kernel-missing", "kernel-dir", "kernel-not-image", "kernel-other-arch",
        "kernel-arm64-on-x86", "kernel-elf-no-pvh", "kernel-elf-other-machine",
        "kernel-zimage-on-arm64", "kernel-x86-elf-on-mips", "log-missing",
        "log-no-vm-json", "log-bad-vm-json", "expectations-junk", "expectations-missing",
        "fs-unknown", "arch-unknown", "unknown-option", "build-missing", "extra-missing",
        "out-dir-file"])
def test_bad_input_is_one_line(tmp_path, args, message):
    (tmp_path / "hostname").write_text("buildhost\n")
    kernel_file(tmp_path / "bzImage", 0x202, b"HdrS")
    kernel_file(tmp_path / "Image", 0x38, b"ARM\x64")
    kernel_file(tmp_path / "zImage", 0x24, b"\x18\x28\x6f\x01")
    elf(tmp_path / "vmlinux", 62)
    (tmp_path / "badwork").mkdir()
    (tmp_path / "badwork" / "vm.json").write_text("{not json")
    (tmp_path / "junk.tsv").write_bytes(bytes(range(256)) * 3)
    err = vm_run_fails(tmp_path, *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert err.count("\n") == 1 and message in err, err


@pytest.mark.skipif(not shutil.which("qemu-system-x86_64"), reason="needs qemu-system-x86_64")
def test_a_run_that_stops_after_making_its_work_dir_removes_it(tmp_path):
    """Past the argument checks, the temporary work directory exists; a
    build without a runner stops the run there, and the directory goes."""
    kernel_file(tmp_path / "bzImage", 0x202, b"HdrS")
    (tmp_path / "build").mkdir()
    err = vm_run_fails(tmp_path, "--kernel", str(tmp_path / "bzImage"),
                       "--build", str(tmp_path / "build"))
    assert "harness/mmapcts is missing" in err.splitlines()[-1]


@pytest.mark.skipif(not shutil.which("apt-get"), reason="needs apt-get")
def test_an_apt_lock_held_elsewhere_is_waited_for_then_one_line(tmp_path):
    # The lock apt-get update takes in vm-run's private apt state: held here,
    # so apt fails before it reaches the network.
    lists = tmp_path / "cache" / "mmapcts" / "vm" / "apt-amd64" / "lists"
    lists.mkdir(parents=True)
    fd = os.open(lists / "lock", os.O_RDWR | os.O_CREAT, 0o640)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        err = vm_run_fails(tmp_path, "--fetch-only", "--debian", "6.1",
                           env={"MMAPCTS_APT_LOCK_WAIT": "3"})
    finally:
        os.close(fd)
    lines = err.splitlines()
    assert lines[0].startswith("vm-run: reading the Debian archive")
    assert "waiting for a lock" in lines[1]
    assert "gave up after 3 s waiting for a lock" in lines[-1] and len(lines) == 3


@pytest.mark.parametrize("size_kb, total_kb, want", [
    (2048, 2097152, 16),        # x86-64: 32 MiB of 2 MiB pages
    (1024, 2097152, 32),
    (32768, 2097152, 6),        # arm64 16 KiB pages: 32 MiB pages, room for two cases at once
    (524288, 2097152, 1),       # arm64 64 KiB pages: 512 MiB pages, a quarter of 2 GiB
    (524288, 1048576, 0),       # none fits a quarter
    (None, 2097152, 0),         # a kernel without hugetlb
])
def test_the_guest_reserves_huge_pages_in_proportion(tmp_path, size_kb, total_kb, want):
    """The guest's init sets vm.nr_hugepages for the hugepages group: 32 MiB
    of the default size, at least 6 pages, at most a quarter of memory."""
    assert vm_run.HUGEPAGES_SH.strip() in vm_run.INIT
    meminfo = tmp_path / "meminfo"
    meminfo.write_text(f"MemTotal: {total_kb} kB\n"
                       + (f"Hugepagesize: {size_kb} kB\n" if size_kb else ""))
    nr = tmp_path / "nr_hugepages"
    nr.write_text("0\n")
    out = subprocess.run(["sh", "-c", 'say() { echo "mmapcts-guest: $*"; }\n' + vm_run.HUGEPAGES_SH],
                         env=dict(os.environ, MEMINFO=str(meminfo), NR_HUGEPAGES=str(nr)),
                         capture_output=True, text=True, check=True).stdout
    assert int(nr.read_text()) == want
    assert out.startswith("mmapcts-guest: huge pages: ")
    assert vm_run.guest_progress(out) == {}


def test_progress_follows_the_guests_stream(tmp_path, capsys):
    """In a CI log: a line as each run begins and ends (its filesystem, the
    cases done, the unexplained ones); on a terminal one line rewritten."""
    stream = tmp_path / "stream.log"
    begin = {"event": "begin", "record": {"system": {"tmpdir": {"fstype": "ext4"}}}}
    events = [begin,
              {"event": "result", "case": {"id": "a/x", "verdict": "PASS"}},
              {"event": "result", "case": {"id": "a/y", "verdict": "FAIL", "expected": None}},
              {"event": "result", "case": {"id": "a/z", "verdict": "FAIL", "expected": "known"}}]
    text = "".join(f"@mmapcts-stream {n} {json.dumps(e)}\n" for n, e in enumerate(events, 1))
    stream.write_text(text[:-20])           # a line still being written
    quiet = vm_run.Progress(str(stream), 3, tty=False)
    quiet.poll()
    stream.write_text(text + '@mmapcts-stream 5 {"event": "end"}\n')
    quiet.poll()
    quiet.close()
    err = capsys.readouterr().err
    assert "vm-run: run 1 (ext4) began" in err
    assert "vm-run: run 1 (ext4) ended: 3 cases, 1 not passed" in err
    live = vm_run.Progress(str(stream), 3, tty=True)
    live.poll()
    live.close()
    assert "\rvm-run: run 1 (ext4): 3/3 cases, 1 not passed" in capsys.readouterr().err


def test_the_ktap_copy_on_the_console_is_not_the_kernel_speaking():
    console = ("[    1.0] Run /init as init process\n"
               "TAP version 13\n1..2\n"
               "# munmap/x: x.c:3: BUG: got 1, expected 2 (Oops)\n"
               "not ok 1 munmap/x\nok 2 munmap/y\n"
               "[    9.9] Oops: general protection fault\n")
    kernel = vm_run.kernel_text(console)
    assert "x.c:3" not in kernel and "not ok" not in kernel
    assert "Oops: general protection fault" in kernel and "Run /init" in kernel


def test_repeat_keeps_the_console_of_each_boot_that_went_wrong(tmp_path, monkeypatch):
    # Three boots, the second oopses: its console log is kept, each boot's
    # records go to a directory of their own, and the exit status is the worst.
    ends = iter(["poweroff", "panic", "poweroff"])

    def fake_boot(args, work, known):
        end = next(ends)
        with open(os.path.join(work, "vm.json"), "w") as f:
            json.dump({"guest_end": end, "kernel_warnings": []}, f)
        with open(os.path.join(work, "console.log"), "w") as f:
            f.write("Oops: 0000\n" if end == "panic" else "mmapcts-guest: done\n")
        os.makedirs(args.out_dir, exist_ok=True)
        return 0 if end == "poweroff" else 1

    monkeypatch.setattr(vm_run, "boot", fake_boot)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    out = tmp_path / "out"
    status = vm_run.main(["--arch", "x86_64", "--repeat", "3", "--out-dir", str(out)])
    assert status == 1
    assert sorted(os.listdir(out)) == ["boot-1", "boot-2", "boot-2-console.log", "boot-3"]
    assert (out / "boot-2-console.log").read_text() == "Oops: 0000\n"
    assert os.listdir(tmp_path / "cache" / "mmapcts" / "vm" / "work") == []


def bzimage(path, release):
    # A bzImage header whose kernel_version pointer (0x20e) names release.
    data = bytearray(0x800)
    data[0x202:0x206] = b"HdrS"
    data[0x20e:0x210] = (0x400 - 0x200).to_bytes(2, "little")
    text = f"{release} (me@box) #1 SMP".encode()
    data[0x400:0x400 + len(text)] = text
    path.write_bytes(bytes(data))
    return path


def test_the_release_of_a_kernel_image_is_read_from_it(tmp_path):
    assert vm_run.image_release(str(bzimage(tmp_path / "bzImage", "7.3.0-rc1"))) == "7.3.0-rc1"
    raw = tmp_path / "Image"
    raw.write_bytes(bytes(100) + b"Linux version 6.18.0-mine (me@box) (gcc 14) #2\0")
    assert vm_run.image_release(str(raw)) == "6.18.0-mine"
    (tmp_path / "none").write_bytes(bytes(100))
    assert vm_run.image_release(str(tmp_path / "none")) is None


def test_modules_of_another_build_are_refused_in_one_line(tmp_path):
    kernel = bzimage(tmp_path / "bzImage", "7.3.0-rc1")
    mods = tmp_path / "lib" / "modules" / "7.3.0-rc1"
    (mods / "kernel" / "fs").mkdir(parents=True)
    ko = mods / "kernel" / "fs" / "ext4.ko"
    ko.write_bytes(b"\0name=ext4\0vermagic=7.3.0-rc2 SMP preempt mod_unload \0")
    err = vm_run_fails(tmp_path, "--kernel", str(kernel), "--modules", str(mods))
    assert err.strip() == (f"vm-run: --modules {mods}: built for 7.3.0-rc2 (ext4.ko), "
                           f"but --kernel {kernel} is 7.3.0-rc1")
    ko.write_bytes(b"\0name=ext4\0vermagic=7.3.0-rc1 SMP preempt mod_unload \0")
    vm_run.check_vermagic(str(kernel), str(mods))   # the same build: accepted


def test_the_guest_names_a_missing_driver_rather_than_fstab():
    # Without a disk, busybox mount only says it "can't read /etc/fstab".
    assert "no virtio disk with serial mmapcts-$fs" in vm_run.INIT
    assert "CONFIG_VIRTIO_BLK" in vm_run.INIT and "CONFIG_VIRTIO_CONSOLE" in vm_run.INIT
    assert "the kernel has no $fs filesystem" in vm_run.INIT
