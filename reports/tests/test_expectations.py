"""Tests of the known-deviation data (mmapcts_formats.expectations)."""
import pytest

from mmapcts_formats import expectations as ex

SYSTEM = {"os": "Linux", "kernel_release": "5.10.0-30-amd64", "machine": "x86_64",
          "libc": {"name": "glibc", "version": "2.36"}, "tmpdir": {"fstype": "ext4"},
          "emulation": ""}
RECORD = {"system": SYSTEM}


def on(system):
    return {"system": system}


def write(tmp_path, text):
    path = tmp_path / "exp.tsv"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    return str(path)


def test_the_committed_file_loads():
    ex.load()


def test_system_key_names_how_the_cases_ran():
    assert ex.system_key(RECORD) == "Linux 5.10.0-30-amd64 x86_64 glibc-2.36 ext4 native"
    user = on(dict(SYSTEM, emulation="qemu-aarch64 -L /usr/aarch64-linux-gnu"))
    assert ex.system_key(user).endswith(" ext4 qemu-user")
    # In a guest the runner sees no wrapper; the "vm" object stream.py adds says it.
    guest = dict(RECORD, vm={"accel": "tcg"})
    assert ex.system_key(guest).endswith(" ext4 qemu-system")
    # With QEMU's version, where the record has it: a deviation can be scoped
    # to the emulator that showed it.
    user = on(dict(SYSTEM, emulation="qemu-aarch64-static", emulation_version="7.2.22"))
    assert ex.system_key(user).endswith(" ext4 qemu-user-7.2.22")
    guest = dict(RECORD, vm={"accel": "tcg", "qemu": "qemu-system-s390x 9.2.1"})
    assert ex.system_key(guest).endswith(" ext4 qemu-system-9.2.1")


def test_match_by_emulation(tmp_path):
    exps = ex.load(write(tmp_path, "a/x\tFAIL\t* * * * * qemu-*\tqemu only\n"))
    assert ex.explain(exps, "a/x", "FAIL", RECORD) is None
    assert ex.explain(exps, "a/x", "FAIL", dict(RECORD, vm={})).evidence == "qemu only"


def test_match_by_id_glob_verdict_and_system(tmp_path):
    exps = ex.load(write(tmp_path,
                         "# comment\n\nanon/*\tFAIL\tLinux 5.10.* * * * *\tbug 123\n"))
    assert ex.explain(exps, "anon/zero", "FAIL", RECORD).evidence == "bug 123"
    assert ex.explain(exps, "anon/zero", "CRASH", RECORD) is None
    assert ex.explain(exps, "fork/x", "FAIL", RECORD) is None
    other = dict(SYSTEM, kernel_release="6.1.0")
    assert ex.explain(exps, "anon/zero", "FAIL", on(other)) is None


def test_match_by_filesystem(tmp_path):
    exps = ex.load(write(tmp_path, "a/x\tFAIL\tLinux * * * tmpfs *\ton tmpfs only\n"))
    assert ex.explain(exps, "a/x", "FAIL", RECORD) is None
    tmpfs = dict(SYSTEM, tmpdir={"fstype": "tmpfs"})
    assert ex.explain(exps, "a/x", "FAIL", on(tmpfs)).evidence == "on tmpfs only"


def test_unexpected_lists_only_unexplained_failures(tmp_path):
    exps = ex.load(write(tmp_path, "a/known\tFAIL\t*\twhy\n"))
    record = {"system": SYSTEM, "cases": [
        {"id": "a/ok", "verdict": "PASS"},
        {"id": "a/skip", "verdict": "UNSUPPORTED"},
        {"id": "a/known", "verdict": "FAIL"},
        {"id": "a/new", "verdict": "FAIL"},
        {"id": "a/broke", "verdict": "UNRESOLVED"},
    ]}
    assert [c["id"] for c in ex.unexpected(record, exps)] == ["a/new", "a/broke"]


@pytest.mark.parametrize("text,message", [
    ("a\tFAIL\t*\n", "expected 4 tab-separated fields"),
    ("a\tWRONG\t*\twhy\n", "unknown verdict 'WRONG'"),
    ("a\tPASS\t*\twhy\n", "PASS needs no expectation"),
    ("a\tFAIL\t*\t \n", "expected 4 tab-separated fields"),
    ("a\\x\tFAIL\t*\twhy\n", "'\\' in the pattern 'a\\x'"),
    ("a\tFAIL\t* [^5]*\twhy\n", "'[^' in the pattern '* [^5]*'"),
    ("a\tFAIL\t*\t\udcff\n", "not UTF-8 text"),
])
def test_malformed_lines_name_file_and_line(tmp_path, text, message):
    path = write(tmp_path, "# header\n" + text)
    with pytest.raises(ex.ExpectationError) as err:
        ex.load(path)
    assert message in str(err.value)
    assert f"{path}:2:" in str(err.value)


def test_mark_sets_todays_evidence_and_clears_the_rest(tmp_path):
    exps = ex.load(write(tmp_path, "a/x\tFAIL\tLinux * * * * native\tknown since\n"))
    rec = dict(RECORD, cases=[{"id": "a/x", "verdict": "FAIL", "expected": None},
                              {"id": "a/y", "verdict": "FAIL", "expected": "stale"},
                              {"id": "a/z", "verdict": "PASS", "expected": None}])
    assert ex.mark(rec, exps) is rec
    assert [c["expected"] for c in rec["cases"]] == ["known since", None, None]


def test_lines_and_globs_are_read_as_the_runner_reads_them(tmp_path):
    exps = ex.load(write(tmp_path, "a/?\tFAIL\t*\tcrlf\r\n \t \r\nb/x\tFAIL\t*\tone\rtwo\n"))
    assert [e.evidence for e in exps] == ["crlf", "one\rtwo"]
    # fnmatch(3) in the runner matches bytes: "?" is not one character of UTF-8.
    assert ex.find(exps, "a/x", "FAIL", "k").evidence == "crlf"
    assert ex.find(exps, "a/\u00e9", "FAIL", "k") is None
