"""Tests of reports/report.py: matrix and diff over fixture records."""
import json
import os

import pytest

import report

SYSTEM = {"os": "Linux", "kernel_release": "6.1.0-30-amd64", "machine": "x86_64",
          "page_size": 4096, "libc": {"name": "glibc", "version": "2.36"},
          "tmpdir": {"path": "/tmp", "fstype": "ext4"}, "emulation": ""}


def record(cases, system=SYSTEM, complete=True, **extra):
    return dict({"format": "mmapcts-record", "format_version": 1, "system": system,
                 "complete": complete,
                 "cases": [{"id": i, "verdict": v, "observations": o} for i, v, o in cases]},
                **extra)


def guest(cases, complete=True, **extra):
    """A record stream.py made from a QEMU guest's console."""
    system = dict(SYSTEM, machine="aarch64", kernel_release="6.12.117+deb13-arm64")
    return record(cases, system, complete,
                  vm={"qemu": "qemu-system-aarch64 7.2.15", "accel": "tcg"}, **extra)


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
    # Same verdict, another observation: a change to read, not a regression.
    assert "changed          a/obs: observation hint: yes -> no" in out
    assert "diff: 1 regressed, 1 fixed, 1 changed, 0 known, 1 new, 1 gone" in out


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
    assert ("| (1) | 6.1.0-30-amd64 | x86_64 | 4096 | glibc 2.36 | ext4 | native | "
            "complete |") in out
    assert "| `a/obs hint` | yes | no |" in out
    text = page.read_text()
    assert text.startswith("<!DOCTYPE html>") and "a/regress" in text


@pytest.mark.parametrize("content,message", [
    ('{"format": "mmapcts-record", "format_version": 1, "cases": [', "not JSON, or truncated"),
    ('{"format": "something-else"}', "not an mmapcts record"),
    ('{"format": "mmapcts-record", "format_version": 9}', "format version 9"),
    ('[1, 2]', "not an mmapcts record"),
    ('{"format": "mmapcts-record", "format_version": 1, "system": {}}', "no case list"),
    ('', "an empty file"),
    ('\n  \n', "an empty file"),
    ('[' * 100000, "nested too deep"),
    ('{"format": "mmapcts-record", "format_version": 1, "system": {"libc": "glibc"}, '
     '"cases": []}', "system.libc is not a JSON dict"),
    ('{"format": "mmapcts-record", "format_version": 1, "system": {}, '
     '"cases": [{"id": "a", "verdict": "PASS", "observations": [1]}]}', "observations"),
    ('{"format": "mmapcts-record", "format_version": 1, "system": {}, "cases": [], '
     '"in_flight": [3]}', "in_flight"),
], ids=["truncated", "other-format", "other-version", "not-object", "no-cases", "empty",
        "blank", "deep", "libc-shape", "observations-shape", "in-flight-shape"])
def test_bad_input_is_one_line(tmp_path, capsys, content, message):
    bad = write(tmp_path, "bad.json", content)
    good = write(tmp_path, "good.json", record([("a/x", "PASS", {})]))
    assert report.main(["diff", good, bad, "--expectations", ""]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and bad in err


def test_missing_file_is_one_line(tmp_path, capsys):
    assert report.main(["matrix", str(tmp_path / "nope.json")]) == 2
    assert "nope.json: cannot read" in capsys.readouterr().err


def test_labels_say_how_the_cases_ran():
    native = record([])
    user = record([], dict(SYSTEM, emulation="qemu-aarch64 -L /usr/aarch64-linux-gnu"))
    vm = guest([])
    assert report.label(native).endswith(", ext4, native")
    assert report.label(user).endswith(", ext4, qemu-user")
    assert report.label(vm) == ("6.12.117+deb13-arm64, aarch64, 4096B pages, glibc 2.36, "
                                "ext4, qemu-system 7.2.15 tcg")
    on_tmpfs = guest([])
    on_tmpfs["system"] = dict(on_tmpfs["system"], tmpdir={"fstype": "tmpfs"})
    assert report.label(on_tmpfs) != report.label(vm)
    # User-Mode Linux (ci/uml-run) is a way of running of its own, after
    # the QEMU guests in the matrix's columns.
    uml = guest([])
    uml["vm"] = {"emulation": "uml", "accel": "tcg"}
    assert report.label(uml).endswith(", ext4, uml")
    assert report.system_order(uml) > report.system_order(vm)


def test_matrix_of_native_user_and_guest_records(tmp_path, capsys):
    native = write(tmp_path, "n.json", record([("a/x", "PASS", {}), ("a/y", "PASS", {})]))
    user = write(tmp_path, "u.json", record(
        [("a/x", "PASS", {}), ("a/y", "PASS", {})],
        dict(SYSTEM, emulation="qemu-aarch64 -L /usr/aarch64-linux-gnu")))
    known = guest([("a/x", "PASS", {}), ("a/y", "FAIL", {})])
    known["cases"][1]["expected"] = "a documented deviation"
    ext4 = write(tmp_path, "g1.json", known)
    crashed = guest([("a/x", "FAIL", {})], complete=False, in_flight=["a/y"])
    crashed["system"] = dict(crashed["system"], tmpdir={"fstype": "tmpfs"})
    tmpfs = write(tmp_path, "g2.json", crashed)
    page = tmp_path / "m.html"
    assert report.main(["matrix", native, user, ext4, tmpfs, "--html", str(page),
                        "--expectations", ""]) == 0
    out = capsys.readouterr().out
    assert ("| (1) | 6.1.0-30-amd64 | x86_64 | 4096 | glibc 2.36 | ext4 | native | "
            "complete |") in out
    assert "| (2) | 6.1.0-30-amd64 | x86_64 | 4096 | glibc 2.36 | ext4 | qemu-user |" in out
    # Columns in reading order whatever the order given: tmpfs before ext4.
    assert ("| (3) | 6.12.117+deb13-arm64 | aarch64 | 4096 | glibc 2.36 | tmpfs | "
            "qemu-system 7.2.15 tcg | INCOMPLETE | 1 FAIL, 1 in flight |") in out
    assert ("| (4) | 6.12.117+deb13-arm64 | aarch64 | 4096 | glibc 2.36 | ext4 | "
            "qemu-system 7.2.15 tcg | complete | 1 PASS, 1 FAIL (1 known deviation) |") in out
    assert "| `a/y` | PASS | PASS | in flight | FAIL* |" in out
    assert "| `a/x` | PASS | PASS | FAIL | PASS |" in out
    # The page: known deviations, cases in flight apart (reports/tests/test_matrix_html.py
    # reads its structure).
    text = page.read_text()
    assert "<td>qemu-system 7.2.15 tcg<td>" in text and "<td class=k><a href=#m1>FAIL*</a>" in text
    assert "<td class=i>flight" in text


def test_diff_of_guest_records(tmp_path, capsys):
    base = write(tmp_path, "base.json", guest([("a/x", "PASS", {}), ("a/y", "PASS", {}),
                                               ("a/z", "PASS", {})]))
    marked = guest([("a/x", "PASS", {}), ("a/y", "FAIL", {}), ("a/z", "PASS", {})])
    marked["cases"][1]["expected"] = "known on this kernel"
    new = write(tmp_path, "marked.json", marked)
    assert report.main(["diff", base, new, "--expectations", ""]) == 0
    assert "known deviation  a/y: PASS -> FAIL" in capsys.readouterr().out

    unmarked = write(tmp_path, "unmarked.json", guest(
        [("a/x", "PASS", {}), ("a/y", "FAIL", {}), ("a/z", "PASS", {})]))
    assert report.main(["diff", base, unmarked, "--expectations", ""]) == 1
    exp = write(tmp_path, "exp.tsv", "a/y\tFAIL\tLinux * aarch64 * ext4 qemu-system-7.2.*\twhy\n")
    assert report.main(["diff", base, unmarked, "--expectations", exp]) == 0
    native_only = write(tmp_path, "native.tsv", "a/y\tFAIL\t* * * * * native\twhy\n")
    assert report.main(["diff", base, unmarked, "--expectations", native_only]) == 1

    # The guest panicked during a/y: a regression; a/z never ran.
    cut = write(tmp_path, "cut.json", guest([("a/x", "PASS", {})], complete=False,
                                            in_flight=["a/y"]))
    capsys.readouterr()
    assert report.main(["diff", base, cut, "--expectations", ""]) == 1
    out = capsys.readouterr().out
    assert "REGRESSED        a/y: PASS -> in flight" in out
    # A case an incomplete run lacks was never reached: coverage lost.
    assert "REGRESSED        a/z: PASS -> not reached" in out
    assert "REGRESSED        (the run): complete, 3 cases -> INCOMPLETE" in out
    assert "INCOMPLETE" in out


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


def test_matrix_marks_by_todays_expectations(tmp_path, capsys):
    """A record made before its deviation was documented shows as known."""
    rec = write(tmp_path, "r.json", record([("a/x", "PASS", {}), ("a/y", "FAIL", {})]))
    tsv = tmp_path / "e.tsv"
    tsv.write_text("a/y\tFAIL\tLinux * * * * *\tdocumented since\n")
    assert report.main(["matrix", rec, "--expectations", str(tsv)]) == 0
    assert "| `a/y` | FAIL* |" in capsys.readouterr().out
    assert report.main(["matrix", rec, "--expectations", ""]) == 0
    assert "| `a/y` | FAIL |" in capsys.readouterr().out


def three(verdict="PASS"):
    return [("a/x", "PASS", {}), ("a/y", verdict, {}), ("a/z", "PASS", {})]


def compare(tmp_path, capsys, base_rec, new_rec):
    """diff of two records: its exit status, its output, the two paths."""
    base, new = write(tmp_path, "base.json", base_rec), write(tmp_path, "new.json", new_rec)
    status = report.main(["diff", base, new, "--expectations", ""])
    return status, capsys.readouterr().out, base, new


def test_a_run_that_did_not_happen_is_a_regression(tmp_path, capsys):
    missed = record([], dict(SYSTEM, machine="aarch64", kernel_release="6.12.117+deb13-arm64"),
                    complete=False, vm={"accel": "tcg", "guest_end": "panic"},
                    not_run={"reason": "the guest panicked while preparing ext4"})
    status, out, base, new = compare(tmp_path, capsys, guest(three()), missed)
    assert status == 1
    assert ("REGRESSED        (the run): complete, 3 cases -> not run: the guest panicked "
            "while preparing ext4") in out
    assert "NOT RUN" in out.splitlines()[1]
    # One line for the run, not one per case.
    assert "diff: 1 regressed, 0 fixed, 0 changed, 0 known, 0 new, 0 gone" in out
    # Not run on both sides: nothing lost since the base.
    assert report.main(["diff", new, new, "--expectations", ""]) == 0
    # The matrix says so, and the column makes no row differ.
    page = tmp_path / "m.html"
    assert report.main(["matrix", base, new, "--expectations", "", "--html", str(page)]) == 0
    out = capsys.readouterr().out
    assert "| NOT RUN (the guest panicked while preparing ext4) | no cases |" in out
    assert "| `a/x` | PASS | not run |" in out
    assert "3 cases; 0 differ between records" in out and "`not run`: the run never" in out
    assert "<td class=x>\u2013" in page.read_text()


def test_a_run_cut_short_between_cases_is_a_regression(tmp_path, capsys):
    cut = guest([("a/x", "PASS", {})], complete=False,
                cut_short={"reason": "the guest panicked during the run on ext4"})
    status, out, base, new = compare(tmp_path, capsys, guest(three()), cut)
    assert status == 1
    assert ("REGRESSED        (the run): complete, 3 cases -> cut short: the guest panicked "
            "during the run on ext4") in out
    assert "REGRESSED        a/y: PASS -> not reached" in out
    assert "REGRESSED        a/z: PASS -> not reached" in out
    assert "gone" not in out.replace("0 gone", "")
    assert report.main(["matrix", base, new, "--expectations", ""]) == 0
    out = capsys.readouterr().out
    assert "| INCOMPLETE (the guest panicked during the run on ext4) | 1 PASS |" in out
    assert "| `a/y` | PASS | not reached |" in out
    assert "`not reached`: the run was cut short" in out
    # Even with nothing missing, a run that did not end lost something.
    ended = write(tmp_path, "ended.json", guest(three(), complete=False))
    assert report.main(["diff", base, ended, "--expectations", ""]) == 1
    assert "(the run): complete, 3 cases -> INCOMPLETE" in capsys.readouterr().out


@pytest.mark.parametrize("was,now,kind,status", [
    ("PASS", "UNRESOLVED", "REGRESSED", 1),
    ("PASS", "BOGUS", "REGRESSED", 1),
    ("UNRESOLVED", "PASS", "fixed", 0),
    ("PASS", "UNTESTED", "REGRESSED", 1),
    ("PASS", "UNSUPPORTED", "REGRESSED", 1),
    ("FAIL", "CRASH", "REGRESSED", 1),
    ("UNSUPPORTED", "FAIL", "REGRESSED", 1),
    ("UNSUPPORTED", "UNTESTED", "changed", 0),
    ("UNSUPPORTED", "PASS", "changed", 0),
])
def test_verdict_changes(tmp_path, capsys, was, now, kind, status):
    got, out, _, _ = compare(tmp_path, capsys, record(three(was)), record(three(now)))
    assert got == status and f"{kind:16} a/y: {was} -> {now}" in out


def test_changed_messages_are_shown_not_counted_as_regressions(tmp_path, capsys):
    old = record(three("FAIL"))
    old["cases"][1]["message"] = "y.c:10: CHECK_EQ(a, b): 1 != 2"
    new = record(three("FAIL"))
    new["cases"][1]["message"] = "y.c:10: CHECK_EQ(a, b): 1 != 3\nand more"
    new["cases"][2]["observations"] = {"mode": {"n": 1}}
    status, out, _, _ = compare(tmp_path, capsys, old, new)
    assert status == 0
    assert ('changed          a/y: message: y.c:10: CHECK_EQ(a, b): 1 != 2 -> '
            'y.c:10: CHECK_EQ(a, b): 1 != 3 and more') in out
    assert 'changed          a/z: observation mode: - -> {"n": 1}' in out
    assert "diff: 0 regressed, 0 fixed, 2 changed" in out


@pytest.mark.parametrize("command", ["diff", "matrix"])
def test_random_bytes_as_expectations_are_one_line(tmp_path, capsys, command):
    rec = write(tmp_path, "r.json", record(three()))
    rng = __import__("random").Random(12)
    for n in range(20):
        junk = tmp_path / f"junk{n}.tsv"
        junk.write_bytes(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))))
        args = [command, rec] + ([rec] if command == "diff" else [])
        assert report.main(args + ["--expectations", str(junk)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and str(junk) in err


@pytest.mark.parametrize("extra,message", [
    ({"not_run": "panicked", "complete": False}, "not_run is not an object with a reason"),
    ({"cut_short": {"why": 1}}, "cut_short is not an object with a reason"),
    ({"not_run": {"reason": "x"}, "complete": True}, "did not happen has cases or is complete"),
], ids=["not-run-string", "cut-short-no-reason", "not-run-complete"])
def test_malformed_missed_runs_are_one_line(tmp_path, capsys, extra, message):
    bad = write(tmp_path, "bad.json", dict(record([]), **extra))
    assert report.main(["matrix", bad, "--expectations", ""]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_a_regression_shows_what_new_said(tmp_path, capsys):
    new = record(three("FAIL"))
    new["cases"][1]["message"] = "y.c:10: CHECK_EQ(a, b): got 1, expected 2"
    status, out, _, _ = compare(tmp_path, capsys, record(three("PASS")), new)
    assert status == 1
    lines = out.splitlines()
    at = lines.index(next(l for l in lines if l.startswith("REGRESSED        a/y: PASS -> FAIL")))
    assert lines[at + 1].strip() == "y.c:10: CHECK_EQ(a, b): got 1, expected 2"
