"""Tests of reports/stream.py: a guest's console log to run records."""
import json
import os
import subprocess
import sys

import pytest

import stream as stream_tool
from mmapcts_formats import expectations, record, stream

REPORTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SYSTEM = {"os": "Linux", "kernel_release": "6.12.117+deb13-arm64",
          "kernel_version": "#1 SMP Debian 6.12.117-1", "machine": "aarch64",
          "libc": {"name": "glibc", "version": "2.41"}, "page_size": 4096, "cpus": 2,
          "tmpdir": {"path": "/tmp", "fstype": "tmpfs"},
          "overcommit": {"policy": "0", "ratio": "50"},
          "rlimits": {"as": "unlimited", "data": "unlimited", "memlock": "8388608",
                      "stack": "8388608"}, "emulation": ""}
RUNNER_KEYS = ["format", "format_version", "suite", "system", "run", "cases", "in_flight",
               "resumes", "end", "duration", "summary", "complete"]
VM = ["--vm", "qemu=qemu-system-aarch64 7.2.15", "--vm", "accel=tcg",
      "--vm", "machine=virt", "--vm", "kernel_package=linux-image-6.12.117+deb13-arm64"]
TMPFS_NAME = "mmapcts-linux-6.12.117+deb13-arm64-aarch64-glibc-2.41-tmpfs-qemu.json"
EXT4_NAME = "mmapcts-linux-6.12.117+deb13-arm64-aarch64-glibc-2.41-ext4-qemu.json"


def begin(fstype):
    system = dict(SYSTEM, tmpdir={"path": "/tmp", "fstype": fstype})
    return {"event": "begin", "record": {
        "format": "mmapcts-record", "format_version": 1,
        "suite": {"name": "mmapcts", "version": "0.1.0", "commit": "fb64e88"},
        "system": system,
        "run": {"start": "2026-11-24T08:00:00Z", "argv": ["/opt/mmapcts/bin/mmapcts"],
                "jobs": 2, "profile": "all", "wrapper": ""}}}


def case(case_id, verdict, message=None):
    return {"id": case_id, "group": case_id.split("/")[0], "profile": "posix",
            "variant": "", "verdict": verdict, "duration": 0.002,
            "exit_code": 0 if verdict == "PASS" else 1, "signal": None,
            "message": message, "observations": {}, "expected": None, "output": "",
            "output_bytes": 0, "output_truncated": False, "spec": "POSIX.1-2024 mmap()",
            "assertion": "A rule."}


def line(seq, event, junk=""):
    return f"{junk}@mmapcts-stream {seq} {json.dumps(event)}\r"


def start(case_id):
    return {"event": "start", "id": case_id}


def result(c):
    return {"event": "result", "case": c}


def end(summary, complete=True):
    return {"event": "end", "end": "2026-11-24T08:00:09Z", "duration": 9.5,
            "summary": summary, "complete": complete}


PANIC = ["[   41.204117] Unable to handle kernel paging request at virtual address 0000dead",
         "[   41.205001] Internal error: Oops: 0000000096000004 [#1] SMP",
         "[   41.209872] Kernel panic - not syncing: Oops: Fatal exception",
         "[   41.210330] ---[ end Kernel panic - not syncing: Oops: Fatal exception ]---"]


def two_run_log():
    """A boot; the suite on tmpfs (one stream line garbled by printk, one
    lost), then on ext4, cut short by a panic while eof/tail was running."""
    summary = {"PASS": 2, "FAIL": 1, "UNRESOLVED": 0, "UNSUPPORTED": 0, "UNTESTED": 0,
               "TIMEOUT": 0, "CRASH": 0, "expected": 0}
    lines = [
        "[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x000f0510]",
        "[    0.000000] Linux version 6.12.117+deb13-arm64 (debian-kernel@lists.debian.org)",
        "Begin: Loading essential drivers ... done.",
        line(1, begin("tmpfs")),
        line(2, start("anon/zero")),
        line(3, result(case("anon/zero", "PASS"))),
        line(4, start("eof/tail")),
        "[    9.871234] random: crng init done\r",
        line(5, result(case("eof/tail", "FAIL", "eof.c:42: byte 0 is 0x1c")),
             junk="[    9.9] systemd-journald[201]: Received SIGTERM "),
        # printk cut this line in two: the marker is there, the JSON is not.
        '@mmapcts-stream 6 {"event": "start", "id": "fo[   10.1] EXT4-fs (vda): mounted',
        'rk/cow"}\r',
        line(7, result(case("fork/cow", "PASS"))),
        # seq 8 never came through.
        line(9, end(summary)),
        "[   11.000000] EXT4-fs (vdb): mounted filesystem with ordered data mode.",
        line(1, begin("ext4")),
        line(2, start("anon/zero")),
        line(3, result(case("anon/zero", "PASS"))),
        line(4, start("eof/tail")),
    ] + PANIC
    return "\n".join(lines) + "\n"


@pytest.fixture
def two_runs(tmp_path):
    log = tmp_path / "console.log"
    log.write_text(two_run_log())
    return log


def records_in(out_dir):
    return {p.name: json.loads(p.read_text()) for p in out_dir.iterdir()}


def test_parse_log_splits_runs_and_counts_damage():
    runs = stream.parse_log(two_run_log())
    assert len(runs) == 2
    first, second = runs
    assert list(first.cases) == ["anon/zero", "eof/tail", "fork/cow"]
    assert (first.garbled, first.lost) == (1, 1)
    assert first.ended_cleanly and first.in_flight == []
    assert (second.garbled, second.lost) == (0, 0)
    assert second.end is None and second.in_flight == ["eof/tail"]
    assert list(second.tail) == PANIC


def test_records_written_per_run(two_runs, tmp_path, capsys):
    out = tmp_path / "out"
    assert stream_tool.main([str(two_runs), "--out-dir", str(out)] + VM) == 0
    recs = records_in(out)
    assert sorted(recs) == sorted([TMPFS_NAME, EXT4_NAME])
    tmpfs, ext4 = recs[TMPFS_NAME], recs[EXT4_NAME]

    keys = [k for k in tmpfs if k != "vm"]
    assert keys == RUNNER_KEYS and list(tmpfs)[4] == "vm"
    assert tmpfs["complete"] is True and tmpfs["in_flight"] == [] and tmpfs["resumes"] == 0
    assert tmpfs["summary"]["FAIL"] == 1 and tmpfs["duration"] == 9.5
    assert tmpfs["cases"][1] == case("eof/tail", "FAIL", "eof.c:42: byte 0 is 0x1c")
    assert tmpfs["system"]["emulation"] == ""      # as the guest said
    vm = tmpfs["vm"]
    assert vm["qemu"] == "qemu-system-aarch64 7.2.15" and vm["accel"] == "tcg"
    assert (vm["garbled_lines"], vm["lost_lines"], vm["run_in_log"]) == (1, 1, 1)
    assert "console_tail" not in vm and "guest_summary" not in vm

    assert ext4["complete"] is False and ext4["in_flight"] == ["eof/tail"]
    assert "end" not in ext4 and ext4["summary"]["PASS"] == 1
    assert ext4["vm"]["console_tail"] == PANIC
    assert [k for k in ext4 if k != "vm"] == [k for k in RUNNER_KEYS
                                               if k not in ("end", "duration")]

    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == str(out / TMPFS_NAME) and printed[2] == str(out / EXT4_NAME)
    assert "tmpfs qemu-system-7.2.15: 3 cases: 2 PASS, 1 FAIL; complete" in printed[1]
    assert "INCOMPLETE, in flight: eof/tail, no end event" in printed[3]
    # report.py reads them as it reads the runner's.
    for name in recs:
        record.load(str(out / name))


def test_expectations_marking_uses_the_qemu_system_key(two_runs, tmp_path):
    exp = tmp_path / "exp.tsv"
    exp.write_text("eof/tail\tFAIL\tLinux * aarch64 * tmpfs qemu-system\tguest only\n"
                   "fork/*\tFAIL\t* * * * * native\tnot here\n")
    out = tmp_path / "out"
    assert stream_tool.main([str(two_runs), "--out-dir", str(out), "--expectations", str(exp)]) == 0
    tmpfs = records_in(out)[TMPFS_NAME]
    marked = {c["id"]: c["expected"] for c in tmpfs["cases"]}
    assert marked == {"anon/zero": None, "eof/tail": "guest only", "fork/cow": None}
    assert tmpfs["summary"]["expected"] == 1


def test_lost_result_keeps_the_guests_counts_apart(tmp_path):
    summary = {"PASS": 2, "FAIL": 0, "UNRESOLVED": 0, "UNSUPPORTED": 0, "UNTESTED": 0,
               "TIMEOUT": 0, "CRASH": 0, "expected": 0}
    log = "\n".join([line(1, begin("ext4")), line(2, start("a/x")),
                     line(3, result(case("a/x", "PASS"))), line(4, start("a/y")),
                     line(6, end(summary))])
    rec = stream.build_record(stream.parse_log(log)[0], {"accel": "tcg"})
    assert rec["complete"] is False and rec["in_flight"] == ["a/y"]
    assert rec["vm"]["lost_lines"] == 1 and rec["vm"]["guest_summary"] == summary
    assert rec["summary"]["PASS"] == 1


def test_same_system_twice_gets_two_names(tmp_path):
    run = [line(1, begin("ext4")), line(2, end({}, complete=True))]
    written = stream.write_records(stream.parse_log("\n".join(run + run)), str(tmp_path))
    assert [os.path.basename(p) for p, _ in written] == [EXT4_NAME,
                                                         EXT4_NAME[:-5] + "-2.json"]


def test_a_uml_run_is_named_and_keyed_as_uml(tmp_path):
    # ci/uml-run passes emulation=uml: the name ends -uml, the key uml,
    # and expectations scoped to uml mark it (qemu-system ones do not).
    log = "\n".join([line(1, begin("tmpfs")), line(2, start("fork/x")),
                     line(3, result(case("fork/x", "FAIL"))), line(4, start("eof/y")),
                     line(5, result(case("eof/y", "FAIL"))), line(6, end({}))])
    exp = tmp_path / "exp.tsv"
    exp.write_text("fork/x\tFAIL\tLinux * * * * uml\tUML's own\n"
                   "eof/y\tFAIL\tLinux * * * * qemu-system\tQEMU guests only\n")
    out = tmp_path / "out"
    path = tmp_path / "uml.log"
    path.write_text(log)
    assert stream_tool.main([str(path), "--out-dir", str(out),
                             "--vm", "emulation=uml", "--expectations", str(exp)]) == 0
    name = TMPFS_NAME[:-len("qemu.json")] + "uml.json"
    rec = records_in(out)[name]
    assert rec["vm"]["emulation"] == "uml"
    assert expectations.system_key(rec).endswith(" tmpfs uml")
    assert {c["id"]: c["expected"] for c in rec["cases"]} == {"fork/x": "UML's own",
                                                               "eof/y": None}
    # Only the known words name an emulation; anything else is a QEMU guest.
    assert expectations.emulation({"vm": {"emulation": "bochs"}}) == "qemu-system"


def test_record_name_replaces_odd_characters():
    rec = {"system": dict(SYSTEM, os="GNU/Linux", kernel_release="6.1 rc1",
                          tmpdir={"fstype": "fuse.sshfs"})}
    assert stream.record_name(rec) == \
        "mmapcts-gnu_linux-6.1_rc1-aarch64-glibc-2.41-fuse.sshfs-qemu.json"


def test_an_overcommit_run_is_named_apart_from_its_filesystems_run():
    # ci/vm-run's run of the limits group under policy 2 has /tmp/overcommit-2
    # on tmpfs: beside the ordinary tmpfs run, not as its "-2".
    rec = {"system": dict(SYSTEM, tmpdir={"path": "/tmp/overcommit-2", "fstype": "tmpfs"})}
    assert stream.record_name(rec) == \
        "mmapcts-linux-6.12.117+deb13-arm64-aarch64-glibc-2.41-tmpfs-overcommit2-qemu.json"
    rec["system"]["tmpdir"]["path"] = "/tmp/run"
    assert stream.record_name(rec).endswith("-tmpfs-qemu.json")


@pytest.mark.parametrize("content,message", [
    (b"", "no @mmapcts-stream line"),
    (b"[ 0.0] Booting Linux\n\xff\xfe not text\n", "no @mmapcts-stream line"),
    (line(1, dict(begin("ext4"), record=dict(begin("ext4")["record"], format_version=2)))
     .encode(), "format version 2"),
    # The begin line garbled: what follows cannot be written as a record.
    (("@mmapcts-stream 1 {\"event\": \"beg\n" + line(2, start("a/x")) + "\n").encode(),
     "begin event was lost"),
], ids=["empty", "no-marker", "format-version", "begin-garbled"])
def test_bad_logs_are_one_line(tmp_path, capsys, content, message):
    log = tmp_path / "bad.log"
    log.write_bytes(content)
    assert stream_tool.main([str(log), "--out-dir", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and str(log) in err


def test_missing_log_and_bad_expectations(tmp_path, capsys):
    assert stream_tool.main([str(tmp_path / "nope.log"), "--out-dir", str(tmp_path)]) == 2
    assert "nope.log" in capsys.readouterr().err
    log = tmp_path / "c.log"
    log.write_text(line(1, begin("ext4")))
    exp = tmp_path / "exp.tsv"
    exp.write_text("only\ttwo\n")
    assert stream_tool.main([str(log), "--out-dir", str(tmp_path), "--expectations", str(exp)]) == 2
    assert "exp.tsv:1:" in capsys.readouterr().err


def test_cli(two_runs, tmp_path):
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, os.path.join(REPORTS, "stream.py"), str(two_runs),
                           "--out-dir", str(out)] + VM, capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.splitlines()[0] == str(out / TMPFS_NAME)
    bad = subprocess.run([sys.executable, os.path.join(REPORTS, "stream.py"), str(two_runs),
                          "--out-dir", str(out), "--vm", "novalue"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_the_runners_own_stream(tmp_path):
    """The runner's --stream, read back: the record matches the runner's own."""
    runner = os.path.join(os.environ.get("MMAPCTS_BUILDDIR", ""), "harness", "mmapcts")
    if not os.path.exists(runner):
        pytest.skip("no runner built")
    usage = subprocess.run([runner, "--help"], capture_output=True, text=True).stdout
    if "--stream" not in usage:
        pytest.skip("this runner has no --stream")
    log, own = tmp_path / "console.log", tmp_path / "own.json"
    log.write_text("[    3.1] a printk line before the run\n")
    subprocess.run([runner, "--no-progress", "--json", str(own), "--stream", str(log), "anon"],
                   capture_output=True, env=dict(os.environ, TMPDIR=str(tmp_path)))
    runs = stream.parse_log(log.read_text())
    assert len(runs) == 1 and runs[0].garbled == 0 and runs[0].lost == 0
    rec = stream.build_record(runs[0], {"accel": "tcg"})
    expected = json.loads(own.read_text())
    for key in ("suite", "system", "run", "cases", "summary", "complete"):
        assert rec[key] == expected[key], key
