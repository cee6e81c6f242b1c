"""The whole suite on this machine, and the manifest it is built from.

Every case must PASS or be UNSUPPORTED or UNTESTED here, unless reports/expectations.tsv
names its verdict as a known deviation of this system, with the evidence.
"""
import json
import os
import subprocess

import pytest

from conftest import BUILDDIR, RUNNER, SRCDIR
from mmapcts_formats import expectations

MANIFEST = os.path.join(BUILDDIR, "cases", "manifest.tsv")
GEN_MANIFEST = os.path.join(SRCDIR, "build-aux", "gen-manifest.awk")


def manifest_rows():
    with open(MANIFEST, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]


@pytest.fixture(scope="module")
def suite_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("suite")
    record_path = tmp / "record.json"
    junit_path = tmp / "junit.xml"
    proc = subprocess.run([RUNNER, "--no-progress", "--json", str(record_path),
                           "--junit", str(junit_path)], capture_output=True, text=True,
                          timeout=600, env=dict(os.environ, TMPDIR=str(tmp)))
    with open(record_path, encoding="utf-8") as f:
        record = json.load(f)
    return proc, record


def test_every_case_passes_or_is_a_known_deviation(suite_run):
    proc, record = suite_run
    known = expectations.load()
    bad = expectations.unexpected(record, known)
    report = "\n".join(f"{c['verdict']:11} {c['id']}: {c['message']}" for c in bad)
    assert not bad, f"cases that neither pass nor are known deviations:\n{report}"
    if not bad:
        # The runner read the expectations shipped beside the manifest: only
        # a red verdict none of them explains may turn the run red.
        assert record["run"]["expectations"].endswith("/cases/expectations.tsv")
        unexplained_failures = [c for c in record["cases"] if c["verdict"] in
                                ("FAIL", "TIMEOUT", "CRASH", "UNRESOLVED") and
                                not c.get("expected")]
        assert (proc.returncode == 0) == (not unexplained_failures), proc.stdout


def test_every_manifest_case_has_a_verdict(suite_run):
    _, record = suite_run
    ids = sorted(row[0] for row in manifest_rows())
    assert sorted(c["id"] for c in record["cases"]) == ids
    assert record["complete"] is True and record["in_flight"] == []


def test_manifest_metadata_is_complete():
    rows = manifest_rows()
    assert len(rows) >= 25
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids))
    groups = {r[2] for r in rows}
    for group in ("private-file", "shared-file", "eof", "file-args", "anon", "fork",
                  "exec", "munmap", "protection", "mlock"):
        assert group in groups, group
    for row in rows:
        assert len(row) == 12, row
        id_, program, group, profile, timeout, variant, needs, spec, assertion = row[:9]
        assert profile in ("posix", "linux"), id_
        # The rule's source: a POSIX.1-2024 interface or a Linux man page.
        assert "POSIX.1-2024" in spec or spec.startswith("Linux"), (id_, spec)
        assert assertion.endswith("."), (id_, assertion)
        assert int(timeout) > 0
        assert os.access(os.path.join(BUILDDIR, "cases", program), os.X_OK), program


def gen_manifest(tmp_path, name, text, catalogue=None):
    src = tmp_path / "cases" / "grp" / name
    src.parent.mkdir(parents=True, exist_ok=True)
    src.write_text(text)
    args = ["-v", f"catalogue={catalogue}"] if catalogue else []
    return subprocess.run(["awk", *args, "-f", GEN_MANIFEST, str(src)], capture_output=True,
                          text=True)


GOOD = '''MMAPCTS_CASE(
\t.assertion = "A rule "
\t\t     "in two literals.",
\t.spec      = "POSIX.1-2024 mmap(): x",
\t.profile   = "posix",
\t.variants  = "file shm",\t/* a comment */
\t.timeout   = 3,
);
'''


def test_gen_manifest_reads_a_block(tmp_path):
    out = gen_manifest(tmp_path, "good.c", GOOD)
    assert out.returncode == 0, out.stderr
    rows = [l.split("\t") for l in out.stdout.splitlines() if not l.startswith("#")]
    assert [r[0] for r in rows] == ["grp/good:file", "grp/good:shm"]
    assert rows[0][3:6] == ["posix", "3", "file"]
    assert rows[0][8] == "A rule in two literals."


@pytest.mark.parametrize("block,message", [
    (GOOD.replace('\t.profile   = "posix",\n', ''), ".profile must be"),
    (GOOD.replace('.spec ', '.spek '), "unknown metadata .spek"),
    (GOOD.replace('= 3,', '= soon,'), ".timeout must be a whole number"),
    (GOOD.replace(');\n', ''), "is not closed"),
    ("int x;\n", "no MMAPCTS_CASE() block"),
])
def test_gen_manifest_rejects_bad_metadata(tmp_path, block, message):
    out = gen_manifest(tmp_path, "bad.c", block)
    assert out.returncode != 0
    assert message in out.stderr and "bad.c" in out.stderr


CATALOGUE = os.path.join(SRCDIR, "cases", "catalogue.tsv")
COVERING = GOOD.replace('\t.timeout', '\t.covers    = "B3 A1",\n\t.covers_part = "C9",\n\t.timeout')


def test_gen_manifest_writes_covers(tmp_path):
    out = gen_manifest(tmp_path, "good.c", COVERING, CATALOGUE)
    assert out.returncode == 0, out.stderr
    rows = [l.split("\t") for l in out.stdout.splitlines() if not l.startswith("#")]
    assert len(rows[0]) == 12
    assert rows[0][10:] == ["B3 A1", "C9"]
    header = out.stdout.splitlines()[1].split("\t")
    assert header[10:] == ["covers", "covers_part"]


@pytest.mark.parametrize("covers,part,message", [
    ("B3 Q999", "", "no row Q999 in"),
    ("B3", "b3", "is not a row id"),
    ("B3 B3", "", "the row B3 is named twice"),
    ("B3", "B3", "the row B3 is named twice"),
])
def test_gen_manifest_refuses_unknown_rows(tmp_path, covers, part, message):
    block = GOOD.replace('\t.timeout', f'\t.covers    = "{covers}",\n'
                         f'\t.covers_part = "{part}",\n\t.timeout')
    out = gen_manifest(tmp_path, "bad.c", block, CATALOGUE)
    assert out.returncode != 0
    assert message in out.stderr and "bad.c" in out.stderr


def test_gen_manifest_refuses_a_bad_catalogue(tmp_path):
    bad = tmp_path / "catalogue.tsv"
    bad.write_text("# rows\nA1\tanon\tposix\tY\n")
    out = gen_manifest(tmp_path, "good.c", COVERING, str(bad))
    assert out.returncode != 0
    assert "catalogue.tsv:2:" in out.stderr


def test_catalogue_rows_are_well_formed():
    """The catalogue's own shape: ten fields, unique ids in order per section."""
    ids = []
    with open(CATALOGUE, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            assert len(fields) == 10, line
            id_, section, profile, *marks, behaviour = fields
            assert profile in ("posix", "linux", "bsd"), id_
            assert all(m == "-" or m for m in marks), id_
            assert behaviour.endswith("."), id_
            ids.append(id_)
    assert len(ids) == len(set(ids))
    assert len(ids) >= 150


def test_runner_filters_by_catalogue_row():
    """covers:ROW selects exactly the manifest cases that declare the row."""
    rows = manifest_rows()
    want = sorted(r[0] for r in rows if "G6" in (r[10] + " " + r[11]).split())
    if not want:
        pytest.skip("no case declares G6")
    out = subprocess.run([RUNNER, "--list", "covers:G6"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert sorted(l.split("\t")[0] for l in out.stdout.splitlines()) == want
    nothing = subprocess.run([RUNNER, "--list", "covers:Z999"], capture_output=True,
                             text=True)
    assert nothing.returncode == 2 and "covers:Z999" in nothing.stderr


def test_runner_lists_uncovered_rows():
    rows = manifest_rows()
    wholly = {w for r in rows for w in r[10].split()}
    out = subprocess.run([RUNNER, "--uncovered"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    listed = [l.split("\t") for l in out.stdout.splitlines()]
    assert listed and all(len(l) == 4 and l[1] in ("none", "partly") for l in listed)
    assert not wholly & {l[0] for l in listed}
