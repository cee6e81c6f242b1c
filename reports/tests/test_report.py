"""Tests of reports/report.py: matrix and diff over fixture records."""
import copy
import json
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import report  # noqa: E402

SYSTEM = {"os": "Linux", "kernel_release": "6.1.0-30-amd64", "machine": "x86_64",
          "page_size": 4096, "libc": {"name": "glibc", "version": "2.36"},
          "tmpdir": {"path": "/tmp", "fstype": "ext4"}, "emulation": ""}


def record(cases, system=SYSTEM, complete=True):
    return {"format": "mmapcts-record", "format_version": 1, "system": system,
            "complete": complete,
            "cases": [{"id": i, "verdict": v, "observations": o} for i, v, o in cases]}


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return str(path)


@pytest.fixture
def two(tmp_path):
    base = record([("a/pass", "PASS", {}), ("a/regress", "PASS", {}),
                   ("a/fixed", "FAIL", {}), ("a/gone", "PASS", {}),
                   ("a/obs", "PASS", {"hint": "yes"})])
    new_sys = dict(SYSTEM, kernel_release="6.12.0-1-amd64")
    new = record([("a/pass", "PASS", {}), ("a/regress", "CRASH", {}),
                  ("a/fixed", "PASS", {}), ("a/new", "UNSUPPORTED", {}),
                  ("a/obs", "PASS", {"hint": "no"})], system=new_sys)
    return write(tmp_path, "base.json", base), write(tmp_path, "new.json", new)


def test_diff_finds_regression_fix_new_and_gone(two, capsys):
    assert report.main(["diff", two[0], two[1], "--expectations", ""]) == 1
    out = capsys.readouterr().out
    assert "REGRESSED        a/regress: PASS -> CRASH" in out
    assert "fixed            a/fixed: FAIL -> PASS" in out
    assert "new              a/new: - -> UNSUPPORTED" in out
    assert "gone             a/gone: PASS -> -" in out
    assert "diff: 1 regressed, 1 fixed, 0 changed, 0 known, 1 new, 1 gone" in out


def test_diff_honours_expectations(two, tmp_path, capsys):
    exp = write(tmp_path, "exp.tsv", "a/regress\tCRASH\tLinux 6.12.* * * *\tknown bug\n")
    assert report.main(["diff", two[0], two[1], "--expectations", exp]) == 0
    assert "known deviation  a/regress: PASS -> CRASH" in capsys.readouterr().out


def test_diff_without_changes_is_clean(two, capsys):
    assert report.main(["diff", two[0], two[0], "--expectations", ""]) == 0


def test_matrix_puts_differences_first(two, tmp_path, capsys):
    page = tmp_path / "m.html"
    assert report.main(["matrix", two[0], two[1], "--html", str(page)]) == 0
    out = capsys.readouterr().out
    verdict_part = out.split("## Observations")[0]
    table = [l for l in verdict_part.splitlines() if l.startswith("| `")]
    differing = [l for l in table if l.count("PASS") != 2]
    assert table[:len(differing)] == differing
    assert table[-1].startswith("| `a/pass` | PASS | PASS |")
    assert "6.1.0-30-amd64, x86_64, 4096B pages, glibc 2.36, ext4" in out
    assert "| `a/obs hint` | yes | no |" in out
    text = page.read_text()
    assert text.startswith("<!DOCTYPE html>") and "a/regress" in text


@pytest.mark.parametrize("content,message", [
    ('{"format": "mmapcts-record", "format_version": 1, "cases": [', "not JSON, or truncated"),
    ('{"format": "something-else"}', "not an mmapcts record"),
    ('{"format": "mmapcts-record", "format_version": 9}', "format version 9"),
    ('[1, 2]', "not an mmapcts record"),
    ('{"format": "mmapcts-record", "format_version": 1, "system": {}}', "no case list"),
])
def test_bad_input_is_one_line(tmp_path, capsys, content, message):
    bad = write(tmp_path, "bad.json", content)
    good = write(tmp_path, "good.json", record([("a/x", "PASS", {})]))
    assert report.main(["diff", good, bad, "--expectations", ""]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and bad in err


def test_missing_file_is_one_line(tmp_path, capsys):
    assert report.main(["matrix", str(tmp_path / "nope.json")]) == 2
    assert "nope.json: cannot read" in capsys.readouterr().err


def test_incomplete_record_is_labelled(tmp_path, capsys):
    part = write(tmp_path, "part.json", record([("a/x", "PASS", {})], complete=False))
    assert report.main(["matrix", part]) == 0
    assert "INCOMPLETE" in capsys.readouterr().out


def test_real_record_from_the_runner(tmp_path, capsys):
    runner = os.path.join(os.environ.get("MMAPCTS_BUILDDIR", ""), "harness", "mmapcts")
    if not os.path.exists(runner):
        pytest.skip("no runner built")
    import subprocess
    path = tmp_path / "r.json"
    subprocess.run([runner, "--no-progress", "--json", str(path), "anon"], check=True,
                   capture_output=True, env=dict(os.environ, TMPDIR=str(tmp_path)))
    assert report.main(["diff", str(path), str(path), "--expectations", ""]) == 0
