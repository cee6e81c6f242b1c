"""reports/catalogue.md is the page the cases make today, and the page
generator says what the catalogue and the manifest say."""
import os

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPORTS = os.path.dirname(HERE)
SRCDIR = os.environ.get("MMAPCTS_SRCDIR") or os.path.dirname(REPORTS)
BUILDDIR = os.environ.get("MMAPCTS_BUILDDIR") or os.getcwd()
import catalogue

CATALOGUE = os.path.join(SRCDIR, "cases", "catalogue.tsv")
MANIFEST = os.path.join(BUILDDIR, "cases", "manifest.tsv")


def test_the_committed_page_is_current():
    if not os.path.exists(MANIFEST):
        pytest.skip("no built manifest")
    page = catalogue.markdown(catalogue.read_catalogue(CATALOGUE),
                              catalogue.read_covers(MANIFEST),
                              catalogue.read_open(os.path.join(SRCDIR, "cases",
                                                               "catalogue-open.tsv")))
    with open(os.path.join(REPORTS, "catalogue.md"), encoding="utf-8") as f:
        assert f.read() == page, "reports/catalogue.md is stale: make catalogue"


ROWS = "# comment\n" + "".join(
    f"{i}\tsec\tposix\tY\t-\tp\t-\tg,l\t-\t{text}\n"
    for i, text in (("A1", "one."), ("A2", "two | pipes."), ("B1", "three.")))
MANIFEST_TEXT = (
    "# mmapcts manifest 1\n"
    "# id\tprogram\tgroup\tprofile\ttimeout\tvariant\tneeds\tspec\tassertion\tno_fault"
    "\tcovers\tcovers_part\n"
    "g/x:file\tg/x\tg\tposix\t10\tfile\t\ts\ta\t\tA1\tA2\n"
    "g/x:shm\tg/x\tg\tposix\t10\tshm\t\ts\ta\t\tA1\tA2\n"
    "g/y\tg/y\tg\tposix\t10\t\t\ts\ta\n"        # an older manifest line
    "g/z\tg/z\tg\tlinux\t10\t\t\ts\ta\t\t\tA1\n")


@pytest.fixture
def small(tmp_path):
    (tmp_path / "catalogue.tsv").write_text(ROWS)
    (tmp_path / "manifest.tsv").write_text(MANIFEST_TEXT)
    return tmp_path


def test_status_cases_and_tally(small):
    page = catalogue.markdown(catalogue.read_catalogue(small / "catalogue.tsv"),
                              catalogue.read_covers(small / "manifest.tsv"))
    assert "covered 1, partly 1, not yet 1" in page
    # one entry per program, not per variant; a partial case is marked
    assert "| A1 | one. | posix | G F(p) L(g,l) | covered | `g/x`, `g/z` (part) |" in page
    assert "| A2 | two \\| pipes. | posix | G F(p) L(g,l) | partly | `g/x` (part) |" in page
    left = page.split("## Rows left open, and why")[1]
    assert "| B1 | three. | not yet | - |" in left and "| A1 |" not in left


def test_every_open_row_has_its_reason(small, capsys):
    args = ["--catalogue", str(small / "catalogue.tsv"),
            "--manifest", str(small / "manifest.tsv"), "--out", str(small / "page.md")]
    (small / "catalogue-open.tsv").write_text("# why\nA2\tonly part of it can be\n")
    assert catalogue.main(args) == 1
    assert "no reason for the open rows ['B1']" in capsys.readouterr().err
    (small / "catalogue-open.tsv").write_text("A2\tpart\nB1\tBSD only\nA1\tstale\n")
    assert catalogue.main(args) == 1
    assert "now covered (or unknown) ['A1']" in capsys.readouterr().err
    (small / "catalogue-open.tsv").write_text("A2\tpart\nB1\tBSD only\n")
    assert catalogue.main(args) == 0
    assert "| B1 | three. | not yet | BSD only |" in (small / "page.md").read_text()


def test_check_mode(small, capsys):
    (small / "catalogue-open.tsv").write_text("A2\tpart\nB1\tBSD only\n")
    args = ["--catalogue", str(small / "catalogue.tsv"),
            "--manifest", str(small / "manifest.tsv")]
    assert catalogue.main(args + ["--out", str(small / "page.md")]) == 0
    assert catalogue.main(args + ["--check", str(small / "page.md")]) == 0
    (small / "page.md").write_text("old\n")
    assert catalogue.main(args + ["--check", str(small / "page.md")]) == 1
    assert "make catalogue" in capsys.readouterr().err


def test_unknown_rows_and_bad_rows_are_refused(small):
    (small / "manifest.tsv").write_text(MANIFEST_TEXT + "g/w\tg/w\tg\tposix\t10\t\t\ts\ta\t\tQ7\t\n")
    with pytest.raises(ValueError, match="Q7"):
        catalogue.markdown(catalogue.read_catalogue(small / "catalogue.tsv"),
                           catalogue.read_covers(small / "manifest.tsv"))
    (small / "catalogue.tsv").write_text("A1\tsec\tposix\n")
    with pytest.raises(ValueError, match="catalogue.tsv:1"):
        catalogue.read_catalogue(small / "catalogue.tsv")
