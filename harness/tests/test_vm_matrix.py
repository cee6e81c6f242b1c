"""ci/vm-matrix without a boot: the matrix file, the selection by words, its
refusals, and how a refresh of reports/results replaces a system's older
records and nothing else.  The real runs are the records in reports/results
(ci/vm-matrix --out-dir reports/results) and make bench-vm."""
import importlib.machinery
import importlib.util
import json
import os
import subprocess
import sys

from conftest import SRCDIR

VM_MATRIX = os.path.join(SRCDIR, "ci", "vm-matrix")


def load():
    loader = importlib.machinery.SourceFileLoader("vm_matrix", VM_MATRIX)
    spec = importlib.util.spec_from_loader("vm_matrix", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


vm_matrix = load()


def run(*args):
    return subprocess.run([sys.executable, VM_MATRIX, *args], capture_output=True, text=True)


def test_the_committed_matrix_lists_every_kind():
    out = run("--list")
    assert out.returncode == 0, out.stderr
    names = out.stdout.split()
    assert len(names) == len(set(names)), "two lines name the same system"
    for kind in ("qemu-system", "qemu-user", "native"):
        assert any(n.startswith(kind + "-") for n in names)
    assert "qemu-system-aarch64-6.12-arm64-16k-glibc" in names


def test_every_word_must_match_a_field():
    out = run("--list", "aarch64", "6.12")
    assert out.stdout.split() == ["qemu-system-aarch64-6.12-arm64-glibc",
                                  "qemu-system-aarch64-6.12-arm64-16k-glibc"]
    # A word is a whole field, not a substring: 6.1 is not 6.12.
    assert all("-6.1-" in n for n in run("--list", "6.1", "qemu-system").stdout.split())


def test_a_selection_of_nothing_is_refused():
    out = run("--list", "vax")
    assert out.returncode == 2
    # The script names its matrix by its own absolute path (normalised, where
    # SRCDIR may be "_build/sub/../.." under distcheck).
    matrix = os.path.abspath(os.path.join(SRCDIR, "ci", "matrix.tsv"))
    assert out.stderr.strip() == f"vm-matrix: no system in {matrix} has every one of: vax"


def test_a_malformed_matrix_is_refused_in_one_line(tmp_path):
    bad = tmp_path / "matrix.tsv"
    bad.write_text("# a comment\nqemu-system\tx86_64\t7.2\n")
    out = run("--list", "--matrix", str(bad))
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and f"{bad}:2:" in out.stderr


def record(path, arch, package, libc="glibc", fs="tmpfs"):
    rec = {"vm": {"arch": arch, "kernel_package": package + " 1"},
           "system": {"libc": {"name": libc}, "tmpdir": {"fstype": fs}}}
    path.write_text(json.dumps(rec))
    return path


def test_a_refresh_replaces_the_same_systems_older_builds_only(tmp_path):
    old = record(tmp_path / "old-6.12.117-arm64-qemu.json", "aarch64",
                 "linux-image-6.12.117+deb13-arm64")
    other_flavour = record(tmp_path / "a-16k-qemu.json", "aarch64",
                           "linux-image-6.12.117+deb13-arm64-16k")
    other_series = record(tmp_path / "a-6.1-qemu.json", "aarch64", "linux-image-6.1.0-50-arm64")
    other_libc = record(tmp_path / "a-musl-qemu.json", "aarch64",
                        "linux-image-6.12.117+deb13-arm64", libc="musl")
    new_dir = tmp_path / "new"
    new_dir.mkdir()
    new = record(new_dir / "new-6.12.120-arm64-qemu.json", "aarch64",
                 "linux-image-6.12.120+deb13-arm64")

    class Args:
        replace = True
        out_dir = str(tmp_path)
        jobs = 1
        fs = None
    m = vm_matrix.Matrix(Args, [])
    s = dict(kind="qemu-system", arch="aarch64", kernel="6.12", flavour="arm64", libc="glibc",
             tmpdir="-")
    landed = m.land(s, [str(new)])
    assert landed == [str(tmp_path / new.name)]
    assert not old.exists()
    assert other_flavour.exists() and other_series.exists() and other_libc.exists()


def test_the_timing_table_says_where_the_time_went(tmp_path, capsys):
    class Args:
        replace = False
        out_dir = str(tmp_path)
        jobs = 2
        fs = None
    m = vm_matrix.Matrix(Args, [])
    m.build_seconds, m.fetch_seconds = 3.0, 4.0
    m.rows = [dict(system="qemu-system-x86_64-7.2-amd64-glibc", status=0, wall=100.0, guest=80.0,
                   suite=50.0, records=6, unexpected=0)]
    m.table(110.0)
    lines = (tmp_path / "timing.tsv").read_text().splitlines()
    assert lines[0].split("\t")[:7] == ["system", "status", "wall_s", "guest_s", "suite_s",
                                        "host_s", "boot_and_fs_s"]
    assert lines[1].split("\t")[2:7] == ["100.0", "80.0", "50.0", "20.0", "30.0"]
    assert "whole matrix 110 s wall with --jobs 2" in lines[-1]
    assert "qemu-system-x86_64-7.2-amd64-glibc" in capsys.readouterr().out
